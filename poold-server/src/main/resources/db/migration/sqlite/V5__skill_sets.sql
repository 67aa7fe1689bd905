-- The distinct sets of skills tasks require, each once. A claim matches a worker's skills against
-- these few sets and then checks each candidate task by its set's id, instead of taking the task's
-- skill list apart for every row it reads. A set never changes once written and is never deleted.
-- skills is the set as a JSON array in sorted order, so every task requiring the same skills
-- shares one row.
CREATE TABLE skill_set (
    id     INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    skills TEXT    NOT NULL UNIQUE
);

INSERT INTO skill_set (skills)
SELECT DISTINCT (SELECT json_group_array(value ORDER BY value) FROM json_each(t.required_skills))
  FROM task t
 ORDER BY 1;

-- Always set by poold; SQLite cannot add a NOT NULL column without a default.
ALTER TABLE task ADD COLUMN skill_set INTEGER REFERENCES skill_set (id);

UPDATE task
   SET skill_set = (SELECT s.id
                      FROM skill_set s
                     WHERE s.skills = (SELECT json_group_array(value ORDER BY value)
                                         FROM json_each(task.required_skills)));
