package io.parkops.safety;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every role's home page starts with the user's own to-do list (我的待办) across work lines:
 * each item with its count, oldest due date and a link.
 */
@ParkOpsTest
class HomeToDoTests {

	@Autowired
	MockMvc mvc;

	SafetyFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new SafetyFixture(this.mvc);
	}

	private Cookie signIn(String username) throws Exception {
		Cookie session = this.mvc
			.perform(post("/login").param("username", username).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc
			.perform(post("/zone-switch").cookie(session).param("zone", this.f.zone).param("back", "/").with(csrf()));
		return session;
	}

	private String home(Cookie session) throws Exception {
		return this.mvc.perform(get("/").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void safetyStaffSeeHazardsToAcceptAndComplaintsDueAndEnterprisesTheirHazardsToRectify() throws Exception {
		String staff = this.f.api.createUser(this.f.admin, TestApi.unique("td-"), List.of("SAFETY_STAFF"),
				List.of(this.f.zone), null);
		String enterprise = this.f.api.createUser(this.f.admin, TestApi.unique("te-"), List.of("ENTERPRISE"), List.of(),
				this.f.ent2);
		Cookie staffSession = signIn(staff);
		assertThat(home(staffSession)).contains("我的待办").contains("目前没有等您处理的事项").doesNotContain("待我验收的隐患");

		long waiting = this.f.createHazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		this.f.rectify(waiting, "2024-03-15");
		this.f.createHazard(this.f.ent2, "GENERAL", "2024-04-01", "2024-04-30");
		this.f
			.post(this.f.staff, "/api/v1/safety/complaints",
					Map.of("zoneCode", this.f.zone, "receivedOn", "2024-07-01", "source", "12345政务服务热线", "content",
							"夜间噪声", "deadline", "2024-07-16"))
			.andExpect(status().isCreated());

		String page = home(staffSession);
		assertThat(page).contains("待我验收的隐患")
			.contains("/safety/hazards?status=AWAITING_ACCEPTANCE")
			.contains("2024-03-31")
			.contains("到期的信访件")
			.contains("2024-07-16")
			.doesNotContain("待整改的隐患");
		String english = this.mvc.perform(get("/").param("lang", "en").cookie(staffSession))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("My to-do list").contains("Hazards awaiting my acceptance");

		// the enterprise user's home: its own hazard to rectify, not the other
		// enterprise's
		String own = home(signIn(enterprise));
		assertThat(own).contains("待整改的隐患")
			.contains("2024-04-30")
			.doesNotContain("2024-03-31")
			.doesNotContain("待我验收的隐患")
			.contains("/enterprises/" + this.f.ent2);

		// accepted: gone from the staff list
		this.f.accept(waiting, "2024-03-20");
		assertThat(home(staffSession)).doesNotContain("待我验收的隐患");
	}

	@Test
	void economyStaffSeeEnterprisesNotYetReportedAndTheEnterpriseItsMonthToReport() throws Exception {
		String code = SafetyFixture.creditCode();
		this.f.api.postJson(this.f.admin, "/api/v1/enterprises",
				Map.of("creditCode", code, "name", "待报测试工业有限公司", "zoneCode", this.f.zone, "areaCode", "east",
						"industryCode", "C39", "aboveScale", true, "aboveScaleSince", "2021-01", "status",
						"IN_PRODUCTION"))
			.andExpect(status().isCreated());
		String economy = this.f.api.createUser(this.f.admin, TestApi.unique("tc-"), List.of("ECONOMY_STAFF"),
				List.of(this.f.zone), null);
		String enterprise = this.f.api.createUser(this.f.admin, TestApi.unique("tf-"), List.of("ENTERPRISE"), List.of(),
				code);
		YearMonth month = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai"))).minusMonths(1);
		assertThat(home(signIn(economy))).contains("本期未报月报的企业").contains("/economy/completeness?month=" + month);
		assertThat(home(signIn(enterprise))).contains("本企业待报的月报")
			.contains("/economy/monthly/" + code + "?month=" + month);
	}

}
