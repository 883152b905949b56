-- A correction of a month older than the correction window, asked for by the enterprise and applied only when
-- economy staff accept it (issue 8 §2). The figures asked for are kept as JSON by indicator code.
CREATE TABLE economy_correction_request (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    credit_code   CHAR(18)     NOT NULL,
    month         DATE         NOT NULL,
    zone_code     VARCHAR(32)  NOT NULL,
    values_json   TEXT         NOT NULL,
    prior_json    TEXT         NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    status        VARCHAR(10)  NOT NULL DEFAULT 'PENDING',
    requested_by  VARCHAR(64)  NOT NULL,
    requested_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    decided_by    VARCHAR(64),
    decided_at    TIMESTAMPTZ,
    decision_note VARCHAR(500)
);
CREATE INDEX economy_correction_request_zone_ix ON economy_correction_request (zone_code, status);
