/**
 * Configuration from the environment: real variables first, then {@code env.local} and {@code .env}
 * in the working directory. {@code poold} and {@code pool} read it the same way.
 */
@NullMarked
package dev.owp.protocol.env;

import org.jspecify.annotations.NullMarked;
