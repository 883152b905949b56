package io.parkops.land;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assets API: units, leases (an overlapping one refused), payments settling the
 * oldest bills, arrears by age, litigation, the summary, and a tenant that sees only its
 * own lease.
 */
@ParkOpsTest
class AssetApiTests {

	@Autowired
	MockMvc mvc;

	LandFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new LandFixture(this.mvc);
	}

	private long unit(String building, String unit, String kind, Object m2) throws Exception {
		return ((Number) TestApi.read(this.f
			.post(this.f.staff, "/api/v1/assets/units",
					Map.of("zoneCode", this.f.zone, "building", building, "unit", unit, "kind", kind, "areaM2", m2))
			.andExpect(status().isCreated())
			.andReturn(), "$.id")).longValue();
	}

	private Map<String, Object> lease(long unit, String tenant, LocalDate from, LocalDate to, Object rent) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("unitId", unit);
		body.put("tenantCreditCode", tenant);
		body.put("from", from.toString());
		body.put("to", to.toString());
		body.put("rentPerM2Month", rent);
		body.put("deposit", 20000);
		return body;
	}

	@Test
	void leasesBillsPaymentsArrearsAndTheSummary() throws Exception {
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		long factory = unit("1号标准厂房", "101", "FACTORY", 1000);
		long shop = unit("商业街", "A-3", "SHOP", 100);
		unit("人才公寓", "1201", "TALENT_APARTMENT", 90);
		// four months ago for a year at 10 元/m²·月: 10,000 a month
		LocalDate from = today.minusMonths(4).withDayOfMonth(1);
		Number l1 = TestApi.read(this.f
			.post(this.f.staff, "/api/v1/assets/leases",
					lease(factory, this.f.ent1, from, from.plusYears(1).minusDays(1), 10))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.monthlyRent", is(10000.00)))
			.andReturn(), "$.id");
		// the same unit, overlapping → 409
		this.f
			.post(this.f.staff, "/api/v1/assets/leases",
					lease(factory, this.f.ent2, from.plusMonths(2), from.plusYears(2), 9))
			.andExpect(status().isConflict());
		// the shop, ending within 90 days
		Number l2 = TestApi.read(this.f
			.post(this.f.staff, "/api/v1/assets/leases",
					lease(shop, this.f.ent2, today.minusYears(1), today.plusDays(30), 50))
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
		this.f
			.post(this.f.staff, "/api/v1/assets/payments",
					Map.of("leaseId", l1, "on", from.plusDays(3).toString(), "amount", 15000))
			.andExpect(status().isCreated());
		this.f.post(this.f.staff, "/api/v1/assets/payments", Map.of("leaseId", l1, "on", today.toString(), "amount", 0))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("amount")));
		// bills: five periods begun, 15,000 paid → 35,000 outstanding, the oldest unpaid
		// part over 90 days
		this.f.get(this.f.staff, "/api/v1/assets/leases/" + l1 + "/bills")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bills", hasSize(5)))
			.andExpect(jsonPath("$.bills[0].outstanding", is(0.0)))
			.andExpect(jsonPath("$.bills[1].paid", is(5000.0)))
			.andExpect(jsonPath("$.bills[1].outstanding", is(5000.0)));
		this.f.get(this.f.staff, "/api/v1/assets/leases/" + l1)
			.andExpect(jsonPath("$.billed", is(50000.0)))
			.andExpect(jsonPath("$.paid", is(15000.0)))
			.andExpect(jsonPath("$.arrears", is(35000.0)));
		this.f
			.post(this.f.staff, "/api/v1/assets/leases/" + l1 + "/litigation",
					Map.of("on", today.toString(), "note", "拖欠租金起诉"))
			.andExpect(status().isCreated());
		this.f.get(this.f.leader, "/api/v1/assets/summary?zone=" + this.f.zone + "&from=" + from + "&to=" + today)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rentCollected", is(15000.00)))
			// 1,100 of 1,190 m² leased
			.andExpect(jsonPath("$.occupancyPct", is(92.44)))
			.andExpect(jsonPath("$.arrears.enterprises", is(2)))
			.andExpect(jsonPath("$.arrears.buckets.d90plus").isNumber())
			.andExpect(jsonPath("$.litigationEnterprises", is(1)))
			.andExpect(jsonPath("$.expiringIn90Days", is(1)));
		// a tenant sees only its own lease
		this.f.get(this.f.entUser1, "/api/v1/assets/leases")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id", is(l1.intValue())));
		this.f.get(this.f.entUser1, "/api/v1/assets/leases/" + l1 + "/bills").andExpect(status().isOk());
		this.f.get(this.f.entUser1, "/api/v1/assets/leases/" + l2).andExpect(status().isForbidden());
		this.f.get(this.f.entUser1, "/api/v1/assets/leases/" + l2 + "/bills").andExpect(status().isForbidden());
		this.f.get(this.f.entUser1, "/api/v1/assets/summary?zone=" + this.f.zone).andExpect(status().isForbidden());
		this.f
			.post(this.f.entUser1, "/api/v1/assets/payments",
					Map.of("leaseId", l1, "on", today.toString(), "amount", 1))
			.andExpect(status().isForbidden());
		this.f.get(this.f.otherStaff, "/api/v1/assets/leases/" + l1).andExpect(status().isForbidden());
		this.f.get(this.f.otherStaff, "/api/v1/assets/leases").andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void unitsAndLeasesCheckTheirInput() throws Exception {
		long unit = unit("2号厂房", "201", "FACTORY", 800);
		this.f
			.post(this.f.staff, "/api/v1/assets/units",
					Map.of("zoneCode", this.f.zone, "building", "2号厂房", "unit", "201", "kind", "FACTORY", "areaM2", 1))
			.andExpect(status().isConflict());
		this.f
			.post(this.f.staff, "/api/v1/assets/units",
					Map.of("zoneCode", this.f.zone, "building", "X", "unit", "1", "kind", "CASTLE", "areaM2", -5))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("areaM2")));
		LocalDate d = LocalDate.of(2024, 1, 1);
		this.f.post(this.f.staff, "/api/v1/assets/leases", lease(unit, this.f.ent1, d, d.minusDays(1), 10))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("to")));
		String foreign = this.f.enterprise("外区租户有限公司", this.f.otherZone, false);
		this.f.post(this.f.staff, "/api/v1/assets/leases", lease(unit, foreign, d, d.plusYears(1), 10))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("tenantCreditCode")));
	}

	@Test
	void aLeaseEndsEarlyOnceAndIsBilledUpToItsLastDay() throws Exception {
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		long unit = unit("3号厂房", "301", "FACTORY", 100);
		LocalDate from = today.minusMonths(3).withDayOfMonth(1);
		Number lease = TestApi.read(this.f
			.post(this.f.staff, "/api/v1/assets/leases", lease(unit, this.f.ent1, from, from.plusYears(2), 10))
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
		String path = "/api/v1/assets/leases/" + lease + "/termination";
		// outside the term, without a reason, by the tenant, by another zone: refused
		this.f.post(this.f.staff, path, Map.of("on", from.minusDays(1).toString(), "reason", "退租"))
			.andExpect(status().isBadRequest());
		this.f.post(this.f.staff, path, Map.of("on", from.plusMonths(1).toString())).andExpect(status().isBadRequest());
		this.f.post(this.f.entUser1, path, Map.of("on", from.plusMonths(1).toString(), "reason", "退租"))
			.andExpect(status().isForbidden());
		this.f.post(this.f.otherStaff, path, Map.of("on", from.plusMonths(1).toString(), "reason", "退租"))
			.andExpect(status().isForbidden());
		LocalDate end = from.plusMonths(1).plusDays(14);
		this.f.post(this.f.staff, path, Map.of("on", end.toString(), "reason", "企业搬迁，协商退租"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.to", is(end.toString())))
			.andExpect(jsonPath("$.terminatedOn", is(end.toString())))
			.andExpect(jsonPath("$.terminationReason", is("企业搬迁，协商退租")));
		// two bills: a full month and the share of the second by days
		this.f.get(this.f.staff, "/api/v1/assets/leases/" + lease + "/bills")
			.andExpect(jsonPath("$.bills", hasSize(2)))
			.andExpect(jsonPath("$.bills[1].periodTo", is(end.toString())));
		this.f.post(this.f.staff, path, Map.of("on", end.toString(), "reason", "再次退租"))
			.andExpect(status().isConflict());
		// the unit can be let again from the next day
		this.f
			.post(this.f.staff, "/api/v1/assets/leases",
					lease(unit, this.f.ent2, end.plusDays(1), end.plusYears(1), 10))
			.andExpect(status().isCreated());
	}

}
