package dev.owp.poold.repo;

import dev.owp.poold.event.EventLog;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.repo.RepoConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers repositories and changes their settings. */
@Service
public class RepoService {

  private final TrackedRepoRepository repos;
  private final AreaLockRepository locks;
  private final EventLog events;
  private final Clock clock;

  RepoService(TrackedRepoRepository repos, AreaLockRepository locks, EventLog events, Clock clock) {
    this.repos = repos;
    this.locks = locks;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Registers a repository or updates its budget and area locks. Lowering the budget below what is
   * held takes nothing back: the repository just gets no new work until it is under budget again.
   * Switching area locks on locks the areas of the tasks already held; switching them off frees
   * them.
   */
  @Transactional
  public void upsert(RepoConfig config) {
    Instant now = clock.instant();
    Optional<TrackedRepo> before = repos.find(config.repo());
    repos.upsert(config, now);
    boolean wasLocking = before.map(TrackedRepo::areaLocksEnabled).orElse(false);
    if (config.areaLocksEnabled() && !wasLocking) {
      locks.lockHeldTasks(config.repo());
    } else if (!config.areaLocksEnabled() && wasLocking) {
      locks.clear(config.repo());
    }
    events
        .record(EventType.REPO_UPSERT, now)
        .repo(config.repo())
        .with("max_open_prs", config.maxOpenPrs())
        .with("area_locks_enabled", config.areaLocksEnabled())
        .with("created", before.isEmpty())
        .append();
  }
}
