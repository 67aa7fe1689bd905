/**
 * What poold tells Prometheus ({@code /actuator/prometheus}): counters of the scheduler's decisions
 * (leases granted and renewed, tasks returned to the pool by reason) and gauges of the pool (tasks
 * by status per repository, workers online, review budget use). Request latency per endpoint comes
 * from Spring's own {@code http.server.requests}.
 */
@NullMarked
package dev.owp.poold.metrics;

import org.jspecify.annotations.NullMarked;
