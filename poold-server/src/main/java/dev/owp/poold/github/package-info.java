/**
 * GitHub integration: poold follows the pull requests of {@code pr_opened} tasks (polling with
 * conditional requests, and the {@code POST /v1/github/webhook} endpoint), and comments on the
 * issues of repositories that opted in to write-back. Every GitHub call runs outside a database
 * transaction; what it learnt is applied afterwards with the usual version-guarded updates.
 */
@NullMarked
package dev.owp.poold.github;

import org.jspecify.annotations.NullMarked;
