package dev.owp.cli.common;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** File-system failures in the words a shell would use, without exception class names. */
public final class IoFailure {

  private IoFailure() {}

  /** Why {@code e} happened, e.g. {@code no such file or directory}. */
  public static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException failure && failure.getReason() != null) {
      return failure.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /** The file and why, e.g. {@code /proc/nope: no such file or directory}. */
  public static String describe(IOException e) {
    return e instanceof FileSystemException failure && failure.getFile() != null
        ? failure.getFile() + ": " + why(e)
        : why(e);
  }
}
