package dev.vigil.tools.bench.knowledge;

import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates support-style knowledge entries and paraphrased questions for benchmarks, from a fixed seed: products,
 * components, symptoms and conditions combine into distinct questions with matching answers.
 */
public final class SyntheticKnowledge {
  private static final String[] PRODUCTS = {"storage", "compute", "network", "billing", "identity", "database",
      "backup", "monitoring", "api", "dns"};
  private static final String[] COMPONENTS = {"volume", "snapshot", "instance", "load balancer", "VPN tunnel",
      "invoice", "password reset", "replica", "backup job", "alert rule", "API key", "DNS record", "firewall rule",
      "object bucket", "SSH key", "autoscaling group", "TLS certificate", "webhook", "queue", "cron job"};
  private static final String[] SYMPTOMS = {"fails with a timeout", "returns error 403", "is stuck in pending",
      "shows the wrong size", "drops connections", "cannot be deleted", "is slow", "reports quota exceeded",
      "keeps restarting", "is missing from the console", "returns error 500", "never finishes",
      "uses too much memory", "rejects valid credentials", "sends duplicate notifications"};
  private static final String[] CONDITIONS = {"after an upgrade", "at midnight", "under heavy load",
      "in the EU region", "after a restore", "when tags are set", "from the CLI", "on new projects",
      "after a password change", "behind a proxy", "with IPv6", "for large files"};
  private static final String[] ACTIONS = {"Restart the agent", "Raise the quota in Settings > Limits",
      "Rotate the credentials", "Detach and reattach it", "Clear the cache", "Upgrade to the latest version",
      "Lower the TTL first", "Increase the timeout to 60 seconds", "Re-run the job with --force",
      "Check the IAM policy"};
  private static final String[] ASKS = {"Why does my %s %s %s?", "Our %s %s %s, what can we do?",
      "Help: the %s %s %s", "%s %s %s - how do I fix this?"};

  private final Random random;

  public SyntheticKnowledge(long seed) {
    this.random = new Random(seed);
  }

  public List<KnowledgeEntry> entries(int count, String idPrefix) {
    List<KnowledgeEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String product = pick(PRODUCTS);
      String component = pick(COMPONENTS);
      String symptom = pick(SYMPTOMS);
      String condition = pick(CONDITIONS);
      String question = "The " + product + " " + component + " " + symptom + " " + condition + " (case " + i + ")";
      String answer = pick(ACTIONS) + ". If the " + component + " still " + symptom + ", "
          + pick(ACTIONS).toLowerCase() + " and check the " + product + " status page.";
      String scope = random.nextInt(10) == 0 ? "tenant-" + random.nextInt(20) : KnowledgeEntry.GLOBAL;
      entries.add(KnowledgeEntry.draft(idPrefix + i, EntryKind.DOC, question, answer, product,
          List.of(component.replace(' ', '-')), scope, Provenance.imported("synthetic"), EntryStatus.ACTIVE));
    }
    return entries;
  }

  /** Questions worded differently from the entries they target. */
  public List<String> queries(int count) {
    List<String> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      queries.add(String.format(pick(ASKS), pick(PRODUCTS), pick(COMPONENTS), pick(SYMPTOMS)) + " "
          + pick(CONDITIONS));
    }
    return queries;
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
