package dev.owp.cli.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link PooldExtension} for a second poold whose leases lapse after 3 s (heartbeat TTL 2 s,
 * cycle 1 s), for tests of lease renewal.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface ShortLeases {}
