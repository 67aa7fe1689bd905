package dev.owp.cli.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Small shell scripts for {@code pool worker run --exec}. */
public final class Scripts {

  private Scripts() {}

  /** An executable script {@code name} in {@code dir} with {@code body} after the shebang. */
  public static Path write(Path dir, String name, String body) {
    try {
      Path script = dir.resolve(name);
      Files.writeString(script, "#!/bin/sh\n" + body + "\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
