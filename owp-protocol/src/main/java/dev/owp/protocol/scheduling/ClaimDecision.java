package dev.owp.protocol.scheduling;

/** The scheduler's answer when a worker asks for work. A denial is an ordinary answer. */
public sealed interface ClaimDecision {

  /** The worker gets {@code candidate}. */
  record Granted(Candidate candidate) implements ClaimDecision {}

  /** The worker gets nothing, for {@code reason}. */
  record Denied(DenialReason reason) implements ClaimDecision {}

  /** Why a worker gets no task. */
  enum DenialReason {
    /** No heartbeat within the heartbeat TTL. */
    WORKER_OFFLINE,
    /** Paused by itself or by an admin. */
    WORKER_PAUSED,
    /** No free slot or points left. */
    WORKER_FULL,
    /** No ready task is eligible for this worker. */
    NO_ELIGIBLE_TASK
  }
}
