package dev.vigil.activities.connector;

import dev.vigil.workflows.notify.Audience;
import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.notify.OutboundFailures;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.notify.OutboundResult;
import dev.vigil.workflows.notify.SendStatus;
import dev.vigil.workflows.ticket.TicketIds;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The outbound port, dispatched by the ticket's own system: a ticket whose source has an API configured gets
 * Vigil's customer-facing messages as a public reply and the support-facing ones as an internal note, through that
 * system's API; every other ticket (and support messages for systems without internal notes: GitHub) goes to the
 * generic outbound webhook as before.
 *
 * <p>Each post is recorded in {@link SentComments} (the text before the call, the returned comment id after it) so
 * its echo by webhook is dropped, and under its idempotency key, so a retry after a lost answer of ours (worker
 * crash after the vendor answered) does not post twice.
 *
 * <p>Changes an analyst made to the ticket in Vigil (audience {@code ticket}: resolve, close, assign, priority) are
 * written to the ticket through the same API; what the system's webhook will report for them is recorded first in
 * {@link StateWrites}, so their echo is not applied again. A change without a counterpart in the system as configured
 * (an analyst with no user there) is {@code not_sent} with the reason; a refused one drops its expectation.
 */
public final class ConnectorOutbound implements OutboundActivities {
  private final Map<String, TicketApi> apis;
  private final OutboundActivities generic;
  private final SentComments sent;
  private final StateWrites writes;
  private final Supplier<String> workflowId;

  /** In a Temporal activity: the source is read from the calling ticket's workflow id. */
  public ConnectorOutbound(List<TicketApi> apis, OutboundActivities generic, SentComments sent,
      StateWrites writes) {
    this(apis, generic, sent, writes, () -> Activity.getExecutionContext().getInfo().getWorkflowId());
  }

  public ConnectorOutbound(List<TicketApi> apis, OutboundActivities generic, SentComments sent,
      StateWrites writes, Supplier<String> workflowId) {
    this.apis = apis.stream().collect(Collectors.toUnmodifiableMap(TicketApi::source, Function.identity()));
    this.generic = generic;
    this.sent = sent;
    this.writes = writes;
    this.workflowId = workflowId;
  }

  @Override
  public OutboundResult send(OutboundMessage message) {
    String source = TicketIds.sourceOf(workflowId.get());
    TicketApi api = source == null ? null : apis.get(source);
    boolean customerFacing = message.audience().customerFacing();
    if (api != null && message.audience() == Audience.TICKET) {
      return writeChange(api, message);
    }
    if (api == null || (!customerFacing && !api.supportsInternalNotes())) {
      return generic.send(message);
    }
    return post(api, message.ticketId(), message.text(), customerFacing, message.idempotencyKey());
  }

  private OutboundResult post(TicketApi api, String ticketId, String text, boolean customerFacing,
      String idempotencyKey) {
    String source = api.source();
    String already = sent.commentFor(source, idempotencyKey);
    if (already != null) {
      return new OutboundResult(SendStatus.DELIVERED, 200, source + " comment " + already
          + " (posted by an earlier attempt)");
    }
    sent.recordText(source, ticketId, text);
    TicketApi.PostedComment posted = api.postComment(ticketId, text, customerFacing, idempotencyKey);
    if (posted.commentId() != null) {
      sent.recordId(source, ticketId, posted.commentId());
      sent.recordKey(source, idempotencyKey, posted.commentId());
    }
    return new OutboundResult(SendStatus.DELIVERED, posted.httpStatus(), source + (customerFacing ? " public reply " :
        " internal note ") + posted.commentId());
  }

  /**
   * A change to the ticket, written to its system. A resolution's note goes first, as an internal note where the
   * system has them (under its own key, so a retry does not post it twice); GitHub keeps it in Vigil only.
   */
  private OutboundResult writeChange(TicketApi api, OutboundMessage message) {
    String source = api.source();
    OutboundKind kind = message.kind();
    if (kind.audience() != Audience.TICKET) {
      throw ApplicationFailure.newNonRetryableFailure(kind.wireName() + " is not a change to the ticket",
          OutboundFailures.REJECTED);
    }
    String note = "";
    if (kind == OutboundKind.RESOLVED && message.text() != null && !message.text().isBlank()) {
      note = api.supportsInternalNotes()
          ? "; resolution note: " + post(api, message.ticketId(), message.text(), false,
              message.idempotencyKey() + "/note").detail()
          : "; the resolution note stays in Vigil (" + source + " has no internal notes)";
    }
    StateField field = StateField.of(kind);
    TicketApi.ChangeWritten written;
    try {
      written = api.writeChange(message.ticketId(), kind, message.text(), message.idempotencyKey(),
          (f, values) -> writes.expect(source, message.ticketId(), f, values));
    } catch (ChangeNotWritable e) {
      return new OutboundResult(SendStatus.NOT_SENT, 0, e.getMessage() + note);
    } catch (ApplicationFailure e) {
      if (e.isNonRetryable()) {
        writes.forget(source, message.ticketId(), field); // refused: no echo will come
      }
      throw e;
    }
    return new OutboundResult(SendStatus.DELIVERED, written.httpStatus(), written.detail() + note);
  }
}
