package io.parkops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parkops.ParkOpsApplication;
import io.parkops.enterprise.CreditCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark harness of the work report: starts ParkOps on a fresh embedded database
 * with the demo zone, times the generation of the demo zone's half-year draft, then seeds
 * a zone of 5,000 enterprises with a year of monthly figures and 100,000 hazards by SQL
 * and times its half-year draft. Prints one JSON line per figure; never fails a build.
 * Run with
 * {@code ./mvnw -Pbench -DskipTests verify -Dbench.main=io.parkops.bench.ReportBench}.
 */
public final class ReportBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN_PASSWORD = "Bench#2024pass";

	private ReportBench() {
	}

	public static void main(String[] args) throws Exception {
		int enterprises = Integer.getInteger("bench.enterprises", 5_000);
		int hazards = Integer.getInteger("bench.hazards", 100_000);
		int samples = Integer.getInteger("bench.samples", 5);
		Path dataDir = Files.createTempDirectory("parkops-report-bench");
		ConfigurableApplicationContext app = SpringApplication.run(ParkOpsApplication.class, "--server.port=0",
				"--parkops.data-dir=" + dataDir, "--parkops.demo=true", "--parkops.admin-password=" + ADMIN_PASSWORD,
				"--logging.level.root=WARN");
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			HttpClient http = HttpClient.newHttpClient();
			String token = token(http, port);
			int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

			List<Long> demo = generate(http, port, token, "yunxi", year, samples);
			print("report_half_year_demo_zone_ms", median(demo),
					Map.of("target_ms", 2000, "max_ms", Collections.max(demo), "samples", samples, "zone", "yunxi",
							"enterprises", count(jdbc, "SELECT count(*) FROM enterprise WHERE zone_code = 'yunxi'")));

			long seedStart = System.nanoTime();
			BenchSeed.seed(jdbc, "benchbig", enterprises, hazards, year);
			print("seed_ms", (System.nanoTime() - seedStart) / 1_000_000,
					Map.of("enterprises", enterprises, "hazards", hazards));
			List<Long> big = generate(http, port, token, "benchbig", year, samples);
			print("report_half_year_large_zone_ms", median(big),
					Map.of("target_ms", 5000, "max_ms", Collections.max(big), "samples", samples, "enterprises",
							count(jdbc, "SELECT count(*) FROM enterprise WHERE zone_code = 'benchbig'"), "hazards",
							count(jdbc, "SELECT count(*) FROM safety_hazard WHERE zone_code = 'benchbig'")));
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	/** Generates the half-year draft {@code samples} times after one warm-up; ms each. */
	private static List<Long> generate(HttpClient http, int port, String token, String zone, int year, int samples)
			throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(JSON.writeValueAsString(Map.of("zoneCode", zone, "kind", "HALF_YEAR", "year", year))))
			.build();
		send(http, request);
		List<Long> ms = new ArrayList<>();
		for (int i = 0; i < samples; i++) {
			long start = System.nanoTime();
			send(http, request);
			ms.add((System.nanoTime() - start) / 1_000_000);
		}
		return ms;
	}

	private static void send(HttpClient http, HttpRequest request) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
	}

	private static long count(JdbcTemplate jdbc, String sql) {
		Long n = jdbc.queryForObject(sql, Long.class);
		return (n != null) ? n : 0;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static String token(HttpClient http, int port) throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString(JSON.writeValueAsString(Map.of("username", "admin", "password", ADMIN_PASSWORD))))
				.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body()).get("token").asString();
	}

	private static void print(String figure, Object value, Map<String, Object> details) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("figure", figure);
		line.put("value", value);
		line.putAll(details);
		System.out.println(JSON.writeValueAsString(line));
	}

	/** A large zone, seeded by SQL into the modules' tables. */
	static final class BenchSeed {

		private BenchSeed() {
		}

		static void seed(JdbcTemplate jdbc, String zone, int enterprises, int hazards, int year) {
			jdbc.update("INSERT INTO zone (code, name) VALUES (?, '基准测试园区')", zone);
			jdbc.update("INSERT INTO area (zone_code, code, name) VALUES (?, 'east', '东区'), (?, 'west', '西区'),"
					+ " (?, 'south', '南区')", zone, zone, zone);
			String[] industries = { "C39", "C30", "C34", "C26", "C38", "C13", "C27", "C36", "C17", "C33" };
			List<Object[]> rows = new ArrayList<>(enterprises);
			for (int i = 0; i < enterprises; i++) {
				String first17 = String.format(Locale.ROOT, "91361%012d", i);
				rows.add(new Object[] { first17 + CreditCode.checkCharacter(first17), "基准企业" + i + "有限公司", zone,
						(i % 3 == 0) ? "east" : (i % 3 == 1) ? "west" : "south", industries[i % industries.length],
						"IN_PRODUCTION", true });
			}
			jdbc.batchUpdate("INSERT INTO enterprise (credit_code, name, zone_code, area_code, industry_code, status,"
					+ " above_scale) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
			jdbc.update(
					"INSERT INTO enterprise_scale_change (enterprise_id, month, above_scale)"
							+ " SELECT id, DATE '2020-01-01', true FROM enterprise WHERE zone_code = ? AND above_scale",
					zone);
			seedEconomy(jdbc, zone, year);
			seedSafety(jdbc, zone, hazards, year);
			jdbc.execute("ANALYZE");
		}

		/**
		 * Hazards found over the year before and the first half of this one, in every
		 * state.
		 */
		static void seedSafety(JdbcTemplate jdbc, String zone, int hazards, int year) {
			jdbc.update("""
					INSERT INTO safety_inspection (zone_code, kind, inspected_on, organizer, created_by)
					SELECT ?, (ARRAY['ROUTINE','SPECIAL','JOINT','HOLIDAY','THIRD_PARTY','RESUMPTION'])[1 + g % 6],
					       make_date(?, 1, 1) - 365 + (g % 545), '安全环保局', 'bench'
					FROM generate_series(0, 1999) g""", zone, year);
			jdbc.update(
					"""
							INSERT INTO safety_inspection_enterprise (inspection_id, credit_code)
							SELECT i.id, e.credit_code
							FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM safety_inspection WHERE zone_code = ?) i
							JOIN (SELECT credit_code, row_number() OVER (ORDER BY id) AS n FROM enterprise WHERE zone_code = ?) e
							  ON e.n % 2000 = i.n % 2000""",
					zone, zone);
			jdbc.update(
					"""
							INSERT INTO safety_hazard (zone_code, credit_code, level, category, description,
							  rectification_type, found_on, deadline, status, rectified_on, accepted_on, overdue_since, created_by)
							SELECT ?, e.credit_code, CASE WHEN g % 25 = 0 THEN 'MAJOR' ELSE 'GENERAL' END,
							       (ARRAY['安全生产','消防','特种设备','危险废物','环保','职业健康','有限空间','粉尘涉爆'])[1 + g % 8],
							       '基准隐患' || g, CASE WHEN g % 3 = 0 THEN 'ON_THE_SPOT' ELSE 'BY_DEADLINE' END,
							       f.found, f.found + 30,
							       CASE WHEN g % 10 < 6 THEN 'ACCEPTED' WHEN g % 10 < 8 THEN 'RECTIFYING'
							            WHEN g % 10 = 8 THEN 'AWAITING_ACCEPTANCE' ELSE 'PENDING' END,
							       CASE WHEN g % 10 < 6 OR g % 10 = 8 THEN f.found + 10 END,
							       CASE WHEN g % 10 < 6 THEN f.found + 20 END,
							       CASE WHEN g % 10 >= 6 AND f.found + 30 < current_date THEN f.found + 31 END,
							       'bench'
							FROM generate_series(0, ? - 1) g
							JOIN (SELECT credit_code, row_number() OVER (ORDER BY id) - 1 AS n FROM enterprise WHERE zone_code = ?) e
							  ON e.n = g % ?
							CROSS JOIN LATERAL (SELECT make_date(?, 1, 1) - 365 + (g % 545) AS found) f""",
					zone, hazards, zone,
					count(jdbc, "SELECT count(*) FROM enterprise WHERE zone_code = '" + zone + "'"), year);
		}

		/**
		 * Every enterprise is 规上 and reports each month of last year and of this year's
		 * first half; zone figures and targets as the economy department enters them.
		 */
		static void seedEconomy(JdbcTemplate jdbc, String zone, int year) {
			jdbc.update(
					"""
							INSERT INTO economy_monthly (credit_code, month, zone_code, output, value_added, revenue, profit,
							  tax, electricity, employees, export, submitted_by, updated_by)
							SELECT e.credit_code, m::date, e.zone_code, x.o, round(x.o * 0.26, 2), round(x.o * 0.97, 2),
							  round((x.o * (0.08 - random() * 0.1))::numeric, 2), round(x.o * 0.035, 2), round(x.o * 0.04, 2),
							  100 + e.id % 400, round(x.o * 0.12, 2), 'bench', 'bench'
							FROM enterprise e
							CROSS JOIN generate_series(make_date(? - 1, 1, 1), make_date(?, 6, 1), INTERVAL '1 month') m
							CROSS JOIN LATERAL (SELECT round(((400 + (e.id % 97) * 35)
							  * (CASE WHEN extract(year FROM m) = ? THEN 1.08 ELSE 1 END) * (0.9 + random() * 0.2))::numeric, 2) AS o) x
							WHERE e.zone_code = ?""",
					year, year, year, zone);
			jdbc.update("""
					INSERT INTO economy_zone_figure (zone_code, month, budget_revenue, fixed_asset_investment,
					  tech_investment, updated_by)
					SELECT ?, m::date, 5000 + extract(month FROM m) * 100, 30000, 8000, 'bench'
					FROM generate_series(make_date(? - 1, 1, 1), make_date(?, 6, 1), INTERVAL '1 month') m""", zone,
					year, year);
			jdbc.update("INSERT INTO economy_target (zone_code, year, code, kind, value) VALUES"
					+ " (?, ?, 'output', 'GROWTH', 12), (?, ?, 'tax', 'AMOUNT', 900000),"
					+ " (?, ?, 'new_above_scale', 'COUNT', 300)", zone, year, zone, year, zone, year);
		}

	}

}
