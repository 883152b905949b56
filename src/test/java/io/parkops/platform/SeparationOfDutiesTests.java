package io.parkops.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static io.parkops.TestApi.withJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 三员分立 for accounts (issue 8 §1): the three administrator roles stand alone, their
 * permissions are fixed, the security administrator never grants system or audit
 * permissions, and password resets follow the split.
 */
@ParkOpsTest
class SeparationOfDutiesTests {

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

	private String user(String... roles) throws Exception {
		return this.api.createUser(this.admin, unique("sod-"), List.of(roles), List.of(), null);
	}

	private ResultActions reset(String token, String username) throws Exception {
		return this.api.postJson(token, "/api/v1/users/" + username + "/password-reset",
				Map.of("password", "Reset#2024pw"));
	}

	@Test
	void administratorRolesAreNeverCombined() throws Exception {
		for (List<String> roles : List.of(List.of("ADMIN", "AUDITOR"), List.of("AUDITOR", "LEADER"),
				List.of("ADMIN", "SECURITY_ADMIN"), List.of("SECURITY_ADMIN", "ECONOMY_STAFF"),
				List.of("ADMIN", "LEADER"))) {
			String username = unique("combo-");
			this.api.requestUser(this.admin, username, STRONG_PASSWORD, roles, List.of(), null, false)
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
			assertThat(
					this.jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = ?", Long.class, username))
				.as("%s not created", roles)
				.isZero();
		}
	}

	@Test
	void updatesCannotCombineOrSwapAdministratorRoles() throws Exception {
		String leader = user("LEADER");
		this.api
			.patchUser(this.admin, leader,
					Map.of("version", this.api.userVersion(this.admin, leader), "roles", List.of("LEADER", "AUDITOR")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
		// an auditor cannot be turned into an account whose password the admin resets
		String auditor = user("AUDITOR");
		this.api
			.patchUser(this.admin, auditor,
					Map.of("version", this.api.userVersion(this.admin, auditor), "roles", List.of("LEADER")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
		this.mvc.perform(bearer(this.admin, get("/api/v1/users/" + auditor)))
			.andExpect(jsonPath("$.roles", org.hamcrest.Matchers.contains("AUDITOR")));
	}

	@Test
	void theUserFormRefusesACombinationWithA400() throws Exception {
		Cookie session = this.api.session("admin", ParkOpsTest.ADMIN_PASSWORD);
		String username = unique("combo-");
		this.mvc
			.perform(post("/system/users").cookie(session)
				.with(csrf())
				.param("username", username)
				.param("password", STRONG_PASSWORD)
				.param("displayName", "Combo")
				.param("roles", "ADMIN", "AUDITOR")
				.param("enabled", "true")
				.param("mustChangePassword", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("三员分立")));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = ?", Long.class, username))
			.isZero();
	}

	@Test
	void securityAdminCannotCreateOrChangeAccounts() throws Exception {
		String secadmin = this.api.token(user("SECURITY_ADMIN"), STRONG_PASSWORD);
		String username = unique("byadmin-");
		this.api.requestUser(secadmin, username, STRONG_PASSWORD, List.of("ADMIN"), List.of(), null, false)
			.andExpect(status().isForbidden());
		String leader = user("LEADER");
		this.api.patchUser(secadmin, leader, Map.of("version", 0, "enabled", false)).andExpect(status().isForbidden());
		this.mvc.perform(bearer(this.admin, get("/api/v1/users/" + leader)))
			.andExpect(jsonPath("$.enabled").value(true));
	}

	@Test
	void administratorRolePermissionsAreFixed() throws Exception {
		String secadmin = this.api.token(user("SECURITY_ADMIN"), STRONG_PASSWORD);
		for (String role : List.of("ADMIN", "AUDITOR", "SECURITY_ADMIN")) {
			Set<String> before = permissions(role);
			this.mvc
				.perform(bearer(secadmin,
						withJson(put("/api/v1/roles/" + role + "/permissions"),
								Map.of("permissions", List.of("system:user:edit", "system:role:edit")))))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail", containsString(role)));
			assertThat(permissions(role)).isEqualTo(before);
		}
	}

	@Test
	void securityAdminNeverGrantsSystemOrAuditPermissions() throws Exception {
		String secadmin = this.api.token(user("SECURITY_ADMIN"), STRONG_PASSWORD);
		Set<String> before = permissions("PARTY_STAFF");
		for (String reserved : List.of("system:user:edit", "audit:record:read", "system:role:edit")) {
			List<String> asked = new java.util.ArrayList<>(before);
			asked.add(reserved);
			this.mvc
				.perform(bearer(secadmin,
						withJson(put("/api/v1/roles/PARTY_STAFF/permissions"),
								Map.of("version", roleVersion("PARTY_STAFF"), "permissions", asked))))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("permissions"))
				.andExpect(jsonPath("$.errors[0].message", containsString(reserved)));
		}
		assertThat(permissions("PARTY_STAFF")).isEqualTo(before);
		// a business permission is granted, and the change is audited
		List<String> more = new java.util.ArrayList<>(before);
		more.add("enterprise:enterprise:export");
		try {
			this.mvc
				.perform(bearer(secadmin,
						withJson(put("/api/v1/roles/PARTY_STAFF/permissions"),
								Map.of("version", roleVersion("PARTY_STAFF"), "permissions", more))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.permissions", hasItem("enterprise:enterprise:export")));
		}
		finally {
			this.mvc
				.perform(bearer(secadmin,
						withJson(put("/api/v1/roles/PARTY_STAFF/permissions"),
								Map.of("version", roleVersion("PARTY_STAFF"), "permissions", before))))
				.andExpect(status().isOk());
		}
	}

	@Test
	void passwordResetsFollowTheSplit() throws Exception {
		String secadminName = user("SECURITY_ADMIN");
		String secadmin = this.api.token(secadminName, STRONG_PASSWORD);
		String otherAdminName = user("ADMIN");
		String otherAdmin = this.api.token(otherAdminName, STRONG_PASSWORD);
		String auditor = user("AUDITOR");
		String leader = user("LEADER");
		String otherSecadmin = user("SECURITY_ADMIN");

		// ADMIN: business, enterprise and SECURITY_ADMIN accounts
		reset(this.admin, leader).andExpect(status().isOk()).andExpect(jsonPath("$.mustChangePassword").value(true));
		reset(this.admin, otherSecadmin).andExpect(status().isOk());
		reset(this.admin, auditor).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		reset(this.admin, otherAdminName).andExpect(status().isForbidden());
		reset(otherAdmin, "admin").andExpect(status().isForbidden());
		// SECURITY_ADMIN: ADMIN and AUDITOR accounts
		reset(secadmin, auditor).andExpect(status().isOk());
		reset(secadmin, otherAdminName).andExpect(status().isOk());
		reset(secadmin, leader).andExpect(status().isForbidden());
		reset(secadmin, otherSecadmin).andExpect(status().isForbidden());
		// nobody their own
		reset(this.admin, "admin").andExpect(status().isForbidden());

		// a reset always forces a change and is audited
		this.api.requestToken(auditor, "Reset#2024pw")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").isNotEmpty());
		String auditorOfRecord = this.api.auditorToken(this.admin);
		this.mvc.perform(bearer(auditorOfRecord, get("/api/v1/audit").param("entityId", auditor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].action", hasItem("PASSWORD_RESET")))
			.andExpect(jsonPath("$.items[?(@.action == 'PASSWORD_RESET')].username", hasItem(secadminName)));
		assertThat(this.jdbc.queryForObject("SELECT must_change_password FROM app_user WHERE username = ?",
				Boolean.class, otherAdminName))
			.isTrue();
	}

	@Test
	void theRolePageExplainsTheRuleInBothLanguages() throws Exception {
		String secadmin = user("SECURITY_ADMIN");
		Cookie session = this.api.session(secadmin, STRONG_PASSWORD);
		this.mvc.perform(get("/system/roles").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("三员角色互斥")))
			.andExpect(content().string(containsString("安全管理员重置系统管理员和审计员的密码")))
			.andExpect(content().string(not(containsString("href=\"/system/roles/AUDITOR\""))));
		this.mvc.perform(get("/system/roles").param("lang", "en").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("exclude each other")))
			.andExpect(content().string(containsString("resets system administrator and auditor accounts")));
	}

	@Test
	void theSecurityAdminResetsThroughThePages() throws Exception {
		String secadmin = user("SECURITY_ADMIN");
		String auditor = user("AUDITOR");
		long auditorId = this.jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, auditor);
		Cookie session = this.api.session(secadmin, STRONG_PASSWORD);
		this.mvc.perform(get("/system/users/" + auditorId + "/password").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"password\"")));
		this.mvc
			.perform(post("/system/users/" + auditorId + "/password").cookie(session)
				.with(csrf())
				.param("password", "Reset#2024pw"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("SELECT must_change_password FROM app_user WHERE id = ?", Boolean.class,
				auditorId))
			.isTrue();
	}

	private Set<String> permissions(String role) {
		return Set.copyOf(this.jdbc.queryForList("SELECT permission_code FROM role_permission WHERE role_code = ?",
				String.class, role));
	}

	private long roleVersion(String role) {
		return this.jdbc.queryForObject("SELECT version FROM role WHERE code = ?", Long.class, role);
	}

}
