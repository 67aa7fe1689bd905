/**
 * Tasks: creation and import, worker status reports, release, admin requeue and cancel. Every
 * status change goes through TaskMoves, which keeps the budget, capacity and area-lock books.
 */
@NullMarked
package dev.owp.poold.task;

import org.jspecify.annotations.NullMarked;
