package dev.vigil.starter.connector.github;

import static dev.vigil.starter.connector.NativeJson.at;
import static dev.vigil.starter.connector.NativeJson.requiredText;
import static dev.vigil.starter.connector.NativeJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.starter.connector.Connector;
import dev.vigil.starter.connector.ConnectorMapping;
import dev.vigil.starter.connector.Hmac;
import dev.vigil.starter.connector.InboundRequest;
import dev.vigil.starter.connector.KnownTickets;
import dev.vigil.starter.connector.NativeJson;
import dev.vigil.starter.connector.SourceSettings;
import dev.vigil.starter.webhook.InvalidEventException;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import dev.vigil.workflows.ticket.TicketIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GitHub Issues: {@code X-GitHub-Event} {@code issues} (opened, assigned, closed, reopened, labeled) and
 * {@code issue_comment} (created); {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>}; the
 * delivery's id is {@code X-GitHub-Delivery}. The ticket id is {@code <owner>:<repo>#<number>} (a slash cannot be part
 * of a ticket id); the issue's author is the customer, other commenters with write access (owner, member,
 * collaborator) are staff; the repository owner is the tenant unless mapped; priority comes from labels.
 */
public final class GitHubConnector implements Connector {
  public static final String SOURCE = "github";
  public static final String SIGNATURE = "X-Hub-Signature-256";
  public static final String EVENT = "X-GitHub-Event";
  public static final String DELIVERY = "X-GitHub-Delivery";
  /** Default priority labels; {@code vigil.connectors.github.priorities} replaces them. */
  public static final Map<String, Priority> PRIORITY_LABELS = Map.of(
      "p1", Priority.P1, "p2", Priority.P2, "p3", Priority.P3, "p4", Priority.P4,
      "priority: critical", Priority.P1, "priority: high", Priority.P2, "priority: medium", Priority.P3,
      "priority: low", Priority.P4);
  private static final Set<String> STAFF = Set.of("OWNER", "MEMBER", "COLLABORATOR");

  private final SourceSettings settings;

  public GitHubConnector(SourceSettings settings) {
    this.settings = settings;
  }

  /** The ticket id of issue {@code number} of {@code owner/repo}. */
  public static String ticketId(String owner, String repo, String number) {
    return owner + ":" + repo + "#" + number;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public void verify(InboundRequest request) {
    Hmac.verifyPrefixedHex(request.header(SIGNATURE), SIGNATURE, "sha256=",
        Hmac.sha256(settings.requireSecret(SOURCE), request.body()));
  }

  @Override
  public ConnectorMapping map(InboundRequest request, KnownTickets known) {
    String kind = request.requiredHeader(EVENT, null);
    JsonNode root = NativeJson.parse(request.body());
    if (kind.equals("ping")) {
      return ConnectorMapping.ignored(null, "ping: the webhook is connected");
    }
    String delivery = request.requiredHeader(DELIVERY, null);
    String ticketId = ticketId(requiredText(root, "repository.owner.login"), requiredText(root, "repository.name"),
        requiredText(root, "issue.number"));
    if (!TicketIds.isValidTicketId(ticketId)) {
      throw new InvalidEventException("repository", "the issue's ticket id " + ticketId + " is longer than 128 "
          + "characters");
    }
    if (at(root, "issue.pull_request").isObject()) {
      return ConnectorMapping.ignored(ticketId, "a pull request, not an issue");
    }
    String eventId = "github:" + delivery.trim();
    String action = text(root, "action");
    TicketFacts facts = facts(root, ticketId);
    Instant at = NativeJson.instant(root, "issue.updated_at", request.receivedAt());
    List<TicketEvent> events = switch (kind + "." + action) {
      case "issues.opened" -> List.of(event(eventId, TicketEventType.CREATED,
          NativeJson.instant(root, "issue.created_at", at), facts, null));
      case "issues.assigned" -> List.of(event(eventId, TicketEventType.ASSIGNED, at, facts,
          new Analyst(requiredText(root, "assignee.login"), text(root, "assignee.login"))));
      case "issues.closed" -> List.of(event(eventId,
          "not_planned".equals(text(root, "issue.state_reason")) ? TicketEventType.CLOSED : TicketEventType.RESOLVED,
          NativeJson.instant(root, "issue.closed_at", at), facts, null));
      case "issues.reopened" -> List.of(event(eventId, TicketEventType.REOPENED, at, facts, null));
      case "issues.labeled" -> {
        Priority priority = settings.priority(text(root, "label.name"), PRIORITY_LABELS);
        yield priority == null ? List.of() : List.of(event(eventId, TicketEventType.PRIORITY_CHANGED, at,
            new TicketFacts(ticketId, facts.subject(), facts.description(), priority, null, facts.customer()),
            null));
      }
      case "issue_comment.created" -> List.of(comment(root, at, facts));
      default -> List.of();
    };
    return ConnectorMapping.of(ticketId, events, "Vigil does not follow " + kind + "." + action
        + " (or it changes nothing)");
  }

  /** An issue comment ({@code root.comment}, with {@code root.issue}) as a message. */
  TicketEvent comment(JsonNode root, Instant at, TicketFacts facts) {
    JsonNode comment = at(root, "comment");
    String id = text(comment, "id");
    String body = text(comment, "body");
    if (id == null || body == null) {
      throw new InvalidEventException("comment", "comment needs id and body");
    }
    String author = text(comment, "user.id");
    boolean isAuthor = author != null && author.equals(text(root, "issue.user.id"));
    Role role = !isAuthor && STAFF.contains(text(comment, "author_association")) ? Role.ANALYST : Role.CUSTOMER;
    return new TicketEvent("github:comment:" + id, TicketEventType.MESSAGE_POSTED,
        NativeJson.instant(comment, "created_at", at), facts,
        new IncomingMessage(id, role, text(comment, "user.login"), body), null, null, null);
  }

  /** The issue's facts from {@code root.issue} and {@code root.repository}. */
  TicketFacts facts(JsonNode root, String ticketId) {
    JsonNode issue = at(root, "issue");
    Priority priority = null;
    for (JsonNode label : issue.path("labels")) {
      Priority p = settings.priority(text(label, "name"), PRIORITY_LABELS);
      if (p != null && (priority == null || p.ordinal() < priority.ordinal())) {
        priority = p;
      }
    }
    Customer customer = new Customer(text(issue, "user.login"),
        settings.tenant(text(root, "repository.owner.login"), SOURCE), text(issue, "user.login"), null);
    return new TicketFacts(ticketId, text(issue, "title"), text(issue, "body"), priority, null, customer);
  }

  private static TicketEvent event(String eventId, TicketEventType type, Instant at, TicketFacts facts,
      Analyst analyst) {
    return new TicketEvent(eventId, type, at, facts, null, analyst, null, null);
  }
}
