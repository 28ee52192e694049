package dev.vigil.starter.connector.zammad;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.Hmac;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Zammad trigger-webhook payloads (default payload: {@code ticket} with its attributes and references resolved,
 * {@code article} the article that fired the trigger), written from Zammad's documented object attributes, not copied
 * from its examples.
 */
public final class ZammadPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ZammadPayloads() {}

  public static ObjectNode ticket(String id, String state, String priority, String ownerId) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode ticket = root.putObject("ticket")
        .put("id", Integer.parseInt(id))
        .put("number", "31001")
        .put("title", "Printer queue stuck")
        .put("state", state)
        .put("priority", priority)
        .put("owner_id", Integer.parseInt(ownerId))
        .put("customer_id", 42)
        .put("organization_id", 7)
        .put("article_count", 1)
        .put("created_at", "2026-11-27T10:15:00.000Z")
        .put("updated_at", "2026-11-27T10:15:30.000Z");
    ticket.putObject("customer").put("id", 42).put("firstname", "Ada").put("lastname", "Lovelace")
        .put("email", "ada@example.com");
    ticket.putObject("owner").put("id", Integer.parseInt(ownerId)).put("login", "bob@example.com")
        .put("firstname", "Bob").put("lastname", "Agent");
    return root;
  }

  public static ObjectNode withArticle(ObjectNode root, long articleId, String sender, boolean internal,
      String body) {
    root.putObject("article")
        .put("id", articleId)
        .put("ticket_id", root.get("ticket").get("id").asInt())
        .put("sender", sender)
        .put("type", sender.equals("Customer") ? "web" : "note")
        .put("internal", internal)
        .put("content_type", "text/html")
        .put("from", sender.equals("Customer") ? "Ada Lovelace <ada@example.com>" : "Bob Agent")
        .put("body", body)
        .put("created_at", "2026-11-27T10:15:20.000Z");
    return root;
  }

  public static Map<String, String> sign(byte[] body, String secret) {
    return Map.of(ZammadConnector.SIGNATURE, "sha1=" + HexFormat.of().formatHex(Hmac.sha1(secret, body)));
  }

  public static Map<String, String> delivery() {
    return Map.of(ZammadConnector.DELIVERY, UUID.randomUUID().toString(), "Content-Type", "application/json");
  }
}
