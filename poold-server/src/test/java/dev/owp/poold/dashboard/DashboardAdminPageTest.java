package dev.owp.poold.dashboard;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.RawHttp;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's admin forms over plain HTTP: sign-in, CSRF, and each action. */
class DashboardAdminPageTest extends PooldIntegrationTest {

  private AdminForms browser() {
    return new AdminForms(this::raw);
  }

  @Test
  void theDashboardIsReadOnlyWithoutSignIn() {
    repo("demo", 2, true);
    beat(register("alice", 5, 2));

    String page = raw().get("/").body();

    assertThat(page).doesNotContain("method=\"post\"", "_csrf").contains("Admin sign-in");
  }

  @Test
  void aWrongTokenDoesNotSignIn() {
    AdminForms browser = browser().open();

    RawHttp.Response response = browser.signIn("not-the-token");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).contains("That is not the admin token.");
    assertThat(browser.get("/").body()).doesNotContain("method=\"post\" action=\"/admin/repos\"");
  }

  @Test
  void signingInShowsTheFormsButNeverTheToken() {
    repo("demo", 2, true);
    beat(register("alice", 5, 2));
    AdminForms browser = browser().open();

    RawHttp.Response signIn = browser.signIn(ADMIN_TOKEN);
    String page = browser.get("/").body();

    assertThat(signIn.status()).isEqualTo(302);
    assertThat(signIn.header("Location")).doesNotContain(ADMIN_TOKEN).endsWith("/");
    assertThat(signIn.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax");
    assertThat(page)
        .contains("Signed in as admin.")
        .contains("action=\"/admin/repos\"", "/pause\"", "name=\"tier\"")
        .doesNotContain(ADMIN_TOKEN);
  }

  @Test
  void formsAreRefusedWithoutSessionWithoutSignInOrWithABadCsrfToken() {
    repo("demo", 2, true);
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    String pause = "/admin/workers/" + alice.workerId().value() + "/pause";
    String before = databaseContents();

    // No session at all.
    RawHttp.Response anonymous = browser().post(pause, Map.of("_csrf", "guess"));
    // A session with a CSRF token, but not signed in.
    AdminForms visitor = browser().open();
    RawHttp.Response notSignedIn = visitor.submit(pause, Map.of());
    // Signed in, but the form carries another token, or none.
    AdminForms admin = browser().signedIn(ADMIN_TOKEN);
    RawHttp.Response forged = admin.post(pause, Map.of("_csrf", visitor.csrf()));
    RawHttp.Response missing = admin.post(pause, Map.of());

    for (RawHttp.Response refused :
        new RawHttp.Response[] {anonymous, notSignedIn, forged, missing}) {
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("text/html");
    }
    assertThat(notSignedIn.body()).contains("sign in first");
    assertThat(forged.body()).contains("did not come from this dashboard");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void theSessionDoesNotOpenTheJsonApi() {
    AdminForms admin = browser().signedIn(ADMIN_TOKEN);

    assertThat(admin.get("/v1/admin/tasks").status()).isEqualTo(401);
  }

  @Test
  void anAdminChangesARepositorysBudgetAndAreaLocks() {
    repo("demo", 2, true);
    AdminForms admin = browser().signedIn(ADMIN_TOKEN);

    RawHttp.Response saved =
        admin.submit("/admin/repos", Map.of("repo", "demo", "max_open_prs", "7", "back", "/"));

    assertThat(saved.status()).isEqualTo(302);
    assertThat(admin.get("/").body()).contains("Saved demo: budget 7, area locks off.");
    assertThat(admin().repos().repos().get(0))
        .satisfies(
            repo -> {
              assertThat(repo.maxOpenPrs()).isEqualTo(7);
              assertThat(repo.areaLocksEnabled()).isFalse();
            });
  }

  @Test
  void anAdminPausesResumesAndReTiersAWorker() {
    repo("demo", 2, false);
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    String worker = "/admin/workers/" + alice.workerId().value();
    AdminForms admin = browser().signedIn(ADMIN_TOKEN);

    admin.submit(worker + "/pause", Map.of("reason", "holiday"));
    assertThat(admin.get("/").body()).contains("<span class=\"state paused\">paused</span>");
    admin.submit(worker + "/resume", Map.of());
    admin.submit(worker + "/tier", Map.of("tier", "2"));

    assertThat(eventsOfType(EventType.WORKER_PAUSED)).hasSize(1);
    assertThat(eventsOfType(EventType.WORKER_RESUMED)).hasSize(1);
    assertThat(admin().worker(alice.workerId()).trustTier()).isEqualTo(2);
    assertThat(admin().worker(alice.workerId()).paused()).isFalse();
  }

  @Test
  void anAdminRequeuesAndCancelsTasksAndARefusalIsANotice() {
    repo("demo", 2, false);
    TaskId held = task(aTask("demo").titled("held"));
    RegisteredWorker alice = register("alice", 5, 1);
    beat(alice);
    TaskId waiting = task(aTask("demo").titled("waiting"));
    AdminForms admin = browser().signedIn(ADMIN_TOKEN);

    RawHttp.Response requeued =
        admin.submit(
            "/admin/tasks/" + held.value() + "/requeue",
            Map.of("reason", "stale", "back", "/tasks/" + held.value()));
    RawHttp.Response refused =
        admin.submit("/admin/tasks/" + waiting.value() + "/requeue", Map.of("back", "/"));
    String notice = admin.get("/").body();
    admin.submit("/admin/tasks/" + waiting.value() + "/cancel", Map.of("reason", "dup"));

    assertThat(requeued.header("Location")).endsWith("/tasks/" + held.value());
    assertThat(statusOf(held)).isEqualTo(TaskStatus.READY);
    assertThat(refused.status()).isEqualTo(302);
    assertThat(notice).contains("is ready: only a leased");
    assertThat(statusOf(waiting)).isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  void aRedirectNeverLeavesTheServer() {
    repo("demo", 2, false);
    AdminForms admin = browser().signedIn(ADMIN_TOKEN);

    for (String back : new String[] {"//evil.example/", "https://evil.example/", "/\\evil"}) {
      RawHttp.Response response =
          admin.submit("/admin/repos", Map.of("repo", "demo", "max_open_prs", "2", "back", back));
      assertThat(response.header("Location")).as(back).doesNotContain("evil").endsWith("/");
    }
  }

  @Test
  void signingOutEndsTheSession() {
    AdminForms admin = browser().signedIn(ADMIN_TOKEN);
    String csrf = admin.csrf();

    admin.submit("/admin/sign-out", Map.of());

    assertThat(admin.get("/").body()).contains("Admin sign-in");
    assertThat(
            admin
                .post("/admin/repos", Map.of("_csrf", csrf, "repo", "x", "max_open_prs", "1"))
                .status())
        .isEqualTo(403);
  }
}
