-- Optimistic locking (issue 8 §4): zones (with their areas and departments), roles (their permissions) and
-- settings carry a version that every change checks and bumps.
ALTER TABLE zone ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE role ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE platform_setting ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
