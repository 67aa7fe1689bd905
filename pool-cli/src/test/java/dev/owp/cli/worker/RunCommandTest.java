package dev.owp.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.common.StopSignal;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.Cli.Running;
import dev.owp.cli.testing.Eventually;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.cli.testing.Scripts;
import dev.owp.cli.testing.ShortLeases;
import dev.owp.cli.testing.TestPool;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code pool worker run}: the lease table, lease renewal and an unreachable server. */
@ExtendWith(PooldExtension.class)
class RunCommandTest {

  @TempDir Path home;

  @Test
  void withoutExecOnceShowsTheLeasesOnceAndSignsOff(PooldServer poold) {
    TestPool pool = new TestPool(poold);
    String skill = TestPool.unique("skill");
    TaskId task = pool.task(pool.repo(2), "Write the README quickstart", skill);
    RegisteredWorker worker = pool.worker(skill, 2);
    String token = worker.token();

    Result result = Cli.against(poold, home).set("OWP_TOKEN", token).run("worker", "run", "--once");

    result.assertExit(ExitCodes.OK);
    assertThat(result.out())
        .contains("Worker loop started. Server=" + poold.url())
        .contains("Assigned Leases (1)")
        .containsPattern("task_id +status +repo +points +priority +area +skills +expires +title")
        .containsPattern(task + " +leased .*Write the README quickstart");
    assertThat(result.out()).doesNotContain("\033[");
    assertThat(pool.view(task).status()).isEqualTo(TaskStatus.LEASED);
    // A stopped worker is leased nothing more: it told the server it paused.
    assertThat(pool.admin().worker(worker.workerId()).status()).isEqualTo(WorkerStatus.PAUSED);
  }

  @Test
  void heartbeatsRenewTheLeaseOfACommandThatOutlivesTheLeaseTtl(@ShortLeases PooldServer poold) {
    TestPool pool = new TestPool(poold);
    String skill = TestPool.unique("skill");
    TaskId task = pool.task(pool.repo(2), "Slow job", skill);
    Path script = Scripts.write(home, "slow.sh", "sleep 5\necho https://github.com/o/r/pull/11");

    Cli.against(poold, home)
        .set("OWP_TOKEN", pool.worker(skill, 1).token())
        .run("worker", "run", "--exec", script.toString(), "--once", "--heartbeat-every", "1")
        .assertExit(ExitCodes.OK);

    TaskView view = pool.view(task);
    assertThat(view.status()).isEqualTo(TaskStatus.PR_OPENED);
    assertThat(view.attempt()).isZero();
    assertThat(pool.admin().events(EventQuery.ofTask(task)).events())
        .noneMatch(event -> event.type() == EventType.TASK_REQUEUED);
  }

  @Test
  void anUnreachableServerIsRetriedWithBackoffUntilStopped() {
    StopSignal ctrlC = new StopSignal();
    String dead = "http://127.0.0.1:" + PooldServer.freePort();
    Running running =
        Cli.bare(home).set("OWP_SERVER", dead).set("OWP_TOKEN", "t").start(ctrlC, "worker", "run");

    Eventually.until("two retries", Duration.ofSeconds(10), () -> retries(running.errors()) >= 2);
    ctrlC.press();
    Result result = running.result(Duration.ofSeconds(10));

    result.assertExit(ExitCodes.SERVER_UNREACHABLE);
    // The delays are jittered: the first between half a second and one, the next up to two.
    String refused = Pattern.quote("pool: cannot reach " + dead + ": connection refused");
    assertThat(result.err())
        .containsPattern(refused + "; retrying in (\\d{3}ms|1s)\n")
        .containsPattern(refused + "; retrying in (1(\\.\\d)?|2)s\n");
  }

  private static long retries(String errors) {
    return errors.lines().filter(line -> line.contains("; retrying in ")).count();
  }

  @Test
  void onceGivesUpAtOnceWhenTheServerCannotBeReached() {
    String dead = "http://127.0.0.1:" + PooldServer.freePort();

    Result result =
        Cli.bare(home).set("OWP_TOKEN", "t").run("worker", "run", "--once", "--server", dead);

    result.assertExit(ExitCodes.SERVER_UNREACHABLE);
    assertThat(result.err()).isEqualTo("pool: cannot reach " + dead + ": connection refused\n");
  }
}
