/** poold's command line and settings, the clock, and the JSON conventions of the API. */
@NullMarked
package dev.owp.poold.config;

import org.jspecify.annotations.NullMarked;
