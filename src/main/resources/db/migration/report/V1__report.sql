-- Work reports (工作总结): a report with its versions; each version holds the generated text of every
-- section next to the staff's manual edit, and the figures the texts refer to (数出有源).
CREATE TABLE report (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code           VARCHAR(32)  NOT NULL,
    kind                VARCHAR(16)  NOT NULL,
    year                INT          NOT NULL,
    month               INT,
    title               VARCHAR(300) NOT NULL,
    status              VARCHAR(16)  NOT NULL DEFAULT 'DRAFT',
    current_version     INT          NOT NULL DEFAULT 1,
    -- what the user asked for; null = the default (latest month with data, today)
    requested_data_month INT,
    requested_as_of     DATE,
    created_by          VARCHAR(64)  NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finalized_by        VARCHAR(64),
    finalized_at        TIMESTAMPTZ,
    CONSTRAINT report_status_ck CHECK (status IN ('DRAFT', 'FINAL')),
    CONSTRAINT report_kind_ck CHECK (kind IN ('HALF_YEAR', 'ANNUAL', 'MONTHS', 'QUARTER'))
);
CREATE INDEX report_list_ix ON report (zone_code, year DESC, created_at DESC);

CREATE TABLE report_version (
    report_id         BIGINT      NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    version           INT         NOT NULL,
    data_month        DATE        NOT NULL,
    as_of             DATE        NOT NULL,
    -- the plans the work lines contributed, to renumber 三、 when staff add theirs
    contributor_plans JSONB       NOT NULL DEFAULT '[]',
    -- what changed in the data against the previous version
    changes           JSONB,
    generated_by      VARCHAR(64) NOT NULL,
    generated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (report_id, version)
);

CREATE TABLE report_section (
    report_id  BIGINT       NOT NULL,
    version    INT          NOT NULL,
    key        VARCHAR(80)  NOT NULL,
    position   INT          NOT NULL,
    title      VARCHAR(200) NOT NULL,
    generated  JSONB        NOT NULL,
    edited     JSONB,
    edited_by  VARCHAR(64),
    edited_at  TIMESTAMPTZ,
    PRIMARY KEY (report_id, version, key),
    FOREIGN KEY (report_id, version) REFERENCES report_version (report_id, version) ON DELETE CASCADE
);

CREATE TABLE report_figure (
    report_id   BIGINT       NOT NULL,
    version     INT          NOT NULL,
    figure_id   VARCHAR(120) NOT NULL,
    position    INT          NOT NULL,
    text        VARCHAR(200) NOT NULL,
    explanation TEXT         NOT NULL,
    source      JSONB        NOT NULL,
    PRIMARY KEY (report_id, version, figure_id),
    FOREIGN KEY (report_id, version) REFERENCES report_version (report_id, version) ON DELETE CASCADE
);

-- Plans the staff add to 三、下阶段打算 in their own words; they stay across versions.
CREATE TABLE report_plan (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id BIGINT        NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    text      VARCHAR(1000) NOT NULL,
    added_by  VARCHAR(64)   NOT NULL,
    added_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX report_plan_ix ON report_plan (report_id, id);

INSERT INTO permission (code, module, name_zh, name_en) VALUES
 ('report:report:read',     'report', '工作总结查看', 'View work reports'),
 ('report:report:edit',     'report', '工作总结生成与编辑', 'Generate and edit work reports'),
 ('report:report:finalize', 'report', '工作总结定稿', 'Finalise work reports');

INSERT INTO role_permission (role_code, permission_code) VALUES
 ('ADMIN', 'report:report:read'), ('ADMIN', 'report:report:edit'), ('ADMIN', 'report:report:finalize'),
 ('LEADER', 'report:report:read'), ('LEADER', 'report:report:edit'), ('LEADER', 'report:report:finalize'),
 ('ECONOMY_STAFF', 'report:report:read'), ('ECONOMY_STAFF', 'report:report:edit'),
 ('INVESTMENT_STAFF', 'report:report:read'), ('INVESTMENT_STAFF', 'report:report:edit'),
 ('SAFETY_STAFF', 'report:report:read'), ('SAFETY_STAFF', 'report:report:edit'),
 ('SERVICE_STAFF', 'report:report:read'), ('SERVICE_STAFF', 'report:report:edit'),
 ('LAND_STAFF', 'report:report:read'), ('LAND_STAFF', 'report:report:edit'),
 ('PARTY_STAFF', 'report:report:read'), ('PARTY_STAFF', 'report:report:edit');
