package io.parkops.enterprise;

import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.TestApi.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The GB/T 4754-2017 divisions have English names, shown on English pages and to English
 * API callers while the Chinese pages and callers keep the Chinese names (issue 9 §7).
 */
@ParkOpsTest
class IndustryDivisionNamesTests {

	private static final String C39_ZH = "计算机、通信和其他电子设备制造业";

	private static final String C39_EN = "Manufacture of computers, communication and other electronic equipment";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyDivisionAndSectionHasAnEnglishNameWithoutChinese() {
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("SELECT code, name_en, section_name_en FROM industry_division ORDER BY code");
		assertThat(rows).hasSize(97);
		for (Map<String, Object> row : rows) {
			for (String column : List.of("name_en", "section_name_en")) {
				String text = (String) row.get(column);
				assertThat(text).as(row.get("code") + " " + column).isNotBlank();
				assertThat(text.codePoints().noneMatch(IndustryDivisionNamesTests::cjk))
					.as(row.get("code") + " " + column + " has no Chinese: " + text)
					.isTrue();
			}
		}
	}

	@Test
	void pagesAndApiShowTheIndustryInTheCallersLanguage() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("idn-"), "east");
		String code = "91" + EnterpriseFilePageTests.creditBody();
		api.postJson(admin, "/api/v1/enterprises", Map.of("creditCode", code, "name", "行业名称测试有限公司", "zoneCode", zone,
				"areaCode", "east", "industryCode", "C39", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
		String staff = api.createUser(admin, TestApi.unique("idn-"), List.of("ECONOMY_STAFF"), List.of(zone), null);
		var session = api.session(staff, TestApi.STRONG_PASSWORD);

		String english = this.mvc.perform(get("/enterprises/" + code).param("lang", "en").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("C39 " + C39_EN).doesNotContain(C39_ZH);
		String chinese = this.mvc.perform(get("/enterprises/" + code).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chinese).contains("C39 " + C39_ZH).doesNotContain(C39_EN);
		String list = this.mvc.perform(get("/enterprises").param("zone", zone).param("lang", "en").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("C39 " + C39_EN);

		this.mvc.perform(bearer(admin, get("/api/v1/enterprises/" + code)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.industryName").value(C39_EN));
		this.mvc.perform(bearer(admin, get("/api/v1/enterprises/" + code)).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.industryName").value(C39_ZH));
		this.mvc.perform(bearer(admin, get("/api/v1/enterprises/industries")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'C39')].name").value(C39_EN))
			.andExpect(jsonPath("$[?(@.code == 'C39')].sectionName").value("Manufacturing"));
		this.mvc.perform(bearer(admin, get("/api/v1/enterprises/industries")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'C39')].name").value(C39_ZH))
			.andExpect(jsonPath("$[?(@.code == 'C39')].sectionName").value("制造业"));
	}

	private static boolean cjk(int c) {
		Character.UnicodeScript script = Character.UnicodeScript.of(c);
		return script == Character.UnicodeScript.HAN || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
	}

}
