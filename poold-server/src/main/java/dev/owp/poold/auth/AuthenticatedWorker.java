package dev.owp.poold.auth;

import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The worker a request's bearer token belongs to. Declare it as a controller parameter to require a
 * valid worker token.
 *
 * @param leasesRenewedAt when all the worker's leases were last renewed (null if never), read with
 *     the token: a status report soon after needs no renewal of its own, and so no statement
 */
public record AuthenticatedWorker(WorkerId id, @Nullable Instant leasesRenewedAt) {}
