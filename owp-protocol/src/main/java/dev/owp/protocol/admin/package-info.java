/** Pool-wide figures for maintainers. */
@NullMarked
package dev.owp.protocol.admin;

import org.jspecify.annotations.NullMarked;
