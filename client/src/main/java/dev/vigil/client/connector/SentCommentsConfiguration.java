package dev.vigil.client.connector;

import dev.vigil.activities.connector.SentComments;
import dev.vigil.client.VigilProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger of Vigil's own posts in the ticketing systems, shared by the outbound activities (which write it) and
 * the webhook intake (which reads it to drop echoes); one file under the data directory.
 */
@Configuration(proxyBeanMethods = false)
public class SentCommentsConfiguration {

  @Bean
  SentComments sentComments(VigilProperties vigil) {
    return new SentComments(vigil.dataDir().resolve("connectors").resolve("sent-comments.tsv"));
  }
}
