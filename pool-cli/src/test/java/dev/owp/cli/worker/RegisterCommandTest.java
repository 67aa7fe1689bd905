package dev.owp.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.protocol.json.OwpJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code pool worker register} and the config file it writes. */
@ExtendWith(PooldExtension.class)
class RegisterCommandTest {

  @TempDir Path home;

  @Test
  void registeringSavesServerIdAndTokenInAFileOnlyTheOwnerReads(PooldServer poold)
      throws IOException {
    Result result =
        Cli.bare(home)
            .run(
                "worker",
                "register",
                "--server",
                poold.url() + "/",
                "--name",
                "Alice",
                "--skills",
                "python, docs");

    Path config = home.resolve(".config/owp-pool/config.json");
    result.assertExit(ExitCodes.OK);
    assertThat(result.out())
        .containsPattern("Registered worker_id=w_[0-9a-f]{16}\n")
        .containsPattern("Token: \\S{20,}\n")
        .contains("Saved config to " + config);
    assertThat(permissions(config)).isEqualTo("rw-------");
    assertThat(permissions(config.getParent())).isEqualTo("rwx------");
    JsonNode saved = OwpJson.mapper(OwpJson.Strictness.LENIENT).readTree(Files.readString(config));
    assertThat(saved.get("server").asString()).isEqualTo(poold.url().toString());
    assertThat(result.out())
        .contains(saved.get("worker_id").asString(), saved.get("token").asString());
  }

  @Test
  void theSavedConfigIsUsedByLaterCommands(PooldServer poold) {
    Cli cli = Cli.bare(home);
    cli.run(
        "worker",
        "register",
        "--server",
        poold.url().toString(),
        "--name",
        "Alice",
        "--skills",
        "Python,docs");

    Result show = cli.run("worker", "show");

    show.assertExit(ExitCodes.OK);
    assertThat(show.out()).contains("Alice", "python,docs", "0/5 points", "0/2 tasks");
  }

  @Test
  void twoWorkersWithTheirOwnConfigFilesNeverClobberEachOther(PooldServer poold) {
    Cli cli = Cli.bare(home).set("OWP_SERVER", poold.url().toString());
    cli.run(
        "worker", "register", "--config", "alice.json", "--name", "Alice", "--skills", "python");
    cli.set("OWP_CONFIG", home.resolve("bob.json").toString());
    cli.run("worker", "register", "--name", "Bob", "--skills", "typescript", "--capacity", "3");

    Result alice = cli.run("worker", "show", "--config", "alice.json");
    Result bob = cli.run("worker", "show");

    assertThat(alice.out()).contains("Alice", "python").doesNotContain("Bob");
    assertThat(bob.out()).contains("Bob", "typescript", "0/3 points").doesNotContain("Alice");
    assertThat(home.resolve(".config")).doesNotExist();
  }

  @Test
  void noSaveOnlyPrintsTheToken(PooldServer poold) {
    Result result =
        Cli.against(poold, home).run("worker", "register", "--name", "Eve", "--no-save");

    result.assertExit(ExitCodes.OK);
    assertThat(result.out()).contains("Token: ").doesNotContain("Saved config");
    assertThat(home.resolve(".config")).doesNotExist();
  }

  @Test
  void anInvalidValueIsAUsageErrorNamingTheOption(PooldServer poold) {
    Result result =
        Cli.against(poold, home).run("worker", "register", "--name", "A", "--capacity", "0");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "pool worker register: --capacity must be between 1 and 100 "
                + "(see pool worker register --help)\n");
  }

  @Test
  void aMissingNameIsAUsageError() {
    Result result = Cli.bare(home).run("worker", "register");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing required option: '--name=NAME'");
  }

  @Test
  void aServerThatIsNoUrlIsAUsageError() {
    Result result =
        Cli.bare(home).run("worker", "register", "--name", "A", "--server", "localhost");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err()).contains("--server must be an http(s) URL", "'localhost'");
  }

  @Test
  void withoutASavedWorkerTheTokenIsMissing() {
    Result result = Cli.bare(home).run("worker", "show");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("Missing --token and no saved worker token found")
        .contains("run `pool worker register` first");
  }

  @Test
  void anUnreadableConfigFileIsReportedWithItsPath() throws IOException {
    Path config = Files.writeString(home.resolve("broken.json"), "{\"server\": ");

    Result result = Cli.bare(home).run("worker", "show", "--config", config.toString());

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("pool: cannot read the configuration " + config);
  }

  @Test
  void aConfigThatCannotBeWrittenIsRefusedBeforeRegistering(PooldServer poold) {
    Result result =
        Cli.against(poold, home)
            .run("worker", "register", "--name", "Q", "--config", "/proc/nope/x.json");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "pool: cannot write the configuration /proc/nope/x.json: "
                + "/proc/nope: no such file or directory\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aConfigThatFailsToSaveAfterRegisteringStillShowsTheToken(PooldServer poold)
      throws IOException {
    // Its folder is writable, but no file system takes a name that long.
    Path config = home.resolve("x".repeat(300) + ".json");

    Result result =
        Cli.against(poold, home)
            .run("worker", "register", "--name", "Q", "--config", config.toString());

    result.assertExit(ExitCodes.REJECTED);
    Matcher registered =
        Pattern.compile("Registered worker_id=(w_[0-9a-f]{16})\nToken: (\\S+)\n")
            .matcher(result.out());
    assertThat(registered.find()).as(result.out()).isTrue();
    assertThat(result.err())
        .startsWith("pool: cannot write the configuration " + config + ": ")
        .endsWith(
            "pool: worker "
                + registered.group(1)
                + " is registered all the same; keep its token, e.g. as OWP_TOKEN="
                + registered.group(2)
                + "\n");
    assertThat(poold.worker(registered.group(2)).me().name()).isEqualTo("Q");
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
