package dev.owp.poold.auth;

import dev.owp.protocol.worker.WorkerId;

/**
 * The worker a request's bearer token belongs to. Declare it as a controller parameter to require a
 * valid worker token.
 */
public record AuthenticatedWorker(WorkerId id) {}
