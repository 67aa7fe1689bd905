/** The audit log: every state change with its actor, time and reason. */
@NullMarked
package dev.owp.protocol.event;

import org.jspecify.annotations.NullMarked;
