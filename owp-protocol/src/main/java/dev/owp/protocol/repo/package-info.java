/** Repositories: each has a review budget and may lock areas. */
@NullMarked
package dev.owp.protocol.repo;

import org.jspecify.annotations.NullMarked;
