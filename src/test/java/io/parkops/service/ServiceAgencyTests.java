package io.parkops.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 代办 (approvals handled on an enterprise's behalf), hires reported by enterprises, each
 * enterprise's service people (首席服务员 kept here, 企业秘书 and 挂点领导 from the registry), the 公示
 * step of ordinary applications, the versioned edits (stale → 409) and the Excel
 * downloads of the lists.
 */
@ParkOpsTest
class ServiceAgencyTests {

	@Autowired
	MockMvc mvc;

	ServiceFixture f;

	@BeforeEach
	void fixture() throws Exception {
		this.f = new ServiceFixture(this.mvc);
	}

	private ResultActions put(String token, String path, Object body) throws Exception {
		return this.f.put(token, path, body);
	}

	private long id(ResultActions r) throws Exception {
		return ((Number) ServiceFixture.read(r.andExpect(status().isCreated()), "$.id")).longValue();
	}

	@Test
	void anAgencyItemIsRecordedCorrectedAndFinishedOnce() throws Exception {
		long request = this.f.raise(this.f.entUser1,
				ServiceFixture.request(this.f.ent1, "PORTAL", "APPROVAL", "2026-03-01"));
		// a request of another enterprise cannot be linked
		this.f
			.post(this.f.staff, "/api/v1/services/agency",
					Map.of("enterpriseCreditCode", this.f.ent2, "item", "施工许可证", "department", "县住建局", "startedOn",
							"2026-03-02", "requestId", request))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("requestId"));
		long id = id(this.f.post(this.f.staff, "/api/v1/services/agency",
				Map.of("enterpriseCreditCode", this.f.ent1, "item", "施工许可证", "department", "县住建局", "handler", "周代办员",
						"startedOn", "2026-03-02", "requestId", request)));
		// no item, no department → 400 naming both
		this.f
			.post(this.f.staff, "/api/v1/services/agency",
					Map.of("enterpriseCreditCode", this.f.ent1, "startedOn", "2026-03-02"))
			.andExpect(status().isBadRequest());
		// an enterprise neither records nor edits; the other enterprise does not see it
		this.f
			.post(this.f.entUser1, "/api/v1/services/agency",
					Map.of("enterpriseCreditCode", this.f.ent1, "item", "x", "department", "y", "startedOn",
							"2026-03-02"))
			.andExpect(status().isForbidden());
		this.f.get(this.f.entUser1, "/api/v1/services/agency/" + id).andExpect(status().isOk());
		this.f.get(this.f.entUser2, "/api/v1/services/agency/" + id).andExpect(status().isForbidden());
		this.f.get(this.f.entUser2, "/api/v1/services/agency")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		this.f.get(this.f.safety, "/api/v1/services/agency").andExpect(status().isForbidden());
		// versioned edit: the version read wins once, the stale one → 409
		put(this.f.staff, "/api/v1/services/agency/" + id,
				Map.of("item", "施工许可证（含图审）", "department", "县住建局", "handler", "周代办员", "startedOn", "2026-03-02",
						"version", 0))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.item").value("施工许可证（含图审）"))
			.andExpect(jsonPath("$.version").value(1));
		put(this.f.staff, "/api/v1/services/agency/" + id,
				Map.of("item", "旧的", "department", "县住建局", "startedOn", "2026-03-02", "version", 0))
			.andExpect(status().isConflict());
		// finished: a result is needed, not before the start, once only
		this.f.post(this.f.staff, "/api/v1/services/agency/" + id + "/finish", Map.of("on", "2026-03-20"))
			.andExpect(status().isBadRequest());
		this.f
			.post(this.f.staff, "/api/v1/services/agency/" + id + "/finish",
					Map.of("on", "2026-03-01", "result", "已取得施工许可证"))
			.andExpect(status().isBadRequest());
		this.f
			.post(this.f.staff, "/api/v1/services/agency/" + id + "/finish",
					Map.of("on", "2026-03-20", "result", "已取得施工许可证"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.finishedOn").value("2026-03-20"))
			.andExpect(jsonPath("$.days").value(18));
		this.f
			.post(this.f.staff, "/api/v1/services/agency/" + id + "/finish", Map.of("on", "2026-03-21", "result", "再次"))
			.andExpect(status().isConflict());
		this.f.get(this.f.staff, "/api/v1/services/agency?open=true&zone=" + this.f.zone)
			.andExpect(jsonPath("$.total").value(0));
		// the summary counts it
		this.f.get(this.f.staff, "/api/v1/services/summary?zone=" + this.f.zone + "&from=2026-01-01&to=2026-12-31")
			.andExpect(jsonPath("$.agency.count").value(1))
			.andExpect(jsonPath("$.agency.finished").value(1))
			.andExpect(jsonPath("$.agency.enterprises").value(1));
	}

	@Test
	void enterprisesReportTheirOwnHiresOncePerMonthAndTheSummaryAddsThem() throws Exception {
		String month = YearMonth.from(LocalDate.now()).minusMonths(1).toString();
		long fair = id(this.f.post(this.f.staff, "/api/v1/services/job-fairs",
				Map.of("zoneCode", this.f.zone, "date", month + "-10", "kind", "SPECIAL", "enterpriseCreditCodes",
						List.of(this.f.ent1), "visitors", 300, "hires", 40)));
		long own = id(this.f.post(this.f.entUser1, "/api/v1/services/hires",
				Map.of("month", month, "hires", 25, "fairId", fair)));
		this.f.get(this.f.entUser1, "/api/v1/services/hires/" + own)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterpriseCreditCode").value(this.f.ent1))
			.andExpect(jsonPath("$.fairId").value(fair));
		// the same month and fair again → 409; another month without a fair is fine
		this.f.post(this.f.entUser1, "/api/v1/services/hires", Map.of("month", month, "hires", 3, "fairId", fair))
			.andExpect(status().isConflict());
		this.f
			.post(this.f.entUser1, "/api/v1/services/hires",
					Map.of("month", YearMonth.parse(month).minusMonths(1).toString(), "hires", 5))
			.andExpect(status().isCreated());
		// not for another enterprise; not a future month; not a negative number
		this.f
			.post(this.f.entUser1, "/api/v1/services/hires",
					Map.of("enterpriseCreditCode", this.f.ent2, "month", month, "hires", 5))
			.andExpect(status().isForbidden());
		this.f
			.post(this.f.entUser1, "/api/v1/services/hires",
					Map.of("month", YearMonth.from(LocalDate.now()).plusMonths(2).toString(), "hires", 5))
			.andExpect(status().isBadRequest());
		this.f.post(this.f.entUser2, "/api/v1/services/hires", Map.of("month", month, "hires", -1))
			.andExpect(status().isBadRequest());
		this.f.get(this.f.entUser2, "/api/v1/services/hires/" + own).andExpect(status().isForbidden());
		// staff report for ent2 (2 enterprises in all)
		this.f
			.post(this.f.staff, "/api/v1/services/hires",
					Map.of("enterpriseCreditCode", this.f.ent2, "month", month, "hires", 10))
			.andExpect(status().isCreated());
		// a versioned correction
		put(this.f.entUser1, "/api/v1/services/hires/" + own, Map.of("hires", 28, "version", 0))
			.andExpect(status().isOk());
		put(this.f.entUser1, "/api/v1/services/hires/" + own, Map.of("hires", 30, "version", 0))
			.andExpect(status().isConflict());
		LocalDate first = YearMonth.parse(month).minusMonths(1).atDay(1);
		this.f
			.get(this.f.staff,
					"/api/v1/services/summary?zone=" + this.f.zone + "&from=" + first.plusDays(3) + "&to="
							+ YearMonth.parse(month).atEndOfMonth())
			.andExpect(jsonPath("$.jobFairs.count").value(1))
			.andExpect(jsonPath("$.jobFairs.hires").value(40))
			.andExpect(jsonPath("$.jobFairs.reportedHires").value(28 + 5 + 10))
			.andExpect(jsonPath("$.jobFairs.reportingEnterprises").value(2));
		this.f.get(this.f.entUser1, "/api/v1/services/hires")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2));
	}

	@Test
	void everyEnterpriseHasItsServicePeople() throws Exception {
		String ent3 = this.f.enterprise("服务测试三号有限公司", Map.of("secretary", "刘秘书", "leader", "赵副主任"));
		this.f.get(this.f.staff, "/api/v1/services/people/" + ent3)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secretary").value("刘秘书"))
			.andExpect(jsonPath("$.leader").value("赵副主任"))
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.visitDue").value(true));
		put(this.f.staff, "/api/v1/services/people/" + ent3,
				Map.of("chiefServer", "钱首席", "chiefPhone", "13800000000", "version", 0))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.chiefServer").value("钱首席"))
			.andExpect(jsonPath("$.version").value(1));
		// a second writer with the version it read (0) → 409
		put(this.f.staff, "/api/v1/services/people/" + ent3, Map.of("chiefServer", "孙首席", "version", 0))
			.andExpect(status().isConflict());
		put(this.f.staff, "/api/v1/services/people/" + ent3,
				Map.of("chiefServer", "孙首席", "chiefPhone", "abc", "version", 1))
			.andExpect(status().isBadRequest());
		// the list: all three, and "missing" leaves out the complete one
		this.f.get(this.f.staff, "/api/v1/services/people?zone=" + this.f.zone).andExpect(jsonPath("$.total").value(3));
		this.f.get(this.f.staff, "/api/v1/services/people?missing=true&zone=" + this.f.zone)
			.andExpect(jsonPath("$.total").value(2));
		this.f.get(this.f.staff, "/api/v1/services/people?q=钱首席&zone=" + this.f.zone)
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].creditCode").value(ent3));
		// leaders read, enterprises and other roles do not; leaders do not edit
		this.f.get(this.f.leader, "/api/v1/services/people?zone=" + this.f.zone).andExpect(status().isOk());
		this.f.get(this.f.entUser1, "/api/v1/services/people").andExpect(status().isForbidden());
		this.f.get(this.f.safety, "/api/v1/services/people?zone=" + this.f.zone).andExpect(status().isForbidden());
		put(this.f.leader, "/api/v1/services/people/" + ent3, Map.of("chiefServer", "x", "version", 1))
			.andExpect(status().isForbidden());
	}

	@Test
	void anApprovedApplicationIsPaidOnlyAfterItsPublicNotice() throws Exception {
		long policy = id(this.f.post(this.f.staff, "/api/v1/services/policies", Map.of("zoneCode", this.f.zone, "title",
				"稳岗补贴", "issuer", "县人社局", "criteria", List.of(Map.of("kind", "MANUAL", "text", "按时足额缴纳社保")))));
		long app = id(this.f.post(this.f.entUser1, "/api/v1/services/policies/" + policy + "/applications",
				Map.of("amount", 30, "appliedOn", "2026-03-01")));
		// no notice before the review
		this.f.post(this.f.staff, "/api/v1/services/applications/" + app + "/publicity", Map.of("from", "2026-03-05"))
			.andExpect(status().isConflict());
		this.f
			.post(this.f.staff, "/api/v1/services/policies/" + policy + "/applications/" + app + "/review",
					Map.of("approved", true, "amount", 25, "on", "2026-03-04"))
			.andExpect(status().isOk());
		// not before the review; the enterprise cannot publish it
		this.f.post(this.f.staff, "/api/v1/services/applications/" + app + "/publicity", Map.of("from", "2026-03-03"))
			.andExpect(status().isBadRequest());
		this.f
			.post(this.f.entUser1, "/api/v1/services/applications/" + app + "/publicity", Map.of("from", "2026-03-05"))
			.andExpect(status().isForbidden());
		this.f
			.post(this.f.staff, "/api/v1/services/policies/" + policy + "/publicity",
					Map.of("from", "2026-03-05", "to", "2026-03-11"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].publicityFrom").value("2026-03-05"))
			.andExpect(jsonPath("$[0].objectionUntil").value("2026-03-11"));
		// once only
		this.f.post(this.f.staff, "/api/v1/services/applications/" + app + "/publicity", Map.of("from", "2026-03-06"))
			.andExpect(status().isConflict());
		// paid only after the notice ends
		this.f.post(this.f.staff, "/api/v1/services/applications/" + app + "/payment", Map.of("on", "2026-03-11"))
			.andExpect(status().isConflict());
		this.f.post(this.f.staff, "/api/v1/services/applications/" + app + "/payment", Map.of("on", "2026-03-12"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.paidAmount").value(25));
	}

	@Test
	void financingIsCorrectedWithTheVersionRead() throws Exception {
		long loan = id(this.f.post(this.f.staff, "/api/v1/services/financing", Map.of("enterpriseCreditCode",
				this.f.ent1, "kind", "BRIDGE", "on", "2026-02-01", "amount", 500, "dueOn", "2026-03-01")));
		put(this.f.staff, "/api/v1/services/financing/" + loan,
				Map.of("amount", 520, "dueOn", "2026-03-15", "fee", 1.2, "version", 0))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amount").value(520))
			.andExpect(jsonPath("$.dueOn").value("2026-03-15"));
		put(this.f.staff, "/api/v1/services/financing/" + loan,
				Map.of("amount", 1, "dueOn", "2026-03-15", "version", 0))
			.andExpect(status().isConflict());
		put(this.f.staff, "/api/v1/services/financing/" + loan,
				Map.of("amount", 520, "dueOn", "2026-01-15", "version", 1))
			.andExpect(status().isBadRequest());
		put(this.f.entUser1, "/api/v1/services/financing/" + loan,
				Map.of("amount", 1, "dueOn", "2026-03-15", "version", 1))
			.andExpect(status().isForbidden());
	}

	@Test
	void pagesEditWithTheVersionAndListsDownloadAsExcel() throws Exception {
		String staffUser = this.f.api.createUser(this.f.admin, TestApi.unique("sa-"), List.of("SERVICE_STAFF"),
				List.of(this.f.zone), null);
		Cookie staff = this.mvc
			.perform(
					post("/login").param("username", staffUser).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		long id = id(this.f.post(this.f.staff, "/api/v1/services/agency", Map.of("enterpriseCreditCode", this.f.ent1,
				"item", "排污许可证", "department", "市生态环境局", "startedOn", "2026-03-02")));
		String page = this.mvc.perform(get("/services/agency").cookie(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("排污许可证").contains("市生态环境局").contains("服务测试一号有限公司");
		// a stale save renders the form again (409) with what was typed
		this.mvc
			.perform(post("/services/agency/" + id).cookie(staff)
				.with(csrf())
				.param("item", "排污许可证（重新申领）")
				.param("department", "市生态环境局")
				.param("startedOn", "2026-03-02")
				.param("version", "0"))
			.andExpect(status().is3xxRedirection());
		String stale = this.mvc
			.perform(post("/services/agency/" + id).cookie(staff)
				.with(csrf())
				.param("item", "我输入的内容")
				.param("department", "市生态环境局")
				.param("startedOn", "2026-03-02")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("我输入的内容");
		String people = this.mvc.perform(get("/services/people").cookie(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(people).contains("服务测试一号有限公司").contains("服务测试二号有限公司");
		for (String list : List.of("visits", "financing", "job-fairs", "applications", "agency", "hires")) {
			byte[] xlsx = this.mvc.perform(get("/services/" + list + "/export").cookie(staff))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(xlsx).startsWith('P', 'K');
		}
		// enterprise users see their own 代办 and hires pages
		String entUser = this.f.api.createUser(this.f.admin, TestApi.unique("ea-"), List.of("ENTERPRISE"), List.of(),
				this.f.ent1);
		Cookie ent = this.mvc
			.perform(post("/login").param("username", entUser).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		String mine = this.mvc.perform(get("/services/agency").cookie(ent))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mine).contains("排污许可证");
		this.mvc.perform(get("/services/hires").cookie(ent)).andExpect(status().isOk());
		this.mvc.perform(get("/services/agency/export").cookie(ent)).andExpect(status().isForbidden());
		put(this.f.staff, "/api/v1/services/agency/" + id, Map.of()).andExpect(status().isBadRequest());
	}

	@Test
	void policiesMatchOnTheServicesDataWithTheFigureBehindEachCriterion() throws Exception {
		YearMonth month = YearMonth.from(LocalDate.now()).minusMonths(1);
		this.f.post(this.f.entUser1, "/api/v1/services/hires", Map.of("month", month.toString(), "hires", 25))
			.andExpect(status().isCreated());
		this.f.post(this.f.entUser2, "/api/v1/services/hires", Map.of("month", month.toString(), "hires", 30))
			.andExpect(status().isCreated());
		this.f.post(this.f.staff, "/api/v1/services/financing",
				Map.of("enterpriseCreditCode", this.f.ent2, "kind", "BRIDGE", "on",
						month.atDay(1).minusMonths(2).toString(), "amount", 300, "dueOn",
						month.atDay(1).minusMonths(1).toString()))
			.andExpect(status().isCreated());
		long agency = id(this.f.post(this.f.staff, "/api/v1/services/agency", Map.of("enterpriseCreditCode",
				this.f.ent1, "item", "环评批复", "department", "市生态环境局", "startedOn", month.atDay(1).toString())));
		this.f
			.post(this.f.staff, "/api/v1/services/agency/" + agency + "/finish",
					Map.of("on", month.atDay(20).toString(), "result", "已取得环评批复"))
			.andExpect(status().isOk());
		// a bad measure → 400 naming it
		this.f
			.post(this.f.staff, "/api/v1/services/policies",
					Map.of("zoneCode", this.f.zone, "title", "x", "issuer", "y", "criteria",
							List.of(Map.of("kind", "SERVICE", "measure", "NOPE"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("criteria[0].measure"));
		long policy = id(this.f.post(this.f.staff, "/api/v1/services/policies", Map.of("zoneCode", this.f.zone, "title",
				"稳岗扩岗奖励", "issuer", "管委会", "criteria",
				List.of(Map.of("kind", "SERVICE", "measure", "HIRES", "min", 20, "year", month.getYear()),
						Map.of("kind", "SERVICE", "measure", "NO_OVERDUE_BRIDGE"),
						Map.of("kind", "SERVICE", "measure", "AGENCY_FINISHED", "min", 1, "year", month.getYear())))));
		String y = Integer.toString(month.getYear());
		this.f.get(this.f.staff, "/api/v1/services/policies/" + policy + "/matches")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].creditCode").value(this.f.ent1))
			.andExpect(jsonPath("$[0].qualifies").value(true))
			.andExpect(jsonPath("$[0].criteria[0].text").value(y + "年报告招工不少于20人"))
			.andExpect(jsonPath("$[0].criteria[0].value").value(y + "年报告招工25人"))
			.andExpect(jsonPath("$[0].criteria[1].value").value("无逾期过桥资金"))
			.andExpect(jsonPath("$[0].criteria[2].value").value(y + "年代办办结1件"))
			.andExpect(jsonPath("$[1].creditCode").value(this.f.ent2))
			.andExpect(jsonPath("$[1].qualifies").value(false))
			.andExpect(jsonPath("$[1].criteria[0].met").value(true))
			.andExpect(jsonPath("$[1].criteria[1].met").value(false))
			.andExpect(jsonPath("$[1].criteria[1].value").value("逾期未还过桥资金1笔"))
			.andExpect(jsonPath("$[1].criteria[2].met").value(false));
		// all criteria are data: 免申即享 proposes ent1 alone
		this.f.get(this.f.staff, "/api/v1/services/policies/" + policy + "/auto-list")
			.andExpect(jsonPath("$.automatic").value(true))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].creditCode").value(this.f.ent1));
	}

}
