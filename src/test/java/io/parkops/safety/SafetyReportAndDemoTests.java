package io.parkops.safety;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.report.ReportFigure;
import io.parkops.report.ReportPeriod;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;
import io.parkops.safety.internal.Inputs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 安全环保情况 part of the work report, the statistics other modules use, and the demo
 * zone's safety records.
 */
@ParkOpsTest
class SafetyReportAndDemoTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	List<ReportSectionContributor> contributors;

	@Autowired
	SafetyStatistics statistics;

	@Autowired
	JdbcClient jdbc;

	private static String render(ReportSection section, String text) {
		String out = text;
		for (ReportFigure f : section.figures()) {
			out = out.replace("{{" + f.id() + "}}", f.text());
		}
		return out;
	}

	@Test
	void reportSectionWritesTheFiguresLikeTheReferenceReports() throws Exception {
		SafetyFixture f = new SafetyFixture(this.mvc);
		long a = f.createHazard(f.ent1, "GENERAL", "2024-02-01", "2024-02-20");
		long b = f.createHazard(f.ent1, "GENERAL", "2024-03-01", "2024-03-20");
		f.createHazard(f.ent2, "MAJOR", "2024-04-01", "2024-05-31");
		f.createHazard(f.ent2, "GENERAL", "2024-08-01", "2024-08-31");
		f.rectify(a, "2024-02-10");
		f.accept(a, "2024-02-12");
		f.rectify(b, "2024-03-10");
		f.accept(b, "2024-07-15");
		f.post(f.staff, "/api/v1/safety/inspections", Map.of("zoneCode", f.zone, "date", "2024-02-01", "kind", "JOINT",
				"enterpriseCreditCodes", List.of(f.ent1, f.ent2)))
			.andExpect(status().isCreated());
		f.post(f.staff, "/api/v1/safety/penalties",
				Map.of("enterpriseCreditCode", f.ent2, "decidedOn", "2024-05-20", "amount", "87.4", "reason", "r"))
			.andExpect(status().isCreated());
		ReportSectionContributor safety = this.contributors.stream()
			.filter((c) -> c.order() == 50)
			.findFirst()
			.orElseThrow();
		// as of the end of June: b was not yet accepted
		ReportScope scope = new ReportScope(f.zone, "测试园区", new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, 2024, null),
				YearMonth.of(2024, 6), LocalDate.of(2024, 6, 30));
		ReportSection section = safety.contribute(scope).orElseThrow();
		assertThat(section.title()).isEqualTo("安全环保情况");
		String text = render(section, String.join("", section.paragraphs()));
		assertThat(text).contains("2024年上半年，测试园区共开展安全生产和生态环境检查1次，其中联合执法1次，检查企业2家（2家次）")
			.contains("累计发现安全隐患3个，截至6月30日已整改到位1个，整改完成率33.33%")
			.contains("重大隐患1个、已整改0个，整改完成率0.00%")
			.contains("处罚87.4万元");
		String problems = render(section, String.join("", section.problems()));
		assertThat(problems).contains("仍有2个隐患超过整改期限未销号").contains("1个重大隐患尚未整改销号");
		String plans = render(section, String.join("", section.plans()));
		assertThat(plans).contains("安全测试二号有限公司（消防，期限2024年5月31日）");
		// the hazard found in August does not exist yet on 30 June: two were open then
		assertThat(plans).contains("对结转的2个未销号隐患");
		assertThat(section.figures())
			.allSatisfy((fig) -> assertThat(section.paragraphs().toString() + section.problems() + section.plans())
				.contains("{{" + fig.id() + "}}"));

		// the same figures through the public API of the module
		SafetySummary asOfJune = this.statistics.summaryForReport(f.zone, LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 6, 30), LocalDate.of(2024, 6, 30));
		assertThat(asOfJune.hazardsAccepted()).isEqualTo(1);
		SafetySummary asOfAugust = this.statistics.summaryForReport(f.zone, LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 6, 30), LocalDate.of(2024, 8, 31));
		assertThat(asOfAugust.hazardsAccepted()).isEqualTo(2);
		assertThat(asOfAugust.rectificationRatePct()).isEqualByComparingTo("66.67");
		assertThat(this.statistics.openHazards(f.zone)).isEqualTo(2);
		assertThat(this.statistics.overdueHazards(f.zone)).isEqualTo(2);
		List<MonthlyHazards> trend = this.statistics.monthlyTrend(f.zone, 2024);
		assertThat(trend).hasSize(12);
		assertThat(trend.get(1).found()).isEqualTo(1);
		assertThat(trend.get(1).accepted()).isEqualTo(1);
		assertThat(trend.get(6).accepted()).isEqualTo(1);
		// end of May: a accepted; b (deadline 20 March) open and overdue
		assertThat(trend.get(4).overdueOpen()).isEqualTo(1);
		assertThat(trend.get(11).cumulativeRatePct()).isEqualByComparingTo("50.00");
	}

	@Test
	void theRateListsItsHazardsOnlyToReadersOfTheSafetyWorkLine() throws Exception {
		SafetyFixture f = new SafetyFixture(this.mvc);
		long a = f.createHazard(f.ent1, "GENERAL", "2024-02-01", "2024-02-20");
		f.createHazard(f.ent2, "GENERAL", "2024-03-01", "2024-03-20");
		f.rectify(a, "2024-02-10");
		f.accept(a, "2024-02-12");
		Number id = TestApi
			.read(f.post(f.leader, "/api/v1/reports", Map.of("zoneCode", f.zone, "kind", "HALF_YEAR", "year", 2024))
				.andExpect(status().isCreated())
				.andReturn(), "$.id");
		String rate = "/api/v1/reports/" + id + "/figures/safety.rate";
		// a leader reads hazards: the rate comes with its two hazards, by enterprise and
		// dates
		MvcResult leader = this.mvc.perform(TestApi.bearer(f.leader, get(rate))).andExpect(status().isOk()).andReturn();
		assertThat((String) TestApi.read(leader, "$.text")).isEqualTo("50.00%");
		assertThat((String) TestApi.read(leader, "$.source.formula"))
			.isEqualTo("整改完成率 = 已销号隐患数 1个 ÷ 发现隐患数 2个 × 100 = 50.00%");
		List<String> names = TestApi.read(leader, "$.source.records[*].name");
		assertThat(names).containsExactly("安全测试一号有限公司", "安全测试二号有限公司");
		List<String> accepted = TestApi.read(leader, "$.source.records[*].acceptedOn");
		assertThat(accepted).containsExactly("2024-02-12", null);
		// economy staff may read the report but not hazards: the aggregate only
		String economy = f.token(List.of("ECONOMY_STAFF"), List.of(f.zone), null);
		MvcResult aggregate = this.mvc.perform(TestApi.bearer(economy, get(rate)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat((String) TestApi.read(aggregate, "$.text")).isEqualTo("50.00%");
		assertThat(aggregate.getResponse().getContentAsString()).doesNotContain("安全测试一号有限公司")
			.doesNotContain("\"records\"");
	}

	@Test
	void demoZoneHasSafetyRecordsInEveryState() {
		assertThat(this.jdbc.sql("SELECT DISTINCT status FROM safety_hazard WHERE zone_code = 'yunxi'")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("PENDING", "RECTIFYING", "AWAITING_ACCEPTANCE", "ACCEPTED");
		assertThat(this.jdbc.sql("SELECT DISTINCT kind FROM safety_inspection WHERE zone_code = 'yunxi'")
			.query(String.class)
			.list()).hasSize(6);
		assertThat(this.jdbc.sql("SELECT DISTINCT status FROM safety_complaint WHERE zone_code = 'yunxi'")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("RECEIVED", "HANDLING", "ANSWERED", "CLOSED");
		assertThat(this.statistics.overdueHazards("yunxi")).isPositive();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM safety_hazard h WHERE zone_code = 'yunxi' AND level = 'MAJOR'
				  AND EXISTS (SELECT 1 FROM safety_hazard_plan p WHERE p.hazard_id = h.id)
				""").query(Long.class).single()).isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM safety_notice WHERE zone_code = 'yunxi'")
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM safety_penalty WHERE zone_code = 'yunxi'")
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM safety_patrol WHERE zone_code = 'yunxi'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(30);
		assertThat(this.jdbc.sql("SELECT count(*) FROM safety_duty WHERE zone_code = 'yunxi' AND duty_on = :d")
			.param("d", Inputs.today())
			.query(Long.class)
			.single()).isEqualTo(1);
		SafetySummary thisYear = this.statistics.summaryForReport("yunxi", LocalDate.of(Inputs.today().getYear(), 1, 1),
				Inputs.today(), Inputs.today());
		assertThat(thisYear.hazardsFound()).isPositive();
		assertThat(thisYear.rectificationRatePct()).isNotNull();
	}

}
