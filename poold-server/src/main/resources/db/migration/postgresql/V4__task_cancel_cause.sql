-- Why a cancelled task was cancelled: 'admin' (an admin cancelled it), or 'withdrawn' (the GitHub
-- issue it was imported from was closed, lost its label or vanished). Only a withdrawn task goes
-- back to the pool when it is imported again; NULL for tasks that were never cancelled.
ALTER TABLE task ADD COLUMN cancel_cause TEXT CHECK (cancel_cause IN ('admin', 'withdrawn'));

-- Tasks cancelled before this column existed: withdrawals are recognised by the message the
-- importer and the webhook wrote; every other cancellation was an admin's.
UPDATE task
   SET cancel_cause = CASE
         WHEN task_key LIKE 'github:%'
          AND (message LIKE 'cancelled by an admin: issue %#% was closed on GitHub'
               OR message LIKE 'cancelled by an admin: issue #% lost the label %'
               OR message = 'cancelled by an admin: its GitHub issue no longer exists')
         THEN 'withdrawn'
         ELSE 'admin'
       END
 WHERE status = 'cancelled';
