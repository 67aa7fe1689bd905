package dev.owp.poold.lease;

import dev.owp.poold.auth.WorkerTokenCache;
import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.event.EventLog;
import dev.owp.poold.task.LockOrder;
import dev.owp.poold.task.PoolReturn;
import dev.owp.poold.task.TaskMoves;
import dev.owp.poold.task.TaskRecord;
import dev.owp.poold.task.TaskRepository;
import dev.owp.poold.web.ApiException;
import dev.owp.poold.worker.WorkerRecord;
import dev.owp.poold.worker.WorkerRepository;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a worker: its token stops working at once and every task it holds goes back to the pool.
 */
@Service
class WorkerRemoval {

  private final WorkerRepository workers;
  private final TaskRepository tasks;
  private final TaskMoves moves;
  private final EventLog events;
  private final WorkerTokenCache tokens;
  private final PooldProperties properties;
  private final Clock clock;

  WorkerRemoval(
      WorkerRepository workers,
      TaskRepository tasks,
      TaskMoves moves,
      EventLog events,
      WorkerTokenCache tokens,
      PooldProperties properties,
      Clock clock) {
    this.workers = workers;
    this.tasks = tasks;
    this.moves = moves;
    this.events = events;
    this.tokens = tokens;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  WorkerView remove(WorkerId id, Reason reason) {
    Instant now = clock.instant();
    WorkerRecord worker =
        workers
            .find(id)
            .filter(record -> record.removedAt() == null)
            .orElseThrow(() -> ApiException.notFound("Worker not found: " + id));
    List<TaskRecord> held = tasks.heldBy(id);
    for (TaskRecord task :
        held.stream()
            .sorted(LockOrder.of(TaskRecord::repo, TaskRecord::area, t -> t.id().value()))
            .toList()) {
      moves.returnToPool(task, PoolReturn.WORKER_REMOVED, reason.reason(), now);
    }
    workers.remove(id, now);
    tokens.forget(id);
    events
        .record(EventType.WORKER_REMOVED, now)
        .worker(id)
        .with("reason", reason.reason())
        .with("tasks_returned", held.stream().map(TaskRecord::id).toList())
        .append();
    return workers.find(id).orElse(worker).view(0, now, properties.heartbeatTtl());
  }
}
