/**
 * How a command reaches poold: {@code --server} and the worker or admin token, each falling back to
 * the environment and then to the saved configuration.
 */
@NullMarked
package dev.owp.cli.connect;

import org.jspecify.annotations.NullMarked;
