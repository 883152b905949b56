package io.parkops.enterprise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.read;
import static io.parkops.TestApi.unique;
import static io.parkops.TestApi.withJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An enterprise user changes only the contact fields of its own enterprise (issue 8 §2):
 * every other field is refused with 403 naming it, and the edit page shows only those.
 */
@ParkOpsTest
class EnterpriseContactFieldsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	TestApi api;

	String admin;

	String code;

	String user;

	String token;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		String zone = this.api.createZone(this.admin, unique("ecf-"), "east", "west");
		this.code = EnterpriseApiTests.newCreditCode();
		this.api
			.postJson(this.admin, "/api/v1/enterprises",
					EnterpriseApiTests.enterprise(this.code, "联系字段测试有限公司", zone, "east", "C39", false))
			.andExpect(status().isCreated());
		this.user = this.api.createUser(this.admin, unique("ecf-"), List.of("ENTERPRISE"), List.of(), this.code);
		this.token = this.api.token(this.user, STRONG_PASSWORD);
	}

	private long version() throws Exception {
		MvcResult result = this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + this.code)))
			.andExpect(status().isOk())
			.andReturn();
		return ((Number) read(result, "$.version")).longValue();
	}

	@Test
	void anEnterpriseUserChangesItsContactFields() throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", version());
		body.put("legalRepresentative", "张法人");
		body.put("contactName", "李联系");
		body.put("contactPhone", "0791-88886666");
		body.put("address", "东区创新路 8 号");
		body.put("email", "office@yunxi-tech.cn");
		this.mvc.perform(bearer(this.token, withJson(patch("/api/v1/enterprises/" + this.code), body)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("office@yunxi-tech.cn"))
			.andExpect(jsonPath("$.legalRepresentative").value("张法人"))
			.andExpect(jsonPath("$.contactName").value("李联系"))
			.andExpect(jsonPath("$.contactPhone").value("0791-88886666"))
			.andExpect(jsonPath("$.address").value("东区创新路 8 号"));
	}

	@Test
	void anEMailAddressIsCheckedAndAnEmptyOneClearsIt() throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", version());
		body.put("email", "office at yunxi");
		this.mvc.perform(bearer(this.token, withJson(patch("/api/v1/enterprises/" + this.code), body)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		body.put("email", "office@yunxi.cn");
		this.mvc.perform(bearer(this.token, withJson(patch("/api/v1/enterprises/" + this.code), body)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("office@yunxi.cn"));
		body.put("version", version());
		body.put("email", "");
		this.mvc.perform(bearer(this.token, withJson(patch("/api/v1/enterprises/" + this.code), body)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").doesNotExist());
	}

	@Test
	void everyOtherFieldIsRefusedByName() throws Exception {
		Map<String, Object> staffOnly = new LinkedHashMap<>();
		staffOnly.put("industryCode", "C26");
		staffOnly.put("areaCode", "west");
		staffOnly.put("status", "HALTED");
		staffOnly.put("ownershipType", "STATE_OWNED");
		staffOnly.put("secretary", "admin");
		staffOnly.put("leader", "admin");
		staffOnly.put("name", "改名有限公司");
		staffOnly.put("tags", List.of("x"));
		staffOnly.put("zoneCode", "elsewhere");
		staffOnly.put("aboveScale", true);
		long version = version();
		long statusRows = statusRows();
		for (Map.Entry<String, Object> field : staffOnly.entrySet()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("version", version);
			body.put("contactName", "改了也不算");
			body.put(field.getKey(), field.getValue());
			this.mvc.perform(bearer(this.token, withJson(patch("/api/v1/enterprises/" + this.code), body)))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value(field.getKey()))
				.andExpect(jsonPath("$.detail", containsString(field.getKey())));
		}
		assertThat(version()).isEqualTo(version);
		assertThat(statusRows()).isEqualTo(statusRows);
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + this.code)))
			.andExpect(jsonPath("$.name").value("联系字段测试有限公司"))
			.andExpect(jsonPath("$.industryCode").value("C39"))
			.andExpect(jsonPath("$.areaCode").value("east"))
			.andExpect(jsonPath("$.status").value("IN_PRODUCTION"));
		// staff still change them
		this.mvc
			.perform(bearer(this.admin,
					withJson(patch("/api/v1/enterprises/" + this.code),
							Map.of("version", version, "areaCode", "west"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.areaCode").value("west"));
	}

	private long statusRows() {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM enterprise_status_change s JOIN enterprise e ON e.id = s.enterprise_id WHERE e.credit_code = ?",
				Long.class, this.code);
	}

	@Test
	void theEditPageShowsAnEnterpriseUserOnlyTheContactFields() throws Exception {
		Cookie session = this.api.session(this.user, STRONG_PASSWORD);
		this.mvc.perform(get("/enterprises/" + this.code + "/edit").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"contactName\"")))
			.andExpect(content().string(containsString("name=\"legalRepresentative\"")))
			.andExpect(content().string(containsString("name=\"contactPhone\"")))
			.andExpect(content().string(containsString("name=\"address\"")))
			.andExpect(content().string(containsString("name=\"email\"")))
			.andExpect(content().string(not(containsString("name=\"name\""))))
			.andExpect(content().string(not(containsString("name=\"industryCode\""))))
			.andExpect(content().string(not(containsString("name=\"areaCode\""))))
			.andExpect(content().string(not(containsString("name=\"status\""))))
			.andExpect(content().string(not(containsString("name=\"tags\""))));
		// a hand-made form with staff fields changes nothing but the contact fields
		this.mvc
			.perform(post("/enterprises").cookie(session)
				.with(csrf())
				.param("creditCode", this.code)
				.param("version", String.valueOf(version()))
				.param("contactName", "页面联系人")
				.param("industryCode", "C26")
				.param("status", "HALTED"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + this.code)))
			.andExpect(jsonPath("$.contactName").value("页面联系人"))
			.andExpect(jsonPath("$.industryCode").value("C39"))
			.andExpect(jsonPath("$.status").value("IN_PRODUCTION"));
	}

}
