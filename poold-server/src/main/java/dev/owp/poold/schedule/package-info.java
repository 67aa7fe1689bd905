/** The claim: choosing ready tasks for a worker and leasing them, and the background cycle. */
@NullMarked
package dev.owp.poold.schedule;

import org.jspecify.annotations.NullMarked;
