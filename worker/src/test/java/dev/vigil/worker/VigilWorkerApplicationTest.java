package dev.vigil.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.worker.temporal.EmbeddedTemporalServer;
import dev.vigil.worker.temporal.SearchAttributeRegistrar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"vigil.temporal.dev-port=0", "vigil.data-dir=target/test-data/worker"})
class VigilWorkerApplicationTest {

  @Autowired
  TestRestTemplate http;

  @Autowired
  SearchAttributeRegistrar searchAttributes;

  @Autowired
  EmbeddedTemporalServer embedded;

  @Test
  void givenDefaultSettings_theEmbeddedDevServerListensOnLoopbackOnly() {
    assertThat(embedded.boundAddress().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void givenEmbeddedDevServer_workerIsHealthy_andSearchAttributesAreRegistered() {
    var health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody()).contains("\"status\":\"UP\"");
    // registered at start-up: a second pass finds nothing to add
    assertThat(searchAttributes.ensureRegistered()).isEmpty();
  }
}
