package io.parkops.investment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The investment of an enterprise's projects in a zone as other work lines read it: the
 * funds in place (万元) recorded up to a day, summed over the enterprise's projects (the
 * land work line divides it by the land area for the 标准地 投资强度 check). Checks no user:
 * callers check the zone.
 */
@Service
public class EnterpriseInvestment {

	private final JdbcClient jdbc;

	EnterpriseInvestment(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The funds in place up to {@code upTo} by enterprise, of those of the given
	 * enterprises that have a project in the zone (others are absent).
	 */
	public Map<String, BigDecimal> fundsInPlace(String zone, Collection<String> creditCodes, LocalDate upTo) {
		Map<String, BigDecimal> funds = new HashMap<>();
		if (creditCodes.isEmpty()) {
			return funds;
		}
		this.jdbc.sql("""
				SELECT p.credit_code, coalesce(sum(f.amount) FILTER (WHERE f.fund_on <= :upto), 0) AS amount
				FROM inv_project p LEFT JOIN inv_fund f ON f.project_id = p.id
				WHERE p.zone_code = :z AND p.credit_code = ANY(:cc)
				GROUP BY p.credit_code
				""")
			.param("z", zone)
			.param("cc", creditCodes.toArray(String[]::new))
			.param("upto", upTo)
			.query((rs, n) -> funds.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return funds;
	}

}
