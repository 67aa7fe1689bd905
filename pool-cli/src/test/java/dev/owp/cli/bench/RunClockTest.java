package dev.owp.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunClockTest {

  private long now = 1_000_000_000L;
  private final RunClock clock = new RunClock(() -> now);

  @Test
  void measuresFromTheEndOfTheWarmUpUntilTheDeadline() {
    clock.start(Duration.ofSeconds(10), Duration.ofSeconds(60));
    long started = now;

    assertThat(clock.isWarmingUp()).isTrue();
    assertThat(clock.millisToNextPart()).isEqualTo(10_000);
    advance(Duration.ofMillis(9_999));
    assertThat(clock.measures(now)).isFalse();
    advance(Duration.ofMillis(1));
    assertThat(clock.measures(now)).isTrue();
    assertThat(clock.measures(started)).isFalse();
    assertThat(clock.isWarmingUp()).isFalse();
    assertThat(clock.millisToNextPart()).isEqualTo(60_000);

    advance(Duration.ofSeconds(60));
    assertThat(clock.isOver()).isTrue();
    clock.stop();
    assertThat(clock.warmUpSeconds()).isEqualTo(10.0);
    assertThat(clock.measured()).isTrue();
    assertThat(clock.measuredSeconds()).isEqualTo(60.0);
  }

  @Test
  void aRunThatEndsWithinItsWarmUpMeasuredNothing() {
    clock.start(Duration.ofSeconds(10), Duration.ofSeconds(60));
    advance(Duration.ofSeconds(4));
    clock.stop();

    assertThat(clock.warmUpSeconds()).isEqualTo(4.0);
    assertThat(clock.measured()).isFalse();
    assertThat(clock.measuredSeconds()).isZero();
  }

  @Test
  void withoutAWarmUpEverythingIsMeasured() {
    clock.start(Duration.ZERO, Duration.ofSeconds(1));
    long started = now;
    advance(Duration.ofMillis(250));
    clock.stop();

    assertThat(clock.measures(started)).isTrue();
    assertThat(clock.warmUpSeconds()).isZero();
    assertThat(clock.measuredSeconds()).isEqualTo(0.25);
    assertThat(clock.isOver()).isFalse();
  }

  private void advance(Duration by) {
    now += by.toNanos();
  }
}
