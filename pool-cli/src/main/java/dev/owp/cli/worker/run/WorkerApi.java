package dev.owp.cli.worker.run;

import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.client.OwpUnreachableException;
import dev.owp.protocol.lease.WorkList;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.HeartbeatAck;
import dev.owp.protocol.worker.WorkerStatus;
import dev.owp.protocol.worker.WorkerView;
import java.net.URI;

/**
 * The part of the OWP API a worker loop uses. An interface so that the loop's retry and shutdown
 * logic can be tested against a server that fails on purpose; {@link #of} adapts the real client.
 */
public interface WorkerApi {

  /** The server, for messages. */
  URI server();

  /** The worker as the server sees it. */
  WorkerView me();

  /** Reports the worker alive; renews its leases and may grant new ones. */
  HeartbeatAck heartbeat(Heartbeat heartbeat);

  /** The tasks the worker holds. */
  WorkList work();

  /** Reports a status for a held task. */
  StatusAck updateStatus(TaskId task, StatusUpdate update);

  /** Gives a held task back to the pool. */
  StatusAck release(TaskId task, Reason reason);

  /**
   * Reports the worker stopped: paused, so that it is leased nothing more until it runs again.
   * Tried twice when the server cannot be reached: a kept-alive connection that the server has just
   * closed fails the first attempt.
   */
  default void signOff(String note) {
    Heartbeat stopped = new Heartbeat(WorkerStatus.PAUSED, note);
    try {
      heartbeat(stopped);
    } catch (OwpUnreachableException e) {
      heartbeat(stopped);
    }
  }

  /**
   * This API, calling {@code granted} whenever a report or release answers that it was granted new
   * leases, so that the loop fetches them at once rather than at its next poll.
   */
  default WorkerApi onNewLeases(Runnable granted) {
    WorkerApi api = this;
    return new WorkerApi() {
      @Override
      public URI server() {
        return api.server();
      }

      @Override
      public WorkerView me() {
        return api.me();
      }

      @Override
      public HeartbeatAck heartbeat(Heartbeat heartbeat) {
        return api.heartbeat(heartbeat);
      }

      @Override
      public WorkList work() {
        return api.work();
      }

      @Override
      public StatusAck updateStatus(TaskId task, StatusUpdate update) {
        return noted(api.updateStatus(task, update));
      }

      @Override
      public StatusAck release(TaskId task, Reason reason) {
        return noted(api.release(task, reason));
      }

      private StatusAck noted(StatusAck ack) {
        if (!ack.newLeases().isEmpty()) {
          granted.run();
        }
        return ack;
      }
    };
  }

  /** The worker API of a protocol client. */
  static WorkerApi of(OwpClient client) {
    return new WorkerApi() {
      @Override
      public URI server() {
        return client.server();
      }

      @Override
      public WorkerView me() {
        return client.me();
      }

      @Override
      public HeartbeatAck heartbeat(Heartbeat heartbeat) {
        return client.heartbeat(heartbeat);
      }

      @Override
      public WorkList work() {
        return client.work();
      }

      @Override
      public StatusAck updateStatus(TaskId task, StatusUpdate update) {
        return client.updateStatus(task, update);
      }

      @Override
      public StatusAck release(TaskId task, Reason reason) {
        return client.release(task, reason);
      }
    };
  }
}
