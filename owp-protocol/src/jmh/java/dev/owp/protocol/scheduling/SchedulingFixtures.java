package dev.owp.protocol.scheduling;

import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.task.TaskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A reproducible pool for the benchmarks: ten repositories, tasks spread over them with mixed
 * priorities, skills, areas and tiers, and workers with mixed skills and load. Seeded, so every
 * run measures the same data.
 */
final class SchedulingFixtures {

  static final int REPOS = 10;
  private static final List<String> SKILLS =
      List.of("java", "python", "docs", "sql", "typescript", "go", "rust", "css");
  private static final int AREAS_PER_REPO = 20;

  private SchedulingFixtures() {}

  static List<Candidate> readyTasks(int count, long seed) {
    Random random = new Random(seed);
    List<Candidate> tasks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String repo = repo(random.nextInt(REPOS));
      tasks.add(
          new Candidate(
              TaskId.of("t_" + Long.toHexString(seed) + "_" + i),
              repo,
              random.nextInt(5) * 25,
              i,
              1 + random.nextInt(5),
              skills(random, random.nextInt(3)),
              random.nextInt(3) == 0
                  ? Optional.empty()
                  : Optional.of(new AreaKey("area-" + random.nextInt(AREAS_PER_REPO))),
              random.nextInt(10) == 0 ? 1 : 0));
    }
    return tasks;
  }

  /** Every repository with budget left and a few areas already locked. */
  static Map<String, RepoSnapshot> repos(long seed) {
    Random random = new Random(seed);
    Map<String, RepoSnapshot> repos = new HashMap<>();
    for (int i = 0; i < REPOS; i++) {
      Set<AreaKey> locked = new HashSet<>();
      for (int a = 0; a < 5; a++) {
        locked.add(new AreaKey("area-" + random.nextInt(AREAS_PER_REPO)));
      }
      repos.put(repo(i), new RepoSnapshot(50, random.nextInt(40), true, locked));
    }
    return repos;
  }

  static List<WorkerSnapshot> workers(int count, long seed) {
    Random random = new Random(seed);
    List<WorkerSnapshot> workers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      workers.add(worker(random));
    }
    return workers;
  }

  static WorkerSnapshot worker(Random random) {
    int capacity = 5 + random.nextInt(6);
    int maxTasks = 2 + random.nextInt(3);
    int usedTasks = random.nextInt(maxTasks);
    return new WorkerSnapshot(
        skills(random, 2 + random.nextInt(3)),
        random.nextInt(4) == 0 ? 1 : 0,
        random.nextInt(20) != 0,
        random.nextInt(50) == 0,
        new WorkerLoad(usedTasks, usedTasks, capacity, maxTasks));
  }

  private static String repo(int i) {
    return "org/repo-" + i;
  }

  private static List<String> skills(Random random, int count) {
    Set<String> picked = new HashSet<>();
    while (picked.size() < count) {
      picked.add(SKILLS.get(random.nextInt(SKILLS.size())));
    }
    return List.copyOf(picked);
  }
}
