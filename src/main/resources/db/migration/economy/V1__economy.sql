-- Economic operation monitoring (经济运行监测): the enterprises' monthly figures (B204-1: 本月 and the
-- reported 上年同月) with their revisions, zone-level monthly figures, the year's targets, the producer
-- price index that deflates 工业增加值, and reminders to enterprises that have not reported.
-- Amounts in 万元 (electricity in 万千瓦时, employees in 人); never floating point.
CREATE TABLE economy_monthly (
    credit_code       CHAR(18)      NOT NULL,
    month             DATE          NOT NULL,
    zone_code         VARCHAR(32)   NOT NULL,
    output            NUMERIC(16,2),
    value_added       NUMERIC(16,2),
    revenue           NUMERIC(16,2),
    profit            NUMERIC(16,2),
    tax               NUMERIC(16,2),
    electricity       NUMERIC(16,2),
    employees         NUMERIC(16,2),
    export            NUMERIC(16,2),
    prior_output      NUMERIC(16,2),
    prior_value_added NUMERIC(16,2),
    prior_revenue     NUMERIC(16,2),
    prior_profit      NUMERIC(16,2),
    prior_tax         NUMERIC(16,2),
    prior_electricity NUMERIC(16,2),
    prior_employees   NUMERIC(16,2),
    prior_export      NUMERIC(16,2),
    anomalies         TEXT,
    note              VARCHAR(500),
    revision          INT           NOT NULL DEFAULT 1,
    submitted_by      VARCHAR(64)   NOT NULL,
    submitted_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by        VARCHAR(64)   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (credit_code, month)
);
CREATE INDEX economy_monthly_zone_ix ON economy_monthly (zone_code, month);

-- Every correction keeps what was there before: who changed it, when and why.
CREATE TABLE economy_monthly_revision (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    credit_code  CHAR(18)     NOT NULL,
    month        DATE         NOT NULL,
    revision     INT          NOT NULL,
    values_json  TEXT         NOT NULL,
    prior_json   TEXT         NOT NULL,
    changed_by   VARCHAR(64)  NOT NULL,
    changed_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    reason       VARCHAR(500)
);
CREATE INDEX economy_monthly_revision_ix ON economy_monthly_revision (credit_code, month, revision);

CREATE TABLE economy_zone_figure (
    zone_code              VARCHAR(32)   NOT NULL,
    month                  DATE          NOT NULL,
    budget_revenue         NUMERIC(16,2),
    fixed_asset_investment NUMERIC(16,2),
    tech_investment        NUMERIC(16,2),
    updated_by             VARCHAR(64)   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (zone_code, month)
);

-- kind: AMOUNT (value in the indicator's unit), GROWTH (value in percent) or COUNT.
CREATE TABLE economy_target (
    zone_code  VARCHAR(32)   NOT NULL,
    year       INT           NOT NULL,
    code       VARCHAR(32)   NOT NULL,
    kind       VARCHAR(8)    NOT NULL,
    value      NUMERIC(16,2) NOT NULL,
    PRIMARY KEY (zone_code, year, code)
);

-- 工业生产者出厂价格指数, previous year = 100; a year without a row uses 100.
CREATE TABLE economy_price_index (
    year       INT          PRIMARY KEY,
    index      NUMERIC(7,2) NOT NULL,
    updated_by VARCHAR(64)  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE economy_reminder (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    credit_code CHAR(18)    NOT NULL,
    month       DATE        NOT NULL,
    reminded_by VARCHAR(64) NOT NULL,
    reminded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX economy_reminder_ix ON economy_reminder (credit_code, month);

INSERT INTO permission (code, module, name_zh, name_en) VALUES
 ('economy:monthly:read',     'economy', '企业月报查看', 'View monthly figures'),
 ('economy:monthly:submit',   'economy', '企业月报填报/更正', 'Submit and correct monthly figures'),
 ('economy:monthly:import',   'economy', '企业月报导入', 'Import monthly figures'),
 ('economy:statistics:read',  'economy', '经济运行统计查看', 'View economic statistics'),
 ('economy:statistics:export','economy', '经济运行统计导出', 'Export economic statistics'),
 ('economy:plan:edit',        'economy', '园区指标、目标与价格指数维护', 'Edit zone figures, targets and price indices')
ON CONFLICT (code) DO NOTHING;

INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
 ('ADMIN', 'economy:monthly:read'), ('ADMIN', 'economy:monthly:submit'), ('ADMIN', 'economy:monthly:import'),
 ('ADMIN', 'economy:statistics:read'), ('ADMIN', 'economy:statistics:export'), ('ADMIN', 'economy:plan:edit'),
 ('ECONOMY_STAFF', 'economy:monthly:read'), ('ECONOMY_STAFF', 'economy:monthly:submit'),
 ('ECONOMY_STAFF', 'economy:monthly:import'), ('ECONOMY_STAFF', 'economy:statistics:read'),
 ('ECONOMY_STAFF', 'economy:statistics:export'), ('ECONOMY_STAFF', 'economy:plan:edit'),
 ('LEADER', 'economy:monthly:read'), ('LEADER', 'economy:statistics:read'), ('LEADER', 'economy:statistics:export'),
 ('INVESTMENT_STAFF', 'economy:statistics:read'), ('SERVICE_STAFF', 'economy:statistics:read'),
 ('ENTERPRISE', 'economy:monthly:read'), ('ENTERPRISE', 'economy:monthly:submit')
) AS grants (r, p)
WHERE EXISTS (SELECT 1 FROM role WHERE code = r)
ON CONFLICT DO NOTHING;

-- Bumped with every change of a zone's monthly figures, so that each node can keep the
-- expensive per-enterprise sums of a period and know when they are stale.
CREATE TABLE economy_data_version (
    zone_code VARCHAR(32) PRIMARY KEY,
    version   BIGINT      NOT NULL
);
