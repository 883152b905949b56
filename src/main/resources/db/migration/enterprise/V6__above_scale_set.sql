-- The 规上 set of a zone valid in a month, as the enterprise registry defines it (each enterprise's last 入规/退规
-- up to that month says whether it is in), with what statistics group by. One definition for the registry's own
-- query and for statistics that compute the set and their sums in one statement (issue 9 §11). A plain SQL
-- function, so the planner inlines it into the calling query.
CREATE FUNCTION enterprise_above_scale_set(p_zone VARCHAR, p_month DATE)
RETURNS TABLE (enterprise_id BIGINT, credit_code CHAR(18), area_code VARCHAR, industry_code VARCHAR, tags TEXT[])
LANGUAGE sql STABLE AS $$
    SELECT e.id, e.credit_code, e.area_code, e.industry_code, e.tags
    FROM enterprise e
    JOIN (SELECT DISTINCT ON (s.enterprise_id) s.enterprise_id, s.above_scale
          FROM enterprise_scale_change s JOIN enterprise z ON z.id = s.enterprise_id AND z.zone_code = p_zone
          WHERE s.month <= p_month ORDER BY s.enterprise_id, s.month DESC) last
      ON last.enterprise_id = e.id AND last.above_scale
$$;
