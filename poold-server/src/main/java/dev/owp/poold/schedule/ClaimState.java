package dev.owp.poold.schedule;

import dev.owp.poold.task.TaskMoves.LeaseOutcome;
import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.scheduling.Candidate;
import dev.owp.protocol.scheduling.ClaimPolicy;
import dev.owp.protocol.scheduling.RepoSnapshot;
import dev.owp.protocol.scheduling.WorkerSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the claim policy needs to choose work for one worker: the worker, the repositories with a
 * free budget slot, and the heads of their ready queues with the row version each was read at.
 */
record ClaimState(
    WorkerSnapshot worker, Map<String, RepoSnapshot> repos, Map<Candidate, Long> versions) {

  /** Nothing to choose from. */
  static ClaimState nothingFor(WorkerSnapshot worker) {
    return new ClaimState(worker, Map.of(), Map.of());
  }

  /** The leases the policy grants, in order. */
  List<Candidate> plan() {
    return versions.isEmpty()
        ? List.of()
        : ClaimPolicy.plan(worker, List.copyOf(versions.keySet()), repos);
  }

  /**
   * The state once some of the plan was leased and some of it lost to other claims: the leased
   * tasks count against the worker and their repositories, and what the lost ones ran into (a task
   * taken, a budget used up, an area locked) is known for the rest of the candidates.
   */
  ClaimState after(List<Candidate> leased, Map<Candidate, LeaseOutcome> lost) {
    WorkerSnapshot taker = worker;
    Map<String, RepoSnapshot> open = new HashMap<>(repos);
    for (Candidate task : leased) {
      taker = taker.taking(task);
      open.computeIfPresent(task.repo(), (key, repo) -> repo.taking(task));
    }
    lost.forEach(
        (task, outcome) -> {
          switch (outcome) {
            case BUDGET_EXHAUSTED -> open.remove(task.repo());
            case AREA_LOCKED ->
                open.computeIfPresent(
                    task.repo(), (key, repo) -> withLocked(repo, task.area().orElseThrow()));
            default -> {}
          }
        });
    Map<Candidate, Long> rest = new LinkedHashMap<>(versions);
    leased.forEach(rest::remove);
    lost.keySet().forEach(rest::remove);
    return new ClaimState(taker, open, rest);
  }

  private static RepoSnapshot withLocked(RepoSnapshot repo, AreaKey area) {
    Set<AreaKey> locked = new HashSet<>(repo.lockedAreas());
    locked.add(area);
    return new RepoSnapshot(repo.maxOpenPrs(), repo.held(), repo.areaLocksEnabled(), locked);
  }

  /** Whether a candidate besides {@code task} was read, for a plan made without it. */
  boolean hasOtherThan(Candidate task) {
    return versions.size() > (versions.containsKey(task) ? 1 : 0);
  }

  /** The row version {@code task} was read at. */
  long version(Candidate task) {
    return versions.get(task);
  }
}
