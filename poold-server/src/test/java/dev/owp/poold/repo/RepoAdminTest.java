package dev.owp.poold.repo;

import static dev.owp.poold.support.ProblemAssertions.assertProblem;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.repo.RepoSaved;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registering repositories and reading their budgets. */
class RepoAdminTest extends PooldIntegrationTest {

  @Test
  void aRepoIsRegisteredThenReconfiguredKeepingItsCreationTime() {
    RepoSaved saved = admin().upsertRepo(RepoConfig.of("owner/name", 2, true));
    clock.advance(Duration.ofHours(1));
    admin().upsertRepo(RepoConfig.of(" owner/name ", 5, false));

    assertThat(saved.ok()).isTrue();
    assertThat(saved.repo()).isEqualTo("owner/name");
    List<RepoView> repos = admin().repos().repos();
    assertThat(repos).hasSize(1);
    RepoView repo = repos.get(0);
    assertThat(repo.maxOpenPrs()).isEqualTo(5);
    assertThat(repo.areaLocksEnabled()).isFalse();
    assertThat(repo.createdAt()).isEqualTo(clock.instant().minus(Duration.ofHours(1)));
  }

  @Test
  void reposAreListedByKeyWithTheirBudgetUse() {
    repo("zeta", 2, true);
    repo("alpha", 3, true);
    TaskId opened = task(aTask("alpha"));
    TaskId working = task(aTask("alpha"));
    task(aTask("alpha").needing("cobol"));
    task(aTask("zeta").needing("cobol"));
    RegisteredWorker alice = register("alice", 10, 5);
    beat(alice);
    report(alice, opened, TaskStatus.PR_OPENED);
    report(alice, working, TaskStatus.IN_PROGRESS);

    List<RepoView> repos = admin().repos().repos();

    assertThat(repos).extracting(RepoView::repo).containsExactly("alpha", "zeta");
    RepoView alpha = repos.get(0);
    assertThat(alpha.held()).isEqualTo(2);
    assertThat(alpha.openPrs()).isEqualTo(1);
    assertThat(alpha.ready()).isEqualTo(1);
    assertThat(alpha.throttled()).isFalse();
    RepoView zeta = repos.get(1);
    assertThat(zeta.held()).isZero();
    assertThat(zeta.ready()).isEqualTo(1);
  }

  @Test
  void badRepoSettingsAreRefused() {
    String before = databaseContents();

    assertProblem(
        rawAdmin().post("/v1/admin/repos", "{\"repo\": \"has spaces\"}"),
        ProblemType.INVALID_REQUEST,
        "repo must be a repository key such as demo or owner/name (letters, digits and ._/-)");
    assertProblem(
        rawAdmin().post("/v1/admin/repos", "{\"max_open_prs\": 2}"),
        ProblemType.INVALID_REQUEST,
        "repo is required");
    assertProblem(
        rawAdmin().post("/v1/admin/repos", "{\"repo\": \"demo\", \"max_open_prs\": -1}"),
        ProblemType.INVALID_REQUEST,
        "max_open_prs must be between 0 and 100");
    assertProblem(
        rawAdmin().post("/v1/admin/repos", "{\"repo\": \"demo\", \"area_locks_enabled\": \"yes\"}"),
        ProblemType.INVALID_REQUEST);
    assertProblem(
        rawAdmin().post("/v1/admin/repos", "{\"repo\": \"" + "r".repeat(201) + "\"}"),
        ProblemType.INVALID_REQUEST,
        "repo must be 1 to 200 characters");

    assertThat(databaseContents()).isEqualTo(before);
  }
}
