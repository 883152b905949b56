package io.parkops.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The benchmark harness: starts ParkOps on a fresh embedded database, builds a synthetic
 * zone of N enterprises and prints each figure as one JSON line. Run with
 * {@code ./mvnw -Pbench -DskipTests verify} ({@code -Dbench.enterprises=10000}).
 * Benchmarks never fail a build: they only print.
 */
public final class Bench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN_PASSWORD = "Bench#2024pass";

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		int enterprises = Integer.getInteger("bench.enterprises", 10_000);
		int samples = Integer.getInteger("bench.samples", 300);
		Path dataDir = Files.createTempDirectory("parkops-bench");

		long t0 = System.nanoTime();
		ConfigurableApplicationContext app = SpringApplication.run(ParkOpsApplication.class, "--server.port=0",
				"--parkops.data-dir=" + dataDir, "--parkops.demo=false", "--parkops.admin-password=" + ADMIN_PASSWORD,
				"--logging.level.root=WARN");
		long startMs = (System.nanoTime() - t0) / 1_000_000;
		print("cold_start_ms", startMs, Map.of("target_ms", 20_000, "note",
				"fresh data directory: initdb, migrations, first start; JVM already running"));
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			long seedStart = System.nanoTime();
			seed(jdbc, enterprises);
			print("seed_enterprises_ms", (System.nanoTime() - seedStart) / 1_000_000,
					Map.of("enterprises", enterprises));

			HttpClient http = HttpClient.newHttpClient();
			String token = token(http, port);
			String query = "/api/v1/enterprises?zone=bench&size=20&q="
					+ URLEncoder.encode("电子", StandardCharsets.UTF_8);
			List<Long> micros = time(http, port, token, query, samples);
			print("enterprise_list_search_p50_ms", percentile(micros, 50) / 1000.0,
					Map.of("target_ms", 50, "enterprises", enterprises, "samples", samples, "request", query));
			print("enterprise_list_search_p95_ms", percentile(micros, 95) / 1000.0,
					Map.of("enterprises", enterprises, "samples", samples));
			List<Long> plain = time(http, port, token, "/api/v1/enterprises?zone=bench&size=20&page=10", samples);
			print("enterprise_list_page_p50_ms", percentile(plain, 50) / 1000.0,
					Map.of("enterprises", enterprises, "samples", samples));
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	private static void seed(JdbcTemplate jdbc, int n) {
		jdbc.update("INSERT INTO zone (code, name) VALUES ('bench', '基准测试园区') ON CONFLICT DO NOTHING");
		jdbc.update("INSERT INTO area (zone_code, code, name) VALUES ('bench', 'east', '东区'), ('bench', 'west', '西区'),"
				+ " ('bench', 'south', '南区') ON CONFLICT DO NOTHING");
		String[] words = { "电子", "新材料", "机械", "化工", "电气", "食品", "医药", "光电", "汽配", "纺织" };
		String[] industries = { "C39", "C30", "C34", "C26", "C38", "C13", "C27", "C39", "C36", "C17" };
		List<Object[]> rows = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String first17 = String.format(Locale.ROOT, "91360%012d", i);
			String code = first17 + CreditCode.checkCharacter(first17);
			int k = i % words.length;
			rows.add(new Object[] { code, "基准" + i + words[k] + "有限公司",
					(i % 3 == 0) ? "east" : (i % 3 == 1) ? "west" : "south", industries[k],
					(i % 5 < 2) ? "IN_PRODUCTION" : "BUILDING", i % 5 < 2 });
		}
		jdbc.batchUpdate(
				"INSERT INTO enterprise (credit_code, name, zone_code, area_code, industry_code, status, above_scale)"
						+ " VALUES (?, ?, 'bench', ?, ?, ?, ?)",
				rows);
		jdbc.update("INSERT INTO enterprise_scale_change (enterprise_id, month, above_scale)"
				+ " SELECT id, DATE '2021-01-01', true FROM enterprise WHERE zone_code = 'bench' AND above_scale");
		jdbc.execute("ANALYZE");
	}

	private static String token(HttpClient http, int port) throws Exception {
		return token(http, port, "admin", ADMIN_PASSWORD);
	}

	/** A bearer token of a user (the harnesses of the work lines share these helpers). */
	static String token(HttpClient http, int port, String username, String password) throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString(JSON.writeValueAsString(Map.of("username", username, "password", password))))
				.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body()).get("token").asString();
	}

	/**
	 * POSTs a JSON body; answers the response body, throws on a status of 300 or more.
	 */
	static String post(HttpClient http, int port, String token, String path, Object body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static List<Long> time(HttpClient http, int port, String token, String path, int samples) throws Exception {
		return time(http, port, token, path, samples, 200);
	}

	/**
	 * The microseconds of {@code samples} GETs after {@code warmup} unmeasured ones;
	 * throws on any answer but 200.
	 */
	static List<Long> time(HttpClient http, int port, String token, String path, int samples, int warmup)
			throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		for (int i = 0; i < warmup; i++) {
			http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		List<Long> micros = new ArrayList<>(samples);
		for (int i = 0; i < samples; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			micros.add((System.nanoTime() - start) / 1000);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
			}
		}
		return micros;
	}

	static long percentile(List<Long> values, int p) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	static void print(String figure, Object value, Map<String, Object> details) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("figure", figure);
		line.put("value", value);
		line.putAll(details);
		System.out.println(JSON.writeValueAsString(line));
	}

}
