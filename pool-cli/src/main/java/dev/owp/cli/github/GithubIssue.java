package dev.owp.cli.github;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An issue as the importer needs it.
 *
 * @param open false once the issue is closed
 * @param pullRequest true for a pull request, which GitHub lists among issues
 */
public record GithubIssue(
    int number,
    String title,
    @Nullable String body,
    String url,
    boolean open,
    boolean pullRequest,
    List<String> labels) {

  /** Copies the labels. */
  public GithubIssue {
    labels = List.copyOf(labels);
  }

  /** True when it carries {@code label}, compared case-insensitively as GitHub does. */
  public boolean hasLabel(String label) {
    return labels.stream().anyMatch(l -> l.equalsIgnoreCase(label));
  }
}
