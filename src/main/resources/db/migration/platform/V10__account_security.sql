-- Account changes take effect at once on every node: each request of an open session
-- compares the session's security version with the account's; any change of the account's
-- state, roles, scope or password, or of a role it holds, raises it.
ALTER TABLE app_user ADD COLUMN security_version BIGINT NOT NULL DEFAULT 0;

-- Password resets follow the separation of duties: ADMIN resets business, enterprise and
-- SECURITY_ADMIN accounts, SECURITY_ADMIN resets ADMIN and AUDITOR accounts.
INSERT INTO permission (code, module, name_zh, name_en) VALUES
 ('system:user:reset', 'system', '重置用户密码', 'Reset user passwords');
INSERT INTO role_permission (role_code, permission_code) VALUES
 ('ADMIN', 'system:user:reset'), ('SECURITY_ADMIN', 'system:user:reset');

-- A zone of fictional demo data says so on every page.
ALTER TABLE zone ADD COLUMN demo BOOLEAN NOT NULL DEFAULT false;
UPDATE zone SET demo = true
 WHERE code = 'yunxi' AND EXISTS (SELECT 1 FROM platform_setting WHERE key = 'demo.loaded');
