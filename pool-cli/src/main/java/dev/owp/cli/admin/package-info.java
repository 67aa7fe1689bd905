/** {@code pool admin …}: the commands a maintainer uses to set up, watch and correct the pool. */
@NullMarked
package dev.owp.cli.admin;

import org.jspecify.annotations.NullMarked;
