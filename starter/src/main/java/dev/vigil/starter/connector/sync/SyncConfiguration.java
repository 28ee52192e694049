package dev.vigil.starter.connector.sync;

import dev.vigil.activities.connector.SentComments;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.client.connector.ConnectorApiProperties;
import dev.vigil.starter.connector.ConnectorRegistry;
import dev.vigil.starter.connector.github.GitHubConnector;
import dev.vigil.starter.connector.github.GitHubSync;
import dev.vigil.starter.connector.jira.JiraConnector;
import dev.vigil.starter.connector.jira.JiraSync;
import dev.vigil.starter.connector.zammad.ZammadConnector;
import dev.vigil.starter.connector.zammad.ZammadSync;
import dev.vigil.starter.connector.zendesk.ZendeskConnector;
import dev.vigil.starter.connector.zendesk.ZendeskSync;
import dev.vigil.starter.ticket.TicketService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The resync service, with a reader for each system whose API is configured. */
@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

  @Bean
  TicketSync ticketSync(ConnectorApiProperties apis, ConnectorRegistry connectors, TicketService tickets,
      SentComments sent) {
    PagedApi api = new PagedApi(new VendorHttp());
    List<SyncReader> readers = new ArrayList<>();
    ConnectorApiProperties.Zendesk zendesk = apis.zendesk();
    if (zendesk != null && set(zendesk.url()) && set(zendesk.email()) && set(zendesk.apiToken())) {
      readers.add(new ZendeskSync((ZendeskConnector) connectors.find(ZendeskConnector.SOURCE).orElseThrow(),
          zendesk.url(), zendesk.email(), zendesk.apiToken(), api));
    }
    ConnectorApiProperties.Jira jira = apis.jira();
    if (jira != null && set(jira.url()) && set(jira.email()) && set(jira.apiToken())) {
      readers.add(new JiraSync((JiraConnector) connectors.find(JiraConnector.SOURCE).orElseThrow(), jira.url(),
          jira.email(), jira.apiToken(), api));
    }
    ConnectorApiProperties.Zammad zammad = apis.zammad();
    if (zammad != null && set(zammad.url()) && set(zammad.token())) {
      readers.add(new ZammadSync((ZammadConnector) connectors.find(ZammadConnector.SOURCE).orElseThrow(),
          zammad.url(), zammad.token(), api));
    }
    ConnectorApiProperties.GitHub github = apis.github();
    if (github != null && set(github.apiUrl()) && set(github.token()) && !github.repositories().isEmpty()) {
      readers.add(new GitHubSync((GitHubConnector) connectors.find(GitHubConnector.SOURCE).orElseThrow(),
          github.apiUrl(), github.token(), github.repositories(), api));
    }
    return new TicketSync(readers, tickets, sent);
  }

  private static boolean set(String value) {
    return value != null && !value.isBlank();
  }
}
