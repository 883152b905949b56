-- Optimistic locking of what staff edit in a report (issue 8 §4): each section's edit and the report's list of
-- staff plans carry a version; a change sent with an older version is refused (409) and nothing changes.
ALTER TABLE report_section ADD COLUMN edit_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE report ADD COLUMN plans_version BIGINT NOT NULL DEFAULT 0;
