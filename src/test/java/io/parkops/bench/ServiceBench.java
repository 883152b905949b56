package io.parkops.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The enterprise-services benchmark: starts ParkOps on a fresh embedded database, seeds a
 * zone with 5,000 enterprises (规上 flags, industries, two years of monthly revenue, a
 * final 亩均 evaluation and parcels) and N requests (default 100,000) by SQL, and measures
 * the request list and the matching of a policy with every kind of data criterion over
 * all enterprises, over HTTP. Prints one JSON line per figure; never fails a build. Run
 * with
 * {@code ./mvnw -Pbench -DskipTests verify -Dbench.main=io.parkops.bench.ServiceBench}
 * ({@code -Dbench.requests=100000}, {@code -Dbench.enterprises=5000}).
 */
public final class ServiceBench {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN_PASSWORD = "Bench#2024pass";

	private static final String STAFF_PASSWORD = "Bench#2024staff";

	private ServiceBench() {
	}

	public static void main(String[] args) throws Exception {
		int requests = Integer.getInteger("bench.requests", 100_000);
		int enterprises = Integer.getInteger("bench.enterprises", 5_000);
		int samples = Integer.getInteger("bench.samples", 200);
		Path dataDir = Files.createTempDirectory("parkops-service-bench");
		ConfigurableApplicationContext app = SpringApplication.run(ParkOpsApplication.class, "--server.port=0",
				"--parkops.data-dir=" + dataDir, "--parkops.demo=false", "--parkops.admin-password=" + ADMIN_PASSWORD,
				"--logging.level.root=WARN");
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			long seedStart = System.nanoTime();
			seed(jdbc, enterprises, requests);
			Bench.print("seed_ms", (System.nanoTime() - seedStart) / 1_000_000,
					Map.of("requests", requests, "enterprises", enterprises));
			HttpClient http = HttpClient.newHttpClient();
			String admin = Bench.token(http, port, "admin", ADMIN_PASSWORD);
			Bench.post(http, port, admin, "/api/v1/users",
					Map.of("username", "benchservice", "password", STAFF_PASSWORD, "displayName", "Bench", "roles",
							List.of("SERVICE_STAFF"), "zoneCodes", List.of("bench"), "mustChangePassword", false));
			String token = Bench.token(http, port, "benchservice", STAFF_PASSWORD);
			Map<String, String> queries = new LinkedHashMap<>();
			queries.put("request_list", "/api/v1/services/requests?zone=bench&size=20");
			queries.put("request_list_page_50", "/api/v1/services/requests?zone=bench&size=20&page=50");
			queries.put("request_list_status", "/api/v1/services/requests?zone=bench&status=IN_PROGRESS&size=20");
			queries.put("request_list_overdue", "/api/v1/services/requests?zone=bench&overdue=true&size=20");
			queries.put("request_list_search", "/api/v1/services/requests?zone=bench&size=20&q="
					+ java.net.URLEncoder.encode("基准12", java.nio.charset.StandardCharsets.UTF_8));
			for (Map.Entry<String, String> q : queries.entrySet()) {
				List<Long> micros = Bench.time(http, port, token, q.getValue(), samples, 50);
				Bench.print(q.getKey() + "_p50_ms", Bench.percentile(micros, 50) / 1000.0,
						Map.of("target_ms", 50, "requests", requests, "samples", samples, "request", q.getValue()));
				Bench.print(q.getKey() + "_p95_ms", Bench.percentile(micros, 95) / 1000.0,
						Map.of("requests", requests));
			}
			int year = LocalDate.now().getYear() - 1;
			Map<String, Object> policy = new LinkedHashMap<>();
			policy.put("zoneCode", "bench");
			policy.put("title", "基准政策");
			policy.put("issuer", "管委会");
			policy.put("criteria",
					List.of(Map.of("kind", "ABOVE_SCALE"), Map.of("kind", "FLAG", "flag", "HIGH_TECH"),
							Map.of("kind", "INDUSTRY", "industries", List.of("C39", "C38")),
							Map.of("kind", "INDICATOR_GROWTH", "indicator", "revenue", "minPct", 10, "year", year),
							Map.of("kind", "INDICATOR_AMOUNT", "indicator", "revenue", "min", 2000, "year", year),
							Map.of("kind", "SERVICE", "measure", "NO_OVERDUE_BRIDGE"),
							Map.of("kind", "LAND", "measure", "PER_MU_CLASS", "classes", List.of("A", "B")),
							Map.of("kind", "LAND", "measure", "LAND_AREA", "min", 30),
							Map.of("kind", "MANUAL", "text", "无重大安全事故")));
			long id = JSON.readTree(Bench.post(http, port, token, "/api/v1/services/policies", policy))
				.get("id")
				.asLong();
			List<Long> matching = Bench.time(http, port, token, "/api/v1/services/policies/" + id + "/matches",
					Math.min(samples, 30), 5);
			Bench.print("policy_matching_p50_ms", Bench.percentile(matching, 50) / 1000.0,
					Map.of("target_ms", 1000, "enterprises", enterprises, "criteria", 9));
			Bench.print("policy_matching_p95_ms", Bench.percentile(matching, 95) / 1000.0,
					Map.of("enterprises", enterprises));
			List<Long> summary = Bench.time(http, port, token, "/api/v1/services/summary?zone=bench",
					Math.min(samples, 50), 5);
			Bench.print("service_summary_p50_ms", Bench.percentile(summary, 50) / 1000.0, Map.of("requests", requests));
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	private static String code(int i) {
		String first17 = String.format(Locale.ROOT, "91361%012d", i);
		return first17 + CreditCode.checkCharacter(first17);
	}

	private static void seed(JdbcTemplate jdbc, int enterprises, int n) {
		jdbc.update("INSERT INTO zone (code, name) VALUES ('bench', '基准测试园区') ON CONFLICT DO NOTHING");
		String[] industries = { "C39", "C38", "C13", "C30", "C26", "C34" };
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < enterprises; i++) {
			rows.add(new Object[] { code(i), "基准" + i + "服务有限公司", industries[i % industries.length], i % 3 == 0,
					"秘书" + (i % 300) });
		}
		jdbc.batchUpdate("INSERT INTO enterprise (credit_code, name, zone_code, industry_code, status, above_scale,"
				+ " secretary) VALUES (?, ?, 'bench', ?, 'IN_PRODUCTION', ?, ?)", rows);
		jdbc.update("INSERT INTO enterprise_flag (enterprise_id, kind, granted_on) SELECT id, 'HIGH_TECH', DATE"
				+ " '2023-01-01' FROM enterprise WHERE zone_code = 'bench' AND id % 4 = 0");
		int year = LocalDate.now().getYear() - 1;
		jdbc.update("""
				INSERT INTO economy_monthly (credit_code, month, zone_code, revenue, submitted_by, updated_by)
				SELECT e.credit_code, make_date(y, m, 1), 'bench', 100 + (e.id % 400) + (y - ?) * (e.id % 60), 'bench',
				  'bench'
				FROM enterprise e, generate_series(?, ?) y, generate_series(1, 12) m WHERE e.zone_code = 'bench'
				""", year - 1, year - 1, year);
		// the land data of the land criteria: last year's final 亩均 evaluation of every
		// enterprise, and a parcel held by two of every three
		Long evaluation = jdbc.queryForObject(
				"INSERT INTO land_permu_evaluation (zone_code, year, status, scheme,"
						+ " finalized_on, created_by) VALUES ('bench', ?, 'FINAL', '{}', ?, 'bench') RETURNING id",
				Long.class, year, java.sql.Date.valueOf(LocalDate.of(year + 1, 4, 30)));
		jdbc.update(
				"""
						INSERT INTO land_permu_result (evaluation_id, credit_code, name, above_scale, graded, land_mu, score,
						  rank, class, items, to_next)
						SELECT ?, credit_code, name, above_scale, true, 20, 60, 1, (ARRAY['A','B','C','D'])[id % 4 + 1], '[]', '[]'
						FROM enterprise WHERE zone_code = 'bench'""",
				evaluation);
		jdbc.update("""
				INSERT INTO land_parcel (zone_code, code, area_mu, use, status, owner_credit_code, geometry, created_by)
				SELECT 'bench', 'B' || id, 10 + id % 50, 'INDUSTRIAL', 'BUILT', credit_code, '{}', 'bench'
				FROM enterprise WHERE zone_code = 'bench' AND id % 3 <> 0""");
		String[] statuses = { "RATED", "RATED", "RATED", "RESOLVED", "IN_PROGRESS", "SUBMITTED", "WITHDRAWN" };
		String[] categories = { "LABOUR", "LAND", "FINANCING", "UTILITIES", "APPROVAL", "POLICY", "OTHER" };
		LocalDate start = LocalDate.now().minusYears(4);
		List<Object[]> batch = new ArrayList<>(10_000);
		for (int i = 0; i < n; i++) {
			LocalDate raised = start.plusDays(i % 1450);
			String status = statuses[i % statuses.length];
			batch.add(new Object[] { code(i % enterprises), categories[i % categories.length], "基准诉求 " + i,
					java.sql.Date.valueOf(raised), java.sql.Date.valueOf(raised.plusDays(15)), status,
					"RATED".equals(status) ? 3 + i % 3 : null });
			if (batch.size() == 10_000) {
				insert(jdbc, batch);
				batch.clear();
			}
		}
		insert(jdbc, batch);
		jdbc.execute("VACUUM ANALYZE");
	}

	private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
		jdbc.batchUpdate("""
				INSERT INTO service_request (zone_code, credit_code, channel, category, title, content, raised_on,
				  deadline, status, satisfaction, created_by)
				VALUES ('bench', ?, 'PORTAL', ?, ?, '内容', ?, ?, ?, ?, 'bench')
				""", rows);
	}

}
