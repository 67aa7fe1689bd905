package dev.owp.protocol.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaseRulesTest {

  private static final Instant EXPIRY = Instant.parse("2026-01-17T12:30:00Z");

  @ParameterizedTest(name = "{0} ms after expiry: expired={1}")
  @CsvSource({"-60000, false", "-1, false", "0, true", "1, true", "60000, true"})
  void leaseIsGoneFromItsExpiryOn(long millisAfterExpiry, boolean expired) {
    assertThat(LeaseRules.isExpired(EXPIRY, EXPIRY.plusMillis(millisAfterExpiry)))
        .isEqualTo(expired);
  }

  @Test
  void leaseExpiresOneTtlAfterItsLastRenewal() {
    Instant renewed = Instant.parse("2026-01-17T12:00:00Z");

    assertThat(LeaseRules.expiresAt(renewed, Duration.ofMinutes(30))).isEqualTo(EXPIRY);
  }

  @Test
  void renewedLeaseOutlivesTheOriginalTtl() {
    // The original never renewed: work still in progress after 30 minutes was taken away.
    MutableClock clock = MutableClock.standing();
    Duration ttl = LeaseRules.DEFAULT_TTL;
    Instant expiresAt = LeaseRules.expiresAt(clock.instant(), ttl);

    for (int heartbeat = 0; heartbeat < 10; heartbeat++) {
      clock.advance(Duration.ofMinutes(10));
      assertThat(LeaseRules.isExpired(expiresAt, clock.instant())).isFalse();
      expiresAt = LeaseRules.expiresAt(clock.instant(), ttl);
    }

    clock.advance(ttl.minusMillis(1));
    assertThat(LeaseRules.isExpired(expiresAt, clock.instant())).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(LeaseRules.isExpired(expiresAt, clock.instant())).isTrue();
  }

  @Test
  void aReportRenewsOnlyLeasesRenewedMoreThanAHundredthOfTheTtlAgo() {
    Duration ttl = Duration.ofMinutes(30);
    Instant now = Instant.parse("2026-01-17T12:00:00Z");

    // A lease renewed 18 s ago expires at the bound, and the bound is exclusive: it stays.
    assertThat(LeaseRules.renewsBelow(now, ttl))
        .isEqualTo(LeaseRules.expiresAt(now.minusSeconds(18), ttl))
        .isEqualTo(Instant.parse("2026-01-17T12:29:42Z"));
  }

  @Test
  void leasesAllRenewedAtMostAHundredthOfTheTtlAgoNeedNoRenewal() {
    Duration ttl = Duration.ofMinutes(30);
    Instant now = Instant.parse("2026-01-17T12:00:00Z");

    assertThat(LeaseRules.renewedRecently(now, now, ttl)).isTrue();
    assertThat(LeaseRules.renewedRecently(now.minusSeconds(18), now, ttl)).isTrue();
    assertThat(LeaseRules.renewedRecently(now.minusSeconds(18).minusMillis(1), now, ttl)).isFalse();
    assertThat(LeaseRules.renewedRecently(now.minus(ttl), now, ttl)).isFalse();
  }

  @Test
  void defaultsAreThirtyMinuteLeasesAndAFiveSecondCycle() {
    assertThat(LeaseRules.DEFAULT_TTL).isEqualTo(Duration.ofMinutes(30));
    assertThat(LeaseRules.DEFAULT_CYCLE).isEqualTo(Duration.ofSeconds(5));
  }
}
