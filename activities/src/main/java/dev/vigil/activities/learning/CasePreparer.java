package dev.vigil.activities.learning;

import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.LearningCase;
import dev.vigil.workflows.learning.VigilAnswer;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.SuggestionState;
import dev.vigil.workflows.ticket.TicketView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The preparing step: turns a closed ticket into a {@link LearningCase} whose every text is redacted (the people
 * named on the ticket, their contact details and ids, and whatever the {@link Redactor} detects), and decides where
 * learned knowledge goes under the tenant's policy.
 */
public final class CasePreparer {
  private static final Set<String> NOT_PEOPLE = Set.of("vigil", "system", "support", "analyst", "customer");

  private final Redactor redactor;
  private final LearningSettings settings;

  public CasePreparer(Redactor redactor, LearningSettings settings) {
    this.redactor = redactor;
    this.settings = settings;
  }

  public LearningCase prepare(ClosedTicket closed) {
    TicketView ticket = closed.ticket();
    Customer customer = ticket.customer();
    String tenant = customer == null || blank(customer.tenant()) ? null : customer.tenant();
    Known known = known(ticket);
    int[] redacted = {0};
    java.util.function.UnaryOperator<String> clean = text -> {
      if (text == null) {
        return null;
      }
      String out = known.replaceLiterals(text);
      out = redactor.redact(out, known.names());
      redacted[0] += Redactor.placeholders(out) - Redactor.placeholders(text);
      return out;
    };
    List<CaseTurn> turns = new ArrayList<>();
    for (Message m : ticket.messages()) {
      turns.add(new CaseTurn(m.id(), m.role().wireName(), clean.apply(m.text())));
    }
    List<VigilAnswer> answers = new ArrayList<>();
    for (Suggestion s : ticket.suggestions()) {
      String edited = s.state() == SuggestionState.EDITED
          ? ticket.messages().stream().filter(m -> m.id().equals("vigil-" + s.id())).map(Message::text)
              .findFirst().orElse(null)
          : null;
      answers.add(new VigilAnswer(s.id(), clean.apply(s.text()), s.citations(), s.state(), s.rating(),
          clean.apply(edited)));
    }
    LearningSettings.TenantLearning policy = settings.forTenant(tenant);
    String scope = tenant == null || policy.shareGlobally() ? "global" : tenant;
    return new LearningCase(ticket.ticketId(), closed.ticketWorkflowId() + "#" + closed.closeNumber(), tenant, scope,
        policy.reviewRequired() ? "draft" : "active", ticket.product(), clean.apply(ticket.subject()), List.of(),
        turns, clean.apply(ticket.resolutionNote()), answers, redacted[0]);
  }

  private static Known known(TicketView ticket) {
    Set<String> names = new LinkedHashSet<>();
    List<String[]> literals = new ArrayList<>();
    Customer customer = ticket.customer();
    if (customer != null) {
      addName(names, customer.name());
      addLiteral(literals, customer.email(), "<email>");
      addLiteral(literals, customer.id(), "<account-id>");
    }
    if (ticket.assignee() != null) {
      addName(names, ticket.assignee().name());
      addLiteral(literals, ticket.assignee().id(), "<name>");
    }
    for (Message m : ticket.messages()) {
      addName(names, m.author());
    }
    return new Known(List.copyOf(names), literals);
  }

  private static void addName(Set<String> names, String name) {
    if (!blank(name) && !NOT_PEOPLE.contains(name.strip().toLowerCase(java.util.Locale.ROOT))) {
      names.add(name.strip());
    }
  }

  private static void addLiteral(List<String[]> literals, String value, String placeholder) {
    // very short ids ("1", "ab") would erase ordinary words; the redactor's patterns cover what they miss
    if (!blank(value) && value.strip().length() >= 4) {
      literals.add(new String[] {value.strip(), placeholder});
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Values known from the ticket itself: replaced literally, whatever their shape. */
  private record Known(List<String> names, List<String[]> literals) {
    String replaceLiterals(String text) {
      String out = text;
      for (String[] literal : literals) {
        out = Pattern.compile("(?<![\\w.-])" + Pattern.quote(literal[0]) + "(?![\\w-])", Pattern.CASE_INSENSITIVE)
            .matcher(out).replaceAll(java.util.regex.Matcher.quoteReplacement(literal[1]));
      }
      return out;
    }
  }
}
