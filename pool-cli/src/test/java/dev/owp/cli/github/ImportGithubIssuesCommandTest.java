package dev.owp.cli.github;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.owp.cli.github.FakeGithub.issue;
import static dev.owp.cli.github.FakeGithub.pullRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.cli.testing.TestPool;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code pool admin import-github-issues} against a fake GitHub and the real poold. */
@ExtendWith(PooldExtension.class)
class ImportGithubIssuesCommandTest {

  private static final String LABEL = "pool:ready";

  @TempDir Path home;

  private final FakeGithub github = new FakeGithub();
  private PooldServer poold;
  private TestPool pool;
  private Cli cli;
  private String repo;
  // Every task needs this skill, so that workers of other tests never lease them.
  private String skill;

  @BeforeEach
  void setUp(PooldServer server) {
    poold = server;
    pool = new TestPool(server);
    cli = Cli.against(server, home);
    repo = TestPool.unique("acme") + "/app";
    skill = TestPool.unique("gh");
    github.repository(repo);
  }

  @AfterEach
  void stopGithub() {
    github.close();
  }

  private String open(int number, String title, String... labels) {
    return issue(repo, number, title, true, withSkill(labels));
  }

  private String[] withSkill(String... labels) {
    List<String> all = new ArrayList<>(List.of(labels));
    all.add(LABEL);
    all.add("skills:" + skill);
    return all.toArray(String[]::new);
  }

  private Result importIssues(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("admin", "import-github-issues", repo, "--github-api-url", github.url()));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  private List<TaskView> tasks() {
    return pool.admin().tasks(new TaskQuery(repo, null, 500, null)).tasks().stream()
        .sorted(Comparator.comparing(t -> t.issueNumber() == null ? 0 : t.issueNumber()))
        .toList();
  }

  private TaskView task(int issue) {
    return tasks().stream().filter(t -> t.issueNumber() == issue).findFirst().orElseThrow();
  }

  @Test
  void readsEveryPageSkipsPullRequestsAndRecordsTheIssue() {
    github.labelled(
        repo,
        LABEL,
        List.of(open(1, "One"), open(2, "Two")),
        List.of(open(3, "Three"), pullRequest(repo, 4, withSkill())),
        List.of(open(5, "Five")));

    Result result = importIssues("--create-repo");

    result.assertExit(ExitCodes.OK);
    assertThat(result.out())
        .contains("Registered repo " + repo)
        .contains(
            "Imported " + repo + ": created 4, updated 0, cancelled 0, unchanged 0, skipped 1")
        .contains("  skipped #4: a pull request");
    assertThat(tasks()).extracting(TaskView::issueNumber).containsExactly(1, 2, 3, 5);
    TaskView three = task(3);
    assertThat(three.key()).isEqualTo("github:" + repo.toLowerCase() + "#3");
    assertThat(three.issueUrl()).isEqualTo("https://github.com/" + repo + "/issues/3");
    assertThat(three.title()).isEqualTo("Three");
    assertThat(three.description()).isEqualTo("Body of 3");
  }

  @Test
  void controlCharactersInAnIssueAreLeftOutRatherThanSkippingIt() {
    github.labelled(repo, LABEL, List.of(open(1, "Crash \\u001b[31min red\\u001b[0m\\u0007")));

    Result result = importIssues("--create-repo");

    result.assertExit(ExitCodes.OK);
    assertThat(result.out()).contains("created 1").doesNotContain("skipped #1");
    assertThat(task(1).title()).isEqualTo("Crash [31min red[0m");
  }

  @Test
  void thereIsNoHiddenCapOf100() {
    List<String> first = new ArrayList<>();
    IntStream.rangeClosed(1, 100).forEach(n -> first.add(open(n, "Issue " + n)));
    List<String> second = new ArrayList<>();
    IntStream.rangeClosed(101, 130).forEach(n -> second.add(open(n, "Issue " + n)));
    github.labelled(repo, LABEL, first, second);

    importIssues("--create-repo", "--limit", "120").assertExit(ExitCodes.OK);

    assertThat(tasks()).hasSize(120);
  }

  @Test
  void stopsAtTheLimitAndSaysSo() {
    github.labelled(
        repo, LABEL, List.of(open(1, "One"), open(2, "Two")), List.of(open(3, "Three")));

    Result result = importIssues("--create-repo", "--limit", "2");

    assertThat(result.out()).contains("created 2").contains("stopped at --limit");
    assertThat(tasks()).hasSize(2);
  }

  @Test
  void pullRequestsDoNotCountTowardTheLimit() {
    github.labelled(
        repo,
        LABEL,
        List.of(pullRequest(repo, 1, withSkill()), open(2, "Two")),
        List.of(pullRequest(repo, 3, withSkill()), open(4, "Four"), open(5, "Five")));

    Result result = importIssues("--create-repo", "--limit", "2");

    assertThat(result.out()).contains("created 2").contains("stopped at --limit");
    assertThat(tasks()).extracting(TaskView::issueNumber).containsExactly(2, 4);
  }

  @Test
  void everyLabelConventionIsReadCaseInsensitively() {
    github.labelled(
        repo,
        LABEL,
        List.of(
            open(
                1,
                "Named",
                "Estimate:3",
                "priority:HIGH",
                "skills:Java, spring",
                "skills:docs",
                "AREA:auth",
                "tier:2",
                "bug"),
            open(2, "Numbers", "size:5", "priority:7"),
            open(3, "Named levels", "priority:critical"),
            open(4, "Low", "priority:low", "estimate:100"),
            open(5, "Medium", "Priority:Medium"),
            open(6, "Bad values", "estimate:0", "tier:9", "priority:urgent"),
            open(7, "Twice", "estimate:2", "size:8"),
            open(8, "Too long an area", "area:" + "a".repeat(130))));

    Result result = importIssues("--create-repo");

    result.assertExit(ExitCodes.OK);
    TaskView named = task(1);
    assertThat(named.estimatePoints()).isEqualTo(3);
    assertThat(named.priority()).isEqualTo(80);
    assertThat(named.requiredSkills()).contains("java", "spring", "docs", skill);
    assertThat(named.area()).isEqualTo("auth");
    assertThat(named.tier()).isEqualTo(2);
    assertThat(task(2).estimatePoints()).isEqualTo(5);
    assertThat(task(2).priority()).isEqualTo(7);
    assertThat(task(3).priority()).isEqualTo(100);
    assertThat(task(4).priority()).isEqualTo(20);
    assertThat(task(4).estimatePoints()).isEqualTo(100);
    assertThat(task(5).priority()).isEqualTo(50);
    TaskView bad = task(6);
    assertThat(bad.estimatePoints()).isEqualTo(1);
    assertThat(bad.tier()).isZero();
    assertThat(bad.priority()).isEqualTo(10);
    assertThat(task(7).estimatePoints()).isEqualTo(2);
    assertThat(result.out())
        .contains("note #6: label 'estimate:0' ignored: expected a whole number from 1 to 100")
        .contains("note #6: label 'tier:9' ignored")
        .contains("note #6: label 'priority:urgent' ignored")
        .contains("note #7: label 'size:8' ignored: an earlier label already set it to 2")
        .contains("skipped 1")
        .contains("  skipped #8: area");
    assertThat(tasks()).extracting(TaskView::issueNumber).doesNotContain(8);
  }

  @Test
  void importingAgainUpdatesChangedTasksAndCancelsThoseWhoseIssueWentAway() {
    github.labelled(
        repo,
        LABEL,
        List.of(
            open(1, "One"),
            open(2, "Two"),
            open(3, "Three"),
            open(4, "Four"),
            open(5, "Five", "priority:high")));
    importIssues("--create-repo").assertExit(ExitCodes.OK);
    RegisteredWorker worker = pool.worker(skill, 1);
    poold.worker(worker.token()).heartbeat(Heartbeat.of(WorkerStatus.WORKING, null));
    assertThat(task(5).status()).isEqualTo(TaskStatus.LEASED);

    // On GitHub: #1 retitled, #2 closed, #3 unlabelled, #5 closed (but started), #6 new.
    github.wiremock().resetAll();
    github
        .repository(repo)
        .labelled(repo, LABEL, List.of(open(1, "One, renamed"), open(4, "Four"), open(6, "Six")))
        .issue(repo, 2, issue(repo, 2, "Two", false, withSkill()))
        .issue(repo, 3, issue(repo, 3, "Three", true, "skills:" + skill))
        .issue(repo, 5, issue(repo, 5, "Five", false, withSkill()));

    Result again = importIssues();

    again.assertExit(ExitCodes.OK);
    assertThat(again.out())
        .contains(
            "Imported " + repo + ": created 1, updated 1, cancelled 2, unchanged 1, skipped 1")
        .contains("was closed on GitHub")
        .contains("lost the label pool:ready")
        .contains("#5: its issue is gone but a worker already started the task");
    assertThat(tasks()).hasSize(6);
    assertThat(task(1).title()).isEqualTo("One, renamed");
    assertThat(task(2).status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(task(3).status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(task(4).status()).isEqualTo(TaskStatus.READY);
    assertThat(task(5).status()).isEqualTo(TaskStatus.LEASED);

    Result third = importIssues();
    assertThat(third.out()).contains("created 0, updated 0, cancelled 0, unchanged 3");
  }

  @Test
  void aReopenedIssueReturnsToThePoolButAnAdminCancellationStands() {
    github.labelled(repo, LABEL, List.of(open(1, "One"), open(2, "Two")));
    importIssues("--create-repo").assertExit(ExitCodes.OK);
    pool.admin().cancel(task(2).taskId(), dev.owp.protocol.task.Reason.of("not for the pool"));
    // Both issues closed on GitHub: #1's task is withdrawn.
    github.wiremock().resetAll();
    github
        .repository(repo)
        .labelled(repo, LABEL, List.of())
        .issue(repo, 1, issue(repo, 1, "One", false, withSkill()))
        .issue(repo, 2, issue(repo, 2, "Two", false, withSkill()));
    assertThat(importIssues().out()).contains("cancelled 1");
    assertThat(task(1).status()).isEqualTo(TaskStatus.CANCELLED);

    // Both reopened with their label.
    github.wiremock().resetAll();
    github.repository(repo).labelled(repo, LABEL, List.of(open(1, "One"), open(2, "Two")));
    assertThat(importIssues("--dry-run").out()).contains("reopen up to 2");
    Result reopened = importIssues();

    reopened.assertExit(ExitCodes.OK);
    assertThat(reopened.out())
        .contains("created 0, updated 1, cancelled 0, unchanged 1")
        .contains("  reopened github:" + repo.toLowerCase() + "#1: its issue is open");
    assertThat(task(1).status()).isEqualTo(TaskStatus.READY);
    assertThat(task(2).status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(importIssues().out()).contains("updated 0, cancelled 0, unchanged 2");
  }

  @Test
  void aDryRunChangesNothing() {
    github.labelled(repo, LABEL, List.of(open(1, "One"), pullRequest(repo, 2, withSkill())));

    Result result = importIssues("--create-repo", "--dry-run");

    result.assertExit(ExitCodes.OK);
    assertThat(result.out())
        .startsWith("Dry run, nothing was changed. Importing " + repo + " would create 1,")
        .contains("skip 1")
        .contains("register repo " + repo);
    assertThat(pool.admin().repos().repos()).extracting(RepoView::repo).doesNotContain(repo);
  }

  @Test
  void theTokenComesFromTheFlagOrGithubToken() {
    github.labelled(repo, LABEL, List.of(open(1, "One")));

    pool.admin().upsertRepo(new dev.owp.protocol.repo.RepoConfig(repo, 2, true));
    cli.set("GITHUB_TOKEN", "from-env");
    importIssues("--dry-run").assertExit(ExitCodes.OK);
    importIssues("--dry-run", "--github-token", "from-flag").assertExit(ExitCodes.OK);

    github
        .wiremock()
        .verify(
            getRequestedFor(urlPathEqualTo("/repos/" + repo))
                .withHeader("Authorization", equalTo("token from-env")));
    github
        .wiremock()
        .verify(
            getRequestedFor(urlPathEqualTo("/repos/" + repo))
                .withHeader("Authorization", equalTo("token from-flag")));
  }
}
