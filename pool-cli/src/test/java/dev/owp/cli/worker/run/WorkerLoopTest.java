package dev.owp.cli.worker.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.common.StopSignal;
import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.client.OwpUnreachableException;
import dev.owp.protocol.lease.WorkList;
import dev.owp.protocol.problem.Problem;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.HeartbeatAck;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerStatus;
import dev.owp.protocol.worker.WorkerView;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The worker loop's retries, against a server that fails on purpose. */
class WorkerLoopTest {

  private static final URI SERVER = URI.create("http://fake:1");
  private static final WorkerId WORKER = WorkerId.of("w_fake");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<Heartbeat> heartbeats = new ArrayList<>();

  @Test
  void anUnreachableServerIsRetriedWithGrowingDelaysAndTheLoopCarriesOn() throws Exception {
    StopSignal stop = new StopSignal();
    FakeApi api = new FakeApi(call -> call < 3, null);
    api.onWork = stop::press;

    int code = loop(api, false, stop).run();

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(err.toString())
        .contains("pool: cannot reach http://fake:1: connection refused; retrying in 10ms\n")
        .contains("retrying in 20ms\n", "retrying in 40ms\n")
        .contains("pool: reached http://fake:1 again\n");
    assertThat(out.toString()).contains("Worker w_fake (Fake): skills python; up to 2 tasks");
    assertThat(heartbeats).first().extracting(Heartbeat::status).isEqualTo(WorkerStatus.IDLE);
  }

  @Test
  void aRefusedTokenEndsTheLoop() {
    Problem refused =
        new Problem(
            ProblemType.UNAUTHENTICATED.uri().toString(),
            "Authentication required",
            401,
            "Invalid worker token");

    assertThatThrownBy(() -> loop(new FakeApi(call -> false, refused)).run())
        .isInstanceOf(OwpProblemException.class)
        .hasMessage("HTTP 401 Invalid worker token");
  }

  @Test
  void stoppedBeforeTheServerWasEverReachedMeansUnreachable() throws Exception {
    StopSignal stop = new StopSignal();
    stop.press();

    int code =
        new WorkerLoop(
                new FakeApi(call -> true, null),
                WorkerLoops.leaseBoard(new PrintWriter(out), false, 80),
                new WorkerLoop.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1), false),
                stop,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .run();

    assertThat(code).isEqualTo(ExitCodes.SERVER_UNREACHABLE);
  }

  @Test
  void onceGivesUpAtOnceWhenTheServerWasNeverReached() {
    FakeApi api = new FakeApi(call -> true, null);

    assertThatThrownBy(() -> loop(api).run())
        .isInstanceOf(OwpUnreachableException.class)
        .hasMessage("cannot reach http://fake:1: connection refused");
    assertThat(api.calls).hasValue(1);
    assertThat(err.toString()).doesNotContain("retrying");
  }

  @Test
  void onceGivesUpAfterABoundedNumberOfRetriesOnceTheServerWasReached() {
    // The worker is known (call 0), then every heartbeat fails.
    FakeApi api = new FakeApi(call -> call > 0, null);

    assertThatThrownBy(() -> loop(api).run()).isInstanceOf(OwpUnreachableException.class);
    assertThat(api.calls).hasValue(1 + WorkerLoop.ONCE_ATTEMPTS);
    assertThat(err.toString()).contains("retrying in 10ms\n", "retrying in 40ms\n");
  }

  private WorkerLoop loop(WorkerApi api) {
    return loop(api, true, new StopSignal());
  }

  private WorkerLoop loop(WorkerApi api, boolean once, StopSignal stop) {
    return new WorkerLoop(
        api,
        WorkerLoops.leaseBoard(new PrintWriter(out), false, 80),
        new WorkerLoop.Settings(Duration.ofSeconds(1), Duration.ofSeconds(1), once),
        stop,
        new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0),
        new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  /**
   * Fails the calls {@code fails} picks (by number, from 0) with "connection refused", or all with
   * {@code refusal}.
   */
  private final class FakeApi implements WorkerApi {
    private final IntPredicate fails;
    private final Problem refusal;
    private final AtomicInteger calls = new AtomicInteger();
    private Runnable onWork = () -> {};

    FakeApi(IntPredicate fails, Problem refusal) {
      this.fails = fails;
      this.refusal = refusal;
    }

    private void maybeFail() {
      if (refusal != null) {
        throw new OwpProblemException(refusal);
      }
      if (fails.test(calls.getAndIncrement())) {
        throw new OwpUnreachableException(SERVER, "connection refused", new ConnectException());
      }
    }

    @Override
    public URI server() {
      return SERVER;
    }

    @Override
    public WorkerView me() {
      maybeFail();
      return new WorkerView(
          WORKER,
          "Fake",
          null,
          List.of("python"),
          5,
          2,
          WorkerStatus.IDLE,
          null,
          0,
          true,
          null,
          0,
          0,
          0,
          Instant.now());
    }

    @Override
    public HeartbeatAck heartbeat(Heartbeat heartbeat) {
      maybeFail();
      heartbeats.add(heartbeat);
      return new HeartbeatAck(true, Instant.now(), 0, 0);
    }

    @Override
    public WorkList work() {
      maybeFail();
      onWork.run();
      return new WorkList(WORKER, List.of());
    }

    @Override
    public StatusAck updateStatus(TaskId task, StatusUpdate update) {
      throw new AssertionError("no task to report on");
    }

    @Override
    public StatusAck release(TaskId task, Reason reason) {
      throw new AssertionError("no task to release");
    }
  }
}
