/**
 * {@code pool admin import-github-issues}: turns labelled GitHub issues into pool tasks. {@link
 * dev.owp.cli.github.GithubIssueSource} is the only class that talks to GitHub; the label
 * conventions ({@link dev.owp.cli.github.IssueLabels}) and the import plan ({@link
 * dev.owp.cli.github.IssueImport}) are plain functions of what it returns.
 */
@NullMarked
package dev.owp.cli.github;

import org.jspecify.annotations.NullMarked;
