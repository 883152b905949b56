package io.parkops.service;

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
 * The service pages as staff and an enterprise see them: the request list and page with
 * the next steps, the enterprise's own requests and the policies it qualifies for with
 * the reason, a policy with its matches, visits with the service people, financing, job
 * fairs and the statistics; a request raised and rated through the forms.
 */
@ParkOpsTest
class ServicePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	ServiceFixture f;

	@BeforeEach
	void fixture() throws Exception {
		this.f = new ServiceFixture(this.mvc);
	}

	private Cookie signIn(String username) throws Exception {
		return this.mvc
			.perform(post("/login").param("username", username).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	/** A new service staff user of the zone, signed in, with the zone chosen. */
	private Cookie staffSession() throws Exception {
		String staffUser = this.f.api.createUser(this.f.admin, TestApi.unique("sl-"), List.of("SERVICE_STAFF"),
				List.of(this.f.zone), null);
		Cookie staff = signIn(staffUser);
		this.mvc.perform(post("/zone-switch").cookie(staff).param("zone", this.f.zone).param("back", "/").with(csrf()));
		return staff;
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aVisitRecordsTheRequestsRaisedOnTheSpot() throws Exception {
		String staffUser = this.f.api.createUser(this.f.admin, TestApi.unique("sv-"), List.of("SERVICE_STAFF"),
				List.of(this.f.zone), null);
		long visit = ((Number) ServiceFixture.read(this.f
			.post(this.f.staff, "/api/v1/services/visits",
					Map.of("zoneCode", this.f.zone, "date", "2026-03-04", "enterpriseCreditCodes", List.of(this.f.ent1),
							"visitors", List.of("李书记"), "notes", "走访", "deeds", 0))
			.andExpect(status().isCreated()), "$.id")).longValue();
		Cookie staff = signIn(staffUser);
		this.mvc.perform(post("/zone-switch").cookie(staff).param("zone", this.f.zone).param("back", "/").with(csrf()));
		assertThat(page(staff, "/services/visits")).contains("记录现场诉求")
			.contains("/services/requests?visit=" + visit + "#raise");
		assertThat(page(staff, "/services/requests?visit=" + visit)).contains("来自走访")
			.contains("name=\"visitId\" value=\"" + visit + "\"")
			.contains("2026-03-04")
			.contains("服务测试一号有限公司");
		this.mvc
			.perform(post("/services/requests").cookie(staff)
				.param("enterpriseCreditCode", this.f.ent1)
				.param("channel", "VISIT")
				.param("category", "LAND")
				.param("title", "扩建用地")
				.param("content", "二期扩建需新增用地30亩")
				.param("raisedOn", "2026-03-04")
				.param("visitId", Long.toString(visit))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		Number id = ServiceFixture.read(this.f.get(this.f.staff, "/api/v1/services/visits/" + visit),
				"$.requestIds[0]");
		assertThat(page(staff, "/services/visits")).contains("/services/requests/" + id);
	}

	@Test
	void staffAndEnterprisePagesDriveARequestToItsRating() throws Exception {
		String staffUser = this.f.api.createUser(this.f.admin, TestApi.unique("sp-"), List.of("SERVICE_STAFF"),
				List.of(this.f.zone), null);
		String entUser = this.f.api.createUser(this.f.admin, TestApi.unique("ep-"), List.of("ENTERPRISE"), List.of(),
				this.f.ent1);
		this.f
			.post(this.f.staff, "/api/v1/services/policies", Map.of("zoneCode", this.f.zone, "title", "稳岗补贴", "issuer",
					"县人社局", "criteria", List.of(Map.of("kind", "MANUAL", "text", "按时足额缴纳社保"))))
			.andExpect(status().isCreated());
		this.f.post(this.f.staff, "/api/v1/services/visits",
				Map.of("zoneCode", this.f.zone, "date", "2026-03-03", "enterpriseCreditCodes", List.of(this.f.ent1),
						"visitors", List.of("王主任"), "notes", "了解用工需求", "deeds", 1))
			.andExpect(status().isCreated());
		Cookie enterprise = signIn(entUser);
		assertThat(page(enterprise, "/services/requests")).contains("我的诉求").contains("提交诉求");
		this.mvc
			.perform(post("/services/requests").cookie(enterprise)
				.param("category", "LABOUR")
				.param("title", "急需普工")
				.param("content", "新产线缺普工50人")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		Number id = ServiceFixture.read(this.f.get(this.f.staff, "/api/v1/services/requests?zone=" + this.f.zone),
				"$.items[0].id");
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		Cookie staff = signIn(staffUser);
		this.mvc.perform(post("/zone-switch").cookie(staff).param("zone", this.f.zone).param("back", "/").with(csrf()));
		assertThat(page(staff, "/services/requests")).contains("企业诉求").contains("急需普工").contains("已受理");
		assertThat(page(staff, "/services/requests/" + id)).contains("交办").contains("服务测试一号有限公司");
		this.mvc
			.perform(post("/services/requests/" + id + "/handling").cookie(staff)
				.param("on", today)
				.param("department", "人社局")
				.param("handler", "张科长")
				.param("level", "COUNTY")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		// a resolution without its result is refused and says so
		this.mvc.perform(post("/services/requests/" + id + "/resolution").cookie(staff).param("on", today).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(staff, "/services/requests/" + id)).contains("办理中").contains("办理结果");
		this.mvc
			.perform(post("/services/requests/" + id + "/resolution").cookie(staff)
				.param("on", today)
				.param("result", "招聘会招到普工52人")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(enterprise, "/services/requests/" + id)).contains("评价办理结果").contains("招聘会招到普工52人");
		this.mvc.perform(
				post("/services/requests/" + id + "/rating").cookie(enterprise).param("satisfaction", "5").with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(enterprise, "/services/requests/" + id)).contains("已评价").contains("5 / 5");
		// staff cannot rate through the page either
		this.mvc
			.perform(post("/services/requests/" + id + "/rating").cookie(staff).param("satisfaction", "1").with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.f.get(this.f.staff, "/api/v1/services/requests/" + id)
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.satisfaction")
				.value(5));

		assertThat(page(enterprise, "/services/policies")).contains("可申报政策").contains("稳岗补贴").contains("待人工核验");
		assertThat(page(enterprise, "/services/financing")).contains("我的融资");
		assertThat(page(enterprise, "/services/applications")).contains("我的申报");
		assertThat(page(staff, "/services/policies")).contains("稳岗补贴").contains("新增政策");
		assertThat(page(staff, "/services/visits")).contains("王主任").contains("企业秘书");
		assertThat(page(staff, "/services/financing")).contains("过桥应急周转金");
		assertThat(page(staff, "/services/job-fairs")).contains("登记招聘会");
		assertThat(page(staff, "/services/statistics")).contains("受理诉求");
		assertThat(page(staff, "/services/requests?lang=en")).contains("Enterprise requests");
		this.mvc.perform(get("/services/requests/export").cookie(staff)).andExpect(status().isOk());
		// an enterprise does not reach the staff pages
		this.mvc.perform(get("/services/visits").cookie(enterprise)).andExpect(status().isForbidden());
	}

	@Test
	void aPolicyOnLandDataIsWrittenThroughTheForm() throws Exception {
		Cookie staff = staffSession();
		assertThat(page(staff, "/services/policies")).contains("亩均效益评价等级").contains("持有土地不少于（亩）");
		this.mvc
			.perform(post("/services/policies").cookie(staff)
				.param("title", "亩均效益领跑企业奖励")
				.param("issuer", "园区管委会")
				.param("perMuClass", "A")
				.param("perMuClass", "B")
				.param("landMin", "50")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(staff, "/services/policies")).contains("亩均效益领跑企业奖励")
			.contains("亩均效益评价A、B类")
			.contains("持有土地不少于50亩");
		Number id = ServiceFixture.read(this.f.get(this.f.staff, "/api/v1/services/policies?zone=" + this.f.zone),
				"$.items[0].id");
		assertThat(page(staff, "/services/policies/" + id)).contains("无已定级的亩均效益评价结果").contains("未持有土地（0亩）");
		// a negative area is refused and nothing is saved
		this.mvc
			.perform(post("/services/policies").cookie(staff)
				.param("title", "错误政策")
				.param("issuer", "园区管委会")
				.param("landMin", "-5")
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(staff, "/services/policies")).doesNotContain("错误政策");
		assertThat(page(staff, "/services/policies?lang=en")).contains("Per-mu class").contains("Class A");
	}

	@Test
	void aLongRequestListSaysMoreThanWhatItCounted() throws Exception {
		this.jdbc.update("""
				INSERT INTO service_request (zone_code, credit_code, channel, category, title, content, raised_on,
				  deadline, status, created_by)
				SELECT ?, ?, 'PHONE', 'OTHER', '批量诉求 ' || k, '内容', DATE '2025-01-01', DATE '2025-01-31', 'RATED', 'test'
				FROM generate_series(1, 10005) k""", this.f.zone, this.f.ent1);
		Cookie staff = staffSession();
		assertThat(page(staff, "/services/requests")).contains("共 10,000+ 条").contains("第 1 / 500 页");
		assertThat(page(staff, "/services/requests?status=SUBMITTED")).contains("共 0 条");
		assertThat(page(staff, "/services/requests?q=10005")).contains("共 1 条");
	}

}
