package dev.owp.cli.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void withoutJitterTheDelaysDoubleUpToTheLimit() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), () -> 0);

    assertThat(delays(backoff, 5)).containsExactly(1_000L, 2_000L, 4_000L, 5_000L, 5_000L);
  }

  @Test
  void jitterTakesUpToHalfOfEachStep() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999);

    assertThat(delays(backoff, 3)).containsExactly(500L, 1_001L, 2_002L);
  }

  @Test
  void theStandardDelaysStayWithinTheirStepsAndDiffer() {
    Backoff backoff = Backoff.standard();
    List<Long> firsts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      List<Long> delays = delays(backoff, 8);
      long step = 1_000;
      for (long delay : delays) {
        assertThat(delay).isBetween(step / 2, step);
        step = Math.min(step * 2, 60_000);
      }
      firsts.add(delays.get(0));
      backoff.reset();
    }

    // Fifty draws from 501 values: all alike would mean no jitter at all.
    assertThat(new HashSet<>(firsts)).hasSizeGreaterThan(1);
  }

  @Test
  void aResetStartsOverFromTheFirstStep() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0);
    backoff.nextDelay();
    backoff.nextDelay();
    assertThat(backoff.isReset()).isFalse();

    backoff.reset();

    assertThat(backoff.isReset()).isTrue();
    assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void delaysReadAsMillisecondsUnderASecondAndTenthsOfASecondAbove() {
    assertThat(Backoff.words(Duration.ofMillis(10))).isEqualTo("10ms");
    assertThat(Backoff.words(Duration.ofMillis(999))).isEqualTo("999ms");
    assertThat(Backoff.words(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(Backoff.words(Duration.ofMillis(1_372))).isEqualTo("1.4s");
    assertThat(Backoff.words(Duration.ofMillis(1_960))).isEqualTo("2s");
    assertThat(Backoff.words(Duration.ofMillis(31_250))).isEqualTo("31.3s");
    assertThat(Backoff.words(Duration.ofSeconds(60))).isEqualTo("60s");
  }

  private static List<Long> delays(Backoff backoff, int count) {
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      delays.add(backoff.nextDelay().toMillis());
    }
    return delays;
  }
}
