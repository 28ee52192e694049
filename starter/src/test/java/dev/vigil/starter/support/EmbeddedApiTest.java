package dev.vigil.starter.support;

import dev.vigil.testkit.http.VigilHttp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the tests that drive the embedded application over HTTP; they share one application context. */
@EmbeddedVigilTest
public abstract class EmbeddedApiTest {
  @LocalServerPort
  protected int port;

  protected VigilHttp http;

  @BeforeEach
  void httpClient() {
    http = new VigilHttp(port);
  }
}
