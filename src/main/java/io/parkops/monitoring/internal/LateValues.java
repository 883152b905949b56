package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.parkops.monitoring.internal.PointDirectory.Point;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

// Re-evaluates the exceedance alarms of a stretch when a value arrives for a time earlier
// than the latest value already evaluated for its point and factor (a logger resending
// late, a minute computed again): the driving values stored from the earliest alarm that
// reaches the late value's time (or that time) on are read again, oldest first — minute
// values and the logger's own hour values, flag N only — and cut into runs above the
// limit, each run ending at the first value within it. The alarms already there are moved
// onto the runs in order (their ids, hazards and events kept); a run more (a late value
// above the limit between values within it, or a late value within it splitting a run)
// becomes a new alarm, closed unless it is the last and still above.
@Component
class LateValues {

	private final JdbcClient jdbc;

	LateValues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// A run above the limit: first and closing time (null while open), highest value.
	record Run(LocalDateTime from, LocalDateTime to, BigDecimal max) {
	}

	// An alarm of the stretch as it is now.
	record Existing(long id, Instant openedAt, Instant closedAt) {
	}

	// An alarm opened anew by the re-evaluation: when it opened and closed (null: open).
	record Added(long id, Instant openedAt, Instant closedAt) {
	}

	// What the stretch's alarms became: those opened anew and the one open at the end, if
	// any.
	record Outcome(List<Added> added, Long openId, BigDecimal openMax) {
	}

	Outcome reevaluate(Point point, String factor, BigDecimal limit, LocalDateTime late, ZoneId zone) {
		Instant lateAt = late.atZone(zone).toInstant();
		List<Existing> existing = this.jdbc.sql("""
				SELECT id, opened_at, closed_at FROM monitoring_alarm
				WHERE point_id = :p AND factor = :f AND kind = 'EXCEEDANCE'
				  AND (closed_at IS NULL OR closed_at > :at)
				ORDER BY opened_at, id
				""").param("p", point.id()).param("f", factor).param("at", Timestamp.from(lateAt)).query((rs, n) -> {
			Timestamp closed = rs.getTimestamp(3);
			return new Existing(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					(closed != null) ? closed.toInstant() : null);
		}).list();
		LocalDateTime from = late;
		if (!existing.isEmpty()) {
			LocalDateTime first = LocalDateTime.ofInstant(existing.get(0).openedAt(), zone);
			if (first.isBefore(from)) {
				from = first;
			}
		}
		List<Run> runs = runs(point.id(), factor, limit, from);
		List<Added> added = new ArrayList<>();
		Long openId = null;
		BigDecimal openMax = null;
		for (int i = 0; i < runs.size(); i++) {
			Run run = runs.get(i);
			Timestamp start = Timestamp.from(run.from().atZone(zone).toInstant());
			Timestamp end = (run.to() != null) ? Timestamp.from(run.to().atZone(zone).toInstant()) : null;
			long id;
			if (i < existing.size()) {
				id = existing.get(i).id();
				this.jdbc.sql("""
						UPDATE monitoring_alarm SET opened_at = :start, closed_at = :end,
						  status = CASE WHEN :open THEN 'OPEN' ELSE 'CLOSED' END, max_value = :max,
						  last_seen = GREATEST(last_seen, :start), version = version + 1
						WHERE id = :id
						""")
					.param("start", start)
					.param("end", end)
					.param("open", end == null)
					.param("max", run.max())
					.param("id", id)
					.update();
			}
			else {
				id = this.jdbc.sql("""
						INSERT INTO monitoring_alarm (zone_code, credit_code, point_id, factor, kind, status, opened_at,
						  closed_at, last_seen, max_value, limit_value, flag)
						VALUES (:zone, :cc, :p, :f, 'EXCEEDANCE', CASE WHEN :open THEN 'OPEN' ELSE 'CLOSED' END, :start,
						  :end, :start, :max, :limit, 'N')
						RETURNING id
						""")
					.param("zone", point.zoneCode())
					.param("cc", point.creditCode())
					.param("p", point.id())
					.param("f", factor)
					.param("open", end == null)
					.param("start", start)
					.param("end", end)
					.param("max", run.max())
					.param("limit", limit)
					.query(Long.class)
					.single();
				added.add(new Added(id, start.toInstant(), (end != null) ? end.toInstant() : null));
			}
			if (end == null) {
				openId = id;
				openMax = run.max();
			}
		}
		return new Outcome(added, openId, openMax);
	}

	// The runs above the limit among the driving values from {@code from} on.
	List<Run> runs(long pointId, String factor, BigDecimal limit, LocalDateTime from) {
		List<Run> runs = new ArrayList<>();
		LocalDateTime[] start = { null };
		BigDecimal[] max = { null };
		this.jdbc.sql("""
				SELECT data_time, COALESCE(converted, value) FROM monitoring_data
				WHERE point_id = :p AND factor = :f AND data_time >= :from AND NOT backfilled
				  AND COALESCE(flag, 'N') = 'N' AND COALESCE(converted, value) IS NOT NULL
				  AND (series = 'M' OR (series = 'H' AND NOT computed))
				ORDER BY data_time, series DESC
				""").param("p", pointId).param("f", factor).param("from", from).query((rs) -> {
			LocalDateTime t = rs.getTimestamp(1).toLocalDateTime();
			BigDecimal v = rs.getBigDecimal(2);
			if (v.compareTo(limit) > 0) {
				if (start[0] == null) {
					start[0] = t;
					max[0] = v;
				}
				else if (v.compareTo(max[0]) > 0) {
					max[0] = v;
				}
			}
			else if (start[0] != null) {
				runs.add(new Run(start[0], t, max[0]));
				start[0] = null;
			}
		});
		if (start[0] != null) {
			runs.add(new Run(start[0], null, max[0]));
		}
		return runs;
	}

}
