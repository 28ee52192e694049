package dev.vigil.workflows.learning;

import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketStatus;
import dev.vigil.workflows.ticket.TicketView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket resolved before Vigil saw it, in the interchange format ({@code id, title, messages[role, author, text,
 * ts], resolution, tags}), with the tenant and product the import assigns. Backfill hands it to the same learning
 * workflow as a ticket that closes live.
 */
public record HistoricalTicket(String id, String title, List<Turn> messages, String resolution, List<String> tags,
    String tenant, String product) {

  /** One message of a historical ticket; {@code role} is customer or analyst. */
  public record Turn(String role, String author, String text, Instant ts) {}

  public HistoricalTicket {
    messages = messages == null ? List.of() : List.copyOf(messages);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** The workflow id the backfill learns this ticket under: one per source and ticket, so re-runs find it. */
  public static String learningWorkflowId(String source, String ticketId) {
    return TicketIds.learningWorkflowId(TicketIds.workflowId(source, ticketId), 1).replaceFirst("^learning:",
        "learning:backfill:");
  }

  /** This ticket as a closed ticket view (its first closing), as learning receives it. */
  public ClosedTicket toClosedTicket(String source) {
    List<Message> dialogue = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    for (int i = 0; i < messages.size(); i++) {
      Turn t = messages.get(i);
      Role role = "analyst".equals(t.role()) ? Role.ANALYST : Role.CUSTOMER;
      dialogue.add(new Message("m" + (i + 1), role, t.author(), t.text(), t.ts(), null, t.ts()));
      if (t.ts() != null) {
        first = first == null ? t.ts() : first;
        last = t.ts();
      }
    }
    String workflowId = TicketIds.workflowId(source, id);
    TicketView view = new TicketView(id, workflowId, TicketStatus.CLOSED, title, null, null, product,
        new Customer(null, tenant, null, null), null, false, dialogue, 0, List.of(), List.of(), 0, List.of(),
        resolution, null, List.of(), List.of(), first, last, last, last, messages.size(), 0, 0, 0);
    return new ClosedTicket(workflowId, 1, view);
  }
}
