package dev.vigil.activities.learning;

import static dev.vigil.activities.learning.LearningFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeFilter;
import dev.vigil.activities.knowledge.KnowledgeHit;
import dev.vigil.activities.knowledge.KnowledgeQuery;
import dev.vigil.activities.knowledge.Provenance;
import dev.vigil.activities.knowledge.SharedEmbedder;
import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.Extraction;
import dev.vigil.workflows.learning.HistoricalTicket;
import dev.vigil.workflows.learning.KnowledgeChange;
import dev.vigil.workflows.learning.LearnedQa;
import dev.vigil.workflows.learning.LearningActivities;
import dev.vigil.workflows.learning.LearningCase;
import dev.vigil.workflows.learning.ReviewVerdict;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.SuggestionState;
import dev.vigil.workflows.ticket.TicketView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's bar: a seeded corpus of closed tickets full of personal data and secrets, learned through the real
 * activities in the order the learning workflow runs them, leaves no seeded value anywhere in the index (any entry,
 * any version, any field), and one tenant's learning never reaches another tenant's searches.
 */
class LeakCorpusTest {
  private static final int TICKETS = 40;
  private static final List<String> TENANTS = List.of("acme", "globex");

  /** A support topic: what the customer reports, how the analysts fixed it, and a paraphrase to search with. */
  private record Topic(String key, String product, String subject, String problem, String rephrased, String fix,
      String search) {}

  private static final List<Topic> TOPICS = List.of(
      new Topic("vpn", "network", "VPN tunnel drops",
          "Our site-to-site VPN tunnel drops every hour and reconnects a minute later. How can we keep it up?",
          "The IPsec tunnel between our two offices goes down hourly and comes back after a minute. Why?",
          "Set the IKE lifetime to 28800 seconds on both peers so that rekeying does not tear the tunnel down.",
          "the VPN connection between our offices keeps disconnecting every sixty minutes"),
      new Topic("rotate", "api", "Key rotation",
          "How do we rotate our API key without breaking the integrations that use it?",
          "We need to replace our API key but cannot afford downtime for our integrations. How?",
          "Create a second key, deploy it to every client, then revoke the old key under Settings > API keys.",
          "how to change an API key without downtime for integrations"),
      new Topic("quota", "storage", "Snapshots failing",
          "Snapshots fail with QuotaExceeded since this morning. What limit are we hitting?",
          "Our nightly snapshot job fails with a QuotaExceeded error. Which limit is that?",
          "The project reached its snapshot quota; delete old snapshots or raise the quota under Settings > Limits.",
          "snapshot creation fails because of the quota"),
      new Topic("ratelimit", "api", "HTTP 429",
          "Our batch job gets HTTP 429 Too Many Requests after a few seconds. Why?",
          "The API answers 429 Too Many Requests to our import script almost immediately. What is the limit?",
          "The API allows 100 requests per minute per key; back off using the Retry-After header or spread the "
              + "batch over time.",
          "getting too many requests errors from the API during imports"),
      new Topic("webhook", "api", "Webhook signatures",
          "Webhook deliveries are rejected by our endpoint with a signature mismatch. What are we doing wrong?",
          "Our server says the webhook signature is invalid for every delivery. How should we verify it?",
          "Compute the HMAC-SHA256 over the raw request body with the webhook secret and compare it with the "
              + "X-Signature header before parsing the JSON.",
          "webhook signature verification fails on our server"),
      new Topic("sso", "identity", "SSO login broken",
          "Users cannot log in through SSO and see an invalid SAML response error. How do we fix it?",
          "Since yesterday SAML single sign-on fails for everyone with an invalid response error. What changed?",
          "Upload the new signing certificate from your identity provider under Settings > SSO; the old "
              + "certificate expired.",
          "single sign-on login broken with invalid SAML response"));

  private static final List<String> FIRST = List.of("Margaret", "Ingrid", "Tobias", "Priyanka", "Leopold",
      "Svetlana", "Desmond", "Henrietta", "Ignatius", "Rosalind", "Cornelius", "Wilhelmina", "Thaddeus", "Ottoline");
  private static final List<String> LAST = List.of("Thornbury", "Lindqvist", "Abernathy", "Kowalczyk", "Nakamura",
      "Brannigan", "Fairweather", "Oyelaran", "Vasquez-Hale", "Quennell", "Achterberg", "Szymborska");
  private static final List<String> ANALYSTS = List.of("Rafael Moreau", "Bartholomew Quist", "Colette Marchetti",
      "Dmitri Volkonsky", "Saoirse Ferriter");

  @TempDir
  static Path dir;
  private static LuceneKnowledgeIndex index;
  private static LearningActivities activities;
  private static Corpus corpus;
  private static final List<KnowledgeChange> changes = new ArrayList<>();

  @BeforeAll
  static void learnFromTheCorpus() {
    index = LuceneKnowledgeIndex.open(dir, SharedEmbedder.get(), "standard", Clock.systemUTC());
    for (Topic t : TOPICS) {
      index.upsert(KnowledgeEntry.draft("faq-" + t.key(), EntryKind.DOC, t.subject() + "?", t.fix(), t.product(),
          List.of(t.key()), KnowledgeEntry.GLOBAL, Provenance.imported("docs"), EntryStatus.ACTIVE), 0);
    }
    LearningSettings settings = LearningSettings.defaults();
    activities = new LearningActivitiesImpl(new CasePreparer(new Redactor(), settings),
        new AnswerReviewer(SharedEmbedder.get(), settings),
        new OpenAnswerReviewer(SharedEmbedder.get(), settings), new RuleBasedQaExtractor(settings),
        new KnowledgeWriter(index, SharedEmbedder.get(), settings), new SimpleMeterRegistry());
    corpus = new Corpus(new Random(20260302));
    for (int i = 0; i < TICKETS; i++) {
      changes.addAll(learn(corpus.ticket(i)));
    }
  }

  @AfterAll
  static void close() {
    index.close();
  }

  /** What LearningWorkflowImpl does, step by step, with the same activities. */
  private static List<KnowledgeChange> learn(ClosedTicket ticket) {
    List<KnowledgeChange> made = new ArrayList<>();
    LearningCase c = activities.prepare(ticket);
    for (ReviewVerdict verdict : activities.review(c)) {
      made.addAll(activities.applyVerdict(c, verdict));
    }
    Extraction extraction = activities.extract(c);
    if (extraction.pairs().isEmpty()) {
      made.add(KnowledgeChange.skipped(null, extraction.reason()));
    }
    for (LearnedQa pair : extraction.pairs()) {
      made.add(activities.write(c, pair));
    }
    return made;
  }

  private static List<KnowledgeEntry> everyVersion() {
    List<KnowledgeEntry> entries = index.list(KnowledgeFilter.ALL, 0, 10_000);
    assertThat(entries).hasSizeLessThan(10_000);
    List<KnowledgeEntry> versions = new ArrayList<>();
    for (KnowledgeEntry e : entries) {
      versions.add(e);
      versions.addAll(index.history(e.id()));
    }
    return versions;
  }

  /** Every text an entry version holds. */
  private static List<String> texts(KnowledgeEntry v) {
    List<String> texts = new ArrayList<>();
    texts.add(v.id());
    texts.add(v.question());
    texts.add(v.answer());
    texts.add(v.product());
    texts.add(v.scope());
    texts.addAll(v.tags());
    texts.addAll(v.provenance().ticketIds());
    texts.addAll(v.provenance().messageIds());
    texts.add(v.provenance().importSource());
    if (v.change() != null) {
      texts.add(v.change().action());
      texts.add(v.change().reason());
      texts.add(v.change().actor());
      texts.add(v.change().ref());
    }
    texts.removeIf(t -> t == null);
    return texts;
  }

  @Test
  void everySeededValueIsInTheRawCorpus() {
    StringBuilder raw = new StringBuilder();
    for (int i = 0; i < TICKETS; i++) {
      TicketView t = corpus.ticket(i).ticket();
      raw.append(t.subject()).append('\n').append(t.resolutionNote()).append('\n');
      t.messages().forEach(m -> raw.append(m.author()).append(": ").append(m.text()).append('\n'));
      t.suggestions().forEach(s -> raw.append(s.text()).append('\n'));
    }
    String corpusText = raw.toString().toLowerCase(Locale.ROOT);

    assertThat(corpus.secrets).hasSizeGreaterThan(TICKETS * 10)
        .allMatch(secret -> corpusText.contains(secret.toLowerCase(Locale.ROOT)));
    assertThat(corpus.names).hasSizeGreaterThan(20);
    assertThat(corpus.survivorsIn(raw.toString())).hasSize(corpus.secrets.size() + corpus.names.size());
  }

  @Test
  void theCorpusWasLearnedIntoBothTenantsScopes() {
    // dismissed answers cite shared FAQs here, which a private tenant's case counts against but never retires
    assertThat(changes).extracting(KnowledgeChange::action).contains(KnowledgeChange.CREATED,
        KnowledgeChange.MERGED, KnowledgeChange.KEPT, KnowledgeChange.MODIFIED)
        .doesNotContain(KnowledgeChange.RETIRED);
    for (String tenant : TENANTS) {
      assertThat(index.count(new KnowledgeFilter(null, tenant, EntryKind.QA))).as(tenant).isGreaterThan(3);
    }
    assertThat(index.count(new KnowledgeFilter(null, "global", EntryKind.QA))).as("nothing learned into global")
        .isZero();
    // the seeded values did reach the index, as placeholders
    String all = String.join("\n", everyVersion().stream().flatMap(v -> texts(v).stream()).toList());
    assertThat(all).contains("<name>", "<email>", "<phone>", "<ipv4>", "<ipv6>", "<api-key>", "<password>",
        "<credentials>", "<account-id>", "<instance-id>", "<private-key>", "<iban>", "<national-id>", "<passport>",
        "<date-of-birth>", "<address>", "<card-number>");
  }

  @Test
  void noSeededValueSurvivesAnywhereInTheIndex() {
    List<String> survivors = new ArrayList<>();
    List<KnowledgeEntry> versions = everyVersion();
    for (KnowledgeEntry v : versions) {
      for (String text : texts(v)) {
        survivors.addAll(corpus.survivorsIn(text).stream()
            .map(s -> s + " in " + v.id() + " v" + v.version() + ": " + text).toList());
      }
    }
    for (KnowledgeChange change : changes) {
      survivors.addAll(corpus.survivorsIn(change.reason()).stream().map(s -> s + " in change " + change).toList());
    }
    assertThat(versions).hasSizeGreaterThan(TICKETS);
    assertThat(survivors).isEmpty();
  }

  @Test
  void anotherTenantsSearchNeverReturnsAcmesEntries() {
    boolean acmeFindsItsOwn = false;
    boolean globexFindsItsOwn = false;
    for (Topic t : TOPICS) {
      for (String query : List.of(t.search(), t.subject(), t.rephrased())) {
        List<KnowledgeHit> asGlobex = index.search(KnowledgeQuery.of(query, "globex"));
        assertThat(asGlobex).extracting(h -> h.entry().scope()).as(query).isNotEmpty()
            .allMatch(scope -> scope.equals("global") || scope.equals("globex"));
        globexFindsItsOwn |= asGlobex.stream().anyMatch(h -> h.entry().scope().equals("globex"));

        List<KnowledgeHit> asAcme = index.search(KnowledgeQuery.of(query, "acme"));
        assertThat(asAcme).extracting(h -> h.entry().scope()).as(query)
            .allMatch(scope -> scope.equals("global") || scope.equals("acme"));
        acmeFindsItsOwn |= asAcme.stream().anyMatch(h -> h.entry().scope().equals("acme"));
      }
    }
    assertThat(acmeFindsItsOwn).as("acme's learned entries are searchable by acme").isTrue();
    assertThat(globexFindsItsOwn).as("globex's learned entries are searchable by globex").isTrue();
  }

  @Test
  void learningTheCorpusAgainWritesNothing() {
    long versionsBefore = everyVersion().size();

    Corpus same = new Corpus(new Random(20260302));
    List<KnowledgeChange> replay = new ArrayList<>();
    for (int i = 0; i < TICKETS; i++) {
      replay.addAll(learn(same.ticket(i)));
    }

    assertThat(replay).hasSizeGreaterThanOrEqualTo(TICKETS).extracting(KnowledgeChange::action)
        .isSubsetOf(KnowledgeChange.UNCHANGED, KnowledgeChange.SKIPPED);
    assertThat(everyVersion()).hasSize((int) versionsBefore);
  }

  /**
   * Generates the tickets and remembers every personal value and secret it planted. The same seed gives the same
   * tickets, so a replay learns exactly the same corpus.
   */
  private static final class Corpus {
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String HEX = "0123456789abcdef";

    private final Random rnd;
    final Set<String> secrets = new LinkedHashSet<>();
    final Set<String> names = new LinkedHashSet<>();
    private final List<ClosedTicket> generated = new ArrayList<>();

    Corpus(Random rnd) {
      this.rnd = rnd;
    }

    /** Ticket i of the corpus (generating the ones before it first, so it is the same in every corpus). */
    ClosedTicket ticket(int i) {
      while (generated.size() <= i) {
        generated.add(generate(generated.size()));
      }
      return generated.get(i);
    }

    List<String> survivorsIn(String text) {
      if (text == null) {
        return List.of();
      }
      List<String> found = new ArrayList<>();
      String lower = text.toLowerCase(Locale.ROOT);
      for (String secret : secrets) {
        if (lower.contains(secret.toLowerCase(Locale.ROOT))) {
          found.add("'" + secret + "'");
        }
      }
      for (String name : names) {
        if (Pattern.compile("(?<!\\p{L})" + Pattern.quote(name) + "(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find()) {
          found.add("name '" + name + "'");
        }
      }
      return found;
    }

    private ClosedTicket generate(int i) {
      String tenant = TENANTS.get(i % 2);
      Topic topic = TOPICS.get((i / 2) % TOPICS.size());
      String problem = (i / 12) % 2 == 0 ? topic.problem() : topic.rephrased();
      String first = FIRST.get(i % FIRST.size());
      String last = LAST.get((i * 5 + 3) % LAST.size());
      String fullName = first + " " + last;
      String[] analyst = ANALYSTS.get(i % ANALYSTS.size()).split(" ");
      String analystName = analyst[0] + " " + analyst[1];
      names.add(first);
      names.addAll(List.of(last.split("-")));
      names.add(last);
      names.add(analyst[0]);
      names.add(analyst[1]);
      String ticketId = tenant.toUpperCase(Locale.ROOT) + "-" + (1000 + i);

      String email = plant(first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@" + tenant
          + "-corp.example");
      String analystEmail = plant(analyst[0].toLowerCase(Locale.ROOT) + "." + chars(DIGITS, 3) + "@help.example");
      String phone = phone();
      String ipv4 = plant("10." + (100 + rnd.nextInt(150)) + "." + (100 + rnd.nextInt(150)) + "."
          + (100 + rnd.nextInt(150)));
      String ipv6 = rnd.nextBoolean()
          ? plant("2001:db8:" + chars(HEX, 4) + ":" + chars(HEX, 4) + "::" + chars(HEX, 4))
          : plant("fe80::" + chars(HEX, 4) + ":" + chars(HEX, 4) + ":" + chars(HEX, 4) + ":" + chars(HEX, 4));
      // planted only where the ticket carries it: a historical ticket names the account instead
      String customerId = tenant.substring(0, 2).toUpperCase(Locale.ROOT) + "-" + chars(DIGITS, 6);
      String instance = switch (rnd.nextInt(3)) {
        case 0 -> plant("i-0" + chars(HEX, 16));
        case 1 -> plant("vm-" + topic.key() + "-" + chars(DIGITS, 3));
        default -> "instance id: " + plant(mixed(12));
      };
      String request = switch (rnd.nextInt(3)) {
        case 0 -> "request id " + plant(UUID.nameUUIDFromBytes(mixed(8).getBytes()).toString());
        case 1 -> "request " + plant("req_" + mixed(14));
        default -> "x-request-id: " + plant(mixed(18));
      };
      String account = switch (rnd.nextInt(3)) {
        case 0 -> "AWS account " + plant((1 + rnd.nextInt(9)) + chars(DIGITS, 11));
        case 1 -> "account id: " + plant("AC" + chars(DIGITS, 7));
        default -> "billing account " + plant("acct_" + mixed(16));
      };
      String key = switch (rnd.nextInt(9)) {
        case 0 -> "the key " + plant("sk-proj-" + mixed(28));
        case 1 -> "access key " + plant("AKIA" + chars(UPPER + DIGITS, 16));
        case 2 -> "token " + plant("ghp_" + mixed(36));
        case 3 -> "api_key=" + plant(mixed(24));
        case 4 -> "Authorization: Bearer " + plant(mixed(40));
        case 5 -> "client_secret: " + plant(mixed(24));
        case 6 -> "the SAS URL https://" + tenant + "files.blob.core.windows.net/logs?sp=r&sig=" + plant(mixed(30)
            + "%2F" + mixed(8) + "%3D");
        case 7 -> "the Mailgun key " + plant("key-" + chars(LOWER + DIGITS, 32));
        default -> "the private key " + privateKey();
      };
      String password = switch (rnd.nextInt(6)) {
        case 0 -> "password: " + plant(mixed(12));
        case 1 -> "pwd=" + plant(mixed(10));
        case 2 -> "passphrase: \"" + plant("purple " + chars(LOWER, 7) + " staple") + "\"";
        case 3 -> "my password is " + plant(mixed(10));
        case 4 -> "Passwort: " + plant(mixed(11));
        default -> "secret: " + plant("q" + chars(LOWER, 6)) + " " + plant("z" + chars(LOWER, 7)) + " "
            + plant("x" + chars(LOWER, 5));
      };
      String personal = switch (rnd.nextInt(8)) {
        case 0 -> "Refunds go to IBAN " + plant(iban()) + ".";
        case 1 -> "My SSN is " + plant(chars("12345", 1) + chars(DIGITS, 1) + chars("123456789", 1) + "-"
            + chars("123456789", 2) + "-" + chars("123456789", 4)) + ".";
        case 2 -> "My NI number is " + plant(chars("ABCEHJKLMPRSTWY", 2) + chars(DIGITS, 6) + chars("ABCD", 1)) + ".";
        case 3 -> "Passport number " + plant(chars("123456789", 1) + chars(DIGITS, 8)) + ", DOB: "
            + plant((1950 + rnd.nextInt(50)) + "-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(10)) + ".";
        case 4 -> "Ship the new router to " + plant((10 + rnd.nextInt(200)) + "B Kestrel Road") + ", London "
            + plant("NW" + (1 + rnd.nextInt(9)) + " " + rnd.nextInt(10) + chars("ABDEFGHJLNPQRSTUWYZ", 2)) + ".";
        case 5 -> "Or ring our office on " + plant("030 " + chars("123456789", 1) + chars(DIGITS, 7)) + ".";
        case 6 -> "Card " + plant(dottedCard()) + " was charged twice.";
        default -> "I was born on " + plant((1 + rnd.nextInt(28)) + " March " + (1950 + rnd.nextInt(50))) + ".";
      };
      String user = plant("svc_" + chars(LOWER, 7));
      String secretPart = plant(mixed(14));
      String url = switch (rnd.nextInt(3)) {
        case 0 -> "postgres://" + user + ":" + secretPart + "@db-" + chars(DIGITS, 2) + ".internal:5432/app";
        case 1 -> "https://" + user + ":" + secretPart + "@git." + tenant + "-corp.example/ops/deploy.git";
        default -> "amqp://" + user + ":" + secretPart + "@mq.internal:5672/";
      };

      String customerSays = "Hello, " + fullName + " here. " + problem + " It happens on " + ipv4 + " and " + ipv6
          + ", " + instance + ", " + request + ". Reach me at " + email + " or " + phone + ". " + personal;
      String stillFails = "It still fails when we connect with " + url + " using " + key + " and " + password
          + " on " + account + ".";
      String analystAsks = "Hi " + first + ", could you send the logs? Mail them to " + analystEmail + ".";
      String analystFixes = "Hi " + first.toLowerCase(Locale.ROOT) + ",\n" + topic.fix() + " I also checked "
          + instance + " for " + customerId + ".\nBest regards,\n" + analyst[0];
      String resolution = i % 3 == 2 ? null : topic.fix() + " Confirmed with " + fullName + " (account "
          + customerId + ") on " + phone + "; " + key + " was rotated.";
      String subject = topic.subject() + " for " + last + " on " + ipv4;

      if (i % 5 == 4) {
        // a historical ticket from the backfill: names only as authors, nothing else known about the customer
        HistoricalTicket historical = new HistoricalTicket(ticketId, subject, List.of(
            new HistoricalTicket.Turn("customer", fullName, customerSays, T0),
            new HistoricalTicket.Turn("analyst", analystName, analystAsks, T0),
            new HistoricalTicket.Turn("customer", fullName, stillFails, T0),
            new HistoricalTicket.Turn("analyst", analystName, analystFixes.replace(customerId, account), T0),
            new HistoricalTicket.Turn("customer", fullName, "That fixed it, thanks " + analyst[0] + "!", T0)),
            resolution == null ? null : resolution.replace("(account " + customerId + ")", "(" + account + ")"),
            List.of(topic.key()), tenant, topic.product());
        return historical.toClosedTicket("desk");
      }

      plant(customerId);
      List<Message> messages = new ArrayList<>(List.of(
          LearningFixtures.customerSays("m1", fullName, customerSays),
          LearningFixtures.analystSays("m2", analystName, analystAsks),
          LearningFixtures.customerSays("m3", fullName, stillFails)));
      List<Suggestion> suggestions = new ArrayList<>();
      if (i % 4 == 1) {
        // Vigil answered from the shared FAQ; the analyst's fate for it varies
        SuggestionState state = List.of(SuggestionState.EDITED, SuggestionState.ADOPTED, SuggestionState.DISMISSED)
            .get((i / 4) % 3);
        String vigilText = "Hi " + first + ", " + (state == SuggestionState.DISMISSED
            ? "please clear your browser cache and sign in again." : topic.fix());
        suggestions.add(LearningFixtures.suggestion("S1", vigilText, List.of("faq-" + topic.key()), state, null));
        if (state != SuggestionState.DISMISSED) {
          String sent = state == SuggestionState.EDITED
              ? "Hi " + first + ", " + topic.fix() + " Your gateway " + ipv4 + " needs it too; write to "
                  + analystEmail + " or call " + phone + "."
              : vigilText;
          messages.add(new Message("vigil-S1", Role.ANALYST, analystName, sent, T0, null, T0));
        }
      }
      messages.add(LearningFixtures.analystSays("m4", analystName, analystFixes));
      messages.add(LearningFixtures.customerSays("m5", fullName, "That fixed it, thanks " + analyst[0] + "!"));
      return LearningFixtures.closed(ticketId, subject, topic.product(),
          new Customer(customerId, tenant, fullName, email), new Analyst("an-" + chars(DIGITS, 4), analystName),
          messages, suggestions, resolution);
    }

    /** A valid IBAN (mod-97 check digits), compact or in groups of four. */
    private String iban() {
      String bban = chars(DIGITS, 18);
      String numeric = bban + "1314" + "00"; // D=13, E=14
      int check = 98 - new java.math.BigInteger(numeric).mod(java.math.BigInteger.valueOf(97)).intValue();
      String iban = "DE" + String.format("%02d", check) + bban;
      return rnd.nextBoolean() ? iban : iban.replaceAll("(.{4})", "$1 ").strip();
    }

    /** A Luhn-valid Visa number written with dots. */
    private String dottedCard() {
      String body = "4" + chars(DIGITS, 14);
      int sum = 0;
      for (int i = body.length() - 1, k = 0; i >= 0; i--, k++) {
        int d = body.charAt(i) - '0';
        sum += k % 2 == 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
      }
      String digits = body + (10 - sum % 10) % 10;
      return String.join(".", digits.substring(0, 4), digits.substring(4, 8), digits.substring(8, 12),
          digits.substring(12));
    }

    /** An RSA key block with a short last line; every body line is planted. */
    private String privateKey() {
      StringBuilder block = new StringBuilder("-----BEGIN RSA PRIVATE KEY-----\n");
      for (int i = 0; i < 3; i++) {
        block.append(plant(mixed(64).replace('q', '+').replace('z', '/'))).append('\n');
      }
      return block.append(plant(mixed(18) + "==")).append("\n-----END RSA PRIVATE KEY-----").toString();
    }

    private String phone() {
      return switch (rnd.nextInt(4)) {
        case 0 -> plant("+1 415 555 0" + chars(DIGITS, 3));
        case 1 -> plant("(212) 555-0" + chars(DIGITS, 3));
        case 2 -> plant("+44 20 7946 0" + chars(DIGITS, 3));
        default -> plant("+49 30 " + chars(DIGITS, 4) + " " + chars(DIGITS, 4));
      };
    }

    private String plant(String value) {
      secrets.add(value);
      return value;
    }

    private String chars(String alphabet, int n) {
      StringBuilder s = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      return s.toString();
    }

    /** Random letters of both cases and digits, with at least one of each. */
    private String mixed(int n) {
      String all = UPPER + LOWER + DIGITS;
      return chars(UPPER, 1) + chars(DIGITS, 1) + chars(all, n - 3) + chars(LOWER, 1);
    }
  }
}
