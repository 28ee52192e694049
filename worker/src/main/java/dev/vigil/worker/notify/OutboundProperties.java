package dev.vigil.worker.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The ticketing system's outbound webhook ({@code vigil.outbound.*}).
 *
 * @param url where Vigil posts its messages ({@code VIGIL_OUTBOUND_URL}); blank records them on the ticket only
 * @param secret HMAC key for the {@code X-Vigil-Signature} header; defaults to the inbound webhook secret
 */
@ConfigurationProperties("vigil.outbound")
public record OutboundProperties(String url, String secret) {
  public OutboundProperties {
    if (url != null && !url.isBlank() && (secret == null || secret.isBlank())) {
      throw new IllegalArgumentException("VIGIL_OUTBOUND_URL is set but there is no secret to sign with: set "
          + "VIGIL_OUTBOUND_SECRET or VIGIL_WEBHOOK_SECRET");
    }
  }
}
