/**
 * poold, the OWP Pool scheduler: a Spring Boot service that leases tasks to workers under review
 * budgets, area locks and worker capacity, on SQLite or PostgreSQL.
 */
@NullMarked
package dev.owp.poold;

import org.jspecify.annotations.NullMarked;
