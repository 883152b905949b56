-- the version of a zone's investment targets of a year (issue 8 §4 as economy_plan_version does): a save names the
-- version it read (stale -> 409); the API contract's body has no version, so a save naming none is accepted and
-- still steps it. A year without a row is at version 0.
CREATE TABLE inv_target_version (
    zone_code VARCHAR(32) NOT NULL,
    year      INT         NOT NULL,
    version   BIGINT      NOT NULL,
    PRIMARY KEY (zone_code, year)
);
