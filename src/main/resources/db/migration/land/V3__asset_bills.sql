-- Stored rent bills (租金账单): one per lease and period, issued when the lease is signed and
-- by the daily billing job for each period begun; payments are recorded against a bill.
CREATE TABLE asset_bill (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lease_id           BIGINT        NOT NULL REFERENCES asset_lease (id),
    zone_code          VARCHAR(32)   NOT NULL,
    tenant_credit_code CHAR(18)      NOT NULL,
    period_from        DATE          NOT NULL,
    period_to          DATE          NOT NULL,
    due_on             DATE          NOT NULL,
    -- 元
    amount             NUMERIC(14,2) NOT NULL CHECK (amount >= 0),
    paid               NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (paid >= 0),
    -- UNPAID 未缴, PARTIAL 部分缴纳, PAID 已缴清, OVERDUE 逾期 (past its due day, not paid in full)
    status             VARCHAR(16)   NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    created_by         VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (lease_id, period_from),
    CHECK (paid <= amount),
    CHECK (period_to >= period_from)
);
CREATE INDEX asset_bill_zone_ix ON asset_bill (zone_code, period_from);
CREATE INDEX asset_bill_tenant_ix ON asset_bill (tenant_credit_code);
CREATE INDEX asset_bill_open_ix ON asset_bill (due_on) WHERE status IN ('UNPAID', 'PARTIAL');

-- the bill a payment settles; payments recorded before bills were stored have none until
-- the billing job assigns them to the oldest open bills of their lease
ALTER TABLE asset_payment ADD COLUMN bill_id BIGINT REFERENCES asset_bill (id);
CREATE INDEX asset_payment_bill_ix ON asset_payment (bill_id);
