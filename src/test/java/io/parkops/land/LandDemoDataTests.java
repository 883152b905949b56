package io.parkops.land;

import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.TestApi.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo zone's land and assets look like a real zone's: both years of 亩均 results have
 * all four classes, D among them, by domain.md's rule (scores spread, not tied at the
 * bottom).
 */
@ParkOpsTest
class LandDemoDataTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void bothYearsOfPerMuResultsHaveAllFourClasses() throws Exception {
		TestApi api = new TestApi(this.mvc);
		// the administrator holds no land permission: land staff of the demo zone
		String admin = api.token(
				api.createUser(api.adminToken(), TestApi.unique("ld-"), List.of("LAND_STAFF"), List.of("yunxi"), null),
				TestApi.STRONG_PASSWORD);
		int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		var list = this.mvc.perform(bearer(admin, get("/api/v1/land/per-mu/evaluations?zone=yunxi")))
			.andExpect(status().isOk())
			.andReturn();
		List<Number> ids = TestApi.read(list, "$[?(@.year == " + (year - 1) + " || @.year == " + (year - 2) + ")].id");
		assertThat(ids).hasSize(2);
		for (Number id : ids) {
			var result = this.mvc.perform(bearer(admin, get("/api/v1/land/per-mu/evaluations/" + id)))
				.andExpect(status().isOk())
				.andReturn();
			Map<String, Number> classes = TestApi.read(result, "$.classes");
			int graded = TestApi.<Number>read(result, "$.graded").intValue();
			assertThat(classes.keySet()).as("evaluation " + id).contains("A", "B", "C", "D");
			// the cuts of domain.md: D is the last 5 % of the graded (ties share the
			// better
			// class, so at most that)
			assertThat(classes.get("D").intValue()).isPositive().isLessThanOrEqualTo(Math.round(graded * 0.05f) + 1);
			assertThat(classes.get("A").intValue()).isGreaterThanOrEqualTo(graded / 5);
		}
	}

	/**
	 * The demo's rent: every payment is against a stored bill; the bills are paid, in
	 * part, overdue or not yet due; rent collected is what the payments sum to and the
	 * arrears what the stored bills leave unpaid.
	 */
	@Test
	void theDemoRentIsReadFromStoredBillsAndPayments() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String leader = api.token(
				api.createUser(api.adminToken(), TestApi.unique("lr-"), List.of("LEADER"), List.of("yunxi"), null),
				TestApi.STRONG_PASSWORD);
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		java.time.LocalDate from = today.withDayOfYear(1);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM asset_payment p JOIN asset_lease l ON l.id = p.lease_id
				WHERE l.zone_code = 'yunxi' AND p.bill_id IS NULL
				""").query(Long.class).single()).isZero();
		List<String> statuses = this.jdbc
			.sql("SELECT DISTINCT status FROM asset_bill WHERE zone_code = 'yunxi' ORDER BY 1")
			.query(String.class)
			.list();
		assertThat(statuses).contains("PAID", "OVERDUE");
		assertThat(statuses.size()).isGreaterThanOrEqualTo(3);
		java.math.BigDecimal paid = this.jdbc.sql("""
				SELECT coalesce(sum(p.amount), 0) FROM asset_payment p JOIN asset_lease l ON l.id = p.lease_id
				WHERE l.zone_code = 'yunxi' AND p.on_date BETWEEN :f AND :t
				""").param("f", from).param("t", today).query(java.math.BigDecimal.class).single();
		java.math.BigDecimal owed = this.jdbc.sql("""
				SELECT coalesce(sum(amount - paid), 0) FROM asset_bill WHERE zone_code = 'yunxi' AND period_from <= :t
				""").param("t", today).query(java.math.BigDecimal.class).single();
		var summary = this.mvc
			.perform(bearer(leader, get("/api/v1/assets/summary?zone=yunxi&from=" + from + "&to=" + today)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(new java.math.BigDecimal(TestApi.<Number>read(summary, "$.rentCollected").toString()))
			.isEqualByComparingTo(paid)
			.isPositive();
		assertThat(new java.math.BigDecimal(TestApi.<Number>read(summary, "$.arrears.amount").toString()))
			.isEqualByComparingTo(owed)
			.isPositive();
	}

	/**
	 * The demo's final 亩均 evaluation goes through what a real finalisation does: each
	 * enterprise's class is on its timeline (一企一档), in the API and on its file page,
	 * dated the day the evaluation was finalised; the demo's supplies, idle-land notices
	 * and leases are on their enterprises' timelines too.
	 */
	@Test
	void aDemoEnterprisesTimelineShowsItsPerMuClass() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String leaderName = api.createUser(api.adminToken(), TestApi.unique("lt-"), List.of("LEADER", "LAND_STAFF"),
				List.of("yunxi"), null);
		String leader = api.token(leaderName, TestApi.STRONG_PASSWORD);
		var finalOne = this.jdbc
			.sql("""
					SELECT e.id, e.year, e.finalized_on::text AS finalized_on, r.credit_code, r.class AS cls FROM land_permu_evaluation e
					JOIN land_permu_result r ON r.evaluation_id = e.id
					WHERE e.zone_code = 'yunxi' AND e.status = 'FINAL' AND r.class = 'D' ORDER BY r.credit_code LIMIT 1
					""")
			.query()
			.singleRow();
		String code = (String) finalOne.get("credit_code");
		String summary = "land.perMuClass.D:" + finalOne.get("year");
		var file = this.mvc.perform(bearer(leader, get("/api/v1/enterprises/" + code + "/file")))
			.andExpect(status().isOk())
			.andReturn();
		List<String> summaries = TestApi.read(file, "$.events[*].summary");
		assertThat(summaries).contains(summary);
		List<String> at = TestApi.read(file, "$.events[?(@.summary == '" + summary + "')].occurredAt");
		assertThat(java.time.OffsetDateTime.parse(at.get(0))
			.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
			.toLocalDate()).isEqualTo(java.time.LocalDate.parse((String) finalOne.get("finalized_on")));
		// every result of the final evaluation has its class on its timeline, once
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM land_permu_result r JOIN enterprise n ON n.credit_code = r.credit_code
				WHERE r.evaluation_id = :id AND (SELECT count(*) FROM enterprise_event v WHERE v.enterprise_id = n.id
				  AND v.summary = 'land.perMuClass.' || r.class || ':' || :year) <> 1
				""").param("id", finalOne.get("id")).param("year", finalOne.get("year")).query(Long.class).single())
			.isZero();
		// so do the demo's supplies, idle-land notices and leases: each on its
		// enterprise's
		// timeline, as the pages put them
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM land_supply s JOIN land_parcel p ON p.id = s.parcel_id
				JOIN enterprise n ON n.credit_code = s.buyer_credit_code WHERE s.zone_code = 'yunxi'
				AND NOT EXISTS (SELECT 1 FROM enterprise_event v WHERE v.enterprise_id = n.id
				  AND v.summary = 'land.supplied:' || p.code)
				""").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM land_idle_notice i JOIN land_supply s ON s.id = i.supply_id
				JOIN enterprise n ON n.credit_code = s.buyer_credit_code WHERE i.zone_code = 'yunxi'
				AND NOT EXISTS (SELECT 1 FROM enterprise_event v WHERE v.enterprise_id = n.id
				  AND v.summary = 'land.idleNotice:' || i.number)
				""").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM asset_lease l JOIN asset_unit u ON u.id = l.unit_id
				JOIN enterprise n ON n.credit_code = l.tenant_credit_code WHERE l.zone_code = 'yunxi'
				AND NOT EXISTS (SELECT 1 FROM enterprise_event v WHERE v.enterprise_id = n.id
				  AND v.summary = 'land.leaseSigned:' || u.building || u.unit)
				""").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM land_idle_notice WHERE zone_code = 'yunxi'")
			.query(Long.class)
			.single()).isPositive();
		// the file page reads it
		var login = this.mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
				.formLogin("/login")
				.user(leaderName)
				.password(TestApi.STRONG_PASSWORD))
			.andReturn();
		String html = this.mvc.perform(get("/enterprises/" + code).cookie(login.getResponse().getCookie("SESSION")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("亩均效益评价：" + finalOne.get("year") + "年度D类");
		String english = this.mvc
			.perform(get("/enterprises/" + code + "?lang=en").cookie(login.getResponse().getCookie("SESSION")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("Per-mu evaluation " + finalOne.get("year") + ": class D");
	}

}
