-- Land, assets and per-mu evaluation (要素保障). Areas in 亩 (mu), money in 万元 unless named otherwise.

-- 地块: one parcel of the zone with its boundary (GeoJSON Polygon or MultiPolygon, as sent).
CREATE TABLE land_parcel (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code         VARCHAR(32)   NOT NULL,
    code              VARCHAR(32)   NOT NULL,
    area_mu           NUMERIC(12,4) NOT NULL,
    use               VARCHAR(16)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    owner_credit_code CHAR(18),
    location          VARCHAR(200),
    geometry          TEXT          NOT NULL,
    inefficient       BOOLEAN       NOT NULL DEFAULT false,
    version           BIGINT        NOT NULL DEFAULT 0,
    created_by        VARCHAR(64)   NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (zone_code, code)
);
CREATE INDEX land_parcel_owner_ix ON land_parcel (owner_credit_code);

-- 征地: one expropriation record.
CREATE TABLE land_expropriation (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code    VARCHAR(32)   NOT NULL,
    on_date      DATE          NOT NULL,
    area_mu      NUMERIC(12,4) NOT NULL,
    households   INT           NOT NULL DEFAULT 0,
    graves       INT           NOT NULL DEFAULT 0,
    houses_m2    NUMERIC(14,2) NOT NULL DEFAULT 0,
    compensation NUMERIC(14,2) NOT NULL DEFAULT 0,
    note         VARCHAR(500),
    created_by   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX land_expropriation_ix ON land_expropriation (zone_code, on_date);

-- 组卷报批: an approval batch 组卷中 → 已上报 → 已批复.
CREATE TABLE land_approval_batch (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code    VARCHAR(32)   NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    area_mu      NUMERIC(12,4) NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    prepared_on  DATE,
    submitted_on DATE,
    approved_on  DATE,
    version      BIGINT        NOT NULL DEFAULT 0,
    created_by   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (zone_code, name)
);

-- 供地 by 宗: listing sale (挂牌出让) or allocation (划拨), with the 标准地 indicators and the
-- development progress the idle-land clock reads.
CREATE TABLE land_supply (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code              VARCHAR(32)   NOT NULL,
    parcel_id              BIGINT        NOT NULL REFERENCES land_parcel (id),
    kind                   VARCHAR(16)   NOT NULL,
    area_mu                NUMERIC(12,4) NOT NULL,
    price                  NUMERIC(14,2) NOT NULL,
    buyer_credit_code      CHAR(18)      NOT NULL,
    on_date                DATE          NOT NULL,
    agreed_start_on        DATE,
    standard_land          BOOLEAN       NOT NULL DEFAULT false,
    investment_intensity   NUMERIC(12,2),
    plot_ratio             NUMERIC(6,2),
    building_coefficient   NUMERIC(6,2),
    tax_per_mu             NUMERIC(12,2),
    energy_per_value       NUMERIC(12,4),
    capacity_on            DATE,
    started_on             DATE,
    developed_pct          NUMERIC(5,2),
    invested_pct           NUMERIC(5,2),
    stopped_on             DATE,
    closed_on              DATE,
    version                BIGINT        NOT NULL DEFAULT 0,
    created_by             VARCHAR(64)   NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (parcel_id)
);
CREATE INDEX land_supply_zone_ix ON land_supply (zone_code, on_date);

-- 闲置土地 notices: the fee notice (征缴土地闲置费) and the reclaim notice (无偿收回).
CREATE TABLE land_idle_notice (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supply_id  BIGINT        NOT NULL REFERENCES land_supply (id),
    zone_code  VARCHAR(32)   NOT NULL,
    kind       VARCHAR(16)   NOT NULL,
    number     VARCHAR(64)   NOT NULL,
    seq        INT           NOT NULL,
    year       INT           NOT NULL,
    issued_on  DATE          NOT NULL,
    fee        NUMERIC(14,2),
    created_by VARCHAR(64)   NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (supply_id, kind),
    UNIQUE (zone_code, year, seq)
);

-- 处置: disposal of 批而未供, 闲置 or 低效 land.
CREATE TABLE land_disposal (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code  VARCHAR(32)   NOT NULL,
    kind       VARCHAR(24)   NOT NULL,
    method     VARCHAR(24)   NOT NULL,
    area_mu    NUMERIC(12,4) NOT NULL,
    on_date    DATE          NOT NULL,
    parcel_id  BIGINT REFERENCES land_parcel (id),
    note       VARCHAR(500),
    created_by VARCHAR(64)   NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX land_disposal_ix ON land_disposal (zone_code, on_date);

-- 亩均效益评价: the scheme of a year (JSON), manual inputs, evaluations with their results.
CREATE TABLE land_permu_scheme (
    year       INT          PRIMARY KEY,
    scheme     TEXT         NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    updated_by VARCHAR(64)  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE land_permu_input (
    year        INT           NOT NULL,
    credit_code CHAR(18)      NOT NULL,
    land_mu     NUMERIC(12,4),
    tax         NUMERIC(16,2),
    value_added NUMERIC(16,2),
    revenue     NUMERIC(16,2),
    electricity NUMERIC(16,2),
    energy_tce  NUMERIC(16,2),
    emissions   NUMERIC(16,4),
    employees   NUMERIC(12,2),
    rd_expense  NUMERIC(16,2),
    not_graded  BOOLEAN,
    version     BIGINT        NOT NULL DEFAULT 0,
    updated_by  VARCHAR(64)   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (year, credit_code)
);

CREATE TABLE land_permu_evaluation (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code       VARCHAR(32)  NOT NULL,
    year            INT          NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    scheme          TEXT         NOT NULL,
    published_on    DATE,
    objection_until DATE,
    finalized_on    DATE,
    version         BIGINT       NOT NULL DEFAULT 0,
    created_by      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (zone_code, year)
);

CREATE TABLE land_permu_result (
    evaluation_id BIGINT        NOT NULL REFERENCES land_permu_evaluation (id) ON DELETE CASCADE,
    credit_code   CHAR(18)      NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    above_scale   BOOLEAN       NOT NULL,
    graded        BOOLEAN       NOT NULL,
    land_mu       NUMERIC(12,4) NOT NULL,
    score         NUMERIC(10,2),
    rank          INT,
    class         CHAR(1)       NOT NULL,
    items         TEXT          NOT NULL,
    to_next       TEXT          NOT NULL,
    PRIMARY KEY (evaluation_id, credit_code)
);
CREATE INDEX land_permu_result_cc_ix ON land_permu_result (credit_code);

-- 异议: an enterprise's objection to its published result, with evidence.
CREATE TABLE land_permu_objection (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    evaluation_id BIGINT        NOT NULL REFERENCES land_permu_evaluation (id) ON DELETE CASCADE,
    credit_code   CHAR(18)      NOT NULL,
    text          VARCHAR(2000) NOT NULL,
    evidence      VARCHAR(2000),
    submitted_on  DATE          NOT NULL,
    status        VARCHAR(16)   NOT NULL DEFAULT 'OPEN',
    reply         VARCHAR(2000),
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- 资产运营: the platform company's units, leases, payments and litigation.
CREATE TABLE asset_unit (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code  VARCHAR(32)   NOT NULL,
    building   VARCHAR(64)   NOT NULL,
    unit       VARCHAR(32)   NOT NULL,
    kind       VARCHAR(24)   NOT NULL,
    area_m2    NUMERIC(10,2) NOT NULL,
    version    BIGINT        NOT NULL DEFAULT 0,
    created_by VARCHAR(64)   NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (zone_code, building, unit)
);

CREATE TABLE asset_lease (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id            BIGINT        NOT NULL REFERENCES asset_unit (id),
    zone_code          VARCHAR(32)   NOT NULL,
    tenant_credit_code CHAR(18)      NOT NULL,
    from_on            DATE          NOT NULL,
    to_on              DATE          NOT NULL,
    rent_per_m2_month  NUMERIC(10,2) NOT NULL,
    deposit            NUMERIC(14,2) NOT NULL DEFAULT 0,
    monthly_rent       NUMERIC(14,2) NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    created_by         VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX asset_lease_unit_ix ON asset_lease (unit_id);
CREATE INDEX asset_lease_tenant_ix ON asset_lease (tenant_credit_code);
CREATE INDEX asset_lease_zone_ix ON asset_lease (zone_code);

CREATE TABLE asset_payment (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lease_id   BIGINT        NOT NULL REFERENCES asset_lease (id),
    on_date    DATE          NOT NULL,
    amount     NUMERIC(14,2) NOT NULL,
    created_by VARCHAR(64)   NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX asset_payment_ix ON asset_payment (lease_id);

CREATE TABLE asset_litigation (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lease_id   BIGINT        NOT NULL REFERENCES asset_lease (id),
    on_date    DATE          NOT NULL,
    note       VARCHAR(500),
    created_by VARCHAR(64)   NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX asset_litigation_ix ON asset_litigation (lease_id);
