package dev.owp.cli.testing;

import dev.owp.protocol.client.OwpAdminClient;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerRegistration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data on a shared poold. Every test works in repositories and with skills of its own, so that
 * a worker of one test never takes another test's task.
 */
public final class TestPool {

  private final PooldServer server;
  private final OwpAdminClient admin;

  /** Test data on {@code server}. */
  public TestPool(PooldServer server) {
    this.server = server;
    this.admin = server.admin();
  }

  /** A fresh name with {@code prefix}, e.g. {@code repo-1a2b3c4d}. */
  public static String unique(String prefix) {
    byte[] bytes = new byte[4];
    ThreadLocalRandom.current().nextBytes(bytes);
    return prefix + "-" + HexFormat.of().formatHex(bytes);
  }

  /** A new repository with review budget {@code maxOpenPrs}. */
  public String repo(int maxOpenPrs) {
    String repo = unique("repo");
    admin.upsertRepo(new RepoConfig(repo, maxOpenPrs, true));
    return repo;
  }

  /** A new ready task needing {@code skill}. */
  public TaskId task(String repo, String title, String skill) {
    TaskSpec spec = new TaskSpec(repo, title, "do " + title, 1, 10, List.of(skill), null, 0, null);
    return admin.createTask(spec).taskId();
  }

  /** Registers a worker with {@code skill}; returns its id and token. */
  public RegisteredWorker worker(String skill, int maxConcurrent) {
    return server
        .worker("unused")
        .register(WorkerRegistration.of(unique("worker"), null, List.of(skill), 10, maxConcurrent));
  }

  /** The task as the server sees it now. */
  public TaskView view(TaskId task) {
    return admin.task(task);
  }

  /** The admin client. */
  public OwpAdminClient admin() {
    return admin;
  }
}
