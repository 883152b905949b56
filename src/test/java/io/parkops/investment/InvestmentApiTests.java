package io.parkops.investment;

import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.investment.InvestmentFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The investment API contract: leads and their stages, trips and receptions, the review
 * gate with the leader's override, signing, the project lifecycle (every allowed and
 * refused step), funds, back-scheduling, buildings, problems, targets and the summary,
 * with permissions.
 */
@ParkOpsTest
class InvestmentApiTests {

	@Autowired
	MockMvc mvc;

	InvestmentFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new InvestmentFixture(this.mvc);
	}

	@Test
	void leadsMoveOnlyForwardOrAreDropped() throws Exception {
		this.f.post(this.f.staff, "/api/v1/investment/leads", this.f.lead("新能源电池项目", 50000))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.stage").value("NEW"))
			.andExpect(jsonPath("$.id").isNumber());
		long lead = this.f.createLead("精密模具项目", 8000);
		String path = "/api/v1/investment/leads/" + lead + "/stage";
		this.f.post(this.f.staff, path, Map.of("stage", "CONTACTED", "on", "2024-03-01", "note", "电话接洽"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("CONTACTED"));
		this.f.post(this.f.staff, path, Map.of("stage", "NEGOTIATING", "on", "2024-03-05"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("NEGOTIATING"));
		// backwards and the same stage are refused
		this.f.post(this.f.staff, path, Map.of("stage", "VISITED", "on", "2024-03-06"))
			.andExpect(status().isConflict());
		this.f.post(this.f.staff, path, Map.of("stage", "NEGOTIATING", "on", "2024-03-06"))
			.andExpect(status().isConflict());
		// NEW and SIGNED are no steps; dropping needs its reason
		this.f.post(this.f.staff, path, Map.of("stage", "SIGNED", "on", "2024-03-06"))
			.andExpect(status().isBadRequest());
		this.f.post(this.f.staff, path, Map.of("stage", "DROPPED", "on", "2024-03-06"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		this.f.post(this.f.staff, path, Map.of("stage", "DROPPED", "on", "2024-03-06", "note", "投资方资金链断裂"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("DROPPED"))
			.andExpect(jsonPath("$.droppedReason").value("投资方资金链断裂"));
		this.f.post(this.f.staff, path, Map.of("stage", "NEGOTIATING", "on", "2024-03-07"))
			.andExpect(status().isConflict());
		this.f.get(this.f.staff, "/api/v1/investment/leads/" + lead + "/steps")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(4)));
	}

	@Test
	void leadInputIsCheckedAndScoped() throws Exception {
		Map<String, Object> bad = new java.util.LinkedHashMap<>(this.f.lead("项目", 100));
		bad.put("source", "FRIEND");
		bad.put("industryCode", "XYZ");
		this.f.post(this.f.staff, "/api/v1/investment/leads", bad)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("source", "industryCode")));
		// another zone's staff, safety staff and an enterprise user may not
		this.f.post(this.f.otherStaff, "/api/v1/investment/leads", this.f.lead("项目", 100))
			.andExpect(status().isForbidden());
		this.f.post(this.f.safety, "/api/v1/investment/leads", this.f.lead("项目", 100))
			.andExpect(status().isForbidden());
		this.f.post(this.f.entUser1, "/api/v1/investment/leads", this.f.lead("项目", 100))
			.andExpect(status().isForbidden());
		long lead = this.f.createLead("显示面板项目", 20000);
		this.f.get(this.f.otherStaff, "/api/v1/investment/leads/" + lead).andExpect(status().isForbidden());
		this.f.get(this.f.leader, "/api/v1/investment/leads/" + lead)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.major").value(true));
		this.f.post(this.f.leader, "/api/v1/investment/leads/" + lead + "/stage", Map.of("stage", "CONTACTED"))
			.andExpect(status().isForbidden());
		this.f.get(this.f.leader, "/api/v1/investment/leads?zone=" + this.f.zone + "&q=显示面板&stage=NEW")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(lead));
		this.f.get(this.f.leader, "/api/v1/investment/leads?zone=" + this.f.zone + "&overdue=true")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		this.f.get(this.f.otherStaff, "/api/v1/investment/leads?zone=" + this.f.zone).andExpect(status().isForbidden());
	}

	@Test
	void tripsAndReceptionsNameTheirLeads() throws Exception {
		long lead = this.f.createLead("智能装备项目", 30000);
		this.f
			.post(this.f.staff, "/api/v1/investment/trips",
					Map.of("zoneCode", this.f.zone, "date", "2024-04-02", "destination", "深圳", "people",
							List.of("张招商", "李主任"), "leadIds", List.of(lead)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.leadIds[0]").value(lead))
			.andExpect(jsonPath("$.people", hasSize(2)));
		this.f
			.post(this.f.staff, "/api/v1/investment/receptions", Map.of("zoneCode", this.f.zone, "date", "2024-04-03",
					"visitors", "苏州某某科技考察团", "leadIds", List.of(lead)))
			.andExpect(status().isCreated());
		long otherLead = id(this.f
			.post(this.f.otherStaff, "/api/v1/investment/leads", Map.of("zoneCode", this.f.otherZone, "name", "外区项目",
					"investor", "某公司", "source", "OTHER", "responsible", "王"))
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
		this.f
			.post(this.f.staff, "/api/v1/investment/receptions",
					Map.of("zoneCode", this.f.zone, "date", "2024-04-03", "visitors", "某考察团", "leadIds",
							List.of(otherLead)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("leadIds"));
	}

	@Test
	void aFailedRequiredReviewItemBlocksSigningUntilALeaderOverrides() throws Exception {
		long lead = this.f.createLead("两高嫌疑项目", 60000);
		String review = "/api/v1/investment/leads/" + lead + "/review";
		this.f
			.put(this.f.staff, review, Map.of("items",
					List.of(Map.of("code", "INDUSTRY_FIT", "result", "PASS", "note", "符合主导产业"),
							Map.of("code", "NOT_TWO_HIGH", "result", "FAIL", "note", "能耗偏高", "department", "发改局"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.blocking").value(true))
			.andExpect(jsonPath("$.items", hasSize(6)));
		this.f.put(this.f.staff, review, Map.of("items", List.of(Map.of("code", "NO_SUCH_ITEM", "result", "PASS"))))
			.andExpect(status().isBadRequest());
		Map<String, Object> signing = Map.of("signedOn", "2024-05-06", "projectName", "年产10万吨新材料项目", "contractAmount",
				60000, "totalInvestment", 60000, "fixedAssetInvestment", 50000, "fdiUsd", 0, "outsideProvince", true,
				"manufacturing", true, "enterpriseCreditCode", this.f.ent1);
		String sign = "/api/v1/investment/leads/" + lead + "/signing";
		this.f.post(this.f.staff, sign, signing).andExpect(status().isConflict());
		// staff cannot override; a leader can, with a reason
		this.f.post(this.f.staff, review + "/override", Map.of("reason", "x")).andExpect(status().isForbidden());
		this.f.post(this.f.leader, review + "/override", Map.of()).andExpect(status().isBadRequest());
		this.f.post(this.f.leader, review + "/override", Map.of("reason", "经管委会主任办公会研究，采用节能工艺后同意引进"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.blocking").value(false));
		MvcResult signed = this.f.post(this.f.staff, sign, signing).andExpect(status().isCreated()).andReturn();
		long project = id(signed, "$.projectId");
		this.f.get(this.f.staff, "/api/v1/projects/" + project)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("SIGNED"))
			.andExpect(jsonPath("$.leadId").value(lead))
			.andExpect(jsonPath("$.categories[0]").value("ABOVE_100M"));
		this.f.get(this.f.staff, "/api/v1/investment/leads/" + lead)
			.andExpect(jsonPath("$.stage").value("SIGNED"))
			.andExpect(jsonPath("$.projectId").value(project));
		// signed once only
		this.f.post(this.f.staff, sign, signing).andExpect(status().isConflict());
		// the enterprise's timeline has the signing
		this.f.get(this.f.admin, "/api/v1/enterprises/" + this.f.ent1 + "/file")
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("年产10万吨新材料项目")));
	}

	@Test
	void aPassedReviewLetsTheLeadBeSigned() throws Exception {
		long lead = this.f.createLead("光伏组件项目", 12000);
		this.f
			.put(this.f.staff, "/api/v1/investment/leads/" + lead + "/review",
					Map.of("items", List.of(Map.of("code", "NOT_TWO_HIGH", "result", "NA"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.blocking").value(false));
		this.f
			.post(this.f.staff, "/api/v1/investment/leads/" + lead + "/signing",
					Map.of("signedOn", "2024-05-06", "contractAmount", 12000, "totalInvestment", 12000))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.projectId").isNumber());
	}

	@Test
	void everyAllowedAndRefusedProjectStep() throws Exception {
		long p = this.f.createProject("扩建项目", "SIGNED", "2024-01-10", 20000, this.f.ent1);
		this.f.step(p, "SIGNED", "2024-01-11").andExpect(status().isConflict());
		this.f.step(p, "PREPARING", "2024-01-20")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stage").value("PREPARING"));
		this.f.step(p, "STARTED", "2024-02-02")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.startedOn").value("2024-02-02"));
		this.f.step(p, "PREPARING", "2024-02-03").andExpect(status().isConflict());
		this.f.step(p, "STALLED", "2024-03-01").andExpect(status().isOk());
		// out of 停滞: not before the stage it stopped at
		this.f.step(p, "PREPARING", "2024-03-05").andExpect(status().isConflict());
		this.f.step(p, "STALLED", "2024-03-05").andExpect(status().isConflict());
		this.f.step(p, "STARTED", "2024-03-10")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.startedOn").value("2024-02-02"));
		this.f.step(p, "COMPLETED", "2024-06-01").andExpect(status().isOk());
		this.f.step(p, "STARTED", "2024-06-02").andExpect(status().isConflict());
		this.f.step(p, "IN_PRODUCTION", "2024-07-01").andExpect(status().isOk());
		this.f.step(p, "AT_CAPACITY", "2024-10-01").andExpect(status().isOk());
		this.f.step(p, "IN_PRODUCTION", "2024-10-02").andExpect(status().isConflict());
		this.f.step(p, "CANCELLED", "2024-11-01").andExpect(status().isOk());
		for (String stage : List.of("SIGNED", "STARTED", "STALLED", "AT_CAPACITY", "CANCELLED")) {
			this.f.step(p, stage, "2024-11-02").andExpect(status().isConflict());
		}
		this.f.step(p, "FINISHED", "2024-11-02").andExpect(status().isBadRequest());
		// a planned project goes straight to production: the skipped dates are filled
		long q = this.f.createProject("谋划项目", "PLANNED", null, 5000, null);
		this.f.step(q, "IN_PRODUCTION", "2024-05-01")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.signedOn").value("2024-05-01"))
			.andExpect(jsonPath("$.startedOn").value("2024-05-01"));
		// staff of another zone, leaders and enterprises do not move projects
		long r = this.f.createProject("另一个项目", "SIGNED", "2024-01-10", 20000, this.f.ent1);
		this.f.post(this.f.otherStaff, "/api/v1/projects/" + r + "/stage", Map.of("stage", "STARTED"))
			.andExpect(status().isForbidden());
		this.f.post(this.f.leader, "/api/v1/projects/" + r + "/stage", Map.of("stage", "STARTED"))
			.andExpect(status().isForbidden());
		this.f.post(this.f.entUser1, "/api/v1/projects/" + r + "/stage", Map.of("stage", "STARTED"))
			.andExpect(status().isForbidden());
		this.f.post(this.f.staff, "/api/v1/projects", this.f.project("x", "STARTED", "2024-01-01", 1, null))
			.andExpect(status().isBadRequest());
	}

	@Test
	void fundsScheduleBuildingsAndProblems() throws Exception {
		long p = this.f.createProject("电子信息产业园项目", "SIGNED", "2024-01-10", 150000, this.f.ent1);
		this.f
			.post(this.f.staff, "/api/v1/projects/" + p + "/funds",
					Map.of("on", "2024-02-01", "amount", 5000, "origin", "OUTSIDE_PROVINCE"))
			.andExpect(status().isCreated());
		this.f
			.post(this.f.staff, "/api/v1/projects/" + p + "/funds",
					Map.of("on", "2024-03-01", "amount", 700, "origin", "FOREIGN", "usdAmount", 100))
			.andExpect(status().isCreated());
		this.f
			.post(this.f.staff, "/api/v1/projects/" + p + "/funds",
					Map.of("on", "2024-03-01", "amount", 700, "origin", "FOREIGN"))
			.andExpect(status().isBadRequest());
		this.f.get(this.f.staff, "/api/v1/projects/" + p).andExpect(jsonPath("$.fundsInPlace").value(5700.0));
		this.f.put(this.f.staff, "/api/v1/projects/" + p + "/schedule", Map.of("targetProductionOn", "2026-12-31"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.milestones", hasSize(8)))
			.andExpect(jsonPath("$.milestones[0].code").value("LAND"))
			.andExpect(jsonPath("$.milestones[0].plannedOn").value("2025-07-09"))
			.andExpect(jsonPath("$.milestones[7].plannedOn").value("2026-12-31"));
		this.f.post(this.f.staff, "/api/v1/projects/" + p + "/milestones/LAND/done", Map.of("on", "2024-06-01"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.milestones[0].status").value("DONE"));
		this.f.post(this.f.staff, "/api/v1/projects/" + p + "/milestones/LAND/done", Map.of("on", "2024-06-01"))
			.andExpect(status().isConflict());
		this.f.post(this.f.staff, "/api/v1/projects/" + p + "/milestones/NOPE/done", Map.of("on", "2024-06-01"))
			.andExpect(status().isNotFound());
		String building = org.springframework.web.util.UriUtils.encodePathSegment("1#厂房",
				java.nio.charset.StandardCharsets.UTF_8);
		this.f
			.postUri(this.f.staff, "/api/v1/projects/" + p + "/buildings/" + building + "/progress",
					Map.of("on", "2024-06-01", "phase", "STRUCTURE", "floorsDone", 2, "floorsTotal", 4))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.description").value("1#厂房正在进行三层主体施工（共四层）"));
		this.f
			.postUri(this.f.staff, "/api/v1/projects/" + p + "/buildings/" + building + "/progress",
					Map.of("on", "2024-06-01", "phase", "STRUCTURE", "floorsDone", 5, "floorsTotal", 4))
			.andExpect(status().isBadRequest());
		this.f.get(this.f.entUser1, "/api/v1/projects/" + p + "/buildings")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)));
		// problems: staff and the project's own enterprise raise them; others may not
		String deadline = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
		long problem = id(this.f
			.post(this.f.staff, "/api/v1/projects/" + p + "/problems",
					Map.of("category", "UTILITIES", "description", "施工用电未接入", "department", "供电公司", "deadline",
							deadline))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andReturn(), "$.id");
		this.f
			.post(this.f.entUser1, "/api/v1/projects/" + p + "/problems",
					Map.of("category", "LAND", "description", "红线内有坟墓待迁", "department", "自然资源局", "deadline", deadline))
			.andExpect(status().isCreated());
		this.f
			.post(this.f.entUser2, "/api/v1/projects/" + p + "/problems",
					Map.of("category", "LAND", "description", "x", "department", "y", "deadline", deadline))
			.andExpect(status().isForbidden());
		this.f.get(this.f.entUser2, "/api/v1/projects/" + p).andExpect(status().isForbidden());
		this.f.get(this.f.entUser1, "/api/v1/projects/" + p + "/problems")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)));
		this.f
			.post(this.f.entUser1, "/api/v1/projects/problems/" + problem + "/closure",
					Map.of("closedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
							"result", "已通电"))
			.andExpect(status().isForbidden());
		this.f
			.post(this.f.staff, "/api/v1/projects/problems/" + problem + "/closure",
					Map.of("closedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
							"result", "已接入临时用电"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"));
		this.f
			.post(this.f.staff, "/api/v1/projects/problems/" + problem + "/closure",
					Map.of("closedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
							"result", "再次"))
			.andExpect(status().isConflict());
		// the enterprise user's list holds only its own projects
		this.f.createProject("二号企业项目", "SIGNED", "2024-01-10", 100, this.f.ent2);
		this.f.get(this.f.entUser1, "/api/v1/projects?zone=" + this.f.zone)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void summaryCountsByTheDatesOfTheStageChanges() throws Exception {
		String z = this.f.zone;
		this.f
			.put(this.f.staff, "/api/v1/zones/" + z + "/investment-targets/2023",
					Map.of("signed_100m", Map.of("count", 6), "started_100m", Map.of("count", 4), "in_production_mfg",
							Map.of("count", 2), "outside_funds", Map.of("amount", 10000), "fdi_usd",
							Map.of("amount", 200), "contract_amount", Map.of("amount", 100000)))
			.andExpect(status().isOk());
		this.f
			.put(this.f.staff, "/api/v1/zones/" + z + "/investment-targets/2023", Map.of("output", Map.of("count", 6)))
			.andExpect(status().isBadRequest());
		this.f
			.put(this.f.otherStaff, "/api/v1/zones/" + z + "/investment-targets/2023",
					Map.of("signed_100m", Map.of("count", 6)))
			.andExpect(status().isForbidden());
		long a = this.f.createProject("A 亿元以上制造业", "SIGNED", "2023-02-01", 20000, this.f.ent1);
		long b = this.f.createProject("B 十亿元以上", "SIGNED", "2023-03-01", 120000, null);
		long c = this.f.createProject("C 亿元以上", "SIGNED", "2023-04-01", 10000, null);
		this.f.createProject("D 小项目", "SIGNED", "2023-05-01", 5000, null);
		this.f.createProject("E 六月签约", "SIGNED", "2023-06-01", 30000, null);
		this.f.step(a, "STARTED", "2023-03-10").andExpect(status().isOk());
		this.f.step(a, "IN_PRODUCTION", "2023-05-20").andExpect(status().isOk());
		this.f.step(b, "STARTED", "2023-05-02").andExpect(status().isOk());
		this.f.step(c, "STARTED", "2023-06-02").andExpect(status().isOk());
		this.f.step(c, "CANCELLED", "2023-06-15").andExpect(status().isOk());
		this.f
			.post(this.f.staff, "/api/v1/projects/" + a + "/funds",
					Map.of("on", "2023-04-01", "amount", 4200, "origin", "OUTSIDE_PROVINCE"))
			.andExpect(status().isCreated());
		this.f
			.post(this.f.staff, "/api/v1/projects/" + b + "/funds",
					Map.of("on", "2023-05-01", "amount", 350, "origin", "FOREIGN", "usdAmount", 50))
			.andExpect(status().isCreated());
		this.f
			.post(this.f.staff, "/api/v1/projects/" + b + "/funds",
					Map.of("on", "2023-06-01", "amount", 1000, "origin", "IN_PROVINCE"))
			.andExpect(status().isCreated());
		long lead = this.f.createLead("线索一", 100);
		this.f
			.post(this.f.staff, "/api/v1/investment/trips",
					Map.of("zoneCode", z, "date", "2023-03-02", "destination", "上海", "leadIds", List.of(lead)))
			.andExpect(status().isCreated());
		MvcResult result = this.f
			.get(this.f.leader, "/api/v1/investment/summary?zone=" + z + "&from=2023-01-01&to=2023-05-31")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.zone").value(z))
			.andExpect(jsonPath("$.from").value("2023-01-01"))
			.andExpect(jsonPath("$.to").value("2023-05-31"))
			.andExpect(jsonPath("$.timeProgressPct").value(41.67))
			.andExpect(jsonPath("$.trips").value(1))
			.andExpect(jsonPath("$.receptions").value(0))
			.andExpect(jsonPath("$.signed.count").value(4))
			.andExpect(jsonPath("$.signed.contractAmount").value(155000.0))
			.andExpect(jsonPath("$.signed.above100m").value(3))
			.andExpect(jsonPath("$.signed.above1b").value(1))
			.andExpect(jsonPath("$.started.count").value(2))
			.andExpect(jsonPath("$.started.above100m").value(2))
			.andExpect(jsonPath("$.inProduction.count").value(1))
			.andExpect(jsonPath("$.inProduction.manufacturingAbove20m").value(1))
			.andExpect(jsonPath("$.fundsInPlace.amount").value(4550.0))
			.andExpect(jsonPath("$.fundsInPlace.outsideProvinceAbove100m").value(4200.0))
			.andExpect(jsonPath("$.fundsInPlace.fdiUsd").value(50.0))
			// as of 31 May: all four keep their contract, two started, 4550 of 155000 in
			// place
			.andExpect(jsonPath("$.rates.performancePct").value(100.0))
			.andExpect(jsonPath("$.rates.startPct").value(50.0))
			.andExpect(jsonPath("$.rates.fundsPct").value(2.94))
			.andExpect(jsonPath("$.targets[0].code").value("signed_100m"))
			.andExpect(jsonPath("$.targets[0].current").value(3))
			.andExpect(jsonPath("$.targets[0].target").value(6))
			.andExpect(jsonPath("$.targets[0].progressPct").value(50.0))
			.andExpect(jsonPath("$.targets[0].aheadPoints").value(8.33))
			.andExpect(jsonPath("$.leads.new").isNumber())
			.andExpect(jsonPath("$.projects.green").isNumber())
			.andExpect(jsonPath("$.problems.raised").value(0))
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).contains("\"contractAmount\":155000.00")
			.contains("\"timeProgressPct\":41.67");
		// C, cancelled after May, still kept its contract then; counted as of the year's
		// end it did not
		this.f.get(this.f.leader, "/api/v1/investment/summary?zone=" + z + "&from=2023-01-01&to=2023-12-31")
			.andExpect(jsonPath("$.signed.count").value(5))
			.andExpect(jsonPath("$.rates.performancePct").value(80.0));
		// a period not from 1 January: its own counts, the targets still on the year to
		// date
		this.f.get(this.f.leader, "/api/v1/investment/summary?zone=" + z + "&from=2023-03-01&to=2023-05-31")
			.andExpect(jsonPath("$.signed.count").value(3))
			.andExpect(jsonPath("$.signed.above100m").value(2))
			.andExpect(jsonPath("$.trips").value(1))
			.andExpect(jsonPath("$.leads.active").value(1))
			.andExpect(jsonPath("$.leads.dropped").value(0))
			.andExpect(jsonPath("$.targets.length()").value(6))
			.andExpect(jsonPath("$.targets[0].code").value("signed_100m"))
			.andExpect(jsonPath("$.targets[0].current").value(3))
			.andExpect(jsonPath("$.targets[1].code").value("contract_amount"))
			.andExpect(jsonPath("$.targets[1].target").value(100000.0))
			.andExpect(jsonPath("$.problems.overdue").value(0));
		this.f.get(this.f.otherStaff, "/api/v1/investment/summary?zone=" + z).andExpect(status().isForbidden());
		this.f.get(this.f.entUser1, "/api/v1/investment/summary?zone=" + z).andExpect(status().isForbidden());
		assertThat(TestApi.unique("x")).startsWith("x");
	}

	@Test
	void theSummaryCountsTheLightsTheProjectListShows() throws Exception {
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		// behind by 140 of 540 days (26 %): amber; behind by 440 days: red; the first
		// milestone done early: green; signed ten days ago without a schedule: green;
		// stalled: red
		long amber = started("琥珀项目", today, 400);
		long red = started("红灯项目", today, 100);
		long ahead = started("绿灯项目", today, 600);
		this.f
			.post(this.f.staff, "/api/v1/projects/" + ahead + "/milestones/LAND/done",
					Map.of("on", today.minusDays(1).toString()))
			.andExpect(status().isOk());
		this.f.createProject("新签项目", "SIGNED", today.minusDays(10).toString(), 20000, this.f.ent1);
		long stalled = started("停滞项目", today, 600);
		this.f.step(stalled, "STALLED", today.toString()).andExpect(status().isOk());
		MvcResult list = this.f.get(this.f.staff, "/api/v1/projects?zone=" + this.f.zone + "&size=50")
			.andExpect(status().isOk())
			.andReturn();
		java.util.List<String> lights = TestApi.read(list, "$.items[*].light");
		java.util.List<Number> ids = TestApi.read(list, "$.items[*].id");
		assertThat(lights.get(ids.indexOf((int) amber))).isEqualTo("AMBER");
		assertThat(lights.get(ids.indexOf((int) red))).isEqualTo("RED");
		assertThat(lights.get(ids.indexOf((int) ahead))).isEqualTo("GREEN");
		this.f.get(this.f.leader, "/api/v1/investment/summary?zone=" + this.f.zone)
			.andExpect(jsonPath("$.projects.green").value(java.util.Collections.frequency(lights, "GREEN")))
			.andExpect(jsonPath("$.projects.amber").value(java.util.Collections.frequency(lights, "AMBER")))
			.andExpect(jsonPath("$.projects.red").value(java.util.Collections.frequency(lights, "RED")))
			.andExpect(jsonPath("$.projects.green").value(2))
			.andExpect(jsonPath("$.projects.amber").value(1))
			.andExpect(jsonPath("$.projects.red").value(2));
	}

	/** A project signed 30 days ago, started 20 days ago, to produce in {@code days}. */
	private long started(String name, java.time.LocalDate today, int days) throws Exception {
		long p = this.f.createProject(name, "SIGNED", today.minusDays(30).toString(), 20000, this.f.ent1);
		this.f.step(p, "STARTED", today.minusDays(20).toString()).andExpect(status().isOk());
		this.f
			.put(this.f.staff, "/api/v1/projects/" + p + "/schedule",
					Map.of("targetProductionOn", today.plusDays(days).toString()))
			.andExpect(status().isOk());
		return p;
	}

}
