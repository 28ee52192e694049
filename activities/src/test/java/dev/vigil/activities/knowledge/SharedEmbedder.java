package dev.vigil.activities.knowledge;

import java.nio.file.Path;

/** One MiniLM model per test JVM (loading it takes seconds); its native cache stays inside the build directory. */
public final class SharedEmbedder {
  private static MiniLmEmbedder instance;

  private SharedEmbedder() {}

  public static synchronized MiniLmEmbedder get() {
    if (instance == null) {
      instance = MiniLmEmbedder.load(Path.of("target", "djl-cache"), 2);
    }
    return instance;
  }
}
