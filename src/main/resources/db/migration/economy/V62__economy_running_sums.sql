-- Issue 9 §11: each enterprise's running sums of a year, kept as its months are written, so that a summary of
-- months 1–N reads one row per enterprise instead of its months (and the months of the year before).
--
-- One row per enterprise, year and N (1–12) for every enterprise with at least one month of that year in
-- economy_monthly (rows of its zone). c_<indicator>: the sum of months 1–N (employees: their average over the
-- months reported); b_<indicator>: the like-for-like base of the same months, where a month's base is the stored
-- month of the year before, else the 上年同月 figure reported with this year's month, and enters only when the
-- same month of this year has a value (employees: the average of those bases); reported_last: month N itself was
-- reported; has_base: a month of the year before (1–N) is stored, or a 上年同月 figure was reported with a month
-- 1–N. These are exactly the per-enterprise sums the summary statement worked out from the months before; an
-- enterprise of the set without a row has no month in the year (its sums are empty and it has a base when a
-- month 1–N of the year before is stored).
--
-- Triggers on economy_monthly keep the rows: every statement that inserts, changes or deletes months recomputes the
-- years it touched and the year after each (whose base it is). Writes are serialised per enterprise by
-- transaction-scoped advisory locks taken before the months are read again, so two transactions writing different
-- months of one enterprise at once cannot leave a row that misses either: the second waits for the first to end,
-- then reads both. A statement writing more than 64 enterprises of a zone takes the zone's lock alone (exclusive;
-- single writes take it shared), so an import of 50,000 rows does not take 50,000 locks.
CREATE TABLE economy_running (
    zone_code     VARCHAR(32) NOT NULL,
    year          INT         NOT NULL,
    upto          INT         NOT NULL CHECK (upto BETWEEN 1 AND 12),
    credit_code   CHAR(18)    NOT NULL,
    c_output        NUMERIC,
    b_output        NUMERIC,
    c_value_added   NUMERIC,
    b_value_added   NUMERIC,
    c_revenue       NUMERIC,
    b_revenue       NUMERIC,
    c_profit        NUMERIC,
    b_profit        NUMERIC,
    c_tax           NUMERIC,
    b_tax           NUMERIC,
    c_electricity   NUMERIC,
    b_electricity   NUMERIC,
    c_employees     NUMERIC,
    b_employees     NUMERIC,
    c_export        NUMERIC,
    b_export        NUMERIC,
    reported_last BOOLEAN     NOT NULL,
    has_base      BOOLEAN     NOT NULL,
    PRIMARY KEY (zone_code, year, upto, credit_code)
);

-- Recomputes the rows of the given (zone, enterprise, year) triples from economy_monthly.
CREATE FUNCTION economy_running_refresh(zones VARCHAR[], codes CHAR(18)[], years INT[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    zone_key VARCHAR;
    many     BOOLEAN;
BEGIN
    FOR zone_key, many IN
        SELECT k.z, count(DISTINCT k.c) > 64 FROM unnest(zones, codes) AS k(z, c) GROUP BY k.z ORDER BY k.z
    LOOP
        IF many THEN
            PERFORM pg_advisory_xact_lock(hashtextextended('economy_running:' || zone_key, 0));
        ELSE
            PERFORM pg_advisory_xact_lock_shared(hashtextextended('economy_running:' || zone_key, 0));
            PERFORM pg_advisory_xact_lock(hashtextextended('economy_running:' || zone_key || ':' || l.c, 0))
            FROM (SELECT DISTINCT k.c FROM unnest(zones, codes) AS k(z, c) WHERE k.z = zone_key ORDER BY 1) AS l;
        END IF;
    END LOOP;
    -- read committed: each statement below sees what the transactions this one waited for wrote
    DELETE FROM economy_running r
    USING (SELECT DISTINCT * FROM unnest(zones, codes, years)) AS k(z, c, y) CROSS JOIN generate_series(1, 12) AS g(n)
    WHERE r.zone_code = k.z AND r.year = k.y AND r.upto = g.n AND r.credit_code = k.c;
    -- The months are read by enterprise (the primary key, or one scan for many enterprises) and joined in memory:
    -- looked up one by one with the zone in the condition, a planner without statistics (a table just filled) took
    -- the zone-and-month index and read the zone's whole month for every enterprise month (5,000 enterprises' eight
    -- years had not been written after 14 minutes).
    WITH k AS (SELECT DISTINCT * FROM unnest(zones, codes, years) AS k(z, c, y)),
    months AS MATERIALIZED (
        SELECT e.zone_code, e.credit_code, e.month, output, value_added, revenue, profit, tax, electricity, employees,
               export, prior_output, prior_value_added, prior_revenue, prior_profit, prior_tax,
                   prior_electricity, prior_employees, prior_export
        FROM economy_monthly e
        WHERE e.credit_code = ANY(codes)
          AND e.month BETWEEN make_date((SELECT min(y) FROM k) - 1, 1, 1) AND make_date((SELECT max(y) FROM k),
              12, 1)),
    keyed AS (SELECT k.* FROM k WHERE EXISTS (SELECT 1 FROM months e WHERE e.zone_code = k.z AND e.credit_code = k.c
                                                AND e.month BETWEEN make_date(k.y, 1, 1) AND make_date(k.y, 12, 1)))
    INSERT INTO economy_running (zone_code, year, upto, credit_code, c_output, b_output, c_value_added, b_value_added,
                                 c_revenue, b_revenue, c_profit, b_profit, c_tax, b_tax, c_electricity,
                                     b_electricity, c_employees, b_employees, c_export, b_export, reported_last,
                                     has_base)
    SELECT k.z, k.y, g.n, k.c,
           sum(c.output) OVER w,
           sum(CASE WHEN c.output IS NOT NULL THEN coalesce(p.output, c.prior_output) END) OVER w,
           sum(c.value_added) OVER w,
           sum(CASE WHEN c.value_added IS NOT NULL THEN coalesce(p.value_added, c.prior_value_added) END) OVER w,
           sum(c.revenue) OVER w,
           sum(CASE WHEN c.revenue IS NOT NULL THEN coalesce(p.revenue, c.prior_revenue) END) OVER w,
           sum(c.profit) OVER w,
           sum(CASE WHEN c.profit IS NOT NULL THEN coalesce(p.profit, c.prior_profit) END) OVER w,
           sum(c.tax) OVER w,
           sum(CASE WHEN c.tax IS NOT NULL THEN coalesce(p.tax, c.prior_tax) END) OVER w,
           sum(c.electricity) OVER w,
           sum(CASE WHEN c.electricity IS NOT NULL THEN coalesce(p.electricity, c.prior_electricity) END) OVER w,
           avg(c.employees) OVER w,
           avg(CASE WHEN c.employees IS NOT NULL THEN coalesce(p.employees, c.prior_employees) END) OVER w,
           sum(c.export) OVER w,
           sum(CASE WHEN c.export IS NOT NULL THEN coalesce(p.export, c.prior_export) END) OVER w,
           c.credit_code IS NOT NULL,
           bool_or(p.credit_code IS NOT NULL OR num_nonnulls(c.prior_output, c.prior_value_added,
               c.prior_revenue, c.prior_profit, c.prior_tax, c.prior_electricity, c.prior_employees, c.prior_export)
               > 0) OVER w
    FROM keyed AS k
    CROSS JOIN generate_series(1, 12) AS g(n)
    LEFT JOIN months c ON c.zone_code = k.z AND c.credit_code = k.c AND c.month = make_date(k.y, g.n, 1)
    LEFT JOIN months p ON p.zone_code = k.z AND p.credit_code = k.c AND p.month = make_date(k.y - 1, g.n, 1)
    WINDOW w AS (PARTITION BY k.z, k.c, k.y ORDER BY g.n ROWS UNBOUNDED PRECEDING);
END;
$$;

-- The years a statement touched (and the year after each): inserted and deleted months, and changed months whose
-- figures changed (a note or a confirmation changes nothing here).
CREATE FUNCTION economy_running_after_write() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    zones VARCHAR[];
    codes CHAR(18)[];
    years INT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(t.zone_code), array_agg(t.credit_code), array_agg(t.y) INTO zones, codes, years
        FROM (SELECT DISTINCT zone_code, credit_code, extract(year FROM month)::int + d.d AS y
              FROM new_rows CROSS JOIN (VALUES (0), (1)) AS d(d)) AS t;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(t.zone_code), array_agg(t.credit_code), array_agg(t.y) INTO zones, codes, years
        FROM (SELECT DISTINCT zone_code, credit_code, extract(year FROM month)::int + d.d AS y
              FROM old_rows CROSS JOIN (VALUES (0), (1)) AS d(d)) AS t;
    ELSE
        SELECT array_agg(t.zone_code), array_agg(t.credit_code), array_agg(t.y) INTO zones, codes, years
        FROM (SELECT DISTINCT zone_code, credit_code, extract(year FROM month)::int + d.d AS y
              FROM ((SELECT zone_code, credit_code, month, output, value_added, revenue, profit, tax,
                  electricity, employees, export, prior_output, prior_value_added, prior_revenue, prior_profit,
                  prior_tax, prior_electricity, prior_employees, prior_export FROM new_rows
                     EXCEPT SELECT zone_code, credit_code, month, output, value_added, revenue, profit, tax,
                         electricity, employees, export, prior_output, prior_value_added, prior_revenue,
                         prior_profit, prior_tax, prior_electricity, prior_employees, prior_export FROM old_rows)
                    UNION
                    (SELECT zone_code, credit_code, month, output, value_added, revenue, profit, tax,
                        electricity, employees, export, prior_output, prior_value_added, prior_revenue,
                        prior_profit, prior_tax, prior_electricity, prior_employees, prior_export FROM old_rows
                     EXCEPT SELECT zone_code, credit_code, month, output, value_added, revenue, profit, tax,
                         electricity, employees, export, prior_output, prior_value_added, prior_revenue,
                         prior_profit, prior_tax, prior_electricity, prior_employees, prior_export FROM new_rows))
                         AS changed
              CROSS JOIN (VALUES (0), (1)) AS d(d)) AS t;
    END IF;
    IF zones IS NOT NULL THEN
        PERFORM economy_running_refresh(zones, codes, years);
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION economy_running_after_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE economy_running;
    RETURN NULL;
END;
$$;

CREATE TRIGGER economy_running_insert AFTER INSERT ON economy_monthly
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION economy_running_after_write();
CREATE TRIGGER economy_running_update AFTER UPDATE ON economy_monthly
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION
        economy_running_after_write();
CREATE TRIGGER economy_running_delete AFTER DELETE ON economy_monthly
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION economy_running_after_write();
CREATE TRIGGER economy_running_truncate AFTER TRUNCATE ON economy_monthly
    FOR EACH STATEMENT EXECUTE FUNCTION economy_running_after_truncate();

-- the months already stored
SELECT economy_running_refresh(array_agg(zone_code), array_agg(credit_code), array_agg(y))
FROM (SELECT DISTINCT zone_code, credit_code, extract(year FROM month)::int AS y FROM economy_monthly) AS k;
