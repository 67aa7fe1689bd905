package dev.owp.poold.schedule;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The statements that read the queue heads of n repositories at once: one sub-select per
 * repository, the i-th reading the repository bound to {@code :repo<i>}, joined by {@code UNION
 * ALL}. Each size is built the first time it is needed: a handful of sizes in practice.
 */
final class QueueHeadStatements {

  private final IntFunction<String> subSelect;
  private final Map<Integer, String> bySize = new ConcurrentHashMap<>();

  /**
   * @param subSelect the sub-select of the i-th repository
   */
  QueueHeadStatements(IntFunction<String> subSelect) {
    this.subSelect = subSelect;
  }

  /** The statement for {@code repos}, with each repository bound; other parameters are not. */
  StatementSpec prepare(JdbcClient jdbc, List<String> repos) {
    StatementSpec statement = jdbc.sql(of(repos.size()));
    for (int i = 0; i < repos.size(); i++) {
      statement = statement.param("repo" + i, repos.get(i));
    }
    return statement;
  }

  private String of(int repos) {
    return bySize.computeIfAbsent(
        repos,
        n -> IntStream.range(0, n).mapToObj(subSelect).collect(Collectors.joining("UNION ALL\n")));
  }
}
