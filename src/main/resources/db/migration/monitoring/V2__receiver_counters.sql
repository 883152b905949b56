-- The HJ 212 receiver's counts per node, flushed every few seconds: totals since the first start that survive a
-- restart and add up over nodes. connections is the node's open connections at updated_at (a gauge).
CREATE TABLE monitoring_receiver_counter (
    node                VARCHAR(100) PRIMARY KEY,
    packets             BIGINT      NOT NULL DEFAULT 0,
    stored              BIGINT      NOT NULL DEFAULT 0,
    bad_crc             BIGINT      NOT NULL DEFAULT 0,
    unknown_mn          BIGINT      NOT NULL DEFAULT 0,
    bad_password        BIGINT      NOT NULL DEFAULT 0,
    malformed           BIGINT      NOT NULL DEFAULT 0,
    duplicates          BIGINT      NOT NULL DEFAULT 0,
    refused_connections BIGINT      NOT NULL DEFAULT 0,
    cut_off             BIGINT      NOT NULL DEFAULT 0,
    oversize            BIGINT      NOT NULL DEFAULT 0,
    connections         BIGINT      NOT NULL DEFAULT 0,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
