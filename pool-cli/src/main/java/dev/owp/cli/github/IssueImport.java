package dev.owp.cli.github;

import dev.owp.protocol.Require;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.task.TaskWithdrawal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What importing the labelled issues of a repository means for the pool: a task per issue (keyed
 * {@code github:owner/name#N}, so a second import updates instead of duplicating), and the
 * withdrawal of every waiting task whose issue was closed or lost the label.
 *
 * @param tasks one per imported issue, in issue order
 * @param withdraw unfinished tasks whose issue no longer qualifies; poold cancels the waiting ones
 *     and keeps those a worker started
 * @param skipped issues not imported, with why, e.g. {@code #12: a pull request}
 * @param notes labels ignored, e.g. {@code #5: label 'estimate:0' ignored: …}
 * @param more true when the listing stopped at the limit with labelled issues left
 */
public record IssueImport(
    List<TaskSpec> tasks,
    List<TaskWithdrawal> withdraw,
    List<String> skipped,
    List<String> notes,
    boolean more) {

  private static final int MAX_TITLE = 300;

  /** Copies the lists. */
  public IssueImport {
    tasks = List.copyOf(tasks);
    withdraw = List.copyOf(withdraw);
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
  }

  /** The key of the task imported from issue {@code number} of {@code fullName}. */
  public static String key(String fullName, int number) {
    return "github:" + fullName.toLowerCase(Locale.ROOT) + "#" + number;
  }

  /**
   * Plans the import.
   *
   * @param repo the pool repository the tasks go to
   * @param fullName the GitHub repository, owner/name
   * @param listing the open issues carrying the label
   * @param existing the tasks of {@code repo} now; those keyed to this GitHub repository are
   *     candidates for withdrawal
   * @param source asked about each waiting task whose issue was not listed
   */
  public static IssueImport plan(
      String repo,
      String fullName,
      String label,
      IssueSource.Listing listing,
      List<TaskView> existing,
      IssueSource source) {
    List<TaskSpec> tasks = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<Integer> listed = new HashSet<>();
    for (GithubIssue issue : listing.issues()) {
      listed.add(issue.number());
      if (issue.pullRequest()) {
        skipped.add("#" + issue.number() + ": a pull request");
        continue;
      }
      IssueLabels labels = IssueLabels.read(issue.labels());
      try {
        tasks.add(task(repo, fullName, issue, labels));
      } catch (IllegalArgumentException e) {
        // A value the pool refuses (an area of 200 characters, 60 skills): skip, say why.
        skipped.add("#" + issue.number() + ": " + e.getMessage());
        continue;
      }
      labels.notes().forEach(note -> notes.add("#" + issue.number() + ": " + note));
    }
    List<TaskWithdrawal> withdraw = new ArrayList<>();
    String prefix = key(fullName, 0).replaceFirst("0$", "");
    for (TaskView task : existing) {
      Optional<Integer> number = issueNumber(task, prefix);
      boolean open = task.status() == TaskStatus.READY || task.status().isHeld();
      if (number.isEmpty() || listed.contains(number.get()) || !open) {
        continue;
      }
      Optional<GithubIssue> now = source.issue(number.get());
      Optional<String> why = whyWithdrawn(now, label);
      why.ifPresent(reason -> withdraw.add(new TaskWithdrawal(repo, task.key(), reason)));
    }
    return new IssueImport(tasks, withdraw, skipped, notes, listing.more());
  }

  /**
   * Counts of what poold would do, computed against {@code existing}: for {@code --dry-run}. A
   * cancelled task counts as {@code reopened}, at most: poold reopens it if it was withdrawn (which
   * only poold knows); one an admin cancelled stays cancelled.
   */
  public Map<String, Integer> predict(List<TaskView> existing) {
    Map<String, TaskView> byKey = new HashMap<>();
    existing.stream().filter(t -> t.key() != null).forEach(t -> byKey.put(t.key(), t));
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int reopened = 0;
    for (TaskSpec spec : tasks) {
      TaskView task = byKey.get(spec.key());
      if (task == null) {
        created++;
      } else if (task.status() == TaskStatus.CANCELLED) {
        reopened++;
      } else if (sameDefinition(task, spec)) {
        unchanged++;
      } else {
        updated++;
      }
    }
    return Map.of(
        "created", created, "updated", updated, "unchanged", unchanged, "reopened", reopened);
  }

  /** The request that carries the whole import, or empty when there is nothing to send. */
  public Optional<BulkTasks> request() {
    return tasks.isEmpty() && withdraw.isEmpty()
        ? Optional.empty()
        : Optional.of(new BulkTasks(tasks, withdraw));
  }

  private static TaskSpec task(
      String repo, String fullName, GithubIssue issue, IssueLabels labels) {
    String title = Require.withoutControlCharacters(issue.title()).strip();
    if (title.isEmpty()) {
      title = "Issue #" + issue.number();
    }
    if (title.length() > MAX_TITLE) {
      title = title.substring(0, MAX_TITLE - 1) + "…";
    }
    String body = issue.body() == null ? null : Require.withoutControlCharacters(issue.body());
    if (body != null && body.length() > TaskSpec.MAX_DESCRIPTION) {
      body = body.substring(0, TaskSpec.MAX_DESCRIPTION - 1) + "…";
    }
    return new TaskSpec(
        repo,
        title,
        body == null || body.isBlank() ? null : body,
        labels.estimate(),
        labels.priority(),
        labels.skills(),
        labels.area(),
        labels.tier(),
        key(fullName, issue.number()),
        issue.number(),
        issue.url());
  }

  private static Optional<String> whyWithdrawn(Optional<GithubIssue> issue, String label) {
    if (issue.isEmpty()) {
      return Optional.of("its GitHub issue no longer exists");
    }
    GithubIssue now = issue.get();
    if (!now.open()) {
      return Optional.of("issue #" + now.number() + " was closed on GitHub");
    }
    if (!now.hasLabel(label)) {
      return Optional.of("issue #" + now.number() + " lost the label " + label);
    }
    return Optional.empty(); // still labelled: merely beyond --limit this time
  }

  private static Optional<Integer> issueNumber(TaskView task, String prefix) {
    String key = task.key();
    if (key == null || !key.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(key.substring(prefix.length())));
    } catch (NumberFormatException e) {
      // A key that only looks like ours: not a task this importer made.
      return Optional.empty();
    }
  }

  private static boolean sameDefinition(TaskView task, TaskSpec spec) {
    return task.title().equals(spec.title())
        && Objects.equals(task.description(), spec.description())
        && task.priority() == spec.priority()
        && task.estimatePoints() == spec.estimatePoints()
        && task.requiredSkills().equals(spec.requiredSkills())
        && Objects.equals(task.area(), spec.area())
        && task.tier() == spec.tier();
  }
}
