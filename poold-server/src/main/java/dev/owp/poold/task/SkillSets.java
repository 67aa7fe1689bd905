package dev.owp.poold.task;

import dev.owp.poold.storage.AfterCommit;
import dev.owp.poold.storage.JsonColumns;
import dev.owp.protocol.scheduling.Skills;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code skill_set} table: every distinct set of skills that tasks require, with an id. A task
 * row holds its set's id, so a claim decides which tasks a worker's skills cover by matching the
 * worker against the few sets once, then comparing ids row by row; taking each task's skill list
 * apart in SQL cost three times as much as the rest of reading a queue head.
 *
 * <p>A set is never changed or deleted once written, so each replica keeps the sets it has read and
 * reads the table again only when its row count says another set has been added. What was read
 * inside a transaction is kept only once that transaction commits: it may have seen its own new
 * sets, which a rollback takes back.
 */
@Component
public class SkillSets {

  private static final String FIND = "SELECT id FROM skill_set WHERE skills = :skills";

  private static final String ADD =
      "INSERT INTO skill_set (skills) VALUES (:skills) ON CONFLICT (skills) DO NOTHING";

  /**
   * The number of sets, as a scalar sub-select a caller adds to a statement it reads anyway: a
   * claim learns whether the sets it knows are current without a round trip of its own.
   */
  public static final String COUNT = "(SELECT COUNT(*) FROM skill_set)";

  private static final String ALL = "SELECT id, skills FROM skill_set";

  /** Skills in the order the migration that created the table sorts them: by code point. */
  private static final Comparator<String> CODE_POINT_ORDER =
      Comparator.comparing((String skill) -> skill.codePoints().toArray(), Arrays::compare);

  /** The sets this replica has read: an immutable snapshot, replaced whole. */
  private record Known(Map<Long, List<String>> byId) {}

  private final JdbcClient writer;
  private volatile Known known = new Known(Map.of());

  SkillSets(JdbcClient writer) {
    this.writer = writer;
  }

  /**
   * The id of the set {@code requiredSkills} (normalised) makes, added if it is new. Runs in the
   * caller's write transaction, so a set added by a write that is rolled back goes with it.
   */
  long idOf(List<String> requiredSkills) {
    String skills = JsonColumns.write(requiredSkills.stream().sorted(CODE_POINT_ORDER).toList());
    Optional<Long> id = writer.sql(FIND).param("skills", skills).query(Long.class).optional();
    if (id.isPresent()) {
      return id.get();
    }
    // ON CONFLICT: another replica may add the same set at the same moment.
    writer.sql(ADD).param("skills", skills).update();
    return writer.sql(FIND).param("skills", skills).query(Long.class).single();
  }

  /**
   * What a worker with {@code workerSkills} (normalised) can take: the ids of the sets its skills
   * cover, and each set's skills. {@code setCount} is the table's row count ({@link #COUNT}) as the
   * claim read it; when the sets known here are fewer, they are read again through {@code jdbc},
   * the connection the claim reads the queues through.
   */
  public Coverage coveredBy(Collection<String> workerSkills, long setCount, JdbcClient jdbc) {
    Set<String> have = Set.copyOf(workerSkills);
    Map<Long, List<String>> covered = new HashMap<>();
    current(setCount, jdbc)
        .byId()
        .forEach(
            (id, skills) -> {
              if (Skills.covers(have, skills)) {
                covered.put(id, skills);
              }
            });
    return new Coverage(covered);
  }

  private Known current(long setCount, JdbcClient jdbc) {
    Known now = known;
    if (setCount == now.byId().size()) {
      return now;
    }
    Map<Long, List<String>> byId = new HashMap<>();
    jdbc.sql(ALL)
        .query(
            (RowCallbackHandler)
                rs -> byId.put(rs.getLong("id"), JsonColumns.strings(rs.getString("skills"))));
    Known read = new Known(Map.copyOf(byId));
    AfterCommit.run(() -> known = read);
    return read;
  }

  /** The skill sets one worker covers. */
  public static final class Coverage {

    private final Map<Long, List<String>> sets;
    private final String ids;

    private Coverage(Map<Long, List<String>> sets) {
      this.sets = sets;
      List<String> sorted = new ArrayList<>();
      sets.keySet().stream().sorted().forEach(id -> sorted.add(id.toString()));
      this.ids = "," + String.join(",", sorted) + ",";
    }

    /** Whether the worker covers no set at all, and so can take no task. */
    public boolean isEmpty() {
      return sets.isEmpty();
    }

    /**
     * The covered ids as one delimited string, {@code ",3,7,"}, for a SQL condition that finds
     * {@code ',' || skill_set || ','} in it: one parameter whatever the number of sets.
     */
    public String ids() {
      return ids;
    }

    /** Whether the worker covers set {@code id}. */
    public boolean covers(long id) {
      return sets.containsKey(id);
    }

    /** The skills of covered set {@code id}. */
    public List<String> skills(long id) {
      List<String> skills = sets.get(id);
      if (skills == null) {
        throw new IllegalArgumentException("skill set " + id + " is not covered");
      }
      return skills;
    }
  }
}
