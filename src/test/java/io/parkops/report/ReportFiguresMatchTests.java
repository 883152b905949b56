package io.parkops.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every figure of the demo zone's half-year report equals what the work lines' own
 * summary endpoints show for the same period and scope: the report only writes the
 * modules' figures, it computes none of its own.
 */
@ParkOpsTest
class ReportFiguresMatchTests {

	static final String DEMO = "yunxi";

	@Autowired
	MockMvc mvc;

	String token;

	int year;

	Map<String, String> figures = new HashMap<>();

	String reportText;

	int dataMonth;

	@BeforeEach
	void generate() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String leader = api.createUser(admin, TestApi.unique("lead-"), List.of("LEADER"), List.of(DEMO), null);
		this.token = api.token(leader, TestApi.STRONG_PASSWORD);
		this.year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		MvcResult report = api
			.postJson(this.token, "/api/v1/reports",
					Map.of("zoneCode", DEMO, "kind", "HALF_YEAR", "year", this.year, "asOf",
							LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()))
			.andExpect(status().isCreated())
			.andReturn();
		long id = ((Number) read(report, "$.id")).longValue();
		this.reportText = report.getResponse().getContentAsString();
		this.dataMonth = read(report, "$.dataMonth");
		MvcResult list = this.mvc.perform(bearer(this.token, get("/api/v1/reports/" + id + "/figures")))
			.andExpect(status().isOk())
			.andReturn();
		List<Map<String, Object>> all = read(list, "$");
		all.forEach((f) -> this.figures.put((String) f.get("id"), (String) f.get("text")));
	}

	@Test
	void economicFiguresEqualTheEconomySummaryOfTheLatestMonthWithData() throws Exception {
		// the data month is the latest month with data within the half-year
		MvcResult latest = this.mvc.perform(bearer(this.token, get("/api/v1/economy/latest-month").param("zone", DEMO)))
			.andExpect(status().isOk())
			.andReturn();
		String month = latest.getResponse().getContentAsString();
		if (month.contains(this.year + "-0")) {
			assertThat(month).contains(String.format("%d-%02d", this.year, this.dataMonth));
		}
		MvcResult summary = this.mvc
			.perform(bearer(this.token,
					get("/api/v1/economy/summary").param("zone", DEMO)
						.param("year", Integer.toString(this.year))
						.param("month", Integer.toString(this.dataMonth))))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(this.figures).containsEntry("economy.enterprises", read(summary, "$.enterpriseCount") + "家");
		for (String code : List.of("output", "value_added", "revenue", "tax")) {
			List<Object> current = read(summary, "$.indicators[?(@.code == '" + code + "')].current");
			List<Object> growth = read(summary, "$.indicators[?(@.code == '" + code + "')].growthPct");
			assertThat(this.figures).as(code)
				.containsEntry("economy." + code + ".current",
						ReportNumbers.amount(new BigDecimal(current.get(0).toString())));
			if (!growth.isEmpty() && growth.get(0) != null) {
				assertThat(this.figures).as(code + " growth")
					.containsEntry("economy." + code + ".growth",
							ReportNumbers.growth(new BigDecimal(growth.get(0).toString())));
			}
		}
		assertThat(this.reportText).contains("完成工业总产值" + this.figures.get("economy.output.current"));
	}

	@Test
	void safetyFiguresEqualTheSafetySummary() throws Exception {
		// the report is asked for events as of today, as the summary endpoint counts them
		MvcResult summary = this.mvc
			.perform(bearer(this.token,
					get("/api/v1/safety/summary").param("zone", DEMO)
						.param("from", this.year + "-01-01")
						.param("to", this.year + "-06-30")))
			.andExpect(status().isOk())
			.andReturn();
		long found = ((Number) read(summary, "$.hazardsFound")).longValue();
		assertThat(found).as("the demo zone has hazards in the first half-year").isPositive();
		assertThat(this.figures).containsEntry("safety.hazards.found", found + "个")
			.containsEntry("safety.hazards.accepted", read(summary, "$.hazardsAccepted") + "个")
			.containsEntry("safety.rate",
					ReportNumbers.rate(new BigDecimal(read(summary, "$.rectificationRatePct").toString())))
			.containsEntry("safety.inspections", read(summary, "$.inspections") + "次")
			.containsEntry("safety.enterprises", read(summary, "$.enterprisesInspected") + "家")
			.containsEntry("safety.notices", read(summary, "$.noticesIssued") + "份")
			.containsEntry("safety.complaints.received", read(summary, "$.complaints.received") + "件")
			.containsEntry("safety.complaints.closed", read(summary, "$.complaints.closed") + "件");
		// and the texts show them
		assertThat(this.reportText).contains("累计发现安全隐患" + found + "个")
			.contains("整改完成率" + this.figures.get("safety.rate"));
	}

}
