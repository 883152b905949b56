package io.parkops.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.enterprise.CreditCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.read;
import static io.parkops.TestApi.withJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report API as the acceptance suites call it: generating from the work lines'
 * sections, the contract's shape, figures, editing, plans, regenerating, finalising,
 * versions, permissions, data scope and bad input.
 */
@ParkOpsTest
class ReportApiTests {

	@Autowired
	MockMvc mvc;

	TestApi api;

	String admin;

	String zone;

	String leader;

	String staff;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, TestApi.unique("rpt"), "east");
		TestWorkLines.register(this.zone, new TestWorkLines.Data(new BigDecimal("557100"), new BigDecimal("484000"),
				new BigDecimal("20"), 63, 50, 4, YearMonth.of(2024, 5), 9));
		this.leader = token(List.of("LEADER"), this.zone);
		this.staff = token(List.of("ECONOMY_STAFF"), this.zone);
	}

	String token(List<String> roles, String zoneCode) throws Exception {
		String user = this.api.createUser(this.admin, TestApi.unique("u-"), roles,
				(zoneCode != null) ? List.of(zoneCode) : List.of(), null);
		return this.api.token(user, TestApi.STRONG_PASSWORD);
	}

	Map<String, Object> halfYear() {
		Map<String, Object> body = new HashMap<>();
		body.put("zoneCode", this.zone);
		body.put("kind", "HALF_YEAR");
		body.put("year", 2024);
		body.put("asOf", "2024-06-30");
		return body;
	}

	MvcResult generate(String token, Map<String, Object> body) throws Exception {
		return this.api.postJson(token, "/api/v1/reports", body).andExpect(status().isCreated()).andReturn();
	}

	long id(MvcResult result) throws Exception {
		return ((Number) read(result, "$.id")).longValue();
	}

	@Test
	void generatesTheHalfYearDraftInTheContractShape() throws Exception {
		MvcResult created = generate(this.staff, halfYear());
		long id = id(created);
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/reports/" + id);
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.title").value("Zone " + this.zone + "2024年上半年工作总结和下半年工作打算"))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.dataMonth").value(5))
			.andExpect(jsonPath("$.asOf").value("2024-06-30"))
			.andExpect(jsonPath("$.sections[*].key").value(org.hamcrest.Matchers.contains("work.testparty",
					"work.testecon", "work.testsafety", "problems", "plans")))
			.andExpect(jsonPath("$.sections[*].title")
				.value(org.hamcrest.Matchers.contains("（一）党的建设情况", "（二）经济运行情况", "（三）安全环保情况", "二、存在的问题", "三、下半年工作打算")))
			.andExpect(jsonPath("$.sections[1].paragraphs[0]").value("1-5月份，园区规模以上工业企业完成工业产值55.71亿元，同比增长15.1%。"))
			.andExpect(jsonPath("$.sections[2].paragraphs[0]")
				.value("会同第三方开展安全生产日常巡查检查，累计发现安全隐患63个，目前已整改到位50个，整改完成率79.37%。"))
			.andExpect(jsonPath("$.sections[3].paragraphs")
				.value(org.hamcrest.Matchers.contains("一是工业产值增速低于年度目标4.9个百分点，追赶压力较大。", "二是仍有4个隐患逾期未整改。")))
			.andExpect(jsonPath("$.sections[4].paragraphs[0]").value("一是紧盯工业产值年度目标，加快推动重点企业扩产增效。"))
			.andExpect(jsonPath("$.opening[0]").value(containsString("统筹推进党的建设、经济运行、安全环保等工作")));
	}

	@Test
	void everyFigureIsTraceableAndNoMarkerIsLeft() throws Exception {
		long id = id(generate(this.staff, halfYear()));
		String report = this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(report).doesNotContain("{{").doesNotContain("}}");
		MvcResult figures = this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id + "/figures")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.containsInAnyOrder("testparty.branches",
					"testecon.output", "testecon.output.growth", "testsafety.found", "testsafety.accepted",
					"testsafety.rate", "testecon.output.gap", "testsafety.overdue")))
			.andExpect(jsonPath("$[?(@.id == 'testecon.output')].text").value(hasItem("55.71亿元")))
			.andExpect(jsonPath("$[?(@.id == 'testecon.output')].section").value(hasItem("work.testecon")))
			.andExpect(jsonPath("$[?(@.id == 'testecon.output')].source.records.length()").value(hasItem(3)))
			.andExpect(jsonPath("$[?(@.id == 'testsafety.rate')].text").value(hasItem("79.37%")))
			.andExpect(jsonPath("$[?(@.id == 'testsafety.overdue')].section").value(hasItem("problems")))
			.andReturn();
		// each figure's text is in its section
		List<Map<String, Object>> list = read(figures, "$");
		for (Map<String, Object> f : list) {
			List<String> paragraphs = read(
					this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id))).andReturn(),
					"$.sections[?(@.key == '" + f.get("section") + "')].paragraphs[*]");
			assertThat(String.join("", paragraphs)).as(f.get("id").toString()).contains(f.get("text").toString());
			assertThat(f.get("explanation").toString()).isNotBlank();
		}
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id + "/figures/testecon.output.growth")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value("15.1%"))
			.andExpect(jsonPath("$.source.formula").value("(本期 ÷ 上年同期 − 1) × 100"));
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id + "/figures/testecon.unused")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aReportAskedForInEnglishIsWrittenInChinese() throws Exception {
		// the names the work lines look up (industries) follow the request's language
		// elsewhere; a work report is a Chinese document whoever asks for it
		this.mvc
			.perform(bearer(this.staff, withJson(post("/api/v1/reports"), halfYear())).header("Accept-Language", "en"))
			.andExpect(status().isCreated());
		assertThat(TestWorkLines.LANGUAGE.get(this.zone)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		this.mvc.perform(bearer(this.staff, get("/api/v1/enterprises/industries")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Manufacturing")));
	}

	@Test
	void titlesAndDataMonthsFollowTheKind() throws Exception {
		Map<String, Object> annual = halfYear();
		annual.put("kind", "ANNUAL");
		annual.put("asOf", "2024-12-31");
		this.api.postJson(this.staff, "/api/v1/reports", annual)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").value("Zone " + this.zone + "2024年度工作总结及2025年工作计划"))
			.andExpect(jsonPath("$.dataMonth").value(5))
			.andExpect(jsonPath("$.sections[-1].title").value("三、2025年工作计划"));
		Map<String, Object> months = halfYear();
		months.put("kind", "MONTHS");
		months.put("month", 3);
		this.api.postJson(this.staff, "/api/v1/reports", months)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").value("Zone " + this.zone + "2024年1-3月工作总结"))
			// the latest month with data (May) is after the period: its last month counts
			.andExpect(jsonPath("$.dataMonth").value(3))
			.andExpect(jsonPath("$.sections[1].paragraphs[0]").value(containsString("1-3月份")));
		Map<String, Object> quarter = halfYear();
		quarter.put("kind", "QUARTER");
		quarter.put("month", 6);
		quarter.put("dataMonth", 4);
		this.api.postJson(this.staff, "/api/v1/reports", quarter)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").value("Zone " + this.zone + "2024年第二季度工作总结"))
			.andExpect(jsonPath("$.month").value(6))
			.andExpect(jsonPath("$.dataMonth").value(4));
	}

	@Test
	void aZoneWithoutDataGetsTheSkeletonWithSentencesSayingSo() throws Exception {
		String empty = this.api.createZone(this.admin, TestApi.unique("rpe"), "east");
		String token = token(List.of("LEADER"), empty);
		Map<String, Object> body = halfYear();
		body.put("zoneCode", empty);
		body.remove("asOf");
		this.api.postJson(token, "/api/v1/reports", body)
			.andExpect(status().isCreated())
			// no work line knows the zone: the period's last month; the period is over,
			// so
			// events are counted as of its last day (domain.md §9)
			.andExpect(jsonPath("$.dataMonth").value(6))
			.andExpect(jsonPath("$.asOf").value("2024-06-30"))
			.andExpect(jsonPath("$.sections[*].key").value(org.hamcrest.Matchers.contains("problems", "plans")))
			.andExpect(jsonPath("$.opening[0]").value(containsString("尚无可汇总的统计数据")));
	}

	@Test
	void editsKeepTheirFigureMarkersAndUnknownMarkersAreRefused() throws Exception {
		long id = id(generate(this.staff, halfYear()));
		this.mvc
			.perform(bearer(this.staff, withJson(put("/api/v1/reports/" + id + "/sections/work.testecon"),
					Map.of("paragraphs", List.of("上半年，园区工业产值达{{testecon.output}}，增速{{testecon.output.growth}}，好于预期。"),
							"version", 0))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections[1].paragraphs[0]").value("上半年，园区工业产值达55.71亿元，增速15.1%，好于预期。"))
			.andExpect(jsonPath("$.sections[1].edited").value(true));
		this.mvc
			.perform(bearer(this.staff,
					withJson(put("/api/v1/reports/" + id + "/sections/work.testecon"),
							Map.of("paragraphs", List.of("产值{{economy.nothing}}。"), "version", 1))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("paragraphs"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("{{economy.nothing}}")));
		this.mvc
			.perform(bearer(this.staff,
					withJson(put("/api/v1/reports/" + id + "/sections/work.testecon"),
							Map.of("paragraphs", List.of(" ", ""), "version", 1))))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(bearer(this.staff,
					withJson(put("/api/v1/reports/" + id + "/sections/nowhere"), Map.of("paragraphs", List.of("x")))))
			.andExpect(status().isNotFound());
		// the figures still list only what the texts refer to
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id + "/figures")))
			.andExpect(jsonPath("$[*].id").value(hasItem("testecon.output.growth")));
		this.mvc.perform(bearer(this.staff, delete("/api/v1/reports/" + id + "/sections/work.testecon/edit")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections[1].paragraphs[0]").value(containsString("园区规模以上工业企业完成工业产值55.71亿元")))
			.andExpect(jsonPath("$.sections[1].edited").value(false));
	}

	@Test
	void aSectionEditOrPlanSentWithAnOlderVersionIsRefusedAndChangesNothing() throws Exception {
		long id = id(generate(this.staff, halfYear()));
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id)))
			.andExpect(jsonPath("$.sections[1].version").value(0))
			.andExpect(jsonPath("$.plansVersion").value(0));
		// two people opened the section at version 0; the first one saves
		this.mvc
			.perform(bearer(this.staff,
					withJson(put("/api/v1/reports/" + id + "/sections/work.testecon"),
							Map.of("paragraphs", List.of("甲的修改{{testecon.output}}。"), "version", 0))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections[1].version").value(1));
		// the second one's save is refused: 409 problem+json, the first one's text stays
		this.mvc
			.perform(bearer(this.leader,
					withJson(put("/api/v1/reports/" + id + "/sections/work.testecon"),
							Map.of("paragraphs", List.of("乙的修改。"), "version", 0))))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc
			.perform(bearer(this.leader,
					withJson(put("/api/v1/reports/" + id + "/sections/work.testecon"),
							Map.of("paragraphs", List.of("乙的修改。")))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id)))
			.andExpect(jsonPath("$.sections[1].paragraphs[0]").value("甲的修改55.71亿元。"));
		// plans likewise
		this.api.postJson(this.staff, "/api/v1/reports/" + id + "/plans", Map.of("text", "甲的打算", "version", 0))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.plansVersion").value(1));
		this.api.postJson(this.leader, "/api/v1/reports/" + id + "/plans", Map.of("text", "乙的打算", "version", 0))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id)))
			.andExpect(jsonPath("$.plans[*].text").value(org.hamcrest.Matchers.contains("甲的打算")));
		// a regeneration changes every section under an open editor
		this.api.postJson(this.staff, "/api/v1/reports/" + id + "/regenerate", Map.of()).andExpect(status().isOk());
		this.mvc
			.perform(bearer(this.staff,
					withJson(put("/api/v1/reports/" + id + "/sections/work.testecon"),
							Map.of("paragraphs", List.of("迟到的修改。"), "version", 1))))
			.andExpect(status().isConflict());
	}

	@Test
	void staffPlansFollowTheWorkLinesPlansAndStayAcrossVersions() throws Exception {
		long id = id(generate(this.staff, halfYear()));
		MvcResult added = this.api
			.postJson(this.staff, "/api/v1/reports/" + id + "/plans", Map.of("text", "推进标准厂房三期建设。", "version", 0))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sections[4].paragraphs")
				.value(org.hamcrest.Matchers.contains("一是紧盯工业产值年度目标，加快推动重点企业扩产增效。", "二是推进标准厂房三期建设。")))
			.andReturn();
		int planId = read(added, "$.plans[0].id");
		this.api.postJson(this.staff, "/api/v1/reports/" + id + "/plans", Map.of("text", "  "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		this.api.postJson(this.staff, "/api/v1/reports/" + id + "/regenerate", Map.of())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.sections[4].paragraphs[1]").value("二是推进标准厂房三期建设。"));
		this.mvc.perform(bearer(this.staff, delete("/api/v1/reports/" + id + "/plans/" + planId)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.plans").isEmpty())
			.andExpect(jsonPath("$.sections[4].paragraphs").value(org.hamcrest.Matchers.hasSize(1)));
	}

	@Test
	void regeneratingKeepsManualEditsAndShowsWhatChangedInTheData() throws Exception {
		long id = id(generate(this.staff, halfYear()));
		this.mvc
			.perform(bearer(this.staff,
					withJson(put("/api/v1/reports/" + id + "/sections/work.testsafety"),
							Map.of("paragraphs", List.of("安全生产形势平稳，整改完成率{{testsafety.rate}}。"), "version", 0))))
			.andExpect(status().isOk());
		// the data moves on: more hazards accepted, none overdue, output higher
		TestWorkLines.register(this.zone, new TestWorkLines.Data(new BigDecimal("600000"), new BigDecimal("484000"),
				new BigDecimal("20"), 63, 60, 0, YearMonth.of(2024, 6), 9));
		this.api.postJson(this.staff, "/api/v1/reports/" + id + "/regenerate", Map.of())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.dataMonth").value(6))
			.andExpect(jsonPath("$.sections[2].paragraphs[0]").value("安全生产形势平稳，整改完成率95.24%。"))
			.andExpect(jsonPath("$.sections[2].edited").value(true))
			.andExpect(jsonPath("$.sections[1].paragraphs[0]").value(containsString("60.00亿元，同比增长24.0%")))
			.andExpect(jsonPath("$.sections[3].paragraphs[0]").value(containsString("暂未发现")))
			.andExpect(jsonPath("$.changes.fromVersion").value(1))
			.andExpect(jsonPath("$.changes.figures[?(@.id == 'testsafety.rate')].before").value(hasItem("79.37%")))
			.andExpect(jsonPath("$.changes.figures[?(@.id == 'testsafety.rate')].after").value(hasItem("95.24%")))
			.andExpect(jsonPath("$.changes.figures[?(@.id == 'testsafety.overdue')].after")
				.value(hasItem(org.hamcrest.Matchers.nullValue())))
			.andExpect(jsonPath("$.changes.sections[?(@.key == 'work.testsafety')].change")
				.value(hasItem("EDIT_KEPT_DATA_CHANGED")));
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id + "/versions")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].version").value(org.hamcrest.Matchers.contains(2, 1)))
			.andExpect(jsonPath("$[0].changes.figures").isNotEmpty());
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id + "/versions/1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.sections[1].paragraphs[0]").value(containsString("55.71亿元")));
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id + "/versions/3")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aFinalReportIsReadOnlyAndOnlyLeadersFinalise() throws Exception {
		long id = id(generate(this.staff, halfYear()));
		this.api.postJson(this.staff, "/api/v1/reports/" + id + "/finalize", Map.of())
			.andExpect(status().isForbidden());
		this.api.postJson(this.leader, "/api/v1/reports/" + id + "/finalize", Map.of())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FINAL"));
		this.mvc
			.perform(bearer(this.staff,
					withJson(put("/api/v1/reports/" + id + "/sections/problems"), Map.of("paragraphs", List.of("改了")))))
			.andExpect(status().isConflict());
		this.api.postJson(this.staff, "/api/v1/reports/" + id + "/regenerate", Map.of())
			.andExpect(status().isConflict());
		this.api.postJson(this.staff, "/api/v1/reports/" + id + "/plans", Map.of("text", "再加一条"))
			.andExpect(status().isConflict());
		this.api.postJson(this.leader, "/api/v1/reports/" + id + "/finalize", Map.of())
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/" + id)))
			.andExpect(jsonPath("$.status").value("FINAL"))
			.andExpect(jsonPath("$.sections[4].paragraphs[0]").value(not(containsString("改了"))));
	}

	@Test
	void everyChangeIsAudited() throws Exception {
		long id = id(generate(this.staff, halfYear()));
		this.api.postJson(this.staff, "/api/v1/reports/" + id + "/plans", Map.of("text", "推进园区道路建设。", "version", 0))
			.andExpect(status().isCreated());
		this.api.postJson(this.leader, "/api/v1/reports/" + id + "/finalize", Map.of());
		String auditor = this.api.auditorToken(this.admin);
		this.mvc.perform(bearer(auditor, get("/api/v1/audit?entity=report&size=200")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.entityId == '" + id + "')].action")
				.value(org.hamcrest.Matchers.hasItems("report.generate", "report.finalize")))
			.andExpect(jsonPath("$.items[?(@.entityId =~ /" + id + "\\/plans\\/.*/)].action")
				.value(hasItem("report.addPlan")));
	}

	@Test
	void theListShowsTheReportsOfTheCallersZones() throws Exception {
		long id = id(generate(this.staff, halfYear()));
		this.mvc.perform(bearer(this.leader, get("/api/v1/reports?zone=" + this.zone + "&kind=HALF_YEAR&year=2024")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id))
			.andExpect(jsonPath("$.items[0].status").value("DRAFT"));
		this.mvc.perform(bearer(this.leader, get("/api/v1/reports?zone=" + this.zone + "&status=FINAL")))
			.andExpect(jsonPath("$.total").value(0));
		String other = token(List.of("LEADER"), this.api.createZone(this.admin, TestApi.unique("rpo"), "east"));
		this.mvc.perform(bearer(other, get("/api/v1/reports")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(not(hasItem((int) id))));
	}

	@Test
	void usersOutsideTheZoneOrWithoutPermissionAreRefused() throws Exception {
		long id = id(generate(this.staff, halfYear()));
		String otherZone = this.api.createZone(this.admin, TestApi.unique("rpx"), "east");
		String outsider = token(List.of("SAFETY_STAFF"), otherZone);
		this.mvc.perform(bearer(outsider, get("/api/v1/reports/" + id))).andExpect(status().isForbidden());
		this.mvc.perform(bearer(outsider, get("/api/v1/reports/" + id + "/figures"))).andExpect(status().isForbidden());
		this.mvc.perform(bearer(outsider, get("/api/v1/reports/" + id + "/docx"))).andExpect(status().isForbidden());
		this.api.postJson(outsider, "/api/v1/reports", halfYear()).andExpect(status().isForbidden());
		this.mvc.perform(bearer(outsider, get("/api/v1/reports?zone=" + this.zone))).andExpect(status().isForbidden());

		String enterprise = enterpriseToken();
		this.mvc.perform(bearer(enterprise, get("/api/v1/reports/" + id))).andExpect(status().isForbidden());
		this.api.postJson(enterprise, "/api/v1/reports", halfYear()).andExpect(status().isForbidden());

		this.mvc.perform(get("/api/v1/reports/" + id)).andExpect(status().isUnauthorized());
		this.mvc.perform(bearer(this.staff, get("/api/v1/reports/987654321"))).andExpect(status().isNotFound());
	}

	String enterpriseToken() throws Exception {
		String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		Random random = new Random();
		StringBuilder sb = new StringBuilder("91360");
		for (int i = 0; i < 12; i++) {
			sb.append(chars.charAt(random.nextInt(chars.length())));
		}
		String code = sb.append(CreditCode.checkCharacter(sb.toString())).toString();
		this.api
			.postJson(this.admin, "/api/v1/enterprises", Map.of("creditCode", code, "name",
					"报告测试企业" + code.substring(12), "zoneCode", this.zone, "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
		String user = this.api.createUser(this.admin, TestApi.unique("ent-"), List.of("ENTERPRISE"), List.of(), code);
		return this.api.token(user, TestApi.STRONG_PASSWORD);
	}

	@Test
	void badInputIsExplainedFieldByFieldAndNothingIsStored() throws Exception {
		long before = ((Number) read(
				this.mvc.perform(bearer(this.leader, get("/api/v1/reports?zone=" + this.zone))).andReturn(), "$.total"))
			.longValue();
		Map<String, Object> body = new HashMap<>();
		body.put("zoneCode", this.zone);
		body.put("kind", "WEEKLY");
		body.put("year", 1999);
		this.api.postJson(this.staff, "/api/v1/reports", body)
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("kind", "year")));
		Map<String, Object> months = halfYear();
		months.put("kind", "MONTHS");
		this.api.postJson(this.staff, "/api/v1/reports", months)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		Map<String, Object> dataMonth = halfYear();
		dataMonth.put("dataMonth", 7);
		this.api.postJson(this.staff, "/api/v1/reports", dataMonth)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dataMonth"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("6")));
		Map<String, Object> asOf = halfYear();
		asOf.put("asOf", "30.06.2024");
		this.api.postJson(this.staff, "/api/v1/reports", asOf)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("asOf"));
		asOf.put("asOf", "2023-12-31");
		this.api.postJson(this.staff, "/api/v1/reports", asOf)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("asOf"));
		Map<String, Object> future = halfYear();
		future.put("year", java.time.LocalDate.now().getYear() + 1);
		this.api.postJson(this.staff, "/api/v1/reports", future)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"));
		Map<String, Object> noZone = halfYear();
		noZone.remove("zoneCode");
		this.api.postJson(this.staff, "/api/v1/reports", noZone)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("zoneCode"));
		this.mvc.perform(bearer(this.staff, post("/api/v1/reports").contentType("application/json").content("{oops")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(bearer(this.leader, get("/api/v1/reports?zone=" + this.zone)))
			.andExpect(jsonPath("$.total").value((int) before));
	}

}
