package dev.vigil.activities.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge-index contract on the embedded Lucene implementation. */
class LuceneKnowledgeIndexTest extends KnowledgeIndexContract {
  @TempDir
  Path dir;

  @Override
  protected KnowledgeIndex openFresh() {
    return LuceneKnowledgeIndex.open(dir.resolve("index"), SharedEmbedder.get(), "standard", Clock.systemUTC());
  }

  @Override
  protected KnowledgeIndex reopen(KnowledgeIndex index) {
    index.close();
    return openFresh();
  }

  @Test
  void aSecondWriterOnTheSameDirectoryIsRefused() {
    assertThatThrownBy(this::openFresh).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("open in another process");
  }

  @Test
  void aDeletedEntrysTextLeavesTheIndexFiles() throws IOException {
    String secret = "sk-live-9f8e7d6c5b4a3210zyxw";
    index.upsert(KnowledgeEntry.draft("leak", EntryKind.CUSTOM, "How do I connect?", "Use token " + secret, null,
        List.of(), "acme", Provenance.none(), EntryStatus.ACTIVE), 0);
    index.upsert(KnowledgeEntry.draft("keep", EntryKind.CUSTOM, "How do I reset?", "Hold the reset button.", null,
        List.of(), "acme", Provenance.none(), EntryStatus.ACTIVE), 0);
    assertThat(filesContaining(secret)).as("the test can see stored text").isNotEmpty();

    index.delete("leak");

    assertThat(filesContaining(secret)).isEmpty();
  }

  private List<Path> filesContaining(String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.list(dir.resolve("index"))) {
      return files.filter(f -> contains(f, needle)).toList();
    }
  }

  private static boolean contains(Path file, byte[] needle) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      outer:
      for (int i = 0; i + needle.length <= bytes.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (bytes[i + j] != needle[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    } catch (IOException e) {
      return false; // a segment file merged away while listing
    }
  }
}
