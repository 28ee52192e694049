package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.vigil.workflows.notify.OutboundMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Vigil's outbound messages that have been handed to the send activity and not yet settled (delivered, refused or
 * given up). Carried in the ticket's state, so a send still in flight when the run continues as new is re-issued by
 * the next run under the same idempotency key: the receiver applies it once, however many runs tried it.
 *
 * <p>Why this and not a child workflow per send: the outcome of a send belongs in the ticket's decision log, which a
 * child that outlives the run could only report back by signalling the ticket (one more event per send in its
 * history, and a child workflow type for every worker to register); carrying a few small messages costs nothing and
 * keeps the send an ordinary activity with its retry policy. The one cost — an attempt running while the run closes
 * may overlap with the next run's first attempt — is what the idempotency key is for.
 *
 * <p>Bounded by {@link TicketBudget#PENDING_SENDS} and {@link TicketBudget#PENDING_SENDS_BYTES}: past them the oldest send is given up (and counted), the newest is
 * always kept.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
public final class Outbox {

  /** A message being sent, and when its sender stops retrying (a day after the first attempt). */
  public record PendingSend(OutboundMessage message, Instant giveUpAt) {

    public String key() {
      return message.idempotencyKey();
    }
  }

  private ArrayList<PendingSend> pending = new ArrayList<>();
  private int abandoned;

  /** Adds a send; returns the oldest ones it pushed out of the bound (no longer retried), usually none. */
  public List<PendingSend> add(PendingSend send) {
    pending.removeIf(p -> p.key().equals(send.key()));
    pending.add(send);
    List<PendingSend> before = List.copyOf(pending);
    int dropped = Bounded.trim(pending, TicketBudget.PENDING_SENDS, TicketBudget.PENDING_SENDS_BYTES, Outbox::cost);
    abandoned += dropped;
    return before.subList(0, dropped);
  }

  private static int cost(PendingSend send) {
    OutboundMessage m = send.message();
    return Texts.cost(240, m.idempotencyKey(), m.ticketId(), m.text(), m.reference());
  }

  /** Whether {@code key} is still waiting to be settled (a run that gave it up must not report it). */
  public boolean isPending(String key) {
    return pending.stream().anyMatch(p -> p.key().equals(key));
  }

  /** The send with {@code key} is settled: delivered, refused or given up. */
  public void settle(String key) {
    pending.removeIf(p -> p.key().equals(key));
  }

  /** The sends not yet settled, oldest first. */
  public List<PendingSend> pending() {
    return List.copyOf(pending);
  }

  /** How many sends were given up because newer ones pushed them out of the bound. */
  public int abandoned() {
    return abandoned;
  }
}
