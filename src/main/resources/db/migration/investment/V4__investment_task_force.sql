-- 一个项目、一名领导、一套专班: the task force (工作专班) of a project becomes rows of people, each with
-- the department they come from, their role in the 专班 and, optionally, a phone number (AES-GCM encrypted by
-- the application, never in plain text). Each row carries its own version (stale -> 409).
CREATE TABLE inv_task_force_member (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   BIGINT        NOT NULL REFERENCES inv_project (id) ON DELETE CASCADE,
    -- null only for a department carried over from the old text field, whose person was never named
    name         VARCHAR(32),
    department   VARCHAR(100)  NOT NULL,
    role         VARCHAR(16)   NOT NULL,
    phone_cipher BYTEA,
    seq          INT           NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT inv_task_force_role_ck CHECK (role IN ('LEAD', 'DEPUTY', 'MEMBER', 'LIAISON'))
);
CREATE INDEX inv_task_force_project_ix ON inv_task_force_member (project_id, seq, id);
-- one 专班长 per project: of two concurrent appointments one wins, the other gets 409
CREATE UNIQUE INDEX inv_task_force_one_lead_ux ON inv_task_force_member (project_id) WHERE role = 'LEAD';

-- Carry the old text over: it listed departments and people separated by 、，,；; or line breaks
-- ("招商局、自然资源局、建设局"). Each piece becomes a member (成员) in the order written; a piece written as
-- 姓名（部门） or 姓名(部门) gives the name and the department, any other piece is a department whose person is
-- not named yet. A piece longer than the department's 100 characters (the old field allowed 500) is kept in
-- full below, so nothing of the old text is lost.
INSERT INTO inv_task_force_member (project_id, name, department, role, seq, created_by)
SELECT t.project_id,
       CASE WHEN r.m IS NOT NULL AND char_length(btrim((r.m)[1])) BETWEEN 1 AND 32
                 AND char_length(btrim((r.m)[2])) BETWEEN 1 AND 100 THEN btrim((r.m)[1]) END,
       CASE WHEN r.m IS NOT NULL AND char_length(btrim((r.m)[1])) BETWEEN 1 AND 32
                 AND char_length(btrim((r.m)[2])) BETWEEN 1 AND 100 THEN btrim((r.m)[2])
            ELSE left(t.piece, 100) END,
       'MEMBER', (row_number() OVER (PARTITION BY t.project_id ORDER BY t.ord))::int, 'migration'
FROM (SELECT p.id AS project_id, btrim(s.piece) AS piece, s.ord
      FROM inv_project p
      CROSS JOIN LATERAL regexp_split_to_table(p.task_force, E'[、，,；;\\n\\r]+') WITH ORDINALITY AS s (piece, ord)
      WHERE p.task_force IS NOT NULL) t
LEFT JOIN LATERAL (SELECT regexp_match(t.piece, '^(.+?)\s*[（(](.+)[）)]$') AS m) r ON true
WHERE t.piece <> '';

-- the old text, kept only where a piece did not fit (read by no one; for the record)
ALTER TABLE inv_project RENAME COLUMN task_force TO task_force_before_v4;
UPDATE inv_project p SET task_force_before_v4 = NULL
WHERE NOT EXISTS (SELECT 1 FROM regexp_split_to_table(p.task_force_before_v4, E'[、，,；;\\n\\r]+') AS s (piece)
                  WHERE char_length(btrim(s.piece)) > 100);
