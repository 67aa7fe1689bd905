package dev.owp.poold.dashboard;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.RawHttp;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The dashboard's pages over plain HTTP: what they show, filters, paging, escaping. */
class DashboardPageTest extends PooldIntegrationTest {

  private static final Pattern TASK_ROW = Pattern.compile("data-task=\"(t_[^\"]+)\"");

  @Test
  void theHeaderCountsTasksWorkersAndThrottledRepos() {
    repo("busy", 1, true);
    repo("calm", 5, false);
    task(aTask("busy").titled("one").inArea("docs"));
    task(aTask("busy").titled("two"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    register("bob", 5, 2);

    String page = raw().get("/").body();

    assertThat(page).contains("id=\"count-leased\">1<", "id=\"count-ready\">1<");
    assertThat(page).contains("id=\"workers-online\">1 / 2<");
    assertThat(page).containsPattern("repos throttled</span>\\s*<span class=\"n\">1<");
    assertThat(page).contains("class=\"badge throttled-badge\">throttled<");
    assertThat(page).contains("1 in flight + 0 open of 1");
  }

  @Test
  void heldAreaLocksShowAreaTaskAndWorker() {
    repo("demo", 3, true);
    TaskId docs = task(aTask("demo").titled("docs work").inArea("docs"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    String page = raw().get("/").body();

    assertThat(page)
        .containsPattern(
            "<code>docs</code> →\\s*<a href=\"/tasks/"
                + docs.value()
                + "\">"
                + docs.value()
                + "</a> →\\s*<code>"
                + alice.workerId().value()
                + "</code>");
  }

  @Test
  void workersShowStateSkillsLoadTierAndHeartbeatAge() {
    repo("demo", 3, false);
    RegisteredWorker alice = register("alice", 8, 3, "python", "docs");
    beat(alice);
    clock.advance(Duration.ofSeconds(12));

    String page = raw().get("/").body();

    assertThat(page)
        .contains("<span class=\"state online\">online</span>")
        .contains("<span class=\"skill\">python</span>")
        .contains("0/8 pts", "0/3 tasks")
        .contains(">12 s ago<");
  }

  @Test
  void everyUserStringIsEscapedOnEveryPage() {
    repo("demo", 2, true);
    TaskId id =
        task(
            aTask("demo")
                .titled("<script>alert('title')</script>")
                .described("<img src=x onerror=alert(1)>")
                .inArea("<i>area</i>"));
    RegisteredWorker mallory = register("<b>mallory</b>", 5, 2);
    beat(mallory);
    as(mallory)
        .updateStatus(
            id,
            new StatusUpdate(
                TaskStatus.PR_OPENED,
                "<script>alert('message')</script>",
                Artifact.ofPullRequest("https://example.com/pull/1?a=1&b=2"),
                null));

    for (String path : List.of("/", "/tasks/" + id.value(), "/?q=%3Cscript%3E")) {
      RawHttp.Response page = raw().get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body())
          .as(path)
          .doesNotContain("<script>alert", "<b>mallory", "<img src=x", "<i>area")
          .doesNotContainPattern("\\sth:[a-z]")
          .doesNotContainPattern("\\slayout:[a-z]");
    }
    assertThat(raw().get("/tasks/" + id.value()).body())
        .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;")
        .contains("&lt;script&gt;alert(&#39;message&#39;)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("href=\"https://example.com/pull/1?a=1&amp;b=2\"");
    assertThat(raw().get("/").body()).contains("&lt;b&gt;mallory&lt;/b&gt;");
  }

  @Test
  void theTaskPageShowsDetailsThePullRequestAndTheWholeHistory() {
    repo("demo", 3, false);
    TaskId id = task(aTask("demo").titled("Fix the parser").needing("python"));
    RegisteredWorker alice = register("alice", 5, 2, "python");
    beat(alice);
    as(alice)
        .updateStatus(
            id,
            new StatusUpdate(
                TaskStatus.PR_OPENED,
                "opened it",
                Artifact.ofPullRequest("https://github.com/o/r/pull/7"),
                null));

    RawHttp.Response page = raw().get("/tasks/" + id.value());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<title>Fix the parser · OWP Pool</title>")
        .contains("id=\"task-status\">pr_opened<")
        .contains("href=\"https://github.com/o/r/pull/7\"")
        .contains("rel=\"noopener noreferrer\"");
    List<String> history = new ArrayList<>();
    Matcher types = Pattern.compile("class=\"event task\">([a-z.]+)<").matcher(page.body());
    while (types.find()) {
      history.add(types.group(1));
    }
    assertThat(history).containsExactly("task.create", "task.leased", "task.status");
    assertThat(page.body()).contains("opened it");
  }

  @Test
  void theTaskPageLinksTheIssueTheTaskCameFrom() {
    repo("demo", 3, false);
    TaskId id =
        task(
            aTask("demo")
                .titled("Fix the parser")
                .fromIssue(42, "https://github.com/o/r/issues/42?a=1&b=2"));
    TaskId plain = task(aTask("demo").titled("Not from an issue"));

    assertThat(raw().get("/tasks/" + id.value()).body())
        .containsPattern(
            "<dt>Issue</dt>\\s*<dd><a id=\"issue-link\""
                + " href=\"https://github.com/o/r/issues/42\\?a=1&amp;b=2\"")
        .contains(">https://github.com/o/r/issues/42?a=1&amp;b=2</a>");
    assertThat(raw().get("/tasks/" + plain.value()).body())
        .doesNotContain("<dt>Issue</dt>", "issue-link");
  }

  @Test
  void anIssueLinkThatIsNotHttpIsShownAsItsNumberOnly() {
    repo("demo", 3, false);
    TaskId id = task(aTask("demo").fromIssue(7, "https://github.com/o/r/issues/7"));
    // Stored before URLs were checked, or written by another tool.
    jdbc.sql("UPDATE task SET issue_url = 'javascript:alert(1)' WHERE task_id = :id")
        .param("id", id.value())
        .update();

    String page = raw().get("/tasks/" + id.value()).body();

    assertThat(page).contains("<dt>Issue</dt>").containsPattern("<span>#7</span>");
    assertThat(page).doesNotContain("issue-link", "javascript:");
  }

  @Test
  void anUnknownTaskIsAPageNotFound() {
    RawHttp.Response page = raw().get("/tasks/t_nope");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("No task t_nope in this pool.");
  }

  @Test
  void tasksFilterByRepoStatusSkillAndTitle() {
    repo("alpha", 5, false);
    repo("beta", 5, false);
    TaskId parser = task(aTask("alpha").titled("Fix the Parser").needing("python"));
    TaskId docs = task(aTask("alpha").titled("Write docs").needing("docs"));
    TaskId other = task(aTask("beta").titled("Parser in beta").needing("rust"));
    TaskId underscore = task(aTask("beta").titled("snake_case names"));
    RegisteredWorker rusty = register("rusty", 5, 1, "rust");
    beat(rusty);

    assertThat(rows("/?repo=alpha")).containsExactly(docs.value(), parser.value());
    assertThat(rows("/?status=leased")).containsExactly(other.value());
    assertThat(rows("/?skill=Python")).containsExactly(parser.value());
    assertThat(rows("/?q=parser")).containsExactly(other.value(), parser.value());
    assertThat(rows("/?q=parser&repo=alpha&status=ready&skill=python"))
        .containsExactly(parser.value());
    // LIKE wildcards in the search are literal characters.
    assertThat(rows("/?q=e_c")).containsExactly(underscore.value());
    assertThat(rows("/?q=%25")).isEmpty();
    assertThat(rows("/?status=nonsense")).hasSize(4);
    // Control characters in a hand-edited URL are dropped, on PostgreSQL too.
    assertThat(rows("/?q=par%00ser&repo=al%00pha&skill=py%00thon")).containsExactly(parser.value());
    assertThat(raw().get("/?q=nothing-like-it").body()).contains("No task matches.");
  }

  @Test
  void tasksAreKeysetPagedNewestFirst() {
    repo("demo", 5, false);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < DashboardQueries.TASKS_PER_PAGE + 7; i++) {
      created.add(task(aTask("demo").titled("task " + i)).value());
    }
    List<String> newestFirst = new ArrayList<>(created);
    java.util.Collections.reverse(newestFirst);

    String first = raw().get("/?repo=demo").body();
    List<String> firstRows = ids(first);
    Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first);
    assertThat(next.find()).isTrue();
    String nextHref = next.group(1).replace("&amp;", "&");
    // A task created meanwhile does not shift the next page: the cursor is a place.
    task(aTask("demo").titled("late"));
    String second = raw().get(nextHref.replace("#tasks", "")).body();

    assertThat(firstRows).isEqualTo(newestFirst.subList(0, DashboardQueries.TASKS_PER_PAGE));
    assertThat(ids(second))
        .isEqualTo(newestFirst.subList(DashboardQueries.TASKS_PER_PAGE, newestFirst.size()));
    assertThat(nextHref).startsWith("/?repo=demo&cursor=");
    assertThat(second).doesNotContain("rel=\"next\"").contains("« Newest");
  }

  @Test
  void aForgedCursorIsABadRequestPage() {
    RawHttp.Response page = raw().get("/?cursor=bogus");

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.contentType()).startsWith("text/html");
  }

  /**
   * Ten thousand tasks: every view still pages by 50. How fast they render is measured by the
   * benchmarks (docs/benchmarks.md), not asserted here.
   */
  @Test
  void aPoolOfTenThousandTasksIsShownAPageAtATime() {
    repo("demo", 5, false);
    jdbc.sql(
            """
            INSERT INTO skill_set (skills) VALUES ('["python"]') ON CONFLICT (skills) DO NOTHING
            """)
        .update();
    jdbc.sql(
            """
            INSERT INTO task (task_id, repo, title, estimate_points, priority, required_skills,
                              skill_set, tier, status, created_at, updated_at)
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
            SELECT 't_bulk' || i, 'demo', 'Bulk task ' || i, 1, 100, '["python"]',
                   (SELECT id FROM skill_set WHERE skills = '["python"]'), 0,
                   CASE WHEN i % 3 = 0 THEN 'merged' ELSE 'ready' END, i, i
              FROM n
            """)
        .update();

    assertThat(rows("/")).hasSize(50);
    assertThat(rows("/?status=merged")).hasSize(50);
    assertThat(rows("/?repo=demo&skill=python")).hasSize(50);
    assertThat(rows("/?q=no-such-title")).isEmpty();
  }

  private List<String> rows(String path) {
    RawHttp.Response page = raw().get(path);
    assertThat(page.status()).as(path).isEqualTo(200);
    return ids(page.body());
  }

  private static List<String> ids(String page) {
    List<String> ids = new ArrayList<>();
    Matcher matcher = TASK_ROW.matcher(page);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }
}
