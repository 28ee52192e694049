package dev.vigil.activities.assistant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.activities.assistant.QueryRewriter;
import dev.vigil.activities.knowledge.Embedder;
import dev.vigil.activities.knowledge.SharedEmbedder;
import dev.vigil.workflows.assistant.AlertLevel;
import dev.vigil.workflows.assistant.RiskMatch;
import dev.vigil.workflows.assistant.RiskRequest;
import dev.vigil.workflows.ticket.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBasedRiskActivitiesTest {
  private final RuleBasedRiskActivities rules = new RuleBasedRiskActivities(List.of(
      new RiskRule("several-customers", "P1", "several customers affected",
          List.of("\\b(all|many|several|multiple) (of )?(our )?(customers|users|clients)\\b"), List.of(), 0, null,
          null, Duration.ofHours(1), Priority.P1),
      new RiskRule("negative-sentiment", "P2", "customer is upset", List.of(),
          List.of("this is unacceptable, I am extremely frustrated", "worst support ever, I want to cancel"), 0.6,
          null, null, Duration.ofHours(4), null),
      new RiskRule("vip", "P0", "VIP customer", List.of(), List.of(), 0, List.of("cust-vip"), List.of("bigbank"),
          Duration.ofDays(1), Priority.P1)), SharedEmbedder.get());

  private List<RiskMatch> evaluate(String customer, String tenant, String text) {
    return rules.evaluate(new RiskRequest("T-1", tenant, customer, List.of(text)));
  }

  @Test
  void regexRuleMatches_withTheMatchedTextAsEvidence() {
    List<RiskMatch> m = evaluate("c1", "acme", "Since this morning all our customers get errors at checkout");
    assertThat(m).singleElement().satisfies(r -> {
      assertThat(r.ruleId()).isEqualTo("several-customers");
      assertThat(r.evidence()).isEqualTo("\"all our customers\"");
      assertThat(r.raisePriorityTo()).isEqualTo(Priority.P1);
    });
  }

  @Test
  void semanticRuleMatchesAParaphrase_notANeutralTurn() {
    assertThat(evaluate("c1", "acme", "Honestly this is completely unacceptable, I'm so frustrated with you"))
        .extracting(RiskMatch::ruleId).containsExactly("negative-sentiment");
    assertThat(evaluate("c1", "acme", "How do I export my invoices as CSV?")).isEmpty();
  }

  @Test
  void theSemanticRuleEmbedsATurnAsTheRetrievalWillSearchIt_soOneModelPassServesBoth() {
    List<String> embedded = new ArrayList<>();
    Embedder recording = new Embedder() {
      @Override
      public int dimensions() {
        return SharedEmbedder.get().dimensions();
      }

      @Override
      public float[] embed(String text) {
        embedded.add(text);
        return SharedEmbedder.get().embed(text);
      }

      @Override
      public List<float[]> embedAll(List<String> texts) {
        embedded.addAll(texts);
        return SharedEmbedder.get().embedAll(texts);
      }
    };
    RuleBasedRiskActivities semantic = new RuleBasedRiskActivities(List.of(new RiskRule("negative-sentiment", "P2",
        "customer is upset", List.of(), List.of("this is unacceptable, I am extremely frustrated"), 0.6, null, null,
        Duration.ofHours(4), null)), recording);
    embedded.clear();
    String turn = "Hi team, the CSV export of request id 7f3a9c01 fails again with error 500 since this morning.";

    semantic.evaluate(new RiskRequest("T-1", "acme", "c1", List.of(turn)));

    assertThat(embedded).containsExactly(QueryRewriter.rewrite("Export fails", List.of(turn)));
  }

  @Test
  void vipCustomersAndTenantsMatchWhateverTheySay() {
    assertThat(evaluate("cust-vip", "acme", "hello")).extracting(RiskMatch::ruleId).containsExactly("vip");
    assertThat(evaluate("c9", "bigbank", "hello")).extracting(RiskMatch::level).containsExactly(AlertLevel.P0);
  }

  @Test
  void invalidRulesAreRefusedAtStartUp() {
    assertThatThrownBy(() -> new RiskRule("x", "P7", "d", List.of("a"), null, 0, null, null, null, null))
        .hasMessageContaining("P0, P1 or P2");
    assertThatThrownBy(() -> new RiskRule("x", "P1", "d", null, null, 0, null, null, null, null))
        .hasMessageContaining("matches nothing");
    assertThatThrownBy(() -> new RuleBasedRiskActivities(List.of(
        new RiskRule("x", "P1", "d", List.of("(unclosed"), null, 0, null, null, null, null)), SharedEmbedder.get()))
        .hasMessageContaining("invalid pattern");
  }
}
