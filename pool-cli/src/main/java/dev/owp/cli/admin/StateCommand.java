package dev.owp.cli.admin;

import dev.owp.cli.common.OutputOptions;
import dev.owp.cli.common.Table;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.admin.AdminState;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pool admin state}: pool-wide counts. */
@Command(name = "state", description = "Shows pool-wide counts of workers and tasks.")
final class StateCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();
  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    AdminState state = admin.connect(server).state();
    PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
    if (output.json()) {
      OutputOptions.printJson(out, state);
      return 0;
    }
    Table.of("field", "value")
        .row("workers_online", state.workersOnline())
        .row("tasks_ready", state.tasksReady())
        .row("tasks_leased", state.tasksLeased())
        .row("tasks_in_progress", state.tasksInProgress())
        .row("tasks_pr_opened", state.tasksPrOpened())
        .row("tasks_blocked", state.tasksBlocked())
        .row("tasks_merged", state.tasksMerged())
        .row("tasks_cancelled", state.tasksCancelled())
        .row("workers_total", state.workersTotal())
        .row("repos_throttled", state.reposThrottled())
        .row("server_time", state.serverTime())
        .print(out, "OWP Pool State");
    return 0;
  }
}
