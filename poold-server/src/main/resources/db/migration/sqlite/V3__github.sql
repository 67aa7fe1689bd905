-- GitHub integration. Times are epoch milliseconds, as everywhere.

-- The issue a task was imported from.
ALTER TABLE task ADD COLUMN issue_number INTEGER;
ALTER TABLE task ADD COLUMN issue_url TEXT;

-- The pull requests of pr_opened tasks that poold follows on GitHub. next_poll_at is also the
-- claim: a replica polls a row only after moving next_poll_at forward with a conditional update,
-- so each pull request is polled by one replica at a time. No foreign keys: like the audit log,
-- these rows are bookkeeping that must never block a change to a task.
CREATE TABLE github_pr_watch (
    task_id      TEXT    NOT NULL PRIMARY KEY,
    pr_url       TEXT    NOT NULL,
    etag         TEXT,
    next_poll_at INTEGER NOT NULL
);

CREATE INDEX github_pr_watch_due ON github_pr_watch (next_poll_at);

-- Write-back comments, one per (task, audit event): the primary key is what makes a comment
-- happen once however often a replica retries. A pending row is claimed by moving next_try_at.
CREATE TABLE github_comment (
    task_id      TEXT    NOT NULL,
    event_id     INTEGER NOT NULL,
    repo         TEXT    NOT NULL,
    issue_number INTEGER NOT NULL,
    body         TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('pending', 'sent')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_try_at  INTEGER NOT NULL,
    sent_at      INTEGER,
    PRIMARY KEY (task_id, event_id)
);

CREATE INDEX github_comment_due ON github_comment (state, next_try_at);

-- How far the write-back has read the audit log.
CREATE TABLE github_cursor (
    name          TEXT    NOT NULL PRIMARY KEY,
    last_event_id INTEGER NOT NULL
);
