package dev.vigil.activities.knowledge.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.KnnSearch;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TrackHits;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * The production knowledge index on Elasticsearch 8.19: entries behind an alias over a versioned index (so a reindex
 * can swap it), an explicit mapping with a 384-dimension cosine {@code dense_vector}, BM25 text fields, bulk writes,
 * optimistic concurrency through {@code if_seq_no}/{@code if_primary_term}, and every version in a history index.
 * BM25 and kNN run as one {@code _msearch} and are fused in Java (reciprocal rank), which also works where the
 * server has no {@code rrf} retriever.
 */
public final class ElasticsearchKnowledgeIndex implements KnowledgeIndex {
  static final int MAPPING_VERSION = 1;
  private static final String EMBEDDING = "embedding";
  private static final int HISTORY_PAGE = 1_000;
  /** Learned entries' question vectors (their primary vector is the answer's). */
  private static final String QUESTION_EMBEDDING = "question_embedding";
  private static final String NO_PRODUCT = "_none";
  /** No hit counting: lets BM25 skip non-competitive documents (block-max WAND) instead of scoring 10,000. */
  private static final TrackHits NO_TOTAL = TrackHits.of(t -> t.enabled(false));

  private final RestClient restClient;
  private final ElasticsearchClient client;
  private final Embedder embedder;
  private final ElasticsearchSettings settings;
  private final Clock clock;
  private final String alias;
  private final String historyAlias;
  private final Refresh refresh;

  private ElasticsearchKnowledgeIndex(RestClient restClient, Embedder embedder, ElasticsearchSettings settings,
      Clock clock) {
    this.restClient = restClient;
    this.client = new ElasticsearchClient(
        new RestClientTransport(restClient, new JacksonJsonpMapper(KnowledgeJson.MAPPER)));
    this.embedder = embedder;
    this.settings = settings;
    this.clock = clock;
    this.alias = settings.alias();
    this.historyAlias = settings.alias() + "-history";
    this.refresh = switch (settings.refresh()) {
      case "true" -> Refresh.True;
      case "false" -> Refresh.False;
      default -> Refresh.WaitFor;
    };
  }

  /** Connects and creates the indexes and aliases when they do not exist yet. */
  public static ElasticsearchKnowledgeIndex connect(ElasticsearchSettings settings, Embedder embedder, Clock clock) {
    RestClientBuilder builder = RestClient.builder(HttpHost.create(settings.url()));
    if (settings.username() != null && !settings.username().isBlank()) {
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      credentials.setCredentials(AuthScope.ANY,
          new UsernamePasswordCredentials(settings.username(), settings.password()));
      builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
    }
    ElasticsearchKnowledgeIndex index = new ElasticsearchKnowledgeIndex(builder.build(), embedder, settings, clock);
    try {
      index.ensureIndexes();
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    return index;
  }

  private void ensureIndexes() {
    ensureIndex(alias, entryMapping());
    ensureIndex(historyAlias, historyMapping());
    ensureQuestionEmbedding();
  }

  /**
   * Adds the question vector field to an index created before it existed (adding a field is an in-place mapping
   * change; entries written before get their question vector when they are next written).
   */
  private void ensureQuestionEmbedding() {
    try {
      client.indices().putMapping(m -> m.index(alias).withJson(new StringReader("""
          {"properties": {"%s": {"type": "dense_vector", "dims": %d, "index": true, "similarity": "cosine"}}}
          """.formatted(QUESTION_EMBEDDING, embedder.dimensions()))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch at " + settings.url(), e);
    }
  }

  private void ensureIndex(String aliasName, String mapping) {
    try {
      if (client.indices().existsAlias(a -> a.name(aliasName)).value()) {
        return;
      }
      String concrete = aliasName + "-v" + MAPPING_VERSION;
      try {
        client.indices().create(c -> c.index(concrete)
            .withJson(new StringReader(mapping))
            .aliases(aliasName, a -> a.isWriteIndex(true)));
      } catch (ElasticsearchException e) {
        if (!"resource_already_exists_exception".equals(e.error().type())) {
          throw e; // another Vigil process created it at the same moment otherwise
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Elasticsearch at " + settings.url(), e);
    }
  }

  private String entryMapping() {
    // "standard": the standard analyzer with English stop words (as the Lucene implementation); any other name is
    // an analyzer the server provides (e.g. "english" on a full distribution)
    String analyzer = "\"" + (settings.analyzer().equals("standard") ? "vigil_standard" : settings.analyzer()) + "\"";
    return """
        {"settings": {"number_of_shards": 1, "number_of_replicas": 0,
           "analysis": {"analyzer": {"vigil_standard": {"type": "standard", "stopwords": "_english_"}}}},
         "mappings": {
           "dynamic": false,
           "_source": {"excludes": ["embedding", "question_embedding"]},
           "properties": {
             "id": {"type": "keyword"},
             "kind": {"type": "keyword"},
             "status": {"type": "keyword"},
             "scope": {"type": "keyword"},
             "product": {"type": "keyword", "null_value": "%s"},
             "question": {"type": "text", "analyzer": %s, "copy_to": "text"},
             "answer": {"type": "text", "analyzer": %s, "copy_to": "text"},
             "tags": {"type": "text", "analyzer": %s, "copy_to": "text",
                      "fields": {"keyword": {"type": "keyword"}}},
             "text": {"type": "text", "analyzer": %s},
             "version": {"type": "long"},
             "createdAt": {"type": "date"},
             "updatedAt": {"type": "date"},
             "embedding": {"type": "dense_vector", "dims": %d, "index": true, "similarity": "cosine"},
             "question_embedding": {"type": "dense_vector", "dims": %d, "index": true, "similarity": "cosine"}
           }}}
        """.formatted(NO_PRODUCT, analyzer, analyzer, analyzer, analyzer, embedder.dimensions(),
        embedder.dimensions());
  }

  private static String historyMapping() {
    return """
        {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
         "mappings": {"dynamic": false, "properties": {
           "id": {"type": "keyword"}, "version": {"type": "long"}}}}
        """;
  }

  /** The stored entry and its sequence number and primary term, for compare-and-set. */
  private record Current(KnowledgeEntry entry, long seqNo, long primaryTerm) {}

  private Optional<Current> current(String id) throws IOException {
    GetResponse<ObjectNode> got = client.get(g -> g.index(alias).id(id), ObjectNode.class);
    if (!got.found() || got.source() == null) {
      return Optional.empty();
    }
    return Optional.of(new Current(KnowledgeJson.MAPPER.treeToValue(got.source(), KnowledgeEntry.class),
        got.seqNo(), got.primaryTerm()));
  }

  @Override
  public KnowledgeEntry upsert(KnowledgeEntry entry, long expectedVersion) {
    try {
      Optional<Current> current = current(entry.id());
      long actual = current.map(c -> c.entry().version()).orElse(0L);
      if (actual != expectedVersion) {
        throw new StaleVersionException(entry.id(), expectedVersion, actual);
      }
      KnowledgeEntry stored = entry.nextVersionOf(current.map(Current::entry).orElse(null), clock.instant());
      EmbeddingPipeline.Embedded vectors = EmbeddingPipeline.embed(List.of(stored), embedder);
      ObjectNode document = document(stored, vectors.primary().get(0), vectors.questions().get(0));
      try {
        client.index(i -> {
          i.index(alias).id(stored.id()).document(document).refresh(refresh);
          current.ifPresentOrElse(
              c -> i.ifSeqNo(c.seqNo()).ifPrimaryTerm(c.primaryTerm()),
              () -> i.opType(OpType.Create));
          return i;
        });
      } catch (ElasticsearchException | IOException e) {
        if (isVersionConflict(e)) {
          long now = current(entry.id()).map(c -> c.entry().version()).orElse(0L);
          throw new StaleVersionException(entry.id(), expectedVersion, now);
        }
        throw e;
      }
      // after the compare-and-set: a lost write never leaves a version in the history
      client.index(i -> i.index(historyAlias).id(stored.id() + ":" + stored.version())
          .document(KnowledgeJson.MAPPER.valueToTree(stored)).refresh(refresh));
      return stored;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public BulkResult bulkUpsert(List<KnowledgeEntry> entries) {
    try {
      Map<String, Current> found = currentAll(entries.stream().map(KnowledgeEntry::id).distinct().toList());
      Map<String, KnowledgeEntry> stored = new LinkedHashMap<>();
      found.forEach((id, current) -> stored.put(id, current.entry()));
      BulkPlan plan = BulkPlan.of(entries, stored, clock.instant());
      List<String> failures = new ArrayList<>(plan.failures());
      int[] written = {0};
      EmbeddingPipeline.run(plan.toWrite(), embedder,
          (slice, vectors, questionVectors) -> written[0] += writeBulk(slice, vectors, questionVectors, found,
              failures));
      return new BulkResult(written[0], plan.unchanged(), failures);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Current> currentAll(List<String> ids) throws IOException {
    Map<String, Current> found = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> slice = ids.subList(from, Math.min(ids.size(), from + 500));
      var response = client.mget(m -> m.index(alias).ids(slice), ObjectNode.class);
      for (var doc : response.docs()) {
        if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
          var result = doc.result();
          found.put(result.id(), new Current(KnowledgeJson.MAPPER.treeToValue(result.source(), KnowledgeEntry.class),
              result.seqNo(), result.primaryTerm()));
        }
      }
    }
    return found;
  }

  private int writeBulk(List<KnowledgeEntry> slice, List<float[]> vectors, List<float[]> questionVectors,
      Map<String, Current> existing, List<String> failures) throws IOException {
    BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(refresh);
    for (int i = 0; i < slice.size(); i++) {
      KnowledgeEntry entry = slice.get(i);
      ObjectNode document = document(entry, vectors.get(i), questionVectors.get(i));
      Current now = existing.get(entry.id());
      if (now == null) {
        bulk.operations(op -> op.create(c -> c.index(alias).id(entry.id()).document(document)));
      } else {
        bulk.operations(op -> op.index(x -> x.index(alias).id(entry.id()).document(document)
            .ifSeqNo(now.seqNo()).ifPrimaryTerm(now.primaryTerm())));
      }
    }
    BulkResponse response = client.bulk(bulk.build());
    List<KnowledgeEntry> accepted = new ArrayList<>();
    for (int i = 0; i < response.items().size(); i++) {
      BulkResponseItem item = response.items().get(i);
      if (item.error() != null) {
        failures.add(item.id() + ": " + item.error().type() + " " + item.error().reason());
      } else {
        accepted.add(slice.get(i));
      }
    }
    if (!accepted.isEmpty()) {
      BulkRequest.Builder history = new BulkRequest.Builder().refresh(refresh);
      for (KnowledgeEntry entry : accepted) {
        history.operations(op -> op.index(x -> x.index(historyAlias).id(entry.id() + ":" + entry.version())
            .document(KnowledgeJson.MAPPER.valueToTree(entry))));
      }
      BulkResponse historyResponse = client.bulk(history.build());
      if (historyResponse.errors()) {
        historyResponse.items().stream().filter(item -> item.error() != null)
            .forEach(item -> failures.add(item.id() + ": history not written: " + item.error().reason()));
      }
    }
    return accepted.size();
  }

  /** A lost compare-and-set: the client reports it as a typed error or, for some requests, as a raw HTTP 409. */
  private static boolean isVersionConflict(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ElasticsearchException ee && ee.status() == 409) {
        return true;
      }
      if (t instanceof ResponseException re && re.getResponse().getStatusLine().getStatusCode() == 409) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode document(KnowledgeEntry entry, float[] vector, float[] questionVector) {
    ObjectNode document = KnowledgeJson.MAPPER.valueToTree(entry);
    putVector(document, EMBEDDING, vector);
    if (questionVector != null) {
      putVector(document, QUESTION_EMBEDDING, questionVector);
    }
    return document;
  }

  private static void putVector(ObjectNode document, String field, float[] vector) {
    ArrayNode values = document.putArray(field);
    for (float v : vector) {
      values.add(v);
    }
  }

  @Override
  public Optional<KnowledgeEntry> get(String id) {
    try {
      return current(id).map(Current::entry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<KnowledgeEntry> history(String id) {
    try {
      SearchResponse<ObjectNode> response = client.search(s -> s.index(historyAlias)
              .size(10_000)
              .query(q -> q.term(t -> t.field("id").value(id)))
              .sort(o -> o.field(f -> f.field("version").order(SortOrder.Asc))),
          ObjectNode.class);
      return entries(response.hits().hits());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean delete(String id) {
    try {
      boolean existed = current(id).isPresent();
      if (existed) {
        client.delete(d -> d.index(alias).id(id).refresh(Refresh.True));
      }
      // every version by its document id (id:version), rather than _delete_by_query, which lives in the reindex
      // module that minimal distributions leave out
      List<KnowledgeEntry> versions = history(id);
      if (!versions.isEmpty()) {
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        for (KnowledgeEntry version : versions) {
          bulk.operations(op -> op.delete(d -> d.index(historyAlias).id(id + ":" + version.version())));
        }
        BulkResponse response = client.bulk(bulk.build());
        if (response.errors()) {
          throw new IllegalStateException("history of " + id + " not fully deleted: " + response.items().stream()
              .filter(item -> item.error() != null).map(item -> item.id() + " " + item.error().reason()).toList());
        }
      }
      if (existed || !versions.isEmpty()) {
        expungeDeletes();
      }
      return existed || !versions.isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deleted documents stay in their segments until merged away: merge them now, so the text leaves the disk. */
  private void expungeDeletes() throws IOException {
    client.indices().forcemerge(f -> f.index(alias, historyAlias).onlyExpungeDeletes(true));
  }

  @Override
  public Set<String> idsLearnedFrom(Collection<String> ticketIds) {
    Set<String> wanted = Set.copyOf(ticketIds);
    Set<String> ids = new LinkedHashSet<>();
    if (wanted.isEmpty()) {
      return ids;
    }
    try {
      // every version, the current one included, is in the history index: page through it in (id, version) order
      List<FieldValue> after = null;
      while (true) {
        List<FieldValue> from = after;
        SearchResponse<ObjectNode> page = client.search(s -> {
          s.index(historyAlias).size(HISTORY_PAGE).trackTotalHits(NO_TOTAL)
              .query(q -> q.matchAll(m -> m))
              .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
              .sort(o -> o.field(f -> f.field("version").order(SortOrder.Asc)));
          if (from != null) {
            s.searchAfter(from);
          }
          return s;
        }, ObjectNode.class);
        List<Hit<ObjectNode>> hits = page.hits().hits();
        for (Hit<ObjectNode> hit : hits) {
          KnowledgeEntry version = KnowledgeJson.MAPPER.treeToValue(hit.source(), KnowledgeEntry.class);
          if (version.provenance().namesAnyOf(wanted)) {
            ids.add(version.id());
          }
        }
        if (hits.size() < HISTORY_PAGE) {
          return ids;
        }
        after = hits.get(hits.size() - 1).sort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void rewriteVersions(String id, UnaryOperator<KnowledgeEntry> rewrite) {
    try {
      for (KnowledgeEntry version : history(id)) {
        KnowledgeEntry rewritten = rewrite.apply(version);
        client.index(i -> i.index(historyAlias).id(id + ":" + version.version())
            .document(KnowledgeJson.MAPPER.valueToTree(rewritten)).refresh(refresh));
      }
      for (int attempt = 1; ; attempt++) {
        Optional<Current> now = current(id);
        if (now.isEmpty()) {
          break;
        }
        KnowledgeEntry rewritten = rewrite.apply(now.get().entry());
        // the source keeps no vector (it is excluded), so the document is written whole, vectors included
        EmbeddingPipeline.Embedded vectors = EmbeddingPipeline.embed(List.of(rewritten), embedder);
        ObjectNode document = document(rewritten, vectors.primary().get(0), vectors.questions().get(0));
        try {
          client.index(i -> i.index(alias).id(id).document(document).refresh(refresh)
              .ifSeqNo(now.get().seqNo()).ifPrimaryTerm(now.get().primaryTerm()));
          break;
        } catch (ElasticsearchException | IOException e) {
          if (!isVersionConflict(e) || attempt == 5) {
            throw e;
          }
          // a curator wrote a version meanwhile: scrub that one (its history entry too) and try again
          KnowledgeEntry newer = current(id).map(Current::entry).orElse(null);
          if (newer != null) {
            client.index(i -> i.index(historyAlias).id(id + ":" + newer.version())
                .document(KnowledgeJson.MAPPER.valueToTree(rewrite.apply(newer))).refresh(refresh));
          }
        }
      }
      expungeDeletes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<RankedEntry> bm25(KnowledgeQuery query) {
    try {
      return ranked(client.search(s -> s.index(alias).size(query.k()).trackTotalHits(NO_TOTAL)
          .query(bm25Query(query)), ObjectNode.class).hits().hits(), query.k());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<RankedEntry> knn(KnowledgeQuery query, float[] vector) {
    try {
      return ranked(client.search(s -> s.index(alias).size(query.k()).trackTotalHits(NO_TOTAL)
          .knn(knn(query, vector, query.k())), ObjectNode.class).hits().hits(), query.k());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<KnowledgeHit> hybrid(KnowledgeQuery query, float[] vector) {
    try {
      // One round trip: the server runs the three legs (BM25, primary vectors, learned entries' question vectors)
      // in parallel. Each leg contributes its top k (the rank window,
      // as Elasticsearch's own rrf defaults to); kNN explores `candidates`.
      MsearchResponse<ObjectNode> response = client.msearch(m -> m
              .searches(s -> s.header(h -> h.index(alias))
                  .body(b -> b.size(query.k()).trackTotalHits(NO_TOTAL).query(bm25Query(query))))
              .searches(s -> s.header(h -> h.index(alias))
                  .body(b -> b.size(query.k()).trackTotalHits(NO_TOTAL).knn(knn(query, vector, query.k()))))
              .searches(s -> s.header(h -> h.index(alias))
                  .body(b -> b.size(query.k()).trackTotalHits(NO_TOTAL)
                      .knn(knn(QUESTION_EMBEDDING, query, vector, query.k())))),
          ObjectNode.class);
      Map<String, KnowledgeEntry> sources = new LinkedHashMap<>();
      List<Hit<ObjectNode>> lexical = resultOf(response.responses().get(0));
      List<Hit<ObjectNode>> semantic = resultOf(response.responses().get(1));
      List<Hit<ObjectNode>> byQuestion = resultOf(response.responses().get(2));
      for (List<Hit<ObjectNode>> leg : List.of(lexical, semantic, byQuestion)) {
        for (Hit<ObjectNode> hit : leg) {
          if (!sources.containsKey(hit.id())) {
            sources.put(hit.id(), KnowledgeJson.MAPPER.treeToValue(hit.source(), KnowledgeEntry.class));
          }
        }
      }
      List<KnowledgeHit> hits = new ArrayList<>();
      for (ReciprocalRankFusion.Fused<String> f : ReciprocalRankFusion.fuse(idRanks(lexical), idRanks(semantic),
          idRanks(byQuestion), query.k())) {
        hits.add(f.toHit(sources.get(f.key())));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ReciprocalRankFusion.Ranked<String>> idRanks(List<Hit<ObjectNode>> hits) {
    List<ReciprocalRankFusion.Ranked<String>> ranks = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      Hit<ObjectNode> hit = hits.get(i);
      ranks.add(new ReciprocalRankFusion.Ranked<>(hit.id(), i + 1, hit.score() == null ? 0 : hit.score()));
    }
    return ranks;
  }

  private static List<Hit<ObjectNode>> resultOf(MultiSearchResponseItem<ObjectNode> item) {
    if (item.isFailure()) {
      throw new IllegalStateException("search failed: " + item.failure().error().reason());
    }
    return item.result().hits().hits();
  }

  @Override
  public List<KnowledgeHit> search(KnowledgeQuery query) {
    return hybrid(query, embedder.embed(query.text()));
  }

  private static Query bm25Query(KnowledgeQuery query) {
    return Query.of(q -> q.bool(b -> b
        // one combined field (question, answer and tags copied into it), as the Lucene index searches: one
        // posting list per term instead of three
        .must(m -> m.match(mm -> mm.field("text").query(query.text())))
        .filter(filters(query))));
  }

  private static KnnSearch knn(KnowledgeQuery query, float[] vector, int k) {
    return knn(EMBEDDING, query, vector, k);
  }

  private static KnnSearch knn(String field, KnowledgeQuery query, float[] vector, int k) {
    List<Float> values = new ArrayList<>(vector.length);
    for (float v : vector) {
      values.add(v);
    }
    return KnnSearch.of(n -> n.field(field).queryVector(values).k(k).numCandidates(query.candidates())
        .filter(filters(query)));
  }

  /** Only what the caller may see: the statuses asked for, global or the caller's tenant, the product. */
  private static List<Query> filters(KnowledgeQuery query) {
    List<Query> filters = new ArrayList<>();
    filters.add(terms("status", query.statuses().stream().map(EntryStatus::wireName).toList()));
    filters.add(terms("scope", query.tenant() == null
        ? List.of(KnowledgeEntry.GLOBAL)
        : List.of(KnowledgeEntry.GLOBAL, query.tenant())));
    if (query.product() != null) {
      filters.add(terms("product", List.of(query.product(), NO_PRODUCT)));
    }
    return filters;
  }

  private static Query terms(String field, List<String> values) {
    return Query.of(q -> q.terms(t -> t.field(field)
        .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
  }

  @Override
  public List<KnowledgeEntry> list(KnowledgeFilter filter, int offset, int limit) {
    try {
      SearchResponse<ObjectNode> response = client.search(s -> s.index(alias)
              .from(offset).size(limit)
              .query(listQuery(filter))
              .sort(o -> o.field(f -> f.field("updatedAt").order(SortOrder.Desc)))
              .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
          ObjectNode.class);
      return entries(response.hits().hits());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long count(KnowledgeFilter filter) {
    try {
      return client.count(c -> c.index(alias).query(listQuery(filter))).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Query listQuery(KnowledgeFilter filter) {
    List<Query> filters = new ArrayList<>();
    if (filter.status() != null) {
      filters.add(terms("status", List.of(filter.status().wireName())));
    }
    if (filter.scope() != null) {
      filters.add(terms("scope", List.of(filter.scope())));
    }
    if (filter.kind() != null) {
      filters.add(terms("kind", List.of(filter.kind().wireName())));
    }
    return Query.of(q -> q.bool(b -> b.filter(filters)));
  }

  @Override
  public String health() {
    try {
      var health = client.cluster().health(h -> h.index(alias));
      if (health.status() == HealthStatus.Red) {
        throw new IllegalStateException("Elasticsearch index " + alias + " is red");
      }
      return "elasticsearch " + health.clusterName() + " " + health.status().jsonValue() + " at " + settings.url();
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch unreachable at " + settings.url(), e);
    }
  }

  @Override
  public long sizeInBytes() {
    try {
      var stats = client.indices().stats(st -> st.index(alias, historyAlias).metric("store"));
      return stats.all().total().store().sizeInBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes every write so far visible to search (for bulk loads written with refresh {@code false}). */
  public void refresh() {
    try {
      client.indices().refresh(r -> r.index(alias, historyAlias));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<RankedEntry> ranked(List<Hit<ObjectNode>> hits, int keep) throws IOException {
    List<RankedEntry> ranked = new ArrayList<>(Math.min(keep, hits.size()));
    for (int i = 0; i < hits.size() && i < keep; i++) {
      Hit<ObjectNode> hit = hits.get(i);
      ranked.add(new RankedEntry(KnowledgeJson.MAPPER.treeToValue(hit.source(), KnowledgeEntry.class), i + 1,
          hit.score() == null ? 0 : hit.score()));
    }
    return ranked;
  }

  private static List<KnowledgeEntry> entries(List<Hit<ObjectNode>> hits) throws IOException {
    List<KnowledgeEntry> entries = new ArrayList<>(hits.size());
    for (Hit<ObjectNode> hit : hits) {
      entries.add(KnowledgeJson.MAPPER.treeToValue(hit.source(), KnowledgeEntry.class));
    }
    return entries;
  }

  @Override
  public void close() {
    try {
      restClient.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
