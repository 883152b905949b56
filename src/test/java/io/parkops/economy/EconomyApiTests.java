package io.parkops.economy;

import java.io.ByteArrayOutputStream;
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
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static io.parkops.TestApi.withJson;
import static io.parkops.economy.EconomyTestData.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Economic operation monitoring through its API: monthly figures with revisions and
 * anomalies, the month's import, targets, zone figures and price indices, and the summary
 * computed as the statistics bureau computes it (same-set base, comparable prices, share,
 * pull, contribution, progress against time), with permissions and bad input.
 */
@ParkOpsTest
class EconomyApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	EconomyStatistics statistics;

	@Autowired
	JsonMapper json;

	@Autowired
	List<ReportSectionContributor> contributors;

	TestApi api;

	EconomyTestData data;

	String admin;

	String zone;

	String a;

	String b;

	String c;

	String d;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		this.data = new EconomyTestData(this.mvc, this.api, this.admin);
		this.zone = this.api.createZone(this.admin, unique("eco-"), "east", "west");
	}

	/**
	 * The zone of the worked example, for 1–4月 2023: A (C39, east) with stored 2022
	 * months; B (C38, west) with only the 上年同月 it reported; C (C39, east) entered the set
	 * in 2023-02 and has no prior-year figure; D left the set in 2023-03.
	 */
	void example() throws Exception {
		this.a = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		this.b = this.data.enterprise(this.zone, "west", "C38", "2021-01");
		this.c = this.data.enterprise(this.zone, "east", "C39", null);
		this.data.scaleChange(this.c, "2023-02", true);
		this.d = this.data.enterprise(this.zone, "west", "C38", "2021-01");
		this.data.scaleChange(this.d, "2023-03", false);
		this.data.months(this.a, 2022, 1, 4, figures("output", 100, "value_added", 25, "tax", 8, "employees", 50),
				null);
		this.data.months(this.a, 2023, 1, 4, figures("output", 120, "value_added", 30, "tax", 10, "employees", 60),
				null);
		this.data.months(this.b, 2023, 1, 4, figures("output", 200, "tax", 20), figures("output", 160));
		this.data.months(this.c, 2023, 1, 4, figures("output", 50), null);
		this.data.months(this.d, 2023, 1, 4, figures("output", 1000), figures("output", 900));
	}

	ResultActions summary(String token, String query) throws Exception {
		return this.mvc.perform(bearer(token, get("/api/v1/economy/summary?zone=" + this.zone + query)));
	}

	// ---- the summary

	@Test
	void summaryUsesTheSetValidInTheMonthAndItsSameSetBase() throws Exception {
		example();
		summary(this.admin, "&year=2023&month=4").andExpect(status().isOk())
			.andExpect(jsonPath("$.zone").value(this.zone))
			.andExpect(jsonPath("$.year").value(2023))
			.andExpect(jsonPath("$.month").value(4))
			.andExpect(jsonPath("$.timeProgressPct").value(33.33))
			.andExpect(jsonPath("$.enterpriseCount").value(3))
			.andExpect(jsonPath("$.newAboveScale").value(1))
			.andExpect(jsonPath("$.exitedAboveScale").value(1))
			.andExpect(jsonPath("$.enterprisesWithoutBase").value(1))
			.andExpect(jsonPath("$.indicators[0].code").value("output"))
			.andExpect(jsonPath("$.indicators[0].unit").value("万元"))
			.andExpect(jsonPath("$.indicators[0].current").value(1480.00))
			.andExpect(jsonPath("$.indicators[0].base").value(1040.00))
			.andExpect(jsonPath("$.indicators[0].growthPct").value(42.31))
			.andExpect(jsonPath("$.indicators[0].target").doesNotExist())
			// employees are averaged over the months, not summed
			.andExpect(jsonPath("$.indicators[?(@.code=='employees')].current").value(hasItem(60.00)))
			.andExpect(jsonPath("$.indicators[?(@.code=='employees')].base").value(hasItem(50.00)))
			.andExpect(jsonPath("$.indicators[?(@.code=='employees')].growthPct").value(hasItem(20.00)))
			.andExpect(jsonPath("$.indicators[?(@.code=='new_above_scale')]").isEmpty())
			.andExpect(jsonPath("$.groups").isEmpty());
		// in March D was still in the set and C had entered
		summary(this.admin, "&year=2023&month=2").andExpect(jsonPath("$.enterpriseCount").value(4))
			.andExpect(jsonPath("$.indicators[0].current").value(2740.00))
			.andExpect(jsonPath("$.indicators[0].base").value(2320.00));
	}

	/**
	 * A member has a base when it has any month of last year's period, even one this
	 * year's months do not match (it then adds nothing to the base, like for like); a
	 * member with neither such a month nor a reported 上年同月 is counted without base. The
	 * same with groups and without.
	 */
	@Test
	void aMemberWithOnlyUnmatchedMonthsOfLastYearHasABase() throws Exception {
		String lastYearOnly = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		String otherMonths = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		String noBase = this.data.enterprise(this.zone, "west", "C38", "2021-01");
		this.data.months(lastYearOnly, 2022, 1, 4, figures("output", 100), null);
		this.data.months(otherMonths, 2022, 3, 3, figures("output", 70), null);
		this.data.months(otherMonths, 2023, 1, 2, figures("output", 80), null);
		this.data.months(noBase, 2023, 1, 4, figures("output", 50), null);
		for (String groups : List.of("", "&groupBy=industry", "&groupBy=area")) {
			summary(this.admin, "&year=2023&month=4" + groups).andExpect(status().isOk())
				.andExpect(jsonPath("$.enterpriseCount").value(3))
				.andExpect(jsonPath("$.enterprisesWithoutBase").value(1))
				.andExpect(jsonPath("$.reporting.reported").value(1))
				.andExpect(jsonPath("$.indicators[0].current").value(360.00))
				.andExpect(jsonPath("$.indicators[0].base").value(0.00));
		}
	}

	@Test
	void summaryShowsTargetsAgainstGrowthAndTimeProgress() throws Exception {
		example();
		this.mvc
			.perform(bearer(this.admin,
					withJson(put("/api/v1/zones/" + this.zone + "/targets/2023").header("If-Match", "\"0\""),
							Map.of("output", Map.of("growthPct", 50.0), "tax", Map.of("amount", 1000),
									"new_above_scale", Map.of("count", 3), "budget_revenue", Map.of("amount", 1200)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.output.growthPct").value(50.00))
			.andExpect(jsonPath("$.new_above_scale.count").value(3));
		for (int m = 1; m <= 4; m++) {
			putZoneFigures(String.format("2022-%02d", m), Map.of("budget_revenue", 80)).andExpect(status().isOk());
			putZoneFigures(String.format("2023-%02d", m), Map.of("budget_revenue", 100, "tech_investment", 30))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.budget_revenue").value(100.00));
		}
		summary(this.admin, "&year=2023&month=4").andExpect(status().isOk())
			.andExpect(jsonPath("$.indicators[0].target.kind").value("growth"))
			.andExpect(jsonPath("$.indicators[0].target.growthPct").value(50.00))
			.andExpect(jsonPath("$.indicators[0].target.gapPoints").value(-7.69))
			.andExpect(jsonPath("$.indicators[?(@.code=='tax')].current").value(hasItem(120.00)))
			.andExpect(jsonPath("$.indicators[?(@.code=='tax')].target.kind").value(hasItem("amount")))
			.andExpect(jsonPath("$.indicators[?(@.code=='tax')].target.amount").value(hasItem(1000.00)))
			.andExpect(jsonPath("$.indicators[?(@.code=='tax')].target.progressPct").value(hasItem(12.00)))
			.andExpect(jsonPath("$.indicators[?(@.code=='tax')].target.aheadPoints").value(hasItem(-21.33)))
			.andExpect(jsonPath("$.indicators[?(@.code=='profit')].target").isEmpty())
			.andExpect(jsonPath("$.indicators[?(@.code=='new_above_scale')].current").value(hasItem(1)))
			.andExpect(jsonPath("$.indicators[?(@.code=='new_above_scale')].target.count").value(hasItem(3)))
			.andExpect(jsonPath("$.indicators[?(@.code=='new_above_scale')].target.progressPct").value(hasItem(33.33)))
			.andExpect(jsonPath("$.zoneFigures[0].code").value("budget_revenue"))
			.andExpect(jsonPath("$.zoneFigures[0].current").value(400.00))
			.andExpect(jsonPath("$.zoneFigures[0].base").value(320.00))
			.andExpect(jsonPath("$.zoneFigures[0].growthPct").value(25.00))
			.andExpect(jsonPath("$.zoneFigures[0].target.kind").value("amount"))
			.andExpect(jsonPath("$.zoneFigures[0].target.progressPct").value(33.33))
			.andExpect(jsonPath("$.zoneFigures[0].target.aheadPoints").value(0.00))
			.andExpect(jsonPath("$.zoneFigures[?(@.code=='tech_investment')].current").value(hasItem(120.00)))
			.andExpect(jsonPath("$.zoneFigures[?(@.code=='tech_investment')].growthPct").isEmpty());
		// a filtered summary is a part of the zone: the zone's targets do not apply
		summary(this.admin, "&year=2023&month=4&area=east").andExpect(jsonPath("$.enterpriseCount").value(2))
			.andExpect(jsonPath("$.indicators[0].current").value(680.00))
			.andExpect(jsonPath("$.indicators[0].target").doesNotExist());
	}

	/** Saves a month's zone figures at the version the month has now. */
	ResultActions putZoneFigures(String month, Map<String, ?> body) throws Exception {
		String version = "0";
		if (month.matches("\\d{4}-\\d{2}")) {
			version = this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + this.zone + "/zone-figures/" + month)))
				.andReturn()
				.getResponse()
				.getHeader("ETag");
		}
		return this.mvc.perform(bearer(this.admin, withJson(
				put("/api/v1/zones/" + this.zone + "/zone-figures/" + month).header("If-Match", version), body)));
	}

	@Test
	void groupsShowShareAndPullAndContribution() throws Exception {
		example();
		summary(this.admin, "&year=2023&month=4&groupBy=industry").andExpect(status().isOk())
			.andExpect(jsonPath("$.groups", hasSize(2)))
			.andExpect(jsonPath("$.groups[0].key").value("C38"))
			.andExpect(jsonPath("$.groups[0].name").value("电气机械和器材制造业"))
			.andExpect(jsonPath("$.groups[0].indicators[0].code").value("output"))
			.andExpect(jsonPath("$.groups[0].indicators[0].current").value(800.00))
			.andExpect(jsonPath("$.groups[0].indicators[0].base").value(640.00))
			.andExpect(jsonPath("$.groups[0].indicators[0].growthPct").value(25.00))
			.andExpect(jsonPath("$.groups[0].indicators[0].sharePct").value(54.05))
			.andExpect(jsonPath("$.groups[0].indicators[0].pullPoints").value(15.38))
			.andExpect(jsonPath("$.groups[0].indicators[0].contributionPct").value(36.36))
			.andExpect(jsonPath("$.groups[1].key").value("C39"))
			.andExpect(jsonPath("$.groups[1].name").value("计算机、通信和其他电子设备制造业"))
			.andExpect(jsonPath("$.groups[1].indicators[0].current").value(680.00))
			.andExpect(jsonPath("$.groups[1].indicators[0].growthPct").value(70.00))
			.andExpect(jsonPath("$.groups[1].indicators[0].sharePct").value(45.95))
			.andExpect(jsonPath("$.groups[1].indicators[0].pullPoints").value(26.92))
			.andExpect(jsonPath("$.groups[1].indicators[0].contributionPct").value(63.64));
		summary(this.admin, "&year=2023&month=4&groupBy=area").andExpect(jsonPath("$.groups", hasSize(2)))
			.andExpect(jsonPath("$.groups[0].key").value("west"))
			.andExpect(jsonPath("$.groups[0].name").value("Area west"))
			.andExpect(jsonPath("$.groups[1].key").value("east"))
			.andExpect(jsonPath("$.groups[1].enterpriseCount").value(2));
	}

	@Test
	void valueAddedGrowsAtComparablePrices() throws Exception {
		String e = this.data.enterprise(this.zone, "east", "C39", "2015-01");
		this.data.months(e, 2020, 1, 1, figures("value_added", 100, "output", 100), null);
		this.data.months(e, 2021, 1, 1, figures("value_added", 110, "output", 110), null);
		this.mvc
			.perform(bearer(this.admin,
					withJson(put("/api/v1/economy/price-indices/2021"), Map.of("index", 104.0, "version", 0))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.index").value(104.00));
		summary(this.admin, "&year=2021&month=1")
			.andExpect(jsonPath("$.indicators[?(@.code=='value_added')].current").value(hasItem(110.00)))
			.andExpect(jsonPath("$.indicators[?(@.code=='value_added')].growthPct").value(hasItem(5.77)))
			.andExpect(jsonPath("$.indicators[?(@.code=='output')].growthPct").value(hasItem(10.00)));
	}

	@Test
	void theBeanGivesWhatTheEndpointAnswers() throws Exception {
		example();
		String body = summary(this.admin, "&year=2023&month=4&groupBy=industry").andReturn()
			.getResponse()
			.getContentAsString();
		// the bean gives the exact figures; the endpoint rounds them once, to two
		// decimals
		EconomySummary direct = this.statistics.summaryForReport(this.zone, 2023, 4, "industry", null, null);
		assertThat(direct.indicator("output").orElseThrow().growthPct()).isEqualByComparingTo("42.3076923077");
		assertThat(this.json.readTree(this.json.writeValueAsString(direct.rounded())))
			.isEqualTo(this.json.readTree(body));
		// without a signed-in user the checked variant refuses
		assertThatThrownBy(() -> this.statistics.summary(this.zone, 2023, 4, null, null, null))
			.isInstanceOf(io.parkops.platform.ForbiddenException.class);
		assertThat(this.statistics.latestMonthWithDataForReport(this.zone)).contains(YearMonth.of(2023, 4));
	}

	/**
	 * Each enterprise's year with the same months' base, as policy matching reads it: the
	 * stored prior-year month first, the reported 上年同月 when none is stored (or the stored
	 * month lacks the figure), a month without either in the current figure but not in
	 * the compared one, a month of last year not reported this year in neither; employees
	 * averaged; only the zone's enterprises with figures of the year.
	 */
	@Test
	void yearOnYearComparesTheSameMonthsWithTheStoredMonthFirst() throws Exception {
		String a = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		String b = this.data.enterprise(this.zone, "west", "C38", "2021-01");
		String lastYearOnly = this.data.enterprise(this.zone, "west", "C38", "2021-01");
		String otherZone = this.data.enterprise(this.api.createZone(this.admin, unique("eco-"), "east"), "east", "C39",
				"2021-01");
		this.data.months(a, 2022, 1, 4, figures("output", 100, "employees", 50), null);
		this.data.months(a, 2022, 5, 5, figures("tax", 5), null);
		this.data.months(a, 2023, 1, 3, figures("output", 120, "employees", 60),
				figures("output", 90, "employees", 40));
		this.data.months(a, 2023, 5, 5, figures("output", 120, "employees", 60),
				figures("output", 80, "employees", 40));
		this.data.months(b, 2023, 1, 2, figures("output", 200), figures("output", 160));
		this.data.months(b, 2023, 3, 3, figures("output", 200), null);
		this.data.months(lastYearOnly, 2022, 1, 2, figures("output", 300), null);
		this.data.months(otherZone, 2022, 1, 1, figures("output", 100), null);
		this.data.months(otherZone, 2023, 1, 1, figures("output", 110), null);

		Map<String, EnterpriseYearOnYear> output = this.statistics.enterpriseYearOnYearForReport(this.zone,
				Indicator.OUTPUT, 2023);
		assertThat(output).containsOnlyKeys(a, b);
		assertThat(output.get(a).current()).isEqualByComparingTo("480");
		assertThat(output.get(a).sameMonths()).isEqualByComparingTo("480");
		assertThat(output.get(a).base()).isEqualByComparingTo("380");
		assertThat(output.get(a).lastMonth()).isEqualTo(5);
		assertThat(output.get(b).current()).isEqualByComparingTo("600");
		assertThat(output.get(b).sameMonths()).isEqualByComparingTo("400");
		assertThat(output.get(b).base()).isEqualByComparingTo("320");
		assertThat(output.get(b).lastMonth()).isEqualTo(3);
		EnterpriseYearOnYear employees = this.statistics
			.enterpriseYearOnYearForReport(this.zone, Indicator.EMPLOYEES, 2023)
			.get(a);
		assertThat(employees.current()).isEqualByComparingTo("60");
		assertThat(employees.sameMonths()).isEqualByComparingTo("60");
		assertThat(employees.base()).isEqualByComparingTo("47.5");
		assertThat(this.statistics.enterpriseYearOnYearForReport(this.zone, Indicator.OUTPUT, 2022)).containsOnlyKeys(a,
				lastYearOnly);
	}

	@Test
	void trendFollowsTheSetOfEachMonthAndMatchesTheSummary() throws Exception {
		example();
		String body = this.mvc
			.perform(bearer(this.admin, get("/api/v1/economy/trend?zone=" + this.zone + "&year=2023&indicator=output")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(12)))
			// January: A, B and D (C entered in February)
			.andExpect(jsonPath("$[0].month").value(1))
			.andExpect(jsonPath("$[0].value").value(1320.00))
			.andExpect(jsonPath("$[0].priorValue").value(1160.00))
			.andExpect(jsonPath("$[1].value").value(1370.00))
			// April: D has left
			.andExpect(jsonPath("$[3].value").value(370.00))
			.andExpect(jsonPath("$[3].cumulative").value(1480.00))
			.andExpect(jsonPath("$[3].priorCumulative").value(1040.00))
			.andExpect(jsonPath("$[3].growthPct").value(42.31))
			.andExpect(jsonPath("$[4].value").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("\"month\":12");
		List<MonthlyPoint> points = this.statistics.monthlyTrendForReport(this.zone, 2023, "output");
		assertThat(points.get(3).cumulative()).isEqualByComparingTo("1480.00");
	}

	@Test
	void rankingByGrowthAndByContribution() throws Exception {
		example();
		this.mvc
			.perform(bearer(this.admin,
					get("/api/v1/economy/ranking?zone=" + this.zone + "&year=2023&month=4&indicator=output&by=growth")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].creditCode").value(this.b))
			.andExpect(jsonPath("$[0].growthPct").value(25.00))
			.andExpect(jsonPath("$[1].creditCode").value(this.a))
			.andExpect(jsonPath("$[2].creditCode").value(this.c))
			.andExpect(jsonPath("$[2].growthPct").doesNotExist());
		this.mvc
			.perform(bearer(this.admin,
					get("/api/v1/economy/ranking?zone=" + this.zone
							+ "&year=2023&month=4&indicator=output&by=contribution")))
			.andExpect(jsonPath("$[0].creditCode").value(this.c))
			.andExpect(jsonPath("$[0].contributionPct").value(45.45));
	}

	@Test
	void summaryRefusesBadInputAndOtherZones() throws Exception {
		summary(this.admin, "&year=2023&month=13").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		summary(this.admin, "&year=2023&month=4&groupBy=color").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("groupBy"));
		summary(this.admin, "&year=2023&month=4&area=north").andExpect(status().isBadRequest());
		summary(this.admin, "&year=abc&month=4").andExpect(status().isBadRequest());
		this.mvc.perform(bearer(this.admin, get("/api/v1/economy/summary?zone=nowhere-zone&year=2023&month=4")))
			.andExpect(status().isNotFound());
		String other = this.api.createZone(this.admin, unique("eco-other-"), "east");
		String staff = this.api.createUser(this.admin, unique("econ-"), List.of("ECONOMY_STAFF"), List.of(other), null);
		String token = this.api.token(staff, STRONG_PASSWORD);
		summary(token, "&year=2023&month=4").andExpect(status().isForbidden());
		this.mvc.perform(bearer(token, get("/api/v1/economy/summary?zone=" + other + "&year=2023&month=4")))
			.andExpect(status().isOk());
		String safety = this.api.createUser(this.admin, unique("safe-"), List.of("SAFETY_STAFF"), List.of(this.zone),
				null);
		summary(this.api.token(safety, STRONG_PASSWORD), "&year=2023&month=4").andExpect(status().isForbidden());
	}

	// ---- an enterprise's months

	@Test
	void aCorrectionKeepsARevisionWithWhoAndWhy() throws Exception {
		String e = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		this.data.putMonth(this.admin, e, "2023-04", figures("output", 120.5, "profit", -3), figures("output", 100))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.values.output").value(120.50))
			.andExpect(jsonPath("$.values.profit").value(-3.00))
			.andExpect(jsonPath("$.priorYear.output").value(100.00))
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.revisions").isEmpty());
		this.mvc
			.perform(bearer(this.admin,
					withJson(put("/api/v1/enterprises/" + e + "/monthly/2023-04"),
							Map.of("values", figures("output", 130), "reason", "统计口径更正"))))
			.andExpect(status().isOk());
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + e + "/monthly/2023-04")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.values.output").value(130.00))
			.andExpect(jsonPath("$.values.profit").doesNotExist())
			.andExpect(jsonPath("$.revision").value(2))
			.andExpect(jsonPath("$.revisions", hasSize(1)))
			.andExpect(jsonPath("$.revisions[0].revision").value(1))
			.andExpect(jsonPath("$.revisions[0].values.output").value(120.50))
			.andExpect(jsonPath("$.revisions[0].changedBy").value("admin"))
			.andExpect(jsonPath("$.revisions[0].reason").value("统计口径更正"));
	}

	@Test
	void impossibleFiguresAreRefusedNamingTheField() throws Exception {
		String e = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		this.data.putMonth(this.admin, e, "2023-04", figures("output", -5), null)
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("values.output"));
		this.data.putMonth(this.admin, e, "2023-04", figures("output", 5), figures("tax", -1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("priorYear.tax"));
		this.data.putMonth(this.admin, e, "2023-04", figures("turnover", 5), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("values.turnover"));
		this.data.putMonth(this.admin, e, "2023-04", figures(), null).andExpect(status().isBadRequest());
		this.data.putMonth(this.admin, e, "2023-13", figures("output", 5), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		this.data.putMonth(this.admin, e, YearMonth.now().plusMonths(2).toString(), figures("output", 5), null)
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(bearer(this.admin,
					put("/api/v1/enterprises/" + e + "/monthly/2023-04").contentType("application/json")
						.content("{\"values\":{\"output\":\"many\"}}")))
			.andExpect(status().isBadRequest());
		this.data.putMonth(this.admin, EconomyTestData.newCreditCode(), "2023-04", figures("output", 5), null)
			.andExpect(status().isNotFound());
		// nothing of the refused attempts was stored
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + e + "/monthly/2023-04")))
			.andExpect(jsonPath("$.revision").value(0))
			.andExpect(jsonPath("$.values").isEmpty());
	}

	@Test
	void anEnterpriseUserReportsOnlyItsOwnMonths() throws Exception {
		String own = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		String other = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		String user = this.api.createUser(this.admin, unique("ent-"), List.of("ENTERPRISE"), List.of(), own);
		String token = this.api.token(user, STRONG_PASSWORD);
		this.data.putMonth(token, own, "2023-04", figures("output", 10), null).andExpect(status().isOk());
		this.data.putMonth(token, other, "2023-04", figures("output", 10), null).andExpect(status().isForbidden());
		this.mvc.perform(bearer(token, get("/api/v1/enterprises/" + other + "/monthly/2023-04")))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(token, get("/api/v1/enterprises/" + own + "/monthly/2023-04")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.values.output").value(10.00))
			.andExpect(jsonPath("$.submittedBy").value(user));
		summary(token, "&year=2023&month=4").andExpect(status().isForbidden());
		String leader = this.api.createUser(this.admin, unique("lead-"), List.of("LEADER"), List.of(this.zone), null);
		String leaderToken = this.api.token(leader, STRONG_PASSWORD);
		this.data.putMonth(leaderToken, own, "2023-04", figures("output", 11), null).andExpect(status().isForbidden());
		summary(leaderToken, "&year=2023&month=4").andExpect(status().isOk())
			.andExpect(jsonPath("$.indicators[0].current").value(10.00));
	}

	@Test
	void anomaliesAreStoredButNeedAConfirmingNote() throws Exception {
		String e = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		this.data.months(e, 2022, 1, 3, figures("output", 100), null);
		this.data.months(e, 2023, 1, 3, figures("output", 100), null);
		this.data.putMonth(this.admin, e, "2023-04", figures("output", 1000), figures("output", 100))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.values.output").value(1000.00))
			.andExpect(jsonPath("$.confirmed").value(false))
			.andExpect(jsonPath("$.anomalies[?(@.kind=='ABOVE_USUAL')].indicator").value(hasItem("output")))
			.andExpect(jsonPath("$.anomalies[?(@.kind=='GROWTH')].indicator").value(hasItem("output")));
		this.mvc.perform(bearer(this.admin, get("/api/v1/economy/anomalies?zone=" + this.zone)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].creditCode").value(e));
		this.mvc
			.perform(bearer(this.admin,
					withJson(post("/api/v1/enterprises/" + e + "/monthly/2023-04/confirmation"), Map.of())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		this.mvc
			.perform(bearer(this.admin,
					withJson(post("/api/v1/enterprises/" + e + "/monthly/2023-04/confirmation"),
							Map.of("note", "新产线四月投产"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.confirmed").value(true))
			.andExpect(jsonPath("$.note").value("新产线四月投产"));
		this.mvc.perform(bearer(this.admin, get("/api/v1/economy/anomalies?zone=" + this.zone)))
			.andExpect(jsonPath("$").isEmpty());
	}

	// ---- collecting the month

	@Test
	void completenessListsWhoReportedAndRemindsTheOthers() throws Exception {
		example();
		String late = this.data.enterprise(this.zone, "west", "C38", "2021-01");
		this.mvc.perform(bearer(this.admin, get("/api/v1/economy/completeness?zone=" + this.zone + "&month=2023-04")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.reported").value(3))
			.andExpect(jsonPath("$.late").value(1))
			.andExpect(jsonPath("$.entries[0].creditCode").value(late))
			.andExpect(jsonPath("$.entries[0].state").value("LATE"));
		this.mvc
			.perform(bearer(this.admin,
					post("/api/v1/economy/completeness/reminders?zone=" + this.zone + "&month=2023-04")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reminded").value(1));
		this.mvc.perform(bearer(this.admin, get("/api/v1/economy/completeness?zone=" + this.zone + "&month=2023-04")))
			.andExpect(jsonPath("$.entries[0].reminders").value(1));
	}

	@Test
	void candidatesAreEnterprisesBelowScaleNearTheThreshold() throws Exception {
		String near = this.data.enterprise(this.zone, "east", "C39", null);
		String small = this.data.enterprise(this.zone, "east", "C39", null);
		this.data.months(near, 2023, 1, 12, figures("revenue", 150), null);
		this.data.months(small, 2023, 1, 12, figures("revenue", 50), null);
		this.mvc.perform(bearer(this.admin, get("/api/v1/economy/candidates?zone=" + this.zone + "&month=2023-12")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].creditCode").value(near))
			.andExpect(jsonPath("$[0].revenue12").value(1800.00))
			.andExpect(jsonPath("$[0].thresholdPct").value(90.00));
	}

	// ---- what the economy department enters

	@Test
	void targetsZoneFiguresAndPriceIndicesRefuseBadInput() throws Exception {
		String targets = "/api/v1/zones/" + this.zone + "/targets/2023";
		this.mvc
			.perform(bearer(this.admin, withJson(put(targets), Map.of("output", Map.of("growthPct", 10, "amount", 5)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("output"));
		this.mvc.perform(bearer(this.admin, withJson(put(targets), Map.of("turnover", Map.of("amount", 5)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("turnover"));
		this.mvc.perform(bearer(this.admin, withJson(put(targets), Map.of("output", Map.of("count", 5)))))
			.andExpect(status().isBadRequest());
		this.mvc.perform(bearer(this.admin, withJson(put(targets), Map.of("new_above_scale", Map.of("amount", 5)))))
			.andExpect(status().isBadRequest());
		this.mvc.perform(bearer(this.admin, withJson(put(targets), Map.of("tax", Map.of("amount", -5)))))
			.andExpect(status().isBadRequest());
		putZoneFigures("2023-04", Map.of("budget_revenue", -1)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("budget_revenue"));
		putZoneFigures("2023-04", Map.of("gdp", 1)).andExpect(status().isBadRequest());
		putZoneFigures("2023-4x", Map.of("budget_revenue", 1)).andExpect(status().isBadRequest());
		this.mvc.perform(bearer(this.admin, withJson(put("/api/v1/economy/price-indices/2023"), Map.of("index", 300))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("index"));
		this.mvc.perform(bearer(this.admin, withJson(put("/api/v1/economy/price-indices/2023"), Map.of())))
			.andExpect(status().isBadRequest());
		// nothing of it was stored
		this.mvc.perform(bearer(this.admin, get(targets))).andExpect(jsonPath("$").isEmpty());
		String leader = this.api.createUser(this.admin, unique("lead-"), List.of("LEADER"), List.of(this.zone), null);
		this.mvc
			.perform(bearer(this.api.token(leader, STRONG_PASSWORD),
					withJson(put(targets), Map.of("tax", Map.of("amount", 5)))))
			.andExpect(status().isForbidden());
	}

	// ---- the month's workbook

	static byte[] workbook(List<List<Object>> rows) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("month");
		for (int c = 0; c < 18; c++) {
			sheet.value(0, c, "h" + c);
		}
		for (int r = 0; r < rows.size(); r++) {
			List<Object> row = rows.get(r);
			for (int c = 0; c < row.size(); c++) {
				Object v = row.get(c);
				if (v instanceof Number n) {
					sheet.value(r + 1, c, n);
				}
				else if (v != null) {
					sheet.value(r + 1, c, v.toString());
				}
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	ResultActions importMonth(String month, byte[] file) throws Exception {
		return this.mvc.perform(bearer(this.admin,
				multipart("/api/v1/economy/imports?month=" + month).file(new MockMultipartFile("file", "month.xlsx",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))));
	}

	@Test
	void anImportStoresAllRowsOrNone() throws Exception {
		String e1 = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		String e2 = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		this.mvc
			.perform(bearer(this.admin, get("/api/v1/economy/imports/template?month=2023-05&zone=" + this.zone))
				.accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		byte[] bad = workbook(List.of(List.of(e1, "甲", 100, 25),
				java.util.Arrays.asList(e2, "乙", -4, null, null, null, null, null, null, null, 90),
				List.of("91360727MA35LGHK7X", "丙", 10), List.of(e1, "甲again", 5)));
		importMonth("2023-05", bad).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.row==3)].column").value(hasItem("工业总产值（本月，万元）")))
			.andExpect(jsonPath("$.errors[?(@.row==4)].column").value(hasItem("统一社会信用代码")))
			.andExpect(jsonPath("$.errors[?(@.row==5)].message").value(hasItem("与第 2 行重复。")));
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + e1 + "/monthly/2023-05")))
			.andExpect(jsonPath("$.revision").value(0));
		byte[] good = workbook(
				List.of(List.of(e1, "甲", 100, 25, 98, 5, 3, 2, 40, 10, 90), List.of(e2.toLowerCase(), "乙", "1,200.5")));
		importMonth("2023-05", good).andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(2));
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + e1 + "/monthly/2023-05")))
			.andExpect(jsonPath("$.values.output").value(100.00))
			.andExpect(jsonPath("$.values.employees").value(40.00))
			.andExpect(jsonPath("$.priorYear.output").value(90.00));
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + e2 + "/monthly/2023-05")))
			.andExpect(jsonPath("$.values.output").value(1200.50));
		// importing again corrects, keeping a revision
		importMonth("2023-05", good).andExpect(status().isOk());
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + e1 + "/monthly/2023-05")))
			.andExpect(jsonPath("$.revision").value(2))
			.andExpect(jsonPath("$.revisions[0].reason").value("批量导入更正"));
		importMonth("2023-05", "not a workbook".getBytes()).andExpect(status().isBadRequest());
	}

	// ---- the work report's section

	@Test
	void theReportSectionWritesTheFiguresProblemsAndPlans() throws Exception {
		example();
		this.mvc
			.perform(bearer(this.admin,
					withJson(put("/api/v1/zones/" + this.zone + "/targets/2023").header("If-Match", "\"0\""),
							Map.of("output", Map.of("growthPct", 50.0), "tax", Map.of("amount", 1000)))))
			.andExpect(status().isOk());
		ReportSectionContributor economy = this.contributors.stream()
			.filter((c) -> c.order() == 20)
			.findFirst()
			.orElseThrow();
		ReportSection section = economy
			.contribute(new ReportScope(this.zone, "测试园区", new ReportPeriod(ReportPeriod.Kind.MONTHS, 2023, 4),
					YearMonth.of(2023, 4), LocalDate.of(2023, 5, 31)))
			.orElseThrow();
		assertThat(section.key()).isEqualTo("economy");
		assertThat(section.title()).isEqualTo("经济运行情况");
		assertThat(section.paragraphs().get(0)).startsWith("1-4月份，园区")
			.contains("完成工业总产值{{economy.output.current}}，同比{{economy.output.growth}}")
			.contains("新增规上工业企业{{economy.newAboveScale}}（退规1家，净增0家）");
		Map<String, ReportFigure> figures = new java.util.HashMap<>();
		section.figures().forEach((f) -> figures.put(f.id(), f));
		assertThat(figures.get("economy.output.current").text()).isEqualTo("1480万元");
		assertThat(figures.get("economy.output.growth").text()).isEqualTo("增长42.3%");
		assertThat(figures.get("economy.output.growth").source()).containsEntry("enterpriseCount", 3);
		assertThat(figures.get("economy.tax.progress").text()).isEqualTo("12.00%");
		// 数出有源: the enterprises behind the figure by name, with values and share of the
		// change
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> records = (List<Map<String, Object>>) figures.get("economy.output.current")
			.source()
			.get("records");
		assertThat(records).hasSize(3)
			.allSatisfy((r) -> assertThat(r).containsKeys("name", "creditCode", "current", "base", "change",
					"contributionPct"));
		assertThat(records.get(0).get("contributionPct").toString()).isNotEmpty();
		assertThat(figures.get("economy.output.current").source()).containsEntry("unit", "万元")
			.doesNotContainKey("enterprises");
		assertThat(String.join("", section.problems())).contains("工业总产值增速低于年度目标")
			.contains("{{economy.output.problem}}")
			.contains("税金总额完成进度滞后");
		assertThat(figures.get("economy.output.problem").text()).isEqualTo("7.7个百分点");
		assertThat(figures.get("economy.tax.problem").text()).isEqualTo("21.3个百分点");
		assertThat(String.join("", section.plans())).contains("工业总产值增长50%").contains("税金总额1000万元").contains("需完成880万元");
		// every marker in the texts has its figure
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{([^}]+)}}")
			.matcher(String.join("", section.paragraphs()) + String.join("", section.problems()));
		while (m.find()) {
			assertThat(figures).containsKey(m.group(1));
		}
		// a zone without figures has no section
		String empty = this.api.createZone(this.admin, unique("eco-empty-"), "east");
		assertThat(economy.contribute(new ReportScope(empty, "空园区",
				new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, 2023, null), null, LocalDate.of(2023, 6, 30))))
			.isEmpty();
	}

	// ---- a month still being reported (issue 9 §2) and rounding once (§3)

	@Test
	void aMonthStillBeingReportedComparesLikeWithLike() throws Exception {
		// domain.md §3: four enterprises each made 100 a month last year; this year all
		// four reported 110 for Jan–Mar and three of them April
		List<String> four = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String e = this.data.enterprise(this.zone, "east", "C39", "2021-01");
			this.data.months(e, 2022, 1, 4, figures("output", 100), null);
			this.data.months(e, 2023, 1, (i < 3) ? 4 : 3, figures("output", 110), null);
			four.add(e);
		}
		summary(this.admin, "&year=2023&month=4").andExpect(status().isOk())
			.andExpect(jsonPath("$.indicators[0].code").value("output"))
			.andExpect(jsonPath("$.indicators[0].current").value(1650.00))
			// not 1600: the fourth enterprise's April 2022 waits for its April 2023
			.andExpect(jsonPath("$.indicators[0].base").value(1500.00))
			.andExpect(jsonPath("$.indicators[0].growthPct").value(10.00))
			.andExpect(jsonPath("$.reporting.expected").value(4))
			.andExpect(jsonPath("$.reporting.reported").value(3))
			.andExpect(jsonPath("$.reporting.pct").value(75.00))
			.andExpect(jsonPath("$.preliminary").value(true));
		// March is complete
		summary(this.admin, "&year=2023&month=3").andExpect(jsonPath("$.indicators[0].base").value(1200.00))
			.andExpect(jsonPath("$.reporting.reported").value(4))
			.andExpect(jsonPath("$.preliminary").value(false));
		// the trend's growth of April is like for like too
		this.mvc
			.perform(bearer(this.admin, get("/api/v1/economy/trend?zone=" + this.zone + "&year=2023&indicator=output")))
			.andExpect(jsonPath("$[3].cumulative").value(1650.00))
			.andExpect(jsonPath("$[3].growthPct").value(10.00));
		// the default month is the latest one that 90 % of the set reported
		this.mvc.perform(bearer(this.admin, get("/api/v1/economy/latest-month?zone=" + this.zone)))
			.andExpect(jsonPath("$.month").value("2023-04"))
			.andExpect(jsonPath("$.defaultMonth").value("2023-03"));
		assertThat(this.statistics.defaultMonthForReport(this.zone)).contains(YearMonth.of(2023, 3));
		// the report writes the preliminary figures as such when asked for April
		ReportSection section = economySection()
			.contribute(new ReportScope(this.zone, "测试园区", new ReportPeriod(ReportPeriod.Kind.MONTHS, 2023, 4),
					YearMonth.of(2023, 4), LocalDate.of(2023, 5, 31)))
			.orElseThrow();
		assertThat(section.paragraphs().get(0)).startsWith("1-4月份（初步数据：已报 3 / 4 家");
		// once the fourth reports April, the month is complete
		this.data.months(four.get(3), 2023, 4, 4, figures("output", 110), null);
		summary(this.admin, "&year=2023&month=4").andExpect(jsonPath("$.indicators[0].base").value(1600.00))
			.andExpect(jsonPath("$.preliminary").value(false));
	}

	@Test
	void aSetMemberMissingThisYearsMonthAddsNothingToTheBase() throws Exception {
		String reported = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		String silent = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		this.data.months(reported, 2022, 1, 1, figures("output", 100), null);
		this.data.months(silent, 2022, 1, 1, figures("output", 500), null);
		this.data.months(reported, 2023, 1, 1, figures("output", 120), null);
		summary(this.admin, "&year=2023&month=1").andExpect(jsonPath("$.indicators[0].current").value(120.00))
			.andExpect(jsonPath("$.indicators[0].base").value(100.00))
			.andExpect(jsonPath("$.indicators[0].growthPct").value(20.00))
			.andExpect(jsonPath("$.reporting.pct").value(50.00));
	}

	@Test
	void aFigureIsRoundedOnceWhereItIsShown() throws Exception {
		// growth of exactly 16.449 %: 16.45 in the API, "增长16.4%" in the report (never
		// 16.45 rounded again to 16.5)
		String e = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		this.data.months(e, 2022, 1, 1, figures("output", 1000), null);
		this.data.months(e, 2023, 1, 1, figures("output", 1164.49), null);
		summary(this.admin, "&year=2023&month=1").andExpect(jsonPath("$.indicators[0].growthPct").value(16.45));
		ReportSection section = economySection()
			.contribute(new ReportScope(this.zone, "测试园区", new ReportPeriod(ReportPeriod.Kind.MONTHS, 2023, 1),
					YearMonth.of(2023, 1), LocalDate.of(2023, 2, 28)))
			.orElseThrow();
		ReportFigure growth = section.figures()
			.stream()
			.filter((f) -> f.id().equals("economy.output.growth"))
			.findFirst()
			.orElseThrow();
		assertThat(growth.text()).isEqualTo("增长16.4%");
		assertThat(growth.source().get("growthPct")).isEqualTo(new java.math.BigDecimal("16.45"));
	}

	@Test
	void remindersWaitForTheMonthToEndAndFiguresForItToBegin() throws Exception {
		YearMonth now = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
		this.mvc
			.perform(bearer(this.admin,
					post("/api/v1/economy/completeness/reminders?zone=" + this.zone + "&month=" + now)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		this.mvc
			.perform(bearer(this.admin,
					post("/api/v1/economy/completeness/reminders?zone=" + this.zone + "&month=2031-01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		String e = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		this.data.putMonth(this.admin, e, now.plusMonths(1).toString(), figures("output", 1), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
	}

	ReportSectionContributor economySection() {
		return this.contributors.stream().filter((c) -> c.order() == 20).findFirst().orElseThrow();
	}

	@Test
	void twentySimultaneousCorrectionsOfOneMonthAreAllKeptInOrder() throws Exception {
		String e = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		this.data.putMonth(this.admin, e, "2023-05", figures("output", 100), null).andExpect(status().isOk());
		int writers = 20;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Map<String, Object>>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < writers; i++) {
			int value = 1000 + i;
			answers.add(pool.submit(() -> {
				start.await();
				Map<String, Object> body = Map.of("values", Map.of("output", value), "reason", "更正" + value);
				String answer = this.mvc
					.perform(bearer(this.admin, withJson(put("/api/v1/enterprises/" + e + "/monthly/2023-05"), body)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				Map<String, Object> view = this.json.readValue(answer, Map.class);
				view.put("written", value);
				return view;
			}));
		}
		start.countDown();
		java.util.Set<Integer> revisions = new java.util.TreeSet<>();
		for (java.util.concurrent.Future<Map<String, Object>> f : answers) {
			Map<String, Object> view = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
			// the answer is what this writer stored
			assertThat(((Number) ((Map<?, ?>) view.get("values")).get("output")).intValue())
				.isEqualTo(view.get("written"));
			revisions.add((Integer) view.get("revision"));
		}
		pool.shutdown();
		// unique and gap-free: 2…21 after the first report
		assertThat(revisions).hasSize(writers).first().isEqualTo(2);
		assertThat(revisions).last().isEqualTo(writers + 1);
		String stored = this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + e + "/monthly/2023-05")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> month = this.json.readValue(stored, Map.class);
		assertThat(month.get("revision")).isEqualTo(writers + 1);
		List<Map<String, Object>> kept = (List<Map<String, Object>>) month.get("revisions");
		// every earlier write is in the history, each revision once
		assertThat(kept).extracting((r) -> r.get("revision"))
			.containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, writers).boxed().toList());
		java.util.Set<Integer> values = new java.util.HashSet<>();
		kept.forEach((r) -> values.add(((Number) ((Map<?, ?>) r.get("values")).get("output")).intValue()));
		values.add(((Number) ((Map<?, ?>) month.get("values")).get("output")).intValue());
		for (int i = 0; i < writers; i++) {
			assertThat(values).contains(1000 + i);
		}
	}

	@Test
	void templateRowsLeftBlankAreSkipped() throws Exception {
		String reported = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		String notYet = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		// the template lists every enterprise of the set; one was filled in, one left
		// blank
		byte[] file = workbook(List.of(List.of(reported, "甲", 100), List.of(notYet, "乙")));
		importMonth("2023-05", file).andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(1));
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + notYet + "/monthly/2023-05")))
			.andExpect(jsonPath("$.revision").value(0));
		// a workbook of blank rows only holds nothing to import
		importMonth("2023-05", workbook(List.of(List.of(notYet, "乙")))).andExpect(status().isBadRequest());
	}

}
