package io.parkops.safety.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.parkops.safety.internal.SafetyViews.HazardStep;
import io.parkops.safety.internal.SafetyViews.HazardView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of hazards (隐患), their steps and the overdue marking.
 */
@Repository
class HazardStore {

	private final JdbcClient jdbc;

	HazardStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static final String HAZARD = """
			SELECT h.*, (h.status <> 'ACCEPTED' AND h.deadline < :today) AS is_overdue,
			  EXISTS (SELECT 1 FROM safety_hazard_plan p WHERE p.hazard_id = h.id) AS has_plan
			FROM safety_hazard h
			""";

	private RowMapperWithLevels hazardMapper(List<String> planLevels) {
		return new RowMapperWithLevels(planLevels);
	}

	/** Maps hazard rows, knowing which levels need a plan. */
	record RowMapperWithLevels(List<String> planLevels) implements org.springframework.jdbc.core.RowMapper<HazardView> {

		@Override
		public HazardView mapRow(ResultSet rs, int n) throws SQLException {
			long inspection = rs.getLong("inspection_id");
			// wasNull speaks of the last column read: ask it before reading the others
			Long inspectionId = rs.wasNull() ? null : inspection;
			return new HazardView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("credit_code"), null,
					inspectionId, rs.getString("level"), rs.getString("category"), rs.getString("description"),
					rs.getString("location"), rs.getString("rectification_type"),
					rs.getObject("found_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
					rs.getString("responsible_person"), rs.getString("status"), rs.getBoolean("is_overdue"),
					rs.getObject("overdue_since", LocalDate.class), rs.getObject("rectified_on", LocalDate.class),
					rs.getString("measures"), rs.getObject("accepted_on", LocalDate.class),
					this.planLevels.contains(rs.getString("level")), rs.getBoolean("has_plan"), rs.getLong("version"),
					rs.getString("source_link"));
		}

	}

	/**
	 * Keeps the page of the finding a hazard was handed over from
	 * ({@link io.parkops.safety.HazardIntake}).
	 */
	void setSourceLink(long id, String link) {
		this.jdbc.sql("UPDATE safety_hazard SET source_link = :link WHERE id = :id")
			.param("link", link)
			.param("id", id)
			.update();
	}

	long insertHazard(String zone, String creditCode, Long inspectionId, String level, String category,
			String description, String location, String type, LocalDate foundOn, LocalDate deadline, String responsible,
			String by) {
		return this.jdbc.sql("""
				INSERT INTO safety_hazard (zone_code, credit_code, inspection_id, level, category, description,
				  location, rectification_type, found_on, deadline, responsible_person, status, created_by)
				VALUES (:zone, :cc, :inspection, :level, :category, :description, :location, :type, :found,
				  :deadline, :responsible, 'PENDING', :by) RETURNING id
				""")
			.param("zone", zone)
			.param("cc", creditCode)
			.param("inspection", inspectionId)
			.param("level", level)
			.param("category", category)
			.param("description", description)
			.param("location", location)
			.param("type", type)
			.param("found", foundOn)
			.param("deadline", deadline)
			.param("responsible", responsible)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Optional<HazardView> findHazard(long id, LocalDate today, List<String> planLevels) {
		return this.jdbc.sql(HAZARD + " WHERE h.id = :id")
			.param("id", id)
			.param("today", today)
			.query(hazardMapper(planLevels))
			.optional();
	}

	List<HazardView> hazardsByIds(List<Long> ids, LocalDate today, List<String> planLevels) {
		return this.jdbc.sql(HAZARD + " WHERE h.id = ANY(:ids) ORDER BY h.id")
			.param("ids", ids.toArray(Long[]::new))
			.param("today", today)
			.query(hazardMapper(planLevels))
			.list();
	}

	/** Moves a hazard to a new status if it is still in one of the expected ones. */
	int moveHazard(long id, List<String> from, String to, LocalDate rectifiedOn, String measures,
			LocalDate acceptedOn) {
		return this.jdbc.sql("""
				UPDATE safety_hazard SET status = :to, rectified_on = COALESCE(:rectified, rectified_on),
				  measures = COALESCE(:measures, measures), accepted_on = :accepted, updated_at = now(),
				  version = version + 1
				WHERE id = :id AND status = ANY(:from)
				""")
			.param("to", to)
			.param("rectified", rectifiedOn)
			.param("measures", measures)
			.param("accepted", acceptedOn)
			.param("id", id)
			.param("from", from.toArray(String[]::new))
			.update();
	}

	void insertStep(long hazardId, String action, String status, LocalDate on, String note, String actor) {
		this.jdbc.sql("""
				INSERT INTO safety_hazard_step (hazard_id, action, status, step_on, note, actor)
				VALUES (:id, :action, :status, :on, :note, :actor)
				""")
			.param("id", hazardId)
			.param("action", action)
			.param("status", status)
			.param("on", on)
			.param("note", note)
			.param("actor", actor)
			.update();
	}

	List<HazardStep> steps(long hazardId) {
		return this.jdbc.sql("SELECT * FROM safety_hazard_step WHERE hazard_id = :id ORDER BY id")
			.param("id", hazardId)
			.query((rs, n) -> new HazardStep(rs.getLong("id"), rs.getString("action"), rs.getString("status"),
					rs.getObject("step_on", LocalDate.class), rs.getString("note"), rs.getString("actor"),
					rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private static Where where(HazardFilter f, Scope scope, LocalDate today, int dueSoonDays) {
		// one zone (the usual case) as an equality, so the index also gives the order
		StringBuilder sql = new StringBuilder(
				(scope.zones().size() == 1) ? " WHERE h.zone_code = :zone" : " WHERE h.zone_code = ANY(:zones)");
		Map<String, Object> params = new HashMap<>();
		if (scope.zones().size() == 1) {
			params.put("zone", scope.zones().get(0));
		}
		else {
			params.put("zones", scope.zones().toArray(String[]::new));
		}
		params.put("today", today);
		String enterprise = (scope.onlyCreditCode() != null) ? scope.onlyCreditCode() : f.enterprise();
		if (enterprise != null) {
			sql.append(" AND h.credit_code = :cc");
			params.put("cc", enterprise);
		}
		if (f.status() != null) {
			sql.append(" AND h.status = :status");
			params.put("status", f.status());
		}
		if (Boolean.TRUE.equals(f.overdue())) {
			sql.append(" AND h.status <> 'ACCEPTED' AND h.deadline < :today");
		}
		else if (Boolean.FALSE.equals(f.overdue())) {
			sql.append(" AND NOT (h.status <> 'ACCEPTED' AND h.deadline < :today)");
		}
		if (Boolean.TRUE.equals(f.dueSoon())) {
			sql.append(" AND h.status <> 'ACCEPTED' AND h.deadline >= :today AND h.deadline <= :soon");
			params.put("soon", today.plusDays(dueSoonDays));
		}
		if (f.level() != null) {
			sql.append(" AND h.level = :level");
			params.put("level", f.level());
		}
		if (f.category() != null) {
			sql.append(" AND h.category = :category");
			params.put("category", f.category());
		}
		if (f.inspectionId() != null) {
			sql.append(" AND h.inspection_id = :inspection");
			params.put("inspection", f.inspectionId());
		}
		if (f.q() != null) {
			sql.append(" AND (h.description ILIKE :q OR h.location ILIKE :q)");
			params.put("q", "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return new Where(sql.toString(), params);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
		params.forEach(spec::param);
		return spec;
	}

	List<HazardView> hazards(HazardFilter f, Scope scope, LocalDate today, int dueSoonDays, List<String> planLevels) {
		Where w = where(f, scope, today, dueSoonDays);
		String order = (Boolean.TRUE.equals(f.overdue()) || Boolean.TRUE.equals(f.dueSoon()))
				? " ORDER BY h.deadline, h.id" : " ORDER BY h.found_on DESC, h.id DESC";
		return bind(this.jdbc.sql(HAZARD + w.sql() + order + " LIMIT :limit OFFSET :offset"), w.params())
			.param("limit", f.size())
			.param("offset", (long) f.page() * f.size())
			.query(hazardMapper(planLevels))
			.list();
	}

	void eachHazard(HazardFilter f, Scope scope, LocalDate today, int dueSoonDays, List<String> planLevels,
			Consumer<HazardView> consumer) {
		Where w = where(f, scope, today, dueSoonDays);
		// the stream holds its connection until closed
		try (java.util.stream.Stream<HazardView> rows = bind(
				this.jdbc.sql(HAZARD + w.sql() + " ORDER BY h.found_on DESC, h.id DESC"), w.params())
			.query(hazardMapper(planLevels))
			.stream()) {
			rows.forEach(consumer);
		}
	}

	long countHazards(HazardFilter f, Scope scope, LocalDate today, int dueSoonDays) {
		if (scope.onlyCreditCode() == null && f.enterprise() == null && f.overdue() == null && f.dueSoon() == null
				&& f.level() == null && f.category() == null && f.inspectionId() == null && f.q() == null) {
			// zones and status only: the tally the trigger keeps
			return this.jdbc.sql("""
					SELECT COALESCE(sum(n), 0) FROM safety_hazard_tally WHERE zone_code = ANY(:zones)
					  AND (CAST(:status AS text) IS NULL OR status = :status)
					""")
				.param("zones", scope.zones().toArray(String[]::new))
				.param("status", f.status())
				.query(Long.class)
				.single();
		}
		Where w = where(f, scope, today, dueSoonDays);
		return bind(this.jdbc.sql("SELECT count(*) FROM safety_hazard h" + w.sql()), w.params()).query(Long.class)
			.single();
	}

	/** Open hazards past their deadline not yet marked overdue on the given day. */
	List<Long> unmarkedOverdue(LocalDate today) {
		return this.jdbc.sql("""
				SELECT id FROM safety_hazard WHERE status <> 'ACCEPTED' AND deadline < :today AND overdue_since IS NULL
				ORDER BY id
				""").param("today", today).query(Long.class).list();
	}

	int markOverdue(long id, LocalDate today) {
		return this.jdbc.sql("""
				UPDATE safety_hazard SET overdue_since = deadline + 1, updated_at = now(), version = version + 1
				WHERE id = :id AND overdue_since IS NULL AND status <> 'ACCEPTED' AND deadline < :today
				""").param("id", id).param("today", today).update();
	}

	/** How many open items there are and the earliest deadline among them. */
	record Due(long count, LocalDate oldest) {
	}

	/**
	 * Hazards of a zone or an enterprise in the given statuses: count and earliest
	 * deadline.
	 */
	Due due(String zone, String creditCode, List<String> statuses) {
		return this.jdbc
			.sql("""
					SELECT count(*) AS n, min(deadline) AS oldest FROM safety_hazard
					WHERE (CAST(:zone AS text) IS NULL OR zone_code = :zone) AND (CAST(:cc AS text) IS NULL OR credit_code = :cc)
					  AND status = ANY(:statuses)
					""")
			.param("zone", zone)
			.param("cc", creditCode)
			.param("statuses", statuses.toArray(String[]::new))
			.query((rs, n) -> new Due(rs.getLong("n"), rs.getObject("oldest", LocalDate.class)))
			.single();
	}

}
