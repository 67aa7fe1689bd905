/**
 * Leases: a worker's hold on a task, renewed by its heartbeats, and the view of a worker's current
 * work.
 */
@NullMarked
package dev.owp.protocol.lease;

import org.jspecify.annotations.NullMarked;
