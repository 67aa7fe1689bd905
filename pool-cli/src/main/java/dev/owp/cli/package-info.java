/**
 * {@code pool}, the command line of OWP Pool: contributors register and run workers ({@code pool
 * worker …}), maintainers set up repositories and watch the pool ({@code pool admin …}). Built on
 * picocli and the {@code owp-protocol} client; no Spring.
 */
@NullMarked
package dev.owp.cli;

import org.jspecify.annotations.NullMarked;
