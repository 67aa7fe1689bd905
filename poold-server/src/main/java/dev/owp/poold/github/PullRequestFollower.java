package dev.owp.poold.github;

import dev.owp.protocol.task.Artifact;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the review budget true to GitHub: every {@code --github-poll} seconds, asks GitHub about
 * the pull request of each {@code pr_opened} task that is due, with the ETag of the last answer (an
 * unchanged pull request costs no rate limit), and applies merges and closes.
 *
 * <p>Safe with several replicas: a replica polls a pull request only after claiming it (a
 * conditional update of its next poll time), and the change of status is version-guarded. Without a
 * GitHub token nothing is polled; the webhook still works.
 */
@Component
public class PullRequestFollower {

  private static final Logger log = LoggerFactory.getLogger(PullRequestFollower.class);
  private static final int BATCH = 100;

  /** What one round did. */
  public record Report(int polled, int merged, int returned, boolean rateLimited) {}

  private final PullRequestWatch watch;
  private final PullRequestOutcome outcome;
  private final GithubApi github;
  private final GithubCredentials credentials;
  private final GithubProperties properties;
  private final Clock clock;

  PullRequestFollower(
      PullRequestWatch watch,
      PullRequestOutcome outcome,
      GithubApi github,
      GithubCredentials credentials,
      GithubProperties properties,
      Clock clock) {
    this.watch = watch;
    this.outcome = outcome;
    this.github = github;
    this.credentials = credentials;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${owp.github.poll:60}",
      fixedDelayString = "${owp.github.poll:60}",
      timeUnit = TimeUnit.SECONDS)
  void tick() {
    if (!credentials.any()) {
      return;
    }
    try {
      Report report = runOnce();
      if (report.merged() + report.returned() > 0) {
        log.info(
            "GitHub: {} pull requests merged, {} closed without merge",
            report.merged(),
            report.returned());
      }
    } catch (RuntimeException e) {
      // The next round retries; a GitHub or database hiccup must not stop the schedule.
      log.error(
          "Following pull requests failed; retrying in {} s", properties.poll().toSeconds(), e);
    }
  }

  /** Polls every due pull request once (tests call this instead of waiting). */
  public Report runOnce() {
    Instant now = clock.instant();
    enlist(now);
    int polled = 0;
    int merged = 0;
    int returned = 0;
    for (PullRequestWatch.Watched due : watch.due(now, BATCH)) {
      if (github.rateLimitedUntil().isPresent()) {
        return new Report(polled, merged, returned, true);
      }
      if (!watch.claim(due, now.plus(properties.poll()))) {
        continue; // another replica polls this one
      }
      PullRequestRef pr = PullRequestRef.ofKey(due.prKey());
      polled++;
      GithubApi.PullAnswer answer = github.pull(pr, due.etag());
      if (answer instanceof GithubApi.Failed failed) {
        log.warn("Cannot follow {}: {}", pr.key(), failed.reason());
      } else if (answer instanceof GithubApi.Pull pull) {
        PullRequestOutcome.State state = PullRequestOutcome.State.of(pull.state(), pull.merged());
        if (outcome.apply(due.taskId(), pr, state)) {
          merged += state == PullRequestOutcome.State.MERGED ? 1 : 0;
          returned += state == PullRequestOutcome.State.CLOSED_UNMERGED ? 1 : 0;
        } else {
          watch.rememberEtag(due.taskId(), pull.etag());
        }
      }
    }
    watch.forgetFinished();
    return new Report(polled, merged, returned, github.rateLimitedUntil().isPresent());
  }

  /** Starts following the pull requests of tasks that reached {@code pr_opened}. */
  void enlist(Instant now) {
    for (PullRequestWatch.Unwatched task : watch.unwatched(BATCH)) {
      Artifact artifact = task.artifact();
      String key =
          artifact == null || artifact.prUrl() == null
              ? ""
              : PullRequestRef.parse(artifact.prUrl()).map(PullRequestRef::key).orElse("");
      watch.watch(task.taskId(), key, now);
    }
  }
}
