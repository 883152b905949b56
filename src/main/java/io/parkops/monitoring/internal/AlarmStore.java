package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

// The alarms ({@code monitoring_alarm}): one open alarm per point, kind and factor (a
// unique index), opened, raised, closed and linked to a hazard conditionally.
@Component
class AlarmStore {

	static final String SELECT = """
			SELECT a.id, a.zone_code, a.credit_code, a.point_id, p.mn, p.name AS point_name, a.factor, a.kind,
			  a.status, a.opened_at, a.closed_at, a.last_seen, a.max_value, a.limit_value, a.flag, a.hazard_id,
			  a.version
			FROM monitoring_alarm a JOIN monitoring_point p ON p.id = a.point_id
			""";

	private final JdbcClient jdbc;

	AlarmStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// An alarm as stored.
	record Alarm(long id, String zoneCode, String creditCode, long pointId, String mn, String pointName, String factor,
			String kind, String status, Instant openedAt, Instant closedAt, Instant lastSeen, BigDecimal maxValue,
			BigDecimal limit, String flag, Long hazardId, long version) {
	}

	static Alarm map(ResultSet rs, int n) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		long hazard = rs.getLong("hazard_id");
		Long hazardId = rs.wasNull() ? null : hazard;
		return new Alarm(rs.getLong("id"), rs.getString("zone_code"), rs.getString("credit_code"),
				rs.getLong("point_id"), rs.getString("mn"), rs.getString("point_name"), rs.getString("factor"),
				rs.getString("kind"), rs.getString("status"), rs.getTimestamp("opened_at").toInstant(),
				(closed != null) ? closed.toInstant() : null, rs.getTimestamp("last_seen").toInstant(),
				rs.getBigDecimal("max_value"), rs.getBigDecimal("limit_value"), rs.getString("flag"), hazardId,
				rs.getLong("version"));
	}

	List<Alarm> open() {
		return this.jdbc.sql(SELECT + " WHERE a.status = 'OPEN'").query(AlarmStore::map).list();
	}

	// Opens an alarm unless one is open for the point, kind and factor; its id or empty.
	Optional<Long> open(String zone, String creditCode, long pointId, String factor, String kind, Instant at,
			BigDecimal value, BigDecimal limit, String flag) {
		return this.jdbc.sql("""
				INSERT INTO monitoring_alarm (zone_code, credit_code, point_id, factor, kind, status, opened_at,
				  last_seen, max_value, limit_value, flag)
				VALUES (:zone, :cc, :point, :factor, :kind, 'OPEN', :at, :at, :value, :limit, :flag)
				ON CONFLICT (point_id, kind, factor) WHERE status = 'OPEN' DO NOTHING
				RETURNING id
				""")
			.param("zone", zone)
			.param("cc", creditCode)
			.param("point", pointId)
			.param("factor", factor)
			.param("kind", kind)
			.param("at", Timestamp.from(at))
			.param("value", value)
			.param("limit", limit)
			.param("flag", flag)
			.query(Long.class)
			.optional();
	}

	void raise(long id, BigDecimal value, Instant at) {
		this.jdbc.sql("""
				UPDATE monitoring_alarm SET max_value = GREATEST(max_value, :value), last_seen = :at
				WHERE id = :id AND status = 'OPEN'
				""").param("id", id).param("value", value).param("at", Timestamp.from(at)).update();
	}

	boolean close(long id, Instant at) {
		return this.jdbc.sql("""
				UPDATE monitoring_alarm SET status = 'CLOSED', closed_at = :at, version = version + 1
				WHERE id = :id AND status = 'OPEN'
				""").param("id", id).param("at", Timestamp.from(at)).update() == 1;
	}

	// Links the hazard; false when the alarm already has one.
	boolean linkHazard(long id, long hazardId) {
		return this.jdbc.sql("""
				UPDATE monitoring_alarm SET hazard_id = :hazard, version = version + 1
				WHERE id = :id AND hazard_id IS NULL
				""").param("id", id).param("hazard", hazardId).update() == 1;
	}

	Optional<Alarm> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(AlarmStore::map).optional();
	}

	// The filter of the alarm list.
	record Filter(List<String> zones, String creditCode, String mn, String kind, String status, Instant from,
			Instant to) {
	}

	private record Where(String sql, java.util.Map<String, Object> params) {
	}

	private static Where where(Filter f) {
		List<String> parts = new ArrayList<>();
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		parts.add("a.zone_code = ANY(:zones)");
		params.put("zones", f.zones().toArray(String[]::new));
		if (f.creditCode() != null) {
			parts.add("a.credit_code = :cc");
			params.put("cc", f.creditCode());
		}
		if (f.mn() != null) {
			parts.add("p.mn = :mn");
			params.put("mn", f.mn());
		}
		if (f.kind() != null) {
			parts.add("a.kind = :kind");
			params.put("kind", f.kind());
		}
		if (f.status() != null) {
			parts.add("a.status = :status");
			params.put("status", f.status());
		}
		if (f.from() != null) {
			parts.add("a.opened_at >= :from");
			params.put("from", Timestamp.from(f.from()));
		}
		if (f.to() != null) {
			parts.add("a.opened_at < :to");
			params.put("to", Timestamp.from(f.to()));
		}
		return new Where(" WHERE " + String.join(" AND ", parts), params);
	}

	List<Alarm> list(Filter f, int limit, int offset) {
		Where w = where(f);
		return this.jdbc.sql(SELECT + w.sql() + " ORDER BY a.opened_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
			.params(w.params())
			.param("limit", limit)
			.param("offset", offset)
			.query(AlarmStore::map)
			.list();
	}

	long count(Filter f) {
		Where w = where(f);
		return this.jdbc
			.sql("SELECT count(*) FROM monitoring_alarm a JOIN monitoring_point p ON p.id = a.point_id" + w.sql())
			.params(w.params())
			.query(Long.class)
			.single();
	}

	// Open exceedances older than the given time without a hazard (to hand over).
	List<Alarm> exceedancesWithoutHazard(Instant openedBefore) {
		return this.jdbc
			.sql(SELECT + " WHERE a.status = 'OPEN' AND a.kind = 'EXCEEDANCE' AND a.hazard_id IS NULL"
					+ " AND a.opened_at < :before ORDER BY a.id")
			.param("before", Timestamp.from(openedBefore))
			.query(AlarmStore::map)
			.list();
	}

}
