package dev.vigil.activities.learning;

import static dev.vigil.activities.learning.LearningFixtures.analystSays;
import static dev.vigil.activities.learning.LearningFixtures.closed;
import static dev.vigil.activities.learning.LearningFixtures.customerSays;
import static dev.vigil.activities.learning.LearningFixtures.suggestion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.HistoricalTicket;
import dev.vigil.workflows.learning.LearningCase;
import dev.vigil.workflows.learning.VigilAnswer;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.SuggestionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CasePreparerTest {
  private static final String EMAIL = "margaret.thornbury@acme-corp.example";
  private static final String CUSTOMER_ID = "CUST-88123";
  private static final String API_KEY = "sk-proj-Q7wErTy8uIoP9aSdFgH2jKl3zXcV";
  private static final String IPV4 = "10.20.30.40";
  private static final String IPV6 = "2001:db8:85a3::8a2e:370:7334";
  private static final String PHONE = "+1 415 555 0199";
  private static final String ANALYST_EMAIL = "rafael.okonkwo@vigil-support.example";
  private static final String ANALYST_ID = "an-4471";

  private static final List<String> RAW = List.of("Margaret", "Thornbury", EMAIL, CUSTOMER_ID, "Rafael", "Okonkwo",
      ANALYST_ID, API_KEY, IPV4, IPV6, PHONE, "555 0199", ANALYST_EMAIL);

  private final LearningSettings settings = new LearningSettings(Map.of(
      "globex", new LearningSettings.TenantLearning(true, false),
      "initech", new LearningSettings.TenantLearning(false, true)), 0.9, 0.6, 0.4, 80, 1200);
  private final CasePreparer preparer = new CasePreparer(new Redactor(), settings);

  private static ClosedTicket ticketFull(String tenant) {
    Customer customer = new Customer(CUSTOMER_ID, tenant, "Margaret Thornbury", EMAIL);
    List<Message> messages = List.of(
        customerSays("m1", "Margaret Thornbury", "Hello, this is Margaret Thornbury (" + EMAIL + ", customer "
            + CUSTOMER_ID + "). Our API calls from " + IPV4 + " fail with 401 using key " + API_KEY
            + ". Call me on " + PHONE + "."),
        analystSays("m2", "Rafael Okonkwo", "Hi Margaret, Rafael here. The key " + API_KEY + " was revoked "
            + "during the rotation. Reach me at " + ANALYST_EMAIL + "; I am " + ANALYST_ID + " on the rota."),
        customerSays("m3", "Margaret Thornbury", "The IPv6 host " + IPV6 + " fails too; ask margaret or THORNBURY."),
        new Message("vigil-S1", Role.ANALYST, "Rafael Okonkwo", "Margaret, create a new key and allow " + IPV4
            + " again.", LearningFixtures.T0, null, LearningFixtures.T0));
    List<Suggestion> suggestions = List.of(
        suggestion("S1", "Hi Margaret, rotate the key " + API_KEY + " under Settings > API keys.",
            List.of("faq-api-key-rotate"), SuggestionState.EDITED, null));
    return closed("T-100", "401 for Margaret Thornbury from " + IPV4, "api", customer,
        new Analyst(ANALYST_ID, "Rafael Okonkwo"), messages, suggestions,
        "Rotated the revoked key for " + CUSTOMER_ID + "; Rafael confirmed with " + EMAIL + " on " + PHONE + ".");
  }

  private static List<String> texts(LearningCase c) {
    List<String> texts = new ArrayList<>();
    texts.add(c.subject());
    texts.add(c.resolutionNote());
    c.turns().forEach(t -> texts.add(t.text()));
    for (VigilAnswer a : c.vigilAnswers()) {
      texts.add(a.text());
      texts.add(a.editedText());
    }
    texts.addAll(c.tags());
    return texts;
  }

  @Test
  void noRawPersonalValueOrSecretSurvivesInAnyTextOfTheCase() {
    LearningCase c = preparer.prepare(ticketFull("acme"));

    List<String> texts = texts(c);
    assertThat(texts).doesNotContainNull().hasSize(2 + 4 + 2);
    for (String text : texts) {
      for (String raw : RAW) {
        assertThat(text.toLowerCase()).as("'%s' in %s", raw, text).doesNotContain(raw.toLowerCase());
      }
    }
    // what is left is still the case, with typed placeholders where the values were
    assertThat(c.turns()).extracting(CaseTurn::messageId).containsExactly("m1", "m2", "m3", "vigil-S1");
    assertThat(c.turns()).extracting(CaseTurn::role).containsExactly("customer", "analyst", "customer", "analyst");
    assertThat(c.turns().get(0).text()).contains("fail with 401", "<email>", "<account-id>", "<ipv4>", "<api-key>",
        "<phone>", "<name>");
    assertThat(c.turns().get(2).text()).contains("<ipv6>");
    assertThat(c.vigilAnswers()).singleElement().satisfies(a -> {
      assertThat(a.suggestionId()).isEqualTo("S1");
      assertThat(a.citations()).containsExactly("faq-api-key-rotate");
      assertThat(a.editedText()).isEqualTo("<name>, create a new key and allow <ipv4> again.");
    });
    assertThat(c.ticketId()).isEqualTo("T-100");
    assertThat(c.key()).isEqualTo("ticket:desk:T-100#1");
    assertThat(c.product()).isEqualTo("api");
  }

  @Test
  void valuesRedactedCountsTheValuesReplaced() {
    Customer customer = new Customer(null, "acme", null, null);
    ClosedTicket ticket = closed("T-101", "Webhook retries", null, customer, null, List.of(
        customerSays("m1", null, "Webhooks to " + IPV4 + " fail; write to ops@acme-corp.example or call "
            + PHONE + "."),
        customerSays("m2", null, "Nothing personal in this one, the retries stop after 5 attempts.")),
        List.of(), null);

    LearningCase c = preparer.prepare(ticket);

    assertThat(c.turns().get(0).text()).isEqualTo("Webhooks to <ipv4> fail; write to <email> or call <phone>.");
    assertThat(c.valuesRedacted()).isEqualTo(3);
    assertThat(preparer.prepare(ticketFull("acme")).valuesRedacted()).isGreaterThanOrEqualTo(RAW.size());
  }

  @Test
  void aCaseWithoutPersonalDataHasNothingRedacted() {
    ClosedTicket ticket = closed("T-102", "Snapshot quota", "storage", new Customer(null, "acme", null, null), null,
        List.of(customerSays("m1", null, "Snapshots fail with QuotaExceeded since Monday, 1024 GB used.")),
        List.of(), "Raised the snapshot quota.");

    LearningCase c = preparer.prepare(ticket);

    assertThat(c.valuesRedacted()).isZero();
    assertThat(c.turns().get(0).text()).isEqualTo("Snapshots fail with QuotaExceeded since Monday, 1024 GB used.");
    assertThat(c.resolutionNote()).isEqualTo("Raised the snapshot quota.");
  }

  @Test
  void aHistoricalTicketIsRedactedByItsAuthorsAndPatterns() {
    HistoricalTicket historical = new HistoricalTicket("H-7", "VPN for Ingrid Vasquez-Hale", List.of(
        new HistoricalTicket.Turn("customer", "Ingrid Vasquez-Hale", "Our tunnel to " + IPV4 + " drops hourly. "
            + "Ingrid, tel: 020 7946 0958", Instant.parse("2024-01-01T10:00:00Z")),
        new HistoricalTicket.Turn("analyst", "Bartholomew Quist", "Set the IKE lifetime to 28800 seconds. "
            + "Regards, Bartholomew", Instant.parse("2024-01-01T11:00:00Z"))),
        "Bartholomew Quist raised the IKE lifetime for vasquez-hale", List.of("vpn"), "acme", "network");

    LearningCase c = preparer.prepare(historical.toClosedTicket("desk"));

    for (String text : texts(c)) {
      assertThat(text).doesNotContainIgnoringCase("Ingrid").doesNotContainIgnoringCase("Vasquez")
          .doesNotContainIgnoringCase("Hale").doesNotContainIgnoringCase("Bartholomew")
          .doesNotContainIgnoringCase("Quist").doesNotContain(IPV4).doesNotContain("7946 0958");
    }
    assertThat(c.turns().get(1).text()).startsWith("Set the IKE lifetime to 28800 seconds.");
    assertThat(c.turns()).extracting(CaseTurn::role).containsExactly("customer", "analyst");
    assertThat(c.scope()).isEqualTo("acme");
    assertThat(c.product()).isEqualTo("network");
  }

  @Test
  void scopeIsTheTenantByDefault() {
    LearningCase c = preparer.prepare(ticketFull("acme"));

    assertThat(c.tenant()).isEqualTo("acme");
    assertThat(c.scope()).isEqualTo("acme");
    assertThat(c.entryStatus()).isEqualTo("active");
  }

  @Test
  void scopeIsGlobalWhenTheTenantShares() {
    LearningCase c = preparer.prepare(ticketFull("globex"));

    assertThat(c.tenant()).isEqualTo("globex");
    assertThat(c.scope()).isEqualTo("global");
    assertThat(c.entryStatus()).isEqualTo("active");
  }

  @Test
  void entriesAreDraftsWhenTheTenantRequiresReview() {
    LearningCase c = preparer.prepare(ticketFull("initech"));

    assertThat(c.scope()).isEqualTo("initech");
    assertThat(c.entryStatus()).isEqualTo("draft");
  }

  @Test
  void aSingleTenantInstallationLearnsIntoGlobal() {
    LearningCase c = preparer.prepare(ticketFull(null));

    assertThat(c.tenant()).isNull();
    assertThat(c.scope()).isEqualTo("global");
    assertThat(c.entryStatus()).isEqualTo("active");
  }
}
