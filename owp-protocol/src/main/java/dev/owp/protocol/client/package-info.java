/** A Java client of the OWP HTTP API, used by the pool command line and by third-party workers. */
@NullMarked
package dev.owp.protocol.client;

import org.jspecify.annotations.NullMarked;
