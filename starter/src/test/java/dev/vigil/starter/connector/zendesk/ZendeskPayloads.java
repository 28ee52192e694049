package dev.vigil.starter.connector.zendesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Zendesk event-subscription payloads, written from Zendesk's documented field list (top level {@code id, type,
 * subject, time, account_id, zendesk_event_version, detail, event}; {@code detail} the ticket; {@code event} the
 * change), not copied from its examples.
 */
public final class ZendeskPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ZendeskPayloads() {}

  public static ObjectNode event(String ticketId, String kind) {
    ObjectNode root = JSON.createObjectNode()
        .put("account_id", 9_000_001)
        .put("id", UUID.randomUUID().toString())
        .put("subject", "zen:ticket:" + ticketId)
        .put("time", "2026-11-27T10:15:30.123456789Z")
        .put("type", "zen:event-type:ticket." + kind)
        .put("zendesk_event_version", "2022-11-06");
    root.putObject("detail")
        .put("id", ticketId)
        .put("subject", "Backups fail with error 0x80")
        .put("description", "Since this morning every backup job fails with error 0x80.")
        .put("status", "OPEN")
        .put("priority", "NORMAL")
        .put("requester_id", "7001")
        .put("submitter_id", "7001")
        .put("organization_id", "acme")
        .put("assignee_id", (String) null)
        .put("created_at", "2026-11-27T10:15:00Z")
        .put("updated_at", "2026-11-27T10:15:30Z")
        .put("type", "INCIDENT");
    root.putObject("event");
    return root;
  }

  public static ObjectNode comment(String ticketId, long commentId, String body, boolean isPublic, boolean staff,
      String authorId) {
    ObjectNode root = event(ticketId, "comment_added");
    ObjectNode comment = ((ObjectNode) root.get("event")).putObject("comment")
        .put("id", commentId)
        .put("body", body)
        .put("is_public", isPublic);
    comment.putObject("author").put("id", authorId).put("is_staff", staff)
        .put("name", staff ? "Bob Agent" : "Ada Lovelace");
    return root;
  }

  public static ObjectNode change(String ticketId, String kind, String previous, String current) {
    ObjectNode root = event(ticketId, kind);
    ((ObjectNode) root.get("event")).put("previous", previous).put("current", current);
    return root;
  }

  /** The two signature headers Zendesk sends. */
  public static Map<String, String> sign(byte[] body, String secret, Instant at) {
    String timestamp = at.toString();
    byte[] mac = Hmac.sha256(secret, timestamp.getBytes(StandardCharsets.UTF_8), body);
    return Map.of(ZendeskConnector.SIGNATURE, Base64.getEncoder().encodeToString(mac),
        ZendeskConnector.TIMESTAMP, timestamp);
  }
}
