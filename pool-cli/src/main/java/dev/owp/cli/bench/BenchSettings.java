package dev.owp.cli.bench;

import java.time.Duration;

/**
 * What a benchmark run does.
 *
 * @param workers simulated workers, each with its own token and HTTP requests
 * @param tasks tasks seeded through the admin API
 * @param repos repositories the tasks are spread over
 * @param warmUp how long the workers run before the measured part starts; what they do in it is
 *     left out of the figures, not out of the exactly-once check
 * @param duration the longest the measured part may take; the run ends earlier when every task is
 *     merged
 * @param pollEvery how often a worker with nothing to do polls; zero: only after a heartbeat that
 *     leased it more
 * @param heartbeatEvery how often each worker sends a heartbeat
 * @param budget each repository's review budget ({@code max_open_prs})
 * @param areaLocks whether tasks carry areas and repositories lock them
 * @param areasPerRepo distinct areas per repository, when locking
 * @param maxConcurrent tasks each worker holds at once
 */
record BenchSettings(
    int workers,
    int tasks,
    int repos,
    Duration warmUp,
    Duration duration,
    Duration pollEvery,
    Duration heartbeatEvery,
    int budget,
    boolean areaLocks,
    int areasPerRepo,
    int maxConcurrent) {}
