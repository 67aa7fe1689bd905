-- The task table is a queue: rows move through the ready queue and out of it all day, while the
-- table only grows. Autovacuum by default analyzes a table once a tenth of it has changed, so in a
-- table of a million tasks the planner could go on believing, for a hundred thousand changes, that
-- the ready queue is as empty as when it was last analyzed; it then reads a task by id through the
-- task_ready_queue index, walking every ready task for each lease. Analyze (and vacuum, which
-- clears the queue index of the entries of tasks leased since) after a fixed number of changed
-- rows instead, whatever the size of the table.
ALTER TABLE task SET (
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 2000,
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000
);
