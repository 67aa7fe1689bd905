package dev.owp.protocol.scheduling;

import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.task.TaskId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A ready task offered to the scheduler.
 *
 * @param id the task
 * @param repo its repository key
 * @param priority higher goes first
 * @param seq the order in which tasks were created; lower is older
 * @param estimatePoints capacity points it needs
 * @param requiredSkills normalised skills a worker must all have
 * @param area the area it locks, if any
 * @param tier the trust tier it needs
 */
public record Candidate(
    TaskId id,
    String repo,
    int priority,
    long seq,
    int estimatePoints,
    List<String> requiredSkills,
    Optional<AreaKey> area,
    int tier) {

  /**
   * The scheduling order: priority descending, then oldest first. The creation sequence is total,
   * so ties never fall to random identifiers and no task starves behind younger ones of the same
   * priority.
   */
  public static final Comparator<Candidate> ORDER =
      Comparator.comparingInt(Candidate::priority).reversed().thenComparingLong(Candidate::seq);

  /** Copies the skills. */
  public Candidate {
    requiredSkills = List.copyOf(requiredSkills);
  }
}
