package dev.owp.cli.worker.run;

import dev.owp.cli.common.Table;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.lease.WorkList;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Shows the worker's leases as a table. On a terminal the table is redrawn in place (ANSI cursor
 * movement), each line cut to the terminal's width: a line that wrapped would take two rows, and
 * moving up by the number of lines would leave pieces of the old table behind. Elsewhere, e.g. in a
 * log file, lines are kept whole and the table is printed again only when the set of tasks or their
 * statuses change, since lease expiries move with every heartbeat.
 */
final class LeaseBoard implements LeaseHandler {

  private static final String TITLE = "Assigned Leases";

  private final PrintWriter out;
  private final boolean ansi;
  private final int columns;
  private int linesOnScreen;
  private @Nullable String lastShown;

  /**
   * @param ansi true on a terminal: redraw in place
   * @param columns the terminal's width, which no line on it exceeds
   */
  LeaseBoard(PrintWriter out, boolean ansi, int columns) {
    this.out = out;
    this.ansi = ansi;
    this.columns = columns;
  }

  @Override
  public void handle(WorkList work, boolean takeNewWork) {
    List<String> lines = render(work);
    if (ansi) {
      if (linesOnScreen > 0) {
        // Up to the first line of the previous table, then erase everything below.
        out.print("\033[" + linesOnScreen + "F\033[J");
      }
      lines.forEach(line -> out.println(Table.cut(line, columns)));
      linesOnScreen = lines.size();
    } else {
      String shown = signature(work);
      if (!shown.equals(lastShown)) { // the first table is shown even when empty
        lines.forEach(out::println);
        lastShown = shown;
      }
    }
    out.flush();
  }

  /** The title and table for {@code work}. */
  static List<String> render(WorkList work) {
    Table table =
        Table.of(
            "task_id",
            "status",
            "repo",
            "points",
            "priority",
            "area",
            "skills",
            "expires",
            "title");
    for (LeaseView lease : work.leases()) {
      table.row(
          lease.taskId(),
          lease.status().wireName(),
          lease.repo(),
          lease.estimatePoints(),
          lease.priority(),
          lease.area(),
          lease.requiredSkills(),
          lease.leaseExpiresAt(),
          Table.cut(lease.title(), 60));
    }
    List<String> lines = new ArrayList<>();
    lines.add(TITLE + " (" + work.leases().size() + ")");
    lines.addAll(table.lines());
    return lines;
  }

  private static String signature(WorkList work) {
    StringBuilder signature = new StringBuilder();
    work.leases().forEach(l -> signature.append(l.leaseId()).append(l.status()).append(';'));
    return signature.toString();
  }

  @Override
  public int running() {
    return 0;
  }

  @Override
  public void flush() {}

  @Override
  public boolean hasPendingReports() {
    return false;
  }

  @Override
  public void stopNow() {}

  @Override
  public void abandon() {}

  @Override
  public void printedElsewhere() {
    linesOnScreen = 0;
  }
}
