package dev.vigil.activities.assistant.risk;

import dev.vigil.workflows.assistant.AlertLevel;
import dev.vigil.workflows.ticket.Priority;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * An interest or risk rule. It matches a customer turn by any of its regular expressions, by semantic similarity to
 * any of its example phrases (cosine at least {@code minCosine}), or by who the customer is (VIP customers or
 * tenants).
 *
 * @param level {@code P0}, {@code P1} or {@code P2}
 * @param silence how long the rule stays quiet on a ticket after alerting
 * @param raisePriorityTo raise the ticket to this priority when it matches, or null
 */
public record RiskRule(String id, String level, String description, List<String> patterns, List<String> examples,
    double minCosine, List<String> customers, List<String> tenants, Duration silence, Priority raisePriorityTo) {

  public RiskRule {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a risk rule needs an id");
    }
    if (Arrays.stream(AlertLevel.values()).noneMatch(l -> l.name().equals(level))) {
      throw new IllegalArgumentException("risk rule " + id + ": level must be P0, P1 or P2");
    }
    patterns = patterns == null ? List.of() : List.copyOf(patterns);
    examples = examples == null ? List.of() : List.copyOf(examples);
    customers = customers == null ? List.of() : List.copyOf(customers);
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
    if (patterns.isEmpty() && examples.isEmpty() && customers.isEmpty() && tenants.isEmpty()) {
      throw new IllegalArgumentException("risk rule " + id + " matches nothing: give patterns, examples, customers"
          + " or tenants");
    }
    minCosine = minCosine <= 0 ? 0.6 : minCosine;
    silence = silence == null ? Duration.ofHours(1) : silence;
  }
}
