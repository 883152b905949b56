package io.parkops.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The platform API as a client uses it: tokens, zones, users and the audit trail, with
 * permissions, data scope and bad input.
 */
@ParkOpsTest
class PlatformApiTests {

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

	// ---- tokens

	@Test
	void tokenIsIssuedForTheRightPassword() throws Exception {
		MvcResult result = this.api.requestToken("admin", ParkOpsTest.ADMIN_PASSWORD)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.token").isNotEmpty())
			.andExpect(jsonPath("$.expiresAt").isNotEmpty())
			.andReturn();
		Instant expiresAt = Instant.parse(TestApi.read(result, "$.expiresAt"));
		assertThat(expiresAt).isAfter(Instant.now());
	}

	@Test
	void wrongPasswordIsRefusedWithAProblem() throws Exception {
		this.api.requestToken("admin", "Wrong#pass1")
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").isNotEmpty());
		this.api.requestToken(unique("nobody-"), "Wrong#pass1").andExpect(status().isUnauthorized());
	}

	@Test
	void fiveWrongPasswordsLockTheAccount() throws Exception {
		String user = this.api.createUser(this.admin, unique("lock-"), List.of("LEADER"), List.of(), null);
		for (int i = 0; i < 5; i++) {
			this.api.requestToken(user, "Wrong#pass" + i).andExpect(status().isUnauthorized());
		}
		this.api.requestToken(user, STRONG_PASSWORD)
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(bearer(this.admin, get("/api/v1/users/" + user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.locked").value(true));
	}

	@Test
	void lockingTheAccountStopsItsTokens() throws Exception {
		String user = this.api.createUser(this.admin, unique("lock-"), List.of("LEADER"), List.of(), null);
		String token = this.api.token(user, STRONG_PASSWORD);
		this.mvc.perform(bearer(token, get("/api/v1/users/me"))).andExpect(status().isOk());
		for (int i = 0; i < 5; i++) {
			this.api.requestToken(user, "Wrong#pass" + i).andExpect(status().isUnauthorized());
		}
		this.mvc.perform(bearer(token, get("/api/v1/users/me"))).andExpect(status().isUnauthorized());
	}

	@Test
	void signInAttemptsAreAudited() throws Exception {
		String user = this.api.createUser(this.admin, unique("signin-"), List.of("LEADER"), List.of(), null);
		this.api.requestToken(user, "Wrong#pass1").andExpect(status().isUnauthorized());
		this.api.token(user, STRONG_PASSWORD);
		String auditor = this.api.auditorToken(this.admin);
		this.mvc.perform(bearer(auditor, get("/api/v1/audit").param("user", user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].action", hasItem("LOGIN_FAILURE")))
			.andExpect(jsonPath("$.items[*].action", hasItem("LOGIN_SUCCESS")));
	}

	@Test
	void aSignInWithAnOverlongOrControlFilledUsernameIsRefusedAndStillAudited() throws Exception {
		String huge = "x".repeat(100_000);
		// the sign-in form: back to the form with its error, not a 500
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
				.param("username", huge)
				.param("password", "Wrong#pass1")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/login?error=bad"));
		// the API: the one answer for a bad sign-in; a control character is bad input
		this.api.requestToken("y".repeat(1000), "Wrong#pass1").andExpect(status().isUnauthorized());
		this.api.requestToken("z\u0000", "Wrong#pass1").andExpect(status().isBadRequest());
		// both attempts are in the audit trail under a shortened name
		String auditor = this.api.auditorToken(this.admin);
		this.mvc.perform(bearer(auditor, get("/api/v1/audit").param("user", "x".repeat(40) + "…")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].action", hasItem("LOGIN_FAILURE")));
		this.mvc.perform(bearer(auditor, get("/api/v1/audit").param("user", "y".repeat(40) + "…")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].action", hasItem("LOGIN_FAILURE")));
	}

	@Test
	void fourWrongPasswordsDoNotLock() throws Exception {
		String user = this.api.createUser(this.admin, unique("nolock-"), List.of("LEADER"), List.of(), null);
		for (int i = 0; i < 4; i++) {
			this.api.requestToken(user, "Wrong#pass" + i).andExpect(status().isUnauthorized());
		}
		this.api.requestToken(user, STRONG_PASSWORD).andExpect(status().isOk());
	}

	@Test
	void bearerTokenAuthenticatesAndGarbageDoesNot() throws Exception {
		this.mvc.perform(bearer(this.admin, get("/api/v1/users/me")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("admin"))
			.andExpect(jsonPath("$.roles", hasItem("ADMIN")));
		this.mvc.perform(bearer("not-a-token", get("/api/v1/users/me")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/users/me").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void revokedTokenNoLongerWorks() throws Exception {
		String token = this.api.adminToken();
		this.mvc.perform(bearer(token, get("/api/v1/users/me"))).andExpect(status().isOk());
		this.mvc.perform(bearer(token, delete("/api/v1/auth/token"))).andExpect(status().isNoContent());
		this.mvc.perform(bearer(token, get("/api/v1/users/me"))).andExpect(status().isUnauthorized());
		// other tokens of the same user keep working
		this.mvc.perform(bearer(this.admin, get("/api/v1/users/me"))).andExpect(status().isOk());
	}

	// ---- zones

	@Test
	void adminCreatesAZoneWithAreas() throws Exception {
		String code = unique("z-");
		this.api
			.postJson(this.admin, "/api/v1/zones",
					Map.of("code", code, "name", "Test zone", "areas",
							List.of(Map.of("code", "east", "name", "East"), Map.of("code", "west", "name", "West"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.areas.length()").value(2));
		this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + code)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Test zone"))
			.andExpect(jsonPath("$.areas[*].code", hasItem("east")))
			.andExpect(jsonPath("$.areas[*].code", hasItem("west")));
	}

	@Test
	void duplicateZoneIsAConflict() throws Exception {
		String code = this.api.createZone(this.admin, unique("z-"), "a1");
		this.api.postJson(this.admin, "/api/v1/zones", Map.of("code", code, "name", "Again", "areas", List.of()))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + code)))
			.andExpect(jsonPath("$.name").value("Zone " + code));
	}

	@Test
	void badZoneCodeIsAFieldError() throws Exception {
		this.api.postJson(this.admin, "/api/v1/zones", Map.of("code", "bad code!", "name", "Bad", "areas", List.of()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("code")))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
		this.api.postJson(this.admin, "/api/v1/zones", Map.of("code", "", "name", "Bad", "areas", List.of()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("code")));
	}

	@Test
	void unknownZoneIsNotFound() throws Exception {
		this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + unique("none-"))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void staffSeeOnlyTheirOwnZone() throws Exception {
		String zoneA = this.api.createZone(this.admin, unique("za-"), "a1");
		String zoneB = this.api.createZone(this.admin, unique("zb-"), "b1");
		String staff = this.api.createUser(this.admin, unique("staff-"), List.of("ECONOMY_STAFF"), List.of(zoneA),
				null);
		String token = this.api.token(staff, STRONG_PASSWORD);
		this.mvc.perform(bearer(token, get("/api/v1/zones/" + zoneA))).andExpect(status().isOk());
		this.mvc.perform(bearer(token, get("/api/v1/zones/" + zoneB)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(bearer(token, get("/api/v1/zones")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem(zoneA)))
			.andExpect(jsonPath("$[*].code", not(hasItem(zoneB))));
	}

	// ---- users

	@Test
	void adminCreatesAUser() throws Exception {
		String zone = this.api.createZone(this.admin, unique("z-"), "a1");
		String username = unique("user-");
		this.api
			.requestUser(this.admin, username, STRONG_PASSWORD, List.of("SERVICE_STAFF"), List.of(zone), null, false)
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, endsWith("/users/" + username)))
			.andExpect(jsonPath("$.username").value(username))
			.andExpect(jsonPath("$.roles[0]").value("SERVICE_STAFF"))
			.andExpect(jsonPath("$.zoneCodes[0]").value(zone))
			.andExpect(jsonPath("$.password").doesNotExist())
			.andExpect(jsonPath("$.passwordHash").doesNotExist());
		this.api.requestToken(username, STRONG_PASSWORD).andExpect(status().isOk());
	}

	@Test
	void duplicateUserIsAConflict() throws Exception {
		String username = this.api.createUser(this.admin, unique("dup-"), List.of("LEADER"), List.of(), null);
		this.api.requestUser(this.admin, username, STRONG_PASSWORD, List.of("LEADER"), List.of(), null, false)
			.andExpect(status().isConflict());
	}

	@Test
	void weakPasswordIsAFieldError() throws Exception {
		String username = unique("weak-");
		this.api.requestUser(this.admin, username, "password", List.of("LEADER"), List.of(), null, false)
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("password")));
		this.mvc.perform(bearer(this.admin, get("/api/v1/users/" + username))).andExpect(status().isNotFound());
	}

	@Test
	void enterpriseUserNeedsAnEnterprise() throws Exception {
		String username = unique("ent-");
		this.api.requestUser(this.admin, username, STRONG_PASSWORD, List.of("ENTERPRISE"), List.of(), null, false)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("enterpriseCreditCode")));
		this.mvc.perform(bearer(this.admin, get("/api/v1/users/" + username))).andExpect(status().isNotFound());
	}

	@Test
	void userWhoMustChangeThePasswordGetsNoToken() throws Exception {
		String username = unique("must-");
		this.api.requestUser(this.admin, username, STRONG_PASSWORD, List.of("LEADER"), List.of(), null, true)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mustChangePassword").value(true));
		this.api.requestToken(username, STRONG_PASSWORD)
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.token").doesNotExist());
	}

	// ---- audit trail

	@Test
	void auditorReadsAndVerifiesTheTrail() throws Exception {
		String zone = this.api.createZone(this.admin, unique("z-"), "a1");
		String auditor = this.api.auditorToken(this.admin);
		this.mvc.perform(bearer(auditor, get("/api/v1/audit").param("entity", "zone")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(notNullValue()))
			.andExpect(jsonPath("$.items[*].entityId", hasItem(zone)))
			.andExpect(jsonPath("$.items[*].username", hasItem("admin")));
		this.mvc.perform(bearer(auditor, get("/api/v1/audit").param("user", "admin").param("entity", "zone")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].username", everyItem(equalTo("admin"))));
		MvcResult verify = this.mvc.perform(bearer(auditor, get("/api/v1/audit/verify")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.brokenAt").doesNotExist())
			.andReturn();
		long records = ((Number) TestApi.read(verify, "$.records")).longValue();
		assertThat(records).isEqualTo(this.jdbc.queryForObject("SELECT count(*) FROM audit_record", Long.class))
			.isPositive();
	}

	@Test
	void auditFiltersByDay() throws Exception {
		String zone = this.api.createZone(this.admin, unique("z-"), "a1");
		String auditor = this.api.auditorToken(this.admin);
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		this.mvc
			.perform(bearer(auditor,
					get("/api/v1/audit").param("entity", "zone").param("from", today).param("to", today)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].entityId", hasItem(zone)));
		this.mvc
			.perform(bearer(auditor,
					get("/api/v1/audit").param("entity", "zone").param("from", "2000-01-01").param("to", "2000-01-31")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void adminCannotReadTheAuditTrail() throws Exception {
		this.mvc.perform(bearer(this.admin, get("/api/v1/audit")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(bearer(this.admin, get("/api/v1/audit/verify"))).andExpect(status().isForbidden());
	}

	@Test
	void auditorCannotCreateZones() throws Exception {
		String auditor = this.api.auditorToken(this.admin);
		String code = unique("z-");
		this.api.postJson(auditor, "/api/v1/zones", Map.of("code", code, "name", "Not allowed", "areas", List.of()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + code))).andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM zone WHERE code = ?", Long.class, code)).isZero();
	}

	@Test
	void auditorCannotCreateUsers() throws Exception {
		String auditor = this.api.auditorToken(this.admin);
		String username = unique("u-");
		this.api.requestUser(auditor, username, STRONG_PASSWORD, List.of("ADMIN"), List.of(), null, false)
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(this.admin, get("/api/v1/users/" + username))).andExpect(status().isNotFound());
	}

}
