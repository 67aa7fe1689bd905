/**
 * Who is calling: workers by bearer token, admins by the X-Admin-Token header. Tokens are stored
 * and compared only as SHA-256 hashes, in constant time.
 */
@NullMarked
package dev.owp.poold.auth;

import org.jspecify.annotations.NullMarked;
