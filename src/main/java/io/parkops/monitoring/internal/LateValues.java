package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.monitoring.internal.PointDirectory.Point;
import io.parkops.monitoring.internal.SeriesStore.Row;

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
//
// How far a point's factor was evaluated is kept in monitoring_evaluated (not in a node's
// memory), so a late value is recognised after a restart and on another node too; a
// factor not in the table yet (values stored before it existed) starts from its latest
// stored driving value other than those being evaluated.
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

	private static String key(long pointId, String factor) {
		return pointId + "|" + factor;
	}

	// How far each point and factor of the driving values given was evaluated (absent:
	// never), by "pointId|factor".
	Map<String, LocalDateTime> evaluatedUntil(Collection<Row> driving) {
		Map<String, LocalDateTime> until = new HashMap<>();
		if (driving.isEmpty()) {
			return until;
		}
		Map<String, List<Row>> byKey = new LinkedHashMap<>();
		for (Row r : driving) {
			byKey.computeIfAbsent(key(r.pointId(), r.factor()), (k) -> new ArrayList<>()).add(r);
		}
		Long[] points = driving.stream().map(Row::pointId).distinct().toArray(Long[]::new);
		this.jdbc.sql("SELECT point_id, factor, latest FROM monitoring_evaluated WHERE point_id = ANY(:p)")
			.param("p", points)
			.query((rs) -> {
				String k = key(rs.getLong(1), rs.getString(2));
				if (byKey.containsKey(k)) {
					until.put(k, rs.getTimestamp(3).toLocalDateTime());
				}
			});
		for (Map.Entry<String, List<Row>> e : byKey.entrySet()) {
			if (until.containsKey(e.getKey())) {
				continue;
			}
			Row first = e.getValue().get(0);
			String[] times = e.getValue().stream().map((r) -> r.time().toString()).toArray(String[]::new);
			this.jdbc.sql("""
					SELECT max(t) FROM (
					  (SELECT data_time AS t FROM monitoring_data
					   WHERE point_id = :p AND factor = :f AND series = 'M' AND NOT backfilled
					     AND COALESCE(flag, 'N') = 'N' AND COALESCE(converted, value) IS NOT NULL
					     AND data_time <> ALL(CAST(:times AS TIMESTAMP[]))
					   ORDER BY data_time DESC LIMIT 1)
					  UNION ALL
					  (SELECT data_time FROM monitoring_data
					   WHERE point_id = :p AND factor = :f AND series = 'H' AND NOT computed AND NOT backfilled
					     AND COALESCE(flag, 'N') = 'N' AND COALESCE(converted, value) IS NOT NULL
					     AND data_time <> ALL(CAST(:times AS TIMESTAMP[]))
					   ORDER BY data_time DESC LIMIT 1)) x
					""").param("p", first.pointId()).param("f", first.factor()).param("times", times).query((rs) -> {
				Timestamp t = rs.getTimestamp(1);
				if (t != null) {
					until.put(e.getKey(), t.toLocalDateTime());
				}
			});
		}
		return until;
	}

	// Records how far the points' factors were evaluated ("pointId|factor" → time); a
	// time
	// earlier than the stored one leaves it.
	void markEvaluated(Map<String, LocalDateTime> until) {
		if (until.isEmpty()) {
			return;
		}
		List<Long> points = new ArrayList<>();
		List<String> factors = new ArrayList<>();
		List<String> times = new ArrayList<>();
		until.forEach((k, t) -> {
			int bar = k.indexOf('|');
			points.add(Long.valueOf(k.substring(0, bar)));
			factors.add(k.substring(bar + 1));
			times.add(t.toString());
		});
		this.jdbc
			.sql("""
					INSERT INTO monitoring_evaluated (point_id, factor, latest)
					SELECT * FROM unnest(CAST(:p AS BIGINT[]), CAST(:f AS VARCHAR[]), CAST(:t AS TIMESTAMP[]))
					ON CONFLICT (point_id, factor) DO UPDATE SET latest = GREATEST(monitoring_evaluated.latest, EXCLUDED.latest)
					""")
			.param("p", points.toArray(Long[]::new))
			.param("f", factors.toArray(String[]::new))
			.param("t", times.toArray(String[]::new))
			.update();
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
