package dev.owp.poold.replicas;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays the audit log in id order and reports every instant at which an invariant was broken: a
 * task held by two workers, a repository over its review budget, two held tasks of one repository
 * in one area, or a worker over its capacity.
 *
 * <p>Id order is a valid replay order for this purpose: two changes that compete for the same row
 * (a task, a repository's budget, an area lock, a worker's capacity) are serialised by the
 * database, and the later one draws its event id after the earlier one committed.
 */
final class EventLogChecker {

  private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z_]+)\"");

  private record Task(String repo, String area, int points) {}

  private record Repo(int budget, boolean locks) {}

  private record Worker(int capacity, int slots) {}

  private final Map<String, Task> tasks = new HashMap<>();
  private final Map<String, Repo> repos = new HashMap<>();
  private final Map<String, Worker> workers = new HashMap<>();
  private final List<String> violations = new ArrayList<>();

  private final Map<String, String> holder = new HashMap<>();
  private final Map<String, Integer> heldPerRepo = new HashMap<>();
  private final Set<String> lockedAreas = new HashSet<>();
  private final Map<String, int[]> activeLoad = new HashMap<>();
  private final Set<String> active = new HashSet<>();
  private final Map<String, Integer> merges = new HashMap<>();

  /** Reads the pool's definitions, then replays its events; returns the violations found. */
  List<String> check(Connection db) throws SQLException {
    try (Statement statement = db.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery("SELECT task_id, repo, area, estimate_points FROM task")) {
        while (rs.next()) {
          tasks.put(rs.getString(1), new Task(rs.getString(2), rs.getString(3), rs.getInt(4)));
        }
      }
      try (ResultSet rs =
          statement.executeQuery("SELECT repo, max_open_prs, area_locks_enabled FROM repo")) {
        while (rs.next()) {
          repos.put(rs.getString(1), new Repo(rs.getInt(2), rs.getInt(3) == 1));
        }
      }
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT worker_id, capacity_points, max_concurrent_tasks FROM worker")) {
        while (rs.next()) {
          workers.put(rs.getString(1), new Worker(rs.getInt(2), rs.getInt(3)));
        }
      }
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT id, type, task_id, worker_id, details FROM event WHERE type LIKE 'task.%' ORDER BY id")) {
        while (rs.next()) {
          apply(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
        }
      }
    }
    return violations;
  }

  /** How many times each task was merged. */
  Map<String, Integer> merges() {
    return merges;
  }

  private void apply(long id, String type, String taskId, String actor, String details) {
    Task task = tasks.get(taskId);
    if (task == null) {
      return;
    }
    switch (type) {
      case "task.leased" -> lease(id, taskId, task, actor);
      case "task.status" -> status(id, taskId, task, match(STATUS, details));
      case "task.released", "task.requeued" -> {
        if (!holder.containsKey(taskId)) {
          violations.add("event " + id + ": " + type + " of task " + taskId + " that nobody holds");
        } else {
          unhold(taskId, task);
        }
      }
      case "task.cancelled" -> {
        if (holder.containsKey(taskId)) {
          unhold(taskId, task);
        }
      }
      default -> {}
    }
  }

  private void lease(long id, String taskId, Task task, String worker) {
    if (holder.containsKey(taskId)) {
      violations.add(
          "event "
              + id
              + ": task "
              + taskId
              + " leased to "
              + worker
              + " while held by "
              + holder.get(taskId));
    }
    holder.put(taskId, worker);
    int held = heldPerRepo.merge(task.repo(), 1, Integer::sum);
    Repo repo = repos.get(task.repo());
    if (held > repo.budget()) {
      violations.add(
          "event "
              + id
              + ": repo "
              + task.repo()
              + " holds "
              + held
              + " tasks, budget "
              + repo.budget());
    }
    if (repo.locks() && task.area() != null && !lockedAreas.add(task.repo() + "/" + task.area())) {
      violations.add("event " + id + ": area " + task.repo() + "/" + task.area() + " held twice");
    }
    activate(id, taskId, task, worker);
  }

  private void status(long id, String taskId, Task task, String status) {
    String worker = holder.get(taskId);
    if (worker == null) {
      violations.add(
          "event " + id + ": status " + status + " for task " + taskId + " that nobody holds");
      return;
    }
    boolean nowActive = status.equals("in_progress");
    if (nowActive && !active.contains(taskId)) {
      activate(id, taskId, task, worker);
    } else if (!nowActive && active.contains(taskId)) {
      deactivate(taskId, task, worker);
    }
    if (status.equals("merged")) {
      merges.merge(taskId, 1, Integer::sum);
      unhold(taskId, task);
    }
  }

  private void activate(long id, String taskId, Task task, String worker) {
    active.add(taskId);
    int[] load = activeLoad.computeIfAbsent(worker, w -> new int[2]);
    load[0] += task.points();
    load[1] += 1;
    Worker limits = workers.get(worker);
    if (limits != null && (load[0] > limits.capacity() || load[1] > limits.slots())) {
      violations.add(
          "event "
              + id
              + ": worker "
              + worker
              + " uses "
              + load[0]
              + " points / "
              + load[1]
              + " tasks");
    }
  }

  private void deactivate(String taskId, Task task, String worker) {
    active.remove(taskId);
    int[] load = activeLoad.get(worker);
    load[0] -= task.points();
    load[1] -= 1;
  }

  private void unhold(String taskId, Task task) {
    String worker = holder.remove(taskId);
    if (active.contains(taskId)) {
      deactivate(taskId, task, worker);
    }
    heldPerRepo.merge(task.repo(), -1, Integer::sum);
    if (task.area() != null) {
      lockedAreas.remove(task.repo() + "/" + task.area());
    }
  }

  private static String match(Pattern pattern, String details) {
    Matcher matcher = pattern.matcher(details);
    return matcher.find() ? matcher.group(1) : "";
  }
}
