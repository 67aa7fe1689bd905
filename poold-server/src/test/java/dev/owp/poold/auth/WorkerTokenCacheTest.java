package dev.owp.poold.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkerTokenCacheTest {

  private static final AuthenticatedWorker ALICE =
      new AuthenticatedWorker(WorkerId.of("w_alice"), Instant.parse("2026-12-03T08:00:00Z"));
  private static final AuthenticatedWorker BOB =
      new AuthenticatedWorker(WorkerId.of("w_bob"), null);

  private long nanos = 1_000_000_000L;
  private final WorkerTokenCache cache = new WorkerTokenCache(true, () -> nanos);

  @Test
  void aTokenFoundValidIsKnownWithoutALookup() {
    cache.remember("hash-a", ALICE, cache.lookupStarts());

    assertThat(cache.find("hash-a")).contains(ALICE);
    assertThat(cache.find("hash-b")).isEmpty();
  }

  @Test
  void anEntryIsTrustedForOneSecondOnly() {
    cache.remember("hash-a", ALICE, cache.lookupStarts());

    nanos += WorkerTokenCache.TRUSTED_FOR.toNanos();
    assertThat(cache.find("hash-a")).contains(ALICE);

    nanos += 1;
    assertThat(cache.find("hash-a")).isEmpty();
    nanos -= 1;
    assertThat(cache.find("hash-a")).as("an expired entry is dropped, not kept").isEmpty();
  }

  @Test
  void forgettingAWorkerDropsItsTokenAndLeavesTheOthers() {
    cache.remember("hash-a", ALICE, cache.lookupStarts());
    cache.remember("hash-b", BOB, cache.lookupStarts());

    cache.forget(ALICE.id());

    assertThat(cache.find("hash-a")).isEmpty();
    assertThat(cache.find("hash-b")).contains(BOB);
  }

  @Test
  void aRenewalIsSeenByTheNextLookupAndNeverMovesBack() {
    cache.remember("hash-a", ALICE, cache.lookupStarts());
    Instant renewed = ALICE.leasesRenewedAt().plusSeconds(10);

    cache.renewed(ALICE.id(), renewed);
    assertThat(cache.find("hash-a")).contains(new AuthenticatedWorker(ALICE.id(), renewed));

    cache.renewed(ALICE.id(), ALICE.leasesRenewedAt());
    assertThat(cache.find("hash-a")).contains(new AuthenticatedWorker(ALICE.id(), renewed));
  }

  @Test
  void aRenewalOfAWorkerNeverRenewedIsSeenToo() {
    cache.remember("hash-b", BOB, cache.lookupStarts());
    Instant renewed = Instant.parse("2026-12-03T09:00:00Z");

    cache.renewed(BOB.id(), renewed);
    cache.renewed(ALICE.id(), renewed);

    assertThat(cache.find("hash-b")).contains(new AuthenticatedWorker(BOB.id(), renewed));
    assertThat(cache.find("hash-a")).isEmpty();
  }

  @Test
  void aLookupThatStartedBeforeARemovalIsNotKept() {
    long start = cache.lookupStarts();
    cache.forget(ALICE.id());

    cache.remember("hash-a", ALICE, start);

    assertThat(cache.find("hash-a"))
        .as("the lookup may have read the row before the removal committed")
        .isEmpty();
    cache.remember("hash-a", ALICE, cache.lookupStarts());
    assertThat(cache.find("hash-a")).contains(ALICE);
  }

  @Test
  void aFullCacheStartsAgainRatherThanGrow() {
    for (int i = 0; i < WorkerTokenCache.MAX_ENTRIES; i++) {
      cache.remember("hash-" + i, worker(i), cache.lookupStarts());
    }
    assertThat(cache.find("hash-0")).contains(worker(0));

    cache.remember("hash-a", ALICE, cache.lookupStarts());

    assertThat(cache.find("hash-0")).isEmpty();
    assertThat(cache.find("hash-a")).contains(ALICE);
  }

  @Test
  void aWorkerFoundWithAnotherTokenKeepsOnlyThatOne() {
    cache.remember("hash-a", ALICE, cache.lookupStarts());

    cache.remember("hash-z", ALICE, cache.lookupStarts());

    assertThat(cache.find("hash-a")).isEmpty();
    assertThat(cache.find("hash-z")).contains(ALICE);
  }

  @Test
  void withSeveralReplicasNothingIsKept() {
    WorkerTokenCache replicated = new WorkerTokenCache(false, () -> nanos);

    replicated.remember("hash-a", ALICE, replicated.lookupStarts());

    assertThat(replicated.find("hash-a")).isEmpty();
  }

  private static AuthenticatedWorker worker(int i) {
    return new AuthenticatedWorker(WorkerId.of("w_" + i), null);
  }
}
