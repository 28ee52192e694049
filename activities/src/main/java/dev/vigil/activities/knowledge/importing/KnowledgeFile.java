package dev.vigil.activities.knowledge.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads knowledge to import: JSONL ({@code {question, answer, product?, tags?, scope?}} a line) or Markdown (one
 * entry per {@code ##} section: the heading is the question, the section body the answer). Entries get ids derived
 * from their scope and question, so importing the same file again changes nothing.
 */
public final class KnowledgeFile {
  public static final int MAX_QUESTION = 1_000;
  public static final int MAX_ANSWER = 20_000;
  public static final int MAX_TAGS = 20;
  private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Valid entries and the problems found, in file order. */
  public record Parsed(List<KnowledgeEntry> entries, List<ImportProblem> problems) {}

  private KnowledgeFile() {}

  public static Parsed read(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String source = file.getFileName().toString();
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return validate(markdown(content), source);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return jsonl(content, source);
    }
    throw new IllegalArgumentException("unknown knowledge file type " + file + " (use .jsonl or .md)");
  }

  static Parsed jsonl(String content, String source) {
    List<ImportedItem> items = new ArrayList<>();
    List<ImportProblem> problems = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        if (!node.isObject()) {
          problems.add(new ImportProblem(i + 1, "not a JSON object"));
          continue;
        }
        items.add(new ImportedItem(i + 1, text(node, "question"), text(node, "answer"), text(node, "product"),
            tags(node), text(node, "scope")));
      } catch (JsonProcessingException e) {
        problems.add(new ImportProblem(i + 1, "invalid JSON: " + e.getOriginalMessage()));
      } catch (IllegalArgumentException e) {
        problems.add(new ImportProblem(i + 1, e.getMessage()));
      }
    }
    Parsed validated = validate(items, source);
    List<ImportProblem> all = new ArrayList<>(problems);
    all.addAll(validated.problems());
    all.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new Parsed(validated.entries(), all);
  }

  static List<ImportedItem> markdown(String content) {
    List<ImportedItem> items = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    String heading = null;
    int headingLine = 0;
    StringBuilder body = new StringBuilder();
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : null;
      boolean sectionEnds = line == null || line.startsWith("## ") || line.equals("##")
          || (line.startsWith("# ") && !line.startsWith("##"));
      if (sectionEnds) {
        if (heading != null) {
          items.add(new ImportedItem(headingLine, heading, body.toString().strip(), null, List.of(), null));
        }
        heading = line != null && line.startsWith("##") ? line.substring(2).strip() : null;
        headingLine = i + 1;
        body.setLength(0);
      } else if (heading != null) {
        body.append(line).append('\n');
      }
    }
    return items;
  }

  /** Validates items (from a file or an API batch) into entries and problems. */
  public static Parsed validate(List<ImportedItem> items, String source) {
    List<KnowledgeEntry> entries = new ArrayList<>();
    List<ImportProblem> problems = new ArrayList<>();
    for (ImportedItem item : items) {
      String problem = problemOf(item);
      if (problem != null) {
        problems.add(new ImportProblem(item.line(), problem));
        continue;
      }
      String scope = item.scope() == null ? KnowledgeEntry.GLOBAL : item.scope();
      entries.add(KnowledgeEntry.draft(idOf(scope, item.question()), EntryKind.DOC, item.question().strip(),
          item.answer().strip(), item.product(), item.tags(), scope, Provenance.imported(source),
          EntryStatus.ACTIVE));
    }
    return new Parsed(entries, problems);
  }

  private static String problemOf(ImportedItem item) {
    if (item.question() == null || item.question().isBlank()) {
      return "question is missing";
    }
    if (item.answer() == null || item.answer().isBlank()) {
      return "answer is missing";
    }
    if (item.question().length() > MAX_QUESTION) {
      return "question is longer than " + MAX_QUESTION + " characters";
    }
    if (item.answer().length() > MAX_ANSWER) {
      return "answer is longer than " + MAX_ANSWER + " characters";
    }
    if (item.scope() != null && !SCOPE.matcher(item.scope()).matches()) {
      return "scope must be 'global' or a tenant id (letters, digits, . _ -)";
    }
    if (item.tags().size() > MAX_TAGS) {
      return "more than " + MAX_TAGS + " tags";
    }
    return null;
  }

  /** A stable id from scope and normalised question, so a re-import finds the entry it made before. */
  public static String idOf(String scope, String question) {
    String key = scope + "\n" + WHITESPACE.matcher(question.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "doc-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value.textValue().isBlank() ? null : value.textValue();
  }

  private static List<String> tags(JsonNode node) {
    JsonNode value = node.get("tags");
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException("tags must be an array of strings");
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode tag : value) {
      if (!tag.isTextual() || tag.textValue().isBlank() || tag.textValue().length() > 50) {
        throw new IllegalArgumentException("tags must be non-blank strings of at most 50 characters");
      }
      tags.add(tag.textValue().strip());
    }
    return tags;
  }
}
