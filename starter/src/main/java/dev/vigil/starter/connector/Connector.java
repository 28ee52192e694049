package dev.vigil.starter.connector;

/**
 * One ticketing system's native webhooks: how they are authenticated and what they mean in Vigil's vocabulary. A
 * connector is pure: it reads the request and answers; delivery, de-duplication and echo suppression are the
 * intake's ({@link ConnectorWebhookController}).
 */
public interface Connector {

  /** The source name: the path segment of {@code /api/v1/webhooks/{source}} and part of every workflow id. */
  String source();

  /**
   * Accepts the request or throws {@link dev.vigil.activities.notify.SignatureException} saying why not; called before
   * the body is parsed.
   */
  void verify(InboundRequest request);

  /**
   * The Vigil events this delivery means ({@code known}: what Vigil has of a ticket, for systems
   * that send states rather than changes), or none with a reason (a kind of event Vigil does not follow). Throws
   * {@link dev.vigil.starter.webhook.InvalidEventException} for a body that is not this system's payload.
   */
  ConnectorMapping map(InboundRequest request, KnownTickets known);
}
