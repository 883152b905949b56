-- The time of the latest driving value (minute, or the logger's hour, flag N) whose exceedance was evaluated, per
-- point and factor: a value for an earlier time is late and re-evaluates its stretch. Kept here rather than in a
-- node's memory, so that a restarted node or another node knows it too.
CREATE TABLE monitoring_evaluated (
    point_id BIGINT      NOT NULL REFERENCES monitoring_point (id),
    factor   VARCHAR(16) NOT NULL,
    latest   TIMESTAMP   NOT NULL,
    PRIMARY KEY (point_id, factor)
);
