/**
 * Tasks: their identity, their statuses and the state machine between them, and the wire records
 * that create, update and show them.
 */
@NullMarked
package dev.owp.protocol.task;

import org.jspecify.annotations.NullMarked;
