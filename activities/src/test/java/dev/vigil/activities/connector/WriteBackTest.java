package dev.vigil.activities.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.activities.connector.zammad.ZammadApi;
import dev.vigil.workflows.notify.OutboundKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteBackTest {
  private final WriteBack zammad = new WriteBack(Map.of("Alice", "5"), Map.of("p4", "0 trivial"), "pending close",
      null);

  @Test
  void analystsAreLookedUpInAnyCase_andAnUnmappedOneNamesTheSettingToAdd() {
    assertThat(zammad.assignee("zammad", "alice")).isEqualTo("5");
    assertThatThrownBy(() -> zammad.assignee("zammad", "bob")).isInstanceOf(ChangeNotWritable.class)
        .hasMessageContaining("vigil.connectors.zammad.write-back.assignees.bob");
  }

  @Test
  void configuredPrioritiesReplaceTheDefaultsForTheirLevels_andLevelsWrittenAlikeAreEchoesOfEachOther() {
    assertThat(zammad.priority("zammad", "P4", ZammadApi.PRIORITIES)).isEqualTo("0 trivial");
    assertThat(zammad.priority("zammad", "p3", ZammadApi.PRIORITIES)).isEqualTo("2 normal");
    assertThat(zammad.prioritiesLike("zammad", "P1", ZammadApi.PRIORITIES)).containsExactlyInAnyOrder("P1", "P2");
    assertThatThrownBy(() -> zammad.priority("zammad", "urgent", ZammadApi.PRIORITIES))
        .isInstanceOf(ChangeNotWritable.class).hasMessageContaining("P1, P2, P3, P4");
  }

  @Test
  void statusesFallBackToTheSystemsDefaults() {
    assertThat(zammad.status(OutboundKind.RESOLVED, "closed", "closed")).isEqualTo("pending close");
    assertThat(zammad.status(OutboundKind.CLOSED, "closed", "closed")).isEqualTo("closed");
  }

  @Test
  void aPriorityKeyThatIsNotALevelIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new WriteBack(Map.of(), Map.of("high", "3 high"), null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'HIGH'");
  }
}
