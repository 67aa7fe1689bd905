/**
 * {@code pool bench}: a load generator that drives a real poold through the whole task loop with
 * many simulated workers and reports throughput, latency per endpoint, errors, the server's own
 * figures, and whether every task completed exactly once.
 */
@NullMarked
package dev.owp.cli.bench;

import org.jspecify.annotations.NullMarked;
