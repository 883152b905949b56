package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

// The series in {@code monitoring_data} (monthly partitions): rows written in one
// statement per batch, minute, hour and day values computed from real-time values where
// the logger sent none, and the reads of the charts and the API.
@Component
class SeriesStore {

	private final JdbcTemplate jdbc;

	private final Set<YearMonth> partitions = ConcurrentHashMap.newKeySet();

	SeriesStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	// One value of a series.
	record Row(long pointId, String factor, char series, LocalDateTime time, BigDecimal value, BigDecimal min,
			BigDecimal max, BigDecimal converted, String flag, boolean backfilled) {

		// The value compared with the limit: the converted (折算) one where sent.
		BigDecimal effective() {
			return (this.converted != null) ? this.converted : this.value;
		}

	}

	// Makes sure the months' partitions exist (created by the owner's function).
	void ensurePartitions(Collection<LocalDateTime> times) {
		for (LocalDateTime t : times) {
			YearMonth month = YearMonth.from(t);
			if (this.partitions.add(month)) {
				this.jdbc.queryForList("SELECT monitoring_ensure_partition(?)", month.atDay(1));
			}
		}
	}

	// Writes the rows; a logger's value replaces a computed one, a value already received
	// stays (a resent packet changes nothing).
	void write(List<Row> rows) {
		write(rows, false);
	}

	// Writes the rows marked as computed or as the logger's (the demo history writes its
	// minute, hour and day values as computed, like those of real-time values).
	void write(List<Row> rows, boolean computed) {
		if (rows.isEmpty()) {
			return;
		}
		ensurePartitions(rows.stream().map(Row::time).distinct().toList());
		this.jdbc.execute((Connection con) -> {
			try (PreparedStatement ps = con.prepareStatement("""
					INSERT INTO monitoring_data (point_id, factor, series, data_time, value, min_value, max_value,
					  converted, flag, backfilled, computed)
					SELECT *, ?::boolean FROM unnest(?::bigint[], ?::varchar[], ?::char[], ?::timestamp[], ?::numeric[],
					  ?::numeric[], ?::numeric[], ?::numeric[], ?::varchar[], ?::boolean[])
					ON CONFLICT (point_id, factor, series, data_time) DO UPDATE SET value = EXCLUDED.value,
					  min_value = EXCLUDED.min_value, max_value = EXCLUDED.max_value, converted = EXCLUDED.converted,
					  flag = EXCLUDED.flag, backfilled = EXCLUDED.backfilled, computed = false
					  WHERE monitoring_data.computed
					""")) {
				int n = rows.size();
				Long[] ids = new Long[n];
				String[] factors = new String[n];
				String[] series = new String[n];
				Timestamp[] times = new Timestamp[n];
				BigDecimal[] values = new BigDecimal[n];
				BigDecimal[] mins = new BigDecimal[n];
				BigDecimal[] maxs = new BigDecimal[n];
				BigDecimal[] converted = new BigDecimal[n];
				String[] flags = new String[n];
				Boolean[] backfilled = new Boolean[n];
				for (int i = 0; i < n; i++) {
					Row r = rows.get(i);
					ids[i] = r.pointId();
					factors[i] = r.factor();
					series[i] = String.valueOf(r.series());
					times[i] = Timestamp.valueOf(r.time());
					values[i] = r.value();
					mins[i] = r.min();
					maxs[i] = r.max();
					converted[i] = r.converted();
					flags[i] = r.flag();
					backfilled[i] = r.backfilled();
				}
				ps.setBoolean(1, computed);
				ps.setArray(2, con.createArrayOf("bigint", ids));
				ps.setArray(3, con.createArrayOf("varchar", factors));
				ps.setArray(4, con.createArrayOf("varchar", series));
				ps.setArray(5, con.createArrayOf("timestamp", times));
				ps.setArray(6, con.createArrayOf("numeric", values));
				ps.setArray(7, con.createArrayOf("numeric", mins));
				ps.setArray(8, con.createArrayOf("numeric", maxs));
				ps.setArray(9, con.createArrayOf("numeric", converted));
				ps.setArray(10, con.createArrayOf("varchar", flags));
				ps.setArray(11, con.createArrayOf("boolean", backfilled));
				return ps.executeUpdate();
			}
		});
	}

	// A minute, hour or day of a point's factor to compute from its real-time values.
	record Bucket(long pointId, String factor, LocalDateTime start) {
	}

	// Computes the series' values of the buckets from the real-time values in them (a
	// value the logger sent itself stays) and answers the values written.
	List<Row> rollUp(char series, Collection<Bucket> buckets) {
		if (buckets.isEmpty()) {
			return List.of();
		}
		String step = switch (series) {
			case 'M' -> "1 minute";
			case 'H' -> "1 hour";
			default -> "1 day";
		};
		LocalDateTime lo = buckets.stream().map(Bucket::start).min(LocalDateTime::compareTo).orElseThrow();
		LocalDateTime hi = buckets.stream().map(Bucket::start).max(LocalDateTime::compareTo).orElseThrow().plusDays(1);
		ensurePartitions(buckets.stream().map(Bucket::start).distinct().toList());
		return this.jdbc.execute((Connection con) -> {
			try (PreparedStatement ps = con.prepareStatement("""
					INSERT INTO monitoring_data (point_id, factor, series, data_time, value, min_value, max_value,
					  converted, flag, backfilled, computed)
					SELECT d.point_id, d.factor, ?, k.t, avg(d.value), min(d.value), max(d.value), avg(d.converted),
					  CASE WHEN bool_and(d.flag = 'N') THEN 'N'
					       ELSE mode() WITHIN GROUP (ORDER BY d.flag) FILTER (WHERE d.flag <> 'N') END,
					  bool_or(d.backfilled), true
					FROM unnest(?::bigint[], ?::varchar[], ?::timestamp[]) AS k(pid, factor, t)
					JOIN monitoring_data d ON d.point_id = k.pid AND d.factor = k.factor AND d.series = 'R'
					  AND d.data_time >= k.t AND d.data_time < k.t + CAST(? AS interval)
					WHERE d.data_time >= ? AND d.data_time < ?
					GROUP BY d.point_id, d.factor, k.t
					ON CONFLICT (point_id, factor, series, data_time) DO UPDATE SET value = EXCLUDED.value,
					  min_value = EXCLUDED.min_value, max_value = EXCLUDED.max_value, converted = EXCLUDED.converted,
					  flag = EXCLUDED.flag, backfilled = EXCLUDED.backfilled
					  WHERE monitoring_data.computed
					RETURNING point_id, factor, data_time, value, min_value, max_value, converted, flag, backfilled
					""")) {
				int n = buckets.size();
				Long[] ids = new Long[n];
				String[] factors = new String[n];
				Timestamp[] starts = new Timestamp[n];
				int i = 0;
				for (Bucket b : buckets) {
					ids[i] = b.pointId();
					factors[i] = b.factor();
					starts[i] = Timestamp.valueOf(b.start());
					i++;
				}
				ps.setString(1, String.valueOf(series));
				ps.setArray(2, con.createArrayOf("bigint", ids));
				ps.setArray(3, con.createArrayOf("varchar", factors));
				ps.setArray(4, con.createArrayOf("timestamp", starts));
				ps.setString(5, step);
				ps.setTimestamp(6, Timestamp.valueOf(lo));
				ps.setTimestamp(7, Timestamp.valueOf(hi));
				List<Row> out = new ArrayList<>();
				try (var rs = ps.executeQuery()) {
					while (rs.next()) {
						out.add(new Row(rs.getLong(1), rs.getString(2), series, rs.getTimestamp(3).toLocalDateTime(),
								rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
								rs.getString(8), rs.getBoolean(9)));
					}
				}
				return out;
			}
		});
	}

	// A point's factor's series within [from, to), oldest first.
	List<Row> series(long pointId, String factor, char series, LocalDateTime from, LocalDateTime to, int limit) {
		return this.jdbc.query("""
				SELECT data_time, value, min_value, max_value, converted, flag, backfilled FROM monitoring_data
				WHERE point_id = ? AND factor = ? AND series = ? AND data_time >= ? AND data_time < ?
				ORDER BY data_time LIMIT ?
				""",
				(rs, n) -> new Row(pointId, factor, series, rs.getTimestamp(1).toLocalDateTime(), rs.getBigDecimal(2),
						rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6),
						rs.getBoolean(7)),
				pointId, factor, String.valueOf(series), Timestamp.valueOf(from), Timestamp.valueOf(to), limit);
	}

	// The newest value of each factor of the points of any series — real time, minute,
	// hour
	// or day, the logger's or computed — from {@code since} on: the one with the latest
	// time, a finer series first on equal times (a logger sending only 2051 or 2061 has
	// its minute or hour values shown). One indexed look-up per factor and series.
	List<Row> latest(Collection<Long> pointIds, LocalDateTime since) {
		if (pointIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.execute((Connection con) -> {
			try (PreparedStatement ps = con.prepareStatement("""
					SELECT f.point_id, f.code, s.series, l.data_time, l.value, l.converted, l.flag, l.backfilled
					FROM monitoring_factor f
					CROSS JOIN (VALUES ('R', 0), ('M', 1), ('H', 2), ('D', 3)) s(series, rank)
					CROSS JOIN LATERAL (SELECT data_time, value, converted, flag, backfilled FROM monitoring_data d
					  WHERE d.point_id = f.point_id AND d.factor = f.code AND d.series = s.series
					    AND d.data_time > ?
					  ORDER BY data_time DESC LIMIT 1) l
					WHERE f.point_id = ANY(?)
					ORDER BY f.point_id, f.code, l.data_time DESC, s.rank
					""")) {
				Array ids = con.createArrayOf("bigint", pointIds.toArray(Long[]::new));
				ps.setTimestamp(1, Timestamp.valueOf(since));
				ps.setArray(2, ids);
				List<Row> out = new ArrayList<>();
				try (var rs = ps.executeQuery()) {
					Row previous = null;
					while (rs.next()) {
						Row row = new Row(rs.getLong(1), rs.getString(2), rs.getString(3).charAt(0),
								rs.getTimestamp(4).toLocalDateTime(), rs.getBigDecimal(5), null, null,
								rs.getBigDecimal(6), rs.getString(7), rs.getBoolean(8));
						// the first row of a factor is its newest
						if (previous == null || previous.pointId() != row.pointId()
								|| !previous.factor().equals(row.factor())) {
							out.add(row);
						}
						previous = row;
					}
				}
				return out;
			}
		});
	}

	// Drops the partitions older than the retention; answers how many.
	int dropBefore(LocalDate month) {
		Integer n = this.jdbc.queryForObject("SELECT monitoring_drop_partitions_before(?)", Integer.class, month);
		this.partitions.removeIf((m) -> m.isBefore(YearMonth.from(month)));
		return (n != null) ? n : 0;
	}

}
