package dev.vigil.workflows.ticket;

/** Text caps and sizes for the ticket's {@link TicketBudget}: what a text costs once serialised, and cutting it. */
final class Texts {

  private Texts() {}

  /**
   * {@code text} cut to at most {@code maxChars} characters, saying how much was cut so a reader knows the text is
   * not whole; null stays null.
   */
  static String cap(String text, int maxChars) {
    if (text == null || text.length() <= maxChars) {
      return text;
    }
    String marker = " … [" + (text.length() - maxChars) + " characters cut]";
    int keep = Math.max(0, maxChars - marker.length());
    if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + marker;
  }

  /**
   * The bytes {@code text} takes in JSON (UTF-8, with the escapes Jackson writes for control characters, quotes and
   * backslashes): what the budget counts, so a text in a script of three-byte characters costs what it weighs.
   */
  static int cost(String text) {
    if (text == null) {
      return 4;
    }
    int bytes = 2;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20) {
        bytes += 6;
      } else if (c == '"' || c == '\\') {
        bytes += 2;
      } else if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** The cost of several texts plus a fixed overhead for the field names and other fields of their record. */
  static int cost(int overhead, String... texts) {
    int bytes = overhead;
    for (String text : texts) {
      bytes += cost(text);
    }
    return bytes;
  }
}
