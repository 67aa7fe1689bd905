package dev.owp.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.cli.common.CliEnvironment;
import dev.owp.cli.common.StopSignal;
import dev.owp.cli.common.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the worker config lives and how it is written. */
class ConfigStoreTest {

  @TempDir Path dir;

  private CliEnvironment env(Map<String, String> variables) {
    return new CliEnvironment(variables, Map.of(), dir, false, new StopSignal());
  }

  @Test
  void theFileIsChosenByOptionThenVariableThenXdgThenHome() {
    Map<String, String> all =
        Map.of("OWP_CONFIG", "from-env.json", "XDG_CONFIG_HOME", "/xdg", "HOME", "/home/me");

    assertThat(ConfigStore.locate(Path.of("opt.json"), env(all)).file())
        .isEqualTo(dir.resolve("opt.json"));
    assertThat(ConfigStore.locate(null, env(all)).file()).isEqualTo(dir.resolve("from-env.json"));
    assertThat(
            ConfigStore.locate(null, env(Map.of("XDG_CONFIG_HOME", "/xdg", "HOME", "/home/me")))
                .file())
        .isEqualTo(Path.of("/xdg/owp-pool/config.json"));
    assertThat(ConfigStore.locate(null, env(Map.of("HOME", "/home/me"))).file())
        .isEqualTo(Path.of("/home/me/.config/owp-pool/config.json"));
  }

  @Test
  void savingReplacesTheFileWithOneOnlyTheOwnerReads() throws IOException {
    Path file = dir.resolve("nested/owp-pool/config.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    ConfigStore store = new ConfigStore(file);

    store.save(new WorkerConfig("http://h:1", "w_1", "secret"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file))
        .contains(
            "\"server\" : \"http://h:1\"", "\"worker_id\" : \"w_1\"", "\"token\" : \"secret\"")
        .endsWith("}\n");
    assertThat(store.load()).isEqualTo(new WorkerConfig("http://h:1", "w_1", "secret"));
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void aMissingFileIsAnEmptyConfigAndABrokenOneAnError() throws IOException {
    assertThat(new ConfigStore(dir.resolve("none.json")).load()).isEqualTo(WorkerConfig.EMPTY);

    Path broken = Files.writeString(dir.resolve("broken.json"), "[1, 2]");
    assertThatThrownBy(() -> new ConfigStore(broken).load())
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("cannot read the configuration " + broken);
  }

  @Test
  void theTokenStaysOutOfToString() {
    assertThat(new WorkerConfig("s", "w", "secret").toString()).doesNotContain("secret");
  }
}
