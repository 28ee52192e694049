package dev.vigil.starter.connector;

import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.client.connector.ConnectorApiProperties;
import dev.vigil.starter.config.WebhookProperties;
import dev.vigil.starter.connector.github.GitHubConnector;
import dev.vigil.starter.connector.jira.JiraConnector;
import dev.vigil.starter.connector.zammad.ZammadConnector;
import dev.vigil.starter.connector.zendesk.ZendeskConnector;
import dev.vigil.starter.connector.zendesk.ZendeskPeople;
import dev.vigil.workflows.ticket.Customer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The connectors by source name: every supported system, each refusing deliveries until its secret is set. */
@Component
public class ConnectorRegistry {
  private final Map<String, Connector> bySource;

  @Autowired
  public ConnectorRegistry(ConnectorProperties properties, WebhookProperties webhook, ConnectorApiProperties apis) {
    this(List.of(
        new ZendeskConnector(properties.zendesk(), webhook.tolerance(), zendeskPeople(apis)),
        new JiraConnector(properties.jira()),
        new ZammadConnector(properties.zammad()),
        new GitHubConnector(properties.github())));
  }

  public ConnectorRegistry(List<Connector> connectors) {
    this.bySource = connectors.stream().collect(Collectors.toUnmodifiableMap(Connector::source,
        Function.identity()));
  }

  /** The requester lookup when Zendesk's API is configured; otherwise customers keep the id the event gives. */
  private static UnaryOperator<Customer> zendeskPeople(ConnectorApiProperties apis) {
    ConnectorApiProperties.Zendesk zendesk = apis.zendesk();
    if (zendesk == null || blank(zendesk.url()) || blank(zendesk.email()) || blank(zendesk.apiToken())) {
      return UnaryOperator.identity();
    }
    return new ZendeskPeople(zendesk.url(), zendesk.email(), zendesk.apiToken(), new VendorHttp(),
        Clock.systemUTC())::complete;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  public Optional<Connector> find(String source) {
    return Optional.ofNullable(bySource.get(source));
  }

  public java.util.Set<String> sources() {
    return bySource.keySet();
  }
}
