package dev.owp.protocol.client;

import dev.owp.protocol.admin.AdminState;
import dev.owp.protocol.client.HttpTransport.Header;
import dev.owp.protocol.event.EventPage;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.repo.RepoList;
import dev.owp.protocol.repo.RepoSaved;
import dev.owp.protocol.task.BulkResult;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskCreated;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskPage;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.TierChange;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerPage;
import dev.owp.protocol.worker.WorkerQuery;
import dev.owp.protocol.worker.WorkerView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The admin side of the OWP API. Obtain one from {@link OwpClient#admin()}. */
public final class OwpAdminClient {

  private final HttpTransport http;
  private final Header admin;

  OwpAdminClient(HttpTransport http, Header admin) {
    this.http = http;
    this.admin = admin;
  }

  /** Registers a repository or changes its budget and area locks. */
  public RepoSaved upsertRepo(RepoConfig repo) {
    return http.post("/v1/admin/repos", repo, admin, RepoSaved.class);
  }

  /** Every repository with the use of its review budget. */
  public RepoList repos() {
    return http.get("/v1/admin/repos", Map.of(), admin, RepoList.class);
  }

  /** Creates a task, or updates the one with the same key. */
  public TaskCreated createTask(TaskSpec task) {
    return http.post("/v1/admin/tasks", task, admin, TaskCreated.class);
  }

  /** Creates or updates many tasks at once: all of them, or none. */
  public BulkResult createTasks(BulkTasks tasks) {
    return http.post("/v1/admin/tasks/bulk", tasks, admin, BulkResult.class);
  }

  /** Pool-wide counts. */
  public AdminState state() {
    return http.get("/v1/admin/state", Map.of(), admin, AdminState.class);
  }

  /** A page of tasks. */
  public TaskPage tasks(TaskQuery query) {
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("repo", query.repo());
    params.put("status", query.status() == null ? null : query.status().wireName());
    params.put("limit", query.limit());
    params.put("cursor", query.cursor());
    return http.get("/v1/admin/tasks", params, admin, TaskPage.class);
  }

  /** One task. */
  public TaskView task(TaskId task) {
    return http.get(adminTask(task), Map.of(), admin, TaskView.class);
  }

  /** Sends a held task back to the pool. */
  public TaskView requeue(TaskId task, Reason reason) {
    return http.post(adminTask(task) + "/requeue", reason, admin, TaskView.class);
  }

  /** Withdraws a task that is not finished. */
  public TaskView cancel(TaskId task, Reason reason) {
    return http.post(adminTask(task) + "/cancel", reason, admin, TaskView.class);
  }

  /** A page of workers. */
  public WorkerPage workers(WorkerQuery query) {
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("online", query.online());
    params.put("limit", query.limit());
    params.put("cursor", query.cursor());
    return http.get("/v1/admin/workers", params, admin, WorkerPage.class);
  }

  /** One worker. */
  public WorkerView worker(WorkerId worker) {
    return http.get(adminWorker(worker), Map.of(), admin, WorkerView.class);
  }

  /** Stops a worker from getting new leases; only an admin can lift this pause. */
  public WorkerView pauseWorker(WorkerId worker, Reason reason) {
    return http.post(adminWorker(worker) + "/pause", reason, admin, WorkerView.class);
  }

  /** Lifts any pause on a worker. */
  public WorkerView resumeWorker(WorkerId worker) {
    return http.post(adminWorker(worker) + "/resume", Reason.NONE, admin, WorkerView.class);
  }

  /** Sets a worker's trust tier. */
  public WorkerView setTier(WorkerId worker, TierChange change) {
    return http.post(adminWorker(worker) + "/tier", change, admin, WorkerView.class);
  }

  /** Removes a worker: its token stops working and its held tasks go back to the pool. */
  public WorkerView removeWorker(WorkerId worker, Reason reason) {
    return http.delete(adminWorker(worker), reason, admin, WorkerView.class);
  }

  /** A page of the audit log. */
  public EventPage events(EventQuery query) {
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("task_id", query.taskId());
    params.put("worker_id", query.workerId());
    params.put("repo", query.repo());
    params.put("type", query.type() == null ? null : query.type().wireName());
    params.put("limit", query.limit());
    params.put("cursor", query.cursor());
    return http.get("/v1/admin/events", params, admin, EventPage.class);
  }

  private static String adminTask(TaskId task) {
    return "/v1/admin/tasks/" + HttpTransport.pathSegment(task.value());
  }

  private static String adminWorker(WorkerId worker) {
    return "/v1/admin/workers/" + HttpTransport.pathSegment(worker.value());
  }
}
