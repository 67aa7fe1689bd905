/**
 * What every command shares: the options mixins ({@code --server}, tokens, {@code --json}), the
 * environment the command runs in, exit codes and the one-line error reporting.
 */
@NullMarked
package dev.owp.cli.common;

import org.jspecify.annotations.NullMarked;
