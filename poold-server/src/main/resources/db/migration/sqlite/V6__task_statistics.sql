-- Schema versions stay the same on both databases. PostgreSQL's V6 tunes when autovacuum analyzes
-- the task table; SQLite keeps no statistics unless told to (ANALYZE), and poold never does, so
-- there is nothing to change here.
SELECT 1;
