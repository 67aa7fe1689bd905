/**
 * Test support: a real poold started from its jar once per test JVM, the CLI run in-process with
 * captured output, and small helpers to create test data and wait for conditions.
 */
@NullMarked
package dev.owp.cli.testing;

import org.jspecify.annotations.NullMarked;
