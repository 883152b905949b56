package io.parkops.land.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.parkops.land.EnterpriseLand;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link EnterpriseLand} from the land work line's own tables: the result of each
 * enterprise in the final 亩均 evaluation of the latest year, and the parcels it holds.
 */
@Component
class EnterpriseLandQuery implements EnterpriseLand {

	private final JdbcClient jdbc;

	EnterpriseLandQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Facts> of(Collection<String> creditCodes) {
		Map<String, Facts> facts = new HashMap<>();
		if (creditCodes.isEmpty()) {
			return facts;
		}
		this.jdbc.sql("""
				WITH u AS (SELECT DISTINCT cc FROM unnest(CAST(:cc AS char(18)[])) AS u(cc)),
				cls AS (
				  SELECT DISTINCT ON (r.credit_code) r.credit_code, r.class, r.graded, e.year
				  FROM u JOIN land_permu_result r ON r.credit_code = u.cc
				    JOIN land_permu_evaluation e ON e.id = r.evaluation_id AND e.status = 'FINAL'
				  ORDER BY r.credit_code, e.year DESC, e.finalized_on DESC, e.id DESC),
				land AS (
				  SELECT p.owner_credit_code AS credit_code, sum(p.area_mu) AS mu, count(*) AS parcels
				  FROM u JOIN land_parcel p ON p.owner_credit_code = u.cc GROUP BY p.owner_credit_code)
				SELECT coalesce(cls.credit_code, land.credit_code) AS credit_code, cls.class, cls.year, cls.graded,
				  land.mu, land.parcels
				FROM cls FULL JOIN land ON land.credit_code = cls.credit_code
				""").param("cc", creditCodes.toArray(String[]::new)).query((rs) -> {
			String code = rs.getString("credit_code").trim();
			String cls = rs.getString("class");
			BigDecimal mu = rs.getBigDecimal("mu");
			facts.put(code,
					new Facts(code, (cls != null) ? cls.trim() : null, (Integer) rs.getObject("year", Integer.class),
							cls == null || rs.getBoolean("graded"), (mu != null) ? mu : BigDecimal.ZERO,
							rs.getInt("parcels")));
		});
		return facts;
	}

}
