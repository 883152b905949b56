-- The permission catalogue is built from the modules' declarations at start
-- (PermissionContributor). declared_at is when a declaration first met the permission;
-- permission_seed records every default grant the catalogue made or found made, so that
-- a grant a security administrator removes is never given again.
ALTER TABLE permission ADD COLUMN declared_at TIMESTAMPTZ;

CREATE TABLE permission_seed (
    permission_code VARCHAR(64) NOT NULL,
    role_code       VARCHAR(32) NOT NULL,
    seeded_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (permission_code, role_code)
);
