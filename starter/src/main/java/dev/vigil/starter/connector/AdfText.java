package dev.vigil.starter.connector;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plain text of a rich-text field: Jira sends a string (wiki markup) in webhooks of the v2 representation and an
 * Atlassian Document Format tree in v3; both read as text.
 */
public final class AdfText {
  private AdfText() {}

  public static String of(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue().isBlank() ? null : node.textValue();
    }
    StringBuilder out = new StringBuilder();
    append(node, out);
    String text = out.toString().strip();
    return text.isEmpty() ? null : text;
  }

  private static void append(JsonNode node, StringBuilder out) {
    if (node.has("text") && node.get("text").isTextual()) {
      out.append(node.get("text").textValue());
    }
    if ("hardBreak".equals(node.path("type").asText())) {
      out.append('\n');
    }
    for (JsonNode child : node.path("content")) {
      append(child, out);
    }
    String type = node.path("type").asText();
    if (type.equals("paragraph") || type.equals("heading") || type.equals("listItem")) {
      out.append('\n');
    }
  }
}
