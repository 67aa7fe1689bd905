/** The audit log: appended in the same transaction as the change it records. */
@NullMarked
package dev.owp.poold.event;

import org.jspecify.annotations.NullMarked;
