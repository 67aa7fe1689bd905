package dev.owp.protocol.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresenceTest {

  private static final Duration TTL = Duration.ofSeconds(90);
  private static final Instant NOW = Instant.parse("2026-01-17T12:00:00Z");

  @ParameterizedTest(name = "heartbeat {0} ms before now: online={1}")
  @CsvSource({
    "0,      true",
    "1000,   true",
    "89999,  true",
    "90000,  true",
    "90001,  false",
    "600000, false",
    "-5000,  true"
  })
  void workerIsOnlineUpToAndIncludingTheTtl(long millisAgo, boolean online) {
    Instant lastHeartbeat = NOW.minusMillis(millisAgo);

    assertThat(Presence.isOnline(lastHeartbeat, NOW, TTL)).isEqualTo(online);
  }

  @Test
  void workerThatNeverHeartbeatedIsOffline() {
    assertThat(Presence.isOnline(null, NOW, TTL)).isFalse();
  }

  @Test
  void workerGoesOfflineOneMillisecondAfterTheTtl() {
    MutableClock clock = MutableClock.standing();
    Instant heartbeat = clock.instant();

    clock.advance(Duration.ofSeconds(90));
    assertThat(Presence.isOnline(heartbeat, clock.instant(), TTL)).isTrue();

    clock.advance(Duration.ofMillis(1));
    assertThat(Presence.isOnline(heartbeat, clock.instant(), TTL)).isFalse();
  }

  @Test
  void onlineSinceIsTheOldestHeartbeatThatStillCounts() {
    Instant since = Presence.onlineSince(NOW, TTL);

    assertThat(since).isEqualTo(Instant.parse("2026-01-17T11:58:30Z"));
    assertThat(Presence.isOnline(since, NOW, TTL)).isTrue();
    assertThat(Presence.isOnline(since.minusMillis(1), NOW, TTL)).isFalse();
  }

  @Test
  void aReportRecordsItsTimeOnlyOverASignOfLifeOlderThanAHundredthOfTheTtl() {
    assertThat(Presence.recordsBelow(NOW, TTL)).isEqualTo(NOW.minusMillis(900));
  }

  @Test
  void defaultHeartbeatTtlIsNinetySeconds() {
    assertThat(Presence.DEFAULT_HEARTBEAT_TTL).isEqualTo(Duration.ofSeconds(90));
  }
}
