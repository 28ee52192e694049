package dev.vigil.starter.support;

import dev.vigil.testkit.http.VigilHttp;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Boots the whole application as {@code ./vigil run} does (in-process dev server, worker, web) on free ports. Every
 * class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = EmbeddedVigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vigil.temporal.dev-port=0",
      "vigil.temporal.codec-cors-origins=http://localhost:8088",
      "vigil.data-dir=target/test-data/embedded",
      "vigil.webhook.secret=" + VigilHttp.SECRET,
      "vigil.security.admin-password=" + VigilHttp.ADMIN_PASSWORD,
      "vigil.security.users[0].username=olive",
      "vigil.security.users[0].password=olive-pw",
      "vigil.security.users[0].roles=operator",
      "vigil.security.users[1].username=andy",
      "vigil.security.users[1].password=andy-pw",
      "vigil.security.users[1].roles=analyst",
      "vigil.security.users[2].username=ann",
      "vigil.security.users[2].password=ann-pw",
      "vigil.security.users[2].roles=analyst",
      "vigil.security.users[2].tenants=scope-acme",
      "vigil.security.users[3].username=oscar",
      "vigil.security.users[3].password=oscar-pw",
      "vigil.security.users[3].roles=operator",
      "vigil.security.users[3].tenants=scope-globex,scope-initech"
    })
public @interface EmbeddedVigilTest {}
