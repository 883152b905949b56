package io.parkops.party.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.economy.EconomyStatistics;
import io.parkops.enterprise.CreditCode;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.party.internal.PartyViews.Screening;
import io.parkops.party.internal.PartyViews.ScreeningRow;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static io.parkops.TestApi.withJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scope option "≥ N employees": the employees come from the economy module's reported
 * figures (its public API), an enterprise without reported figures is left out, and the
 * default (0) keeps every enterprise of the scope's statuses.
 */
@ParkOpsTest
class CoverageScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PartyStore store;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	EconomyStatistics economy;

	@Autowired
	CoverageService defaults;

	static PartyProperties properties(int minEmployees) {
		return properties(minEmployees, true);
	}

	static PartyProperties properties(int minEmployees, boolean unstatedInScope) {
		return new PartyProperties("IN_PRODUCTION", "JOINT,INCUBATOR", "STATE_OWNED", false, 3, minEmployees, 3, 60, 15,
				new BigDecimal("60"), "PRIVATE,HONG_KONG_MACAO_TAIWAN,FOREIGN", unstatedInScope);
	}

	/**
	 * domain.md §8: coverage counts the operating non-public enterprises. The registry's
	 * ownership type decides: 民营, 港澳台, 外商 are in scope, 国有, 集体 and 其他 are not (even in a
	 * joint branch); an enterprise whose type is not stated counts unless a 国有企业 branch
	 * covers it, or not at all where so configured; and the figures follow the
	 * organisations' history for any date.
	 */
	@Test
	void theScopeIsTheRegistrysNonPublicEnterprisesOnAnyDate() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, unique("pty-"), "east");
		String privately = enterprise(api, admin, zone, "非公民营企业有限公司", "PRIVATE");
		String foreign = enterprise(api, admin, zone, "非公外商企业有限公司", "FOREIGN");
		String hmt = enterprise(api, admin, zone, "非公港资企业有限公司", "HONG_KONG_MACAO_TAIWAN");
		String state = enterprise(api, admin, zone, "公有国有企业有限公司", "STATE_OWNED");
		String collective = enterprise(api, admin, zone, "公有集体企业有限公司", "COLLECTIVE");
		enterprise(api, admin, zone, "其他类型企业有限公司", "OTHER");
		String unstated = enterprise(api, admin, zone, "类型未填企业有限公司", null);
		String unstatedState = enterprise(api, admin, zone, "未填国企支部企业有限公司", null);
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		String staff = api.token(
				api.createUser(admin, unique("pty-"), java.util.List.of("PARTY_STAFF"), java.util.List.of(zone), null),
				TestApi.STRONG_PASSWORD);
		long committee = organisation(api, staff, zone, "党工委", "WORKING_COMMITTEE", null, null, java.util.List.of(),
				today.minusYears(5));
		organisation(api, staff, zone, "民营企业党支部", "BRANCH", "OWN", committee, java.util.List.of(privately),
				today.minusYears(2));
		organisation(api, staff, zone, "联合党支部", "BRANCH", "JOINT", committee,
				java.util.List.of(foreign, hmt, state, collective), today.minusMonths(6));
		organisation(api, staff, zone, "国企党支部", "BRANCH", "STATE_OWNED", committee, java.util.List.of(unstatedState),
				today.minusYears(3));

		PartyViews.Coverage now = this.defaults.coverage(zone, today);
		assertThat(now.enterprisesInScope()).isEqualTo(4);
		assertThat(now.ownBranchEnterprises()).isEqualTo(1);
		assertThat(now.jointBranchEnterprises()).isEqualTo(2);
		assertThat(now.coveragePct()).isEqualByComparingTo("75.00");
		assertThat(now.ownRatePct()).isEqualByComparingTo("25.00");
		assertThat(now.ownershipNotStated()).isEqualTo(1);
		assertThat(this.defaults.screening(zone, today).enterprises()).extracting(ScreeningRow::creditCode)
			.containsExactlyInAnyOrder(privately, foreign, hmt, unstated);

		// a year ago the joint branch did not exist yet
		PartyViews.Coverage yearAgo = this.defaults.coverage(zone, today.minusYears(1));
		assertThat(yearAgo.enterprisesInScope()).isEqualTo(4);
		assertThat(yearAgo.coveragePct()).isEqualByComparingTo("25.00");

		CoverageService stated = new CoverageService(this.store, this.registry, properties(0, false), this.economy);
		PartyViews.Coverage statedOnly = stated.coverage(zone, today);
		assertThat(statedOnly.enterprisesInScope()).isEqualTo(3);
		assertThat(statedOnly.coveragePct()).isEqualByComparingTo("100.00");
		assertThat(statedOnly.ownershipNotStated()).isZero();
	}

	@Test
	void theScreeningFilterIsCheckedAndNarrowsTheList() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, unique("pty-"), "east");
		String a = enterprise(api, admin, zone, "筛选甲民营有限公司", "PRIVATE");
		String b = enterprise(api, admin, zone, "筛选乙未填有限公司", null);
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		java.util.List<ScreeningRow> rows = this.defaults.screening(zone, today).enterprises();
		assertThat(rows.stream().filter(this.defaults.filter("甲", null, null, null)::test))
			.extracting(ScreeningRow::creditCode)
			.containsExactly(a);
		assertThat(rows.stream().filter(this.defaults.filter(b.substring(0, 10), null, null, null)::test))
			.extracting(ScreeningRow::creditCode)
			.containsExactly(b);
		assertThat(rows.stream().filter(this.defaults.filter(null, null, "NONE", null)::test))
			.extracting(ScreeningRow::creditCode)
			.containsExactly(b);
		assertThat(rows.stream().filter(this.defaults.filter(null, "NONE", "PRIVATE", null)::test))
			.extracting(ScreeningRow::creditCode)
			.containsExactly(a);
		assertThat(rows.stream().filter(this.defaults.filter(null, "OWN", null, null)::test)).isEmpty();
		assertThat(rows.stream().filter(this.defaults.filter(null, null, null, true)::test)).isEmpty();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.defaults.filter(null, "SOMETIMES", null, null))
			.isInstanceOf(io.parkops.platform.InvalidInputException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.defaults.filter(null, null, "MARTIAN", null))
			.isInstanceOf(io.parkops.platform.InvalidInputException.class);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.defaults.filter("x".repeat(101), null, null, null))
			.isInstanceOf(io.parkops.platform.InvalidInputException.class);
	}

	private static long organisation(TestApi api, String admin, String zone, String name, String kind, String type,
			Long parent, java.util.List<String> codes, LocalDate foundedOn) throws Exception {
		Number id = TestApi.read(api
			.postJson(admin, "/api/v1/party/organisations",
					io.parkops.party.PartyFixture.organisation(zone, name, kind, type, parent, codes, foundedOn))
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
		return id.longValue();
	}

	@Test
	void enterprisesBelowTheEmployeesOrWithoutFiguresLeaveTheScopeWhenSet() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, unique("pty-"), "east");
		String big = enterprise(api, admin, zone, "党建规模企业有限公司");
		String small = enterprise(api, admin, zone, "党建小微企业有限公司");
		String silent = enterprise(api, admin, zone, "党建未报企业有限公司");
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		String month = (today.getYear() - 1) + "-12";
		employees(admin, big, month, 120);
		employees(admin, small, month, 20);

		CoverageService fifty = new CoverageService(this.store, this.registry, properties(50), this.economy);
		Screening scoped = fifty.screening(zone, today);
		assertThat(scoped.enterprises()).extracting(ScreeningRow::creditCode).containsExactly(big);
		assertThat(scoped.enterprises().get(0).employees()).isEqualByComparingTo("120");
		assertThat(fifty.coverage(zone, today).enterprisesInScope()).isEqualTo(1);

		Screening all = this.defaults.screening(zone, today);
		assertThat(all.enterprises()).extracting(ScreeningRow::creditCode)
			.containsExactlyInAnyOrder(big, small, silent);
		Map<String, BigDecimal> staff = new LinkedHashMap<>();
		all.enterprises().forEach((r) -> staff.put(r.creditCode(), r.employees()));
		assertThat(staff.get(small)).isEqualByComparingTo("20");
		assertThat(staff.get(silent)).isNull();
		assertThat(this.defaults.coverage(zone, today).enterprisesInScope()).isEqualTo(3);
	}

	private void employees(String admin, String code, String month, int n) throws Exception {
		this.mvc
			.perform(bearer(admin,
					withJson(put("/api/v1/enterprises/" + code + "/monthly/" + month),
							Map.of("values", Map.of("employees", n)))))
			.andExpect(status().isOk());
	}

	private static String enterprise(TestApi api, String admin, String zone, String name) throws Exception {
		return enterprise(api, admin, zone, name, null);
	}

	private static String enterprise(TestApi api, String admin, String zone, String name, String ownership)
			throws Exception {
		java.util.Random random = new java.util.Random();
		String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		StringBuilder body = new StringBuilder("91");
		for (int i = 0; i < 15; i++) {
			body.append(charset.charAt(random.nextInt(charset.length())));
		}
		String code = body + String.valueOf(CreditCode.checkCharacter(body.toString()));
		Map<String, Object> request = new LinkedHashMap<>(Map.of("creditCode", code, "name", name, "zoneCode", zone,
				"areaCode", "east", "status", "IN_PRODUCTION"));
		if (ownership != null) {
			request.put("ownershipType", ownership);
		}
		api.postJson(admin, "/api/v1/enterprises", request).andExpect(status().isCreated());
		return code;
	}

}
