package io.parkops.safety.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.parkops.safety.internal.SafetyViews.PenaltyView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of penalty decisions (行政处罚).
 */
@Repository
class PenaltyStore {

	private final JdbcClient jdbc;

	PenaltyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertPenalty(String zone, String creditCode, LocalDate decidedOn, BigDecimal amount, String reason,
			String decisionNumber, List<Long> hazardIds, String by) {
		long id = this.jdbc.sql("""
				INSERT INTO safety_penalty (zone_code, credit_code, decided_on, amount, reason, decision_number,
				  created_by) VALUES (:zone, :cc, :on, :amount, :reason, :number, :by) RETURNING id
				""")
			.param("zone", zone)
			.param("cc", creditCode)
			.param("on", decidedOn)
			.param("amount", amount)
			.param("reason", reason)
			.param("number", decisionNumber)
			.param("by", by)
			.query(Long.class)
			.single();
		for (Long hazard : hazardIds) {
			this.jdbc
				.sql("INSERT INTO safety_penalty_hazard (penalty_id, hazard_id) VALUES (:p, :h) ON CONFLICT DO NOTHING")
				.param("p", id)
				.param("h", hazard)
				.update();
		}
		return id;
	}

	private static final String PENALTY = """
			SELECT p.*, ARRAY(SELECT ph.hazard_id FROM safety_penalty_hazard ph WHERE ph.penalty_id = p.id
			  ORDER BY ph.hazard_id) AS hazard_ids FROM safety_penalty p
			""";

	private static PenaltyView penalty(ResultSet rs, int n) throws SQLException {
		return new PenaltyView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("credit_code"), null,
				rs.getObject("decided_on", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("reason"),
				rs.getString("decision_number"), SqlArrays.longs(rs.getArray("hazard_ids")));
	}

	Optional<PenaltyView> findPenalty(long id) {
		return this.jdbc.sql(PENALTY + " WHERE p.id = :id").param("id", id).query(PenaltyStore::penalty).optional();
	}

	List<PenaltyView> penalties(Scope scope, int page, int size) {
		return this.jdbc.sql(PENALTY + """
				 WHERE p.zone_code = ANY(:zones) AND (CAST(:cc AS text) IS NULL OR p.credit_code = :cc)
				 ORDER BY p.decided_on DESC, p.id DESC LIMIT :limit OFFSET :offset
				""")
			.param("zones", scope.zones().toArray(String[]::new))
			.param("cc", scope.onlyCreditCode())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(PenaltyStore::penalty)
			.list();
	}

	long countPenalties(Scope scope) {
		return this.jdbc.sql("""
				SELECT count(*) FROM safety_penalty p WHERE p.zone_code = ANY(:zones)
				  AND (CAST(:cc AS text) IS NULL OR p.credit_code = :cc)
				""")
			.param("zones", scope.zones().toArray(String[]::new))
			.param("cc", scope.onlyCreditCode())
			.query(Long.class)
			.single();
	}

}
