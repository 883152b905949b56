package io.parkops.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParallelWriters;
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

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static io.parkops.TestApi.withJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 8 §4 for the platform's records: zones (with areas and departments) and role
 * permissions carry a version; of 20 writers sending the same version exactly one wins,
 * the others get 409 problem+json, the stored record is the winner's answer and the audit
 * trail holds exactly the winning change. Pages keep the typed values on a stale save.
 */
@ParkOpsTest
class PlatformConcurrencyTests {

	static final int WRITERS = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	TestApi api;

	String admin;

	@BeforeEach
	void signIn() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
	}

	@Test
	void zoneAnswersItsVersionAndRefusesAStaleOne() throws Exception {
		String code = this.api.createZone(this.admin, unique("zv-"), "east");
		this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + code))).andExpect(jsonPath("$.version").value(0));
		this.mvc
			.perform(bearer(this.admin,
					withJson(put("/api/v1/zones/" + code), zoneChange(0, "第一次", "east", List.of("安监科")))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.departments[0]").value("安监科"));
		this.mvc
			.perform(bearer(this.admin,
					withJson(put("/api/v1/zones/" + code), zoneChange(0, "过期的修改", "west", List.of()))))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").isNotEmpty());
		this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + code)))
			.andExpect(jsonPath("$.name").value("第一次"))
			.andExpect(jsonPath("$.areas[0].code").value("east"))
			.andExpect(jsonPath("$.departments[0]").value("安监科"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(bearer(this.admin, withJson(put("/api/v1/zones/" + code), Map.of("name", "没有版本"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
	}

	@Test
	void twentyParallelZoneEditsOneWins() throws Exception {
		String code = this.api.createZone(this.admin, unique("zp-"), "east");
		List<MvcResult> results = ParallelWriters.run(WRITERS, (i) -> this.mvc.perform(bearer(this.admin,
				withJson(put("/api/v1/zones/" + code), zoneChange(0, "名称" + i, "a" + i, List.of("科室" + i))))));
		List<MvcResult> won = ParallelWriters.withStatus(results, 200);
		List<MvcResult> lost = ParallelWriters.withStatus(results, 409);
		assertThat(won).hasSize(1);
		assertThat(lost).hasSize(WRITERS - 1);
		assertThat(lost).allSatisfy((r) -> assertThat(r.getResponse().getContentType())
			.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
		String winner = TestApi.read(won.get(0), "$.name");
		String winnerArea = TestApi.read(won.get(0), "$.areas[0].code");
		MvcResult stored = this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + code))).andReturn();
		assertThat((String) TestApi.read(stored, "$.name")).isEqualTo(winner);
		assertThat((List<String>) TestApi.read(stored, "$.areas[*].code")).containsExactly(winnerArea);
		assertThat((List<String>) TestApi.read(stored, "$.departments")).containsExactly("科室" + winner.substring(2));
		assertThat((Integer) TestApi.read(stored, "$.version")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM audit_record WHERE entity = 'zone' AND entity_id = ? AND action = 'UPDATE'",
				Long.class, code))
			.isEqualTo(1);
	}

	@Test
	void twentyParallelPermissionGrantsOneWins() throws Exception {
		String role = ("T_" + unique("")).toUpperCase(java.util.Locale.ROOT);
		this.jdbc.update("INSERT INTO role (code, name_zh, name_en) VALUES (?, '测试角色', 'Test role')", role);
		String secadmin = this.api.token(
				this.api.createUser(this.admin, unique("sa-"), List.of("SECURITY_ADMIN"), List.of(), null),
				TestApi.STRONG_PASSWORD);
		List<String> catalogue = this.jdbc.queryForList(
				"SELECT code FROM permission WHERE module IN ('enterprise', 'safety', 'economy', 'report') ORDER BY code",
				String.class);
		assertThat(catalogue).hasSizeGreaterThanOrEqualTo(WRITERS);
		List<MvcResult> results = ParallelWriters.run(WRITERS,
				(i) -> this.mvc.perform(bearer(secadmin, withJson(put("/api/v1/roles/" + role + "/permissions"),
						Map.of("version", 0, "permissions", List.of(catalogue.get(i)))))));
		List<MvcResult> won = ParallelWriters.withStatus(results, 200);
		assertThat(won).hasSize(1);
		assertThat(ParallelWriters.withStatus(results, 409)).hasSize(WRITERS - 1);
		List<String> answered = TestApi.read(won.get(0), "$.permissions");
		assertThat(this.jdbc.queryForList("SELECT permission_code FROM role_permission WHERE role_code = ?",
				String.class, role))
			.containsExactlyElementsOf(answered);
		assertThat(this.jdbc.queryForObject("SELECT version FROM role WHERE code = ?", Long.class, role)).isEqualTo(1);
		assertThat((Integer) TestApi.read(won.get(0), "$.version")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM audit_record WHERE entity = 'role' AND entity_id = ? AND action = 'UPDATE'",
				Long.class, role))
			.isEqualTo(1);
	}

	@Test
	void staleZoneFormKeepsTheTypedValuesAndSaysSo() throws Exception {
		String code = this.api.createZone(this.admin, unique("zf-"), "east");
		this.mvc
			.perform(bearer(this.admin,
					withJson(put("/api/v1/zones/" + code), zoneChange(0, "别人改过的", "east", List.of()))))
			.andExpect(status().isOk());
		String user = this.api.createUser(this.admin, unique("za-"), List.of("ADMIN"), List.of(code), null);
		Cookie session = this.mvc
			.perform(post("/login").param("username", user).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(this.mvc.perform(get("/system/zones/" + code + "/edit").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("name=\"version\" value=\"1\"");
		String page = this.mvc
			.perform(post("/system/zones").cookie(session)
				.with(csrf())
				.param("creating", "false")
				.param("code", code)
				.param("version", "0")
				.param("name", "我刚输入的名称")
				.param("areas", "north 北片区")
				.param("departments", "新科室"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("他人已修改此记录")
			.contains("我刚输入的名称")
			.contains("north 北片区")
			.contains("新科室")
			.contains("/system/zones/" + code + "/edit");
		this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + code)))
			.andExpect(jsonPath("$.name").value("别人改过的"))
			.andExpect(jsonPath("$.version").value(1));
	}

	@Test
	void staleRoleFormKeepsTheTickedPermissions() throws Exception {
		String role = ("T_" + unique("")).toUpperCase(java.util.Locale.ROOT);
		this.jdbc.update("INSERT INTO role (code, name_zh, name_en) VALUES (?, '测试角色', 'Test role')", role);
		String secadmin = this.api.createUser(this.admin, unique("sa-"), List.of("SECURITY_ADMIN"), List.of(), null);
		String token = this.api.token(secadmin, TestApi.STRONG_PASSWORD);
		this.mvc
			.perform(bearer(token,
					withJson(put("/api/v1/roles/" + role + "/permissions"),
							Map.of("version", 0, "permissions", List.of("enterprise:enterprise:read")))))
			.andExpect(status().isOk());
		Cookie session = this.mvc
			.perform(post("/login").param("username", secadmin).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		String page = this.mvc
			.perform(post("/system/roles/" + role).cookie(session)
				.with(csrf())
				.param("version", "0")
				.param("permissions", "safety:hazard:read"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("他人已修改此记录")
			.containsPattern("value=\"safety:hazard:read\"\\s+checked")
			.doesNotContainPattern("value=\"enterprise:enterprise:read\"\\s+checked")
			.contains("name=\"version\" value=\"0\"");
		assertThat(this.jdbc.queryForList("SELECT permission_code FROM role_permission WHERE role_code = ?",
				String.class, role))
			.containsExactly("enterprise:enterprise:read");
	}

	private static Map<String, Object> zoneChange(long version, String name, String area, List<String> departments) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", version);
		body.put("name", name);
		body.put("areas", List.of(Map.of("code", area, "name", "片区" + area)));
		body.put("departments", departments);
		return body;
	}

}
