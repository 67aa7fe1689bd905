package dev.owp.protocol.scheduling;

import static dev.owp.protocol.testing.CandidateBuilder.aTask;
import static dev.owp.protocol.testing.RepoSnapshotBuilder.aRepo;
import static dev.owp.protocol.testing.WorkerSnapshotBuilder.aWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.scheduling.ClaimDecision.DenialReason;
import dev.owp.protocol.scheduling.ClaimDecision.Denied;
import dev.owp.protocol.scheduling.ClaimDecision.Granted;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.testing.RepoSnapshotBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimPolicyTest {

  private static final Map<String, RepoSnapshot> DEMO = Map.of("demo", aRepo().build());

  private static Map<String, RepoSnapshot> demo(RepoSnapshotBuilder repo) {
    return Map.of("demo", repo.build());
  }

  private static List<String> ids(List<Candidate> tasks) {
    return tasks.stream().map(c -> c.id().value()).toList();
  }

  private static ClaimDecision granted(String id, List<Candidate> from) {
    return new Granted(
        from.stream().filter(c -> c.id().equals(TaskId.of(id))).findFirst().orElseThrow());
  }

  @Nested
  class ScreeningATaskForAWorker {

    @Test
    void anEligibleTaskHasNoIneligibility() {
      assertThat(ClaimPolicy.screen(aWorker().build(), aTask("t").build(), aRepo().build()))
          .isEmpty();
    }

    @Test
    void taskOfAnUnknownRepoIsIneligible() {
      assertThat(ClaimPolicy.screen(aWorker().build(), aTask("t").build(), null))
          .contains(Ineligibility.UNKNOWN_REPO);
    }

    @ParameterizedTest(name = "held {0} of {1}: exhausted={2}")
    @CsvSource({
      "0, 3, false",
      "2, 3, false",
      "3, 3, true",
      "4, 3, true",
      "0, 1, false",
      "1, 1, true"
    })
    void reviewBudgetCountsEveryHeldTask(int held, int maxOpenPrs, boolean exhausted) {
      RepoSnapshot repo = aRepo().maxOpenPrs(maxOpenPrs).held(held).build();

      assertThat(ClaimPolicy.screen(aWorker().build(), aTask("t").build(), repo))
          .isEqualTo(exhausted ? Optional.of(Ineligibility.BUDGET_EXHAUSTED) : Optional.empty());
    }

    @Test
    void budgetOfZeroAssignsNothingEvenInAnEmptyRepo() {
      RepoSnapshot repo = aRepo().maxOpenPrs(0).held(0).build();

      assertThat(ClaimPolicy.screen(aWorker().build(), aTask("t").build(), repo))
          .contains(Ineligibility.BUDGET_EXHAUSTED);
    }

    @Test
    void taskInALockedAreaIsIneligible() {
      assertThat(
              ClaimPolicy.screen(
                  aWorker().build(),
                  aTask("t").inArea("auth").build(),
                  aRepo().locking("auth").build()))
          .contains(Ineligibility.AREA_LOCKED);
    }

    @Test
    void areaLocksCompareNormalisedAreas() {
      assertThat(
              ClaimPolicy.screen(
                  aWorker().build(),
                  aTask("t").inArea(" Auth ").build(),
                  aRepo().locking("auth").build()))
          .contains(Ineligibility.AREA_LOCKED);
    }

    @Test
    void lockedAreaDoesNotMatterWhenAreaLocksAreDisabled() {
      RepoSnapshot repo = aRepo().withoutAreaLocks().locking("auth").build();

      assertThat(ClaimPolicy.screen(aWorker().build(), aTask("t").inArea("auth").build(), repo))
          .isEmpty();
    }

    @Test
    void taskWithoutAnAreaIsNeverLockedOut() {
      assertThat(
              ClaimPolicy.screen(
                  aWorker().build(), aTask("t").build(), aRepo().locking("auth", "docs").build()))
          .isEmpty();
    }

    @Test
    void taskInAnotherAreaIsNotLockedOut() {
      assertThat(
              ClaimPolicy.screen(
                  aWorker().build(),
                  aTask("t").inArea("docs").build(),
                  aRepo().locking("auth").build()))
          .isEmpty();
    }

    @ParameterizedTest(name = "worker {0} / task {1}: missing={2}")
    @CsvSource({
      "'java',          '',             false",
      "'',              '',             false",
      "'java',          'java',         false",
      "'java,docs,sql', 'docs,java',    false",
      "'java',          'java,docs',    true",
      "'',              'java',         true",
      "'python',        'java',         true"
    })
    void workerNeedsEveryRequiredSkill(String workerSkills, String required, boolean missing) {
      WorkerSnapshot worker = aWorker().withSkills(split(workerSkills)).build();
      Candidate task = aTask("t").needing(split(required)).build();

      assertThat(ClaimPolicy.screen(worker, task, aRepo().build()))
          .isEqualTo(missing ? Optional.of(Ineligibility.MISSING_SKILL) : Optional.empty());
    }

    @ParameterizedTest(name = "worker tier {0} / task tier {1}: too low={2}")
    @CsvSource({
      "0, 0, false",
      "1, 0, false",
      "3, 3, false",
      "2, 1, false",
      "0, 1, true",
      "2, 3, true"
    })
    void workerNeedsAtLeastTheTasksTier(int workerTier, int taskTier, boolean tooLow) {
      assertThat(
              ClaimPolicy.screen(
                  aWorker().tier(workerTier).build(),
                  aTask("t").tier(taskTier).build(),
                  aRepo().build()))
          .isEqualTo(tooLow ? Optional.of(Ineligibility.TIER_TOO_LOW) : Optional.empty());
    }

    @ParameterizedTest(name = "using {0}p/{1} of {2}p/{3}, task {4}p: fits={5}")
    @CsvSource({
      // usedPoints, usedTasks, capacity, slots, estimate, fits
      "0, 0, 5, 2, 5, true",
      "0, 0, 5, 2, 6, false",
      "3, 1, 5, 2, 2, true",
      "4, 1, 5, 3, 2, false",
      "1, 2, 5, 2, 1, false",
      "0, 1, 5, 2, 1, true"
    })
    void taskMustFitTheWorkersFreePointsAndSlots(
        int usedPoints, int usedTasks, int capacity, int slots, int estimate, boolean fits) {
      WorkerSnapshot worker =
          aWorker().capacity(capacity, slots).using(usedPoints, usedTasks).build();

      assertThat(ClaimPolicy.screen(worker, aTask("t").estimate(estimate).build(), aRepo().build()))
          .isEqualTo(fits ? Optional.empty() : Optional.of(Ineligibility.NO_CAPACITY));
    }

    private static String[] split(String csv) {
      return csv.isBlank() ? new String[0] : csv.split(",");
    }
  }

  @Nested
  class ScreeningAWorker {

    @Test
    void onlineIdleWorkerWithRoomIsAvailable() {
      assertThat(ClaimPolicy.screen(aWorker().build())).isEmpty();
    }

    @Test
    void offlineWorkerIsDenied() {
      assertThat(ClaimPolicy.screen(aWorker().offline().build()))
          .contains(DenialReason.WORKER_OFFLINE);
    }

    @Test
    void pausedWorkerIsDenied() {
      assertThat(ClaimPolicy.screen(aWorker().paused().build()))
          .contains(DenialReason.WORKER_PAUSED);
    }

    @ParameterizedTest(name = "using {0}p/{1} of {2}p/{3}")
    @CsvSource({"0, 2, 5, 2", "5, 1, 5, 2", "6, 1, 5, 3"})
    void workerWithNoFreeSlotOrPointIsFull(int usedPoints, int usedTasks, int capacity, int slots) {
      assertThat(
              ClaimPolicy.screen(
                  aWorker().capacity(capacity, slots).using(usedPoints, usedTasks).build()))
          .contains(DenialReason.WORKER_FULL);
    }

    @Test
    void workerWithOnePointAndOneSlotLeftIsNotFull() {
      assertThat(ClaimPolicy.screen(aWorker().capacity(5, 2).using(4, 1).build())).isEmpty();
    }
  }

  @Nested
  class Deciding {

    @Test
    void grantsTheOnlyEligibleTask() {
      List<Candidate> tasks = List.of(aTask("t1").build());

      assertThat(ClaimPolicy.decide(aWorker().build(), tasks, DEMO))
          .isEqualTo(granted("t1", tasks));
    }

    @Test
    void claimFailsWhenReviewBudgetExhausted() {
      List<Candidate> tasks = List.of(aTask("t1").build());

      assertThat(ClaimPolicy.decide(aWorker().build(), tasks, demo(aRepo().maxOpenPrs(2).held(2))))
          .isEqualTo(new Denied(DenialReason.NO_ELIGIBLE_TASK));
    }

    @Test
    void claimFailsWhenBudgetIsZero() {
      List<Candidate> tasks = List.of(aTask("t1").build(), aTask("t2").build());

      assertThat(ClaimPolicy.decide(aWorker().build(), tasks, demo(aRepo().maxOpenPrs(0))))
          .isEqualTo(new Denied(DenialReason.NO_ELIGIBLE_TASK));
    }

    @Test
    void claimFailsWithoutCandidates() {
      assertThat(ClaimPolicy.decide(aWorker().build(), List.of(), DEMO))
          .isEqualTo(new Denied(DenialReason.NO_ELIGIBLE_TASK));
    }

    @Test
    void tasksOfUnregisteredReposAreNeverGranted() {
      List<Candidate> tasks = List.of(aTask("t1").inRepo("elsewhere").build());

      assertThat(ClaimPolicy.decide(aWorker().build(), tasks, DEMO))
          .isEqualTo(new Denied(DenialReason.NO_ELIGIBLE_TASK));
    }

    @Test
    void offlineWorkerIsDeniedEvenWithEligibleTasks() {
      List<Candidate> tasks = List.of(aTask("t1").build());

      assertThat(ClaimPolicy.decide(aWorker().offline().build(), tasks, DEMO))
          .isEqualTo(new Denied(DenialReason.WORKER_OFFLINE));
    }

    @Test
    void pausedWorkerIsDeniedEvenWithEligibleTasks() {
      List<Candidate> tasks = List.of(aTask("t1").build());

      assertThat(ClaimPolicy.decide(aWorker().paused().build(), tasks, DEMO))
          .isEqualTo(new Denied(DenialReason.WORKER_PAUSED));
    }

    @Test
    void fullWorkerIsDeniedEvenWithEligibleTasks() {
      List<Candidate> tasks = List.of(aTask("t1").build());

      assertThat(ClaimPolicy.decide(aWorker().capacity(5, 2).using(2, 2).build(), tasks, DEMO))
          .isEqualTo(new Denied(DenialReason.WORKER_FULL));
    }

    @Test
    void highestPriorityGoesFirst() {
      List<Candidate> tasks =
          List.of(
              aTask("low").priority(5).seq(1).build(),
              aTask("high").priority(50).seq(3).build(),
              aTask("mid").priority(10).seq(2).build());

      assertThat(ClaimPolicy.decide(aWorker().build(), tasks, DEMO))
          .isEqualTo(granted("high", tasks));
    }

    @Test
    void amongEqualPrioritiesTheOldestGoesFirst() {
      List<Candidate> tasks =
          List.of(
              aTask("younger").seq(7).build(),
              aTask("oldest").seq(2).build(),
              aTask("young").seq(5).build());

      assertThat(ClaimPolicy.decide(aWorker().build(), tasks, DEMO))
          .isEqualTo(granted("oldest", tasks));
    }

    @Test
    void ineligibleHigherPriorityTaskIsPassedOverForTheNextEligibleOne() {
      List<Candidate> tasks =
          List.of(
              aTask("locked").priority(90).inArea("auth").build(),
              aTask("needs-sql").priority(80).needing("sql").build(),
              aTask("too-big").priority(70).estimate(6).build(),
              aTask("tier-3").priority(60).tier(3).build(),
              aTask("fine").priority(1).build());

      assertThat(ClaimPolicy.decide(aWorker().build(), tasks, demo(aRepo().locking("auth"))))
          .isEqualTo(granted("fine", tasks));
    }

    @Test
    void decisionDoesNotDependOnTheOrderOfCandidates() {
      List<Candidate> tasks = new ArrayList<>();
      for (int i = 1; i <= 12; i++) {
        tasks.add(aTask("t" + i).priority(i % 3).seq(100 - i).build());
      }
      ClaimDecision expected = granted("t11", tasks); // priority 2, lowest seq among t2/t5/t8/t11
      Random random = new Random(42);
      for (int round = 0; round < 5; round++) {
        Collections.shuffle(tasks, random);
        assertThat(ClaimPolicy.decide(aWorker().build(), tasks, DEMO)).isEqualTo(expected);
      }
    }
  }

  @Nested
  class Planning {

    @Test
    void planFillsTheWorkersSlotsInSchedulingOrder() {
      List<Candidate> tasks =
          List.of(
              aTask("d").priority(10).seq(4).build(),
              aTask("a").priority(30).seq(9).build(),
              aTask("c").priority(10).seq(3).build(),
              aTask("b").priority(20).seq(1).build());
      WorkerSnapshot worker = aWorker().capacity(10, 3).build();

      assertThat(ids(ClaimPolicy.plan(worker, tasks, demo(aRepo().maxOpenPrs(10)))))
          .containsExactly("a", "b", "c");
    }

    @Test
    void planStopsWhenTheWorkersPointsAreUsedUp() {
      List<Candidate> tasks =
          List.of(
              aTask("three").priority(40).estimate(3).build(),
              aTask("another-three").priority(30).estimate(3).build(),
              aTask("two").priority(20).estimate(2).build(),
              aTask("one").priority(10).estimate(1).build());
      WorkerSnapshot worker = aWorker().capacity(5, 5).build();

      // 3 fits, 3 more does not (6 > 5), 2 fills the worker exactly, nothing more fits.
      assertThat(ids(ClaimPolicy.plan(worker, tasks, demo(aRepo().maxOpenPrs(10)))))
          .containsExactly("three", "two");
    }

    @Test
    void planCountsTheWorkersExistingLoad() {
      List<Candidate> tasks = List.of(aTask("a").build(), aTask("b").build(), aTask("c").build());
      WorkerSnapshot worker = aWorker().capacity(5, 3).using(1, 2).build();

      assertThat(ids(ClaimPolicy.plan(worker, tasks, DEMO))).containsExactly("a");
    }

    @Test
    void planGrantsOnlyOneTaskPerArea() {
      List<Candidate> tasks =
          List.of(
              aTask("auth-1").inArea("auth").seq(1).build(),
              aTask("auth-2").inArea("AUTH").seq(2).build(),
              aTask("docs").inArea("docs").seq(3).build());
      WorkerSnapshot worker = aWorker().capacity(10, 5).build();

      assertThat(ids(ClaimPolicy.plan(worker, tasks, demo(aRepo().maxOpenPrs(10)))))
          .containsExactly("auth-1", "docs");
    }

    @Test
    void planGrantsTasksOfTheSameAreaWhenAreaLocksAreDisabled() {
      List<Candidate> tasks =
          List.of(
              aTask("auth-1").inArea("auth").seq(1).build(),
              aTask("auth-2").inArea("auth").seq(2).build());
      WorkerSnapshot worker = aWorker().capacity(10, 5).build();

      assertThat(
              ids(ClaimPolicy.plan(worker, tasks, demo(aRepo().maxOpenPrs(10).withoutAreaLocks()))))
          .containsExactly("auth-1", "auth-2");
    }

    @Test
    void areaLocksArePerRepository() {
      List<Candidate> tasks =
          List.of(
              aTask("a-auth").inRepo("a").inArea("auth").build(),
              aTask("b-auth").inRepo("b").inArea("auth").build());
      WorkerSnapshot worker = aWorker().capacity(10, 5).build();
      Map<String, RepoSnapshot> repos = Map.of("a", aRepo().build(), "b", aRepo().build());

      assertThat(ids(ClaimPolicy.plan(worker, tasks, repos))).containsExactly("a-auth", "b-auth");
    }

    @Test
    void planRespectsTheBudgetWithinOnePlan() {
      List<Candidate> tasks = List.of(aTask("a").build(), aTask("b").build(), aTask("c").build());
      WorkerSnapshot worker = aWorker().capacity(10, 5).build();

      assertThat(ids(ClaimPolicy.plan(worker, tasks, demo(aRepo().maxOpenPrs(1)))))
          .containsExactly("a");
    }

    @Test
    void planCountsTasksAlreadyHeldAgainstTheBudget() {
      List<Candidate> tasks = List.of(aTask("a").build(), aTask("b").build(), aTask("c").build());
      WorkerSnapshot worker = aWorker().capacity(10, 5).build();

      assertThat(ids(ClaimPolicy.plan(worker, tasks, demo(aRepo().maxOpenPrs(3).held(2)))))
          .containsExactly("a");
    }

    @Test
    void budgetOfOneGrantsExactlyOneTaskToAWorkerWithRoomForThree() {
      // The original leased all three in one cycle and ended with 3 open PRs against a budget of 1.
      List<Candidate> tasks =
          List.of(
              aTask("api").inArea("api").seq(1).build(),
              aTask("docs").inArea("docs").seq(2).build(),
              aTask("ui").inArea("ui").seq(3).build());
      WorkerSnapshot worker = aWorker().capacity(5, 3).build();

      assertThat(ids(ClaimPolicy.plan(worker, tasks, demo(aRepo().maxOpenPrs(1)))))
          .containsExactly("api");
    }

    @Test
    void budgetStaysTakenUntilTheHeldTaskLeavesTheBooks() {
      List<Candidate> rest =
          List.of(
              aTask("docs").inArea("docs").seq(2).build(), aTask("ui").inArea("ui").seq(3).build());
      WorkerSnapshot worker = aWorker().capacity(5, 3).build();

      // "api" is held (leased, in progress, blocked or pr_opened): nothing more.
      assertThat(ClaimPolicy.decide(worker, rest, demo(aRepo().maxOpenPrs(1).held(1))))
          .isEqualTo(new Denied(DenialReason.NO_ELIGIBLE_TASK));
      // "api" merged: the slot is free again.
      assertThat(ClaimPolicy.decide(worker, rest, demo(aRepo().maxOpenPrs(1).held(0))))
          .isEqualTo(granted("docs", rest));
    }

    @Test
    void budgetIsPerRepository() {
      List<Candidate> tasks =
          List.of(
              aTask("a1").inRepo("a").seq(1).build(),
              aTask("a2").inRepo("a").seq(2).build(),
              aTask("b1").inRepo("b").seq(3).build(),
              aTask("b2").inRepo("b").seq(4).build());
      WorkerSnapshot worker = aWorker().capacity(10, 5).build();
      Map<String, RepoSnapshot> repos =
          Map.of("a", aRepo().maxOpenPrs(1).build(), "b", aRepo().maxOpenPrs(1).build());

      assertThat(ids(ClaimPolicy.plan(worker, tasks, repos))).containsExactly("a1", "b1");
    }

    @Test
    void planSkipsTasksOfUnknownRepos() {
      List<Candidate> tasks =
          List.of(aTask("ghost").inRepo("ghost").priority(99).build(), aTask("real").build());

      assertThat(ids(ClaimPolicy.plan(aWorker().build(), tasks, DEMO))).containsExactly("real");
    }

    @Test
    void planIsEmptyForAnOfflineWorker() {
      assertThat(ClaimPolicy.plan(aWorker().offline().build(), List.of(aTask("a").build()), DEMO))
          .isEmpty();
    }

    @Test
    void planIsEmptyForAPausedWorker() {
      assertThat(ClaimPolicy.plan(aWorker().paused().build(), List.of(aTask("a").build()), DEMO))
          .isEmpty();
    }

    @Test
    void planIsEmptyForAFullWorker() {
      assertThat(
              ClaimPolicy.plan(
                  aWorker().capacity(5, 2).using(5, 1).build(), List.of(aTask("a").build()), DEMO))
          .isEmpty();
    }

    @Test
    void planStartsWithWhatDecideWouldGrant() {
      List<Candidate> tasks =
          List.of(
              aTask("a").priority(5).seq(1).build(),
              aTask("b").priority(50).seq(2).inArea("auth").build(),
              aTask("c").priority(50).seq(3).build());
      WorkerSnapshot worker = aWorker().capacity(5, 2).build();
      Map<String, RepoSnapshot> repos = demo(aRepo().locking("auth"));

      List<Candidate> plan = ClaimPolicy.plan(worker, tasks, repos);

      assertThat(ClaimPolicy.decide(worker, tasks, repos)).isEqualTo(new Granted(plan.get(0)));
      assertThat(ids(plan)).containsExactly("c", "a");
    }

    @Test
    void planLeavesItsInputsUntouched() {
      List<Candidate> tasks = List.of(aTask("b").seq(2).build(), aTask("a").seq(1).build());
      RepoSnapshot repo = aRepo().maxOpenPrs(5).build();
      Map<String, RepoSnapshot> repos = Map.of("demo", repo);

      ClaimPolicy.plan(aWorker().build(), tasks, repos);

      assertThat(ids(tasks)).containsExactly("b", "a");
      assertThat(repos.get("demo")).isEqualTo(repo);
    }
  }
}
