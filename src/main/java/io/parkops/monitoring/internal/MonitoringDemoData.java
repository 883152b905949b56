package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.monitoring.internal.DemoLoggers.FactorSpec;
import io.parkops.monitoring.internal.DemoLoggers.Reading;
import io.parkops.monitoring.internal.DemoLoggers.Spec;
import io.parkops.monitoring.internal.SeriesStore.Row;
import io.parkops.platform.DemoDataContributor;
import io.parkops.platform.UserAccounts;
import io.parkops.platform.ZoneTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

// The demo zone's twenty monitoring points (DemoLoggers) on thirteen of its producing
// enterprises — the first of them the one of the account ent001 — with the history their
// loggers would have sent: real-time values of the last 6 hours, minute values of the last
// 24 hours, hour and day values of the last 30 days (five past exceedances among them),
// and the alarms those values opened (closed ones, the oldest handed over as a hazard, an
// open exceedance of the last 40 minutes and the offline spells of the silent point).
@Component
class MonitoringDemoData implements DemoDataContributor {

	private static final Logger log = LoggerFactory.getLogger(MonitoringDemoData.class);

	static final int DAYS = 30;

	// Enterprise (by rank) of each point in DemoLoggers.POINTS.
	private static final int[] ENTERPRISE_OF = { 0, 1, 2, 0, 3, 1, 0, 3, 4, 4, 5, 6, 6, 7, 8, 9, 10, 11, 12, 2 };

	// Industry divisions with outfalls and stacks, the likeliest first.
	private static final List<String> INDUSTRIES = List.of("C26", "C27", "C30", "C22", "C13", "C17", "C18", "C29",
			"C33", "C39", "C38", "C36", "C34", "C35");

	// Past exceedances in the hour values: point, factor, days ago, hour, hours.
	private static final Object[][] EPISODES = { { 5, "w01018", 3, 10, 2 }, { 11, "a21026", 6, 14, 1 },
			{ 13, "a34013", 11, 9, 3 }, { 14, "w21003", 17, 20, 2 }, { 19, "a21002", 25, 8, 1 } };

	// The open exceedance: point 20's particulate matter over the last 40 minutes.
	static final int OPEN_POINT = 20;

	static final String OPEN_FACTOR = "a34013";

	private final JdbcClient jdbc;

	private final EnterpriseRegistry enterprises;

	private final UserAccounts users;

	private final SeriesStore series;

	private final AlarmStore alarms;

	private final AlarmEngine engine;

	private final PointDirectory directory;

	private final ZoneTime zoneTime;

	private final MonitoringProperties properties;

	MonitoringDemoData(JdbcClient jdbc, EnterpriseRegistry enterprises, UserAccounts users, SeriesStore series,
			AlarmStore alarms, AlarmEngine engine, PointDirectory directory, ZoneTime zoneTime,
			MonitoringProperties properties) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.users = users;
		this.series = series;
		this.alarms = alarms;
		this.engine = engine;
		this.directory = directory;
		this.zoneTime = zoneTime;
		this.properties = properties;
	}

	@Override
	public int order() {
		// after safety (50): a past exceedance becomes a hazard
		return 80;
	}

	@Override
	public void contribute(DemoContext context) {
		long started = System.nanoTime();
		List<Enterprise> chosen = enterprises(context.zoneCode());
		if (chosen.isEmpty()) {
			return;
		}
		ZoneId zone = this.zoneTime.zoneId();
		LocalDateTime now = LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
		String hash = PointDirectory.hash(DemoLoggers.PASSWORD);
		Map<Integer, Long> ids = new LinkedHashMap<>();
		Map<Integer, Integer> atSite = new HashMap<>();
		for (Spec spec : DemoLoggers.POINTS) {
			int site = ENTERPRISE_OF[spec.number() - 1] % chosen.size();
			Enterprise e = chosen.get(site);
			BigDecimal[] at = coordinates(site, atSite.merge(site, 1, Integer::sum) - 1);
			long id = this.jdbc.sql("""
					INSERT INTO monitoring_point (zone_code, credit_code, mn, name, kind, location, password_hash,
					  longitude, latitude, created_by, created_at)
					VALUES (:zone, :cc, :mn, :name, :kind, :location, :hash, :lon, :lat, 'safety', :created)
					RETURNING id
					""")
				.param("lon", at[0])
				.param("lat", at[1])
				.param("zone", context.zoneCode())
				.param("cc", e.creditCode())
				.param("mn", spec.mn())
				.param("name", spec.name())
				.param("kind", spec.kind())
				.param("location", spec.location())
				.param("hash", hash)
				.param("created", Timestamp.from(now.minusDays(DAYS + 1).atZone(zone).toInstant()))
				.query(Long.class)
				.single();
			int position = 0;
			for (FactorSpec f : spec.factors()) {
				this.jdbc.sql("""
						INSERT INTO monitoring_factor (point_id, code, name, unit, limit_value, warning_value, position)
						VALUES (:p, :code, :name, :unit, :limit, :warning, :pos)
						""")
					.param("p", id)
					.param("code", f.code())
					.param("name", f.name())
					.param("unit", f.unit())
					.param("limit", f.limit())
					.param("warning", f.warning())
					.param("pos", position++)
					.update();
			}
			ids.put(spec.number(), id);
		}
		this.directory.reload();
		List<Long> alarmIds = new ArrayList<>();
		for (Spec spec : DemoLoggers.POINTS) {
			history(spec, ids.get(spec.number()), now, zone, alarmIds);
		}
		// the oldest past exceedance was handed over as a hazard
		alarmIds.stream()
			.map((id) -> this.alarms.find(id).orElseThrow())
			.filter((a) -> a.kind().equals("EXCEEDANCE") && a.closedAt() != null)
			.min(Comparator.comparing(AlarmStore.Alarm::openedAt))
			.ifPresent(this.engine::toHazard);
		this.engine.refresh();
		log.info("Demo monitoring points and their history written in {} ms",
				(System.nanoTime() - started) / 1_000_000);
	}

	// Producing manufacturers of the zone, ent001's first, then by the industries likely
	// to have outfalls and stacks.
	private List<Enterprise> enterprises(String zone) {
		String own = this.users.find("ent001").map(UserAccounts.UserSummary::enterpriseCreditCode).orElse(null);
		List<Enterprise> all = new ArrayList<>(this.enterprises.ofZone(zone)
			.stream()
			.filter((e) -> e.status() == EnterpriseStatus.IN_PRODUCTION)
			.filter((e) -> e.creditCode().equals(own)
					|| (e.industryCode() != null && INDUSTRIES.contains(e.industryCode())))
			.toList());
		all.sort(Comparator.comparing((Enterprise e) -> !e.creditCode().equals(own))
			.thenComparing((e) -> INDUSTRIES.indexOf(e.industryCode()))
			.thenComparing(Enterprise::creditCode));
		return all.subList(0, Math.min(13, all.size()));
	}

	// Writes a point's series and the alarms they opened.
	private void history(Spec spec, long pointId, LocalDateTime now, ZoneId zone, List<Long> alarmIds) {
		LocalDateTime start = now.minusDays(DAYS).truncatedTo(ChronoUnit.DAYS);
		LocalDateTime minutesFrom = now.minusHours(24);
		LocalDateTime realFrom = now.minusHours(6);
		List<Row> rows = new ArrayList<>();
		List<Row> driving = new ArrayList<>();
		Map<String, double[]> hour = new HashMap<>();
		Map<String, double[]> day = new HashMap<>();
		LocalDateTime lastHeard = null;
		LocalDateTime silentSince = null;
		for (LocalDateTime t = start; t.isBefore(now); t = t.plusMinutes(1)) {
			Reading r = DemoLoggers.reading(spec, t);
			if (r == null) {
				if (silentSince == null) {
					silentSince = t;
				}
			}
			else {
				if (silentSince != null && !silentSince.isBefore(minutesFrom)
						&& Duration.between(silentSince, t).compareTo(this.properties.offlineAfter()) > 0) {
					offline(spec, pointId, silentSince, t, zone, alarmIds);
				}
				silentSince = null;
				lastHeard = t;
				for (int i = 0; i < r.codes().size(); i++) {
					String code = r.codes().get(i);
					BigDecimal v = r.values().get(i);
					String flag = r.flags().get(i);
					if (spec.number() == OPEN_POINT && code.equals(OPEN_FACTOR) && !t.isBefore(now.minusMinutes(40))) {
						FactorSpec f = factor(spec, code);
						v = f.limit().multiply(new BigDecimal("1.25")).setScale(1, RoundingMode.HALF_UP);
					}
					if (!t.isBefore(realFrom)) {
						rows.add(new Row(pointId, code, 'R', t, v, null, null, null, flag, false));
					}
					if (!t.isBefore(minutesFrom)) {
						Row m = new Row(pointId, code, 'M', t, v, v, v, null, flag, false);
						rows.add(m);
						driving.add(m);
					}
					add(hour, code, v, flag);
				}
			}
			LocalDateTime next = t.plusMinutes(1);
			if (next.getMinute() == 0 || !next.isBefore(now)) {
				LocalDateTime h = t.truncatedTo(ChronoUnit.HOURS);
				for (Map.Entry<String, double[]> e : hour.entrySet()) {
					double[] a = e.getValue();
					BigDecimal avg = episode(spec, e.getKey(), h, now);
					if (avg == null) {
						avg = scaled(a[0] / a[3], e.getKey(), spec);
					}
					String flag = (a[4] == a[3]) ? "N" : "M";
					Row row = new Row(pointId, e.getKey(), 'H', h, avg, scaled(a[1], e.getKey(), spec),
							scaled(Math.max(a[2], avg.doubleValue()), e.getKey(), spec), null, flag, false);
					rows.add(row);
					if (h.isBefore(minutesFrom.truncatedTo(ChronoUnit.HOURS))) {
						driving.add(row);
					}
					add(day, e.getKey(), avg, flag);
				}
				hour.clear();
			}
			if (next.getHour() == 0 && next.getMinute() == 0 || !next.isBefore(now)) {
				LocalDateTime d = t.truncatedTo(ChronoUnit.DAYS);
				for (Map.Entry<String, double[]> e : day.entrySet()) {
					double[] a = e.getValue();
					rows.add(new Row(pointId, e.getKey(), 'D', d, scaled(a[0] / a[3], e.getKey(), spec),
							scaled(a[1], e.getKey(), spec), scaled(a[2], e.getKey(), spec), null,
							(a[4] == a[3]) ? "N" : "M", false));
				}
				day.clear();
			}
		}
		this.series.write(rows.stream().filter((r) -> r.series() == 'R').toList(), false);
		this.series.write(rows.stream().filter((r) -> r.series() != 'R').toList(), true);
		if (silentSince != null && Duration.between(silentSince, now).compareTo(this.properties.offlineAfter()) > 0) {
			offline(spec, pointId, silentSince, null, zone, alarmIds);
		}
		exceedances(spec, pointId, driving, zone, alarmIds);
		LocalDateTime heard = (lastHeard != null) ? lastHeard : now;
		this.jdbc.sql("UPDATE monitoring_point SET last_packet_at = :at WHERE id = :id")
			.param("at", Timestamp.from(heard.atZone(zone).toInstant()))
			.param("id", pointId)
			.update();
	}

	// sum, min, max, count, count of N
	private static void add(Map<String, double[]> acc, String code, BigDecimal value, String flag) {
		double v = value.doubleValue();
		double[] a = acc.computeIfAbsent(code, (k) -> new double[] { 0, Double.MAX_VALUE, -Double.MAX_VALUE, 0, 0 });
		a[0] += v;
		a[1] = Math.min(a[1], v);
		a[2] = Math.max(a[2], v);
		a[3]++;
		if ("N".equals(flag)) {
			a[4]++;
		}
	}

	private static FactorSpec factor(Spec spec, String code) {
		return spec.factors().stream().filter((f) -> f.code().equals(code)).findFirst().orElseThrow();
	}

	private static BigDecimal scaled(double v, String code, Spec spec) {
		FactorSpec f = factor(spec, code);
		int scale = (f.level() >= 1000) ? 0 : (code.equals("w01001") ? 2 : 1);
		return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
	}

	// The hour value of a past exceedance, or null.
	private static BigDecimal episode(Spec spec, String code, LocalDateTime hour, LocalDateTime now) {
		for (Object[] e : EPISODES) {
			if ((int) e[0] != spec.number() || !e[1].equals(code)) {
				continue;
			}
			LocalDateTime from = now.truncatedTo(ChronoUnit.DAYS).minusDays((int) e[2]).withHour((int) e[3]);
			if (!hour.isBefore(from) && hour.isBefore(from.plusHours((int) e[4]))) {
				FactorSpec f = factor(spec, code);
				double k = 1.1 + 0.08 * DemoLoggers.noise(spec.number(), code, hour.getHour());
				return f.limit().multiply(BigDecimal.valueOf(k)).setScale(1, RoundingMode.HALF_UP);
			}
		}
		return null;
	}

	// The exceedance alarms the driving values (hour values before the last 24 hours,
	// minute values within them) opened and closed, as the alarm engine decides them.
	private void exceedances(Spec spec, long pointId, List<Row> driving, ZoneId zone, List<Long> alarmIds) {
		Map<String, List<Row>> byFactor = new LinkedHashMap<>();
		for (Row r : driving) {
			byFactor.computeIfAbsent(r.factor(), (k) -> new ArrayList<>()).add(r);
		}
		for (Map.Entry<String, List<Row>> e : byFactor.entrySet()) {
			FactorSpec f = factor(spec, e.getKey());
			if (f.limit() == null) {
				continue;
			}
			List<Row> values = new ArrayList<>(e.getValue());
			values.sort(Comparator.comparing(Row::time));
			Long open = null;
			BigDecimal max = null;
			for (Row r : values) {
				if (!"N".equals(r.flag())) {
					continue;
				}
				Instant at = r.time().atZone(zone).toInstant();
				if (r.value().compareTo(f.limit()) > 0) {
					if (open == null) {
						open = this.alarms
							.open(zoneOf(pointId), creditOf(pointId), pointId, f.code(), "EXCEEDANCE", at, r.value(),
									f.limit(), "N")
							.orElseThrow();
						alarmIds.add(open);
						max = r.value();
					}
					else if (r.value().compareTo(max) > 0) {
						max = r.value();
						this.alarms.raise(open, max, at);
					}
				}
				else if (open != null) {
					this.alarms.close(open, at);
					open = null;
				}
			}
		}
	}

	private void offline(Spec spec, long pointId, LocalDateTime silentFrom, LocalDateTime back, ZoneId zone,
			List<Long> alarmIds) {
		Instant opened = silentFrom.atZone(zone).toInstant().plus(this.properties.offlineAfter());
		long id = this.alarms.open(zoneOf(pointId), creditOf(pointId), pointId, "", "OFFLINE", opened, null, null, null)
			.orElseThrow();
		alarmIds.add(id);
		if (back != null) {
			this.alarms.close(id, back.atZone(zone).toInstant());
		}
	}

	// The demo zone's area (a fictional block of about 3 km × 2.2 km, WGS 84): the
	// enterprises' sites on a grid of 5 × 3 inside it, a site's points about 80 m apart.
	static final double WEST = 114.2800;

	static final double EAST = 114.3110;

	static final double SOUTH = 30.5600;

	static final double NORTH = 30.5800;

	static BigDecimal[] coordinates(int site, int nth) {
		int col = site % 5;
		int row = (site / 5) % 3;
		double lon = WEST + (EAST - WEST) * (col + 0.5) / 5 + ((nth % 2 == 0) ? -1 : 1) * 0.0004 * (1 + nth / 2);
		double lat = SOUTH + (NORTH - SOUTH) * (row + 0.5) / 3 + ((nth % 2 == 0) ? 0.0003 : -0.0003);
		return new BigDecimal[] { BigDecimal.valueOf(lon).setScale(6, RoundingMode.HALF_UP),
				BigDecimal.valueOf(lat).setScale(6, RoundingMode.HALF_UP) };
	}

	private String zoneOf(long pointId) {
		return this.directory.byId(pointId).zoneCode();
	}

	private String creditOf(long pointId) {
		return this.directory.byId(pointId).creditCode();
	}

}
