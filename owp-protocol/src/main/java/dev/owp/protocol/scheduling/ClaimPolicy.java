package dev.owp.protocol.scheduling;

import dev.owp.protocol.area.AreaLocks;
import dev.owp.protocol.budget.ReviewBudget;
import dev.owp.protocol.scheduling.ClaimDecision.DenialReason;
import dev.owp.protocol.scheduling.ClaimDecision.Denied;
import dev.owp.protocol.scheduling.ClaimDecision.Granted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the work a worker gets.
 *
 * <p>A worker is eligible when it is online, not paused and has room. A task is eligible for it
 * when its repository's review budget has a free slot, its area is not locked, the worker has every
 * required skill, the worker's trust tier is at least the task's tier, and the task fits the
 * worker's free points and slots. Among eligible tasks the worker gets the first in {@link
 * Candidate#ORDER}.
 */
public final class ClaimPolicy {

  private ClaimPolicy() {}

  /** Why {@code task} cannot go to {@code worker}, or empty when it can. */
  public static Optional<Ineligibility> screen(
      WorkerSnapshot worker, Candidate task, @Nullable RepoSnapshot repo) {
    if (repo == null) {
      return Optional.of(Ineligibility.UNKNOWN_REPO);
    }
    if (!ReviewBudget.admits(repo.held(), repo.maxOpenPrs())) {
      return Optional.of(Ineligibility.BUDGET_EXHAUSTED);
    }
    if (!AreaLocks.admits(repo.areaLocksEnabled(), repo.lockedAreas(), task.area())) {
      return Optional.of(Ineligibility.AREA_LOCKED);
    }
    if (!Skills.covers(worker.skills(), task.requiredSkills())) {
      return Optional.of(Ineligibility.MISSING_SKILL);
    }
    if (!TrustTier.admits(worker.trustTier(), task.tier())) {
      return Optional.of(Ineligibility.TIER_TOO_LOW);
    }
    if (!worker.load().fits(task.estimatePoints())) {
      return Optional.of(Ineligibility.NO_CAPACITY);
    }
    return Optional.empty();
  }

  /** The worker's own state alone rules it out: offline, paused or full. */
  public static Optional<DenialReason> screen(WorkerSnapshot worker) {
    if (!worker.online()) {
      return Optional.of(DenialReason.WORKER_OFFLINE);
    }
    if (worker.paused()) {
      return Optional.of(DenialReason.WORKER_PAUSED);
    }
    if (worker.load().isFull()) {
      return Optional.of(DenialReason.WORKER_FULL);
    }
    return Optional.empty();
  }

  /**
   * The next task for {@code worker} among {@code candidates} (in any order).
   *
   * @param repos the candidates' repositories by key; a missing one makes its tasks ineligible
   */
  public static ClaimDecision decide(
      WorkerSnapshot worker, List<Candidate> candidates, Map<String, RepoSnapshot> repos) {
    Optional<DenialReason> workerDenial = screen(worker);
    if (workerDenial.isPresent()) {
      return new Denied(workerDenial.get());
    }
    return candidates.stream()
        .filter(task -> screen(worker, task, repos.get(task.repo())).isEmpty())
        .min(Candidate.ORDER)
        .<ClaimDecision>map(Granted::new)
        .orElse(new Denied(DenialReason.NO_ELIGIBLE_TASK));
  }

  /**
   * Every task {@code worker} gets in one go: the decision repeated, each grant taking its share of
   * the worker's capacity, its repository's budget and its area, until the worker is full or
   * nothing eligible is left. Ordered as granted.
   *
   * <p>One pass in scheduling order is enough: a grant only ever tightens the limits, so a task
   * passed over once cannot become eligible later in the same plan.
   */
  public static List<Candidate> plan(
      WorkerSnapshot worker, List<Candidate> candidates, Map<String, RepoSnapshot> repos) {
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(Candidate.ORDER);
    Map<String, RepoSnapshot> state = new HashMap<>(repos);
    List<Candidate> granted = new ArrayList<>();
    WorkerSnapshot current = worker;
    for (Candidate task : ordered) {
      if (screen(current).isPresent()) {
        break;
      }
      if (screen(current, task, state.get(task.repo())).isEmpty()) {
        granted.add(task);
        current = current.taking(task);
        state.computeIfPresent(task.repo(), (key, repo) -> repo.taking(task));
      }
    }
    return granted;
  }
}
