-- Import jobs are queued in the database with their file: any node claims a queued job, holds it by a
-- lease it renews while working, and a job whose lease ran out (its node died) is marked INTERRUPTED.
-- Status: QUEUED, RUNNING, DONE, FAILED, INTERRUPTED.
ALTER TABLE import_job
    ADD COLUMN file_name   VARCHAR(255),
    ADD COLUMN file_sha256 CHAR(64),
    ADD COLUMN params_json TEXT,
    ADD COLUMN locale      VARCHAR(35),
    ADD COLUMN payload     BYTEA,
    ADD COLUMN owner_node  VARCHAR(100),
    ADD COLUMN lease_until TIMESTAMPTZ,
    ADD COLUMN started_at  TIMESTAMPTZ,
    ADD COLUMN finished_at TIMESTAMPTZ;
-- jobs of the in-memory queue that a restart lost
UPDATE import_job SET status = 'INTERRUPTED' WHERE status = 'RUNNING';
CREATE INDEX import_job_queue_ix ON import_job (status, created_at);
