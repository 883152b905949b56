package io.parkops.monitoring.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parkops.monitoring.internal.MonitoringService.AlarmKind;
import io.parkops.monitoring.internal.MonitoringService.AlarmStatus;
import io.parkops.monitoring.internal.MonitoringService.Kind;
import io.parkops.monitoring.internal.MonitoringViews.AlarmView;
import io.parkops.monitoring.internal.MonitoringViews.Page;
import io.parkops.monitoring.internal.MonitoringViews.PointView;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.ZoneTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

// What the monitoring pages, the to-dos and the reminders ask besides the API: the point
// list with the online and enterprise filters, the alarm list with the enterprise and
// "not yet a hazard" filters, the points to choose from and the counts of open alarms.
// Every query keeps the caller's scope (staff their zones, an enterprise user its own
// points) through MonitoringService.
@Service
public class MonitoringPages {

	private final JdbcClient jdbc;

	private final MonitoringService monitoring;

	private final ZoneTime zoneTime;

	private final MonitoringProperties properties;

	MonitoringPages(JdbcClient jdbc, MonitoringService monitoring, ZoneTime zoneTime, MonitoringProperties properties) {
		this.jdbc = jdbc;
		this.monitoring = monitoring;
		this.zoneTime = zoneTime;
		this.properties = properties;
	}

	// The filter of the point list; online "true", "false" or empty.
	public record PointFilter(String q, String kind, String enterprise, String online) {
	}

	// The filter of the alarm list; unhandled: only open alarms not yet turned into a
	// hazard.
	public record AlarmFilter(String kind, String status, String enterprise, String mn, String from, String to,
			boolean unhandled) {
	}

	// A point to choose in a filter.
	public record PointChoice(String mn, String name) {
	}

	private record Where(StringBuilder sql, Map<String, Object> params) {

		void add(String condition, String name, Object value) {
			this.sql.append(" AND ").append(condition);
			this.params.put(name, value);
		}

	}

	private static String ownEnterprise(String requested) {
		CurrentUser me = CurrentUser.get();
		return me.isEnterpriseUser() ? me.enterpriseCreditCode() : Inputs.trim(requested);
	}

	public Page<PointView> points(String zone, PointFilter filter, int page, int size) {
		List<String> zones = this.monitoring.scopeZones(zone);
		Inputs in = new Inputs();
		Kind kind = in.choice(Kind.class, filter.kind(), "kind", false);
		String text = in.text(filter.q(), "q", 100, false);
		String online = in.oneOf(filter.online(), "online", List.of("true", "false"), false);
		String enterprise = in.text(ownEnterprise(filter.enterprise()), "enterprise", 18, false);
		in.check();
		Where w = new Where(new StringBuilder(" WHERE p.zone_code = ANY(:zones)"), new HashMap<>());
		w.params().put("zones", zones.toArray(String[]::new));
		if (enterprise != null) {
			w.add("p.credit_code = :cc", "cc", enterprise);
		}
		if (kind != null) {
			w.add("p.kind = :kind", "kind", kind.name());
		}
		if (text != null) {
			w.add("(p.name ILIKE :q OR p.mn ILIKE :q)", "q",
					"%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (online != null) {
			Timestamp since = Timestamp.from(Instant.now().minus(this.properties.offlineAfter()));
			w.add(online.equals("true") ? "p.last_packet_at > :since"
					: "(p.last_packet_at IS NULL OR p.last_packet_at <= :since)", "since", since);
		}
		long total = this.jdbc.sql("SELECT count(*) FROM monitoring_point p" + w.sql())
			.params(w.params())
			.query(Long.class)
			.single();
		List<Long> ids = this.jdbc
			.sql("SELECT p.id FROM monitoring_point p" + w.sql() + " ORDER BY p.name, p.id LIMIT :limit OFFSET :offset")
			.params(w.params())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Long.class)
			.list();
		return new Page<>(this.monitoring.views(ids), total);
	}

	// The points of the caller's scope in the zone, by name (for the alarm filter).
	public List<PointChoice> pointChoices(String zone) {
		List<String> zones = this.monitoring.scopeZones(zone);
		String cc = ownEnterprise(null);
		return this.jdbc
			.sql("SELECT mn, name FROM monitoring_point WHERE zone_code = ANY(:zones)"
					+ ((cc != null) ? " AND credit_code = :cc" : "") + " ORDER BY name, id LIMIT 2000")
			.param("zones", zones.toArray(String[]::new))
			.params((cc != null) ? Map.of("cc", cc) : Map.of())
			.query((rs, n) -> new PointChoice(rs.getString(1), rs.getString(2)))
			.list();
	}

	public Page<AlarmView> alarms(String zone, AlarmFilter filter, int page, int size) {
		List<String> zones = this.monitoring.scopeZones(zone);
		Inputs in = new Inputs();
		AlarmKind kind = in.choice(AlarmKind.class, filter.kind(), "kind", false);
		AlarmStatus status = in.choice(AlarmStatus.class, filter.status(), "status", false);
		LocalDateTime from = MonitoringService.time(in, filter.from(), "from");
		LocalDateTime to = MonitoringService.time(in, filter.to(), "to");
		String mn = in.text(filter.mn(), "mn", 24, false);
		String enterprise = in.text(ownEnterprise(filter.enterprise()), "enterprise", 18, false);
		in.check();
		ZoneId z = this.zoneTime.zoneId();
		Where w = new Where(new StringBuilder(" WHERE a.zone_code = ANY(:zones)"), new HashMap<>());
		w.params().put("zones", zones.toArray(String[]::new));
		if (enterprise != null) {
			w.add("a.credit_code = :cc", "cc", enterprise);
		}
		if (mn != null) {
			w.add("p.mn = :mn", "mn", mn);
		}
		if (kind != null) {
			w.add("a.kind = :kind", "kind", kind.name());
		}
		if (status != null) {
			w.add("a.status = :status", "status", status.name());
		}
		if (from != null) {
			w.add("a.opened_at >= :from", "from", Timestamp.from(from.atZone(z).toInstant()));
		}
		if (to != null) {
			w.add("a.opened_at < :to", "to", Timestamp.from(to.atZone(z).toInstant()));
		}
		if (filter.unhandled()) {
			w.sql().append(" AND a.status = 'OPEN' AND a.hazard_id IS NULL");
		}
		long total = this.jdbc
			.sql("SELECT count(*) FROM monitoring_alarm a JOIN monitoring_point p ON p.id = a.point_id" + w.sql())
			.params(w.params())
			.query(Long.class)
			.single();
		List<AlarmView> items = this.jdbc
			.sql(AlarmStore.SELECT + w.sql() + " ORDER BY a.opened_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
			.params(w.params())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(AlarmStore::map)
			.list()
			.stream()
			.map(this.monitoring::alarmView)
			.toList();
		return new Page<>(items, total);
	}

	// For a zone (staff) or an enterprise (its user): how many open alarms are not yet a
	// hazard.
	public long waiting(String zone, String creditCode) {
		return this.jdbc
			.sql("SELECT count(*) FROM monitoring_alarm WHERE status = 'OPEN' AND hazard_id IS NULL AND "
					+ ((creditCode != null) ? "credit_code = :key" : "zone_code = :key"))
			.param("key", (creditCode != null) ? creditCode : zone)
			.query(Long.class)
			.single();
	}

	// Alarms opened since the given moment and still open, of a zone or an enterprise.
	public long openedSince(String zone, String creditCode, Instant since) {
		return this.jdbc
			.sql("SELECT count(*) FROM monitoring_alarm WHERE status = 'OPEN' AND opened_at >= :since AND "
					+ ((creditCode != null) ? "credit_code = :key" : "zone_code = :key"))
			.param("key", (creditCode != null) ? creditCode : zone)
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}

}
