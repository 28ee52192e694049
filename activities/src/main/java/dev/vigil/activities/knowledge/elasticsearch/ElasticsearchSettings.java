package dev.vigil.activities.knowledge.elasticsearch;

import java.util.Objects;

/**
 * How to reach and lay out the Elasticsearch knowledge index.
 *
 * @param url e.g. {@code http://localhost:9200}
 * @param username optional basic-auth user
 * @param password optional basic-auth password
 * @param alias the alias entries are read and written through; the concrete index is {@code <alias>-v<n>}
 * @param analyzer text analyzer of question, answer and tags ({@code standard} unless the server has others)
 * @param refresh refresh policy of writes: {@code wait_for} (visible to search when the call returns), {@code true}
 *     (immediate refresh, for tests), {@code false}
 */
public record ElasticsearchSettings(
    String url, String username, String password, String alias, String analyzer, String refresh) {

  public ElasticsearchSettings {
    Objects.requireNonNull(url, "url");
    alias = alias == null || alias.isBlank() ? "vigil-knowledge" : alias;
    analyzer = analyzer == null || analyzer.isBlank() ? "standard" : analyzer;
    refresh = refresh == null || refresh.isBlank() ? "wait_for" : refresh;
    if (!refresh.equals("wait_for") && !refresh.equals("true") && !refresh.equals("false")) {
      throw new IllegalArgumentException("refresh must be wait_for, true or false");
    }
  }
}
