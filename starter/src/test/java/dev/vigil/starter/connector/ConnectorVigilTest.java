package dev.vigil.starter.connector;

import dev.vigil.starter.support.EmbeddedVigilApplication;
import dev.vigil.testkit.http.VigilHttp;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The embedded application with every connector's webhook secret and the static webhook token set; the classes with
 * this annotation share one application context (apart from the default one, which has no connector secrets).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = EmbeddedVigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vigil.temporal.dev-port=0",
      "vigil.data-dir=target/test-data/connectors",
      "vigil.webhook.secret=" + VigilHttp.SECRET,
      "vigil.webhook.token=" + ConnectorVigilTest.TOKEN,
      "vigil.security.admin-password=" + VigilHttp.ADMIN_PASSWORD,
      "vigil.security.users[0].username=andy",
      "vigil.security.users[0].password=andy-pw",
      "vigil.security.users[0].roles=analyst",
      "vigil.connectors.zendesk.webhook-secret=" + ConnectorVigilTest.SECRET,
      "vigil.connectors.jira.webhook-secret=" + ConnectorVigilTest.SECRET,
      "vigil.connectors.zammad.webhook-secret=" + ConnectorVigilTest.SECRET,
      "vigil.connectors.github.webhook-secret=" + ConnectorVigilTest.SECRET
    })
public @interface ConnectorVigilTest {
  String SECRET = "connector-test-secret";
  String TOKEN = "static-token-for-template-senders";
}
