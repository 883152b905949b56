package io.parkops.enterprise;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enterprise file (一企一档) page opens whatever its timeline says (issue 9 §1) and shows
 * names, not codes; English counts are written with their plural (issue 9 §7).
 */
@ParkOpsTest
class EnterpriseFilePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	EnterpriseTimeline timeline;

	@Autowired
	MessageSource messages;

	@Test
	void theFileOpensForStaffAndItsEnterpriseWhenATimelineSummaryHoldsColonsAndCodes() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("efp-"), "east");
		String code = TestApi.read(api
			.postJson(admin, "/api/v1/enterprises",
					Map.of("creditCode", "91360727MA35LGHK7K".substring(0, 2) + creditBody(), "name", "冒号测试有限公司",
							"zoneCode", zone, "areaCode", "east", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated())
			.andReturn(), "$.creditCode");
		this.timeline.record(code, Instant.now(), "safety", "safety.hazardFound:消防: 通道堵塞", "/safety/hazards");
		this.timeline.record(code, Instant.now(), "enterprise", "status.changed:HALTED", null);
		String staff = api.createUser(admin, TestApi.unique("efp-"), List.of("ECONOMY_STAFF"), List.of(zone), null);
		String owner = api.createUser(admin, TestApi.unique("efp-"), List.of("ENTERPRISE"), List.of(), code);
		for (String user : List.of(staff, owner)) {
			MvcResult page = this.mvc.perform(get("/enterprises/" + code).cookie(signIn(user)))
				.andExpect(status().isOk())
				.andReturn();
			String html = page.getResponse().getContentAsString();
			assertThat(html).contains("发现隐患（消防: 通道堵塞）").contains("状态变更为 停产").doesNotContain("状态变更为 HALTED");
		}
	}

	@Test
	void englishCountsAgreeWithTheirNumber() {
		assertThat(this.messages.getMessage("safety.reminder.dueSoon", new Object[] { 1L }, Locale.ENGLISH))
			.isEqualTo("1 hazard due soon");
		assertThat(this.messages.getMessage("safety.reminder.dueSoon", new Object[] { 3L }, Locale.ENGLISH))
			.isEqualTo("3 hazards due soon");
		assertThat(this.messages.getMessage("safety.reminder.overdue", new Object[] { 1L }, Locale.ENGLISH))
			.isEqualTo("1 overdue hazard");
		assertThat(this.messages.getMessage("safety.reminder.overdue", new Object[] { 1200L }, Locale.ENGLISH))
			.isEqualTo("1,200 overdue hazards");
	}

	Cookie signIn(String user) throws Exception {
		MvcResult login = this.mvc.perform(formLogin("/login").user(user).password(TestApi.STRONG_PASSWORD))
			.andReturn();
		Cookie cookie = login.getResponse().getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return cookie;
	}

	static String creditBody() {
		String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		StringBuilder body = new StringBuilder("91");
		java.util.Random random = new java.util.Random();
		for (int i = 0; i < 15; i++) {
			body.append(charset.charAt(random.nextInt(charset.length())));
		}
		return body.substring(2) + CreditCode.checkCharacter(body.toString());
	}

}
