package io.parkops.safety.internal;

import java.time.LocalDate;
import java.util.List;

import io.parkops.safety.internal.SafetyViews.PatrolView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the patrol log (巡查调查日报).
 */
@Repository
class PatrolStore {

	private final JdbcClient jdbc;

	PatrolStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertPatrol(String zone, LocalDate on, String route, String patrollers, String findings, Long complaintId,
			String by) {
		return this.jdbc.sql("""
				INSERT INTO safety_patrol (zone_code, patrol_on, route, patrollers, findings, complaint_id, created_by)
				VALUES (:zone, :on, :route, :patrollers, :findings, :complaint, :by) RETURNING id
				""")
			.param("zone", zone)
			.param("on", on)
			.param("route", route)
			.param("patrollers", patrollers)
			.param("findings", findings)
			.param("complaint", complaintId)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	List<PatrolView> patrols(List<String> zones, LocalDate from, LocalDate to, int page, int size) {
		return this.jdbc.sql("""
				SELECT * FROM safety_patrol WHERE zone_code = ANY(:zones) AND patrol_on BETWEEN :from AND :to
				ORDER BY patrol_on DESC, id DESC LIMIT :limit OFFSET :offset
				""")
			.param("zones", zones.toArray(String[]::new))
			.param("from", from)
			.param("to", to)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> {
				long complaint = rs.getLong("complaint_id");
				return new PatrolView(rs.getLong("id"), rs.getString("zone_code"),
						rs.getObject("patrol_on", LocalDate.class), rs.getString("route"), rs.getString("patrollers"),
						rs.getString("findings"), rs.wasNull() ? null : complaint, rs.getString("created_by"));
			})
			.list();
	}

	long countPatrols(List<String> zones, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT count(*) FROM safety_patrol WHERE zone_code = ANY(:zones) AND patrol_on BETWEEN :from AND :to")
			.param("zones", zones.toArray(String[]::new))
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
	}

}
