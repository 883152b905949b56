package io.parkops.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.parkops.ParkOpsTest;
import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;
import io.parkops.platform.DemoDataContributor;
import io.parkops.report.ReportFigure;
import io.parkops.report.ReportPeriod;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 企业服务情况 part of the work report (figures traceable, problems and plans from the
 * data), the cockpit tile, the leader's to-do for overdue requests, and the demo data: a
 * year of requests in every state, visits, financing, fairs, policies that find
 * enterprises.
 */
@ParkOpsTest
class ServiceReportAndDemoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	List<ReportSectionContributor> contributors;

	@Autowired
	List<CockpitTileSource> tiles;

	@Autowired
	List<DemoDataContributor> demo;

	@Autowired
	JdbcClient jdbc;

	static String render(ReportSection section, List<String> texts) {
		String out = String.join("", texts);
		for (ReportFigure f : section.figures()) {
			out = out.replace("{{" + f.id() + "}}", f.text());
		}
		return out;
	}

	ReportSectionContributor section() {
		return this.contributors.stream().filter((c) -> c.order() == 60).findFirst().orElseThrow();
	}

	@Test
	void theReportSectionWritesTheFiguresWithProblemsAndPlans() throws Exception {
		ServiceFixture f = new ServiceFixture(this.mvc);
		f.enterprise("服务测试三号有限公司", Map.of("secretary", "刘秘书"));
		long a = f.raise(f.entUser1, ServiceFixture.request(f.ent1, "PORTAL", "LABOUR", "2026-02-01"));
		f.handle(a, "2026-02-02");
		f.resolve(a, "2026-02-05");
		f.post(f.entUser1, "/api/v1/services/requests/" + a + "/rating", Map.of("satisfaction", 2))
			.andExpect(status().isOk());
		f.raise(f.staff, ServiceFixture.request(f.ent2, "PHONE", "SECURITY", "2026-03-01"));
		f.post(f.staff, "/api/v1/services/visits", Map.of("zoneCode", f.zone, "date", "2026-02-03",
				"enterpriseCreditCodes", List.of(f.ent1), "visitors", List.of("王主任"), "deeds", 2))
			.andExpect(status().isCreated());
		f.post(f.staff, "/api/v1/services/financing", Map.of("enterpriseCreditCode", f.ent1, "kind", "BRIDGE", "on",
				"2026-02-01", "amount", 500, "dueOn", "2026-03-01"))
			.andExpect(status().isCreated());
		f.post(f.staff, "/api/v1/services/job-fairs", Map.of("zoneCode", f.zone, "date", "2026-02-10", "kind", "CAMPUS",
				"enterpriseCreditCodes", List.of(f.ent1), "visitors", 800, "hires", 120))
			.andExpect(status().isCreated());
		ReportScope scope = new ReportScope(f.zone, "测试园区", new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, 2026, null),
				YearMonth.of(2026, 6), LocalDate.of(2026, 6, 30));
		ReportSection section = section().contribute(scope).orElseThrow();
		assertThat(section.title()).isEqualTo("企业服务情况");
		String text = render(section, section.paragraphs());
		assertThat(text).contains("2026年上半年，测试园区为园区1家企业配备1名“企业秘书”")
			.contains("走访企业1家（1次）")
			.contains("办实事2件")
			.contains("受理企业诉求2件，已办结0件，办结率0.00%")
			.contains("平均满意度2.00分")
			.contains("为1家企业办理过桥应急周转金1笔500万元")
			.contains("举办招聘会1场，帮助企业招聘120人");
		String problems = render(section, section.problems());
		assertThat(problems).contains("仍有2件诉求超过办理时限未办结")
			.contains("1件诉求的办理结果企业评价不满意")
			.contains("1笔500万元到期未归还")
			.contains("企业超过90天未走访");
		assertThat(section.plans()).isNotEmpty().allMatch((p) -> p.endsWith("。"));
		// every figure keeps its source; the overdue requests are listed
		ReportFigure overdue = section.figures()
			.stream()
			.filter((x) -> x.id().equals("service.problem.overdue"))
			.findFirst()
			.orElseThrow();
		assertThat(overdue.source()).containsKey("records").containsEntry("recordCount", 2L);
		// a zone without service records has no section
		ServiceFixture empty = new ServiceFixture(this.mvc);
		ReportScope none = new ReportScope(empty.zone, "空园区", new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, 2026, null),
				YearMonth.of(2026, 6), LocalDate.of(2026, 6, 30));
		assertThat(section().contribute(none)).isEmpty();
	}

	@Test
	void theCockpitTileAndTheLeadersToDo() throws Exception {
		ServiceFixture f = new ServiceFixture(this.mvc);
		f.raise(f.staff, ServiceFixture.request(f.ent2, "PHONE", "SECURITY", "2026-03-01"));
		CockpitTileSource source = this.tiles.stream()
			.filter((t) -> t.permission().startsWith("service:"))
			.findFirst()
			.orElseThrow();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		List<CockpitTile> shown = source.tiles(f.zone, today, Locale.SIMPLIFIED_CHINESE);
		assertThat(shown).hasSize(1);
		assertThat(shown.get(0).figures()).extracting(CockpitTile.Figure::label).contains("在办诉求", "逾期诉求", "企业满意度");
		CockpitTile.Figure overdue = shown.get(0)
			.figures()
			.stream()
			.filter((x) -> x.label().equals("逾期诉求"))
			.findFirst()
			.orElseThrow();
		assertThat(overdue.value()).isEqualTo("1");
		assertThat(overdue.alert()).isTrue();
	}

	@Test
	void demoDataHasAYearOfServiceWork() throws Exception {
		ServiceFixture f = new ServiceFixture(this.mvc);
		for (int i = 0; i < 30; i++) {
			f.enterprise("演示服务企业" + i + "有限公司",
					(i % 3 == 0) ? Map.of("industryCode", "C39", "aboveScale", true, "aboveScaleSince", "2021-01")
							: Map.of("industryCode", "C13"));
		}
		DemoDataContributor service = this.demo.stream()
			.filter((d) -> d.getClass().getName().contains(".service."))
			.findFirst()
			.orElseThrow();
		service.contribute(new DemoDataContributor.DemoContext(f.zone, new Random(7), "unused"));
		List<String> states = this.jdbc
			.sql("SELECT DISTINCT status FROM service_request WHERE zone_code = :z ORDER BY status")
			.param("z", f.zone)
			.query(String.class)
			.list();
		assertThat(states).contains("SUBMITTED", "IN_PROGRESS", "RESOLVED", "RATED");
		// the secretaries came through the registry's API: each named one stepped its
		// record's version and left an audit record
		long named = count("SELECT count(*) FROM enterprise WHERE zone_code = :z AND secretary IS NOT NULL", f.zone);
		assertThat(named).isGreaterThan(10);
		assertThat(
				count("SELECT count(*) FROM enterprise WHERE zone_code = :z AND secretary IS NOT NULL AND version > 0",
						f.zone))
			.isEqualTo(named);
		assertThat(count("SELECT count(DISTINCT entity_id) FROM audit_record WHERE entity = 'enterprise'"
				+ " AND action = 'UPDATE' AND entity_id IN (SELECT credit_code FROM enterprise WHERE zone_code = :z"
				+ " AND secretary IS NOT NULL)", f.zone))
			.isEqualTo(named);
		// every paid application was on public notice (公示) and paid after it ended
		assertThat(count("SELECT count(*) FROM service_application WHERE zone_code = :z AND status = 'PAID'", f.zone))
			.isPositive();
		assertThat(count("SELECT count(*) FROM service_application WHERE zone_code = :z AND status = 'PAID'"
				+ " AND (publicity_to IS NULL OR paid_on <= publicity_to)", f.zone))
			.isZero();
		f.get(f.leader, "/api/v1/services/summary?zone=" + f.zone + "&from=" + LocalDate.now().minusYears(1))
			.andExpect(jsonPath("$.requests.received").value(org.hamcrest.Matchers.greaterThan(100)))
			.andExpect(jsonPath("$.visits.count").value(org.hamcrest.Matchers.greaterThan(50)))
			.andExpect(jsonPath("$.financing.BRIDGE.count").value(org.hamcrest.Matchers.greaterThan(10)))
			.andExpect(jsonPath("$.jobFairs.count").value(13))
			.andExpect(jsonPath("$.secretaries.enterprisesCovered").value(org.hamcrest.Matchers.greaterThan(10)));
		List<Number> ids = ServiceFixture.read(f.get(f.staff, "/api/v1/services/policies?zone=" + f.zone),
				"$.items[?(@.title == '高新技术企业认定奖励')].id");
		assertThat(ids).hasSize(1);
		Number policy = ids.get(0);
		f.get(f.staff, "/api/v1/services/policies/" + policy + "/matches")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThan(29)));
		// a policy on the land data (亩均 class and land held), decided by data alone
		f.get(f.staff, "/api/v1/services/policies?zone=" + f.zone + "&q=亩均效益")
			.andExpect(jsonPath("$.items[0].criteria[0].kind").value("LAND"))
			.andExpect(jsonPath("$.items[0].criteria[0].measure").value("PER_MU_CLASS"))
			.andExpect(jsonPath("$.items[0].criteria[1].measure").value("LAND_AREA"))
			.andExpect(jsonPath("$.items[0].automatic").value(true));
	}

	private long count(String sql, String zone) {
		return this.jdbc.sql(sql).param("z", zone).query(Long.class).single();
	}

}
