package dev.owp.cli.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a command's exit means for its task, and the last lines of its output. */
class TaskOutcomeTest {

  private static final LeaseView LEASE =
      new LeaseView(
          TaskId.of("t_1"),
          "demo",
          "Title",
          null,
          1,
          10,
          null,
          0,
          List.of(),
          Instant.now(),
          TaskStatus.IN_PROGRESS,
          LeaseId.of("l_1"),
          0,
          null,
          null);

  @Test
  void theLastPullRequestUrlPrintedIsTheOneReported() {
    OutputTail tail = new OutputTail(20);
    tail.add("see https://github.com/o/r/pull/1 for context");
    tail.add("\u001B[32mCreated https://github.com/o/r/pull/42\u001B[0m.");
    tail.add("https://github.com/o/r/pulls is not one");

    StatusUpdate report = new TaskOutcome(LEASE, 0, tail.pullRequest(), tail.lines()).report();

    assertThat(report.status()).isEqualTo(TaskStatus.PR_OPENED);
    assertThat(report.artifact().prUrl()).isEqualTo("https://github.com/o/r/pull/42");
    assertThat(report.leaseId()).isEqualTo(LeaseId.of("l_1"));
    assertThat(tail.lines()).contains("Created https://github.com/o/r/pull/42.");
  }

  @Test
  void aFailureReportsTheExitCodeEvenWithAPullRequestUrl() {
    StatusUpdate report =
        new TaskOutcome(LEASE, 2, "https://github.com/o/r/pull/1", List.of("boom")).report();

    assertThat(report.status()).isEqualTo(TaskStatus.BLOCKED);
    assertThat(report.message())
        .isEqualTo("command failed with exit code 2; last lines of output:\nboom");
    assertThat(report.artifact()).isNull();
  }

  @Test
  void terminalEscapesAndControlCharactersAreLeftOutOfTheMessage() {
    OutputTail tail = new OutputTail(5);
    tail.add(
        "\u001B[1;31merror\u001B[0m: \u001B]8;;https://x.test/log\u0007see log\u001B]8;;\u0007");
    tail.add("progress 10%\rprogress 100%\u0008\u0007\u0000\tdone");

    assertThat(tail.lines()).containsExactly("error: see log", "progress 10%progress 100%\tdone");
    StatusUpdate report = new TaskOutcome(LEASE, 1, null, tail.lines()).report();
    assertThat(report.message()).endsWith("error: see log\nprogress 10%progress 100%\tdone");
  }

  @Test
  void onlyTheLastLinesAreKept() {
    OutputTail tail = new OutputTail(3);
    IntStream.rangeClosed(1, 5).forEach(i -> tail.add("line " + i));

    assertThat(tail.lines()).containsExactly("line 3", "line 4", "line 5");
  }

  @Test
  void theMessageStaysWithinTheServersLimitDroppingTheOldestLines() {
    List<String> lines = Collections.nCopies(20, "x".repeat(999));

    String message = new TaskOutcome(LEASE, 1, null, lines).report().message();

    assertThat(message.length()).isLessThanOrEqualTo(TaskOutcome.MAX_MESSAGE);
    assertThat(message).startsWith("command failed with exit code 1; last lines of output:\n");
    assertThat(message.lines().count()).isEqualTo(4);
  }

  @Test
  void aSingleHugeLineIsCutFromTheFront() {
    String message =
        new TaskOutcome(LEASE, 1, null, List.of("a".repeat(5000) + "END")).report().message();

    assertThat(message.length()).isLessThanOrEqualTo(TaskOutcome.MAX_MESSAGE);
    assertThat(message).contains("\n…a").endsWith("END");
  }
}
