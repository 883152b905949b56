package io.parkops.service;

import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The summary: counts of enterprises are distinct, amounts in 万元 with two decimals half
 * up, requests counted by the day they were raised, deeds from visits and resolved
 * on-the-spot requests; visits, financing and job fairs as recorded.
 */
@ParkOpsTest
class ServiceSummaryTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theSummaryCountsDistinctEnterprisesAndRoundsOnce() throws Exception {
		ServiceFixture f = new ServiceFixture(this.mvc);
		String ent3 = f.enterprise("服务测试三号有限公司", Map.of("secretary", "刘秘书"));
		f.enterprise("服务测试四号有限公司", Map.of("secretary", "刘秘书"));
		f.enterprise("服务测试五号有限公司", Map.of("secretary", "陈秘书"));
		// requests: 3 raised in the period, one resolved and rated 4, one rated 2
		// (reopened), one open and overdue
		long a = f.raise(f.entUser1, ServiceFixture.request(f.ent1, "PORTAL", "LABOUR", "2026-02-01"));
		f.handle(a, "2026-02-02");
		f.resolve(a, "2026-02-05");
		f.post(f.entUser1, "/api/v1/services/requests/" + a + "/rating", Map.of("satisfaction", 4))
			.andExpect(status().isOk());
		long b = f.raise(f.entUser2, ServiceFixture.request(f.ent2, "PORTAL", "LAND", "2026-02-03"));
		f.handle(b, "2026-02-04");
		f.resolve(b, "2026-02-06");
		f.post(f.entUser2, "/api/v1/services/requests/" + b + "/rating", Map.of("satisfaction", 1))
			.andExpect(status().isOk());
		long c = f.raise(f.staff, ServiceFixture.request(ent3, "VISIT", "UTILITIES", "2026-02-10"));
		f.handle(c, "2026-02-10");
		f.resolve(c, "2026-02-12");
		f.raise(f.staff, ServiceFixture.request(ent3, "PHONE", "SECURITY", "2026-02-20"));
		// outside the period
		f.raise(f.staff, ServiceFixture.request(ent3, "PHONE", "OTHER", "2025-12-20"));
		// visits: two visits of the same enterprise and one of two enterprises → 2
		// enterprises... and 3 deeds
		f.post(f.staff, "/api/v1/services/visits", Map.of("zoneCode", f.zone, "date", "2026-02-03",
				"enterpriseCreditCodes", List.of(f.ent1), "visitors", List.of("王主任"), "notes", "了解用工", "deeds", 1))
			.andExpect(status().isCreated());
		f.post(f.staff, "/api/v1/services/visits", Map.of("zoneCode", f.zone, "date", "2026-02-04",
				"enterpriseCreditCodes", List.of(f.ent1, f.ent2), "visitors", List.of("王主任", "李书记"), "deeds", 2))
			.andExpect(status().isCreated());
		// financing: two bridge loans of one enterprise, one of another; a renewal
		f.post(f.staff, "/api/v1/services/financing", Map.of("enterpriseCreditCode", f.ent1, "kind", "BRIDGE", "on",
				"2026-02-01", "amount", 500.005, "dueOn", "2026-03-01"))
			.andExpect(status().isBadRequest());
		f.post(f.staff, "/api/v1/services/financing", Map.of("enterpriseCreditCode", f.ent1, "kind", "BRIDGE", "on",
				"2026-02-01", "amount", 500.25, "dueOn", "2026-03-01", "bank", "县农商行"))
			.andExpect(status().isCreated());
		f.post(f.staff, "/api/v1/services/financing", Map.of("enterpriseCreditCode", f.ent1, "kind", "BRIDGE", "on",
				"2026-02-15", "amount", 300, "dueOn", "2026-04-15"))
			.andExpect(status().isCreated());
		f.post(f.staff, "/api/v1/services/financing", Map.of("enterpriseCreditCode", f.ent2, "kind", "BRIDGE", "on",
				"2026-02-20", "amount", 1000, "dueOn", "2026-05-20"))
			.andExpect(status().isCreated());
		f.post(f.staff, "/api/v1/services/financing", Map.of("enterpriseCreditCode", f.ent2, "kind", "RENEWAL", "on",
				"2026-02-21", "amount", 800, "bank", "工商银行"))
			.andExpect(status().isCreated());
		// a bridge loan needs its due date
		f.post(f.staff, "/api/v1/services/financing",
				Map.of("enterpriseCreditCode", f.ent2, "kind", "BRIDGE", "on", "2026-02-21", "amount", 100))
			.andExpect(status().isBadRequest());
		// job fairs
		f.post(f.staff, "/api/v1/services/job-fairs", Map.of("zoneCode", f.zone, "date", "2026-02-10", "kind",
				"SPECIAL", "enterpriseCreditCodes", List.of(f.ent1, f.ent2), "visitors", 1200, "hires", 186))
			.andExpect(status().isCreated());
		f.post(f.staff, "/api/v1/services/job-fairs", Map.of("zoneCode", f.zone, "date", "2026-02-25", "kind", "ONLINE",
				"enterpriseCreditCodes", List.of(f.ent1), "visitors", 3000, "hires", 14))
			.andExpect(status().isCreated());
		f.get(f.leader, "/api/v1/services/summary?zone=" + f.zone + "&from=2026-01-01&to=2026-03-31")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.requests.received").value(4))
			.andExpect(jsonPath("$.requests.resolved").value(2))
			.andExpect(jsonPath("$.requests.overdue").value(2))
			.andExpect(jsonPath("$.requests.resolvedRatePct").value(50.0))
			.andExpect(jsonPath("$.requests.satisfactionAvg").value(2.5))
			.andExpect(jsonPath("$.visits.count").value(2))
			.andExpect(jsonPath("$.visits.enterprises").value(2))
			.andExpect(jsonPath("$.deeds").value(4))
			.andExpect(jsonPath("$.secretaries.count").value(2))
			.andExpect(jsonPath("$.secretaries.enterprisesCovered").value(3))
			.andExpect(jsonPath("$.financing.BRIDGE.count").value(3))
			.andExpect(jsonPath("$.financing.BRIDGE.enterprises").value(2))
			.andExpect(jsonPath("$.financing.BRIDGE.amount").value(1800.25))
			.andExpect(jsonPath("$.financing.RENEWAL.count").value(1))
			.andExpect(jsonPath("$.financing.PARK_LOAN.count").value(0))
			.andExpect(jsonPath("$.jobFairs.count").value(2))
			.andExpect(jsonPath("$.jobFairs.hires").value(200))
			.andExpect(jsonPath("$.applications.count").value(0));
		// readers only; enterprises and other roles → 403
		f.get(f.entUser1, "/api/v1/services/summary?zone=" + f.zone).andExpect(status().isForbidden());
		f.get(f.safety, "/api/v1/services/summary?zone=" + f.zone).andExpect(status().isForbidden());
		// visits, financing and fairs are staff work
		f.post(f.entUser1, "/api/v1/services/visits", Map.of("zoneCode", f.zone, "date", "2026-02-03",
				"enterpriseCreditCodes", List.of(f.ent1), "visitors", List.of("我")))
			.andExpect(status().isForbidden());
		f.post(f.leader, "/api/v1/services/financing",
				Map.of("enterpriseCreditCode", f.ent1, "kind", "PARK_LOAN", "on", "2026-02-01", "amount", 5))
			.andExpect(status().isForbidden());
		// an enterprise sees only its own financing
		f.get(f.entUser2, "/api/v1/services/financing").andExpect(jsonPath("$.total").value(2));
		// a repayment is recorded once
		Number loan = ServiceFixture.read(f.get(f.staff, "/api/v1/services/financing?zone=" + f.zone + "&kind=BRIDGE"),
				"$.items[0].id");
		f.post(f.staff, "/api/v1/services/financing/" + loan + "/repayment", Map.of("on", "2026-05-20"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.repaidOn").value("2026-05-20"));
		f.post(f.staff, "/api/v1/services/financing/" + loan + "/repayment", Map.of("on", "2026-05-21"))
			.andExpect(status().isConflict());
		// a visit to an enterprise of another zone → 400
		ServiceFixture other = new ServiceFixture(this.mvc);
		f.post(f.staff, "/api/v1/services/visits", Map.of("zoneCode", f.zone, "date", "2026-02-03",
				"enterpriseCreditCodes", List.of(other.ent1), "visitors", List.of("王主任")))
			.andExpect(status().isBadRequest());
	}

}
