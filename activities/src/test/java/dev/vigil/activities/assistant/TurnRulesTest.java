package dev.vigil.activities.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.assistant.TurnKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TurnRulesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      thanks!                                                   | THANKS
      Thank you so much!!                                       | THANKS
      thx                                                       | THANKS
      Hi there                                                  | GREETING
      Good morning team,                                        | GREETING
      ok                                                        | ACKNOWLEDGEMENT
      Got it, thanks                                            | ACKNOWLEDGEMENT
      Any update?                                               | STATUS_INQUIRY
      what's the status of my ticket                            | STATUS_INQUIRY
      When will this be fixed?                                  | STATUS_INQUIRY
      Backup fails with error 0x80070005                        | ERROR_REPORT
      I get HTTP 503 from the gateway                           | ERROR_REPORT
      Uploads are rejected with SignatureDoesNotMatch           | ERROR_REPORT
      Hi, how do I rotate an API key?                           | QUESTION
      Is it possible to export invoices as CSV                  | QUESTION
      The VPN keeps dropping and I can't connect                | TROUBLESHOOTING
      I forgot my password                                      | TROUBLESHOOTING
      We resized the disk and now the VM does not boot at all.  | TROUBLESHOOTING
      The dashboard no longer shows our invoices                | TROUBLESHOOTING
      The worker keeps restarting every few minutes             | TROUBLESHOOTING
      We moved the office to Berlin last week                   | OUT_OF_SCOPE
      I like turtles                                            | OUT_OF_SCOPE
      """)
  void classifiesTurns(String text, TurnKind expected) {
    assertThat(TurnRules.classify(text)).isEqualTo(expected);
  }
}
