package dev.vigil.starter.connector;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The native webhooks of the ticketing systems ({@code vigil.connectors.<source>.*}); each is refused (401) until its
 * {@code webhook-secret} is set, and any number can be connected at once.
 */
@ConfigurationProperties("vigil.connectors")
public record ConnectorProperties(SourceSettings zendesk, SourceSettings jira, SourceSettings zammad,
    SourceSettings github) {

  public ConnectorProperties {
    zendesk = orEmpty(zendesk);
    jira = orEmpty(jira);
    zammad = orEmpty(zammad);
    github = orEmpty(github);
  }

  private static SourceSettings orEmpty(SourceSettings settings) {
    return settings == null ? SourceSettings.withSecret(null) : settings;
  }
}
