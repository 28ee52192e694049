package dev.vigil.activities.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentCommentsTest {
  @TempDir
  Path dir;

  @Test
  void whatWasPostedIsKnownAfterARestart_byIdByTextAndByKey() {
    Path file = dir.resolve("connectors/sent.tsv");
    SentComments ledger = new SentComments(file);
    ledger.recordText("zendesk", "35436", "Open <b>Profile</b> &gt; Security,\n\nthen enable 2FA.");
    ledger.recordId("zendesk", "35436", "900001");
    ledger.recordKey("zendesk", "ticket:zendesk:35436/S1", "900001");

    SentComments reopened = new SentComments(file);
    assertThat(reopened.isOwn("zendesk", "35436", "900001", null)).isTrue();
    assertThat(reopened.isOwn("zendesk", "35436", null, "open profile > security, then enable 2fa.")).isTrue();
    assertThat(reopened.commentFor("zendesk", "ticket:zendesk:35436/S1")).isEqualTo("900001");
    assertThat(reopened.isOwn("zendesk", "35437", "900001", null)).as("another ticket").isFalse();
    assertThat(reopened.isOwn("jira", "35436", "900001", null)).as("another source").isFalse();
    assertThat(reopened.isOwn("zendesk", "35436", "900002", "a customer's own words")).isFalse();
  }

  @Test
  void theLedgerIsBounded_forgettingTheOldestFirst() {
    Path file = dir.resolve("sent.tsv");
    SentComments ledger = new SentComments(file, 3);
    for (int i = 1; i <= 5; i++) {
      ledger.recordId("github", "o:r#1", String.valueOf(i));
    }
    SentComments reopened = new SentComments(file, 3);
    assertThat(reopened.isOwn("github", "o:r#1", "1", null)).isFalse();
    assertThat(reopened.isOwn("github", "o:r#1", "5", null)).isTrue();
  }
}
