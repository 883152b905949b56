-- Optimistic locking (issue 8 §4): notices, penalties and patrol log entries carry a version like every other
-- safety record, so that a later edit of them checks it (answers include it already).
ALTER TABLE safety_notice ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE safety_penalty ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE safety_patrol ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
