package dev.owp.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireTimeTest {

  @ParameterizedTest
  @CsvSource({
    "2026-01-17T12:34:56.123Z,       2026-01-17T12:34:56.123+00:00",
    "2026-01-17T12:34:56Z,           2026-01-17T12:34:56.000+00:00",
    "2026-01-17T12:34:56.123456789Z, 2026-01-17T12:34:56.123+00:00",
    "1970-01-01T00:00:00Z,           1970-01-01T00:00:00.000+00:00",
    "2026-12-31T23:59:59.999Z,       2026-12-31T23:59:59.999+00:00"
  })
  void formatIsUtcWithMillisecondsAndAnExplicitOffset(Instant instant, String wire) {
    assertThat(WireTime.format(instant)).isEqualTo(wire);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-01-17T12:34:56.123+00:00,  2026-01-17T12:34:56.123Z",
    "2026-01-17T12:34:56.123Z,       2026-01-17T12:34:56.123Z",
    "2026-01-17T12:34:56Z,           2026-01-17T12:34:56Z",
    "2026-01-17T14:34:56.123+02:00,  2026-01-17T12:34:56.123Z",
    "2026-01-17T07:04:56.123-05:30,  2026-01-17T12:34:56.123Z",
    "2026-01-17T12:34:56.123456+00:00, 2026-01-17T12:34:56.123456Z",
    "'  2026-01-17T12:34:56Z  ',     2026-01-17T12:34:56Z"
  })
  void parseAcceptsZAndAnyOffset(String wire, Instant instant) {
    assertThat(WireTime.parse(wire)).isEqualTo(instant);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2026-01-17",
        "2026-01-17T12:34:56",
        "2026-01-17 12:34:56Z",
        "",
        "1768653296"
      })
  void parseRefusesTimestampsWithoutDateTimeAndOffset(String wire) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WireTime.parse(wire))
        .withMessage(
            "expected an ISO-8601 timestamp such as 2026-01-17T12:34:56.123+00:00, got '"
                + wire
                + "'");
  }

  @Test
  void formattedTimestampsParseBackToTheSameMillisecond() {
    Instant instant = Instant.parse("2026-03-29T01:30:00.042Z");

    assertThat(WireTime.parse(WireTime.format(instant))).isEqualTo(instant);
  }
}
