package dev.owp.protocol.testing;

import dev.owp.protocol.admin.AdminState;
import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.lease.WorkList;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.HeartbeatAck;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerRegistration;
import dev.owp.protocol.worker.WorkerStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The records the golden files under {@code /golden/} hold, one constant per file, so that a test
 * can send or expect the same message that {@link GoldenJson} pins.
 */
public final class GoldenRecords {

  /** The {@code server_time} of the golden answers: {@code 2026-01-17T12:34:56.123+00:00}. */
  public static final Instant SERVER_TIME = Instant.parse("2026-01-17T12:34:56.123Z");

  /** The worker of the golden messages. */
  public static final WorkerId WORKER = WorkerId.of("w_0a1b2c3d4e5f6a7b");

  /** The task of the golden messages. */
  public static final TaskId TASK = TaskId.of("t_3f9c0a1b2c3d4e5f");

  /** The lease of the golden messages. */
  public static final LeaseId LEASE = LeaseId.of("l_0a1b2c3d4e5f6a7b");

  /** The pull request of the golden messages. */
  public static final String PR_URL = "https://github.com/owner/name/pull/42";

  private static final String DESCRIPTION =
      "Users land on /home instead of the page they asked for.";

  /** {@code register-request.json}. */
  public static final WorkerRegistration REGISTER_REQUEST =
      new WorkerRegistration("alice-laptop", "alice", List.of("java", "docs"), 5, 2);

  /** {@code register-response.json}. */
  public static final RegisteredWorker REGISTER_RESPONSE =
      new RegisteredWorker(WORKER, "owp_example-token-not-a-secret");

  /** {@code heartbeat-request.json}. */
  public static final Heartbeat HEARTBEAT_REQUEST =
      new Heartbeat(WorkerStatus.WORKING, "on " + TASK);

  /** {@code heartbeat-ack.json}. */
  public static final HeartbeatAck HEARTBEAT_ACK = new HeartbeatAck(true, SERVER_TIME, 1, 2);

  /** {@code work-list.json}: one fresh lease with every v0.1 field. */
  public static final WorkList WORK_LIST =
      new WorkList(
          WORKER,
          List.of(
              new LeaseView(
                  TASK,
                  "owner/name",
                  "Fix the login redirect",
                  DESCRIPTION,
                  2,
                  50,
                  "auth",
                  0,
                  List.of("java"),
                  Instant.parse("2026-01-17T13:04:56.123Z"),
                  TaskStatus.LEASED,
                  LEASE,
                  0,
                  null,
                  null)));

  /** {@code status-update-request.json}. */
  public static final StatusUpdate STATUS_UPDATE_REQUEST =
      new StatusUpdate(
          TaskStatus.PR_OPENED,
          "Opened the pull request",
          new Artifact(PR_URL, "3f9c0a1b2c3d4e5f3f9c0a1b2c3d4e5f3f9c0a1b", null, null),
          LEASE);

  /** {@code status-update-request-v01.json}: a v0.1 client, no lease id, a sparse artifact. */
  public static final StatusUpdate STATUS_UPDATE_REQUEST_V01 =
      new StatusUpdate(
          TaskStatus.MERGED, null, new Artifact(PR_URL, null, null, Map.of("ci", "green")), null);

  /** {@code repo-config-request.json}. */
  public static final RepoConfig REPO_CONFIG_REQUEST = new RepoConfig("owner/name", 2, true);

  /** {@code task-spec-request.json}. */
  public static final TaskSpec TASK_SPEC_REQUEST =
      new TaskSpec(
          "owner/name",
          "Fix the login redirect",
          DESCRIPTION,
          2,
          50,
          List.of("java", "spring"),
          "auth",
          1,
          "gh-42");

  /** {@code admin-state.json}. */
  public static final AdminState ADMIN_STATE =
      new AdminState(2, 3, 1, 1, 1, 0, 4, 0, 3, 1, SERVER_TIME);

  private GoldenRecords() {}
}
