/** The review budget: how many pull requests a repository's maintainers are ready to review. */
@NullMarked
package dev.owp.protocol.budget;

import org.jspecify.annotations.NullMarked;
