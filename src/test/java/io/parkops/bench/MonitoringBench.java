package io.parkops.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parkops.ParkOpsApplication;
import io.parkops.enterprise.CreditCode;
import io.parkops.monitoring.internal.MonitoringLoad;
import io.parkops.monitoring.internal.MonitoringLoad.Result;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark harness of environmental monitoring: on a fresh embedded database, a zone
 * of {@code bench.points} (1,000) water outfalls whose simulated loggers (the demo
 * simulator's code) send HJ 212 real-time packets over TCP to the running receiver. It
 * prints, one JSON line each: the packets stored and acknowledged per second over
 * {@code bench.connections} (50) connections ({@code monitoring_packets_per_s}, target ≥
 * 5,000) and the acknowledgement's p99 ({@code monitoring_ack_p99_ms}); a run of every
 * point sending one packet a minute for {@code bench.minutes} (10) minutes with sent and
 * stored counted ({@code monitoring_steady_stored}, sent = stored); and a point's hourly
 * series over a year through the HTTP data API
 * ({@code monitoring_year_hourly_chart_p50_ms}, target ≤ 200 ms) with a year of hour
 * values of {@code bench.chartPoints} (200) points seeded by SQL. Run it with
 * {@code ./mvnw -Pbench -DskipTests verify -Dbench.main=io.parkops.bench.MonitoringBench}.
 * It never fails a build on timing.
 */
public final class MonitoringBench {

	private static final String ADMIN_PASSWORD = "Bench#2024pass";

	private static final String STAFF_PASSWORD = "Bench#Mon2024";

	private static final String ZONE = "mbench";

	private MonitoringBench() {
	}

	public static void main(String[] args) throws Exception {
		int points = Integer.getInteger("bench.points", 1_000);
		int connections = Integer.getInteger("bench.connections", 50);
		int packets = Integer.getInteger("bench.packets", 100_000);
		int window = Integer.getInteger("bench.window", 100);
		int minutes = Integer.getInteger("bench.minutes", 10);
		int chartPoints = Integer.getInteger("bench.chartPoints", 200);
		int samples = Integer.getInteger("bench.samples", 50);
		Path dataDir = Files.createTempDirectory("parkops-monitoring-bench");
		ConfigurableApplicationContext app = SpringApplication.run(ParkOpsApplication.class, "--server.port=0",
				"--parkops.data-dir=" + dataDir, "--parkops.demo=false", "--parkops.admin-password=" + ADMIN_PASSWORD,
				"--parkops.monitoring.hj212.port=0", "--parkops.monitoring.simulator.enabled=false",
				"--logging.level.root=WARN");
		try {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			List<String> enterprises = seedZone(jdbc, 50);
			List<String> mns = MonitoringLoad.registerPoints(app, ZONE, enterprises, points);
			LocalDateTime now = MonitoringLoad.now(app).truncatedTo(ChronoUnit.MINUTES);

			// throughput: as fast as acknowledged, each point's packets on successive
			// minutes
			MonitoringLoad.flood(app, mns, connections, Math.min(packets, 10_000), window, now.minusDays(40));
			long storedBefore = MonitoringLoad.receiverStored(app);
			Result flood = MonitoringLoad.flood(app, mns, connections, packets, window, now.minusDays(30));
			long stored = MonitoringLoad.receiverStored(app) - storedBefore;
			Bench.print("monitoring_packets_per_s", Math.round(flood.acknowledged() / flood.seconds()),
					details("target", 5_000, "connections", connections, "sent", flood.sent(), "acknowledged",
							flood.acknowledged(), "stored", stored, "failed", flood.failed(), "seconds",
							round(flood.seconds()), "window_per_connection", window, "values_per_packet", 4));
			Bench.print("monitoring_ack_p99_ms", Bench.percentile(flood.ackMicros(), 99) / 1000.0,
					details("p50_ms", Bench.percentile(flood.ackMicros(), 50) / 1000.0, "connections", connections,
							"window_per_connection", window));

			// the loggers' pace: one packet a minute each, nothing lost
			LocalDateTime first = MonitoringLoad.now(app).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
			Result steady = MonitoringLoad.steady(app, mns, connections, minutes, first);
			long kept = 0;
			for (int i = 0; i < 50; i++) {
				kept = MonitoringLoad.storedPackets(app, mns, first, first.plusMinutes(minutes));
				if (kept >= steady.sent()) {
					break;
				}
				Thread.sleep(200);
			}
			Bench.print("monitoring_steady_stored", kept,
					details("sent", steady.sent(), "stored", kept, "acknowledged", steady.acknowledged(), "lost",
							steady.sent() - kept, "sent_equals_stored", steady.sent() == kept, "points", points,
							"minutes", minutes, "ack_p99_ms", Bench.percentile(steady.ackMicros(), 99) / 1000.0));

			// a point's hourly chart over a year
			long seeded = seedYear(jdbc, mns.subList(0, Math.min(chartPoints, mns.size())));
			HttpClient http = HttpClient.newHttpClient();
			String admin = Bench.token(http, freePort(app), "admin", ADMIN_PASSWORD);
			Bench.post(http, freePort(app), admin, "/api/v1/users",
					Map.of("username", "benchmon", "password", STAFF_PASSWORD, "displayName", "Bench", "roles",
							List.of("SAFETY_STAFF"), "zoneCodes", List.of(ZONE), "mustChangePassword", false));
			String token = Bench.token(http, freePort(app), "benchmon", STAFF_PASSWORD);
			LocalDate today = now.toLocalDate();
			String path = "/api/v1/monitoring/points/" + mns.get(0) + "/data?factor=w01018&interval=HOUR&from="
					+ today.minusDays(365) + "&to=" + today.plusDays(1);
			List<Long> micros = Bench.time(http, freePort(app), token, path, samples, 10);
			Bench.print("monitoring_year_hourly_chart_p50_ms", Bench.percentile(micros, 50) / 1000.0,
					details("target_ms", 200, "p95_ms", Bench.percentile(micros, 95) / 1000.0, "samples", samples,
							"hour_rows_seeded", seeded, "points_with_a_year", Math.min(chartPoints, mns.size()),
							"request", path));
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	private static int freePort(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

	private static Map<String, Object> details(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}

	// The zone and its enterprises; answers their credit codes.
	private static List<String> seedZone(JdbcTemplate jdbc, int n) {
		jdbc.update("INSERT INTO zone (code, name) VALUES (?, '监测基准园区')", ZONE);
		jdbc.update("INSERT INTO area (zone_code, code, name) VALUES (?, 'east', '东区')", ZONE);
		List<String> codes = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String first17 = String.format(Locale.ROOT, "91361%012d", i);
			String code = first17 + CreditCode.checkCharacter(first17);
			codes.add(code);
			rows.add(new Object[] { code, "监测基准" + i + "化工有限公司" });
		}
		jdbc.batchUpdate("INSERT INTO enterprise (credit_code, name, zone_code, area_code, industry_code, status,"
				+ " above_scale) VALUES (?, ?, '" + ZONE + "', 'east', 'C26', 'IN_PRODUCTION', false)", rows);
		return codes;
	}

	// A year of COD hour values of the points (SQL); answers the rows written.
	private static long seedYear(JdbcTemplate jdbc, List<String> mns) {
		int n = jdbc.update("""
				INSERT INTO monitoring_data (point_id, factor, series, data_time, value, min_value, max_value, flag,
				  computed)
				SELECT p.id, 'w01018', 'H', t, round((150 + 60 * random())::numeric, 1),
				  round((100 + 30 * random())::numeric, 1), round((220 + 60 * random())::numeric, 1), 'N', true
				FROM monitoring_point p
				CROSS JOIN generate_series(date_trunc('hour', localtimestamp) - INTERVAL '365 days',
				  date_trunc('hour', localtimestamp), INTERVAL '1 hour') AS t
				WHERE p.mn = ANY(?)
				ON CONFLICT DO NOTHING
				""", (Object) mns.toArray(String[]::new));
		jdbc.execute("ANALYZE monitoring_data");
		return n;
	}

}
