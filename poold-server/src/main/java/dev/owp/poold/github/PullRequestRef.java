package dev.owp.poold.github;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pull request on GitHub (or GitHub Enterprise): {@code owner/name#number}, lower-cased so that
 * the URL a worker reported and the one in a webhook match.
 */
record PullRequestRef(String owner, String name, int number) {

  private static final Pattern PATH =
      Pattern.compile(
          "^(?:/api/v3)?(?:/repos)?/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)/pulls?/([0-9]{1,9})(?:/.*)?$");

  PullRequestRef {
    owner = owner.toLowerCase(Locale.ROOT);
    name = name.toLowerCase(Locale.ROOT);
  }

  /**
   * The pull request a URL points at: a web page such as {@code
   * https://github.com/o/r/pull/12/files} or an API URL such as {@code
   * https://api.github.com/repos/o/r/pulls/12}.
   */
  static Optional<PullRequestRef> parse(String url) {
    try {
      String path = URI.create(url.strip()).getPath();
      Matcher m = path == null ? null : PATH.matcher(path);
      if (m == null || !m.matches()) {
        return Optional.empty();
      }
      return Optional.of(new PullRequestRef(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
    } catch (IllegalArgumentException e) {
      // Not a URL at all: the task is simply not one poold can follow.
      return Optional.empty();
    }
  }

  /** The reference stored as {@link #key()}. */
  static PullRequestRef ofKey(String key) {
    int slash = key.indexOf('/');
    int hash = key.lastIndexOf('#');
    return new PullRequestRef(
        key.substring(0, slash),
        key.substring(slash + 1, hash),
        Integer.parseInt(key.substring(hash + 1)));
  }

  /** The form stored in {@code github_pr_watch.pr_url}: {@code owner/name#12}. */
  String key() {
    return owner + "/" + name + "#" + number;
  }

  /** The REST path of the pull request. */
  String apiPath() {
    return "/repos/" + owner + "/" + name + "/pulls/" + number;
  }
}
