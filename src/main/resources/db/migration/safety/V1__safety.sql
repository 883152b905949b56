-- Safety and environment supervision (安全环保): inspections, hazards with their steps, remediation plans
-- and photos, notices with a per-zone-per-year counter, penalties, complaints, patrols and the duty roster.
CREATE TABLE safety_inspection (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code    VARCHAR(32)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    inspected_on DATE         NOT NULL,
    organizer    VARCHAR(100),
    agencies     TEXT[]       NOT NULL DEFAULT '{}',
    people       VARCHAR(300),
    notes        VARCHAR(2000),
    created_by   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX safety_inspection_zone_ix ON safety_inspection (zone_code, inspected_on DESC);

CREATE TABLE safety_inspection_enterprise (
    inspection_id BIGINT   NOT NULL REFERENCES safety_inspection (id) ON DELETE CASCADE,
    credit_code   CHAR(18) NOT NULL,
    PRIMARY KEY (inspection_id, credit_code)
);
CREATE INDEX safety_inspection_enterprise_ix ON safety_inspection_enterprise (credit_code);

CREATE TABLE safety_hazard (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code          VARCHAR(32)   NOT NULL,
    credit_code        CHAR(18)      NOT NULL,
    inspection_id      BIGINT        REFERENCES safety_inspection (id) ON DELETE SET NULL,
    level              VARCHAR(16)   NOT NULL,
    category           VARCHAR(50)   NOT NULL,
    description        VARCHAR(2000) NOT NULL,
    location           VARCHAR(200),
    rectification_type VARCHAR(16)   NOT NULL,
    found_on           DATE          NOT NULL,
    deadline           DATE          NOT NULL,
    responsible_person VARCHAR(64),
    status             VARCHAR(24)   NOT NULL,
    rectified_on       DATE,
    measures           VARCHAR(2000),
    accepted_on        DATE,
    overdue_since      DATE,
    created_by         VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT safety_hazard_deadline_ck CHECK (deadline >= found_on)
);
-- the list filters: zone (newest first), status, enterprise, open past the deadline
CREATE INDEX safety_hazard_zone_ix ON safety_hazard (zone_code, found_on DESC, id DESC);
CREATE INDEX safety_hazard_status_ix ON safety_hazard (zone_code, status, found_on DESC, id DESC);
CREATE INDEX safety_hazard_enterprise_ix ON safety_hazard (credit_code, found_on DESC, id DESC);
CREATE INDEX safety_hazard_open_ix ON safety_hazard (zone_code, deadline, id) WHERE status <> 'ACCEPTED';
CREATE INDEX safety_hazard_inspection_ix ON safety_hazard (inspection_id);

-- hazards per zone and status, kept by a trigger, so the unfiltered list's total is not a count of every row
CREATE TABLE safety_hazard_tally (
    zone_code VARCHAR(32) NOT NULL,
    status    VARCHAR(24) NOT NULL,
    n         BIGINT      NOT NULL,
    PRIMARY KEY (zone_code, status)
);

CREATE FUNCTION safety_hazard_tally_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE safety_hazard_tally SET n = n - 1 WHERE zone_code = OLD.zone_code AND status = OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO safety_hazard_tally (zone_code, status, n) VALUES (NEW.zone_code, NEW.status, 1)
        ON CONFLICT (zone_code, status) DO UPDATE SET n = safety_hazard_tally.n + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER safety_hazard_tally_insert_delete AFTER INSERT OR DELETE ON safety_hazard
    FOR EACH ROW EXECUTE FUNCTION safety_hazard_tally_keep();
CREATE TRIGGER safety_hazard_tally_update AFTER UPDATE OF zone_code, status ON safety_hazard
    FOR EACH ROW WHEN (OLD.zone_code IS DISTINCT FROM NEW.zone_code OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION safety_hazard_tally_keep();

-- every step of a hazard: who, when, what evidence
CREATE TABLE safety_hazard_step (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hazard_id   BIGINT        NOT NULL REFERENCES safety_hazard (id) ON DELETE CASCADE,
    action      VARCHAR(24)   NOT NULL,
    status      VARCHAR(24)   NOT NULL,
    step_on     DATE          NOT NULL,
    note        VARCHAR(2000),
    actor       VARCHAR(64)   NOT NULL,
    recorded_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX safety_hazard_step_ix ON safety_hazard_step (hazard_id, id);

-- 治理方案 of a major hazard
CREATE TABLE safety_hazard_plan (
    hazard_id         BIGINT        PRIMARY KEY REFERENCES safety_hazard (id) ON DELETE CASCADE,
    target            VARCHAR(1000) NOT NULL,
    measures          VARCHAR(2000) NOT NULL,
    funds             NUMERIC(14, 4),
    people            VARCHAR(300),
    deadline          DATE          NOT NULL,
    safety_measures   VARCHAR(2000),
    updated_by        VARCHAR(64)   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version           BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE safety_photo (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_type   VARCHAR(16)  NOT NULL,
    owner_id     BIGINT       NOT NULL,
    stage        VARCHAR(16)  NOT NULL,
    content_type VARCHAR(32)  NOT NULL,
    size_bytes   INT          NOT NULL,
    file_name    VARCHAR(200),
    bytes        BYTEA        NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX safety_photo_owner_ix ON safety_photo (owner_type, owner_id);

CREATE TABLE safety_notice_counter (
    zone_code VARCHAR(32) NOT NULL,
    year      INT         NOT NULL,
    last_no   INT         NOT NULL,
    PRIMARY KEY (zone_code, year)
);

CREATE TABLE safety_notice (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code   VARCHAR(32)  NOT NULL,
    credit_code CHAR(18)     NOT NULL,
    kind        VARCHAR(24)  NOT NULL,
    year        INT          NOT NULL,
    seq         INT          NOT NULL,
    number      VARCHAR(64)  NOT NULL,
    issued_on   DATE         NOT NULL,
    deadline    DATE         NOT NULL,
    issuer      VARCHAR(100) NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (zone_code, year, seq)
);
CREATE INDEX safety_notice_zone_ix ON safety_notice (zone_code, issued_on DESC);
CREATE INDEX safety_notice_enterprise_ix ON safety_notice (credit_code);

CREATE TABLE safety_notice_hazard (
    notice_id BIGINT NOT NULL REFERENCES safety_notice (id) ON DELETE CASCADE,
    hazard_id BIGINT NOT NULL REFERENCES safety_hazard (id) ON DELETE CASCADE,
    PRIMARY KEY (notice_id, hazard_id)
);
CREATE INDEX safety_notice_hazard_ix ON safety_notice_hazard (hazard_id);

CREATE TABLE safety_penalty (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code       VARCHAR(32)    NOT NULL,
    credit_code     CHAR(18)       NOT NULL,
    decided_on      DATE           NOT NULL,
    amount          NUMERIC(14, 4) NOT NULL CHECK (amount >= 0),
    reason          VARCHAR(1000)  NOT NULL,
    decision_number VARCHAR(64),
    created_by      VARCHAR(64)    NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX safety_penalty_zone_ix ON safety_penalty (zone_code, decided_on DESC);
CREATE INDEX safety_penalty_enterprise_ix ON safety_penalty (credit_code);

CREATE TABLE safety_penalty_hazard (
    penalty_id BIGINT NOT NULL REFERENCES safety_penalty (id) ON DELETE CASCADE,
    hazard_id  BIGINT NOT NULL REFERENCES safety_hazard (id) ON DELETE CASCADE,
    PRIMARY KEY (penalty_id, hazard_id)
);

-- 信访件: received → handling → answered → closed (销号)
CREATE TABLE safety_complaint (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code     VARCHAR(32)   NOT NULL,
    received_on   DATE          NOT NULL,
    source        VARCHAR(100)  NOT NULL,
    content       VARCHAR(2000) NOT NULL,
    credit_code   CHAR(18),
    deadline      DATE          NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    handled_on    DATE,
    handling_note VARCHAR(2000),
    answered_on   DATE,
    answer        VARCHAR(2000),
    closed_on     DATE,
    reply         VARCHAR(2000),
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version       BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX safety_complaint_zone_ix ON safety_complaint (zone_code, received_on DESC);

-- 巡查 with its daily log (调查日报)
CREATE TABLE safety_patrol (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code    VARCHAR(32)   NOT NULL,
    patrol_on    DATE          NOT NULL,
    route        VARCHAR(300)  NOT NULL,
    patrollers   VARCHAR(300)  NOT NULL,
    findings     VARCHAR(2000) NOT NULL,
    complaint_id BIGINT        REFERENCES safety_complaint (id) ON DELETE SET NULL,
    created_by   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX safety_patrol_zone_ix ON safety_patrol (zone_code, patrol_on DESC);

-- 值班 (24-hour duty roster for environmental emergencies), one row per zone and day
CREATE TABLE safety_duty (
    zone_code  VARCHAR(32)  NOT NULL,
    duty_on    DATE         NOT NULL,
    leader     VARCHAR(64)  NOT NULL,
    staff      VARCHAR(200) NOT NULL,
    phone      VARCHAR(32)  NOT NULL,
    updated_by VARCHAR(64)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (zone_code, duty_on)
);

INSERT INTO permission (code, module, name_zh, name_en) VALUES
 ('safety:inspection:read',  'safety', '安全检查查看', 'View inspections'),
 ('safety:inspection:edit',  'safety', '安全检查登记', 'Record inspections'),
 ('safety:hazard:read',      'safety', '隐患查看', 'View hazards'),
 ('safety:hazard:edit',      'safety', '隐患登记', 'Record hazards'),
 ('safety:hazard:rectify',   'safety', '隐患整改上报', 'Report rectification'),
 ('safety:hazard:accept',    'safety', '隐患验收销号', 'Accept rectification'),
 ('safety:notice:read',      'safety', '整改通知书查看', 'View notices'),
 ('safety:notice:edit',      'safety', '整改通知书下达', 'Issue notices'),
 ('safety:penalty:read',     'safety', '行政处罚查看', 'View penalties'),
 ('safety:penalty:edit',     'safety', '行政处罚登记', 'Record penalties'),
 ('safety:complaint:read',   'safety', '信访件查看', 'View complaints'),
 ('safety:complaint:edit',   'safety', '信访件办理', 'Handle complaints'),
 ('safety:patrol:read',      'safety', '巡查与值班查看', 'View patrols and duty roster'),
 ('safety:patrol:edit',      'safety', '巡查与值班维护', 'Keep patrols and duty roster'),
 ('safety:statistics:read',  'safety', '安全环保统计', 'Safety statistics'),
 ('safety:data:export',      'safety', '安全环保导出', 'Export safety lists');

INSERT INTO role_permission (role_code, permission_code)
SELECT 'SAFETY_STAFF', code FROM permission WHERE module = 'safety';

INSERT INTO role_permission (role_code, permission_code) VALUES
 ('LEADER', 'safety:inspection:read'), ('LEADER', 'safety:hazard:read'), ('LEADER', 'safety:notice:read'),
 ('LEADER', 'safety:penalty:read'), ('LEADER', 'safety:complaint:read'), ('LEADER', 'safety:patrol:read'),
 ('LEADER', 'safety:statistics:read'), ('LEADER', 'safety:data:export'),
 ('ENTERPRISE', 'safety:hazard:read'), ('ENTERPRISE', 'safety:hazard:rectify'),
 ('ENTERPRISE', 'safety:notice:read'), ('ENTERPRISE', 'safety:penalty:read');
