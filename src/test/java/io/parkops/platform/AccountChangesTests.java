package io.parkops.platform;

import java.util.ArrayList;
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
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changes to an account take effect at once (issue 8 §3): on open sessions (kept in
 * PostgreSQL, so on every node) and tokens; one sign-in failure message; the user API's
 * PATCH and password reset.
 */
@ParkOpsTest
class AccountChangesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	TestApi api;

	String admin;

	String zone;

	@BeforeEach
	void signIn() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("acz"), "a1");
	}

	private String user(String role) throws Exception {
		return this.api.createUser(this.admin, unique("acc-"), List.of(role), List.of(this.zone), null);
	}

	private long version(String username) throws Exception {
		return this.api.userVersion(this.admin, username);
	}

	@Test
	void disablingEndsTheOpenSessionAndTheTokens() throws Exception {
		String user = user("SAFETY_STAFF");
		Cookie session = this.api.session(user, STRONG_PASSWORD);
		String token = this.api.token(user, STRONG_PASSWORD);
		this.mvc.perform(get("/safety").cookie(session)).andExpect(status().isOk());
		this.api.patchUser(this.admin, user, Map.of("version", version(user), "enabled", false))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));
		this.mvc.perform(get("/safety").cookie(session)).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(get("/safety/hazards/export").cookie(session)).andExpect(status().is3xxRedirection());
		this.mvc.perform(bearer(token, get("/api/v1/users/me"))).andExpect(status().isUnauthorized());
	}

	@Test
	void aRoleChangeAppliesToTheOpenSessionAndTheTokens() throws Exception {
		String user = user("SAFETY_STAFF");
		Cookie session = this.api.session(user, STRONG_PASSWORD);
		String token = this.api.token(user, STRONG_PASSWORD);
		this.mvc.perform(get("/safety").cookie(session)).andExpect(status().isOk());
		this.mvc.perform(bearer(token, get("/api/v1/safety/hazards").param("zone", this.zone)))
			.andExpect(status().isOk());
		this.api.patchUser(this.admin, user, Map.of("version", version(user), "roles", List.of("PARTY_STAFF")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles", org.hamcrest.Matchers.contains("PARTY_STAFF")));
		this.mvc.perform(get("/safety").cookie(session)).andExpect(status().isForbidden());
		this.mvc.perform(bearer(token, get("/api/v1/safety/hazards").param("zone", this.zone)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aZoneChangeAppliesToTheOpenSession() throws Exception {
		String other = this.api.createZone(this.admin, unique("acz"), "b1");
		String user = user("LEADER");
		Cookie session = this.api.session(user, STRONG_PASSWORD);
		String token = this.api.token(user, STRONG_PASSWORD);
		this.mvc.perform(bearer(token, get("/api/v1/zones/" + this.zone))).andExpect(status().isOk());
		this.mvc.perform(post("/zone-switch").param("zone", this.zone).cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.api.patchUser(this.admin, user, Map.of("version", version(user), "zoneCodes", List.of(other)))
			.andExpect(status().isOk());
		this.mvc.perform(bearer(token, get("/api/v1/zones/" + this.zone))).andExpect(status().isForbidden());
		this.mvc.perform(post("/zone-switch").param("zone", this.zone).cookie(session).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aChangeOfARolesPermissionsReachesEveryHolder() throws Exception {
		String user = user("PARTY_STAFF");
		Cookie session = this.api.session(user, STRONG_PASSWORD);
		this.mvc.perform(get("/enterprises").cookie(session)).andExpect(status().isOk());
		String secadmin = this.api.token(
				this.api.createUser(this.admin, unique("sec-"), List.of("SECURITY_ADMIN"), List.of(), null),
				STRONG_PASSWORD);
		List<String> before = this.jdbc
			.queryForList("SELECT permission_code FROM role_permission WHERE role_code = 'PARTY_STAFF'", String.class);
		List<String> without = new ArrayList<>(before);
		without.remove("enterprise:enterprise:read");
		try {
			this.mvc
				.perform(bearer(secadmin,
						withJson(put("/api/v1/roles/PARTY_STAFF/permissions"),
								Map.of("version", roleVersion("PARTY_STAFF"), "permissions", without))))
				.andExpect(status().isOk());
			this.mvc.perform(get("/enterprises").cookie(session)).andExpect(status().isForbidden());
		}
		finally {
			this.mvc
				.perform(bearer(secadmin,
						withJson(put("/api/v1/roles/PARTY_STAFF/permissions"),
								Map.of("version", roleVersion("PARTY_STAFF"), "permissions", before))))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/enterprises").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void aResetPasswordMustBeChangedAlsoInTheOpenSession() throws Exception {
		String user = user("LEADER");
		Cookie session = this.api.session(user, STRONG_PASSWORD);
		String token = this.api.token(user, STRONG_PASSWORD);
		this.mvc.perform(get("/enterprises").cookie(session)).andExpect(status().isOk());
		this.api.postJson(this.admin, "/api/v1/users/" + user + "/password-reset", Map.of("password", "Reset#2024pw"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mustChangePassword").value(true));
		this.mvc.perform(get("/enterprises").cookie(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(bearer(token, get("/api/v1/users/me"))).andExpect(status().isUnauthorized());
		// the new password signs in only to change it
		this.api.requestToken(user, STRONG_PASSWORD).andExpect(status().isUnauthorized());
		this.api.requestToken(user, "Reset#2024pw").andExpect(status().isForbidden());
		this.mvc
			.perform(post("/account/password").cookie(session)
				.with(csrf())
				.param("currentPassword", "Reset#2024pw")
				.param("newPassword", "Changed#2024pw")
				.param("confirmPassword", "Changed#2024pw"))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/enterprises").cookie(session)).andExpect(status().isOk());
		this.api.token(user, "Changed#2024pw");
	}

	@Test
	void changingOnesOwnPasswordRevokesOnesTokens() throws Exception {
		String user = user("LEADER");
		Cookie session = this.api.session(user, STRONG_PASSWORD);
		String token = this.api.token(user, STRONG_PASSWORD);
		this.mvc.perform(bearer(token, get("/api/v1/users/me"))).andExpect(status().isOk());
		this.mvc
			.perform(post("/account/password").cookie(session)
				.with(csrf())
				.param("currentPassword", STRONG_PASSWORD)
				.param("newPassword", "Changed#2024pw")
				.param("confirmPassword", "Changed#2024pw"))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(bearer(token, get("/api/v1/users/me"))).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/enterprises").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void aLockedAccountsOpenSessionEndsAndUnlockingLetsItSignInAgain() throws Exception {
		String user = user("LEADER");
		Cookie session = this.api.session(user, STRONG_PASSWORD);
		for (int i = 0; i < 5; i++) {
			this.api.requestToken(user, "Wrong#pass" + i).andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/enterprises").cookie(session)).andExpect(redirectedUrl("/login?expired"));
		long id = this.jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, user);
		Cookie adminSession = this.api.session("admin", ParkOpsTest.ADMIN_PASSWORD);
		this.mvc.perform(post("/system/users/" + id + "/unlock").cookie(adminSession).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.api.token(user, STRONG_PASSWORD);
	}

	@Test
	void signInFailuresSayTheSameUntilTheRightPasswordIsGiven() throws Exception {
		String disabled = user("LEADER");
		this.api.patchUser(this.admin, disabled, Map.of("version", version(disabled), "enabled", false))
			.andExpect(status().isOk());
		String locked = user("LEADER");
		for (int i = 0; i < 5; i++) {
			this.api.requestToken(locked, "Wrong#pass" + i).andExpect(status().isUnauthorized());
		}
		String known = user("LEADER");
		String bad = detail(this.api.requestToken(unique("nobody-"), STRONG_PASSWORD).andReturn());
		assertThat(detail(this.api.requestToken(known, "Wrong#pass9").andReturn())).isEqualTo(bad);
		assertThat(detail(this.api.requestToken(disabled, STRONG_PASSWORD).andReturn())).isEqualTo(bad);
		assertThat(detail(this.api.requestToken(disabled, "Wrong#pass9").andReturn())).isEqualTo(bad);
		assertThat(detail(this.api.requestToken(locked, "Wrong#pass9").andReturn())).isEqualTo(bad);
		String lockedRight = detail(this.api.requestToken(locked, STRONG_PASSWORD)
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn());
		assertThat(lockedRight).isNotEqualTo(bad).contains("锁定");

		// the sign-in page the same way
		for (String[] attempt : new String[][] { { unique("nobody-"), STRONG_PASSWORD }, { known, "Wrong#pass9" },
				{ disabled, STRONG_PASSWORD }, { locked, "Wrong#pass9" } }) {
			this.mvc.perform(formLogin("/login").user(attempt[0]).password(attempt[1]))
				.andExpect(redirectedUrl("/login?error=bad"));
		}
		this.mvc.perform(formLogin("/login").user(locked).password(STRONG_PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"));
		this.mvc.perform(get("/login").param("error", "disabled"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("用户名或密码错误")));
	}

	private static String detail(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		return read(result, "$.detail");
	}

	@Test
	void patchChangesOnlyTheFieldsSentAndRefusesAStaleVersion() throws Exception {
		String user = user("LEADER");
		long v = version(user);
		MvcResult patched = this.api.patchUser(this.admin, user, Map.of("version", v, "displayName", "新名字"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(user))
			.andExpect(jsonPath("$.displayName").value("新名字"))
			.andExpect(jsonPath("$.roles", org.hamcrest.Matchers.contains("LEADER")))
			.andExpect(jsonPath("$.zoneCodes", org.hamcrest.Matchers.contains(this.zone)))
			.andExpect(jsonPath("$.enabled").value(true))
			.andReturn();
		assertThat(((Number) read(patched, "$.version")).longValue()).isGreaterThan(v);
		this.api.patchUser(this.admin, user, Map.of("version", v, "displayName", "过期"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(bearer(this.admin, get("/api/v1/users/" + user)))
			.andExpect(jsonPath("$.displayName").value("新名字"));
		this.api.patchUser(this.admin, user, Map.of("displayName", "无版本"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("version")));
		this.api.patchUser(this.admin, unique("nobody-"), Map.of("version", 0, "displayName", "x"))
			.andExpect(status().isNotFound());
		// every change is audited
		String auditor = this.api.auditorToken(this.admin);
		this.mvc.perform(bearer(auditor, get("/api/v1/audit").param("entity", "user").param("entityId", user)))
			.andExpect(jsonPath("$.items[*].action", hasItem("UPDATE")));
	}

	private long roleVersion(String role) {
		return this.jdbc.queryForObject("SELECT version FROM role WHERE code = ?", Long.class, role);
	}

}
