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
		return new PartyProperties("IN_PRODUCTION", "JOINT,INCUBATOR", "STATE_OWNED", false, 3, minEmployees, 3, 60, 15,
				new BigDecimal("60"));
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
		java.util.Random random = new java.util.Random();
		String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		StringBuilder body = new StringBuilder("91");
		for (int i = 0; i < 15; i++) {
			body.append(charset.charAt(random.nextInt(charset.length())));
		}
		String code = body + String.valueOf(CreditCode.checkCharacter(body.toString()));
		api.postJson(admin, "/api/v1/enterprises", Map.of("creditCode", code, "name", name, "zoneCode", zone,
				"areaCode", "east", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
		return code;
	}

}
