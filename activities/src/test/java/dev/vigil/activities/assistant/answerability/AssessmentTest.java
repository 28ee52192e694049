package dev.vigil.activities.assistant.answerability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeHit;
import dev.vigil.activities.knowledge.Provenance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which candidate an assessment answers with: the model ranks, a repeat only makes an assessment answerable. */
class AssessmentTest {
  private static Candidate candidate(String id, double probability, double questionCosine) {
    KnowledgeEntry entry = KnowledgeEntry.draft(id, EntryKind.QA, "question " + id, "answer " + id, null, List.of(),
        KnowledgeEntry.GLOBAL, Provenance.imported("test"), EntryStatus.ACTIVE);
    return new Candidate(new KnowledgeHit(entry, 1, 1.0, null, null, 1, 0.5), "answer " + id,
        AnswerabilityFeatures.of(Map.of("question_cosine", questionCosine)), probability,
        Repeats.confidence(probability, questionCosine));
  }

  @Test
  void aNearTopicRepeatDoesNotDisplaceAMoreProbableAnswer_butAnswersWhenNothingElseIsConfident() {
    Assessment assessment = new Assessment("T-1", "q", List.of(
        candidate("likely", 0.30, 0.40), candidate("near-topic", 0.05, 0.72)));

    assertThat(assessment.answer(0.11)).get().extracting(c -> c.hit().entry().id()).isEqualTo("likely");
    assertThat(assessment.answer(0.5)).get().extracting(c -> c.hit().entry().id()).isEqualTo("near-topic");
    assertThat(assessment.answer(0.8)).isEmpty();
    assertThat(assessment.topConfidence()).isEqualTo(0.72);
  }

  @Test
  void anExactRepeatIsAnsweredAtAnyThreshold_withItsQuestionCosineAsConfidence() {
    Candidate repeat = candidate("repeat", 0.02, 1.0);
    assertThat(repeat.confidence()).isEqualTo(1.0);
    assertThat(new Assessment("T-1", "q", List.of(repeat)).answer(0.99)).contains(repeat);
    assertThat(Repeats.confidence(0.2, Repeats.QUESTION_COSINE - 0.01)).isEqualTo(0.2);
  }
}
