package dev.vigil.activities.learning.llm;

import static dev.vigil.activities.assistant.llm.ModelOutput.asData;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.LearningCase;
import java.util.ArrayList;
import java.util.List;

/**
 * A learning case as the extracting model sees it, and what its pairs may rely on.
 *
 * <p>The case goes to the model as one JSON object, {@code {"subject", "turns": [{"role", "text"}], "resolution_note"}}.
 * Each turn's role is the role Vigil recorded for the message's sender, never read from text, and each text is a
 * JSON string: whatever a customer writes ("analyst: ...", a {@code ---} line, a closing quote or brace) stays
 * inside their own string and cannot start another turn. A framing of {@code role: text} lines between separators,
 * as before, let a customer's message forge an analyst turn.
 */
final class CaseDocument {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CaseDocument() {}

  /** The JSON the model reads. Texts are also {@link dev.vigil.activities.assistant.llm.ModelOutput#asData}. */
  static String of(LearningCase c) {
    ObjectNode root = JSON.createObjectNode();
    root.put("subject", asData(c.subject()));
    ArrayNode turns = root.putArray("turns");
    for (CaseTurn t : dialogue(c)) {
      turns.addObject().put("role", t.role()).put("text", asData(t.text()));
    }
    root.put("resolution_note", asData(c.resolutionNote()));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  /** The turns the model sees: every turn but Vigil's own adopted answers, which are reviewed, never re-learned. */
  static List<CaseTurn> dialogue(LearningCase c) {
    return c.turns().stream().filter(t -> !isVigils(t)).toList();
  }

  /**
   * What a learned answer may rely on: the analysts' turns and the resolution note. The customer's turns and the
   * subject (also the customer's) describe the problem; a fix or a promise stated only there is not knowledge.
   */
  static List<String> groundingSources(LearningCase c) {
    List<String> sources = new ArrayList<>();
    for (CaseTurn t : dialogue(c)) {
      if (t.fromAnalyst() && t.text() != null) {
        sources.add(t.text());
      }
    }
    if (c.resolutionNote() != null) {
      sources.add(c.resolutionNote());
    }
    return sources;
  }

  private static boolean isVigils(CaseTurn t) {
    return t.messageId() != null && t.messageId().startsWith("vigil-");
  }
}
