/**
 * The Open Work Protocol (OWP) as OWP Pool speaks it: the wire records exchanged between {@code
 * poold} and its workers and maintainers, the task state machine, the scheduling rules as pure
 * functions, and a small {@link java.net.http.HttpClient}-based client.
 *
 * <p>This module is the contract between the server, the {@code pool} command line and third-party
 * workers. It depends on the JDK, JSpecify and Jackson only: no Spring, no servlet API, no JDBC.
 */
@NullMarked
package dev.owp.protocol;

import org.jspecify.annotations.NullMarked;
