/** Pool-wide counts for GET /v1/admin/state. */
@NullMarked
package dev.owp.poold.state;

import org.jspecify.annotations.NullMarked;
