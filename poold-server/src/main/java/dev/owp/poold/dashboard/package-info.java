/** The HTML dashboard, rendered by Thymeleaf from read-only queries. */
@NullMarked
package dev.owp.poold.dashboard;

import org.jspecify.annotations.NullMarked;
