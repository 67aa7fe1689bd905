package dev.owp.cli.bench;

/** Count and latency percentiles of one endpoint, in milliseconds. */
record LatencySummary(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {}
