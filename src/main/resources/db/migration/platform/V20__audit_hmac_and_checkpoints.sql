-- The audit chain continues with HMAC-SHA256 under a key kept outside the database. Records
-- written before carry 'SHA-256' and stay verifiable; every new record names its algorithm.
-- (Adding a column with a default rewrites no row, so the append-only trigger is not involved.)
ALTER TABLE audit_record ADD COLUMN alg VARCHAR(16) NOT NULL DEFAULT 'SHA-256';
ALTER TABLE audit_record ALTER COLUMN alg DROP DEFAULT;

-- Identifies this chain, so checkpoints of another database (a fresh one, a copy) are not mistaken for its own.
INSERT INTO platform_setting (key, value) VALUES ('audit.chain', gen_random_uuid()::text)
    ON CONFLICT (key) DO NOTHING;

-- Signed checkpoints: the head of the chain at a moment, with an HMAC of (chain, seq, head, time).
-- Also appended to <data dir>/audit/checkpoints.log outside the database.
CREATE TABLE audit_checkpoint (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chain_id   VARCHAR(36) NOT NULL,
    seq        BIGINT      NOT NULL,
    head_hash  CHAR(64)    NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    hmac       CHAR(64)    NOT NULL
);
CREATE INDEX audit_checkpoint_seq_ix ON audit_checkpoint (chain_id, seq);

CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_record_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_append_only();

-- Whoever was granted more than reading and appending on the audit tables (e.g. by default
-- privileges of the owner) keeps only SELECT and INSERT.
DO $$
DECLARE
    g RECORD;
BEGIN
    FOR g IN SELECT DISTINCT grantee, table_name FROM information_schema.role_table_grants
             WHERE table_schema = current_schema()
               AND table_name IN ('audit_record', 'audit_checkpoint')
               AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')
               AND grantee <> current_user AND grantee <> 'PUBLIC'
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %I FROM %I', g.table_name, g.grantee);
    END LOOP;
END;
$$;
