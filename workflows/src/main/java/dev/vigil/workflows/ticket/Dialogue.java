package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.vigil.workflows.progress.ProgressPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ticket's dialogue: the customers', analysts' and Vigil's own messages, each once per message id. Bounded by
 * {@code capacity} messages ({@code vigil.ticket.max-messages}) and {@link TicketBudget#DIALOGUE_BYTES}, each text
 * cut at {@link TicketBudget#MESSAGE_CHARS}; the oldest go first and are counted, the newest always stays.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
public final class Dialogue {
  private int capacity;
  private ArrayList<Message> messages = new ArrayList<>();
  private int dropped;

  /** For Jackson. */
  Dialogue() {}

  Dialogue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a dialogue keeps at least one message");
    }
    this.capacity = capacity;
  }

  /**
   * Adds a message that arrived, cut to its cap; null when a message with its id is already in the dialogue.
   * {@code inSourcePlace}: it arrived late and goes before the messages that happened after it.
   */
  Message receive(Message message, boolean inSourcePlace) {
    if (contains(message.id())) {
      return null;
    }
    Message capped = capped(message);
    int place = messages.size();
    if (inSourcePlace && capped.at() != null) {
      while (place > 0 && messages.get(place - 1).at() != null && messages.get(place - 1).at().isAfter(capped.at())) {
        place--;
      }
    }
    messages.add(place, capped);
    trim();
    return capped;
  }

  /**
   * Vigil's own message (an adopted or edited suggestion, a progress update, a direct answer): joins the dialogue at
   * its end under the same budget as the turns that arrive.
   */
  Message append(Message message) {
    Message capped = capped(message);
    messages.add(capped);
    trim();
    return capped;
  }

  boolean contains(String messageId) {
    return messages.stream().anyMatch(m -> m.id().equals(messageId));
  }

  /** Whether an analyst wrote after the message {@code turnId}: then a human already answered it. */
  boolean analystRepliedAfter(String turnId) {
    boolean after = false;
    for (Message m : messages) {
      if (m.id().equals(turnId)) {
        after = true;
      } else if (after && m.role() == Role.ANALYST) {
        return true;
      }
    }
    return false;
  }

  /** The oldest customer turn support has not answered yet on a ticket in {@code status}, or null. */
  Message unansweredTurn(TicketStatus status) {
    return ProgressPolicy.unansweredTurn(status, messages);
  }

  List<Message> messages() {
    return List.copyOf(messages);
  }

  int dropped() {
    return dropped;
  }

  static int cost(Message m) {
    return Texts.cost(220, m.id(), m.author(), m.text(), m.eventId());
  }

  private static Message capped(Message m) {
    return new Message(m.id(), m.role(), m.author(), Texts.cap(m.text(), TicketBudget.MESSAGE_CHARS), m.at(),
        m.eventId(), m.receivedAt());
  }

  private void trim() {
    dropped += Bounded.trim(messages, capacity, TicketBudget.DIALOGUE_BYTES, Dialogue::cost);
  }
}
