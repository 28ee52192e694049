package dev.vigil.activities.knowledge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.KnowledgeEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeFileTest {
  @TempDir
  Path dir;

  @Test
  void jsonlGivesEntriesAndNamesBadLines() throws Exception {
    Path file = dir.resolve("faq.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"question\":\"How do I reset my password?\",\"answer\":\"Settings > Security.\",\"tags\":[\"login\"]}",
        "",
        "{\"question\":\"Where are invoices?\",\"answer\":\"Billing > Documents.\",\"product\":\"billing\","
            + "\"scope\":\"acme\"}",
        "{not json",
        "{\"question\":\"No answer\"}",
        "{\"question\":\"Bad tags\",\"answer\":\"x\",\"tags\":\"one\"}",
        "[1]",
        "{\"question\":\"Bad scope\",\"answer\":\"x\",\"scope\":\"../etc\"}"));
    KnowledgeFile.Parsed parsed = KnowledgeFile.read(file);
    assertThat(parsed.entries()).extracting(KnowledgeEntry::question)
        .containsExactly("How do I reset my password?", "Where are invoices?");
    assertThat(parsed.entries().get(0).scope()).isEqualTo("global");
    assertThat(parsed.entries().get(0).tags()).containsExactly("login");
    assertThat(parsed.entries().get(1).scope()).isEqualTo("acme");
    assertThat(parsed.entries().get(1).provenance().importSource()).isEqualTo("faq.jsonl");
    assertThat(parsed.problems()).extracting(ImportProblem::line).containsExactly(4, 5, 6, 7, 8);
    assertThat(parsed.problems().get(1).reason()).isEqualTo("answer is missing");
  }

  @Test
  void markdownGivesOneEntryPerSecondLevelSection() throws Exception {
    Path file = dir.resolve("faq.md");
    Files.writeString(file, String.join("\n",
        "# Storage FAQ",
        "Intro text that belongs to no entry.",
        "## Why do snapshots fail with QuotaExceeded?",
        "The project hit its snapshot quota.",
        "",
        "Delete old snapshots or raise the quota.",
        "## Empty section",
        "",
        "## How do I attach a volume?",
        "Stop the instance first."));
    KnowledgeFile.Parsed parsed = KnowledgeFile.read(file);
    assertThat(parsed.entries()).hasSize(2);
    assertThat(parsed.entries().get(0).question()).isEqualTo("Why do snapshots fail with QuotaExceeded?");
    assertThat(parsed.entries().get(0).answer())
        .isEqualTo("The project hit its snapshot quota.\n\nDelete old snapshots or raise the quota.");
    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(7);
      assertThat(p.reason()).isEqualTo("answer is missing");
    });
  }

  @Test
  void idsAreStableAcrossWhitespaceAndCase_butDifferByScope() {
    assertThat(KnowledgeFile.idOf("global", "How do I  reset my Password?"))
        .isEqualTo(KnowledgeFile.idOf("global", " how do i reset my password? "));
    assertThat(KnowledgeFile.idOf("acme", "q")).isNotEqualTo(KnowledgeFile.idOf("global", "q"));
  }
}
