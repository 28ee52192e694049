package dev.vigil.activities.learning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerCleanerTest {
  private static final String FIX = "Set the IKE lifetime to 28800 seconds on both peers so that rekeying does not "
      + "tear the tunnel down.";

  @Test
  void greetingsAndSignOffsAreDropped() {
    String text = "Hi <name>,\n" + FIX + "\nBest regards,\n<name>";

    assertThat(AnswerCleaner.clean(text, 1200)).isEqualTo(FIX);
  }

  @Test
  void aGreetingOnTheSameLineAsTheAnswerIsDropped() {
    assertThat(AnswerCleaner.clean("Hello <name>, " + FIX + "\nThanks,", 1200)).isEqualTo(FIX);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // the ticket itself
      "I'm closing this ticket now.",
      "I have escalated this case to our network team.",
      "The ticket has been resolved.",
      "Let me know if you need anything else.",
      "Hope this helps!",
      "Sorry for the delay.",
      "We'll follow up tomorrow with the logs.",
      // temporary workarounds
      "As a temporary workaround, restart the agent every night.",
      "For now, disable IPv6 on the tunnel interface.",
      "In the meantime you can upload the files through the web console.",
      // future plans
      "Our engineering team is working on a permanent fix.",
      "This will be fixed in the next release.",
      "Automatic rekey handling is on our roadmap."})
  void sentencesThatAreNotReusableAreDropped(String sentence) {
    assertThat(AnswerCleaner.clean(FIX + " " + sentence, 1200)).isEqualTo(FIX);
    assertThat(AnswerCleaner.clean(sentence, 1200)).isEmpty();
  }

  @Test
  void aRealAnswerMixedWithEverythingElseKeepsOnlyTheReusablePart() {
    String text = """
        Hi <name>,

        Thanks for your patience. As a temporary workaround, restart the tunnel. The cause is the IKE rekey every \
        hour. Set the IKE lifetime to 28800 seconds on both peers. We are working on a firmware update that will \
        be released next month. I'm closing this ticket now.

        Kind regards,
        <name>""";

    assertThat(AnswerCleaner.clean(text, 1200))
        .isEqualTo("The cause is the IKE rekey every hour. Set the IKE lifetime to 28800 seconds on both peers.");
  }

  @Test
  void technicalTextIsLeftAlone() {
    String text = "Upgrade the agent to 4.2.1, then run `vigil-agent reload`.\nThe agent now reads the new "
        + "certificate without a restart.";

    assertThat(AnswerCleaner.clean(text, 1200)).isEqualTo(text);
  }

  @Test
  void nothingReusableGivesEmpty() {
    assertThat(AnswerCleaner.clean("Hi <name>,\nThanks for waiting. I'm closing this ticket now.\nCheers", 1200))
        .isEmpty();
    assertThat(AnswerCleaner.clean(null, 1200)).isEmpty();
    assertThat(AnswerCleaner.clean("   ", 1200)).isEmpty();
  }

  @Test
  void aLongAnswerIsCutAtASentenceEnd() {
    String text = "First do this step carefully. Then do that second step. Finally verify everything works fine.";

    String cut = AnswerCleaner.clean(text, 60);

    assertThat(cut).isEqualTo("First do this step carefully. Then do that second step.");
    assertThat(cut.length()).isLessThanOrEqualTo(60);
  }
}
