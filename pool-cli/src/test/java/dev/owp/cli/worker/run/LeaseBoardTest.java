package dev.owp.cli.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.lease.WorkList;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.WorkerId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaseBoardTest {

  private static final WorkerId WORKER = WorkerId.of("w_0123456789abcdef");

  private final StringWriter out = new StringWriter();

  @Test
  void onATerminalTheTableIsRedrawnInPlace() {
    LeaseBoard board = new LeaseBoard(new PrintWriter(out), true, 200);

    board.handle(work(lease("t_0000000000000001", TaskStatus.LEASED)), true);
    int firstTable = out.toString().length();
    board.handle(work(lease("t_0000000000000001", TaskStatus.IN_PROGRESS)), true);

    // Three lines (title, header, one lease): back up three lines and clear to the end.
    assertThat(out.toString().substring(firstTable))
        .startsWith("\033[3F\033[J")
        .contains("Assigned Leases (1)", "in_progress");
  }

  @Test
  void onATerminalEachLineIsCutToItsWidthSoThatOneLineIsOneRow() {
    LeaseBoard board = new LeaseBoard(new PrintWriter(out), true, 80);

    board.handle(work(lease("t_0000000000000001", TaskStatus.LEASED)), true);
    board.handle(work(lease("t_0000000000000001", TaskStatus.IN_PROGRESS)), true);

    List<String> rows = List.of(out.toString().replace("\033[3F\033[J", "").split("\n"));
    assertThat(rows).hasSize(6).allSatisfy(row -> assertThat(row.length()).isLessThanOrEqualTo(80));
    assertThat(rows.get(2)).startsWith("t_0000000000000001  leased").endsWith("…");
  }

  @Test
  void elsewhereLinesAreKeptWhole() {
    LeaseBoard board = new LeaseBoard(new PrintWriter(out), false, 80);

    board.handle(work(lease("t_0000000000000001", TaskStatus.LEASED)), true);

    assertThat(out.toString()).contains("Docs: Add quickstart to README");
    assertThat(out.toString().split("\n")[2]).hasSizeGreaterThan(80);
  }

  @Test
  void elsewhereTheTableIsPrintedOnlyWhenTheTasksChange() {
    LeaseBoard board = new LeaseBoard(new PrintWriter(out), false, 80);

    board.handle(work(), true);
    board.handle(work(), true);
    board.handle(work(lease("t_0000000000000001", TaskStatus.LEASED)), true);
    board.handle(work(lease("t_0000000000000001", TaskStatus.LEASED)), true);

    assertThat(out.toString())
        .doesNotContain("\033[")
        .containsOnlyOnce("Assigned Leases (0)")
        .containsOnlyOnce("Assigned Leases (1)");
  }

  private static WorkList work(LeaseView... leases) {
    return new WorkList(WORKER, List.of(leases));
  }

  private static LeaseView lease(String task, TaskStatus status) {
    return new LeaseView(
        TaskId.of(task),
        "demo",
        "Docs: Add quickstart to README",
        null,
        1,
        50,
        "docs",
        0,
        List.of("docs"),
        Instant.parse("2026-01-17T12:34:56Z"),
        status,
        LeaseId.of("l_" + task.substring(2)),
        0,
        null,
        null);
  }
}
