/**
 * The scheduling rules as pure functions: which worker may take which task, and which task a worker
 * gets next. The server enforces the same rules again inside its database transactions; these
 * functions decide, the database guarantees.
 */
@NullMarked
package dev.owp.protocol.scheduling;

import org.jspecify.annotations.NullMarked;
