package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.parkops.monitoring.MonitoringAlarmClosed;
import io.parkops.monitoring.MonitoringAlarmOpened;
import io.parkops.monitoring.internal.PointDirectory.Factor;
import io.parkops.monitoring.internal.PointDirectory.Point;
import io.parkops.monitoring.internal.SeriesStore.Row;
import io.parkops.platform.ZoneTime;
import io.parkops.safety.HazardIntake;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

// Opens, continues and closes the alarms from the values as they are stored.
// <ul>
// <li>Exceedance (超标): a minute average (the logger's 2051 or computed from its real-time
// values) or a logger's hour average (2061) with flag N above the factor's limit opens
// one; it stays one alarm (its highest value kept) while the values stay above; a value
// with flag N within the limit closes it. Values under M, C, F, S, T (above the measuring
// range), D or B open none and close none.</li>
// <li>Instrument (仪器故障): a value with flag D (fault) or B (communication failure), real
// time included, opens one; a value with flag N closes it.</li>
// <li>Offline (离线): a point silent for longer than {@code offline-after}; its next packet
// closes it.</li>
// </ul>
// Back-filled (补传) values are stored but move no alarm: they tell of the past. An
// exceedance open for longer than {@code hazard-after} becomes a hazard on its own.
@Component
class AlarmEngine {

	private static final Logger log = LoggerFactory.getLogger(AlarmEngine.class);

	static final Set<String> INSTRUMENT_FLAGS = Set.of("D", "B");

	private final AlarmStore alarms;

	private final PointDirectory points;

	private final ApplicationEventPublisher events;

	private final MonitoringProperties properties;

	private final ZoneTime zoneTime;

	private final JdbcClient jdbc;

	private final HazardIntake hazards;

	private final TransactionTemplate transactions;

	private final LateValues lateValues;

	// Open alarms by point, kind and factor: their id and highest value.
	private final Map<String, Open> open = new ConcurrentHashMap<>();

	private volatile boolean loaded;

	AlarmEngine(AlarmStore alarms, PointDirectory points, ApplicationEventPublisher events,
			MonitoringProperties properties, ZoneTime zoneTime, JdbcClient jdbc, HazardIntake hazards,
			TransactionTemplate transactions, LateValues lateValues) {
		this.alarms = alarms;
		this.points = points;
		this.events = events;
		this.properties = properties;
		this.zoneTime = zoneTime;
		this.jdbc = jdbc;
		this.hazards = hazards;
		this.transactions = transactions;
		this.lateValues = lateValues;
	}

	private record Open(long id, BigDecimal max) {
	}

	private static String key(long pointId, String kind, String factor) {
		return pointId + "|" + kind + "|" + factor;
	}

	private void ensureLoaded() {
		if (!this.loaded) {
			synchronized (this) {
				if (!this.loaded) {
					this.open.clear();
					for (AlarmStore.Alarm a : this.alarms.open()) {
						this.open.put(key(a.pointId(), a.kind(), a.factor()), new Open(a.id(), a.maxValue()));
					}
					this.loaded = true;
				}
			}
		}
	}

	// Forgets the cached open alarms (another node may have changed them).
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void refresh() {
		this.loaded = false;
	}

	// Evaluates stored values, oldest first: real-time values (instrument alarms only),
	// minute values and the logger's own hour values (computed hour and day values are
	// not passed in).
	// A value later than the latest evaluated for its point and factor goes on from
	// there;
	// an earlier one is late and re-evaluates its stretch (LateValues, which keeps how
	// far
	// each was evaluated in the database for restarts and other nodes).
	synchronized void evaluate(Collection<Row> rows) {
		ensureLoaded();
		ZoneId zone = this.zoneTime.zoneId();
		Map<String, java.time.LocalDateTime> seen = this.lateValues.evaluatedUntil(rows.stream()
			.filter((r) -> (r.series() == 'M' || r.series() == 'H') && !r.backfilled() && r.effective() != null
					&& "N".equals((r.flag() != null) ? r.flag() : "N"))
			.toList());
		Map<String, java.time.LocalDateTime> evaluated = new java.util.HashMap<>();
		rows.stream().sorted(Comparator.comparing(Row::time)).forEach((row) -> {
			if (row.backfilled() || row.effective() == null) {
				return;
			}
			Point point = this.points.byId(row.pointId());
			if (point == null) {
				return;
			}
			Instant at = row.time().atZone(zone).toInstant();
			String flag = (row.flag() != null) ? row.flag() : "N";
			Factor factor = point.factors().get(row.factor());
			if (INSTRUMENT_FLAGS.contains(flag)) {
				openOrRaise(point, row.factor(), "INSTRUMENT", at, row.effective(), null, flag);
				return;
			}
			if (!"N".equals(flag)) {
				return;
			}
			close(point, row.factor(), "INSTRUMENT", at);
			boolean drives = row.series() == 'M' || row.series() == 'H';
			if (!drives || factor == null || factor.limit() == null) {
				return;
			}
			String key = row.pointId() + "|" + row.factor();
			java.time.LocalDateTime before = seen.get(key);
			if (before != null && row.time().isBefore(before)) {
				late(point, factor, row.time(), zone);
				return;
			}
			seen.put(key, row.time());
			evaluated.put(key, row.time());
			if (row.effective().compareTo(factor.limit()) > 0) {
				openOrRaise(point, row.factor(), "EXCEEDANCE", at, row.effective(), factor.limit(), flag);
			}
			else {
				close(point, row.factor(), "EXCEEDANCE", at);
			}
		});
		this.lateValues.markEvaluated(evaluated);
	}

	// A value earlier than the latest evaluated: the stretch from it is evaluated again.
	private void late(Point point, Factor factor, java.time.LocalDateTime time, ZoneId zone) {
		LateValues.Outcome outcome = this.lateValues.reevaluate(point, factor.code(), factor.limit(), time, zone);
		String key = key(point.id(), "EXCEEDANCE", factor.code());
		if (outcome.openId() != null) {
			this.open.put(key, new Open(outcome.openId(), outcome.openMax()));
		}
		else {
			this.open.remove(key);
		}
		String what = describe(point, factor.code());
		for (LateValues.Added a : outcome.added()) {
			this.events
				.publishEvent(new MonitoringAlarmOpened(a.id(), point.creditCode(), "EXCEEDANCE", what, a.openedAt()));
			if (a.closedAt() != null) {
				this.events.publishEvent(
						new MonitoringAlarmClosed(a.id(), point.creditCode(), "EXCEEDANCE", what, a.closedAt()));
			}
		}
	}

	private void openOrRaise(Point point, String factor, String kind, Instant at, BigDecimal value, BigDecimal limit,
			String flag) {
		String key = key(point.id(), kind, factor);
		Open current = this.open.get(key);
		if (current != null) {
			if (value != null && (current.max() == null || value.compareTo(current.max()) > 0)) {
				this.alarms.raise(current.id(), value, at);
				this.open.put(key, new Open(current.id(), value));
			}
			return;
		}
		this.alarms.open(point.zoneCode(), point.creditCode(), point.id(), factor, kind, at, value, limit, flag)
			.ifPresentOrElse((id) -> {
				this.open.put(key, new Open(id, value));
				this.events
					.publishEvent(new MonitoringAlarmOpened(id, point.creditCode(), kind, describe(point, factor), at));
			}, () -> this.loaded = false);
	}

	private void close(Point point, String factor, String kind, Instant at) {
		String key = key(point.id(), kind, factor);
		Open current = this.open.remove(key);
		if (current != null && this.alarms.close(current.id(), at)) {
			this.events.publishEvent(
					new MonitoringAlarmClosed(current.id(), point.creditCode(), kind, describe(point, factor), at));
		}
	}

	private static String describe(Point point, String factor) {
		Factor f = point.factors().get(factor);
		if (factor.isEmpty()) {
			return point.name();
		}
		return point.name() + " " + ((f != null) ? f.name() : factor);
	}

	// The points heard from: their offline alarms close.
	synchronized void heard(Collection<Long> pointIds, Instant at) {
		ensureLoaded();
		for (Long id : pointIds) {
			Point point = this.points.byId(id);
			if (point != null && this.open.containsKey(key(id, "OFFLINE", ""))) {
				close(point, "", "OFFLINE", at);
			}
		}
	}

	// Opens an offline alarm for each point silent for longer than {@code offline-after}.
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
	@SchedulerLock(name = "monitoring-offline", lockAtMostFor = "PT5M")
	void markOffline() {
		markOffline(Instant.now());
	}

	synchronized int markOffline(Instant now) {
		ensureLoaded();
		Instant before = now.minus(this.properties.offlineAfter());
		List<Long> silent = this.jdbc.sql("""
				SELECT p.id FROM monitoring_point p
				WHERE COALESCE(p.last_packet_at, p.created_at) < :before
				  AND NOT EXISTS (SELECT 1 FROM monitoring_alarm a
				    WHERE a.point_id = p.id AND a.kind = 'OFFLINE' AND a.status = 'OPEN')
				""").param("before", java.sql.Timestamp.from(before)).query(Long.class).list();
		int n = 0;
		for (Long id : silent) {
			Point point = this.points.byId(id);
			if (point != null) {
				openOrRaise(point, "", "OFFLINE", now, null, null, null);
				n++;
			}
		}
		return n;
	}

	// Hands exceedances open for longer than {@code hazard-after} to hazard management.
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT2M")
	@SchedulerLock(name = "monitoring-hazards", lockAtMostFor = "PT10M")
	void escalate() {
		escalate(Instant.now());
	}

	int escalate(Instant now) {
		int n = 0;
		for (AlarmStore.Alarm alarm : this.alarms.exceedancesWithoutHazard(now.minus(this.properties.hazardAfter()))) {
			try {
				Boolean done = this.transactions.execute((status) -> toHazard(alarm));
				n += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Exceedance alarm {} could not be handed over as a hazard: {}", alarm.id(), ex.getMessage());
			}
		}
		return n;
	}

	// Records the alarm's hazard and links both; false when it already has one.
	boolean toHazard(AlarmStore.Alarm alarm) {
		Point point = this.points.byId(alarm.pointId());
		LocalDate today = LocalDate.now(this.zoneTime.zoneId());
		String what = describe(point, alarm.factor());
		String description = switch (alarm.kind()) {
			case "EXCEEDANCE" -> "在线监测超标：" + what + "，最高值" + plain(alarm.maxValue()) + "，限值" + plain(alarm.limit())
					+ "（监测报警 #" + alarm.id() + "，/monitoring/alarms/" + alarm.id() + "）";
			case "INSTRUMENT" ->
				"在线监测仪器故障：" + what + "（监测报警 #" + alarm.id() + "，/monitoring/alarms/" + alarm.id() + "）";
			default -> "在线监测点位离线：" + what + "（监测报警 #" + alarm.id() + "，/monitoring/alarms/" + alarm.id() + "）";
		};
		long hazardId = this.hazards.report(new HazardIntake.Report(alarm.creditCode(),
				this.properties.hazardCategory(point.kind()), description, point.name(), today,
				today.plusDays(this.properties.hazardDays()), "/monitoring/alarms/" + alarm.id()));
		if (!this.alarms.linkHazard(alarm.id(), hazardId)) {
			throw new io.parkops.platform.ConflictException("error.monitoring.alarmHasHazard");
		}
		return true;
	}

	static String plain(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : "—";
	}

}
