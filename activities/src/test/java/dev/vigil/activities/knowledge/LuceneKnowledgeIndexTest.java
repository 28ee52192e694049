package dev.vigil.activities.knowledge;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import java.nio.file.Path;
import java.time.Clock;
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
}
