package dev.owp.cli.worker;

import dev.owp.cli.common.OutputOptions;
import dev.owp.cli.common.Table;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.cli.connect.WorkerTokenOptions;
import dev.owp.protocol.worker.WorkerView;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pool worker show}: the worker as poold sees it. */
@Command(name = "show", description = "Shows the worker as poold sees it.")
final class ShowCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin WorkerTokenOptions token = new WorkerTokenOptions();
  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    WorkerView me = token.connect(server).me();
    PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
    if (output.json()) {
      OutputOptions.printJson(out, me);
      return 0;
    }
    Table.of("field", "value")
        .row("worker_id", me.workerId())
        .row("name", me.name())
        .row("github_handle", me.githubHandle())
        .row("skills", me.skills())
        .row("capacity", me.usedPoints() + "/" + me.capacityPoints() + " points")
        .row("concurrency", me.usedTasks() + "/" + me.maxConcurrentTasks() + " tasks")
        .row("held_tasks", me.heldTasks())
        .row("status", me.status().wireName())
        .row("paused_by", me.pausedBy() == null ? null : me.pausedBy().wireName())
        .row("trust_tier", me.trustTier())
        .row("online", me.online() ? "yes" : "no")
        .row("last_heartbeat", me.lastHeartbeat())
        .print(out, null);
    return 0;
  }
}
