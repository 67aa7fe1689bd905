package dev.owp.poold.repo;

import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.Reader;
import dev.owp.protocol.budget.ReviewBudget;
import dev.owp.protocol.repo.RepoView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only views of repositories and their budgets, for admins and the dashboard. */
@Component
public class RepoQueries {

  private static final String REPOS =
      """
      SELECT repo, max_open_prs, area_locks_enabled, held, created_at
        FROM repo
       ORDER BY repo
      """;

  private static final String READY_AND_OPEN_COUNTS =
      """
      SELECT repo, status, COUNT(*) AS n
        FROM task
       WHERE status IN ('ready', 'pr_opened')
       GROUP BY repo, status
      """;

  private final JdbcClient jdbc;

  RepoQueries(@Reader JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every repository, by key, with its budget use. */
  public List<RepoView> all() {
    Map<String, int[]> counts = new HashMap<>();
    jdbc.sql(READY_AND_OPEN_COUNTS)
        .query(
            rs -> {
              int[] c = counts.computeIfAbsent(rs.getString("repo"), key -> new int[2]);
              c["ready".equals(rs.getString("status")) ? 0 : 1] = rs.getInt("n");
            });
    return jdbc.sql(REPOS)
        .query(
            (rs, i) -> {
              String repo = rs.getString("repo");
              int[] c = counts.getOrDefault(repo, new int[2]);
              int held = rs.getInt("held");
              int max = rs.getInt("max_open_prs");
              return new RepoView(
                  repo,
                  max,
                  rs.getBoolean("area_locks_enabled"),
                  held,
                  c[1],
                  c[0],
                  ReviewBudget.isThrottled(held, max),
                  EpochMillis.read(rs, "created_at"));
            })
        .list();
  }
}
