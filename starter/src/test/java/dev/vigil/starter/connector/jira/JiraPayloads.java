package dev.vigil.starter.connector.jira;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.Hmac;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Jira Cloud webhook payloads, written from Atlassian's documented field list ({@code timestamp, webhookEvent,
 * issue_event_type_name, user, issue{id, key, fields}, changelog{id, items[field, from, fromString, to, toString]},
 * comment{id, body, author, created, jsdPublic}}), not copied from its examples.
 */
public final class JiraPayloads {
  public static final String REPORTER = "5b10ac8d82e05b22cc7d4ef5";
  public static final String AGENT = "5b10a2844c20165700ede21g";
  private static final ObjectMapper JSON = new ObjectMapper();

  private JiraPayloads() {}

  public static ObjectNode event(String key, String webhookEvent) {
    ObjectNode root = JSON.createObjectNode()
        .put("timestamp", 1_796_040_930_000L)
        .put("webhookEvent", webhookEvent);
    root.putObject("user").put("accountId", AGENT).put("displayName", "Bob Agent");
    ObjectNode issue = root.putObject("issue").put("id", "10042").put("key", key);
    ObjectNode fields = issue.putObject("fields")
        .put("summary", "VPN drops every hour")
        .put("description", "Our site-to-site VPN drops every hour since the upgrade.");
    fields.putObject("priority").put("name", "Medium");
    fields.putObject("status").put("name", "Waiting for support");
    fields.putObject("project").put("key", "SUP");
    fields.putObject("reporter").put("accountId", REPORTER).put("displayName", "Ada Lovelace")
        .put("emailAddress", "ada@example.com");
    return root;
  }

  public static ObjectNode comment(String key, String commentId, String body, String authorId, boolean jsdPublic) {
    ObjectNode root = event(key, "comment_created");
    ObjectNode comment = root.putObject("comment").put("id", commentId).put("body", body)
        .put("created", "2026-11-27T10:16:00.000+0100").put("jsdPublic", jsdPublic);
    comment.putObject("author").put("accountId", authorId)
        .put("displayName", authorId.equals(REPORTER) ? "Ada Lovelace" : "Bob Agent");
    return root;
  }

  /** {@code jira:issue_updated} with one changelog item. */
  public static ObjectNode change(String key, String field, String from, String fromString, String to,
      String toString) {
    ObjectNode root = event(key, "jira:issue_updated");
    ObjectNode changelog = root.putObject("changelog").put("id", "20" + Math.abs(UUID.randomUUID().hashCode()));
    ArrayNode items = changelog.putArray("items");
    items.addObject().put("field", field).put("fieldtype", "jira").put("from", from).put("fromString", fromString)
        .put("to", to).put("toString", toString);
    return root;
  }

  public static Map<String, String> sign(byte[] body, String secret) {
    return Map.of(JiraConnector.SIGNATURE, "sha256=" + HexFormat.of().formatHex(Hmac.sha256(secret, body)));
  }

  public static Map<String, String> delivery() {
    return Map.of(JiraConnector.DELIVERY, UUID.randomUUID().toString(), "Content-Type", "application/json");
  }
}
