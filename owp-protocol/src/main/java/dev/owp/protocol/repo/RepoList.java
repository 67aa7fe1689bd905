package dev.owp.protocol.repo;

import java.util.List;

/** {@code GET /v1/admin/repos}: every repository, by key. */
public record RepoList(List<RepoView> repos) {

  /** Copies the repositories. */
  public RepoList {
    repos = List.copyOf(repos);
  }
}
