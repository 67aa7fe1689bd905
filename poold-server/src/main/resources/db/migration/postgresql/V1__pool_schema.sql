-- OWP Pool schema (PostgreSQL). Times are epoch milliseconds (BIGINT) everywhere, as on SQLite,
-- so every query and row mapper is the same on both.
-- Counters on repo and worker rows (held, used_points, used_tasks) are kept by the
-- scheduler in the same transaction as every task status change; the conditional
-- updates on them are what enforce the review budget and worker capacity.

CREATE TABLE repo (
    repo               TEXT    NOT NULL PRIMARY KEY,
    max_open_prs       INTEGER NOT NULL CHECK (max_open_prs BETWEEN 0 AND 100),
    area_locks_enabled INTEGER NOT NULL CHECK (area_locks_enabled IN (0, 1)),
    held               INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0),
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);

CREATE TABLE worker (
    seq                  BIGINT  NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    worker_id            TEXT    NOT NULL UNIQUE,
    name                 TEXT    NOT NULL,
    github_handle        TEXT,
    skills               TEXT    NOT NULL,
    capacity_points      INTEGER NOT NULL CHECK (capacity_points BETWEEN 1 AND 100),
    max_concurrent_tasks INTEGER NOT NULL CHECK (max_concurrent_tasks BETWEEN 1 AND 20),
    status               TEXT    NOT NULL CHECK (status IN ('idle', 'working', 'paused')),
    paused_by            TEXT             CHECK (paused_by IN ('worker', 'admin')),
    trust_tier           INTEGER NOT NULL DEFAULT 0 CHECK (trust_tier BETWEEN 0 AND 3),
    online               INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
    last_heartbeat       BIGINT,
    note                 TEXT,
    used_points          INTEGER NOT NULL DEFAULT 0 CHECK (used_points >= 0),
    used_tasks           INTEGER NOT NULL DEFAULT 0 CHECK (used_tasks >= 0),
    token_hash           TEXT    UNIQUE,
    created_at           BIGINT NOT NULL,
    removed_at           BIGINT
);

-- The offline sweep and the background assignment look only at online workers.
CREATE INDEX worker_presence ON worker (online, last_heartbeat);

CREATE TABLE task (
    seq              BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id          TEXT    NOT NULL UNIQUE,
    repo             TEXT    NOT NULL REFERENCES repo (repo),
    task_key         TEXT,
    title            TEXT    NOT NULL,
    description      TEXT,
    estimate_points  INTEGER NOT NULL CHECK (estimate_points BETWEEN 1 AND 100),
    priority         INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 1000),
    required_skills  TEXT    NOT NULL,
    area             TEXT,
    tier             INTEGER NOT NULL CHECK (tier BETWEEN 0 AND 3),
    status           TEXT    NOT NULL CHECK (status IN ('ready', 'leased', 'in_progress', 'blocked',
                                                        'pr_opened', 'merged', 'cancelled')),
    worker_id        TEXT    REFERENCES worker (worker_id),
    lease_id         TEXT,
    leased_at        BIGINT,
    lease_expires_at BIGINT,
    attempt          INTEGER NOT NULL DEFAULT 0,
    released_by      TEXT,
    released_until   BIGINT,
    message          TEXT,
    artifact         TEXT,
    version          INTEGER NOT NULL DEFAULT 0,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    UNIQUE (repo, task_key)
);

-- The ready queue of one repository in scheduling order: a claim reads the head of it.
CREATE INDEX task_ready_queue ON task (repo, priority DESC, seq) WHERE status = 'ready';
-- A worker's held tasks: GET /v1/work and lease renewal.
CREATE INDEX task_by_worker ON task (worker_id, status);
-- Leases that may lapse, soonest first.
CREATE INDEX task_lease_expiry ON task (lease_expires_at)
    WHERE status IN ('leased', 'in_progress', 'blocked');
-- Admin lists and counts.
CREATE INDEX task_by_status ON task (status, seq);
CREATE INDEX task_by_repo_status ON task (repo, status, seq);
-- The dashboard's "recently changed".
CREATE INDEX task_by_update ON task (updated_at);

-- At most one held task per (repo, area): the primary key is the lock.
CREATE TABLE area_lock (
    repo    TEXT NOT NULL REFERENCES repo (repo),
    area    TEXT NOT NULL,
    task_id TEXT NOT NULL UNIQUE REFERENCES task (task_id),
    PRIMARY KEY (repo, area)
);

-- The audit log. No foreign keys: history outlives what it describes. No CHECK on type
-- either: new kinds of event must not need a table rebuild on SQLite.
CREATE TABLE event (
    id        BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        BIGINT NOT NULL,
    type      TEXT    NOT NULL,
    worker_id TEXT,
    repo      TEXT,
    task_id   TEXT,
    details   TEXT    NOT NULL
);

CREATE INDEX event_by_task ON event (task_id, id);
CREATE INDEX event_by_worker ON event (worker_id, id);
CREATE INDEX event_by_repo ON event (repo, id);
CREATE INDEX event_by_type ON event (type, id);
CREATE INDEX event_by_time ON event (at);
