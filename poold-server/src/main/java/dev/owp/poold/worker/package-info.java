/** Workers: registration, heartbeats and presence, pausing, trust tiers, removal. */
@NullMarked
package dev.owp.poold.worker;

import org.jspecify.annotations.NullMarked;
