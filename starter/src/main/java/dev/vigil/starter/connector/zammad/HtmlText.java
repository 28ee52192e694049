package dev.vigil.starter.connector.zammad;

/** Plain text of an HTML article body: Zammad stores web and email articles as HTML. */
final class HtmlText {
  private HtmlText() {}

  static String of(String html) {
    String text = html
        .replaceAll("(?i)<br\\s*/?>", "\n")
        .replaceAll("(?i)</(p|div|li|h[1-6])>", "\n")
        .replaceAll("<!--.*?-->", "")
        .replaceAll("<[^>]{0,2000}>", "")
        .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&")
        .replaceAll("[ \\t]+\n", "\n")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
    return text.isEmpty() ? null : text;
  }
}
