-- Enterprise services (企业服务): requests (诉求) driven to a result and rated by the enterprise, visits (走访)
-- with the deeds done (实事), policies (惠企政策) with criteria on the data the system holds and their
-- applications (申报 → 审核 → 兑现), financing (过桥应急周转金, 园区贷, 续贷) and job fairs (招聘会).
-- Amounts in 万元, never floating point.
CREATE TABLE service_request (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code       VARCHAR(32)   NOT NULL,
    credit_code     CHAR(18)      NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    category        VARCHAR(16)   NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    content         VARCHAR(4000) NOT NULL,
    raised_on       DATE          NOT NULL,
    deadline        DATE          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    level           VARCHAR(8),
    department      VARCHAR(100),
    handler         VARCHAR(64),
    handled_on      DATE,
    resolved_on     DATE,
    result          VARCHAR(4000),
    satisfaction    SMALLINT,
    rating_comment  VARCHAR(1000),
    rated_on        DATE,
    reopened        INT           NOT NULL DEFAULT 0,
    withdrawn_on    DATE,
    escalated_on    DATE,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT service_request_deadline_ck CHECK (deadline >= raised_on),
    CONSTRAINT service_request_satisfaction_ck CHECK (satisfaction BETWEEN 1 AND 5)
);
CREATE INDEX service_request_zone_ix ON service_request (zone_code, raised_on DESC, id DESC);
CREATE INDEX service_request_status_ix ON service_request (zone_code, status, raised_on DESC, id DESC);
CREATE INDEX service_request_enterprise_ix ON service_request (credit_code, raised_on DESC, id DESC);
CREATE INDEX service_request_open_ix ON service_request (zone_code, deadline) WHERE status IN ('SUBMITTED', 'IN_PROGRESS');

-- every step of a request: who did what when (受理, 交办, 办结, 评价, 重新办理, 撤回, 逾期上报)
CREATE TABLE service_request_step (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  BIGINT        NOT NULL REFERENCES service_request (id) ON DELETE CASCADE,
    step        VARCHAR(16)   NOT NULL,
    on_date     DATE          NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    text        VARCHAR(4000),
    at          TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX service_request_step_ix ON service_request_step (request_id, id);

CREATE TABLE service_visit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code   VARCHAR(32)   NOT NULL,
    visited_on  DATE          NOT NULL,
    visitors    TEXT[]        NOT NULL DEFAULT '{}',
    notes       VARCHAR(4000),
    deeds       INT           NOT NULL DEFAULT 0 CHECK (deeds >= 0),
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX service_visit_zone_ix ON service_visit (zone_code, visited_on DESC, id DESC);

CREATE TABLE service_visit_enterprise (
    visit_id    BIGINT   NOT NULL REFERENCES service_visit (id) ON DELETE CASCADE,
    credit_code CHAR(18) NOT NULL,
    PRIMARY KEY (visit_id, credit_code)
);
CREATE INDEX service_visit_enterprise_ix ON service_visit_enterprise (credit_code);

CREATE TABLE service_financing (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code   VARCHAR(32)   NOT NULL,
    credit_code CHAR(18)      NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    granted_on  DATE          NOT NULL,
    amount      NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    bank        VARCHAR(100),
    due_on      DATE,
    repaid_on   DATE,
    fee         NUMERIC(12,2),
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX service_financing_zone_ix ON service_financing (zone_code, granted_on DESC, id DESC);
CREATE INDEX service_financing_enterprise_ix ON service_financing (credit_code);

CREATE TABLE service_job_fair (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code   VARCHAR(32)   NOT NULL,
    held_on     DATE          NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    title       VARCHAR(200),
    visitors    INT           NOT NULL DEFAULT 0 CHECK (visitors >= 0),
    hires       INT           NOT NULL DEFAULT 0 CHECK (hires >= 0),
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX service_job_fair_zone_ix ON service_job_fair (zone_code, held_on DESC);

CREATE TABLE service_job_fair_enterprise (
    fair_id     BIGINT   NOT NULL REFERENCES service_job_fair (id) ON DELETE CASCADE,
    credit_code CHAR(18) NOT NULL,
    PRIMARY KEY (fair_id, credit_code)
);

-- criteria: a JSON array of {kind, …} (ABOVE_SCALE, FLAG, INDUSTRY, INDICATOR_GROWTH, INDICATOR_AMOUNT, MANUAL)
CREATE TABLE service_policy (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code       VARCHAR(32)   NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    issuer          VARCHAR(100)  NOT NULL,
    issuer_level    VARCHAR(16),
    document_number VARCHAR(100),
    valid_from      DATE,
    valid_to        DATE,
    window_from     DATE,
    window_to       DATE,
    amount_rule     VARCHAR(1000),
    criteria        TEXT          NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX service_policy_zone_ix ON service_policy (zone_code, id DESC);

CREATE TABLE service_application (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    policy_id       BIGINT        NOT NULL REFERENCES service_policy (id),
    zone_code       VARCHAR(32)   NOT NULL,
    credit_code     CHAR(18)      NOT NULL,
    amount          NUMERIC(14,2) NOT NULL CHECK (amount >= 0),
    applied_on      DATE          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    reviewed_on     DATE,
    approved_amount NUMERIC(14,2),
    paid_on         DATE,
    paid_amount     NUMERIC(14,2),
    automatic       BOOLEAN       NOT NULL DEFAULT false,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX service_application_zone_ix ON service_application (zone_code, applied_on DESC, id DESC);
CREATE INDEX service_application_policy_ix ON service_application (policy_id, credit_code);
CREATE INDEX service_application_enterprise_ix ON service_application (credit_code);
