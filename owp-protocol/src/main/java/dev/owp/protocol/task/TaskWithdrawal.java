package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.owp.protocol.Require;
import dev.owp.protocol.repo.RepoKeys;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@link BulkTasks#withdraw()}: the task with this key is cancelled if no worker has
 * started it (it is still {@code ready}); a task a worker holds or finished is kept as it is.
 *
 * @param repo a registered repository key
 * @param key the task's key
 * @param reason why, recorded on the task, e.g. "issue #12 was closed"; at most 500 characters
 */
public record TaskWithdrawal(String repo, String key, @Nullable String reason) {

  /** Validates every field. */
  public TaskWithdrawal {
    repo = RepoKeys.require("repo", repo);
    key = Require.text("key", Require.present("key", key).strip(), 1, 200);
    Require.optionalText("reason", reason, 500);
  }

  /** The entry as sent on the wire. */
  @JsonCreator
  public static TaskWithdrawal of(
      @Nullable String repo, @Nullable String key, @Nullable String reason) {
    return new TaskWithdrawal(RepoKeys.require("repo", repo), Require.present("key", key), reason);
  }
}
