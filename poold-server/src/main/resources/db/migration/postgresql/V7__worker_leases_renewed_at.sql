-- When a heartbeat or a report last renewed all of the worker's leases (epoch milliseconds); NULL
-- until one has. Read with the worker's token, it lets a status report skip the renewal when all
-- leases were renewed a moment ago, without a statement that looks at the worker's tasks to find
-- nothing to renew.
ALTER TABLE worker ADD COLUMN leases_renewed_at BIGINT;
