/**
 * The database: where it is, its connection pools (one writer for SQLite), and how times and JSON
 * are stored. Times are epoch milliseconds on every dialect.
 */
@NullMarked
package dev.owp.poold.storage;

import org.jspecify.annotations.NullMarked;
