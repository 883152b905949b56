package io.parkops.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark harness of investment attraction and project construction: on a fresh
 * embedded database, a zone of {@code bench.projects} (5,000) projects in every stage,
 * with back-planned milestones, funds in place, building progress and problems, and
 * {@code bench.leads} (20,000) leads; it prints, one JSON line each, the project list
 * ({@code GET /api/v1/projects}, first page of 20, target p50 ≤ 50 ms) and the summary of
 * the year to date ({@code GET /api/v1/investment/summary}, target p50 ≤ 100 ms). Run it
 * with
 * {@code ./mvnw -Pbench -DskipTests verify -Dbench.main=io.parkops.bench.InvestmentBench}.
 * It never fails a build on timing.
 */
public final class InvestmentBench {

	private static final String ADMIN_PASSWORD = "Bench#2024pass";

	private static final String STAFF_PASSWORD = "Bench#2024staff";

	private static final String ZONE = "ibench";

	private static final int WARMUP = 30;

	private static final String[] STAGES = { "PLANNED", "SIGNED", "PREPARING", "STARTED", "STARTED", "COMPLETED",
			"IN_PRODUCTION", "AT_CAPACITY", "STALLED", "CANCELLED" };

	private static final String[] LEAD_STAGES = { "NEW", "CONTACTED", "VISITED", "NEGOTIATING", "DROPPED", "SIGNED" };

	private static final String[] SOURCES = { "BUSINESS_REFERRAL", "OUTBOUND", "AGENT", "ASSIGNED", "OTHER" };

	private static final String[] ORIGINS = { "OUTSIDE_PROVINCE", "IN_PROVINCE", "FOREIGN" };

	private InvestmentBench() {
	}

	public static void main(String[] args) throws Exception {
		int projects = Integer.getInteger("bench.projects", 5_000);
		int leads = Integer.getInteger("bench.leads", 20_000);
		int samples = Integer.getInteger("bench.samples", 100);
		Path dataDir = Files.createTempDirectory("parkops-investment-bench");
		ConfigurableApplicationContext app = SpringApplication.run(ParkOpsApplication.class, "--server.port=0",
				"--parkops.data-dir=" + dataDir, "--parkops.demo=false", "--parkops.admin-password=" + ADMIN_PASSWORD,
				"--logging.level.root=WARN");
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			LocalDate today = LocalDate.now();
			long seedStart = System.nanoTime();
			seed(jdbc, projects, leads, today);
			Bench.print("investment_seed_ms", (System.nanoTime() - seedStart) / 1_000_000,
					Map.of("projects", projects, "leads", leads, "milestones",
							jdbc.queryForObject("SELECT count(*) FROM inv_milestone", Long.class), "funds",
							jdbc.queryForObject("SELECT count(*) FROM inv_fund", Long.class)));
			HttpClient http = HttpClient.newHttpClient();
			String admin = Bench.token(http, port, "admin", ADMIN_PASSWORD);
			Bench.post(http, port, admin, "/api/v1/users",
					Map.of("username", "benchinvestment", "password", STAFF_PASSWORD, "displayName", "Bench", "roles",
							List.of("INVESTMENT_STAFF"), "zoneCodes", List.of(ZONE), "mustChangePassword", false));
			String token = Bench.token(http, port, "benchinvestment", STAFF_PASSWORD);
			String list = "/api/v1/projects?zone=" + ZONE + "&size=20";
			List<Long> listMicros = Bench.time(http, port, token, list, samples, WARMUP);
			Bench.print("investment_project_list_p50_ms", Bench.percentile(listMicros, 50) / 1000.0,
					Map.of("target_ms", 50, "projects", projects, "samples", samples, "request", list));
			Bench.print("investment_project_list_p95_ms", Bench.percentile(listMicros, 95) / 1000.0,
					Map.of("samples", samples));
			String searched = "/api/v1/projects?zone=" + ZONE + "&size=20&stage=STARTED&page=5";
			List<Long> searchMicros = Bench.time(http, port, token, searched, samples, WARMUP);
			Bench.print("investment_project_list_stage_page_p50_ms", Bench.percentile(searchMicros, 50) / 1000.0,
					Map.of("samples", samples, "request", searched));
			String summary = "/api/v1/investment/summary?zone=" + ZONE + "&from=" + today.withDayOfYear(1) + "&to="
					+ today;
			List<Long> summaryMicros = Bench.time(http, port, token, summary, samples, WARMUP);
			Bench.print("investment_summary_p50_ms", Bench.percentile(summaryMicros, 50) / 1000.0, Map.of("target_ms",
					100, "projects", projects, "leads", leads, "samples", samples, "request", summary));
			Bench.print("investment_summary_p95_ms", Bench.percentile(summaryMicros, 95) / 1000.0,
					Map.of("samples", samples));
			Bench.print("load_average",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Map.of("cores", Runtime.getRuntime().availableProcessors(), "note",
							"shared machine: other engineers' builds ran at the same time"));
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	/**
	 * A zone of n projects over the last three years in every stage (milestones planned
	 * for those under way, three fund entries, a building and a problem for every other
	 * one) and m leads in every stage, with targets for this year.
	 */
	private static void seed(JdbcTemplate jdbc, int n, int m, LocalDate today) {
		jdbc.update("INSERT INTO zone (code, name) VALUES (?, '招商基准园区')", ZONE);
		LocalDate first = today.minusYears(3);
		List<Object[]> rows = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String stage = STAGES[i % STAGES.length];
			LocalDate signed = first.plusDays((i * 7L) % 1090);
			boolean planned = stage.equals("PLANNED");
			boolean started = List.of("STARTED", "COMPLETED", "IN_PRODUCTION", "AT_CAPACITY").contains(stage)
					|| (stage.equals("STALLED") && i % 2 == 0);
			LocalDate start = started ? signed.plusDays(60 + i % 90) : null;
			LocalDate completed = List.of("COMPLETED", "IN_PRODUCTION", "AT_CAPACITY").contains(stage)
					? start.plusDays(200) : null;
			LocalDate production = List.of("IN_PRODUCTION", "AT_CAPACITY").contains(stage) ? completed.plusDays(60)
					: null;
			double total = 3000 + (i % 97) * 1500.0;
			rows.add(new Object[] { ZONE, "基准项目" + i + ((i % 3 == 0) ? "智能制造" : "新材料") + "项目", stage,
					planned ? null : signed, planned ? signed : null,
					stage.equals("PREPARING") ? signed.plusDays(20) : null, start, completed, production,
					stage.equals("AT_CAPACITY") ? production.plusDays(120) : null,
					stage.equals("STALLED") ? signed.plusDays(300) : null,
					stage.equals("CANCELLED") ? signed.plusDays(200) : null,
					stage.equals("STALLED") ? (started ? "STARTED" : "PREPARING") : null, total * 0.8, total,
					total * 0.7, (i % 11 == 0) ? 500.0 : 0.0, i % 2 == 0, i % 3 != 2, "领导" + (i % 40),
					planned ? null : signed.plusDays(540) });
		}
		jdbc.batchUpdate("""
				INSERT INTO inv_project (zone_code, name, stage, signed_on, planned_on, preparing_on, started_on,
				  completed_on, in_production_on, at_capacity_on, stalled_on, cancelled_on, stage_before_stall,
				  contract_amount, total_investment, fixed_asset_investment, fdi_usd, outside_province, manufacturing,
				  leader, target_production_on, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench')""", rows);
		jdbc.update("""
				INSERT INTO inv_milestone (project_id, code, seq, planned_on, done_on)
				SELECT p.id, t.code, t.seq, p.target_production_on - t.days,
				  CASE WHEN p.target_production_on - t.days < CURRENT_DATE - (p.id % 60)::int
				    THEN p.target_production_on - t.days + (p.id % 40)::int - 10 END
				FROM inv_project p
				CROSS JOIN (VALUES ('LAND', 1, 540), ('PLANNING_PERMIT', 2, 480), ('CONSTRUCTION_PERMIT', 3, 420),
				  ('START', 4, 390), ('TOPPED_OUT', 5, 240), ('COMPLETION', 6, 120), ('EQUIPMENT', 7, 60),
				  ('PRODUCTION', 8, 0)) AS t (code, seq, days)
				WHERE p.zone_code = ? AND p.target_production_on IS NOT NULL""", ZONE);
		jdbc.update("""
				INSERT INTO inv_fund (project_id, fund_on, amount, origin, usd_amount, created_by)
				SELECT p.id, p.signed_on + k * 90, round(p.contract_amount * 0.1, 2),
				  (ARRAY['OUTSIDE_PROVINCE', 'IN_PROVINCE', 'FOREIGN'])[1 + (p.id + k) % 3],
				  CASE WHEN (p.id + k) % 3 = 2 THEN 100 END, 'bench'
				FROM inv_project p CROSS JOIN generate_series(1, 3) k
				WHERE p.zone_code = ? AND p.signed_on IS NOT NULL AND p.signed_on + k * 90 <= CURRENT_DATE""", ZONE);
		jdbc.update("""
				INSERT INTO inv_building_progress (project_id, building, progress_on, phase, floors_done, floors_total,
				  created_by)
				SELECT p.id, '1#厂房', p.started_on + 30, 'STRUCTURE', 2, 4, 'bench'
				FROM inv_project p WHERE p.zone_code = ? AND p.started_on IS NOT NULL AND p.id % 2 = 0""", ZONE);
		jdbc.update("""
				INSERT INTO inv_problem (project_id, category, description, department, raised_on, deadline, status,
				  closed_on, result, raised_by)
				SELECT p.id, 'LAND', '用地指标待落实', '自然资源局', p.signed_on + 10, p.signed_on + 40,
				  CASE WHEN p.id % 4 = 0 THEN 'CLOSED' ELSE 'OPEN' END,
				  CASE WHEN p.id % 4 = 0 THEN p.signed_on + 30 END, CASE WHEN p.id % 4 = 0 THEN '已协调' END, 'bench'
				FROM inv_project p WHERE p.zone_code = ? AND p.signed_on IS NOT NULL AND p.id % 2 = 0""", ZONE);
		List<Object[]> leadRows = new ArrayList<>(m);
		for (int i = 0; i < m; i++) {
			String stage = LEAD_STAGES[i % LEAD_STAGES.length];
			LocalDate created = first.plusDays((i * 13L) % 1090);
			LocalDate activity = created.plusDays(i % 30);
			leadRows.add(new Object[] { ZONE, "基准线索" + i, "投资方" + (i % 500) + "集团", SOURCES[i % SOURCES.length],
					"C" + (13 + i % 30), 1000.0 + (i % 50) * 800, "招商" + (i % 25), stage, activity, created, activity,
					stage.equals("DROPPED") ? activity : null, stage.equals("DROPPED") ? "投资方向调整" : null });
		}
		jdbc.batchUpdate("""
				INSERT INTO inv_lead (zone_code, name, investor, source, industry_code, intended_amount, responsible,
				  stage, stage_on, created_on, last_activity_on, dropped_on, dropped_reason, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench')""", leadRows);
		jdbc.update("""
				INSERT INTO inv_trip (zone_code, trip_on, destination, people, created_by)
				SELECT ?, CURRENT_DATE - k * 3, '深圳', ARRAY['张三', '李四'], 'bench' FROM generate_series(1, 300) k""",
				ZONE);
		jdbc.update("""
				INSERT INTO inv_reception (zone_code, received_on, visitors, created_by)
				SELECT ?, CURRENT_DATE - k * 2, '来访客商' || k, 'bench' FROM generate_series(1, 400) k""", ZONE);
		int year = today.getYear();
		jdbc.update("""
				INSERT INTO inv_target (zone_code, year, code, value) VALUES (?, ?, 'signed_100m', 300),
				  (?, ?, 'contract_amount', 5000000), (?, ?, 'started_100m', 250), (?, ?, 'in_production_mfg', 200),
				  (?, ?, 'outside_funds', 1000000), (?, ?, 'fdi_usd', 20000)""", ZONE, year, ZONE, year, ZONE, year,
				ZONE, year, ZONE, year, ZONE, year);
		jdbc.execute("ANALYZE");
	}

}
