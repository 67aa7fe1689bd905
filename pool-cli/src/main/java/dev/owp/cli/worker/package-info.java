/** {@code pool worker …}: the commands a contributor uses to offer a worker to the pool. */
@NullMarked
package dev.owp.cli.worker;

import org.jspecify.annotations.NullMarked;
