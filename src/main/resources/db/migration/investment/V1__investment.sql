-- Investment attraction and project construction (招商引资, 项目建设): leads with their steps, trips and receptions,
-- the admission review (预审联审), projects with stages, funds in place, back-planned milestones, building progress,
-- problems to coordinate and the year's targets.
CREATE TABLE inv_lead (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code        VARCHAR(32)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    investor         VARCHAR(200)  NOT NULL,
    source           VARCHAR(24)   NOT NULL,
    industry_code    VARCHAR(8),
    intended_amount  NUMERIC(14, 2),
    intended_usd     NUMERIC(14, 2),
    land_mu          NUMERIC(12, 2),
    factory_m2       NUMERIC(12, 2),
    financing        VARCHAR(200),
    responsible      VARCHAR(64)   NOT NULL,
    stage            VARCHAR(16)   NOT NULL,
    stage_on         DATE          NOT NULL,
    created_on       DATE          NOT NULL,
    last_activity_on DATE          NOT NULL,
    dropped_on       DATE,
    dropped_reason   VARCHAR(500),
    project_id       BIGINT,
    override_reason  VARCHAR(500),
    override_by      VARCHAR(64),
    override_at      TIMESTAMPTZ,
    created_by       VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version          BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX inv_lead_zone_ix ON inv_lead (zone_code, created_on DESC, id DESC);
CREATE INDEX inv_lead_stage_ix ON inv_lead (zone_code, stage, last_activity_on);

CREATE TABLE inv_lead_step (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id    BIGINT        NOT NULL REFERENCES inv_lead (id) ON DELETE CASCADE,
    stage      VARCHAR(16)   NOT NULL,
    step_on    DATE          NOT NULL,
    note       VARCHAR(1000),
    done_by    VARCHAR(64)   NOT NULL,
    done_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX inv_lead_step_ix ON inv_lead_step (lead_id, id);

CREATE TABLE inv_trip (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code   VARCHAR(32)   NOT NULL,
    trip_on     DATE          NOT NULL,
    destination VARCHAR(100)  NOT NULL,
    people      TEXT[]        NOT NULL DEFAULT '{}',
    note        VARCHAR(1000),
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX inv_trip_zone_ix ON inv_trip (zone_code, trip_on DESC);
CREATE TABLE inv_trip_lead (
    trip_id BIGINT NOT NULL REFERENCES inv_trip (id) ON DELETE CASCADE,
    lead_id BIGINT NOT NULL REFERENCES inv_lead (id) ON DELETE CASCADE,
    PRIMARY KEY (trip_id, lead_id)
);

CREATE TABLE inv_reception (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code   VARCHAR(32)   NOT NULL,
    received_on DATE          NOT NULL,
    visitors    VARCHAR(300)  NOT NULL,
    note        VARCHAR(1000),
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX inv_reception_zone_ix ON inv_reception (zone_code, received_on DESC);
CREATE TABLE inv_reception_lead (
    reception_id BIGINT NOT NULL REFERENCES inv_reception (id) ON DELETE CASCADE,
    lead_id      BIGINT NOT NULL REFERENCES inv_lead (id) ON DELETE CASCADE,
    PRIMARY KEY (reception_id, lead_id)
);

CREATE TABLE inv_review_item (
    lead_id     BIGINT        NOT NULL REFERENCES inv_lead (id) ON DELETE CASCADE,
    code        VARCHAR(32)   NOT NULL,
    result      VARCHAR(8)    NOT NULL,
    note        VARCHAR(500),
    department  VARCHAR(100),
    reviewed_by VARCHAR(64)   NOT NULL,
    reviewed_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (lead_id, code)
);

CREATE TABLE inv_project (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code              VARCHAR(32)    NOT NULL,
    name                   VARCHAR(200)   NOT NULL,
    credit_code            CHAR(18),
    lead_id                BIGINT         REFERENCES inv_lead (id),
    stage                  VARCHAR(16)    NOT NULL,
    stage_before_stall     VARCHAR(16),
    planned_on             DATE,
    signed_on              DATE,
    preparing_on           DATE,
    started_on             DATE,
    completed_on           DATE,
    in_production_on       DATE,
    at_capacity_on         DATE,
    stalled_on             DATE,
    cancelled_on           DATE,
    contract_amount        NUMERIC(14, 2) NOT NULL DEFAULT 0,
    total_investment       NUMERIC(14, 2) NOT NULL DEFAULT 0,
    fixed_asset_investment NUMERIC(14, 2) NOT NULL DEFAULT 0,
    fdi_usd                NUMERIC(14, 2) NOT NULL DEFAULT 0,
    outside_province       BOOLEAN        NOT NULL DEFAULT false,
    manufacturing          BOOLEAN        NOT NULL DEFAULT false,
    leader                 VARCHAR(64),
    task_force             VARCHAR(500),
    target_production_on   DATE,
    created_by             VARCHAR(64)    NOT NULL,
    created_at             TIMESTAMPTZ    NOT NULL DEFAULT now(),
    version                BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX inv_project_zone_ix ON inv_project (zone_code, id DESC);
CREATE INDEX inv_project_signed_ix ON inv_project (zone_code, signed_on);
CREATE INDEX inv_project_started_ix ON inv_project (zone_code, started_on);
CREATE INDEX inv_project_production_ix ON inv_project (zone_code, in_production_on);
CREATE INDEX inv_project_enterprise_ix ON inv_project (credit_code);

CREATE TABLE inv_project_step (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id BIGINT        NOT NULL REFERENCES inv_project (id) ON DELETE CASCADE,
    stage      VARCHAR(16)   NOT NULL,
    step_on    DATE          NOT NULL,
    note       VARCHAR(1000),
    done_by    VARCHAR(64)   NOT NULL,
    done_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX inv_project_step_ix ON inv_project_step (project_id, id);

CREATE TABLE inv_fund (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id BIGINT         NOT NULL REFERENCES inv_project (id) ON DELETE CASCADE,
    fund_on    DATE           NOT NULL,
    amount     NUMERIC(14, 2) NOT NULL,
    origin     VARCHAR(24)    NOT NULL,
    usd_amount NUMERIC(14, 2),
    created_by VARCHAR(64)    NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX inv_fund_project_ix ON inv_fund (project_id, fund_on);

CREATE TABLE inv_milestone (
    project_id BIGINT      NOT NULL REFERENCES inv_project (id) ON DELETE CASCADE,
    code       VARCHAR(32) NOT NULL,
    seq        INT         NOT NULL,
    planned_on DATE        NOT NULL,
    done_on    DATE,
    PRIMARY KEY (project_id, code)
);

CREATE TABLE inv_building_progress (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id   BIGINT        NOT NULL REFERENCES inv_project (id) ON DELETE CASCADE,
    building     VARCHAR(50)   NOT NULL,
    progress_on  DATE          NOT NULL,
    phase        VARCHAR(16)   NOT NULL,
    floors_done  INT,
    floors_total INT,
    percent      NUMERIC(5, 2),
    note         VARCHAR(500),
    created_by   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX inv_building_progress_ix ON inv_building_progress (project_id, building, progress_on DESC, id DESC);

CREATE TABLE inv_problem (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  BIGINT        NOT NULL REFERENCES inv_project (id) ON DELETE CASCADE,
    category    VARCHAR(16)   NOT NULL,
    description VARCHAR(1000) NOT NULL,
    department  VARCHAR(100)  NOT NULL,
    raised_on   DATE          NOT NULL,
    deadline    DATE          NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    handling_on DATE,
    closed_on   DATE,
    result      VARCHAR(1000),
    raised_by   VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX inv_problem_project_ix ON inv_problem (project_id, id DESC);
CREATE INDEX inv_problem_open_ix ON inv_problem (deadline) WHERE status <> 'CLOSED';

CREATE TABLE inv_target (
    zone_code VARCHAR(32)    NOT NULL,
    year      INT            NOT NULL,
    code      VARCHAR(32)    NOT NULL,
    value     NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (zone_code, year, code)
);
