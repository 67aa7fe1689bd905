-- The distinct sets of skills tasks require, each once. A claim matches a worker's skills against
-- these few sets and then checks each candidate task by its set's id, instead of taking the task's
-- skill list apart for every row it reads. A set never changes once written and is never deleted.
-- skills is the set as a JSON array in sorted order, so every task requiring the same skills
-- shares one row.
CREATE TABLE skill_set (
    id     BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    skills TEXT   NOT NULL UNIQUE
);

-- The array text is built as poold writes it (compact, code point order), so later tasks with
-- the same skills find these rows.
CREATE FUNCTION pg_temp.skill_set_of(required TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT '[' || COALESCE(string_agg(to_json(skill)::text, ',' ORDER BY skill COLLATE "C"), '')
           || ']'
      FROM json_array_elements_text(CAST(required AS json)) AS skill
$$;

INSERT INTO skill_set (skills)
SELECT skills
  FROM (SELECT DISTINCT pg_temp.skill_set_of(required_skills) AS skills FROM task) AS distinct_sets
 ORDER BY skills COLLATE "C";

ALTER TABLE task ADD COLUMN skill_set BIGINT REFERENCES skill_set (id);

UPDATE task t
   SET skill_set = s.id
  FROM skill_set s
 WHERE s.skills = pg_temp.skill_set_of(t.required_skills);

ALTER TABLE task ALTER COLUMN skill_set SET NOT NULL;
