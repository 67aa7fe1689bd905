package dev.owp.protocol.testing;

import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.scheduling.Candidate;
import dev.owp.protocol.scheduling.TrustTier;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds ready tasks as the scheduler sees them: {@code aTask("t1").priority(50).inArea("auth")}.
 * Defaults: repo {@code demo}, priority 10, seq 1, 1 point, no skills, no area, tier 0.
 */
public final class CandidateBuilder {

  private final String id;
  private String repo = "demo";
  private int priority = TaskSpec.DEFAULT_PRIORITY;
  private long seq = 1;
  private int estimatePoints = TaskSpec.DEFAULT_ESTIMATE_POINTS;
  private List<String> requiredSkills = List.of();
  private @Nullable String area;
  private int tier = TrustTier.LOWEST;

  private CandidateBuilder(String id) {
    this.id = id;
  }

  /** A ready task with the given id. */
  public static CandidateBuilder aTask(String id) {
    return new CandidateBuilder(id);
  }

  /** In repository {@code repo}. */
  public CandidateBuilder inRepo(String repo) {
    this.repo = repo;
    return this;
  }

  /** With this priority (higher goes first). */
  public CandidateBuilder priority(int priority) {
    this.priority = priority;
    return this;
  }

  /** Created as the {@code seq}-th task (lower is older). */
  public CandidateBuilder seq(long seq) {
    this.seq = seq;
    return this;
  }

  /** Needing this many capacity points. */
  public CandidateBuilder estimate(int points) {
    this.estimatePoints = points;
    return this;
  }

  /** Requiring these (normalised) skills. */
  public CandidateBuilder needing(String... skills) {
    this.requiredSkills = List.of(skills);
    return this;
  }

  /** Touching this area (raw text, normalised as user input is). */
  public CandidateBuilder inArea(String area) {
    this.area = area;
    return this;
  }

  /** Needing this trust tier. */
  public CandidateBuilder tier(int tier) {
    this.tier = tier;
    return this;
  }

  /** The candidate. */
  public Candidate build() {
    return new Candidate(
        TaskId.of(id),
        repo,
        priority,
        seq,
        estimatePoints,
        requiredSkills,
        AreaKey.parse(area),
        tier);
  }
}
