package dev.vigil.client.connector;

import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.WriteBack;
import dev.vigil.activities.connector.github.GitHubApi;
import dev.vigil.activities.connector.jira.JiraApi;
import dev.vigil.activities.connector.zammad.ZammadApi;
import dev.vigil.activities.connector.zendesk.ZendeskApi;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ticketing systems' REST APIs Vigil writes its messages and ticket changes to ({@code
 * vigil.connectors.<source>.*}); a system whose credentials are not all set is not written to (its tickets use the
 * generic outbound webhook). Each system's {@code write-back} maps Vigil's analysts and priorities to its own.
 */
@ConfigurationProperties("vigil.connectors")
public record ConnectorApiProperties(Zendesk zendesk, Jira jira, Zammad zammad, GitHub github) {

  /** {@code VIGIL_ZENDESK_URL} (https://acme.zendesk.com), {@code VIGIL_ZENDESK_EMAIL}, {@code VIGIL_ZENDESK_API_TOKEN}. */
  public record Zendesk(String url, String email, String apiToken, WriteBack writeBack) {
    public Zendesk {
      writeBack = orDefaults(writeBack);
    }
  }

  /** {@code VIGIL_JIRA_URL} (https://acme.atlassian.net), {@code VIGIL_JIRA_EMAIL}, {@code VIGIL_JIRA_API_TOKEN}. */
  public record Jira(String url, String email, String apiToken, WriteBack writeBack) {
    public Jira {
      writeBack = orDefaults(writeBack);
    }
  }

  /** {@code VIGIL_ZAMMAD_URL} (https://support.acme.com), {@code VIGIL_ZAMMAD_TOKEN}. */
  public record Zammad(String url, String token, WriteBack writeBack) {
    public Zammad {
      writeBack = orDefaults(writeBack);
    }
  }

  /**
   * {@code VIGIL_GITHUB_API_URL} (default https://api.github.com; GHES: https://host/api/v3), {@code VIGIL_GITHUB_TOKEN};
   * {@code repositories} ({@code VIGIL_GITHUB_REPOSITORIES}, {@code owner/name,…}) are those a resync reads.
   */
  public record GitHub(String apiUrl, String token, List<String> repositories, WriteBack writeBack) {
    public GitHub {
      repositories = repositories == null ? List.of()
          : repositories.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
      writeBack = orDefaults(writeBack);
    }
  }

  private static WriteBack orDefaults(WriteBack writeBack) {
    return writeBack == null ? WriteBack.defaults() : writeBack;
  }

  /** The write-back mapping of {@code source}: its configured one, or the defaults (no analyst mapped). */
  public WriteBack writeBack(String source) {
    WriteBack configured = switch (source) {
      case "zendesk" -> zendesk == null ? null : zendesk.writeBack();
      case "jira" -> jira == null ? null : jira.writeBack();
      case "zammad" -> zammad == null ? null : zammad.writeBack();
      case "github" -> github == null ? null : github.writeBack();
      default -> null;
    };
    return orDefaults(configured);
  }

  /** The API clients of every fully configured system. */
  public List<TicketApi> apis(VendorHttp http) {
    List<TicketApi> apis = new ArrayList<>();
    if (zendesk != null && set(zendesk.url(), zendesk.email(), zendesk.apiToken())) {
      apis.add(new ZendeskApi(zendesk.url(), zendesk.email(), zendesk.apiToken(), http, zendesk.writeBack()));
    }
    if (jira != null && set(jira.url(), jira.email(), jira.apiToken())) {
      apis.add(new JiraApi(jira.url(), jira.email(), jira.apiToken(), http, jira.writeBack()));
    }
    if (zammad != null && set(zammad.url(), zammad.token())) {
      apis.add(new ZammadApi(zammad.url(), zammad.token(), http, zammad.writeBack()));
    }
    if (github != null && set(github.apiUrl(), github.token())) {
      apis.add(new GitHubApi(github.apiUrl(), github.token(), http, github.writeBack()));
    }
    return apis;
  }

  private static boolean set(String... values) {
    for (String value : values) {
      if (value == null || value.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
