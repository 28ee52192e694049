package dev.vigil.tools.bench.knowledge;

import dev.vigil.activities.knowledge.Embedder;
import dev.vigil.activities.knowledge.EmbeddingPipeline;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.KnowledgeQuery;
import dev.vigil.activities.knowledge.elasticsearch.ElasticsearchKnowledgeIndex;
import dev.vigil.activities.knowledge.elasticsearch.ElasticsearchSettings;
import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import dev.vigil.testkit.elasticsearch.LocalElasticsearch;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * {@code vigil bench knowledge}: indexes synthetic entries into each knowledge-index implementation and prints, side
 * by side in one run, p50/p99 latency of raw kNN, raw BM25 and hybrid search over the same queries (same k and
 * candidate count), the embedding model's own batched throughput against indexing throughput through each index
 * (embedding included), index size and heap. A program that prints figures, not a test.
 */
public final class KnowledgeBenchmark {
  /** What to run. {@code elasticsearchUrl} null starts a local Elasticsearch from the integ-test distribution. */
  public record Options(int entries, int queries, int k, int candidates, int throughputSample,
      boolean lucene, boolean elasticsearch, String elasticsearchUrl, Path workDir) {}

  /** The same batch size the index embeds with, so the model is measured as the index uses it. */
  private static final int BATCH = EmbeddingPipeline.BATCH;
  private static final int WARMUP = 200;

  private final Options options;
  private final Embedder model;
  private final PrintStream out;

  public KnowledgeBenchmark(Options options, Embedder model, PrintStream out) {
    this.options = options;
    this.model = model;
    this.out = out;
  }

  public void run() {
    SyntheticKnowledge synthetic = new SyntheticKnowledge(42);
    List<KnowledgeEntry> throughputEntries = synthetic.entries(options.throughputSample(), "tp-");
    List<KnowledgeEntry> entries = synthetic.entries(options.entries(), "e-");
    List<String> queries = synthetic.queries(options.queries() + WARMUP);
    out.printf("knowledge benchmark: %,d entries, %,d queries (+%d warm-up), k=%d, candidates=%d, %d cores, "
            + "Java %s%n", options.entries(), options.queries(), WARMUP, options.k(), options.candidates(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    List<KnowledgeEntry> modelSample = synthetic.entries(options.throughputSample(), "model-");
    embeddingThroughput(synthetic.entries(WARMUP, "warm-model-")); // JIT and ONNX warm-up

    CachingEmbedder embedder = new CachingEmbedder(model);
    long start = System.nanoTime();
    embedder.precompute(entries.stream().map(KnowledgeEntry::embeddingText).toList(), BATCH);
    embedder.precompute(queries, BATCH);
    out.printf("precomputed %,d entry and %,d query embeddings once for both indexes in %.0f s%n",
        entries.size(), queries.size(), seconds(start));

    List<Result> results = new ArrayList<>();
    if (options.lucene()) {
      results.add(measure("lucene", embedder, entries, throughputEntries, modelSample, queries, this::openLucene));
    }
    if (options.elasticsearch()) {
      results.add(measure("elasticsearch", embedder, entries, throughputEntries, modelSample, queries,
          this::openElasticsearch));
    }
    out.println();
    out.println("| index | kNN p50 / p99 ms | BM25 p50 / p99 ms | hybrid p50 / p99 ms | hybrid p99 / kNN p99 "
        + "| model texts/s | indexing with embedding, entries/s | vs model | bulk load entries/s | size MiB "
        + "| heap MiB |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (Result r : results) {
      out.printf("| %s | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.2f | %.0f | %.0f | %.0f%% | %.0f | %.0f | %.0f |%n",
          r.name, r.knn.p50, r.knn.p99, r.bm25.p50, r.bm25.p99, r.hybrid.p50, r.hybrid.p99,
          r.hybrid.p99 / r.knn.p99, r.modelRate, r.indexRate, 100 * r.indexRate / r.modelRate, r.loadRate,
          r.sizeBytes / 1048576.0, r.heapBytes / 1048576.0);
    }
  }

  private double embeddingThroughput(List<KnowledgeEntry> sample) {
    List<String> texts = sample.stream().map(KnowledgeEntry::embeddingText).toList();
    model.embedAll(texts.subList(0, Math.min(BATCH, texts.size()))); // warm-up
    long start = System.nanoTime();
    for (int from = 0; from < texts.size(); from += BATCH) {
      model.embedAll(texts.subList(from, Math.min(texts.size(), from + BATCH)));
    }
    return texts.size() / seconds(start);
  }

  private record Percentiles(double p50, double p99) {}

  private record Result(String name, Percentiles knn, Percentiles bm25, Percentiles hybrid, double modelRate,
      double indexRate, double loadRate, long sizeBytes, long heapBytes) {}

  private Result measure(String name, CachingEmbedder embedder, List<KnowledgeEntry> entries,
      List<KnowledgeEntry> throughputEntries, List<KnowledgeEntry> modelSample, List<String> queries,
      Function<Embedder, KnowledgeIndex> open) {
    out.printf("%n== %s ==%n", name);
    try (KnowledgeIndex index = open.apply(embedder)) {
      // warm the index's write path (JIT: the hot paths compile after thousands of calls; first segments) with
      // entries that are not part of the measurement; 200 were measurably too few (77 % instead of 83 %)
      index.bulkUpsert(new SyntheticKnowledge(7).entries(options.throughputSample(), "warm-" + name + "-"));
      // the model's own batched throughput and indexing through the index (model in the loop: these texts were
      // not precomputed), measured back to back
      double modelRate = embeddingThroughput(modelSample);
      long start = System.nanoTime();
      index.bulkUpsert(throughputEntries);
      double indexRate = throughputEntries.size() / seconds(start);
      out.printf("embedding model alone (embedAll, batches of %d): %.0f texts/s%n", BATCH, modelRate);
      out.printf("indexing through the index, embedding included: %.0f entries/s (%.0f%% of the model)%n",
          indexRate, 100 * indexRate / modelRate);

      start = System.nanoTime();
      int bulk = 1_000;
      for (int from = 0; from < entries.size(); from += bulk) {
        index.bulkUpsert(entries.subList(from, Math.min(entries.size(), from + bulk)));
        if ((from / bulk) % 10 == 9) {
          out.printf("  loaded %,d / %,d%n", from + bulk, entries.size());
        }
      }
      if (index instanceof ElasticsearchKnowledgeIndex es) {
        es.refresh();
      }
      double loadRate = entries.size() / seconds(start);
      out.printf("bulk load (precomputed embeddings): %,d entries in %.0f s, %.0f entries/s%n", entries.size(),
          seconds(start), loadRate);

      long[][] nanos = new long[3][options.queries()];
      for (int i = 0; i < queries.size(); i++) {
        String text = queries.get(i);
        KnowledgeQuery query = new KnowledgeQuery(text, "tenant-3", null, null, options.k(), options.candidates());
        float[] vector = embedder.embed(text);
        long t0 = System.nanoTime();
        index.knn(query, vector);
        long t1 = System.nanoTime();
        index.bm25(query);
        long t2 = System.nanoTime();
        index.hybrid(query, vector);
        long t3 = System.nanoTime();
        if (i >= WARMUP) {
          nanos[0][i - WARMUP] = t1 - t0;
          nanos[1][i - WARMUP] = t2 - t1;
          nanos[2][i - WARMUP] = t3 - t2;
        }
      }
      Percentiles knn = percentiles(nanos[0]);
      Percentiles bm25 = percentiles(nanos[1]);
      Percentiles hybrid = percentiles(nanos[2]);
      out.printf("kNN    p50 %.2f ms, p99 %.2f ms%n", knn.p50, knn.p99);
      out.printf("BM25   p50 %.2f ms, p99 %.2f ms%n", bm25.p50, bm25.p99);
      out.printf("hybrid p50 %.2f ms, p99 %.2f ms (p99 %.2fx kNN's)%n", hybrid.p50, hybrid.p99,
          hybrid.p99 / knn.p99);
      long size = index.sizeInBytes();
      long heap = usedHeapAfterGc();
      out.printf("index size %.0f MiB; this JVM's heap after GC %.0f MiB%n", size / 1048576.0, heap / 1048576.0);
      return new Result(name, knn, bm25, hybrid, modelRate, indexRate, loadRate, size, heap);
    }
  }

  private KnowledgeIndex openLucene(Embedder embedder) {
    try {
      Path dir = Files.createTempDirectory(options.workDir(), "bench-lucene");
      return LuceneKnowledgeIndex.open(dir, embedder, "standard", Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private KnowledgeIndex openElasticsearch(Embedder embedder) {
    String url = options.elasticsearchUrl() != null ? options.elasticsearchUrl() : LocalElasticsearch.shared().url();
    return ElasticsearchKnowledgeIndex.connect(new ElasticsearchSettings(url, null, null,
        "vigil-bench-" + System.currentTimeMillis(), "standard", "false"), embedder, Clock.systemUTC());
  }

  private static Percentiles percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Percentiles(sorted[(int) (sorted.length * 0.50)] / 1e6,
        sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
