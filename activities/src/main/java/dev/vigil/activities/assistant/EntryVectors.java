package dev.vigil.activities.assistant;

import dev.vigil.activities.knowledge.Embedder;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vectors the answering step compares a query with, per entry version: its question, its answer and each unit
 * of its answer ({@link PassageSelector#units}). Embedded once per entry version and kept in a bounded
 * least-recently-used cache, since the same entries answer many tickets.
 */
final class EntryVectors {
  /** One entry version's texts and vectors; {@code question} is null when the entry has no question. */
  record Vectors(float[] question, float[] answer, List<String> units, List<float[]> unitVectors) {}

  private final Embedder embedder;
  private final Map<String, Vectors> cache;

  EntryVectors(Embedder embedder, int capacity) {
    this.embedder = embedder;
    this.cache = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Vectors> eldest) {
        return size() > capacity;
      }
    };
  }

  Vectors of(KnowledgeEntry entry) {
    String key = entry.id() + "@" + entry.version() + "#" + entry.answer().hashCode();
    synchronized (cache) {
      Vectors cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    Vectors computed = compute(entry);
    synchronized (cache) {
      cache.put(key, computed);
    }
    return computed;
  }

  private Vectors compute(KnowledgeEntry entry) {
    boolean hasQuestion = entry.question() != null && !entry.question().isBlank();
    List<String> units = PassageSelector.units(entry.answer());
    List<String> texts = new ArrayList<>();
    texts.add(entry.answer());
    if (hasQuestion) {
      texts.add(entry.question());
    }
    // a one-unit answer is its own passage: its vector is the answer's
    boolean split = units.size() > 1;
    if (split) {
      texts.addAll(units);
    }
    List<float[]> vectors = embedder.embedAll(texts);
    int next = hasQuestion ? 2 : 1;
    List<float[]> unitVectors = split ? vectors.subList(next, vectors.size()) : List.of(vectors.get(0));
    return new Vectors(hasQuestion ? vectors.get(1) : null, vectors.get(0),
        split ? units : List.of(entry.answer().strip()), List.copyOf(unitVectors));
  }
}
