package dev.vigil.client.connector;

import dev.vigil.activities.connector.SentComments;
import dev.vigil.activities.connector.StateWrites;
import dev.vigil.client.VigilProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledgers of Vigil's own posts and ticket changes in the ticketing systems, shared by the outbound activities
 * (which write them) and the webhook intake (which reads them to drop echoes); files under the data directory.
 */
@Configuration(proxyBeanMethods = false)
public class SentCommentsConfiguration {

  @Bean
  SentComments sentComments(VigilProperties vigil) {
    return new SentComments(vigil.dataDir().resolve("connectors").resolve("sent-comments.tsv"));
  }

  @Bean
  StateWrites stateWrites(VigilProperties vigil) {
    return new StateWrites(vigil.dataDir().resolve("connectors").resolve("state-writes.tsv"));
  }
}
