package dev.owp.protocol.worker;

import java.time.Instant;

/**
 * The answer to a heartbeat. {@code ok} and {@code server_time} are the v0.1 fields.
 *
 * @param leasesGranted new leases this heartbeat gave the worker; fetch them with {@code GET
 *     /v1/work}
 * @param leasesHeld tasks the worker holds now, new ones included
 */
public record HeartbeatAck(boolean ok, Instant serverTime, int leasesGranted, int leasesHeld) {}
