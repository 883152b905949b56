package io.parkops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * The safety benchmark: starts ParkOps on a fresh embedded database, seeds a zone with
 * 1,000 enterprises and N hazards (default 100,000) by SQL, and measures the hazard list
 * API over HTTP. Prints one JSON line per figure; never fails a build. Run with
 * {@code ./mvnw -Pbench -DskipTests verify -Dbench.main=io.parkops.bench.SafetyBench}
 * ({@code -Dbench.hazards=100000}).
 */
public final class SafetyBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN_PASSWORD = "Bench#2024pass";

	private static final String STAFF_PASSWORD = "Bench#2024staff";

	private SafetyBench() {
	}

	public static void main(String[] args) throws Exception {
		int hazards = Integer.getInteger("bench.hazards", 100_000);
		int samples = Integer.getInteger("bench.samples", 300);
		Path dataDir = Files.createTempDirectory("parkops-safety-bench");
		ConfigurableApplicationContext app = SpringApplication.run(ParkOpsApplication.class, "--server.port=0",
				"--parkops.data-dir=" + dataDir, "--parkops.demo=false", "--parkops.admin-password=" + ADMIN_PASSWORD,
				"--logging.level.root=WARN");
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			long seedStart = System.nanoTime();
			seed(jdbc, hazards);
			print("seed_hazards_ms", (System.nanoTime() - seedStart) / 1_000_000, Map.of("hazards", hazards));
			HttpClient http = HttpClient.newHttpClient();
			String admin = token(http, port, "admin", ADMIN_PASSWORD);
			post(http, port, admin, "/api/v1/users",
					Map.of("username", "benchsafety", "password", STAFF_PASSWORD, "displayName", "Bench", "roles",
							List.of("SAFETY_STAFF"), "zoneCodes", List.of("bench"), "mustChangePassword", false));
			String token = token(http, port, "benchsafety", STAFF_PASSWORD);
			Map<String, String> queries = new LinkedHashMap<>();
			queries.put("hazard_list", "/api/v1/safety/hazards?zone=bench&size=20");
			queries.put("hazard_list_page_50", "/api/v1/safety/hazards?zone=bench&size=20&page=50");
			queries.put("hazard_list_status", "/api/v1/safety/hazards?zone=bench&status=RECTIFYING&size=20");
			queries.put("hazard_list_overdue", "/api/v1/safety/hazards?zone=bench&overdue=true&size=20");
			queries.put("hazard_list_enterprise",
					"/api/v1/safety/hazards?zone=bench&enterprise=" + code(7) + "&size=20");
			for (Map.Entry<String, String> q : queries.entrySet()) {
				List<Long> micros = time(http, port, token, q.getValue(), samples);
				print(q.getKey() + "_p50_ms", percentile(micros, 50) / 1000.0,
						Map.of("target_ms", 50, "hazards", hazards, "samples", samples, "request", q.getValue()));
				print(q.getKey() + "_p95_ms", percentile(micros, 95) / 1000.0, Map.of("hazards", hazards));
			}
			List<Long> summary = time(http, port, token,
					"/api/v1/safety/summary?zone=bench&from=2024-01-01&to=2024-12-31", Math.min(samples, 100));
			print("safety_summary_p50_ms", percentile(summary, 50) / 1000.0, Map.of("hazards", hazards));
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	private static String code(int i) {
		String first17 = String.format(Locale.ROOT, "91360%012d", i);
		return first17 + CreditCode.checkCharacter(first17);
	}

	private static void seed(JdbcTemplate jdbc, int n) {
		jdbc.update("INSERT INTO zone (code, name) VALUES ('bench', '基准测试园区') ON CONFLICT DO NOTHING");
		List<Object[]> enterprises = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			enterprises.add(new Object[] { code(i), "基准" + i + "安全有限公司" });
		}
		jdbc.batchUpdate("INSERT INTO enterprise (credit_code, name, zone_code, status) VALUES (?, ?, 'bench', "
				+ "'IN_PRODUCTION')", enterprises);
		String[] statuses = { "ACCEPTED", "ACCEPTED", "ACCEPTED", "PENDING", "RECTIFYING", "AWAITING_ACCEPTANCE" };
		String[] categories = { "消防", "安全生产", "特种设备", "危险废物", "环保（废气/VOCs）" };
		LocalDate start = LocalDate.of(2022, 1, 1);
		List<Object[]> rows = new ArrayList<>(10_000);
		for (int i = 0; i < n; i++) {
			LocalDate found = start.plusDays(i % 1700);
			String status = statuses[i % statuses.length];
			rows.add(new Object[] { code(i % 1000), (i % 13 == 0) ? "MAJOR" : "GENERAL",
					categories[i % categories.length], "基准隐患 " + i, java.sql.Date.valueOf(found),
					java.sql.Date.valueOf(found.plusDays(15 + i % 30)), status,
					"ACCEPTED".equals(status) ? java.sql.Date.valueOf(found.plusDays(10)) : null });
			if (rows.size() == 10_000) {
				insert(jdbc, rows);
				rows.clear();
			}
		}
		insert(jdbc, rows);
		// what autovacuum does after a bulk load: statistics and the visibility map
		jdbc.execute("VACUUM ANALYZE");
	}

	private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
		jdbc.batchUpdate("""
				INSERT INTO safety_hazard (zone_code, credit_code, level, category, description, rectification_type,
				  found_on, deadline, status, accepted_on, created_by)
				VALUES ('bench', ?, ?, ?, ?, 'BY_DEADLINE', ?, ?, ?, ?, 'bench')
				""", rows);
	}

	private static String token(HttpClient http, int port, String username, String password) throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString(JSON.writeValueAsString(Map.of("username", username, "password", password))))
				.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body()).get("token").asString();
	}

	private static void post(HttpClient http, int port, String token, String path, Object body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
	}

	private static List<Long> time(HttpClient http, int port, String token, String path, int samples) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		for (int i = 0; i < 100; i++) {
			http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		List<Long> micros = new ArrayList<>(samples);
		for (int i = 0; i < samples; i++) {
			long t = System.nanoTime();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			micros.add((System.nanoTime() - t) / 1000);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
			}
		}
		return micros;
	}

	private static long percentile(List<Long> values, int p) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	private static void print(String figure, Object value, Map<String, Object> details) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("figure", figure);
		line.put("value", value);
		line.putAll(details);
		System.out.println(JSON.writeValueAsString(line));
	}

}
