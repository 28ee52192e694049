package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.vigil.workflows.notify.EchoDigest;
import java.util.ArrayList;

/**
 * Digests of the texts Vigil posted to the ticketing system for this ticket (replies, notes), so the webhook that
 * echoes one back as a new comment is recognised by the ticket itself, wherever the intake runs and whatever it
 * remembers. Bounded by {@link TicketBudget#SENT_TEXTS}: the oldest are forgotten first, long after their echo.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
final class SentTexts {
  private ArrayList<String> digests = new ArrayList<>();

  void remember(String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    String digest = EchoDigest.of(text);
    digests.remove(digest);
    digests.add(digest);
    if (digests.size() > TicketBudget.SENT_TEXTS) {
      digests.remove(0);
    }
  }

  boolean contains(String text) {
    return text != null && !text.isBlank() && digests.contains(EchoDigest.of(text));
  }
}
