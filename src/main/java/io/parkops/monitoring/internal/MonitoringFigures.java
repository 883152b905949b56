package io.parkops.monitoring.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.parkops.platform.ZoneTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

// The figures of online monitoring for the cockpit and the work report, for a whole zone:
// points and those online now, open alarms, and over a period the coverage of the
// enterprises with water or air points (涉水涉气), the exceedances and their handling, the
// points exceeding repeatedly and the points offline.
@Component
class MonitoringFigures {

	// Kinds of 涉水涉气 points.
	static final String[] WATER_AIR = { "WATER", "RAIN", "AIR", "VOC" };

	// Exceedances of one point in a period from which it is named a repeated offender.
	static final int REPEATED = 3;

	private final JdbcClient jdbc;

	private final ZoneTime zoneTime;

	private final MonitoringProperties properties;

	MonitoringFigures(JdbcClient jdbc, ZoneTime zoneTime, MonitoringProperties properties) {
		this.jdbc = jdbc;
		this.zoneTime = zoneTime;
		this.properties = properties;
	}

	// Now: points, those heard from within offline-after, by kind; open alarms by kind.
	record Now(long points, long online, long water, long air, long voc, long openExceedances, long openOffline,
			long openInstrument) {
	}

	Now now(String zone) {
		Timestamp since = Timestamp.from(Instant.now().minus(this.properties.offlineAfter()));
		return this.jdbc
			.sql("""
					SELECT count(*),
					  count(*) FILTER (WHERE last_packet_at > :since),
					  count(*) FILTER (WHERE kind IN ('WATER', 'RAIN')),
					  count(*) FILTER (WHERE kind = 'AIR'),
					  count(*) FILTER (WHERE kind = 'VOC'),
					  (SELECT count(*) FROM monitoring_alarm WHERE zone_code = :zone AND status = 'OPEN' AND kind = 'EXCEEDANCE'),
					  (SELECT count(*) FROM monitoring_alarm WHERE zone_code = :zone AND status = 'OPEN' AND kind = 'OFFLINE'),
					  (SELECT count(*) FROM monitoring_alarm WHERE zone_code = :zone AND status = 'OPEN' AND kind = 'INSTRUMENT')
					FROM monitoring_point WHERE zone_code = :zone
					""")
			.param("zone", zone)
			.param("since", since)
			.query((rs, n) -> new Now(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8)))
			.single();
	}

	// Points registered by the end of a period, by kind.
	record Points(long total, long water, long air, long voc, long other) {
	}

	Points points(String zone, LocalDate to) {
		return this.jdbc.sql("""
				SELECT count(*),
				  count(*) FILTER (WHERE kind IN ('WATER', 'RAIN')),
				  count(*) FILTER (WHERE kind = 'AIR'),
				  count(*) FILTER (WHERE kind = 'VOC'),
				  count(*) FILTER (WHERE kind NOT IN ('WATER', 'RAIN', 'AIR', 'VOC'))
				FROM monitoring_point WHERE zone_code = :zone AND created_at < :end
				""")
			.param("zone", zone)
			.param("end", end(to))
			.query((rs, n) -> new Points(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}

	// An enterprise with 涉水涉气 points and whether one of them sent data in the period.
	record Covered(String creditCode, long points, boolean monitored) {
	}

	// The enterprises with a water, rain, air or VOCs point registered by the end of the
	// period; monitored: one of those points stored a value dated in the period.
	List<Covered> coverage(String zone, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT p.credit_code, count(*),
				  bool_or(EXISTS (SELECT 1 FROM monitoring_data d WHERE d.point_id = p.id
				    AND d.data_time >= :from AND d.data_time < :to))
				FROM monitoring_point p
				WHERE p.zone_code = :zone AND p.kind = ANY(:kinds) AND p.created_at < :end
				GROUP BY p.credit_code ORDER BY p.credit_code
				""")
			.param("zone", zone)
			.param("kinds", WATER_AIR)
			.param("end", end(to))
			.param("from", from.atStartOfDay())
			.param("to", to.plusDays(1).atStartOfDay())
			.query((rs, n) -> new Covered(rs.getString(1), rs.getLong(2), rs.getBoolean(3)))
			.list();
	}

	// An alarm of the period.
	record AlarmRow(long id, String creditCode, String mn, String pointName, String factor, String factorName,
			Instant openedAt, Instant closedAt, Long hazardId) {
	}

	// The exceedance alarms opened in the period (dates in the zone's time zone).
	List<AlarmRow> exceedances(String zone, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT a.id, a.credit_code, p.mn, p.name, a.factor, COALESCE(f.name, a.factor), a.opened_at,
				  a.closed_at, a.hazard_id
				FROM monitoring_alarm a JOIN monitoring_point p ON p.id = a.point_id
				LEFT JOIN monitoring_factor f ON f.point_id = a.point_id AND f.code = a.factor
				WHERE a.zone_code = :zone AND a.kind = 'EXCEEDANCE' AND a.opened_at >= :start AND a.opened_at < :end
				ORDER BY a.opened_at, a.id
				""").param("zone", zone).param("start", start(from)).param("end", end(to)).query((rs, n) -> {
			Timestamp closed = rs.getTimestamp(8);
			long hazard = rs.getLong(9);
			Long hazardId = rs.wasNull() ? null : hazard;
			return new AlarmRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getTimestamp(7).toInstant(), (closed != null) ? closed.toInstant() : null,
					hazardId);
		}).list();
	}

	// A point offline now: its open offline alarm's start.
	record Offline(String creditCode, String mn, String pointName, Instant since) {
	}

	List<Offline> offlineNow(String zone) {
		return this.jdbc.sql("""
				SELECT a.credit_code, p.mn, p.name, a.opened_at
				FROM monitoring_alarm a JOIN monitoring_point p ON p.id = a.point_id
				WHERE a.zone_code = :zone AND a.kind = 'OFFLINE' AND a.status = 'OPEN'
				ORDER BY a.opened_at, p.mn
				""")
			.param("zone", zone)
			.query((rs, n) -> new Offline(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	ZoneId zoneId() {
		return this.zoneTime.zoneId();
	}

	private Timestamp start(LocalDate from) {
		return Timestamp.from(from.atStartOfDay(this.zoneTime.zoneId()).toInstant());
	}

	private Timestamp end(LocalDate to) {
		return Timestamp.from(to.plusDays(1).atStartOfDay(this.zoneTime.zoneId()).toInstant());
	}

}
