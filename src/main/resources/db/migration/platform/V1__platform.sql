-- Zones (开发区/园区), their areas (片区) and departments; users, roles and permissions;
-- API tokens; the append-only audit trail.
CREATE TABLE zone (
    code       VARCHAR(32)  PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE area (
    zone_code VARCHAR(32)  NOT NULL REFERENCES zone (code) ON DELETE CASCADE,
    code      VARCHAR(32)  NOT NULL,
    name      VARCHAR(100) NOT NULL,
    PRIMARY KEY (zone_code, code)
);

CREATE TABLE department (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code VARCHAR(32)  NOT NULL REFERENCES zone (code) ON DELETE CASCADE,
    name      VARCHAR(100) NOT NULL,
    UNIQUE (zone_code, name)
);

CREATE TABLE permission (
    code    VARCHAR(64)  PRIMARY KEY,
    module  VARCHAR(32)  NOT NULL,
    name_zh VARCHAR(100) NOT NULL,
    name_en VARCHAR(100) NOT NULL
);

CREATE TABLE role (
    code    VARCHAR(32)  PRIMARY KEY,
    name_zh VARCHAR(100) NOT NULL,
    name_en VARCHAR(100) NOT NULL,
    builtin BOOLEAN      NOT NULL DEFAULT false
);

CREATE TABLE role_permission (
    role_code       VARCHAR(32) NOT NULL REFERENCES role (code) ON DELETE CASCADE,
    permission_code VARCHAR(64) NOT NULL REFERENCES permission (code) ON DELETE CASCADE,
    PRIMARY KEY (role_code, permission_code)
);

CREATE TABLE app_user (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username               VARCHAR(64)  NOT NULL UNIQUE,
    password_hash          VARCHAR(100) NOT NULL,
    display_name           VARCHAR(100) NOT NULL,
    phone                  VARCHAR(32),
    department_id          BIGINT REFERENCES department (id) ON DELETE SET NULL,
    enterprise_credit_code VARCHAR(18),
    enabled                BOOLEAN      NOT NULL DEFAULT true,
    must_change_password   BOOLEAN      NOT NULL DEFAULT false,
    failed_attempts        INT          NOT NULL DEFAULT 0,
    locked_until           TIMESTAMPTZ,
    last_login_at          TIMESTAMPTZ,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version                BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX app_user_enterprise_ix ON app_user (enterprise_credit_code);

CREATE TABLE user_role (
    user_id   BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role_code VARCHAR(32) NOT NULL REFERENCES role (code),
    PRIMARY KEY (user_id, role_code)
);

CREATE TABLE user_zone (
    user_id   BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    zone_code VARCHAR(32) NOT NULL REFERENCES zone (code) ON DELETE CASCADE,
    PRIMARY KEY (user_id, zone_code)
);

CREATE TABLE api_token (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash CHAR(64)    NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);

-- Long imports run in the background; their progress is kept here so any node can answer.
CREATE TABLE import_job (
    id          UUID        PRIMARY KEY,
    kind        VARCHAR(32) NOT NULL,
    username    VARCHAR(64) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    total       INT         NOT NULL DEFAULT 0,
    done        INT         NOT NULL DEFAULT 0,
    result_json TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE platform_setting (
    key   VARCHAR(100) PRIMARY KEY,
    value TEXT         NOT NULL
);

-- Append-only: each record carries the SHA-256 of the previous one; updates and deletes are refused.
CREATE TABLE audit_record (
    seq         BIGINT       PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL,
    username    VARCHAR(64)  NOT NULL,
    action      VARCHAR(32)  NOT NULL,
    entity      VARCHAR(64)  NOT NULL,
    entity_id   VARCHAR(100),
    before_json TEXT,
    after_json  TEXT,
    remote_addr VARCHAR(64),
    prev_hash   CHAR(64)     NOT NULL,
    hash        CHAR(64)     NOT NULL
);
CREATE INDEX audit_record_user_ix ON audit_record (username, occurred_at);
CREATE INDEX audit_record_entity_ix ON audit_record (entity, entity_id);
CREATE INDEX audit_record_time_ix ON audit_record (occurred_at);

CREATE FUNCTION audit_record_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_record_no_update BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();

INSERT INTO permission (code, module, name_zh, name_en) VALUES
 ('system:user:read',   'system', '用户查看', 'View users'),
 ('system:user:edit',   'system', '用户管理', 'Manage users'),
 ('system:zone:read',   'system', '园区查看', 'View zones'),
 ('system:zone:edit',   'system', '园区管理', 'Manage zones'),
 ('system:role:read',   'system', '角色查看', 'View roles'),
 ('system:role:edit',   'system', '角色权限管理', 'Manage roles and permissions'),
 ('audit:record:read',  'audit',  '审计日志查看', 'Read the audit trail'),
 ('enterprise:enterprise:read',   'enterprise', '企业档案查看', 'View enterprises'),
 ('enterprise:enterprise:edit',   'enterprise', '企业档案维护', 'Edit enterprises'),
 ('enterprise:enterprise:import', 'enterprise', '企业档案导入', 'Import enterprises'),
 ('enterprise:enterprise:export', 'enterprise', '企业档案导出', 'Export enterprises');

INSERT INTO role (code, name_zh, name_en, builtin) VALUES
 ('ADMIN',            '系统管理员', 'System administrator', true),
 ('SECURITY_ADMIN',   '安全管理员', 'Security administrator', true),
 ('AUDITOR',          '审计员',     'Auditor', true),
 ('LEADER',           '管委会领导', 'Leader', true),
 ('ECONOMY_STAFF',    '经济发展局', 'Economy staff', true),
 ('INVESTMENT_STAFF', '招商局',     'Investment staff', true),
 ('SAFETY_STAFF',     '安全环保局', 'Safety staff', true),
 ('SERVICE_STAFF',    '企业服务中心', 'Enterprise service staff', true),
 ('LAND_STAFF',       '自然资源/土地', 'Land staff', true),
 ('PARTY_STAFF',      '党群工作部', 'Party staff', true),
 ('ENTERPRISE',       '企业用户',   'Enterprise user', true);

INSERT INTO role_permission (role_code, permission_code) VALUES
 ('ADMIN', 'system:user:read'), ('ADMIN', 'system:user:edit'),
 ('ADMIN', 'system:zone:read'), ('ADMIN', 'system:zone:edit'),
 ('ADMIN', 'enterprise:enterprise:read'), ('ADMIN', 'enterprise:enterprise:edit'),
 ('ADMIN', 'enterprise:enterprise:import'), ('ADMIN', 'enterprise:enterprise:export'),
 ('SECURITY_ADMIN', 'system:role:read'), ('SECURITY_ADMIN', 'system:role:edit'),
 ('SECURITY_ADMIN', 'system:user:read'),
 ('AUDITOR', 'audit:record:read'),
 ('LEADER', 'enterprise:enterprise:read'), ('LEADER', 'enterprise:enterprise:export'),
 ('LEADER', 'system:zone:read'),
 ('ECONOMY_STAFF', 'enterprise:enterprise:read'), ('ECONOMY_STAFF', 'enterprise:enterprise:edit'),
 ('ECONOMY_STAFF', 'enterprise:enterprise:import'), ('ECONOMY_STAFF', 'enterprise:enterprise:export'),
 ('INVESTMENT_STAFF', 'enterprise:enterprise:read'), ('INVESTMENT_STAFF', 'enterprise:enterprise:edit'),
 ('INVESTMENT_STAFF', 'enterprise:enterprise:export'),
 ('SAFETY_STAFF', 'enterprise:enterprise:read'), ('SAFETY_STAFF', 'enterprise:enterprise:export'),
 ('SERVICE_STAFF', 'enterprise:enterprise:read'), ('SERVICE_STAFF', 'enterprise:enterprise:edit'),
 ('SERVICE_STAFF', 'enterprise:enterprise:export'),
 ('LAND_STAFF', 'enterprise:enterprise:read'),
 ('PARTY_STAFF', 'enterprise:enterprise:read'),
 ('ENTERPRISE', 'enterprise:enterprise:read'), ('ENTERPRISE', 'enterprise:enterprise:edit');
