package dev.owp.protocol.repo;

/** The answer to {@code POST /v1/admin/repos} (v0.1). */
public record RepoSaved(boolean ok, String repo) {}
