/**
 * The worker's saved configuration: server, worker id and token, in a file only its owner reads.
 */
@NullMarked
package dev.owp.cli.config;

import org.jspecify.annotations.NullMarked;
