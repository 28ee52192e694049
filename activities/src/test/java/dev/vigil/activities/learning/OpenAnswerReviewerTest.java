package dev.vigil.activities.learning;

import static dev.vigil.activities.learning.LearningFixtures.analyst;
import static dev.vigil.activities.learning.LearningFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.SharedEmbedder;
import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.LearningCase;
import dev.vigil.workflows.learning.ReviewVerdict;
import dev.vigil.workflows.learning.VigilAnswer;
import dev.vigil.workflows.ticket.Rating;
import dev.vigil.workflows.ticket.SuggestionState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The review of an answer while its ticket is open: only clear evidence from the turns since it was offered
 * decides; everything else waits for the review at closure.
 */
class OpenAnswerReviewerTest {
  private static final String ANSWER = "Snapshots fail with QuotaExceeded when the project reached its snapshot "
      + "quota: delete old snapshots or raise the quota under Settings > Limits.";
  private static final String OTHER_FIX = "This one is different: the storage agent on your host is outdated. "
      + "Upgrade the agent to 4.3 and restart the backup service, then run the job again.";
  private static final String SAME_FIX = "Yes, as suggested: delete the old snapshots or raise the snapshot quota "
      + "under Settings > Limits, then the snapshots work again.";

  private final OpenAnswerReviewer reviewer = new OpenAnswerReviewer(SharedEmbedder.get(),
      LearningSettings.defaults());

  private static LearningCase since(SuggestionState state, Rating rating, CaseTurn... turns) {
    return LearningFixtures.learningCase("T-9", "acme", "acme", "storage", "Snapshots fail", List.of(turns), null,
        List.of(new VigilAnswer("S1", ANSWER, List.of("faq-quota"), state, rating, null)));
  }

  @Test
  void aDismissedAnswerTheAnalystThenContradictedIsRetired() {
    OpenAnswerReviewer.Judgement j = reviewer.judge(since(SuggestionState.DISMISSED, null,
        customer("m2", "Any news?"), analyst("m3", OTHER_FIX)), "S1");

    assertThat(j.verdict()).isNotNull();
    assertThat(j.verdict().verdict()).isEqualTo(ReviewVerdict.DELETE);
    assertThat(j.verdict().feedback()).isEqualTo("dismissed");
    assertThat(j.verdict().entryIds()).containsExactly("faq-quota");
    assertThat(j.verdict().key()).isEqualTo("ticket:desk:T-9#early-review:S1");
    assertThat(j.reason()).contains("answered otherwise");
  }

  @Test
  void aDismissalAloneOrAnAgreeingAnalystLeavesItToClosure() {
    assertThat(reviewer.judge(since(SuggestionState.DISMISSED, null), "S1").verdict()).isNull();
    assertThat(reviewer.judge(since(SuggestionState.DISMISSED, null, analyst("m3", SAME_FIX)), "S1").verdict())
        .isNull();
    assertThat(reviewer.judge(since(SuggestionState.DISMISSED, null, analyst("m3", "ok, looking")), "S1").verdict())
        .as("an acknowledgement is not an answer").isNull();
  }

  @Test
  void anAnswerTheCustomerSaidDidNotHelp_andTheAnalystAnsweredOtherwise_isRetired() {
    OpenAnswerReviewer.Judgement j = reviewer.judge(since(SuggestionState.ANSWERED, null,
        customer("m2", "I deleted old snapshots but still getting QuotaExceeded, that didn't help."),
        analyst("m3", OTHER_FIX)), "S1");

    assertThat(j.verdict().verdict()).isEqualTo(ReviewVerdict.DELETE);
    assertThat(j.verdict().feedback()).isEqualTo("failed");
  }

  @Test
  void aCustomerComplaintWithoutTheAnalystsAnswerWaits() {
    assertThat(reviewer.judge(since(SuggestionState.ADOPTED, null,
        customer("m2", "Same error after trying that.")), "S1").verdict()).isNull();
  }

  @Test
  void anAnswerTheCustomerConfirmedIsKept() {
    OpenAnswerReviewer.Judgement j = reviewer.judge(since(SuggestionState.ADOPTED, null,
        customer("m2", "Thanks, that worked! Snapshots run again.")), "S1");

    assertThat(j.verdict().verdict()).isEqualTo(ReviewVerdict.KEEP);
    assertThat(j.verdict().feedback()).isEqualTo("adopted");
  }

  @Test
  void anAnswerNobodyActedOnOrThatCitesNothingWaits() {
    assertThat(reviewer.judge(since(SuggestionState.OFFERED, null,
        customer("m2", "Thanks, that worked!")), "S1").verdict()).as("the customer never saw it").isNull();
    assertThat(reviewer.judge(since(SuggestionState.ADOPTED, null), "S7").verdict()).isNull();
  }

  @Test
  void aDislikedAnswerCountsLikeADismissedOne() {
    OpenAnswerReviewer.Judgement j = reviewer.judge(since(SuggestionState.ADOPTED, Rating.DISLIKE,
        analyst("m3", OTHER_FIX)), "S1");

    assertThat(j.verdict().verdict()).isEqualTo(ReviewVerdict.DELETE);
    assertThat(j.verdict().feedback()).isEqualTo("disliked");
  }
}
