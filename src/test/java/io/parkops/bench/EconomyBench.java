package io.parkops.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
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
import java.util.stream.Stream;

import io.parkops.ParkOpsApplication;
import io.parkops.enterprise.CreditCode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark harness of economic operation monitoring: on a fresh embedded database,
 * {@code bench.enterprises} (5,000) 规上 enterprises with eight years of monthly figures of
 * all eight indicators; it prints, one JSON line each, the summary grouped by industry
 * over HTTP against one hand-written SQL query computing the same figures (and their
 * ratio), the import of a 5,000-row month against FastExcel reading the same file, and
 * the import of a 50,000-row month with the heap it used. Run it with
 * {@code ./mvnw -Pbench -DskipTests verify -Dbench.main=io.parkops.bench.EconomyBench};
 * with {@code MAVEN_OPTS=-Xmx512m} the whole application runs within a 512 MB heap. It
 * never fails a build on timing.
 */
public final class EconomyBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN_PASSWORD = "Bench#2024pass";

	private static final String[] INDUSTRIES = { "C39", "C38", "C30", "C26", "C34", "C35", "C33", "C29", "C13", "C18",
			"C27", "C36", "C22", "C41", "C14", "C17", "C31", "C32", "C40", "D44" };

	private static final String[] INDICATORS = { "output", "value_added", "revenue", "profit", "tax", "electricity",
			"employees", "export" };

	private EconomyBench() {
	}

	public static void main(String[] args) throws Exception {
		int enterprises = Integer.getInteger("bench.enterprises", 5_000);
		int samples = Integer.getInteger("bench.samples", 100);
		int bigImport = Integer.getInteger("bench.bigImport", 50_000);
		Path dataDir = Files.createTempDirectory("parkops-economy-bench");
		ConfigurableApplicationContext app = SpringApplication.run(ParkOpsApplication.class, "--server.port=0",
				"--parkops.data-dir=" + dataDir, "--parkops.demo=false", "--parkops.admin-password=" + ADMIN_PASSWORD,
				"--logging.level.root=WARN");
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			long seedStart = System.nanoTime();
			List<String> codes = seed(jdbc, "ebench", enterprises, 0, true);
			print("economy_seed_ms", (System.nanoTime() - seedStart) / 1_000_000,
					Map.of("enterprises", enterprises, "monthly_rows", enterprises * 96));
			HttpClient http = HttpClient.newHttpClient();
			String token = token(http, port);

			String path = "/api/v1/economy/summary?zone=ebench&year=2025&month=6&groupBy=industry";
			List<Long> httpMicros = timeHttp(http, port, token, path, samples, null);
			List<Long> coldMicros = timeHttp(http, port, token, path, Math.max(10, samples / 5), jdbc);
			List<Long> sqlMicros = timeSql(jdbc, samples);
			checkSameFigures(jdbc, http, port, token, path);
			double httpP50 = percentile(httpMicros, 50) / 1000.0;
			double coldP50 = percentile(coldMicros, 50) / 1000.0;
			double sqlP50 = percentile(sqlMicros, 50) / 1000.0;
			print("economy_summary_by_industry_http_p50_ms", httpP50,
					Map.of("target_ms", 150, "enterprises", enterprises, "years", 8, "samples", samples, "request",
							path, "note", "repeated request: the per-enterprise sums of the period are kept per node"
									+ " until the zone's figures change"));
			print("economy_summary_by_industry_http_p95_ms", percentile(httpMicros, 95) / 1000.0,
					Map.of("samples", samples));
			print("economy_summary_by_industry_http_cold_p50_ms", coldP50, Map.of("samples", coldMicros.size(), "note",
					"the zone's figures changed before every request, so the sums are computed anew"));
			print("economy_summary_by_industry_sql_p50_ms", sqlP50,
					Map.of("note", "one hand-written SQL query computing the same figures, over JDBC"));
			print("economy_summary_cached_to_sql_ratio", Math.round(httpP50 / sqlP50 * 100) / 100.0,
					Map.of("target", 1.0, "note", "cached HTTP p50 ÷ hand-written SQL p50"));
			print("economy_summary_uncached_to_sql_ratio", Math.round(coldP50 / sqlP50 * 100) / 100.0,
					Map.of("target", 1.0, "note",
							"uncached HTTP p50 (the zone's figures changed before each) ÷" + " hand-written SQL p50"));
			// the same two taken in turns, so that both see the same machine (its speed
			// drifts
			// between runs taken minutes apart)
			List<Long> turnCold = new ArrayList<>();
			List<Long> turnSql = new ArrayList<>();
			for (int i = 0; i < Math.max(10, samples / 5); i++) {
				turnCold.addAll(timeHttp(http, port, token, path, 1, jdbc, 0));
				turnSql.addAll(timeSql(jdbc, 1, 0));
			}
			double turnColdP50 = percentile(turnCold, 50) / 1000.0;
			double turnSqlP50 = percentile(turnSql, 50) / 1000.0;
			print("economy_summary_uncached_to_sql_ratio_in_turns", Math.round(turnColdP50 / turnSqlP50 * 100) / 100.0,
					Map.of("target", 1.0, "uncached_p50_ms", turnColdP50, "sql_p50_ms", turnSqlP50, "pairs",
							turnCold.size(), "note",
							"an uncached request and the hand-written query taken in turns, p50 ÷ p50"));
			List<Long> overhead = timeHttp(http, port, token, "/api/v1/economy/price-indices", samples, null);
			print("request_overhead_p50_ms", percentile(overhead, 50) / 1000.0, Map.of("note",
					"GET /api/v1/economy/price-indices: token check, user and one small query; part of every request"));
			io.parkops.enterprise.EnterpriseRegistry registry = app
				.getBean(io.parkops.enterprise.EnterpriseRegistry.class);
			List<Long> setMicros = new ArrayList<>();
			for (int i = 0; i < samples; i++) {
				long start = System.nanoTime();
				registry.aboveScaleMembers("ebench", java.time.YearMonth.of(2025, 6));
				setMicros.add((System.nanoTime() - start) / 1000);
			}
			print("economy_set_query_p50_ms", percentile(setMicros, 50) / 1000.0,
					Map.of("note", "the 规上 set of the month read from the enterprise registry (a summary computes it"
							+ " inside its own statement)"));
			print("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Map.of("cores", Runtime.getRuntime().availableProcessors()));

			byte[] month = workbook(codes, "2026-01");
			print("economy_import_5000_fastexcel_read_ms", readOnly(month), Map.of("rows", codes.size()));
			long importMs = importMonth(http, port, token, "ebench", month, "2026-01");
			print("economy_import_5000_http_ms", importMs, Map.of("target_ms", 3000, "rows", codes.size(), "note",
					"2026-01, the year's first month: each enterprise's twelve running sums of 2026 written"));
			long laterMs = importMonth(http, port, token, "ebench", workbook(codes, "2026-11"), "2026-11");
			print("economy_import_5000_later_month_http_ms", laterMs, Map.of("target_ms", 3000, "rows", codes.size(),
					"note", "2026-11 after 2026-01: each enterprise's twelve running sums of 2026 written again"));

			if (bigImport > 0) {
				List<String> many = seed(jdbc, "ebench50", bigImport, 1_000_000, false);
				byte[] big = workbook(many, "2026-01");
				System.gc();
				resetPeaks();
				long bigMs = importMonth(http, port, token, "ebench50", big, "2026-01");
				print("economy_import_50000_http_ms", bigMs,
						Map.of("rows", many.size(), "max_heap_mb", Runtime.getRuntime().maxMemory() / 1024 / 1024,
								"peak_heap_used_mb", peakHeapMb(), "file_kb", big.length / 1024));
			}
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	/** A zone of n 规上 enterprises; with months, eight years of figures (2018–2025). */
	private static List<String> seed(JdbcTemplate jdbc, String zone, int n, int offset, boolean months) {
		jdbc.update("INSERT INTO zone (code, name) VALUES (?, ?)", zone, "经济基准园区" + zone);
		jdbc.update("INSERT INTO area (zone_code, code, name) VALUES (?, 'east', '东区'), (?, 'west', '西区'),"
				+ " (?, 'south', '南区')", zone, zone, zone);
		List<Object[]> rows = new ArrayList<>(n);
		List<String> codes = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String first17 = String.format(Locale.ROOT, "91361%012d", offset + i);
			String code = first17 + CreditCode.checkCharacter(first17);
			codes.add(code);
			rows.add(new Object[] { code, "经济基准" + i + "有限公司", zone,
					(i % 3 == 0) ? "east" : (i % 3 == 1) ? "west" : "south", INDUSTRIES[i % INDUSTRIES.length] });
		}
		jdbc.batchUpdate("INSERT INTO enterprise (credit_code, name, zone_code, area_code, industry_code, status,"
				+ " above_scale) VALUES (?, ?, ?, ?, ?, 'IN_PRODUCTION', true)", rows);
		// every 20th entered the set in 2024, every 30th left it in 2025
		jdbc.update("""
				INSERT INTO enterprise_scale_change (enterprise_id, month, above_scale)
				SELECT id, CASE WHEN id % 20 = 0 THEN DATE '2024-03-01' ELSE DATE '2015-01-01' END, true
				FROM enterprise WHERE zone_code = ?""", zone);
		jdbc.update("""
				INSERT INTO enterprise_scale_change (enterprise_id, month, above_scale)
				SELECT id, DATE '2025-04-01', false FROM enterprise WHERE zone_code = ? AND id % 30 = 0
				  AND id % 20 <> 0""", zone);
		if (months) {
			jdbc.update(
					"""
							INSERT INTO economy_monthly (credit_code, month, zone_code, output, value_added, revenue, profit,
							  tax, electricity, employees, export, submitted_by, updated_by)
							SELECT e.credit_code, m::date, e.zone_code, x.o, round(x.o * 0.26, 2), round(x.o * 0.97, 2),
							  round((x.o * (0.08 - random() * 0.1))::numeric, 2), round(x.o * 0.035, 2), round(x.o * 0.04, 2),
							  100 + e.id % 400, round(x.o * 0.12, 2), 'bench', 'bench'
							FROM enterprise e
							CROSS JOIN generate_series(DATE '2018-01-01', DATE '2025-12-01', INTERVAL '1 month') m
							CROSS JOIN LATERAL (SELECT round(((400 + (e.id % 97) * 35) * (1 + 0.07 * (extract(year FROM m) - 2018))
							  * (0.9 + random() * 0.2))::numeric, 2) AS o) x
							WHERE e.zone_code = ?""",
					zone);
			jdbc.update("INSERT INTO economy_price_index (year, index, updated_by) VALUES (2025, 101.5, 'bench')"
					+ " ON CONFLICT DO NOTHING");
			jdbc.update("INSERT INTO economy_target (zone_code, year, code, kind, value) VALUES"
					+ " (?, 2025, 'output', 'GROWTH', 12), (?, 2025, 'tax', 'AMOUNT', 900000),"
					+ " (?, 2025, 'new_above_scale', 'COUNT', 300)", zone, zone, zone);
		}
		jdbc.execute("ANALYZE");
		return codes;
	}

	/** The same figures as the summary grouped by industry, in one query. */
	static final String HAND_WRITTEN;

	static {
		StringBuilder per = new StringBuilder();
		StringBuilder joined = new StringBuilder();
		StringBuilder groups = new StringBuilder();
		for (String c : INDICATORS) {
			String agg = c.equals("employees") ? "avg" : "sum";
			joined.append(", c.").append(c).append(" AS c_").append(c);
			// like for like, as the application computes it
			joined.append(", CASE WHEN c.")
				.append(c)
				.append(" IS NOT NULL THEN coalesce(p.")
				.append(c)
				.append(", c.prior_")
				.append(c)
				.append(") END AS b_")
				.append(c);
			per.append(", ").append(agg).append("(c_").append(c).append(") AS c_").append(c);
			per.append(", ").append(agg).append("(b_").append(c).append(") AS b_").append(c);
			groups.append(", coalesce(sum(per.c_").append(c).append("), 0) AS c_").append(c);
			groups.append(", coalesce(sum(per.b_").append(c).append("), 0) AS b_").append(c);
		}
		// the summary's counts too: members without any base, and those that reported the
		// last month
		joined.append(", c.month = DATE '2025-06-01' AS last_month, p.credit_code IS NOT NULL OR num_nonnulls(")
			.append(String.join(", ", java.util.Arrays.stream(INDICATORS).map((c) -> "c.prior_" + c).toList()))
			.append(") > 0 AS based");
		per.append(", bool_or(last_month) AS reported_last, bool_or(based) AS has_base");
		groups.append(", count(*) FILTER (WHERE NOT coalesce(per.has_base, false)) AS without_base")
			.append(", count(*) FILTER (WHERE coalesce(per.reported_last, false)) AS reported");
		HAND_WRITTEN = """
				WITH members AS (
				  SELECT e.credit_code, e.industry_code FROM enterprise e
				  JOIN (SELECT DISTINCT ON (s.enterprise_id) s.enterprise_id, s.above_scale
				        FROM enterprise_scale_change s JOIN enterprise z ON z.id = s.enterprise_id AND z.zone_code = 'ebench'
				        WHERE s.month <= DATE '2025-06-01' ORDER BY s.enterprise_id, s.month DESC) l
				    ON l.enterprise_id = e.id AND l.above_scale),
				months AS (
				  SELECT coalesce(c.credit_code, p.credit_code) AS cc"""
				+ joined + """
						  FROM (SELECT * FROM economy_monthly WHERE zone_code = 'ebench'
						          AND month BETWEEN DATE '2025-01-01' AND DATE '2025-06-01') c
						  FULL JOIN (SELECT * FROM economy_monthly WHERE zone_code = 'ebench'
						          AND month BETWEEN DATE '2024-01-01' AND DATE '2024-06-01') p
						    ON p.credit_code = c.credit_code AND p.month = (c.month - INTERVAL '1 year')::date),
						per AS (SELECT cc""" + per + """
						 FROM months GROUP BY cc)
						SELECT m.industry_code, count(*) AS enterprises""" + groups + """
						 FROM members m LEFT JOIN per ON per.cc = m.credit_code GROUP BY ROLLUP (m.industry_code)
						""";
	}

	private static List<Long> timeSql(JdbcTemplate jdbc, int samples) {
		return timeSql(jdbc, samples, 20);
	}

	private static List<Long> timeSql(JdbcTemplate jdbc, int samples, int warmUp) {
		for (int i = 0; i < warmUp; i++) {
			jdbc.queryForList(HAND_WRITTEN);
		}
		List<Long> micros = new ArrayList<>(samples);
		for (int i = 0; i < samples; i++) {
			long start = System.nanoTime();
			List<Map<String, Object>> rows = jdbc.queryForList(HAND_WRITTEN);
			micros.add((System.nanoTime() - start) / 1000);
			if (rows.size() != INDUSTRIES.length + 1) {
				throw new IllegalStateException("hand-written query returned " + rows.size() + " rows");
			}
		}
		return micros;
	}

	/**
	 * Fails unless the endpoint answers what the hand-written query computes: the set's
	 * count, the members without base and those that reported the last month, and each
	 * indicator's current and base of the whole and of every industry (two decimals).
	 */
	private static void checkSameFigures(JdbcTemplate jdbc, HttpClient http, int port, String token, String path)
			throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		tools.jackson.databind.JsonNode answer = JSON.readTree(response.body());
		Map<String, tools.jackson.databind.JsonNode> groups = new LinkedHashMap<>();
		answer.get("groups").forEach((g) -> groups.put(g.get("key").asString(), g));
		for (Map<String, Object> row : jdbc.queryForList(HAND_WRITTEN)) {
			String industry = (String) row.get("industry_code");
			tools.jackson.databind.JsonNode part = (industry != null) ? groups.get(industry) : answer;
			same(industry + " enterprises", row.get("enterprises"), part.get("enterpriseCount"));
			tools.jackson.databind.JsonNode indicators = (industry != null) ? part.get("indicators")
					: answer.get("indicators");
			if (industry == null) {
				same("without base", row.get("without_base"), answer.get("enterprisesWithoutBase"));
				same("reported", row.get("reported"), answer.get("reporting").get("reported"));
			}
			for (int k = 0; k < INDICATORS.length; k++) {
				if (!INDICATORS[k].equals(indicators.get(k).get("code").asString())) {
					throw new IllegalStateException("indicator " + k + " is " + indicators.get(k).get("code"));
				}
				same(industry + " " + INDICATORS[k], row.get("c_" + INDICATORS[k]), indicators.get(k).get("current"));
				same(industry + " " + INDICATORS[k] + " base", row.get("b_" + INDICATORS[k]),
						indicators.get(k).get("base"));
			}
		}
	}

	private static void same(String what, Object computed, tools.jackson.databind.JsonNode answered) {
		java.math.BigDecimal exact = new java.math.BigDecimal(computed.toString());
		if (exact.setScale(2, java.math.RoundingMode.HALF_UP).compareTo(answered.decimalValue()) != 0) {
			throw new IllegalStateException(
					what + ": the hand-written query computed " + exact + ", the endpoint answered " + answered);
		}
	}

	/**
	 * Times the request; with {@code invalidate}, the zone's figures change before each.
	 */
	private static List<Long> timeHttp(HttpClient http, int port, String token, String path, int samples,
			JdbcTemplate invalidate) throws Exception {
		return timeHttp(http, port, token, path, samples, invalidate, 30);
	}

	private static List<Long> timeHttp(HttpClient http, int port, String token, String path, int samples,
			JdbcTemplate invalidate, int warmUp) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		for (int i = 0; i < warmUp; i++) {
			http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		List<Long> micros = new ArrayList<>(samples);
		for (int i = 0; i < samples; i++) {
			if (invalidate != null) {
				invalidate.update("INSERT INTO economy_data_version (zone_code, version) VALUES ('ebench', 1)"
						+ " ON CONFLICT (zone_code) DO UPDATE SET version = economy_data_version.version + 1");
			}
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			micros.add((System.nanoTime() - start) / 1000);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
			}
		}
		return micros;
	}

	/** A month's workbook with a row of all sixteen figures per enterprise. */
	private static byte[] workbook(List<String> codes, String yearMonth) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "bench", "1.0");
		Worksheet sheet = workbook.newWorksheet(yearMonth);
		sheet.value(0, 0, "统一社会信用代码");
		sheet.value(0, 1, "企业名称");
		for (int k = 0; k < 16; k++) {
			sheet.value(0, 2 + k, ((k < 8) ? "本月 " : "上年同月 ") + INDICATORS[k % 8]);
		}
		int r = 1;
		for (String code : codes) {
			sheet.value(r, 0, code);
			sheet.value(r, 1, "经济基准企业" + r);
			double output = 800 + (r % 97) * 40;
			double[] month = { output, output * 0.26, output * 0.97, output * 0.05, output * 0.035, output * 0.04,
					100 + r % 400, output * 0.12 };
			for (int k = 0; k < 8; k++) {
				sheet.value(r, 2 + k, Math.round(month[k] * 100) / 100.0);
				sheet.value(r, 10 + k, Math.round(month[k] * 90) / 100.0);
			}
			r++;
			if (r % 10_000 == 0) {
				sheet.flush();
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	private static long readOnly(byte[] file) throws IOException {
		long start = System.nanoTime();
		int cells = 0;
		try (InputStream in = new java.io.ByteArrayInputStream(file);
				ReadableWorkbook workbook = new ReadableWorkbook(in);
				Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			for (Row row : (Iterable<Row>) rows::iterator) {
				for (int c = 0; c < row.getCellCount(); c++) {
					if (row.getCellText(c) != null) {
						cells++;
					}
				}
			}
		}
		if (cells == 0) {
			throw new IllegalStateException("nothing read");
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static long importMonth(HttpClient http, int port, String token, String zone, byte[] file, String yearMonth)
			throws Exception {
		String boundary = "----parkops" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"month.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI
				.create("http://localhost:" + port + "/api/v1/economy/imports?month=" + yearMonth + "&zone=" + zone))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		long ms = (System.nanoTime() - start) / 1_000_000;
		if (response.statusCode() != 200) {
			throw new IllegalStateException("import: HTTP " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(2000, response.body().length())));
		}
		return ms;
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeapMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / 1024 / 1024;
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
