-- Environmental online monitoring (环保在线监测): points, factors, SM4 keys, the series received over HJ 212
-- (monthly partitions) and the alarms.

-- 监测点位: one outfall, stack or noise point of an enterprise with its data logger's MN.
CREATE TABLE monitoring_point (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code      VARCHAR(32)  NOT NULL,
    credit_code    CHAR(18)     NOT NULL,
    mn             VARCHAR(24)  NOT NULL UNIQUE,
    name           VARCHAR(100) NOT NULL,
    kind           VARCHAR(8)   NOT NULL,
    location       VARCHAR(200),
    password_hash  VARCHAR(64)  NOT NULL,
    last_packet_at TIMESTAMPTZ,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_by     VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_point_zone_ix ON monitoring_point (zone_code, credit_code);

-- 监测因子: a factor of a point with its HJ 212 code and the permit limit (排放限值).
CREATE TABLE monitoring_factor (
    point_id      BIGINT        NOT NULL REFERENCES monitoring_point (id),
    code          VARCHAR(16)   NOT NULL,
    name          VARCHAR(50)   NOT NULL,
    unit          VARCHAR(16)   NOT NULL,
    limit_value   NUMERIC(14,4),
    warning_value NUMERIC(14,4),
    position      INT           NOT NULL,
    PRIMARY KEY (point_id, code)
);

-- A point's SM4 key (HJ 212-2025), encrypted at rest; a rotation ends the previous key.
CREATE TABLE monitoring_point_key (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    point_id   BIGINT      NOT NULL REFERENCES monitoring_point (id),
    key_cipher BYTEA       NOT NULL,
    valid_from TIMESTAMPTZ NOT NULL DEFAULT now(),
    valid_to   TIMESTAMPTZ,
    created_by VARCHAR(64) NOT NULL
);
CREATE INDEX monitoring_point_key_ix ON monitoring_point_key (point_id, valid_from DESC);

-- The series: R real-time (2011), M minute (2051), H hour (2061), D day (2031); computed = derived from the
-- real-time values because the logger sent none. data_time is the logger's DataTime (the zone's local time).
CREATE TABLE monitoring_data (
    point_id   BIGINT       NOT NULL,
    factor     VARCHAR(16)  NOT NULL,
    series     CHAR(1)      NOT NULL,
    data_time  TIMESTAMP    NOT NULL,
    value      NUMERIC,
    min_value  NUMERIC,
    max_value  NUMERIC,
    converted  NUMERIC,
    flag       VARCHAR(2),
    backfilled BOOLEAN      NOT NULL DEFAULT false,
    computed   BOOLEAN      NOT NULL DEFAULT false,
    PRIMARY KEY (point_id, factor, series, data_time)
) PARTITION BY RANGE (data_time);

-- The application's role owns no table: it asks the owner's function for a month's partition.
CREATE FUNCTION monitoring_ensure_partition(p_month DATE) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    m DATE := date_trunc('month', p_month)::date;
    part TEXT := 'monitoring_data_' || to_char(m, 'YYYYMM');
BEGIN
    IF to_regclass('public.' || part) IS NULL THEN
        EXECUTE format('CREATE TABLE IF NOT EXISTS public.%I PARTITION OF public.monitoring_data FOR VALUES FROM (%L) TO (%L)',
                       part, m, (m + INTERVAL '1 month')::date);
    END IF;
EXCEPTION WHEN duplicate_table THEN
    NULL;
END $$;

-- Drops the monthly partitions before the given month (retention); answers how many.
CREATE FUNCTION monitoring_drop_partitions_before(p_month DATE) RETURNS INT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    r RECORD;
    n INT := 0;
    limit_name TEXT := 'monitoring_data_' || to_char(date_trunc('month', p_month), 'YYYYMM');
BEGIN
    FOR r IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'public.monitoring_data'::regclass AND c.relname < limit_name LOOP
        EXECUTE format('DROP TABLE public.%I', r.relname);
        n := n + 1;
    END LOOP;
    RETURN n;
END $$;

DO $$
DECLARE
    m DATE := (date_trunc('month', now()) - INTERVAL '24 months')::date;
BEGIN
    WHILE m <= (date_trunc('month', now()) + INTERVAL '12 months')::date LOOP
        PERFORM monitoring_ensure_partition(m);
        m := (m + INTERVAL '1 month')::date;
    END LOOP;
END $$;

-- 报警: EXCEEDANCE (超标), INSTRUMENT (仪器故障 D/B) per factor, OFFLINE (离线) per point; one open alarm each.
CREATE TABLE monitoring_alarm (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    zone_code   VARCHAR(32)   NOT NULL,
    credit_code CHAR(18)      NOT NULL,
    point_id    BIGINT        NOT NULL REFERENCES monitoring_point (id),
    factor      VARCHAR(16)   NOT NULL DEFAULT '',
    kind        VARCHAR(12)   NOT NULL,
    status      VARCHAR(8)    NOT NULL,
    opened_at   TIMESTAMPTZ   NOT NULL,
    closed_at   TIMESTAMPTZ,
    last_seen   TIMESTAMPTZ   NOT NULL,
    max_value   NUMERIC,
    limit_value NUMERIC(14,4),
    flag        VARCHAR(2),
    hazard_id   BIGINT,
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX monitoring_alarm_open_ux ON monitoring_alarm (point_id, kind, factor) WHERE status = 'OPEN';
CREATE INDEX monitoring_alarm_zone_ix ON monitoring_alarm (zone_code, opened_at);
CREATE INDEX monitoring_alarm_enterprise_ix ON monitoring_alarm (credit_code);
