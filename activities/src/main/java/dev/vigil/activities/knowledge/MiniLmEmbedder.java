package dev.vigil.activities.knowledge;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.Path;

/**
 * The in-process all-MiniLM-L6-v2 model (384 dimensions, ONNX, shipped inside its jar). Its tokenizer reads only the
 * first 128 tokens of a text, so callers embed focused text. Vectors are L2-normalised.
 */
public final class MiniLmEmbedder extends OnnxEmbedder {
  public static final int DIMENSIONS = 384;

  private MiniLmEmbedder(int threads) {
    super("minilm-embedder", threads, AllMiniLmL6V2EmbeddingModel::new, DIMENSIONS, true);
  }

  /**
   * Loads the model (about 3 s). The tokenizer's native library is cached in {@code cacheDir} (DJL's cache), not in
   * the user's home, unless {@code DJL_CACHE_DIR} is already set.
   */
  public static MiniLmEmbedder load(Path cacheDir, int threads) {
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", cacheDir.toAbsolutePath().toString());
    }
    return new MiniLmEmbedder(threads);
  }
}
