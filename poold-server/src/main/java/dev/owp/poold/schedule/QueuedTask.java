package dev.owp.poold.schedule;

import dev.owp.protocol.scheduling.Candidate;

/**
 * A ready task as read from the queue: the rules' view of it, and the row version it was read at.
 */
record QueuedTask(Candidate candidate, long version) {}
