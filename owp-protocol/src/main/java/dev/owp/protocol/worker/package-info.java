/** Workers: registration, heartbeats, pausing, and how admins see them. */
@NullMarked
package dev.owp.protocol.worker;

import org.jspecify.annotations.NullMarked;
