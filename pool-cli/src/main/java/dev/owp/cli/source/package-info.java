/** Where tasks come from besides the command line: YAML task files. */
@NullMarked
package dev.owp.cli.source;

import org.jspecify.annotations.NullMarked;
