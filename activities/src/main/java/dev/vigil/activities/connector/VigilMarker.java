package dev.vigil.activities.connector;

/**
 * The marker Vigil adds to its posts where the system hides it from readers (GitHub renders Markdown, where an HTML
 * comment is invisible), so an echoed comment is recognised even by a process that did not post it.
 */
public final class VigilMarker {
  private static final String PREFIX = "<!-- vigil:";

  private VigilMarker() {}

  /** {@code text} with the hidden marker of message {@code key} appended. */
  public static String append(String text, String key) {
    return text + "\n\n" + PREFIX + key.replace("--", "- -") + " -->";
  }

  public static boolean isPresent(String text) {
    return text != null && text.contains(PREFIX);
  }
}
