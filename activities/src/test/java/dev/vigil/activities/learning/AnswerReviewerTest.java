package dev.vigil.activities.learning;

import static dev.vigil.activities.learning.LearningFixtures.analyst;
import static dev.vigil.activities.learning.LearningFixtures.customer;
import static dev.vigil.activities.learning.LearningFixtures.learningCase;
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

class AnswerReviewerTest {
  private static final String RESOLUTION = "Set the IKE lifetime to 28800 seconds on both peers so that rekeying "
      + "does not tear the VPN tunnel down.";
  /** Says what the resolution says. */
  private static final String AGREES = "Raise the IKE lifetime to 28800 seconds on both VPN peers, so the tunnel "
      + "is not torn down when it rekeys.";
  /** Has nothing to do with the resolution. */
  private static final String CONTRADICTED = "Reset your password under Settings > Security; a reset link is sent "
      + "to your e-mail address.";
  private static final List<CaseTurn> TURNS = List.of(
      customer("c1", "Our VPN tunnel drops every hour. How do we keep it up?"),
      analyst("a2", "Checking the peer logs now."));

  private final AnswerReviewer reviewer = new AnswerReviewer(SharedEmbedder.get(), LearningSettings.defaults());

  private static LearningCase withAnswer(VigilAnswer answer, String resolution) {
    return learningCase("T-9", "acme", "acme", "network", "VPN drops", TURNS, resolution, List.of(answer));
  }

  private static VigilAnswer answer(String text, SuggestionState state, Rating rating, String edited) {
    return new VigilAnswer("S1", text, List.of("faq-vpn", "faq-ike"), state, rating, edited);
  }

  private ReviewVerdict onlyVerdict(VigilAnswer answer, String resolution) {
    LearningCase c = withAnswer(answer, resolution);
    List<ReviewVerdict> verdicts = reviewer.review(c);
    assertThat(verdicts).hasSize(1);
    ReviewVerdict v = verdicts.get(0);
    assertThat(v.key()).isEqualTo(c.key() + "#review:S1");
    assertThat(v.suggestionId()).isEqualTo("S1");
    assertThat(v.entryIds()).containsExactly("faq-vpn", "faq-ike");
    return v;
  }

  @Test
  void anAdoptedAnswerIsKept() {
    ReviewVerdict v = onlyVerdict(answer(CONTRADICTED, SuggestionState.ADOPTED, null, null), RESOLUTION);

    assertThat(v.verdict()).isEqualTo(ReviewVerdict.KEEP);
    assertThat(v.feedback()).isEqualTo("adopted");
  }

  @Test
  void anAnswerVigilSentIsKeptAsAnswered_andALikeIsNoted() {
    assertThat(onlyVerdict(answer(AGREES, SuggestionState.ANSWERED, null, null), RESOLUTION))
        .extracting(ReviewVerdict::verdict, ReviewVerdict::feedback).containsExactly(ReviewVerdict.KEEP, "answered");
    assertThat(onlyVerdict(answer(AGREES, SuggestionState.ADOPTED, Rating.LIKE, null), RESOLUTION))
        .extracting(ReviewVerdict::verdict, ReviewVerdict::feedback).containsExactly(ReviewVerdict.KEEP, "liked");
  }

  @Test
  void anEditedAnswerIsModifiedWithTheAnalystsText() {
    String edited = "Set the IKE lifetime to 28800 seconds on both peers and restart the tunnel.";

    ReviewVerdict v = onlyVerdict(answer(AGREES, SuggestionState.EDITED, null, edited), RESOLUTION);

    assertThat(v.verdict()).isEqualTo(ReviewVerdict.MODIFY);
    assertThat(v.correctedAnswer()).isEqualTo(edited);
    assertThat(v.feedback()).isEqualTo("edited");
  }

  @Test
  void aDismissedAnswerTheResolutionContradictsIsDeleted() {
    ReviewVerdict v = onlyVerdict(answer(CONTRADICTED, SuggestionState.DISMISSED, null, null), RESOLUTION);

    assertThat(v.verdict()).isEqualTo(ReviewVerdict.DELETE);
    assertThat(v.feedback()).isEqualTo("dismissed");
    assertThat(v.reason()).contains("cosine");
  }

  @Test
  void aDislikedAnswerTheResolutionContradictsIsDeleted() {
    assertThat(onlyVerdict(answer(CONTRADICTED, SuggestionState.ADOPTED, Rating.DISLIKE, null), RESOLUTION))
        .extracting(ReviewVerdict::verdict, ReviewVerdict::feedback)
        .containsExactly(ReviewVerdict.DELETE, "disliked");
  }

  @Test
  void aDismissedAnswerTheResolutionAgreesWithIsKeptAndCounted() {
    ReviewVerdict v = onlyVerdict(answer(AGREES, SuggestionState.DISMISSED, null, null), RESOLUTION);

    assertThat(v.verdict()).isEqualTo(ReviewVerdict.KEEP);
    assertThat(v.feedback()).isEqualTo("dismissed");
    assertThat(v.reason()).contains("not retired");
  }

  @Test
  void aDismissalWithoutAnyHumanResolutionIsCountedButRetiresNothing() {
    LearningCase c = learningCase("T-12", "acme", "acme", "network", "VPN drops",
        List.of(customer("c1", "Our VPN tunnel drops every hour. How do we keep it up?")), null,
        List.of(answer(CONTRADICTED, SuggestionState.DISMISSED, null, null)));

    assertThat(reviewer.review(c)).singleElement().satisfies(v -> {
      assertThat(v.verdict()).isEqualTo(ReviewVerdict.KEEP);
      assertThat(v.feedback()).isEqualTo("dismissed");
      assertThat(v.reason()).contains("no human resolution");
    });
  }

  @Test
  void anAnswerNobodyActedOnIsKeptAsMatchedWhenTheResolutionAgrees() {
    ReviewVerdict v = onlyVerdict(answer(AGREES, SuggestionState.OFFERED, null, null), RESOLUTION);

    assertThat(v.verdict()).isEqualTo(ReviewVerdict.KEEP);
    assertThat(v.feedback()).isEqualTo("matched");
  }

  @Test
  void anAnswerNobodyActedOnGetsNoVerdictWhenTheResolutionDiffers() {
    assertThat(reviewer.review(withAnswer(answer(CONTRADICTED, SuggestionState.OFFERED, null, null), RESOLUTION)))
        .isEmpty();
    assertThat(reviewer.review(withAnswer(answer(AGREES, SuggestionState.CANCELLED, null, null), null)))
        .as("no resolution to compare with").isEmpty();
  }

  @Test
  void anAnswerWithoutCitationsGetsNoVerdict() {
    VigilAnswer uncited = new VigilAnswer("S1", AGREES, List.of(), SuggestionState.ADOPTED, null, null);

    assertThat(reviewer.review(withAnswer(uncited, RESOLUTION))).isEmpty();
  }

  @Test
  void withoutAResolutionNoteTheLastHumanAnalystTurnIsTheOutcome_notVigilsOwn() {
    LearningCase c = learningCase("T-10", "acme", "acme", "network", "VPN drops", List.of(
        customer("c1", "Our VPN tunnel drops every hour. How do we keep it up?"),
        analyst("a2", RESOLUTION),
        analyst("vigil-S2", CONTRADICTED)),
        null, List.of(answer(AGREES, SuggestionState.DISMISSED, null, null)));

    assertThat(reviewer.review(c)).singleElement().extracting(ReviewVerdict::verdict)
        .isEqualTo(ReviewVerdict.KEEP);
  }

  @Test
  void everyAnswerOnTheCaseIsReviewedInOrder() {
    LearningCase c = learningCase("T-11", "acme", "acme", "network", "VPN drops", TURNS, RESOLUTION, List.of(
        new VigilAnswer("S1", CONTRADICTED, List.of("faq-pw"), SuggestionState.DISMISSED, null, null),
        new VigilAnswer("S2", AGREES, List.of("faq-vpn"), SuggestionState.ADOPTED, null, null)));

    assertThat(reviewer.review(c)).extracting(ReviewVerdict::suggestionId, ReviewVerdict::verdict)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("S1", ReviewVerdict.DELETE),
            org.assertj.core.groups.Tuple.tuple("S2", ReviewVerdict.KEEP));
  }
}
