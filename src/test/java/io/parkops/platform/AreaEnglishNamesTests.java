package io.parkops.platform;

import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Areas (片区) are typed per zone in Chinese; an optional English name, entered in the zone
 * form or through the API (at most 100 characters), is what English pages and English API
 * callers see, with the Chinese name where none was entered (issue 9 §7).
 */
@ParkOpsTest
class AreaEnglishNamesTests {

	@Autowired
	MockMvc mvc;

	TestApi api;

	String admin;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
	}

	@Test
	void theApiTakesAndAnswersTheEnglishNameAndRefusesOneTooLong() throws Exception {
		String code = unique("z-");
		this.api
			.postJson(this.admin, "/api/v1/zones",
					Map.of("code", code, "name", "英文名园区", "areas",
							List.of(Map.of("code", "east", "name", "东区", "nameEn", "East Area"),
									Map.of("code", "west", "name", "西区"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.areas[?(@.code == 'east')].nameEn", hasItem("East Area")));
		this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + code)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.areas[?(@.code == 'east')].name", hasItem("东区")))
			.andExpect(jsonPath("$.areas[?(@.code == 'east')].nameEn", hasItem("East Area")))
			.andExpect(jsonPath("$.areas[?(@.code == 'west')].nameEn", hasItem((Object) null)));
		this.api
			.postJson(this.admin, "/api/v1/zones",
					Map.of("code", unique("z-"), "name", "太长", "areas",
							List.of(Map.of("code", "east", "name", "东区", "nameEn", "E".repeat(101)))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private String version(String code) throws Exception {
		return this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + code)))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"version\":(\\d+).*", "$1");
	}

	private ResultActions saveForm(Cookie session, String code, String areas) throws Exception {
		return this.mvc.perform(post("/system/zones").cookie(session)
			.with(csrf())
			.param("code", code)
			.param("name", "表单园区")
			.param("areas", areas)
			.param("departments", "")
			.param("version", version(code)));
	}

	@Test
	void theZoneFormTakesTheEnglishNameAfterABarAndEnglishPagesShowIt() throws Exception {
		String code = this.api.createZone(this.admin, unique("z-"), "east", "west");
		Cookie session = this.api.session("admin", ParkOpsTest.ADMIN_PASSWORD);
		saveForm(session, code, "east 东区 | East Area\nwest 西区").andExpect(status().is3xxRedirection());
		// the form shows what was saved, the English name after the bar
		this.mvc.perform(get("/system/zones/" + code + "/edit").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("east 东区 | East Area")));
		this.mvc.perform(get("/system/zones").param("lang", "en").cookie(session))
			.andExpect(content().string(containsString(">East Area<")))
			.andExpect(content().string(containsString(">西区<")));
		this.mvc.perform(get("/system/zones").param("lang", "zh-CN").cookie(session))
			.andExpect(content().string(containsString(">东区<")))
			.andExpect(content().string(not(containsString("East Area"))));
		// too long: the form says so and nothing changes
		saveForm(session, code, "east 东区 | " + "E".repeat(101)).andExpect(status().isOk())
			.andExpect(content().string(containsString("100")));
		this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + code)))
			.andExpect(jsonPath("$.areas[?(@.code == 'east')].nameEn", hasItem("East Area")));
	}

	@Test
	void theEconomySummaryTheEnterpriseListAndTheHomeChartNameAreasInTheCallersLanguage() throws Exception {
		// the demo zone's areas have English names
		String latest = TestApi
			.read(this.mvc.perform(bearer(this.admin, get("/api/v1/economy/latest-month").param("zone", "yunxi")))
				.andExpect(status().isOk())
				.andReturn(), "$.month");
		String year = latest.substring(0, 4);
		String month = Integer.toString(Integer.parseInt(latest.substring(5)));
		java.util.function.Function<String, MockHttpServletRequestBuilder> byArea = (language) -> bearer(this.admin,
				get("/api/v1/economy/summary").param("zone", "yunxi")
					.param("year", year)
					.param("month", month)
					.param("groupBy", "area")
					.header("Accept-Language", language));
		this.mvc.perform(byArea.apply("en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.groups[*].name", hasItem("East Area")))
			.andExpect(jsonPath("$.groups[*].name", not(hasItem("东区"))));
		this.mvc.perform(byArea.apply("zh-CN"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.groups[*].name", hasItem("东区")));
		// and the enterprise list, in English and in Chinese
		Cookie session = this.api.session("admin", ParkOpsTest.ADMIN_PASSWORD);
		this.mvc.perform(post("/zone-switch").param("zone", "yunxi").cookie(session).with(csrf()));
		this.mvc.perform(get("/enterprises").param("lang", "en").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">East Area<")))
			.andExpect(content().string(not(containsString(">东区<"))));
		this.mvc.perform(get("/enterprises").param("lang", "zh-CN").cookie(session))
			.andExpect(content().string(containsString(">东区<")));
		// and the home page's chart of enterprises by area
		this.mvc.perform(get("/home/stats.json").param("lang", "en").cookie(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.byArea[*].label", hasItem("East Area")))
			.andExpect(jsonPath("$.byArea[*].label", not(hasItem("东区"))));
		this.mvc.perform(get("/home/stats.json").param("lang", "zh-CN").cookie(session))
			.andExpect(jsonPath("$.byArea[*].label", hasItem("东区")));
	}

}
