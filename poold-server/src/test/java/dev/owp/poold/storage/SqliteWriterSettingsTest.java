package dev.owp.poold.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The settings of the connection that makes every SQLite write (the primary one), as poold opens
 * it.
 */
@ExtendWith(TestDatabase.OnlySqlite.class)
class SqliteWriterSettingsTest extends PooldIntegrationTest {

  @Test
  void theWriterLogsAheadAndKeepsItsSavepointsJournalInMemory() {
    Map<String, Object> settings =
        Map.of(
            "journal_mode", pragma("journal_mode"),
            "synchronous", pragma("synchronous"),
            "temp_store", pragma("temp_store"));

    assertThat(settings)
        .containsEntry("journal_mode", "wal")
        .containsEntry("synchronous", "1") // NORMAL: the log is synced at checkpoints
        .containsEntry("temp_store", "2"); // MEMORY: no temporary file per grouped transaction
  }

  private String pragma(String name) {
    return jdbc.sql("PRAGMA " + name).query(String.class).single();
  }
}
