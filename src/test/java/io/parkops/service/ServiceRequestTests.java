package io.parkops.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requests (诉求): the deadline from the category's SLA, every allowed and refused step of
 * the lifecycle, the rating that reopens, rating and withdrawal by the requesting
 * enterprise only, escalation of overdue requests, permissions and bad input.
 */
@ParkOpsTest
class ServiceRequestTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	ServiceFixture f;

	@BeforeEach
	void fixture() throws Exception {
		this.f = new ServiceFixture(this.mvc);
	}

	@Test
	void deadlineFollowsTheCategorySla() throws Exception {
		this.f
			.post(this.f.staff, "/api/v1/services/requests",
					ServiceFixture.request(this.f.ent1, "PHONE", "LABOUR", "2026-03-02"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.deadline").value("2026-03-17"))
			.andExpect(jsonPath("$.id").isNumber());
		this.f
			.post(this.f.staff, "/api/v1/services/requests",
					ServiceFixture.request(this.f.ent1, "HOTLINE", "LAND", "2026-03-02"))
			.andExpect(jsonPath("$.deadline").value("2026-04-01"));
		this.f
			.post(this.f.staff, "/api/v1/services/requests",
					ServiceFixture.request(this.f.ent1, "MEETING", "UTILITIES", "2026-03-02"))
			.andExpect(jsonPath("$.deadline").value("2026-03-07"));
	}

	@Test
	void theWholeLifecycleWithTheEnterprisesVerdict() throws Exception {
		long id = this.f.raise(this.f.entUser1, ServiceFixture.request(this.f.ent1, "PORTAL", "LABOUR", "2026-03-02"));
		this.f.get(this.f.staff, "/api/v1/services/requests/" + id)
			.andExpect(jsonPath("$.channel").value("PORTAL"))
			.andExpect(jsonPath("$.enterpriseName").value("服务测试一号有限公司"));
		this.f
			.post(this.f.staff, "/api/v1/services/requests/" + id + "/handling",
					Map.of("on", "2026-03-03", "department", "人社局", "handler", "张科长", "level", "COUNTY"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.level").value("COUNTY"));
		this.f.post(this.f.staff, "/api/v1/services/requests/" + id + "/resolution", Map.of("on", "2026-03-10"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("result"));
		this.f
			.post(this.f.staff, "/api/v1/services/requests/" + id + "/resolution",
					Map.of("on", "2026-03-10", "result", "   "))
			.andExpect(status().isBadRequest());
		this.f
			.post(this.f.staff, "/api/v1/services/requests/" + id + "/resolution",
					Map.of("on", "2026-03-10", "result", "组织专场招聘会，招到普工82人。"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESOLVED"));
		// staff cannot give the satisfaction; another enterprise cannot either
		this.f.post(this.f.staff, "/api/v1/services/requests/" + id + "/rating", Map.of("satisfaction", 5))
			.andExpect(status().isForbidden());
		this.f.post(this.f.leader, "/api/v1/services/requests/" + id + "/rating", Map.of("satisfaction", 5))
			.andExpect(status().isForbidden());
		this.f.post(this.f.entUser2, "/api/v1/services/requests/" + id + "/rating", Map.of("satisfaction", 5))
			.andExpect(status().isForbidden());
		this.f.post(this.f.entUser1, "/api/v1/services/requests/" + id + "/rating", Map.of("satisfaction", 6))
			.andExpect(status().isBadRequest());
		this.f
			.post(this.f.entUser1, "/api/v1/services/requests/" + id + "/rating",
					Map.of("satisfaction", 5, "comment", "很满意"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RATED"))
			.andExpect(jsonPath("$.satisfaction").value(5));
		// rated: no step is open any more
		this.f.post(this.f.entUser1, "/api/v1/services/requests/" + id + "/rating", Map.of("satisfaction", 4))
			.andExpect(status().isConflict());
		this.f
			.post(this.f.staff, "/api/v1/services/requests/" + id + "/handling",
					Map.of("on", "2026-03-11", "department", "人社局", "handler", "李", "level", "ZONE"))
			.andExpect(status().isConflict());
		this.f.post(this.f.entUser1, "/api/v1/services/requests/" + id + "/withdrawal", Map.of())
			.andExpect(status().isConflict());
		List<String> steps = ServiceFixture
			.read(this.f.get(this.f.entUser1, "/api/v1/services/requests/" + id + "/steps"), "$[*].step");
		assertThat(steps).containsExactly("SUBMITTED", "IN_PROGRESS", "RESOLVED", "RATED");
	}

	@Test
	void aLowRatingReopensTheRequest() throws Exception {
		long id = this.f.raise(this.f.entUser1,
				ServiceFixture.request(this.f.ent1, "PORTAL", "UTILITIES", "2026-05-06"));
		this.f.handle(id, "2026-05-06");
		this.f.resolve(id, "2026-05-08");
		this.f
			.post(this.f.entUser1, "/api/v1/services/requests/" + id + "/rating",
					Map.of("satisfaction", 2, "comment", "仍经常停电"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.reopened").value(1))
			.andExpect(jsonPath("$.resolvedOn").doesNotExist());
		// reopened: staff resolve it again, the enterprise rates it again
		this.f.resolve(id, "2026-05-20");
		this.f.post(this.f.entUser1, "/api/v1/services/requests/" + id + "/rating", Map.of("satisfaction", 3))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RATED"))
			.andExpect(jsonPath("$.satisfaction").value(3));
	}

	@Test
	void refusedStepsOutOfOrder() throws Exception {
		long id = this.f.raise(this.f.staff, ServiceFixture.request(this.f.ent1, "VISIT", "POLICY", "2026-04-01"));
		// not handled yet: no resolution, no rating
		this.f
			.post(this.f.staff, "/api/v1/services/requests/" + id + "/resolution",
					Map.of("on", "2026-04-02", "result", "已答复"))
			.andExpect(status().isConflict());
		this.f.post(this.f.entUser1, "/api/v1/services/requests/" + id + "/rating", Map.of("satisfaction", 5))
			.andExpect(status().isConflict());
		// handling before the request was raised → 400
		this.f
			.post(this.f.staff, "/api/v1/services/requests/" + id + "/handling",
					Map.of("on", "2026-03-01", "department", "经发局", "handler", "王", "level", "ZONE"))
			.andExpect(status().isBadRequest());
		// an unknown level → 400
		this.f
			.post(this.f.staff, "/api/v1/services/requests/" + id + "/handling",
					Map.of("on", "2026-04-02", "department", "经发局", "handler", "王", "level", "PROVINCE"))
			.andExpect(status().isBadRequest());
		this.f.handle(id, "2026-04-02");
		// an enterprise cannot handle or resolve
		this.f
			.post(this.f.entUser1, "/api/v1/services/requests/" + id + "/resolution",
					Map.of("on", "2026-04-03", "result", "自己办好了"))
			.andExpect(status().isForbidden());
		// resolved before it was handled → 400
		this.f
			.post(this.f.staff, "/api/v1/services/requests/" + id + "/resolution",
					Map.of("on", "2026-04-01", "result", "已答复"))
			.andExpect(status().isBadRequest());
		Integer version = ServiceFixture.read(this.f.get(this.f.staff, "/api/v1/services/requests/" + id), "$.version");
		assertThat(version).isEqualTo(1);
	}

	@Test
	void onlyTheEnterpriseWithdrawsItsOwnOpenRequest() throws Exception {
		long id = this.f.raise(this.f.entUser1, ServiceFixture.request(this.f.ent1, null, "LOGISTICS", null));
		this.f.post(this.f.staff, "/api/v1/services/requests/" + id + "/withdrawal", Map.of())
			.andExpect(status().isForbidden());
		this.f.post(this.f.entUser2, "/api/v1/services/requests/" + id + "/withdrawal", Map.of())
			.andExpect(status().isForbidden());
		this.f.post(this.f.entUser1, "/api/v1/services/requests/" + id + "/withdrawal", Map.of("reason", "已自行解决"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"));
		this.f
			.post(this.f.staff, "/api/v1/services/requests/" + id + "/handling",
					Map.of("on", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "department", "物流办", "handler",
							"赵", "level", "ZONE"))
			.andExpect(status().isConflict());
	}

	@Test
	void enterprisesSeeAndRaiseOnlyTheirOwn() throws Exception {
		long own = this.f.raise(this.f.entUser1, ServiceFixture.request(this.f.ent1, "PORTAL", "OTHER", null));
		long other = this.f.raise(this.f.staff, ServiceFixture.request(this.f.ent2, "PHONE", "OTHER", null));
		// raising for another enterprise → 403; staff channels are not the portal's
		this.f
			.post(this.f.entUser1, "/api/v1/services/requests",
					ServiceFixture.request(this.f.ent2, "PORTAL", "OTHER", null))
			.andExpect(status().isForbidden());
		this.f
			.post(this.f.entUser1, "/api/v1/services/requests",
					ServiceFixture.request(this.f.ent1, "HOTLINE", "OTHER", null))
			.andExpect(status().isBadRequest());
		this.f.get(this.f.entUser1, "/api/v1/services/requests/" + other).andExpect(status().isForbidden());
		this.f.get(this.f.entUser1, "/api/v1/services/requests")
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(own));
		this.f.get(this.f.staff, "/api/v1/services/requests?zone=" + this.f.zone)
			.andExpect(jsonPath("$.total").value(2));
		// a role without service permissions
		this.f.get(this.f.safety, "/api/v1/services/requests?zone=" + this.f.zone).andExpect(status().isForbidden());
		this.f
			.post(this.f.safety, "/api/v1/services/requests",
					ServiceFixture.request(this.f.ent1, "PHONE", "OTHER", null))
			.andExpect(status().isForbidden());
		// staff of another zone
		ServiceFixture elsewhere = new ServiceFixture(this.mvc);
		this.f.get(elsewhere.staff, "/api/v1/services/requests/" + own).andExpect(status().isForbidden());
		this.f
			.post(elsewhere.staff, "/api/v1/services/requests",
					ServiceFixture.request(this.f.ent1, "PHONE", "OTHER", null))
			.andExpect(status().isForbidden());
		this.f.get(this.f.staff, "/api/v1/services/requests/999999999").andExpect(status().isNotFound());
	}

	@Test
	void aRequestRaisedDuringAVisitNamesTheVisitAndTheVisitListsIt() throws Exception {
		long visit = ((Number) ServiceFixture.read(this.f
			.post(this.f.staff, "/api/v1/services/visits",
					Map.of("zoneCode", this.f.zone, "date", "2026-03-03", "enterpriseCreditCodes", List.of(this.f.ent1),
							"visitors", List.of("王主任"), "notes", "座谈", "deeds", 0))
			.andExpect(status().isCreated()), "$.id")).longValue();
		Map<String, Object> onTheSpot = ServiceFixture.request(this.f.ent1, "VISIT", "LABOUR", "2026-03-03");
		onTheSpot.put("visitId", visit);
		long id = this.f.raise(this.f.staff, onTheSpot);
		this.f.get(this.f.staff, "/api/v1/services/requests/" + id).andExpect(jsonPath("$.visitId").value(visit));
		this.f.get(this.f.staff, "/api/v1/services/visits/" + visit)
			.andExpect(jsonPath("$.requestIds.length()").value(1))
			.andExpect(jsonPath("$.requestIds[0]").value(id));
		// an enterprise the visit did not go to, a channel other than VISIT, an
		// enterprise user (portal only), a visit of another zone: 400 naming visitId
		Map<String, Object> notVisited = ServiceFixture.request(this.f.ent2, "VISIT", "LABOUR", null);
		notVisited.put("visitId", visit);
		Map<String, Object> byPhone = ServiceFixture.request(this.f.ent1, "PHONE", "LABOUR", null);
		byPhone.put("visitId", visit);
		Map<String, Object> fromThePortal = ServiceFixture.request(this.f.ent1, "PORTAL", "LABOUR", null);
		fromThePortal.put("visitId", visit);
		ServiceFixture elsewhere = new ServiceFixture(this.mvc);
		Map<String, Object> otherZone = ServiceFixture.request(elsewhere.ent1, "VISIT", "LABOUR", null);
		otherZone.put("visitId", visit);
		List<ResultActions> refused = List.of(this.f.post(this.f.staff, "/api/v1/services/requests", notVisited),
				this.f.post(this.f.staff, "/api/v1/services/requests", byPhone),
				this.f.post(this.f.entUser1, "/api/v1/services/requests", fromThePortal),
				this.f.post(elsewhere.staff, "/api/v1/services/requests", otherZone));
		for (ResultActions r : refused) {
			r.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("visitId")));
		}
		this.f.get(this.f.staff, "/api/v1/services/visits/" + visit)
			.andExpect(jsonPath("$.requestIds.length()").value(1));
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM service_request WHERE visit_id = ?", Long.class, visit))
			.isEqualTo(1);
	}

	@Test
	void badInputIsRefusedNamingTheFields() throws Exception {
		Map<String, Object> body = ServiceFixture.request(this.f.ent1, "FAX", "WEATHER", "2099-01-01");
		body.put("title", "x".repeat(201));
		body.remove("content");
		List<String> fields = ServiceFixture.read(
				this.f.post(this.f.staff, "/api/v1/services/requests", body).andExpect(status().isBadRequest()),
				"$.errors[*].field");
		assertThat(fields).contains("channel", "category", "raisedOn", "title", "content");
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM service_request WHERE zone_code = ?", Long.class,
				this.f.zone);
		assertThat(count).isZero();
	}

	@Test
	void overdueRequestsEscalateToTheLeaderAndTheListFilters() throws Exception {
		long late = this.f.raise(this.f.staff, ServiceFixture.request(this.f.ent1, "PHONE", "SECURITY", "2026-01-05"));
		long done = this.f.raise(this.f.staff, ServiceFixture.request(this.f.ent2, "PHONE", "SECURITY", "2026-01-05"));
		this.f.handle(done, "2026-01-06");
		this.f.resolve(done, "2026-01-08");
		this.f.get(this.f.staff, "/api/v1/services/requests?overdue=true&zone=" + this.f.zone)
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(late))
			.andExpect(jsonPath("$.items[0].overdue").value(true));
		this.f.post(this.f.staff, "/api/v1/services/requests/escalation?zone=" + this.f.zone, Map.of())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.escalated").value(1));
		this.f.get(this.f.staff, "/api/v1/services/requests/" + late).andExpect(jsonPath("$.escalatedOn").isNotEmpty());
		// a second run escalates nothing again
		this.f.post(this.f.staff, "/api/v1/services/requests/escalation?zone=" + this.f.zone, Map.of())
			.andExpect(jsonPath("$.escalated").value(0));
		List<String> steps = ServiceFixture
			.read(this.f.get(this.f.staff, "/api/v1/services/requests/" + late + "/steps"), "$[*].step");
		assertThat(steps).containsExactly("SUBMITTED", "ESCALATED");
		this.f.get(this.f.staff, "/api/v1/services/requests?status=RESOLVED&zone=" + this.f.zone)
			.andExpect(jsonPath("$.total").value(1));
		this.f.get(this.f.staff, "/api/v1/services/requests?q=" + "服务测试二号" + "&zone=" + this.f.zone)
			.andExpect(jsonPath("$.total").value(1));
		this.f.get(this.f.staff, "/api/v1/services/requests?status=LOST").andExpect(status().isBadRequest());
	}

	@Test
	void theListSearchesTitleContentAndEnterpriseNameAndCountsLongListsOnlySoFar() throws Exception {
		Map<String, Object> body = new java.util.LinkedHashMap<>(
				ServiceFixture.request(this.f.ent1, "PHONE", "LABOUR", "2026-02-02"));
		body.put("title", "招工难 100%");
		long percent = this.f.raise(this.f.staff, body);
		Map<String, Object> other = new java.util.LinkedHashMap<>(
				ServiceFixture.request(this.f.ent2, "PHONE", "LAND", "2026-02-03"));
		other.put("content", "厂房屋面漏水需维修");
		long roof = this.f.raise(this.f.staff, other);
		this.f.get(this.f.staff, "/api/v1/services/requests?q=100%&zone=" + this.f.zone)
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.totalCapped").value(false))
			.andExpect(jsonPath("$.items[0].id").value(percent));
		// a wildcard is searched as itself
		this.f.get(this.f.staff, "/api/v1/services/requests?q=_&zone=" + this.f.zone)
			.andExpect(jsonPath("$.total").value(0));
		this.f.get(this.f.staff, "/api/v1/services/requests?q=屋面漏水&zone=" + this.f.zone)
			.andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains((int) roof)));
		this.f.get(this.f.staff, "/api/v1/services/requests?q=测试二号&zone=" + this.f.zone)
			.andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains((int) roof)));
		// an enterprise searching sees only its own requests
		this.f.get(this.f.entUser1, "/api/v1/services/requests?q=屋面漏水").andExpect(jsonPath("$.total").value(0));
		// beyond 10,000 rows past the page, the count stops and says so
		this.jdbc.update("""
				INSERT INTO service_request (zone_code, credit_code, channel, category, title, content, raised_on,
				  deadline, status, created_by)
				SELECT ?, ?, 'PHONE', 'OTHER', '批量诉求 ' || k, '内容', DATE '2025-01-01', DATE '2025-01-31', 'RATED', 'test'
				FROM generate_series(1, 10030) k""", this.f.zone, this.f.ent1);
		this.f.get(this.f.staff, "/api/v1/services/requests?zone=" + this.f.zone + "&size=20")
			.andExpect(jsonPath("$.total").value(10000))
			.andExpect(jsonPath("$.totalCapped").value(true))
			.andExpect(jsonPath("$.items.length()").value(20))
			.andExpect(jsonPath("$.items[0].id").value(roof));
		this.f.get(this.f.staff, "/api/v1/services/requests?zone=" + this.f.zone + "&size=20&page=1")
			.andExpect(jsonPath("$.total").value(10020))
			.andExpect(jsonPath("$.totalCapped").value(true));
		this.f.get(this.f.staff, "/api/v1/services/requests?zone=" + this.f.zone + "&size=20&page=2")
			.andExpect(jsonPath("$.total").value(10032))
			.andExpect(jsonPath("$.totalCapped").value(false));
		this.f.get(this.f.staff, "/api/v1/services/requests?zone=" + this.f.zone + "&status=SUBMITTED")
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.totalCapped").value(false));
	}

}
