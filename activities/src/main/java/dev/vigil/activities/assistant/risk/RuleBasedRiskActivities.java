package dev.vigil.activities.assistant.risk;

import dev.vigil.activities.assistant.QueryRewriter;
import dev.vigil.activities.knowledge.Embedder;
import dev.vigil.workflows.assistant.AlertLevel;
import dev.vigil.workflows.assistant.RiskActivities;
import dev.vigil.workflows.assistant.RiskMatch;
import dev.vigil.workflows.assistant.RiskRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Evaluates the configured risk rules: regular expressions, semantic examples (embeddings) and VIP lists. */
public class RuleBasedRiskActivities implements RiskActivities {

  private record Compiled(RiskRule rule, List<Pattern> patterns, List<float[]> examples) {}

  private final List<Compiled> rules;
  private final Embedder embedder;

  public RuleBasedRiskActivities(List<RiskRule> rules, Embedder embedder) {
    this.embedder = embedder;
    this.rules = new ArrayList<>();
    for (RiskRule rule : rules) {
      List<Pattern> patterns = new ArrayList<>();
      for (String p : rule.patterns()) {
        try {
          patterns.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        } catch (java.util.regex.PatternSyntaxException e) {
          throw new IllegalArgumentException("risk rule " + rule.id() + ": invalid pattern " + p, e);
        }
      }
      List<float[]> examples = rule.examples().isEmpty() ? List.of() : embedder.embedAll(rule.examples());
      this.rules.add(new Compiled(rule, patterns, examples));
    }
  }

  @Override
  public List<RiskMatch> evaluate(RiskRequest request) {
    List<RiskMatch> matches = new ArrayList<>();
    List<float[]> turnVectors = null;
    for (Compiled c : rules) {
      String evidence = byCustomer(c.rule(), request);
      for (int i = 0; evidence == null && i < c.patterns().size(); i++) {
        for (String turn : request.customerTurns()) {
          Matcher m = c.patterns().get(i).matcher(turn);
          if (m.find()) {
            evidence = "\"" + m.group() + "\"";
            break;
          }
        }
      }
      if (evidence == null && !c.examples().isEmpty()) {
        if (turnVectors == null) {
          turnVectors = embedTurns(request.customerTurns());
        }
        evidence = bySimilarity(c, turnVectors);
      }
      if (evidence != null) {
        RiskRule r = c.rule();
        matches.add(new RiskMatch(r.id(), AlertLevel.valueOf(r.level()), r.description(), evidence, r.silence(), r.raisePriorityTo()));
      }
    }
    return matches;
  }

  /**
   * Each turn as the rewrite step reads it — greetings, small talk and identifiers dropped, which carry no risk
   * either. A single turn (the usual case) goes through the embedder's cache: when the assistant then searches for it,
   * the query has the same text, so a customer message costs one model pass, not two. A batch of turns (a burst) is
   * embedded in one batched call, which costs less per text.
   */
  private List<float[]> embedTurns(List<String> turns) {
    List<String> texts = turns.stream().map(t -> QueryRewriter.rewrite(null, List.of(t)))
        .filter(t -> !t.isBlank()).toList();
    if (texts.isEmpty()) {
      return List.of();
    }
    return texts.size() == 1 ? List.of(embedder.embed(texts.get(0))) : embedder.embedAll(texts);
  }

  private static String byCustomer(RiskRule rule, RiskRequest request) {
    if (request.customerId() != null && rule.customers().contains(request.customerId())) {
      return "customer " + request.customerId();
    }
    if (request.tenant() != null && rule.tenants().contains(request.tenant())) {
      return "tenant " + request.tenant();
    }
    return null;
  }

  private static String bySimilarity(Compiled c, List<float[]> turns) {
    for (int e = 0; e < c.examples().size(); e++) {
      for (float[] turn : turns) {
        double cosine = Embedder.cosine(turn, c.examples().get(e));
        if (cosine >= c.rule().minCosine()) {
          return String.format(Locale.ROOT, "similar to \"%s\" (cosine %.2f)", c.rule().examples().get(e), cosine);
        }
      }
    }
    return null;
  }
}
