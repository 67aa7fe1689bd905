package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.owp.protocol.Require;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a worker produced: the pull request, the commit, a patch, and free-form extras.
 *
 * @param prUrl the pull request, an http(s) URL of at most 2048 characters
 * @param commitSha a commit hash, 4 to 64 hex digits
 * @param patchUrl a patch, an http(s) URL
 * @param extra anything else, at most 32 entries; no text in it, key or value, may hold a control
 *     character other than tab, line feed and carriage return
 */
public record Artifact(
    @Nullable String prUrl,
    @Nullable String commitSha,
    @Nullable String patchUrl,
    @Nullable Map<String, Object> extra) {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{4,64}");

  /** Validates every field. */
  public Artifact {
    prUrl = httpUrl("pr_url", prUrl);
    patchUrl = httpUrl("patch_url", patchUrl);
    if (commitSha != null) {
      commitSha =
          Require.matches(
              "commit_sha", commitSha.strip().toLowerCase(Locale.ROOT), SHA, "4 to 64 hex digits");
    }
    if (extra != null) {
      Require.size("extra", extra.keySet(), 32);
      requireNoControlCharacters("extra", extra);
      // Not Map.copyOf: JSON null is a legitimate value in free-form extras.
      extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
  }

  /** An artifact holding only a pull request URL. */
  public static Artifact ofPullRequest(String prUrl) {
    return new Artifact(prUrl, null, null, null);
  }

  /**
   * This artifact updated by a later report: fields the later one gives win, fields it omits are
   * kept. A worker that reports {@code merged} without repeating the PR URL keeps the URL.
   */
  public Artifact updatedBy(@Nullable Artifact later) {
    if (later == null) {
      return this;
    }
    Map<String, Object> mergedExtra = new LinkedHashMap<>();
    if (extra != null) {
      mergedExtra.putAll(extra);
    }
    if (later.extra != null) {
      mergedExtra.putAll(later.extra);
    }
    return new Artifact(
        later.prUrl != null ? later.prUrl : prUrl,
        later.commitSha != null ? later.commitSha : commitSha,
        later.patchUrl != null ? later.patchUrl : patchUrl,
        mergedExtra.isEmpty() ? null : mergedExtra);
  }

  /** True when no field is set. */
  @JsonIgnore
  public boolean isEmpty() {
    return prUrl == null
        && commitSha == null
        && patchUrl == null
        && (extra == null || extra.isEmpty());
  }

  /** Walks free-form JSON: maps, lists and their text, naming the path of a bad value. */
  private static void requireNoControlCharacters(String path, @Nullable Object value) {
    if (value instanceof String text) {
      Require.noControlCharacters(path, text);
    } else if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, item) -> {
            String name = String.valueOf(key);
            Require.noControlCharacters(path + " keys", name);
            requireNoControlCharacters(path + "." + name, item);
          });
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        requireNoControlCharacters(path + "[" + i + "]", list.get(i));
      }
    }
  }

  static @Nullable String httpUrl(String field, @Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String url = Require.text(field, raw.strip(), 1, 2048);
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // Reported below with the same message as a URL of the wrong scheme.
    }
    throw new IllegalArgumentException(field + " must be an http(s) URL: '" + url + "'");
  }
}
