/** Errors: RFC 9457 problem details with stable type URIs shared by server and clients. */
@NullMarked
package dev.owp.protocol.problem;

import org.jspecify.annotations.NullMarked;
