package dev.owp.protocol.repo;

import dev.owp.protocol.Require;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Repository keys: a free-form name such as {@code demo}, or {@code owner/name} for a GitHub
 * repository. Letters, digits and {@code . _ / -}, starting with a letter or digit, at most 200.
 */
public final class RepoKeys {

  /** Longest key accepted. */
  public static final int MAX_LENGTH = 200;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");

  private RepoKeys() {}

  /** The trimmed key, checked. */
  public static String require(String field, @Nullable String raw) {
    String key = Require.text(field, Require.present(field, raw).strip(), 1, MAX_LENGTH);
    return Require.matches(
        field,
        key,
        SHAPE,
        "a repository key such as demo or owner/name (letters, digits and ._/-)");
  }
}
