package dev.owp.poold.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The statements that read the queue heads of several repositories at once, from one sub-select
 * that reads the head of the repository its {@link #REPO} placeholder names. Every sub-select still
 * walks only its repository's queue index.
 */
abstract sealed class QueueHeadStatements {

  /** Where the sub-select's repository is bound. */
  static final String REPO = "%REPO%";

  /**
   * One sub-select per repository, the i-th bound to {@code :repo<i>}, joined by {@code UNION ALL};
   * each size is built the first time it is needed, a handful of sizes in practice. For SQLite,
   * which allows at most 500 terms in a compound select.
   */
  static QueueHeadStatements unionAll(String subSelect) {
    return new UnionAll(subSelect);
  }

  /**
   * The sub-select run for each element of an array parameter through a lateral join: one statement
   * whatever the number of repositories, which PostgreSQL plans as one sub-select. It plans a
   * statement anew for almost every call (the queue heads' cost depends on the values bound), and
   * planning ten sub-selects cost it more than running them.
   */
  static QueueHeadStatements lateral(String subSelect) {
    return new Lateral(subSelect);
  }

  /**
   * The statement for {@code repos} (one of {@link #batches}), with each repository bound; other
   * parameters are not.
   */
  abstract StatementSpec prepare(JdbcClient jdbc, List<String> repos);

  /** {@code repos} cut into lists that one statement each reads. */
  final List<List<String>> batches(List<String> repos) {
    int most = maxRepos();
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < repos.size(); from += most) {
      batches.add(repos.subList(from, Math.min(repos.size(), from + most)));
    }
    return batches;
  }

  /** The most repositories one statement reads. */
  abstract int maxRepos();

  private static final class UnionAll extends QueueHeadStatements {

    private static final int MAX_REPOS = 50;

    private final String subSelect;
    private final Map<Integer, String> bySize = new ConcurrentHashMap<>();

    private UnionAll(String subSelect) {
      this.subSelect = subSelect;
    }

    private String ofSize(int repos) {
      return IntStream.range(0, repos)
          .mapToObj(i -> "SELECT * FROM (\n" + subSelect.replace(REPO, ":repo" + i) + ") head" + i)
          .collect(Collectors.joining("\nUNION ALL\n"));
    }

    @Override
    StatementSpec prepare(JdbcClient jdbc, List<String> repos) {
      StatementSpec statement = jdbc.sql(bySize.computeIfAbsent(repos.size(), this::ofSize));
      for (int i = 0; i < repos.size(); i++) {
        statement = statement.param("repo" + i, repos.get(i));
      }
      return statement;
    }

    @Override
    int maxRepos() {
      return MAX_REPOS;
    }
  }

  private static final class Lateral extends QueueHeadStatements {

    private final String statement;

    private Lateral(String subSelect) {
      this.statement =
          """
          SELECT head.*
            FROM unnest(CAST(:repos AS text[])) AS r(repo)
           CROSS JOIN LATERAL (
          %s) head
          """
              .formatted(subSelect.replace(REPO, "r.repo"));
    }

    @Override
    StatementSpec prepare(JdbcClient jdbc, List<String> repos) {
      return jdbc.sql(statement).param("repos", repos.toArray(String[]::new));
    }

    @Override
    int maxRepos() {
      return Integer.MAX_VALUE;
    }
  }
}
