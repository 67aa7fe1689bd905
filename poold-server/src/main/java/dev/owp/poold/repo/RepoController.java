package dev.owp.poold.repo;

import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.repo.RepoList;
import dev.owp.protocol.repo.RepoSaved;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/admin/repos}: register repositories and read their budgets (admin token). */
@RestController
@RequestMapping("/v1/admin/repos")
class RepoController {

  private final RepoService repos;
  private final RepoQueries queries;

  RepoController(RepoService repos, RepoQueries queries) {
    this.repos = repos;
    this.queries = queries;
  }

  /** Registers a repository or changes its settings (v0.1: {@code {"ok": true, "repo": …}}). */
  @PostMapping
  RepoSaved upsert(@RequestBody RepoConfig config) {
    repos.upsert(config);
    return new RepoSaved(true, config.repo());
  }

  /** Every repository with the use of its review budget. */
  @GetMapping
  RepoList list() {
    return new RepoList(queries.all());
  }
}
