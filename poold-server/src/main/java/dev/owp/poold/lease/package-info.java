/** Leases: the work a worker holds, and the reaper that returns lapsed leases to the pool. */
@NullMarked
package dev.owp.poold.lease;

import org.jspecify.annotations.NullMarked;
