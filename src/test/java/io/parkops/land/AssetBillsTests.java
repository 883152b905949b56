package io.parkops.land;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.land.internal.RentBills;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Stored rent bills: issued when a lease is signed and by the daily job (once per lease
 * and period, however often it runs), paid against (never beyond what a bill asks, a
 * stale version refused), their status (未缴, 部分缴纳, 已缴清, 逾期), the search by status, tenant
 * and period with paging and export, a tenant seeing only its own, and the arrears and
 * rent collected read from them.
 */
@ParkOpsTest
class AssetBillsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RentBills rentBills;

	@Autowired
	JdbcClient jdbc;

	LandFixture f;

	final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@BeforeEach
	void setUp() throws Exception {
		this.f = new LandFixture(this.mvc);
	}

	private long unit(String unit, int m2) throws Exception {
		return ((Number) TestApi.read(
				this.f
					.post(this.f.staff, "/api/v1/assets/units",
							Map.of("zoneCode", this.f.zone, "building", "账单厂房", "unit", unit, "kind", "FACTORY",
									"areaM2", m2))
					.andExpect(status().isCreated())
					.andReturn(),
				"$.id"))
			.longValue();
	}

	private long lease(long unit, String tenant, LocalDate from, LocalDate to, int rent) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("unitId", unit);
		body.put("tenantCreditCode", tenant);
		body.put("from", from.toString());
		body.put("to", to.toString());
		body.put("rentPerM2Month", rent);
		return ((Number) TestApi.read(
				this.f.post(this.f.staff, "/api/v1/assets/leases", body).andExpect(status().isCreated()).andReturn(),
				"$.id"))
			.longValue();
	}

	private List<Map<String, Object>> bills(long lease) throws Exception {
		return TestApi.read(this.f.get(this.f.staff, "/api/v1/assets/leases/" + lease + "/bills").andReturn(),
				"$.bills");
	}

	private long count(long lease) {
		return this.jdbc.sql("SELECT count(*) FROM asset_bill WHERE lease_id = :l")
			.param("l", lease)
			.query(Long.class)
			.single();
	}

	@Test
	void billsAreIssuedOncePerPeriodBySigningAndByTheJob() throws Exception {
		// begun three months ago on the 1st: four periods have begun, 100 m² × 10 元
		long lease = lease(unit("101", 100), this.f.ent1, this.today.minusMonths(3).withDayOfMonth(1),
				this.today.plusYears(1), 10);
		List<Map<String, Object>> issued = bills(lease);
		assertThat(issued).hasSize(4);
		assertThat(issued).allSatisfy((b) -> assertThat(((Number) b.get("amount")).doubleValue()).isEqualTo(1000.0));
		// the oldest are past their due day unpaid: 逾期; the current one not (yet)
		assertThat(issued.get(0).get("status")).isEqualTo("OVERDUE");
		// a lease that begins later has no bill yet
		long later = lease(unit("102", 50), this.f.ent2, this.today.plusDays(20), this.today.plusYears(1), 10);
		assertThat(count(later)).isZero();

		// the job issues what is missing (here: bills lost) and, run again, nothing
		this.jdbc.sql("DELETE FROM asset_bill WHERE lease_id = :l AND period_from > :d")
			.param("l", lease)
			.param("d", this.today.minusMonths(2))
			.update();
		assertThat(count(lease)).isEqualTo(2);
		RentBills.Run first = this.rentBills.run(this.today);
		assertThat(first.issued()).isGreaterThanOrEqualTo(2);
		assertThat(count(lease)).isEqualTo(4);
		assertThat(this.rentBills.run(this.today).issued()).isZero();
		assertThat(count(lease)).isEqualTo(4);
		assertThat(count(later)).isZero();
		// one bill per lease and period, whoever inserts it
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM (SELECT lease_id, period_from FROM asset_bill GROUP BY 1, 2 HAVING count(*) > 1) d
				""").query(Long.class).single()).isZero();

		// the job marks a bill past its due day 逾期
		this.jdbc.sql("UPDATE asset_bill SET status = 'UNPAID' WHERE lease_id = :l").param("l", lease).update();
		assertThat(this.rentBills.run(this.today).overdue()).isGreaterThanOrEqualTo(3);
		assertThat(bills(lease).get(0).get("status")).isEqualTo("OVERDUE");
	}

	/**
	 * A bill past its due day and not paid in full is 逾期 at once, before the daily job
	 * has marked it: in the API, the search by status with its count and totals, and the
	 * bills page.
	 */
	@Test
	void aBillPastItsDueDayIsOverdueBeforeTheJobMarksIt() throws Exception {
		long lease = lease(unit("201", 100), this.f.ent1, this.today.minusMonths(3).withDayOfMonth(1),
				this.today.plusYears(1), 10);
		// as stored before the job's next run: every bill still 未缴
		this.jdbc.sql("UPDATE asset_bill SET status = 'UNPAID' WHERE lease_id = :l").param("l", lease).update();
		long pastDue = this.jdbc.sql("SELECT count(*) FROM asset_bill WHERE lease_id = :l AND due_on < :d")
			.param("l", lease)
			.param("d", this.today)
			.query(Long.class)
			.single();
		assertThat(pastDue).isGreaterThanOrEqualTo(3);
		Map<String, Object> first = bills(lease).get(0);
		assertThat(first.get("status")).isEqualTo("OVERDUE");
		this.f.get(this.f.staff, "/api/v1/assets/bills/" + first.get("id"))
			.andExpect(jsonPath("$.status", is("OVERDUE")));
		String base = "/api/v1/assets/bills?zone=" + this.f.zone + "&tenant=" + this.f.ent1;
		this.f.get(this.f.staff, base + "&status=OVERDUE")
			.andExpect(jsonPath("$.total", is((int) pastDue)))
			.andExpect(jsonPath("$.outstanding", is(1000.0 * pastDue)))
			.andExpect(jsonPath("$.items[*].status", everyItem(is("OVERDUE"))));
		this.f.get(this.f.staff, base + "&status=UNPAID")
			.andExpect(jsonPath("$.total", is((int) (4 - pastDue))))
			.andExpect(jsonPath("$.items[*].status", everyItem(is("UNPAID"))));
		// partly paid and past due: still 逾期; paid in full: 已缴清 whatever was stored
		this.f
			.post(this.f.staff, "/api/v1/assets/bills/" + first.get("id") + "/payments",
					Map.of("on", this.today.toString(), "amount", 400, "version", first.get("version")))
			.andExpect(status().isCreated());
		this.jdbc.sql("UPDATE asset_bill SET status = 'PARTIAL' WHERE id = :id")
			.param("id", ((Number) first.get("id")).longValue())
			.update();
		this.f.get(this.f.staff, "/api/v1/assets/bills/" + first.get("id"))
			.andExpect(jsonPath("$.status", is("OVERDUE")));
		this.f.get(this.f.staff, base + "&status=PARTIAL").andExpect(jsonPath("$.total", is(0)));
		// the tenant's own page, in both languages
		String owner = new TestApi(this.mvc).createUser(this.f.admin, TestApi.unique("lb-"), List.of("ENTERPRISE"),
				List.of(), this.f.ent1);
		Cookie session = this.f.signIn(owner);
		String zh = this.f.page(session, "/assets/bills?status=OVERDUE");
		assertThat(zh.split("class=\"tag red\">逾期</span>", -1)).hasSize((int) pastDue + 1);
		assertThat(this.f.page(session, "/assets/bills?status=UNPAID")).doesNotContain("class=\"tag red\"")
			.contains("class=\"tag grey\">未缴</span>");
		assertThat(this.f.page(session, "/assets/bills?status=OVERDUE&lang=en"))
			.contains("class=\"tag red\">Overdue</span>");
	}

	@Test
	void paymentsAgainstABillNeverBeyondWhatItAsksAndWithItsVersion() throws Exception {
		long lease = lease(unit("201", 100), this.f.ent1, this.today.minusMonths(2).withDayOfMonth(1),
				this.today.plusYears(1), 10);
		Map<String, Object> bill = bills(lease).get(0);
		Number id = (Number) bill.get("id");
		int version = ((Number) bill.get("version")).intValue();
		String path = "/api/v1/assets/bills/" + id + "/payments";
		// more than the bill asks → 400 naming amount, nothing recorded
		this.f.post(this.f.staff, path, Map.of("on", this.today.toString(), "amount", 1000.01, "version", version))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("amount")));
		// part of it
		this.f.post(this.f.staff, path, Map.of("on", this.today.toString(), "amount", 400, "version", version))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.payments[0].billId", is(id.intValue())))
			.andExpect(jsonPath("$.payments", hasSize(1)));
		this.f.get(this.f.staff, "/api/v1/assets/bills/" + id)
			.andExpect(jsonPath("$.paid", is(400.0)))
			.andExpect(jsonPath("$.outstanding", is(600.0)))
			.andExpect(jsonPath("$.status", is("OVERDUE")))
			.andExpect(jsonPath("$.version", is(version + 1)));
		// the version read before → 409, nothing recorded
		this.f.post(this.f.staff, path, Map.of("on", this.today.toString(), "amount", 100, "version", version))
			.andExpect(status().isConflict());
		// no version → 400
		this.f.post(this.f.staff, path, Map.of("on", this.today.toString(), "amount", 100))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("version")));
		// the rest: 已缴清
		this.f.post(this.f.staff, path, Map.of("on", this.today.toString(), "amount", 600, "version", version + 1))
			.andExpect(status().isCreated());
		this.f.get(this.f.staff, "/api/v1/assets/bills/" + id)
			.andExpect(jsonPath("$.status", is("PAID")))
			.andExpect(jsonPath("$.outstanding", is(0.0)));
		this.f.get(this.f.staff, "/api/v1/assets/bills/" + id + "/payments").andExpect(jsonPath("$", hasSize(2)));

		// a payment of the lease settles the oldest open bills in turn, one payment each;
		// beyond what the issued bills ask → 400
		this.f
			.post(this.f.staff, "/api/v1/assets/payments",
					Map.of("leaseId", lease, "on", this.today.toString(), "amount", 2000.01))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("amount")));
		this.f
			.post(this.f.staff, "/api/v1/assets/payments",
					Map.of("leaseId", lease, "on", this.today.toString(), "amount", 1500))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.payments", hasSize(2)))
			.andExpect(jsonPath("$.payments[*].amount", contains(1000.0, 500.0)));
		List<Map<String, Object>> after = bills(lease);
		// the current period's bill is due on its 10th
		assertThat(after).extracting((b) -> b.get("status"))
			.containsExactly("PAID", "PAID", (this.today.getDayOfMonth() <= 10) ? "PARTIAL" : "OVERDUE");
		// the arrears read from the bills: 500 current
		this.f.get(this.f.staff, "/api/v1/assets/leases/" + lease)
			.andExpect(jsonPath("$.billed", is(3000.0)))
			.andExpect(jsonPath("$.paid", is(2500.0)))
			.andExpect(jsonPath("$.arrears", is(500.0)));
		// rent collected: the payments recorded
		this.f
			.get(this.f.leader,
					"/api/v1/assets/summary?zone=" + this.f.zone + "&from=" + this.today + "&to=" + this.today)
			.andExpect(jsonPath("$.rentCollected", is(2500.0)));
		// a tenant does not pay through the API; another zone's staff cannot
		this.f.post(this.f.entUser1, path, Map.of("on", this.today.toString(), "amount", 1, "version", version + 2))
			.andExpect(status().isForbidden());
		this.f.post(this.f.otherStaff, path, Map.of("on", this.today.toString(), "amount", 1, "version", version + 2))
			.andExpect(status().isForbidden());
	}

	@Test
	void billsAreSearchedByStatusTenantAndPeriodAndATenantSeesItsOwn() throws Exception {
		LocalDate start = this.today.minusMonths(5).withDayOfMonth(1);
		long l1 = lease(unit("B-301", 100), this.f.ent1, start, this.today.plusYears(1), 10);
		long l2 = lease(unit("B-302", 200), this.f.ent2, start, this.today.plusYears(1), 10);
		// ent2 pays its first bill
		Map<String, Object> b2 = bills(l2).get(0);
		this.f
			.post(this.f.staff, "/api/v1/assets/bills/" + b2.get("id") + "/payments",
					Map.of("on", this.today.toString(), "amount", 2000, "version", b2.get("version")))
			.andExpect(status().isCreated());
		String base = "/api/v1/assets/bills?zone=" + this.f.zone;
		this.f.get(this.f.staff, base).andExpect(jsonPath("$.total", is(12)));
		this.f.get(this.f.staff, base + "&status=PAID")
			.andExpect(jsonPath("$.total", is(1)))
			.andExpect(jsonPath("$.items[0].tenantName", is("土地测试二号有限公司")));
		this.f.get(this.f.staff, base + "&tenant=" + this.f.ent1)
			.andExpect(jsonPath("$.total", is(6)))
			.andExpect(jsonPath("$.items[*].tenantCreditCode", everyItem(is(this.f.ent1))));
		String month = start.toString().substring(0, 7);
		this.f.get(this.f.staff, base + "&periodFrom=" + month + "&periodTo=" + month)
			.andExpect(jsonPath("$.total", is(2)))
			.andExpect(jsonPath("$.amount", is(3000.0)))
			.andExpect(jsonPath("$.paid", is(2000.0)))
			.andExpect(jsonPath("$.outstanding", is(1000.0)));
		this.f.get(this.f.staff, base + "&q=二号").andExpect(jsonPath("$.total", is(6)));
		this.f.get(this.f.staff, base + "&q=B-302").andExpect(jsonPath("$.total", is(6)));
		this.f.get(this.f.staff, base + "&size=5&page=2")
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.total", is(12)));
		this.f.get(this.f.staff, base + "&status=LATE").andExpect(status().isBadRequest());
		this.f.get(this.f.staff, base + "&periodFrom=2026-13").andExpect(status().isBadRequest());

		// a tenant: its own bills only, whatever it asks for
		this.f.get(this.f.entUser1, "/api/v1/assets/bills?tenant=" + this.f.ent2)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total", is(6)))
			.andExpect(jsonPath("$.items[*].tenantCreditCode", everyItem(is(this.f.ent1))));
		this.f.get(this.f.entUser1, "/api/v1/assets/bills/" + b2.get("id")).andExpect(status().isForbidden());
		this.f.get(this.f.entUser2, "/api/v1/assets/bills/" + b2.get("id")).andExpect(status().isOk());
		this.f.get(this.f.otherStaff, "/api/v1/assets/bills/" + b2.get("id")).andExpect(status().isForbidden());
		this.f.get(this.f.otherStaff, base).andExpect(status().isForbidden());
		this.f.get(this.f.staff, "/api/v1/assets/bills/" + l1 * 1000 + 7).andExpect(status().isNotFound());

		// the export: the bills the filter finds
		this.mvc
			.perform(get("/api/v1/assets/bills/export?zone=" + this.f.zone + "&status=PAID").header("Authorization",
					"Bearer " + this.f.staff))
			.andExpect(status().isOk())
			.andExpect((r) -> assertThat(r.getResponse().getContentType()).contains("spreadsheetml"));
		this.mvc.perform(get("/api/v1/assets/bills/export").header("Authorization", "Bearer " + this.f.entUser1))
			.andExpect(status().isOk());

		// the pages: staff see the zone's bills by name and status, pay one, the tenant
		// its own
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("lb-"), List.of("LAND_STAFF"),
				List.of(this.f.zone), null);
		Cookie session = signIn(user);
		this.mvc
			.perform(post("/zone-switch").cookie(session).param("zone", this.f.zone).param("back", "/").with(csrf()));
		assertThat(page(session, "/assets/bills")).contains("土地测试一号有限公司")
			.contains("已缴清")
			.contains("逾期")
			.contains("账单厂房 B-301");
		assertThat(page(session, "/assets/bills?status=PAID")).contains("账单厂房 B-302").doesNotContain("账单厂房 B-301");
		assertThat(page(session, "/assets/bills?periodFrom=nonsense")).contains("筛选条件有误");
		Map<String, Object> b1 = bills(l1).get(0);
		assertThat(page(session, "/assets/bills/" + b1.get("id"))).contains("登记收款").contains("1000.00");
		this.mvc
			.perform(post("/assets/bills/" + b1.get("id") + "/payments").cookie(session)
				.with(csrf())
				.param("on", this.today.toString())
				.param("amount", "1000")
				.param("version", b1.get("version").toString()))
			.andExpect(status().is3xxRedirection());
		this.f.get(this.f.staff, "/api/v1/assets/bills/" + b1.get("id")).andExpect(jsonPath("$.status", is("PAID")));
		// a stale version on the page form: 409 with the typed values kept
		this.mvc
			.perform(post("/assets/bills/" + bills(l1).get(1).get("id") + "/payments").cookie(session)
				.with(csrf())
				.param("on", this.today.toString())
				.param("amount", "123.45")
				.param("version", "999"))
			.andExpect(status().isConflict())
			.andExpect((r) -> assertThat(r.getResponse().getContentAsString()).contains("123.45"));
		this.mvc.perform(get("/assets/bills/export").cookie(session)).andExpect(status().isOk());
		assertThat(page(session, "/assets/bills?lang=en")).contains("Overdue").contains("Rent bills");
		Cookie tenant = signIn(this.f.api.createUser(this.f.admin, TestApi.unique("lt-"), List.of("ENTERPRISE"),
				List.of(), this.f.ent2));
		assertThat(page(tenant, "/assets/bills")).contains("账单厂房 B-302").doesNotContain("账单厂房 B-301");
		this.mvc.perform(get("/assets/bills/" + b1.get("id")).cookie(tenant)).andExpect(status().isForbidden());
	}

	@Test
	void aLeaseEndedEarlyKeepsOnlyTheBillsOfItsTerm() throws Exception {
		LocalDate start = this.today.minusMonths(3).withDayOfMonth(1);
		long lease = lease(unit("401", 100), this.f.ent1, start, this.today.plusYears(1), 10);
		assertThat(bills(lease)).hasSize(4);
		// the second period paid in full: ending in it would bill less than was paid →
		// 409
		Map<String, Object> second = bills(lease).get(1);
		this.f
			.post(this.f.staff, "/api/v1/assets/bills/" + second.get("id") + "/payments",
					Map.of("on", this.today.toString(), "amount", 1000, "version", second.get("version")))
			.andExpect(status().isCreated());
		this.f
			.post(this.f.staff, "/api/v1/assets/leases/" + lease + "/termination",
					Map.of("on", start.plusMonths(1).plusDays(9).toString(), "reason", "退租"))
			.andExpect(status().isConflict());
		assertThat(bills(lease)).hasSize(4);
		// ending in the third period: that bill is cut to its days, the fourth withdrawn
		LocalDate end = start.plusMonths(2).plusDays(9);
		this.f
			.post(this.f.staff, "/api/v1/assets/leases/" + lease + "/termination",
					Map.of("on", end.toString(), "reason", "退租"))
			.andExpect(status().isOk());
		List<Map<String, Object>> left = bills(lease);
		assertThat(left).hasSize(3);
		assertThat(left.get(2).get("periodTo")).isEqualTo(end.toString());
		assertThat(((Number) left.get(2).get("amount")).doubleValue()).isLessThan(1000.0);
	}

	private Cookie signIn(String username) throws Exception {
		return this.f.signIn(username);
	}

	private String page(Cookie session, String path) throws Exception {
		return this.f.page(session, path);
	}

}
