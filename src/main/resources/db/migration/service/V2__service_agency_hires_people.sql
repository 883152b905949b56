-- 代办: approvals handled on an enterprise's behalf (item, department, started, finished).
CREATE TABLE service_agency (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code   VARCHAR(32)   NOT NULL,
    credit_code CHAR(18)      NOT NULL,
    item        VARCHAR(200)  NOT NULL,
    department  VARCHAR(100)  NOT NULL,
    handler     VARCHAR(64),
    started_on  DATE          NOT NULL,
    finished_on DATE,
    result      VARCHAR(1000),
    request_id  BIGINT        REFERENCES service_request (id),
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT service_agency_finished_ck CHECK (finished_on IS NULL OR finished_on >= started_on)
);
CREATE INDEX service_agency_zone_ix ON service_agency (zone_code, started_on DESC, id DESC);
CREATE INDEX service_agency_enterprise_ix ON service_agency (credit_code);

-- hires an enterprise reports for a month (招工), optionally through a job fair
CREATE TABLE service_hire (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code   VARCHAR(32)   NOT NULL,
    credit_code CHAR(18)      NOT NULL,
    month       DATE          NOT NULL,
    hires       INT           NOT NULL CHECK (hires >= 0),
    fair_id     BIGINT        REFERENCES service_job_fair (id),
    notes       VARCHAR(1000),
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT service_hire_month_ck CHECK (extract(day FROM month) = 1)
);
CREATE UNIQUE INDEX service_hire_uk ON service_hire (credit_code, month, coalesce(fair_id, 0));
CREATE INDEX service_hire_zone_ix ON service_hire (zone_code, month DESC, id DESC);

-- each enterprise's 首席服务员 (the registry holds its 企业秘书 and 挂点领导)
CREATE TABLE service_people (
    credit_code   CHAR(18)     PRIMARY KEY,
    zone_code     VARCHAR(32)  NOT NULL,
    chief_server  VARCHAR(64),
    chief_phone   VARCHAR(32),
    updated_by    VARCHAR(64)  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version       BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX service_people_zone_ix ON service_people (zone_code);

-- 公示 of an approved application: the publicity window before payment
ALTER TABLE service_application ADD COLUMN publicity_from DATE;
ALTER TABLE service_application ADD COLUMN publicity_to DATE;
UPDATE service_application SET publicity_from = reviewed_on, publicity_to = reviewed_on + 5
 WHERE automatic AND reviewed_on IS NOT NULL;
