-- The dashboard's task list filtered by repository alone, newest first: keyset pages walk this
-- index backwards (repository and status together use task_by_repo_status).
CREATE INDEX task_by_repo ON task (repo, seq);
