/** Repositories and their review budgets. */
@NullMarked
package dev.owp.poold.repo;

import org.jspecify.annotations.NullMarked;
