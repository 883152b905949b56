package io.parkops.safety;

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
 * Every safety page renders for the people who use it, in Chinese and English, and shows
 * an enterprise user only its own hazards.
 */
@ParkOpsTest
class SafetyPagesTests {

	@Autowired
	MockMvc mvc;

	SafetyFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new SafetyFixture(this.mvc);
	}

	/**
	 * Signs in through the form; the session lives in the SESSION cookie (Spring
	 * Session).
	 */
	private Cookie signIn(String username) throws Exception {
		return this.mvc
			.perform(post("/login").param("username", username).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void staffPagesShowTheWorkInChineseAndEnglish() throws Exception {
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("sp-"), List.of("SAFETY_STAFF"),
				List.of(this.f.zone), null);
		long major = this.f.createHazard(this.f.ent1, "MAJOR", "2024-03-01", "2024-03-31");
		Number inspection = TestApi.read(
				this.f
					.post(this.f.staff, "/api/v1/safety/inspections",
							Map.of("zoneCode", this.f.zone, "date", "2024-03-01", "kind", "JOINT",
									"enterpriseCreditCodes", List.of(this.f.ent1)))
					.andReturn(),
				"$.id");
		Number complaint = TestApi.read(
				this.f
					.post(this.f.staff, "/api/v1/safety/complaints",
							Map.of("zoneCode", this.f.zone, "receivedOn", "2024-07-01", "source", "12345政务服务热线",
									"content", "异味"))
					.andReturn(),
				"$.id");
		Cookie session = signIn(user);
		this.mvc
			.perform(post("/zone-switch").cookie(session).param("zone", this.f.zone).param("back", "/").with(csrf()));
		assertThat(page(session, "/safety")).contains("逾期未整改").contains("本年整改完成率");
		assertThat(page(session, "/safety/hazards")).contains("消防通道堵塞").contains("缺治理方案").contains("逾期");
		String detail = page(session, "/safety/hazards/" + major);
		assertThat(detail).contains("待整改")
			.contains("上报整改完成")
			.contains("制定治理方案")
			.contains("下达整改通知书")
			.doesNotContain("验收通过，销号");
		assertThat(page(session, "/safety/hazards/new?inspection=" + inspection)).contains("安全测试一号有限公司");
		assertThat(page(session, "/safety/inspections")).contains("联合执法");
		assertThat(page(session, "/safety/inspections/" + inspection)).contains("安全测试一号有限公司");
		assertThat(page(session, "/safety/inspections/new")).contains("复产复工前检查");
		assertThat(page(session, "/safety/notices")).contains("整改通知书");
		assertThat(page(session, "/safety/penalties")).contains("登记行政处罚");
		assertThat(page(session, "/safety/complaints")).contains("异味");
		assertThat(page(session, "/safety/complaints/" + complaint)).contains("开始办理").contains("办结销号");
		assertThat(page(session, "/safety/patrols")).contains("巡查日志");
		assertThat(page(session, "/safety/duty")).contains("带班领导");
		assertThat(page(session, "/safety/statistics?from=2024-01-01&to=2024-12-31")).contains("整改完成率")
			.contains("重大隐患");
		assertThat(page(session, "/safety/statistics/trend.json?year=2024")).contains("\"labels\"");
		assertThat(page(session, "/safety/enterprise-panel/" + this.f.ent1)).contains("消防通道堵塞");
		assertThat(page(session, "/safety/hazards?lang=en")).contains("Hazards").contains("Overdue");
		assertThat(page(session, "/safety/statistics?lang=en")).contains("Rectification rate");
		page(session, "/?lang=zh-CN");
		this.mvc.perform(get("/safety/hazards/export").cookie(session))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Disposition", org.hamcrest.Matchers.containsString("hazards.xlsx")));
	}

	@Test
	void enterpriseUserSeesItsOwnHazardsAndRemindersButNotOthers() throws Exception {
		long own = this.f.createHazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		long other = this.f.createHazard(this.f.ent2, "GENERAL", "2024-03-01", "2024-03-31");
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("se-"), List.of("ENTERPRISE"), List.of(),
				this.f.ent1);
		Cookie session = signIn(user);
		String list = page(session, "/safety/hazards");
		assertThat(list).contains("/safety/hazards/" + own).doesNotContain("/safety/hazards/" + other);
		assertThat(list).contains("逾期隐患 1 条");
		String detail = page(session, "/safety/hazards/" + own);
		assertThat(detail).contains("上报整改完成").doesNotContain("验收通过，销号").doesNotContain("下达整改通知书");
		this.mvc.perform(get("/safety/hazards/" + other).cookie(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/safety/enterprise-panel/" + this.f.ent2).cookie(session))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/safety/statistics").cookie(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/safety/inspections").cookie(session)).andExpect(status().isForbidden());
	}

}
