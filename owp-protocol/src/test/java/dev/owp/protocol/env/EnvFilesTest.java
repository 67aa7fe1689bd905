package dev.owp.protocol.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFilesTest {

  @TempDir Path dir;

  @Test
  void parsesExportQuotesAndInlineComments() {
    Map<String, String> values =
        EnvFiles.parse(
            List.of(
                "# a comment",
                "",
                "   ",
                "export OWP_DB=pool.db",
                "OWP_PORT = 9000   # the port",
                "OWP_HOST='0.0.0.0 # not a comment'",
                "OWP_NOTE=\"a \\\"quoted\\\" value\\nsecond line\" # comment",
                "OWP_URL=http://example.org/#fragment",
                "OWP_TAB=value\t# tab comment",
                "OWP_EMPTY=",
                "  export   OWP_INDENTED=yes",
                "this line is not an assignment",
                "9BAD=no"));

    assertThat(values)
        .containsExactly(
            Map.entry("OWP_DB", "pool.db"),
            Map.entry("OWP_PORT", "9000"),
            Map.entry("OWP_HOST", "0.0.0.0 # not a comment"),
            Map.entry("OWP_NOTE", "a \"quoted\" value\nsecond line"),
            Map.entry("OWP_URL", "http://example.org/#fragment"),
            Map.entry("OWP_TAB", "value"),
            Map.entry("OWP_EMPTY", ""),
            Map.entry("OWP_INDENTED", "yes"));
  }

  @Test
  void aLaterLineOfOneFileWins() {
    assertThat(EnvFiles.parse(List.of("A=1", "A=2"))).containsExactly(Map.entry("A", "2"));
  }

  @Test
  void envLocalWinsOverDotEnvAndBothAreRead() throws IOException {
    // v0.1 (bug 22) read only the first file it found, .env before env.local.
    Files.writeString(dir.resolve(".env"), "OWP_DB=from-dotenv.db\nOWP_PORT=1111\n");
    Files.writeString(dir.resolve("env.local"), "OWP_DB=from-env-local.db\n");

    Map<String, String> values = EnvFiles.load(dir, null);

    assertThat(values)
        .containsEntry("OWP_DB", "from-env-local.db")
        .containsEntry("OWP_PORT", "1111")
        .hasSize(2);
  }

  @Test
  void anExplicitFileWinsOverTheDefaultOnes() throws IOException {
    Files.writeString(dir.resolve("env.local"), "OWP_DB=local.db\nOWP_CYCLE=7\n");
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf/pool.env"), "OWP_DB=explicit.db\n");

    Map<String, String> values = EnvFiles.load(dir, "conf/pool.env");

    assertThat(values).containsEntry("OWP_DB", "explicit.db").containsEntry("OWP_CYCLE", "7");
  }

  @Test
  void noFilesMeansNoValues() {
    assertThat(EnvFiles.load(dir, null)).isEmpty();
    assertThat(EnvFiles.load(dir, "  ")).isEmpty();
  }

  @Test
  void aMissingExplicitFileIsAnError() {
    assertThatThrownBy(() -> EnvFiles.load(dir, "missing.env"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("OWP_ENV_FILE names ")
        .hasMessageContaining("missing.env")
        .hasMessageContaining("does not exist");
  }

  @Test
  void theRealEnvironmentWinsOverTheFiles() {
    EnvFiles.Lookup lookup =
        EnvFiles.lookup(
            Map.of("OWP_DB", "real.db"), Map.of("OWP_DB", "file.db", "OWP_PORT", "9000"));

    assertThat(lookup.get("OWP_DB")).contains("real.db");
    assertThat(lookup.get("OWP_PORT")).contains("9000");
    assertThat(lookup.get("OWP_HOST")).isEmpty();
  }

  @Test
  void anEmptyRealValueStillWins() {
    EnvFiles.Lookup lookup = EnvFiles.lookup(Map.of("OWP_DB", ""), Map.of("OWP_DB", "file.db"));

    assertThat(lookup.get("OWP_DB")).contains("");
  }
}
