package dev.owp.cli.github;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.common.UsageException;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.client.OwpAdminClient;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.repo.RepoKeys;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.BulkResult;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.TaskPage;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskUpsert;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.task.TaskWithdrawn;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pool admin import-github-issues owner/name}: imports the open issues carrying a label as
 * tasks, in one all-or-nothing request. Everything is read from GitHub before anything is sent to
 * poold, so a GitHub failure leaves the pool untouched.
 */
@Command(
    name = "import-github-issues",
    description = {
      "Imports the open GitHub issues with a label as tasks: all of them, or none.",
      "Labels set the task: estimate:N or size:N (1-100), priority:critical|high|medium|low or"
          + " priority:N, skills:a,b (repeatable), area:X, tier:N (0-3). Importing again updates"
          + " the tasks; a waiting task whose issue was closed or lost the label is cancelled,"
          + " and comes back when the issue is open with the label again."
    })
public final class ImportGithubIssuesCommand implements Callable<Integer> {

  private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();

  @Parameters(paramLabel = "OWNER/NAME", description = "The GitHub repository, e.g. acme/app.")
  String repository = "";

  @Option(
      names = "--label",
      paramLabel = "LABEL",
      defaultValue = "pool:ready",
      description = "Import the issues with this label (default: ${DEFAULT-VALUE}).")
  String label = "pool:ready";

  @Option(
      names = "--limit",
      defaultValue = "50",
      paramLabel = "N",
      description =
          "Read at most N issues (pull requests not counted), across as many pages as needed"
              + " (default: ${DEFAULT-VALUE}).")
  int limit = 50;

  @Option(
      names = "--github-token",
      paramLabel = "TOKEN",
      showDefaultValue = Visibility.NEVER,
      description = "GitHub token (default: GITHUB_TOKEN; optional for public repositories).")
  @Nullable String token;

  @Option(
      names = "--github-api-url",
      paramLabel = "URL",
      defaultValue = "https://api.github.com",
      description =
          "GitHub API; GitHub Enterprise: https://HOST/api/v3 (default: ${DEFAULT-VALUE}).")
  String apiUrl = "https://api.github.com";

  @Option(
      names = "--create-repo",
      description =
          "Register the repository in the pool first if it is not (budget 2, area locks on).")
  boolean createRepo;

  @Option(names = "--dry-run", description = "Show what the import would do; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    String fullName = repository.strip();
    if (!FULL_NAME.matcher(fullName).matches()) {
      throw new UsageException(
          "expected the GitHub repository as owner/name, got '" + fullName + "'");
    }
    if (limit < 1 || limit > BulkTasks.MAX_TASKS) {
      throw new UsageException("--limit must be between 1 and 5000, got " + limit);
    }
    String repoKey = RepoKeys.require("repo", fullName);
    OwpAdminClient pool = admin.connect(server);
    boolean repoKnown = pool.repos().repos().stream().map(RepoView::repo).anyMatch(repoKey::equals);
    if (!repoKnown && !createRepo) {
      throw new UsageException(
          "repo "
              + repoKey
              + " is not registered in the pool: run pool admin init-repo "
              + repoKey
              + " first, or pass --create-repo; nothing was imported");
    }
    List<TaskView> existing = repoKnown ? tasksOf(pool, repoKey) : List.of();
    IssueImport plan;
    try {
      IssueSource github = GithubIssueSource.open(apiUrl.strip(), githubToken(), fullName);
      plan =
          IssueImport.plan(
              repoKey, fullName, label, github.openIssuesLabelled(label, limit), existing, github);
    } catch (GithubAccessException e) {
      command.commandLine().getErr().println("pool: " + e.getMessage());
      return e.unreachable() ? ExitCodes.SERVER_UNREACHABLE : ExitCodes.REJECTED;
    }
    PrintWriter out = command.commandLine().getOut();
    if (dryRun) {
      Map<String, Integer> counts = plan.predict(existing);
      out.println(
          "Dry run, nothing was changed. Importing "
              + fullName
              + " would create "
              + counts.get("created")
              + ", update "
              + counts.get("updated")
              + (counts.get("reopened") > 0 ? ", reopen up to " + counts.get("reopened") : "")
              + ", cancel up to "
              + plan.withdraw().size()
              + ", leave "
              + counts.get("unchanged")
              + " unchanged, skip "
              + plan.skipped().size()
              + (repoKnown ? "" : " (and register repo " + repoKey + ")"));
      details(out, plan, List.of());
      return ExitCodes.OK;
    }
    if (!repoKnown) {
      pool.upsertRepo(RepoConfig.of(repoKey, 2, true));
      out.println("Registered repo " + repoKey);
    }
    BulkResult result = plan.request().map(pool::createTasks).orElse(BulkResult.of(List.of()));
    List<String> kept = kept(result);
    out.println(
        "Imported "
            + fullName
            + ": created "
            + result.created()
            + ", updated "
            + result.updated()
            + ", cancelled "
            + result.cancelled()
            + ", unchanged "
            + result.unchanged()
            + ", skipped "
            + (plan.skipped().size() + kept.size()));
    result.results().stream()
        .filter(TaskUpsert::reopened)
        .forEach(
            entry ->
                out.println(
                    "  reopened "
                        + entry.key()
                        + ": its issue is open with the label again, the task is back in the pool"));
    details(out, plan, kept);
    return ExitCodes.OK;
  }

  private static void details(PrintWriter out, IssueImport plan, List<String> kept) {
    plan.skipped().forEach(line -> out.println("  skipped " + line));
    kept.forEach(line -> out.println("  skipped " + line));
    plan.withdraw().forEach(w -> out.println("  cancel " + w.key() + ": " + w.reason()));
    plan.notes().forEach(line -> out.println("  note " + line));
    if (plan.more()) {
      out.println("  note: stopped at --limit; more labelled issues remain");
    }
  }

  /** Withdrawals poold refused because a worker had started the task. */
  private static List<String> kept(BulkResult result) {
    List<String> kept = new ArrayList<>();
    for (TaskWithdrawn entry : result.withdrawn()) {
      if (entry.outcome() == TaskWithdrawn.Outcome.KEPT) {
        kept.add(entry.key() + ": its issue is gone but a worker already started the task");
      }
    }
    return kept;
  }

  private @Nullable String githubToken() {
    String chosen = token;
    if (chosen == null || chosen.isBlank()) {
      chosen = server.environment().variable("GITHUB_TOKEN").orElse(null);
    }
    return chosen == null || chosen.isBlank() ? null : chosen.strip();
  }

  private static List<TaskView> tasksOf(OwpAdminClient pool, String repo) {
    List<TaskView> tasks = new ArrayList<>();
    TaskQuery query = new TaskQuery(repo, null, TaskQuery.MAX_LIMIT, null);
    while (true) {
      TaskPage page = pool.tasks(query);
      tasks.addAll(page.tasks());
      if (page.nextCursor() == null) {
        return tasks;
      }
      query = query.after(page.nextCursor());
    }
  }
}
