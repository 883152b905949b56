-- Issue 8 §4: the economy department's plan records carry a version, so that of two people
-- saving the same record at once one wins and the other is told (409) instead of being
-- overwritten. One row per record: the zone's figures of a month (ZONE_FIGURES, period
-- yyyy-MM), its targets of a year (TARGETS, yyyy) and the price index of a year
-- (PRICE_INDEX, yyyy, zone '' as the index is national). A record without a row is at
-- version 0.
CREATE TABLE economy_plan_version (
    kind      VARCHAR(16)  NOT NULL,
    zone_code VARCHAR(32)  NOT NULL,
    period    VARCHAR(7)   NOT NULL,
    version   BIGINT       NOT NULL,
    PRIMARY KEY (kind, zone_code, period)
);
