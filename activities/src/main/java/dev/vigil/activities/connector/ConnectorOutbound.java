package dev.vigil.activities.connector;

import dev.vigil.workflows.notify.Audience;
import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.notify.OutboundResult;
import dev.vigil.workflows.notify.SendStatus;
import dev.vigil.workflows.ticket.TicketIds;
import io.temporal.activity.Activity;
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
 */
public final class ConnectorOutbound implements OutboundActivities {
  private final Map<String, TicketApi> apis;
  private final OutboundActivities generic;
  private final SentComments sent;
  private final Supplier<String> workflowId;

  /** In a Temporal activity: the source is read from the calling ticket's workflow id. */
  public ConnectorOutbound(List<TicketApi> apis, OutboundActivities generic, SentComments sent) {
    this(apis, generic, sent, () -> Activity.getExecutionContext().getInfo().getWorkflowId());
  }

  public ConnectorOutbound(List<TicketApi> apis, OutboundActivities generic, SentComments sent,
      Supplier<String> workflowId) {
    this.apis = apis.stream().collect(Collectors.toUnmodifiableMap(TicketApi::source, Function.identity()));
    this.generic = generic;
    this.sent = sent;
    this.workflowId = workflowId;
  }


  @Override
  public OutboundResult send(OutboundMessage message) {
    String source = TicketIds.sourceOf(workflowId.get());
    TicketApi api = source == null ? null : apis.get(source);
    boolean customerFacing = message.audience().customerFacing();
    if (api != null && message.audience() == Audience.TICKET) {
      // changes to the ticket itself (resolve, close, assign, priority) are not written to the vendors' APIs yet
      return new OutboundResult(SendStatus.NOT_SENT, 0, message.kind().wireName() + " is not written back to " + source
          + ": make the same change in " + source);
    }
    if (api == null || (!customerFacing && !api.supportsInternalNotes())) {
      return generic.send(message);
    }
    String already = sent.commentFor(source, message.idempotencyKey());
    if (already != null) {
      return new OutboundResult(SendStatus.DELIVERED, 200, source + " comment " + already + " (posted by an earlier attempt)");
    }
    sent.recordText(source, message.ticketId(), message.text());
    TicketApi.PostedComment posted = api.postComment(message.ticketId(), message.text(), customerFacing,
        message.idempotencyKey());
    if (posted.commentId() != null) {
      sent.recordId(source, message.ticketId(), posted.commentId());
      sent.recordKey(source, message.idempotencyKey(), posted.commentId());
    }
    return new OutboundResult(SendStatus.DELIVERED, posted.httpStatus(), source + (customerFacing ? " public reply " :
        " internal note ") + posted.commentId());
  }
}
