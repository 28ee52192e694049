package dev.vigil.activities.knowledge.lucene;

import dev.vigil.activities.knowledge.BulkPlan;
import dev.vigil.activities.knowledge.BulkResult;
import dev.vigil.activities.knowledge.Embedder;
import dev.vigil.activities.knowledge.EmbeddingPipeline;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeFilter;
import dev.vigil.activities.knowledge.KnowledgeHit;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.KnowledgeJson;
import dev.vigil.activities.knowledge.KnowledgeQuery;
import dev.vigil.activities.knowledge.RankedEntry;
import dev.vigil.activities.knowledge.ReciprocalRankFusion;
import dev.vigil.activities.knowledge.StaleVersionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * The embedded knowledge index: Lucene on disk, BM25 over question, answer and tags, HNSW vectors (cosine). One writer
 * (writes are serialised and committed, so they survive a crash or restart; the directory's write lock keeps a second
 * process out), any number of concurrent readers through a {@link SearcherManager}.
 *
 * <p>Each entry is one "current" document (searchable, with its vector) plus one "history" document per version.
 */
public final class LuceneKnowledgeIndex implements KnowledgeIndex {
  private static final String KEY = "key";
  private static final String DOCTYPE = "doctype";
  private static final String CURRENT = "current";
  private static final String HISTORY = "history";
  private static final String ID = "id";
  private static final String STATUS = "status";
  private static final String SCOPE = "scope";
  private static final String KIND = "kind";
  private static final String PRODUCT = "product";
  private static final String TEXT = "text";
  private static final String VECTOR = "vector";
  /** Learned entries' question vectors (their primary vector is the answer's). */
  private static final String QUESTION_VECTOR = "question_vector";
  private static final String VERSION = "version";
  private static final String UPDATED = "updated";
  private static final String JSON = "json";
  /** Product value of entries that apply to every product. */
  private static final String NO_PRODUCT = "_none";

  private final boolean durableWrites;
  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Embedder embedder;
  private final Analyzer analyzer;
  private final Clock clock;
  private final ExecutorService retrievers = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "lucene-knowledge-search");
    t.setDaemon(true);
    return t;
  });

  private LuceneKnowledgeIndex(Path path, Directory directory, IndexWriter writer, Embedder embedder,
      Analyzer analyzer, Clock clock, boolean durableWrites) throws IOException {
    this.durableWrites = durableWrites;
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.embedder = embedder;
    this.analyzer = analyzer;
    this.clock = clock;
  }

  /**
   * Opens (or creates) the index under {@code path}. {@code analyzer}: {@code standard} (Unicode word splitting,
   * lower case, English stop words, as the Elasticsearch implementation configures its standard analyzer) or
   * {@code english} (also stemming).
   */
  public static LuceneKnowledgeIndex open(Path path, Embedder embedder, String analyzer, Clock clock) {
    return open(path, embedder, analyzer, clock, true);
  }

  /**
   * {@code durableWrites}: commit (fsync) every write, so an acknowledged write survives a crash — what Vigil runs
   * with. Without it writes are searchable at once but reach the disk at close: for throwaway indexes (the
   * evaluation harness), where fsyncs would dominate the run time.
   */
  public static LuceneKnowledgeIndex open(Path path, Embedder embedder, String analyzer, Clock clock,
      boolean durableWrites) {
    try {
      Files.createDirectories(path);
      Directory directory = FSDirectory.open(path);
      Analyzer textAnalyzer = switch (analyzer) {
        case "standard" -> new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        case "english" -> new EnglishAnalyzer();
        default -> throw new IllegalArgumentException("unknown analyzer '" + analyzer + "' (standard, english)");
      };
      IndexWriterConfig config = new IndexWriterConfig(textAnalyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(64);
      IndexWriter writer;
      try {
        writer = new IndexWriter(directory, config);
      } catch (org.apache.lucene.store.LockObtainFailedException e) {
        directory.close();
        throw new IllegalStateException("knowledge index " + path + " is open in another process", e);
      }
      writer.commit();
      return new LuceneKnowledgeIndex(path, directory, writer, embedder, textAnalyzer, clock, durableWrites);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open knowledge index at " + path, e);
    }
  }

  private void commitIfDurable() throws IOException {
    if (durableWrites) {
      writer.commit();
    }
  }

  @Override
  public synchronized KnowledgeEntry upsert(KnowledgeEntry entry, long expectedVersion) {
    try {
      KnowledgeEntry previous = current(entry.id()).orElse(null);
      long actual = previous == null ? 0 : previous.version();
      if (actual != expectedVersion) {
        throw new StaleVersionException(entry.id(), expectedVersion, actual);
      }
      KnowledgeEntry stored = entry.nextVersionOf(previous, clock.instant());
      EmbeddingPipeline.Embedded vectors = EmbeddingPipeline.embed(List.of(stored), embedder);
      write(stored, vectors.primary().get(0), vectors.questions().get(0));
      commitIfDurable();
      searchers.maybeRefreshBlocking();
      return stored;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized BulkResult bulkUpsert(List<KnowledgeEntry> entries) {
    try {
      Map<String, KnowledgeEntry> stored = new LinkedHashMap<>();
      for (KnowledgeEntry entry : entries) {
        current(entry.id()).ifPresent(e -> stored.put(e.id(), e));
      }
      BulkPlan plan = BulkPlan.of(entries, stored, clock.instant());
      List<KnowledgeEntry> batch = plan.toWrite();
      EmbeddingPipeline.run(batch, embedder, (slice, vectors, questionVectors) -> {
        for (int i = 0; i < slice.size(); i++) {
          write(slice.get(i), vectors.get(i), questionVectors.get(i));
        }
      });
      commitIfDurable();
      searchers.maybeRefreshBlocking();
      return new BulkResult(batch.size(), plan.unchanged(), plan.failures());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(KnowledgeEntry entry, float[] vector, float[] questionVector) throws IOException {
    String json = KnowledgeJson.write(entry);
    Document current = new Document();
    current.add(new StringField(KEY, "c:" + entry.id(), Field.Store.NO));
    current.add(new StringField(DOCTYPE, CURRENT, Field.Store.NO));
    addCommonFields(current, entry, json);
    current.add(new StringField(STATUS, entry.status().wireName(), Field.Store.NO));
    current.add(new StringField(SCOPE, entry.scope(), Field.Store.NO));
    current.add(new StringField(KIND, entry.kind().wireName(), Field.Store.NO));
    current.add(new StringField(PRODUCT, entry.product() == null ? NO_PRODUCT : entry.product(), Field.Store.NO));
    current.add(new TextField(TEXT, searchableText(entry), Field.Store.NO));
    current.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
    if (questionVector != null) {
      current.add(new KnnFloatVectorField(QUESTION_VECTOR, questionVector, VectorSimilarityFunction.COSINE));
    }
    current.add(new NumericDocValuesField(UPDATED, entry.updatedAt().toEpochMilli()));
    writer.updateDocument(new Term(KEY, "c:" + entry.id()), current);

    Document history = new Document();
    history.add(new StringField(KEY, "h:" + entry.id() + ":" + entry.version(), Field.Store.NO));
    history.add(new StringField(DOCTYPE, HISTORY, Field.Store.NO));
    addCommonFields(history, entry, json);
    writer.updateDocument(new Term(KEY, "h:" + entry.id() + ":" + entry.version()), history);
  }

  private static void addCommonFields(Document doc, KnowledgeEntry entry, String json) {
    doc.add(new StringField(ID, entry.id(), Field.Store.NO));
    doc.add(new NumericDocValuesField(VERSION, entry.version()));
    doc.add(new StoredField(JSON, json));
  }

  private static String searchableText(KnowledgeEntry entry) {
    return (entry.question() == null ? "" : entry.question()) + "\n" + entry.answer() + "\n"
        + String.join(" ", entry.tags());
  }

  @Override
  public Optional<KnowledgeEntry> get(String id) {
    try {
      return current(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<KnowledgeEntry> current(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(KEY, "c:" + id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(entryOf(searcher, top.scoreDocs[0]));
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public List<KnowledgeEntry> history(String id) {
    Query query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(ID, id)), Occur.FILTER)
        .add(new TermQuery(new Term(DOCTYPE, HISTORY)), Occur.FILTER)
        .build();
    return sorted(query, new Sort(new SortField(VERSION, SortField.Type.LONG)), 0, 10_000);
  }

  @Override
  public synchronized boolean delete(String id) {
    try {
      boolean existed = current(id).isPresent() || !history(id).isEmpty();
      if (existed) {
        // current and history documents all carry the id; expunging rewrites the segments that held them, so the
        // text is gone from the files and not only hidden
        writer.deleteDocuments(new Term(ID, id));
        writer.forceMergeDeletes(true);
        writer.commit();
        searchers.maybeRefreshBlocking();
      }
      return existed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Set<String> idsLearnedFrom(Collection<String> ticketIds) {
    Set<String> wanted = Set.copyOf(ticketIds);
    Set<String> ids = new LinkedHashSet<>();
    if (wanted.isEmpty()) {
      return ids;
    }
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        Query versions = new TermQuery(new Term(DOCTYPE, HISTORY));
        TopDocs all = searcher.search(versions, Math.max(1, searcher.count(versions)));
        for (ScoreDoc doc : all.scoreDocs) {
          KnowledgeEntry version = entryOf(searcher, doc);
          if (version.provenance().namesAnyOf(wanted)) {
            ids.add(version.id());
          }
        }
      } finally {
        searchers.release(searcher);
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void rewriteVersions(String id, UnaryOperator<KnowledgeEntry> rewrite) {
    try {
      KnowledgeEntry now = current(id).orElse(null);
      for (KnowledgeEntry version : history(id)) {
        KnowledgeEntry rewritten = rewrite.apply(version);
        String json = KnowledgeJson.write(rewritten);
        Document history = new Document();
        history.add(new StringField(KEY, "h:" + id + ":" + version.version(), Field.Store.NO));
        history.add(new StringField(DOCTYPE, HISTORY, Field.Store.NO));
        addCommonFields(history, rewritten, json);
        writer.updateDocument(new Term(KEY, "h:" + id + ":" + version.version()), history);
      }
      if (now != null) {
        KnowledgeEntry rewritten = rewrite.apply(now);
        EmbeddingPipeline.Embedded vectors = EmbeddingPipeline.embed(List.of(rewritten), embedder);
        write(rewritten, vectors.primary().get(0), vectors.questions().get(0));
      }
      // the replaced documents' text must leave the files too
      writer.forceMergeDeletes(true);
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<RankedEntry> bm25(KnowledgeQuery query) {
    Query text = textQuery(query);
    return text == null ? List.of() : ranked(text, query.k(), query.k());
  }

  /** BM25 over the entry text with the query's filters; null when analysis leaves no terms (e.g. punctuation). */
  private Query textQuery(KnowledgeQuery query) {
    Query text = new QueryBuilder(analyzer).createBooleanQuery(TEXT, query.text(), Occur.SHOULD);
    if (text == null) {
      return null;
    }
    return new BooleanQuery.Builder().add(text, Occur.MUST).add(filter(query), Occur.FILTER).build();
  }

  @Override
  public List<RankedEntry> knn(KnowledgeQuery query, float[] vector) {
    // explores `candidates` neighbours, as Elasticsearch's num_candidates does, and keeps the best k
    return ranked(new KnnFloatVectorQuery(VECTOR, vector, query.candidates(), filter(query)), query.candidates(),
        query.k());
  }

  @Override
  public List<KnowledgeHit> hybrid(KnowledgeQuery query, float[] vector) {
    Query text = textQuery(query);
    Query knn = new KnnFloatVectorQuery(VECTOR, vector, query.candidates(), filter(query));
    Query questionKnn = new KnnFloatVectorQuery(QUESTION_VECTOR, vector, query.candidates(), filter(query));
    try {
      // Each leg contributes its top k (the rank window, as Elasticsearch's rrf defaults to); kNN explores
      // `candidates`. All legs run on one searcher so Lucene doc ids identify hits, and only the fused top k is
      // loaded.
      IndexSearcher searcher = searchers.acquire();
      try {
        Future<TopDocs> lexical = text == null ? null : retrievers.submit(() -> searcher.search(text, query.k()));
        Future<TopDocs> questions = retrievers.submit(() -> searcher.search(questionKnn, query.k()));
        List<ReciprocalRankFusion.Ranked<Integer>> semantic = docRanks(searcher.search(knn, query.k()));
        List<ReciprocalRankFusion.Ranked<Integer>> bm25 = lexical == null ? List.of() : docRanks(lexical.get());
        List<ReciprocalRankFusion.Ranked<Integer>> byQuestion = docRanks(questions.get());
        List<KnowledgeHit> hits = new ArrayList<>();
        for (ReciprocalRankFusion.Fused<Integer> f
            : ReciprocalRankFusion.fuse(bm25, semantic, byQuestion, query.k())) {
          hits.add(f.toHit(entryOf(searcher, f.key())));
        }
        return hits;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("BM25 search failed", e.getCause());
    }
  }

  private static List<ReciprocalRankFusion.Ranked<Integer>> docRanks(TopDocs top) {
    List<ReciprocalRankFusion.Ranked<Integer>> ranks = new ArrayList<>(top.scoreDocs.length);
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ranks.add(new ReciprocalRankFusion.Ranked<>(top.scoreDocs[i].doc, i + 1, top.scoreDocs[i].score));
    }
    return ranks;
  }

  @Override
  public List<KnowledgeHit> search(KnowledgeQuery query) {
    return hybrid(query, embedder.embed(query.text()));
  }

  @Override
  public List<KnowledgeEntry> list(KnowledgeFilter filter, int offset, int limit) {
    return sorted(listQuery(filter), new Sort(new SortField(UPDATED, SortField.Type.LONG, true)), offset, limit);
  }

  @Override
  public long count(KnowledgeFilter filter) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.count(listQuery(filter));
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String health() {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return "lucene at " + path + ", " + searcher.count(new TermQuery(new Term(DOCTYPE, CURRENT))) + " entries";
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long sizeInBytes() {
    try (var files = Files.list(path)) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Query listQuery(KnowledgeFilter filter) {
    BooleanQuery.Builder q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(DOCTYPE, CURRENT)), Occur.FILTER);
    if (filter.status() != null) {
      q.add(new TermQuery(new Term(STATUS, filter.status().wireName())), Occur.FILTER);
    }
    if (filter.scope() != null) {
      q.add(new TermQuery(new Term(SCOPE, filter.scope())), Occur.FILTER);
    }
    if (filter.kind() != null) {
      q.add(new TermQuery(new Term(KIND, filter.kind().wireName())), Occur.FILTER);
    }
    return q.build();
  }

  /** Current entries the caller may see: the statuses asked for, global or the caller's tenant, the product. */
  private static Query filter(KnowledgeQuery query) {
    List<BytesRef> statuses = query.statuses().stream().map(EntryStatus::wireName).map(BytesRef::new).toList();
    List<BytesRef> scopes = query.tenant() == null
        ? List.of(new BytesRef(KnowledgeEntry.GLOBAL))
        : List.of(new BytesRef(KnowledgeEntry.GLOBAL), new BytesRef(query.tenant()));
    BooleanQuery.Builder q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(DOCTYPE, CURRENT)), Occur.FILTER)
        .add(new TermInSetQuery(STATUS, statuses), Occur.FILTER)
        .add(new TermInSetQuery(SCOPE, scopes), Occur.FILTER);
    if (query.product() != null) {
      q.add(new TermInSetQuery(PRODUCT, List.of(new BytesRef(query.product()), new BytesRef(NO_PRODUCT))),
          Occur.FILTER);
    }
    return q.build();
  }

  private List<RankedEntry> ranked(Query query, int n, int keep) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(query, n);
        List<RankedEntry> hits = new ArrayList<>(Math.min(keep, top.scoreDocs.length));
        for (int i = 0; i < top.scoreDocs.length && i < keep; i++) {
          hits.add(new RankedEntry(entryOf(searcher, top.scoreDocs[i]), i + 1, top.scoreDocs[i].score));
        }
        return hits;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<KnowledgeEntry> sorted(Query query, Sort sort, int offset, int limit) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(query, Math.max(1, offset + limit), sort);
        List<KnowledgeEntry> entries = new ArrayList<>();
        for (int i = offset; i < top.scoreDocs.length; i++) {
          entries.add(entryOf(searcher, top.scoreDocs[i]));
        }
        return entries;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KnowledgeEntry entryOf(IndexSearcher searcher, ScoreDoc hit) throws IOException {
    return entryOf(searcher, hit.doc);
  }

  private static KnowledgeEntry entryOf(IndexSearcher searcher, int doc) throws IOException {
    return KnowledgeJson.read(searcher.storedFields().document(doc, Set.of(JSON)).get(JSON));
  }

  @Override
  public synchronized void close() {
    retrievers.shutdownNow();
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close knowledge index " + path, e);
    }
  }
}
