/**
 * {@code poold migrate}: moves a pool from SQLite to PostgreSQL when it outgrows one machine. Runs
 * without the web server, on plain JDBC.
 */
@NullMarked
package dev.owp.poold.migrate;

import org.jspecify.annotations.NullMarked;
