/** The JSON codec every OWP process uses, so that server and clients cannot drift apart. */
@NullMarked
package dev.owp.protocol.json;

import org.jspecify.annotations.NullMarked;
