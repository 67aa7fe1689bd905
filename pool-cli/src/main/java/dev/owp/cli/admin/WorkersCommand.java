package dev.owp.cli.admin;

import dev.owp.cli.common.OutputOptions;
import dev.owp.cli.common.Table;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.client.OwpAdminClient;
import dev.owp.protocol.worker.WorkerPage;
import dev.owp.protocol.worker.WorkerQuery;
import dev.owp.protocol.worker.WorkerView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pool admin workers}: lists workers, oldest first. */
@Command(name = "workers", description = "Lists workers with their load, oldest first.")
final class WorkersCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();
  @Mixin OutputOptions output = new OutputOptions();

  @ArgGroup(exclusive = true)
  @Nullable Presence presence;

  /** {@code --online} or {@code --offline}, not both. */
  static final class Presence {
    @Option(names = "--online", description = "Only workers heard from within the heartbeat TTL.")
    boolean online;

    @Option(names = "--offline", description = "Only workers not heard from lately.")
    boolean offline;
  }

  @Override
  public Integer call() {
    OwpAdminClient client = admin.connect(server);
    Boolean online = presence == null ? null : presence.online;
    WorkerQuery query = new WorkerQuery(online, 500, null);
    WorkerPage page = client.workers(query);
    List<WorkerView> workers = new ArrayList<>(page.workers());
    while (page.nextCursor() != null) {
      page = client.workers(query.after(page.nextCursor()));
      workers.addAll(page.workers());
    }
    PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
    if (output.json()) {
      OutputOptions.printJson(out, new WorkerPage(workers, null));
      return 0;
    }
    Table table =
        Table.of(
            "worker_id",
            "name",
            "online",
            "status",
            "tier",
            "skills",
            "points",
            "tasks",
            "held",
            "last_heartbeat");
    for (WorkerView worker : workers) {
      table.row(
          worker.workerId(),
          worker.name(),
          worker.online() ? "yes" : "no",
          worker.pausedBy() == null
              ? worker.status().wireName()
              : "paused by " + worker.pausedBy().wireName(),
          worker.trustTier(),
          worker.skills(),
          worker.usedPoints() + "/" + worker.capacityPoints(),
          worker.usedTasks() + "/" + worker.maxConcurrentTasks(),
          worker.heldTasks(),
          worker.lastHeartbeat());
    }
    table.print(out, null);
    return 0;
  }
}
