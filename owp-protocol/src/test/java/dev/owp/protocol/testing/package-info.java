/**
 * Test fixtures shared with the server and command-line tests through the {@code owp-protocol}
 * test-jar: a hand-moved clock, builders of scheduler snapshots, and the golden JSON files.
 */
@NullMarked
package dev.owp.protocol.testing;

import org.jspecify.annotations.NullMarked;
