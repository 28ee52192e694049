package dev.vigil.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreboardTest {
  private static final float[] X = {1, 0, 0};
  private static final float[] Y = {0, 1, 0};
  private static final float[] Z = {0, 0, 1};

  @Test
  void figuresAndReferences_overAHandMadeRun() {
    // thread 1: silent; thread 2: asks like 1, resolved like 1, Vigil answers right; thread 3: Vigil answers wrong;
    // thread 4: nobody earlier resolved it alike (oracle miss), Vigil silent
    List<Scoreboard.Scored> threads = List.of(
        new Scoreboard.Scored(X, Y, null),
        new Scoreboard.Scored(X, Y, Y),
        new Scoreboard.Scored(Z, Y, X),
        new Scoreboard.Scored(Y, Z, null));
    Scoreboard board = new Scoreboard(threads, 0.6, 0.7);
    Scoreboard.Window all = board.overall();

    assertThat(all.vigil().answered()).isEqualTo(2);
    assertThat(all.vigil().matching()).isEqualTo(1);
    assertThat(all.vigil().answeredRate()).isEqualTo(0.5);
    assertThat(all.vigil().precision()).isEqualTo(0.5);
    assertThat(all.vigil().usefulRate()).isEqualTo(0.25);
    assertThat(all.vigil().meanSimilarity()).isCloseTo(0.5, within(1e-9));
    // memory answers thread 2 (same question as 1: right); thread 3's and 4's nearest questions are orthogonal
    assertThat(all.memory().answered()).isEqualTo(1);
    assertThat(all.memory().matching()).isEqualTo(1);
    // threads 2 and 3 have an earlier matching resolution; 1 (nothing earlier) and 4 do not
    assertThat(all.oracleRate()).isEqualTo(0.5);
    assertThat(board.vigilCosine(0)).isNull();
    assertThat(board.vigilCosine(2)).isZero();

    List<Scoreboard.Window> windows = board.windows(3);
    assertThat(windows).extracting(Scoreboard.Window::from).containsExactly(1, 4);
    assertThat(windows.get(1).vigil().answeredRate()).isZero();
    assertThat(windows.get(1).vigil().precision()).isNaN();
  }
}
