package dev.owp.cli.config;

import dev.owp.cli.common.CliEnvironment;
import dev.owp.cli.common.IoFailure;
import dev.owp.cli.common.UsageException;
import dev.owp.protocol.json.OwpJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file holding one worker's {@link WorkerConfig}. It holds a bearer token, so it is written
 * atomically (a crash never leaves half a file) and readable only by its owner (mode 0600, in a
 * folder of mode 0700 when pool creates it). The original wrote it with the umask's permissions.
 *
 * <p>Which file: {@code --config FILE}, else {@code OWP_CONFIG}, else {@code
 * $XDG_CONFIG_HOME/owp-pool/config.json}, else {@code ~/.config/owp-pool/config.json}. Two workers
 * on one machine use two files.
 */
public final class ConfigStore {

  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final JsonMapper JSON =
      OwpJson.configure(JsonMapper.builder(), OwpJson.Strictness.LENIENT)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final Path file;

  /** The store at {@code file}. */
  public ConfigStore(Path file) {
    this.file = file.toAbsolutePath();
  }

  /** The store chosen by {@code --config} (may be null) and the environment. */
  public static ConfigStore locate(@Nullable Path option, CliEnvironment env) {
    if (option != null) {
      return new ConfigStore(env.resolve(option));
    }
    return new ConfigStore(
        env.variable("OWP_CONFIG")
            .map(name -> env.resolve(Path.of(name)))
            .orElseGet(
                () ->
                    env.variable("XDG_CONFIG_HOME")
                        .map(Path::of)
                        .orElseGet(() -> env.home().resolve(".config"))
                        .resolve("owp-pool")
                        .resolve("config.json")));
  }

  /** Where the configuration lives. */
  public Path file() {
    return file;
  }

  /**
   * The saved configuration, or {@link WorkerConfig#EMPTY} when there is no file.
   *
   * @throws UsageException when the file cannot be read or is not a JSON object
   */
  public WorkerConfig load() {
    if (!Files.exists(file)) {
      return WorkerConfig.EMPTY;
    }
    try {
      WorkerConfig config =
          JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), WorkerConfig.class);
      return config == null ? WorkerConfig.EMPTY : config;
    } catch (IOException | JacksonException e) {
      throw new UsageException(
          "cannot read the configuration " + file + ": " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * Makes sure {@link #save} can write where the file goes: creates its folder (mode 0700) when
   * missing, and checks that the folder is writable. Called before anything is asked of the server
   * that the saved file would have to keep, such as a new worker's token.
   *
   * @throws UsageException when the folder cannot be created or is not writable
   */
  public void prepare() {
    try {
      createFolder();
    } catch (IOException e) {
      throw new UsageException(
          "cannot write the configuration " + file + ": " + IoFailure.describe(e), e);
    }
    if (!Files.isWritable(file.getParent())) {
      throw new UsageException(
          "cannot write the configuration " + file + ": " + file.getParent() + " is not writable");
    }
  }

  /** Replaces the saved configuration, atomically, readable only by the owner. */
  public void save(WorkerConfig config) {
    try {
      Path dir = createFolder();
      Path temp = Files.createTempFile(dir, ".config-", ".tmp", ownerOnly());
      try {
        Files.writeString(temp, JSON.writeValueAsString(config) + "\n", StandardCharsets.UTF_8);
        restrict(temp, OWNER_FILE);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UsageException(
          "cannot write the configuration " + file + ": " + IoFailure.describe(e), e);
    }
  }

  private Path createFolder() throws IOException {
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      restrict(dir, OWNER_DIR);
    }
    return dir;
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] ownerOnly() {
    return posix()
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
        : new FileAttribute<?>[0];
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
    // Set explicitly: permissions given at creation pass through the umask.
    if (posix()) {
      Files.setPosixFilePermissions(path, permissions);
    }
  }

  private static String firstLine(@Nullable String message) {
    String text = String.valueOf(message);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
