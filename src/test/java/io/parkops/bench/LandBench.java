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
 * The benchmark harness of land: on a fresh embedded database, a zone of
 * {@code bench.enterprises} (5,000) enterprises each holding a parcel, with a year of
 * monthly figures and manual per-mu inputs, and a zone of {@code bench.parcels} (2,000)
 * parcels; it prints, one JSON line each, the per-mu evaluation of the whole zone over
 * HTTP ({@code land_permu_evaluation_5000_ms}, target ≤ 5 s) and the map's data over HTTP
 * ({@code land_map_2000_parcels_p50_ms}, target ≤ 1 s). Run it with
 * {@code ./mvnw -Pbench -DskipTests verify -Dbench.main=io.parkops.bench.LandBench}. It
 * never fails a build on timing.
 */
public final class LandBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN_PASSWORD = "Bench#2024pass";

	private static final String STAFF_PASSWORD = "Bench#Land2024";

	private LandBench() {
	}

	public static void main(String[] args) throws Exception {
		int enterprises = Integer.getInteger("bench.enterprises", 5_000);
		int parcels = Integer.getInteger("bench.parcels", 2_000);
		int samples = Integer.getInteger("bench.samples", 10);
		Path dataDir = Files.createTempDirectory("parkops-land-bench");
		ConfigurableApplicationContext app = SpringApplication.run(ParkOpsApplication.class, "--server.port=0",
				"--parkops.data-dir=" + dataDir, "--parkops.demo=false", "--parkops.admin-password=" + ADMIN_PASSWORD,
				"--logging.level.root=WARN");
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			int year = LocalDate.now().getYear() - 1;
			long seedStart = System.nanoTime();
			seed(jdbc, "lbench", enterprises, 0, year, true);
			seed(jdbc, "lmap", parcels, 1_000_000, year, false);
			print("land_seed_ms", (System.nanoTime() - seedStart) / 1_000_000,
					Map.of("enterprises", enterprises, "map_parcels", parcels));
			HttpClient http = HttpClient.newHttpClient();
			// the administrator holds no land permission (三员分立): a land staff member of
			// both zones
			String admin = Bench.token(http, port, "admin", ADMIN_PASSWORD);
			Bench.post(http, port, admin, "/api/v1/users",
					Map.of("username", "benchland", "password", STAFF_PASSWORD, "displayName", "Bench", "roles",
							List.of("LAND_STAFF"), "zoneCodes", List.of("lbench", "lmap"), "mustChangePassword",
							false));
			String token = Bench.token(http, port, "benchland", STAFF_PASSWORD);
			List<Long> evaluations = new ArrayList<>();
			int results = 0;
			for (int i = 0; i < 3; i++) {
				long start = System.nanoTime();
				HttpResponse<String> r = http.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/api/v1/land/per-mu/evaluations"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"zoneCode\":\"lbench\",\"year\":" + year + "}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				evaluations.add((System.nanoTime() - start) / 1_000_000);
				if (r.statusCode() != 201) {
					throw new IllegalStateException("evaluate: HTTP " + r.statusCode() + ": " + r.body());
				}
				results = JSON.readTree(r.body()).get("results").size();
			}
			print("land_permu_evaluation_5000_ms", median(evaluations),
					Map.of("target_ms", 5000, "results", results, "runs", evaluations));
			List<Long> maps = new ArrayList<>();
			HttpRequest map = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/v1/land/map?zone=lmap"))
				.header("Authorization", "Bearer " + token)
				.GET()
				.build();
			http.send(map, HttpResponse.BodyHandlers.ofString());
			int bytes = 0;
			for (int i = 0; i < samples; i++) {
				long start = System.nanoTime();
				HttpResponse<String> r = http.send(map, HttpResponse.BodyHandlers.ofString());
				maps.add((System.nanoTime() - start) / 1_000_000);
				if (r.statusCode() != 200) {
					throw new IllegalStateException("map: HTTP " + r.statusCode());
				}
				bytes = r.body().length();
			}
			print("land_map_2000_parcels_p50_ms", median(maps),
					Map.of("target_ms", 1000, "parcels", parcels, "response_chars", bytes, "samples", samples));
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	/**
	 * A zone of n enterprises each holding a square parcel on a grid; with figures, a
	 * year of monthly figures and the manual per-mu inputs.
	 */
	private static void seed(JdbcTemplate jdbc, String zone, int n, int offset, int year, boolean figures) {
		jdbc.update("INSERT INTO zone (code, name) VALUES (?, ?)", zone, "土地基准园区" + zone);
		jdbc.update("INSERT INTO area (zone_code, code, name) VALUES (?, 'east', '东区')", zone);
		List<Object[]> enterprises = new ArrayList<>(n);
		List<Object[]> parcels = new ArrayList<>(n);
		List<Object[]> months = new ArrayList<>();
		List<Object[]> inputs = new ArrayList<>();
		int side = (int) Math.ceil(Math.sqrt(n));
		for (int i = 0; i < n; i++) {
			String first17 = String.format(Locale.ROOT, "91362%012d", offset + i);
			String code = first17 + CreditCode.checkCharacter(first17);
			enterprises.add(new Object[] { code, "土地基准" + i + "有限公司", zone, "C39", i % 3 != 0 });
			double x = (i % side) * 220;
			double y = (i / side) * 180;
			String geometry = String.format(Locale.ROOT,
					"{\"type\":\"Polygon\",\"coordinates\":[[[%.1f,%.1f],[%.1f,%.1f],[%.1f,%.1f],[%.1f,%.1f],[%.1f,%.1f]]]}",
					x, y, x + 200, y, x + 200, y + 160, x, y + 160, x, y);
			parcels.add(new Object[] { zone, String.format("P%05d", i), new java.math.BigDecimal("48.0000"), code,
					geometry });
			if (figures) {
				double tax = 200 + (i % 97) * 25;
				for (int m = 1; m <= 12; m++) {
					months.add(new Object[] { code, LocalDate.of(year, m, 1), zone, tax * 8 / 12, tax * 40 / 12,
							tax / 12, tax * 3 / 12, 80 + i % 300 });
				}
				inputs.add(new Object[] { year, code, 300 + i % 500, 0.5 + (i % 40) / 10.0, 50 + i % 900 });
			}
		}
		jdbc.batchUpdate("INSERT INTO enterprise (credit_code, name, zone_code, area_code, industry_code, status,"
				+ " above_scale) VALUES (?, ?, ?, 'east', ?, 'IN_PRODUCTION', ?)", enterprises);
		jdbc.batchUpdate("INSERT INTO land_parcel (zone_code, code, area_mu, use, status, owner_credit_code, geometry,"
				+ " created_by) VALUES (?, ?, ?, 'INDUSTRIAL', 'BUILT', ?, ?, 'bench')", parcels);
		if (figures) {
			jdbc.batchUpdate("INSERT INTO economy_monthly (credit_code, month, zone_code, value_added, revenue, tax,"
					+ " electricity, employees, submitted_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench', 'bench')",
					months);
			jdbc.batchUpdate("INSERT INTO land_permu_input (year, credit_code, energy_tce, emissions, rd_expense,"
					+ " updated_by) VALUES (?, ?, ?, ?, ?, 'bench')", inputs);
		}
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static void print(String figure, Object value, Map<String, Object> details) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("figure", figure);
		line.put("value", value);
		line.putAll(details);
		System.out.println(JSON.writeValueAsString(line));
	}

}
