package io.parkops.safety;

import java.util.List;

import io.parkops.TestApi;
import io.parkops.ParkOpsTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 9 §8: enterprises are chosen with a searchable picker (name, code, area,
 * industry; server-side within the user's scope) showing the chosen ones as removable
 * chips, and the inspection form's agency checkboxes sit inside their labels.
 */
@ParkOpsTest
class EnterprisePickerTests {

	@Autowired
	MockMvc mvc;

	SafetyFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new SafetyFixture(this.mvc);
	}

	private Cookie signIn(String username, String zone) throws Exception {
		Cookie session = this.mvc
			.perform(post("/login").param("username", username).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		if (zone != null) {
			this.mvc.perform(post("/zone-switch").cookie(session).param("zone", zone).param("back", "/").with(csrf()));
		}
		return session;
	}

	private MvcResult search(Cookie session, String query) throws Exception {
		return this.mvc.perform(get("/enterprises/picker?" + query).cookie(session).accept("application/json"))
			.andExpect(status().isOk())
			.andReturn();
	}

	@Test
	void searchFindsByNameCodeAreaAndIndustryWithinTheZone() throws Exception {
		// an enterprise of another zone with a similar name never shows
		String otherZone = this.f.api.createZone(this.f.admin, TestApi.unique("pk-"), "east");
		this.f.api
			.postJson(this.f.admin, "/api/v1/enterprises",
					java.util.Map.of("creditCode", SafetyFixture.creditCode(), "name", "安全测试三号有限公司", "zoneCode",
							otherZone, "areaCode", "east", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("pk-"), List.of("SAFETY_STAFF"),
				List.of(this.f.zone), null);
		Cookie session = signIn(user, this.f.zone);
		assertThat((List<String>) TestApi.read(search(session, "q=安全测试"), "$[*].creditCode"))
			.containsExactlyInAnyOrder(this.f.ent1, this.f.ent2);
		assertThat((List<String>) TestApi.read(search(session, "q=一号"), "$[*].name")).containsExactly("安全测试一号有限公司");
		assertThat((List<String>) TestApi.read(search(session, "q=" + this.f.ent2.substring(0, 12)), "$[*].creditCode"))
			.containsExactly(this.f.ent2);
		MvcResult west = search(session, "q=&area=west");
		assertThat((List<String>) TestApi.read(west, "$[*].creditCode")).containsExactly(this.f.ent2);
		assertThat((List<String>) TestApi.read(west, "$[*].areaName")).containsExactly("Area west");
		assertThat((List<String>) TestApi.read(search(session, "q=安全测试&industry=C39"), "$[*].creditCode")).isEmpty();
	}

	@Test
	void anEnterpriseUserFindsOnlyItself() throws Exception {
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("pe-"), List.of("ENTERPRISE"), List.of(),
				this.f.ent1);
		Cookie session = signIn(user, null);
		assertThat((List<String>) TestApi.read(search(session, "q=安全测试"), "$[*].creditCode"))
			.containsExactly(this.f.ent1);
	}

	@Test
	void inspectionFormHasThePickerWithChipsAndAgenciesBesideTheirLabels() throws Exception {
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("pf-"), List.of("SAFETY_STAFF"),
				List.of(this.f.zone), null);
		Cookie session = signIn(user, this.f.zone);
		String form = this.mvc.perform(get("/safety/inspections/new").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("class=\"enterprise-picker\"")
			.contains("data-name=\"enterprises\"")
			.contains("/js/enterprise-picker.js")
			.contains("按企业名称或统一社会信用代码搜索")
			.contains("Area east")
			.doesNotContain("multiple size=\"10\"");
		assertThat(form).containsPattern(
				"<label><input type=\"checkbox\" name=\"agencies\" value=\"FIRE\"[^>]*><span>[^<]+</span></label>");
		// a form shown again (bad input) keeps the chosen enterprises as chips with their
		// names
		String again = this.mvc
			.perform(post("/safety/inspections").cookie(session)
				.with(csrf())
				.param("date", "not-a-date")
				.param("kind", "JOINT")
				.param("agencies", "FIRE")
				.param("enterprises", this.f.ent1, this.f.ent2))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("安全测试一号有限公司")
			.contains("安全测试二号有限公司")
			.contains("name=\"enterprises\" value=\"" + this.f.ent1 + "\"")
			.contains("class=\"chip-remove\"")
			.containsPattern("name=\"agencies\" value=\"FIRE\" checked");
		// and the chosen ones are what the inspection records
		String saved = this.mvc
			.perform(post("/safety/inspections").cookie(session)
				.with(csrf())
				.param("date", "2024-03-01")
				.param("kind", "JOINT")
				.param("enterprises", this.f.ent1, this.f.ent2))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String detail = this.mvc.perform(get(saved).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("安全测试一号有限公司").contains("安全测试二号有限公司");
	}

}
