-- Issue 13: the ownership of an enterprise (登记注册类型 / 经济类型), from which party building counts the
-- non-public enterprises (非公企业). NULL means not recorded (shown as 未填). Enterprises registered before
-- carry the one thing the registry knew: an active 外资 flag makes them 外商; the rest stay 未填 for the staff.
ALTER TABLE enterprise ADD COLUMN ownership_type VARCHAR(32)
    CHECK (ownership_type IN ('STATE_OWNED', 'COLLECTIVE', 'PRIVATE', 'HONG_KONG_MACAO_TAIWAN', 'FOREIGN', 'OTHER'));

UPDATE enterprise e SET ownership_type = 'FOREIGN'
WHERE EXISTS (SELECT 1 FROM enterprise_flag f WHERE f.enterprise_id = e.id AND f.kind = 'FOREIGN'
              AND f.revoked_on IS NULL AND (f.expires_on IS NULL OR f.expires_on >= current_date));
