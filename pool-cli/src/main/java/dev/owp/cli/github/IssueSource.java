package dev.owp.cli.github;

import java.util.List;
import java.util.Optional;

/** Where issues come from: GitHub, or a fake in tests. */
public interface IssueSource {

  /** What one listing returned. */
  record Listing(List<GithubIssue> issues, boolean more) {}

  /**
   * The open issues with {@code label}, pull requests included, following every page until {@code
   * limit} issues are read; pull requests do not count toward {@code limit}.
   *
   * @return the issues, and whether more remained beyond {@code limit}
   * @throws GithubAccessException when GitHub refuses or cannot be reached
   */
  Listing openIssuesLabelled(String label, int limit);

  /**
   * One issue, open or closed; empty when it does not exist (any more).
   *
   * @throws GithubAccessException when GitHub refuses or cannot be reached
   */
  Optional<GithubIssue> issue(int number);
}
