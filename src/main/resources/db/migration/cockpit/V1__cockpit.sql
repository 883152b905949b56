-- The leadership cockpit (领导驾驶舱): who may open it. What each part shows also depends on the
-- work line's own read permission (economy:statistics:read, safety:statistics:read).
INSERT INTO permission (code, module, name_zh, name_en) VALUES
 ('cockpit:cockpit:read', 'cockpit', '领导驾驶舱', 'Leadership cockpit');

INSERT INTO role_permission (role_code, permission_code) VALUES
 ('ADMIN', 'cockpit:cockpit:read'), ('LEADER', 'cockpit:cockpit:read'),
 ('ECONOMY_STAFF', 'cockpit:cockpit:read'), ('INVESTMENT_STAFF', 'cockpit:cockpit:read'),
 ('SAFETY_STAFF', 'cockpit:cockpit:read'), ('SERVICE_STAFF', 'cockpit:cockpit:read'),
 ('LAND_STAFF', 'cockpit:cockpit:read'), ('PARTY_STAFF', 'cockpit:cockpit:read');
