/**
 * Area locks: at most one held task per (repository, area), so that two contributors never work on
 * the same part of a code base at once.
 */
@NullMarked
package dev.owp.protocol.area;

import org.jspecify.annotations.NullMarked;
