package dev.owp.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

class LatencySamplesTest {

  @Test
  void percentilesAreNearestRankOverEverySample() {
    LatencySamples first = new LatencySamples();
    LatencySamples second = new LatencySamples();
    for (int ms = 1; ms <= 1_000; ms++) {
      (ms % 2 == 0 ? first : second).add(ms * 1_000_000L);
    }
    first.addAll(second);

    LatencySummary summary = first.summarise();

    assertThat(summary.count()).isEqualTo(1_000);
    assertThat(summary.p50Ms()).isEqualTo(500.0);
    assertThat(summary.p95Ms()).isEqualTo(950.0);
    assertThat(summary.p99Ms()).isEqualTo(990.0);
    assertThat(summary.maxMs()).isEqualTo(1_000.0);
  }

  @Test
  void noSamplesSummariseToZeros() {
    assertThat(new LatencySamples().summarise()).isEqualTo(new LatencySummary(0, 0, 0, 0, 0));
  }

  @ParameterizedTest
  @CsvSource({"60, 60000", "60s, 60000", "2m, 120000", "0.5, 500", "250ms, 250", "1h, 3600000"})
  void durationsTakeSecondsOrAUnit(String text, long millis) {
    assertThat(new Seconds().convert(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void aDurationWithoutNumberIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Seconds().convert("-1s"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'-1s' is not a duration");
  }
}
