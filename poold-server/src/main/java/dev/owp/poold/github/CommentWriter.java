package dev.owp.poold.github;

import dev.owp.poold.storage.JsonColumns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Write-back: for repositories that opted in ({@code --github-write-back}), comments on the issue
 * of an imported task when a worker picks it up, when its pull request opens and when it goes back
 * to the pool.
 *
 * <p>The audit log is the outbox. Each round reads the events after a shared cursor and, in the
 * transaction that moves the cursor, records one {@code github_comment} row per event; then it
 * sends the pending rows, each claimed by one replica at a time. A comment whose earlier attempt
 * may have reached GitHub is first looked for on the issue by its hidden marker, so a retry never
 * posts it twice.
 */
@Component
public class CommentWriter {

  private static final Logger log = LoggerFactory.getLogger(CommentWriter.class);
  private static final int BATCH = 200;
  // Events older than this are not commented on: turning write-back on must not flood old issues.
  private static final Duration HORIZON = Duration.ofDays(1);
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);
  // How far back a retry looks for its own earlier comment.
  private static final Duration LOOK_BACK = Duration.ofDays(7);

  /** What one round did. */
  public record Report(int enqueued, int sent, int failed) {}

  private final CommentOutbox outbox;
  private final GithubApi github;
  private final GithubCredentials credentials;
  private final GithubProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CommentWriter(
      CommentOutbox outbox,
      GithubApi github,
      GithubCredentials credentials,
      GithubProperties properties,
      TransactionTemplate transactions,
      Clock clock) {
    this.outbox = outbox;
    this.github = github;
    this.credentials = credentials;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${owp.cycle:5}",
      fixedDelayString = "${owp.cycle:5}",
      timeUnit = TimeUnit.SECONDS)
  void tick() {
    if (!properties.writesBack() || !credentials.any()) {
      return;
    }
    try {
      runOnce();
    } catch (RuntimeException e) {
      // The next round retries: rows stay pending until GitHub took them.
      log.error("GitHub write-back failed; retrying next cycle", e);
    }
  }

  /** Records and sends the comments due now (tests call this instead of waiting). */
  public Report runOnce() {
    Instant now = clock.instant();
    Integer enqueued = transactions.execute(status -> enqueue(now));
    int sent = 0;
    int failed = 0;
    for (CommentOutbox.Pending comment : outbox.due(now, BATCH)) {
      if (github.rateLimitedUntil().isPresent()) {
        break;
      }
      if (!outbox.claim(comment, now.plus(backoff(comment.attempts())))) {
        continue; // another replica sends this one
      }
      Optional<String> failure = send(comment);
      if (failure.isEmpty()) {
        outbox.markSent(comment, clock.instant());
        sent++;
      } else {
        log.warn(
            "Comment on {}#{} not sent: {}", comment.repo(), comment.issueNumber(), failure.get());
        failed++;
      }
    }
    return new Report(enqueued == null ? 0 : enqueued, sent, failed);
  }

  private Optional<String> send(CommentOutbox.Pending comment) {
    String marker = marker(comment.taskId(), comment.eventId());
    if (comment.attempts() > 0) {
      Optional<Boolean> already =
          github.hasComment(
              comment.repo(), comment.issueNumber(), marker, clock.instant().minus(LOOK_BACK));
      if (already.isEmpty()) {
        return Optional.of("cannot tell whether an earlier attempt reached GitHub");
      }
      if (already.get()) {
        return Optional.empty();
      }
    }
    return github.comment(comment.repo(), comment.issueNumber(), comment.body());
  }

  private int enqueue(Instant now) {
    long cursor = outbox.cursor();
    long upTo = outbox.lastEvent();
    if (upTo <= cursor) {
      return 0;
    }
    List<CommentOutbox.Candidate> events =
        outbox.candidates(cursor, upTo, now.minus(HORIZON), BATCH);
    long to = events.size() == BATCH ? events.get(events.size() - 1).eventId() : upTo;
    if (!outbox.moveCursor(cursor, to)) {
      return 0; // another replica read these events
    }
    int enqueued = 0;
    for (CommentOutbox.Candidate event : events) {
      String text = properties.writesBackTo(event.repo()) ? text(event) : null;
      if (text != null) {
        outbox.enqueue(event, text + "\n\n" + marker(event.taskId(), event.eventId()), now);
        enqueued++;
      }
    }
    return enqueued;
  }

  /** The comment for an event, or null when the event does not deserve one. */
  static @Nullable String text(CommentOutbox.Candidate event) {
    Map<String, Object> details = JsonColumns.object(event.details());
    return switch (event.type()) {
      case "task.leased" ->
          "Picked up by "
              + (event.handle() != null
                  ? "@" + event.handle()
                  : "contributor "
                      + (event.workerName() == null ? "(unknown)" : event.workerName()))
              + " through OWP Pool.";
      case "task.status" ->
          "pr_opened".equals(details.get("status")) && !"pr_opened".equals(details.get("from"))
              ? "Pull request opened" + prUrl(details) + "."
              : null;
      case "task.released", "task.requeued" ->
          "Back in the OWP Pool ("
              + String.valueOf(details.getOrDefault("reason", "returned")).replace('_', ' ')
              + "): another contributor may pick it up.";
      default -> null;
    };
  }

  private static String prUrl(Map<String, Object> details) {
    if (details.get("artifact") instanceof Map<?, ?> artifact && artifact.get("pr_url") != null) {
      return ": " + artifact.get("pr_url");
    }
    return "";
  }

  private static String marker(String taskId, long eventId) {
    return "<!-- owp-pool:" + taskId + ":" + eventId + " -->";
  }

  private static Duration backoff(int attempts) {
    Duration delay = Duration.ofSeconds(30L << Math.min(attempts, 10));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }
}
