package dev.owp.protocol.scheduling;

import static dev.owp.protocol.testing.CandidateBuilder.aTask;
import static dev.owp.protocol.testing.RepoSnapshotBuilder.aRepo;
import static dev.owp.protocol.testing.WorkerSnapshotBuilder.aWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.area.AreaKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateTest {

  @Test
  void orderIsPriorityDescendingThenOldestFirst() {
    List<Candidate> tasks =
        new ArrayList<>(
            List.of(
                aTask("p10-new").priority(10).seq(9).build(),
                aTask("p50-new").priority(50).seq(8).build(),
                aTask("p10-old").priority(10).seq(1).build(),
                aTask("p0").priority(0).seq(0).build(),
                aTask("p50-old").priority(50).seq(2).build(),
                aTask("p1000").priority(1000).seq(99).build()));

    tasks.sort(Candidate.ORDER);

    assertThat(tasks)
        .extracting(c -> c.id().value())
        .containsExactly("p1000", "p50-old", "p50-new", "p10-old", "p10-new", "p0");
  }

  @Test
  void orderIgnoresTheIdentifier() {
    Candidate zed = aTask("zzz").seq(1).build();
    Candidate abc = aTask("aaa").seq(2).build();

    assertThat(Candidate.ORDER.compare(zed, abc)).isNegative();
  }

  @Test
  void takingATaskAddsItsLoadToTheWorker() {
    WorkerSnapshot worker = aWorker().capacity(5, 3).using(1, 1).build();

    WorkerSnapshot after = worker.taking(aTask("t").estimate(2).build());

    assertThat(after.load()).isEqualTo(new WorkerLoad(3, 2, 5, 3));
    assertThat(after.skills()).isEqualTo(worker.skills());
  }

  @Test
  void takingATaskHoldsABudgetSlotAndLocksItsArea() {
    RepoSnapshot repo = aRepo().maxOpenPrs(3).held(1).build();

    RepoSnapshot after = repo.taking(aTask("t").inArea("auth").build());

    assertThat(after.held()).isEqualTo(2);
    assertThat(after.lockedAreas()).containsExactly(new AreaKey("auth"));
    assertThat(repo.lockedAreas()).isEmpty();
  }

  @Test
  void takingATaskLocksNothingWhenAreaLocksAreDisabled() {
    RepoSnapshot after =
        aRepo().withoutAreaLocks().build().taking(aTask("t").inArea("auth").build());

    assertThat(after.held()).isEqualTo(1);
    assertThat(after.lockedAreas()).isEmpty();
  }
}
