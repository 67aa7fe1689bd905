/**
 * The worker loop behind {@code pool worker run}: heartbeats and polls with back-off, and either a
 * table of the worker's leases or, with {@code --exec}, one local command per lease whose outcome
 * becomes the task's status.
 */
@NullMarked
package dev.owp.cli.worker.run;

import org.jspecify.annotations.NullMarked;
