package io.parkops.enterprise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static io.parkops.TestApi.withJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enterprise registry API (一企一档): registration, search, optimistic locking, 规上
 * changes, the enterprise user's scope and the audit trail of every change.
 */
@ParkOpsTest
class EnterpriseApiTests {

	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	static final Random RANDOM = new Random();

	@Autowired
	MockMvc mvc;

	TestApi api;

	String admin;

	String zone;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("ent-"), "east", "west");
	}

	/** A credit code with a right check character that no other test uses. */
	static String newCreditCode() {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 17; i++) {
			body.append(CHARSET.charAt(RANDOM.nextInt(CHARSET.length())));
		}
		return body.toString() + CreditCode.checkCharacter(body.toString());
	}

	static Map<String, Object> enterprise(String creditCode, String name, String zone, String area, String industry,
			boolean aboveScale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("creditCode", creditCode);
		body.put("name", name);
		body.put("zoneCode", zone);
		body.put("areaCode", area);
		body.put("industryCode", industry);
		body.put("aboveScale", aboveScale);
		if (aboveScale) {
			body.put("aboveScaleSince", "2021-01");
		}
		body.put("status", "IN_PRODUCTION");
		return body;
	}

	ResultActions register(String token, Map<String, Object> body) throws Exception {
		return this.api.postJson(token, "/api/v1/enterprises", body);
	}

	String registered(String token, String name, String industry, boolean aboveScale) throws Exception {
		String code = newCreditCode();
		register(token, enterprise(code, name, this.zone, "east", industry, aboveScale))
			.andExpect(status().isCreated());
		return code;
	}

	ResultActions fetch(String token, String creditCode) throws Exception {
		return this.mvc.perform(bearer(token, get("/api/v1/enterprises/" + creditCode)));
	}

	long version(String token, String creditCode) throws Exception {
		MvcResult result = fetch(token, creditCode).andExpect(status().isOk()).andReturn();
		return ((Number) TestApi.read(result, "$.version")).longValue();
	}

	// ---- registration

	@Test
	void registersAnEnterprise() throws Exception {
		String code = newCreditCode();
		register(this.admin, enterprise(code, "测试电子有限公司", this.zone, "east", "C39", true))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.creditCode").value(code))
			.andExpect(jsonPath("$.name").value("测试电子有限公司"))
			.andExpect(jsonPath("$.zoneCode").value(this.zone))
			.andExpect(jsonPath("$.areaCode").value("east"))
			.andExpect(jsonPath("$.industryCode").value("C39"))
			.andExpect(jsonPath("$.aboveScale").value(true))
			.andExpect(jsonPath("$.aboveScaleSince").value("2021-01"))
			.andExpect(jsonPath("$.status").value("IN_PRODUCTION"))
			.andExpect(jsonPath("$.version").isNumber());
		fetch(this.admin, code).andExpect(status().isOk())
			.andExpect(jsonPath("$.creditCode").value(code))
			.andExpect(jsonPath("$.industryName").isNotEmpty());
	}

	@Test
	void realCodeTypedInLowerCaseIsStoredNormalized() throws Exception {
		String code = newCreditCode();
		register(this.admin, enterprise(" " + code.toLowerCase() + " ", "Lower case", this.zone, "east", "C39", false))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.creditCode").value(code));
		fetch(this.admin, code).andExpect(status().isOk());
	}

	@Test
	void badCreditCodeIsAFieldError() throws Exception {
		String good = newCreditCode();
		char wrongCheck = CHARSET.charAt((CHARSET.indexOf(good.charAt(17)) + 1) % CHARSET.length());
		String bad = good.substring(0, 17) + wrongCheck;
		register(this.admin, enterprise(bad, "Bad code", this.zone, "east", "C39", false))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", contains("creditCode")))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
		fetch(this.admin, bad).andExpect(status().isNotFound());
		for (String wrong : List.of("9136072", "91360727MA35LGHK7KX", "913607270A35LGHKIK")) {
			register(this.admin, enterprise(wrong, "Bad code", this.zone, "east", "C39", false))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem("creditCode")));
		}
	}

	@Test
	void otherBadFieldsAreListedTogether() throws Exception {
		Map<String, Object> body = enterprise(newCreditCode(), "", this.zone, "north", "Z99", true);
		body.put("aboveScaleSince", "2021-13");
		register(this.admin, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					containsInAnyOrder("name", "areaCode", "industryCode", "aboveScaleSince")));
		register(this.admin, enterprise(newCreditCode(), "No zone", unique("nozone-"), null, "C39", false))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("zoneCode")));
	}

	@Test
	void duplicateIsAConflictAndKeepsTheFirst() throws Exception {
		String code = registered(this.admin, "First", "C39", false);
		register(this.admin, enterprise(code, "Second", this.zone, "west", "C26", true))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		fetch(this.admin, code).andExpect(jsonPath("$.name").value("First"))
			.andExpect(jsonPath("$.areaCode").value("east"));
	}

	@Test
	void unknownEnterpriseIsNotFound() throws Exception {
		fetch(this.admin, newCreditCode()).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
	}

	// ---- search

	@Test
	void listFiltersAndPages() throws Exception {
		String token = unique("Q");
		registered(this.admin, token + " Alpha Electronics", "C39", true);
		registered(this.admin, token + " Beta Electronics", "C39", false);
		registered(this.admin, token + " Gamma Chemicals", "C26", true);
		registered(this.admin, token + " Delta Trading", "F51", false);
		registered(this.admin, "Unrelated Works", "C39", true);

		list(Map.of("zone", this.zone)).andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.items.length()").value(5));
		list(Map.of("zone", this.zone, "q", token)).andExpect(jsonPath("$.total").value(4));
		list(Map.of("zone", this.zone, "q", token.toLowerCase() + " alpha")).andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].name").value(token + " Alpha Electronics"));
		list(Map.of("zone", this.zone, "industry", "C39")).andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[*].industryCode", everyItem(is("C39"))));
		list(Map.of("zone", this.zone, "industry", "C")).andExpect(jsonPath("$.total").value(4));
		list(Map.of("zone", this.zone, "aboveScale", "true")).andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[*].aboveScale", everyItem(is(true))));
		list(Map.of("zone", this.zone, "aboveScale", "false", "q", token)).andExpect(jsonPath("$.total").value(2));
		list(Map.of("zone", this.zone, "industry", "C39", "aboveScale", "true", "q", token))
			.andExpect(jsonPath("$.total").value(1));
		list(Map.of("zone", this.zone, "page", "0", "size", "2")).andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.items.length()").value(2));
		list(Map.of("zone", this.zone, "page", "2", "size", "2")).andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.items.length()").value(1));
		list(Map.of("zone", this.zone, "page", "3", "size", "2")).andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.items.length()").value(0));
	}

	@Test
	void pagesTogetherListEveryEnterpriseOnce() throws Exception {
		List<String> codes = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			codes.add(registered(this.admin, "Paged " + i, "C39", i % 2 == 0));
		}
		List<String> seen = new java.util.ArrayList<>();
		for (int page = 0; page < 3; page++) {
			MvcResult result = list(Map.of("zone", this.zone, "page", String.valueOf(page), "size", "2")).andReturn();
			seen.addAll(TestApi.<List<String>>read(result, "$.items[*].creditCode"));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(codes);
	}

	ResultActions list(Map<String, String> params) throws Exception {
		return list(this.admin, params);
	}

	ResultActions list(String token, Map<String, String> params) throws Exception {
		var request = get("/api/v1/enterprises");
		params.forEach((k, v) -> request.param(k, v));
		return this.mvc.perform(bearer(token, request)).andExpect(status().isOk());
	}

	// ---- changes

	@Test
	void changeWithTheCurrentVersionIncrementsIt() throws Exception {
		String code = registered(this.admin, "Before", "C39", false);
		long version = version(this.admin, code);
		this.mvc
			.perform(bearer(this.admin,
					withJson(patch("/api/v1/enterprises/" + code),
							Map.of("version", version, "name", "After", "contactPhone", "13800000000"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("After"))
			.andExpect(jsonPath("$.contactPhone").value("13800000000"))
			.andExpect(jsonPath("$.industryCode").value("C39"))
			.andExpect(jsonPath("$.version").value(version + 1));
		fetch(this.admin, code).andExpect(jsonPath("$.name").value("After"))
			.andExpect(jsonPath("$.version").value(version + 1));
	}

	@Test
	void changeWithAStaleVersionIsAConflictAndChangesNothing() throws Exception {
		String code = registered(this.admin, "Original", "C39", false);
		long version = version(this.admin, code);
		this.mvc
			.perform(bearer(this.admin,
					withJson(patch("/api/v1/enterprises/" + code), Map.of("version", version, "name", "First edit"))))
			.andExpect(status().isOk());
		this.mvc
			.perform(bearer(this.admin,
					withJson(patch("/api/v1/enterprises/" + code),
							Map.of("version", version, "name", "Lost update", "industryCode", "C26"))))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		fetch(this.admin, code).andExpect(jsonPath("$.name").value("First edit"))
			.andExpect(jsonPath("$.industryCode").value("C39"))
			.andExpect(jsonPath("$.version").value(version + 1));
	}

	@Test
	void changeWithoutVersionIsRefused() throws Exception {
		String code = registered(this.admin, "Unversioned", "C39", false);
		this.mvc.perform(bearer(this.admin, withJson(patch("/api/v1/enterprises/" + code), Map.of("name", "X"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("version")));
		fetch(this.admin, code).andExpect(jsonPath("$.name").value("Unversioned"));
	}

	@Test
	void scaleEntryAndExitAreRecorded() throws Exception {
		String code = registered(this.admin, "Growing", "C39", false);
		fetch(this.admin, code).andExpect(jsonPath("$.aboveScale").value(false));
		this.api
			.postJson(this.admin, "/api/v1/enterprises/" + code + "/scale-changes",
					Map.of("month", "2023-03", "aboveScale", true))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.aboveScale").value(true))
			.andExpect(jsonPath("$.aboveScaleSince").value("2023-03"));
		list(Map.of("zone", this.zone, "aboveScale", "true"))
			.andExpect(jsonPath("$.items[*].creditCode", hasItem(code)));
		this.api
			.postJson(this.admin, "/api/v1/enterprises/" + code + "/scale-changes",
					Map.of("month", "2024-07", "aboveScale", false))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.aboveScale").value(false));
		fetch(this.admin, code).andExpect(jsonPath("$.aboveScale").value(false));
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + code + "/file")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.scaleHistory.length()").value(2));
	}

	@Test
	void scaleChangeNeedsAValidMonth() throws Exception {
		String code = registered(this.admin, "Monthless", "C39", false);
		this.api
			.postJson(this.admin, "/api/v1/enterprises/" + code + "/scale-changes",
					Map.of("month", "March", "aboveScale", true))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("month")));
		fetch(this.admin, code).andExpect(jsonPath("$.aboveScale").value(false));
	}

	// ---- data scope

	@Test
	void enterpriseUserSeesOnlyItsOwnEnterprise() throws Exception {
		String own = registered(this.admin, "Own Co", "C39", false);
		String other = registered(this.admin, "Other Co", "C39", false);
		String user = this.api.createUser(this.admin, unique("ent-"), List.of("ENTERPRISE"), List.of(), own);
		String token = this.api.token(user, STRONG_PASSWORD);

		fetch(token, own).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Own Co"));
		fetch(token, other).andExpect(forbiddenOrNotFound()).andExpect(jsonPath("$.name").doesNotExist());
		list(token, Map.of()).andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].creditCode").value(own));
		list(token, Map.of("q", "Other")).andExpect(jsonPath("$.total").value(0));

		long otherVersion = version(this.admin, other);
		this.mvc
			.perform(bearer(token,
					withJson(patch("/api/v1/enterprises/" + other), Map.of("version", otherVersion, "name", "Taken"))))
			.andExpect(forbiddenOrNotFound());
		fetch(this.admin, other).andExpect(jsonPath("$.name").value("Other Co"))
			.andExpect(jsonPath("$.version").value(otherVersion));

		this.api
			.postJson(token, "/api/v1/enterprises/" + other + "/scale-changes",
					Map.of("month", "2023-03", "aboveScale", true))
			.andExpect(forbiddenOrNotFound());
		register(token, enterprise(newCreditCode(), "Self-registered", this.zone, "east", "C39", false))
			.andExpect(status().isForbidden());
		fetch(this.admin, other).andExpect(jsonPath("$.aboveScale").value(false));
	}

	@Test
	void enterpriseUserBoundWithALowerCaseCodeSeesItsEnterprise() throws Exception {
		String own = registered(this.admin, "Lower Co", "C39", false);
		String user = this.api.createUser(this.admin, unique("ent-"), List.of("ENTERPRISE"), List.of(),
				" " + own.toLowerCase() + " ");
		String token = this.api.token(user, STRONG_PASSWORD);
		fetch(token, own).andExpect(status().isOk());
		list(token, Map.of()).andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(bearer(this.admin, get("/api/v1/users/" + user)))
			.andExpect(jsonPath("$.enterpriseCreditCode").value(own))
			.andExpect(jsonPath("$.zoneCodes", contains(this.zone)));
	}

	@Test
	void staffSeeOnlyEnterprisesOfTheirZone() throws Exception {
		String otherZone = this.api.createZone(this.admin, unique("ent-"), "east");
		String inZone = registered(this.admin, "In zone", "C39", false);
		String outside = newCreditCode();
		register(this.admin, enterprise(outside, "Outside", otherZone, "east", "C39", false))
			.andExpect(status().isCreated());
		String staff = this.api.createUser(this.admin, unique("eco-"), List.of("ECONOMY_STAFF"), List.of(this.zone),
				null);
		String token = this.api.token(staff, STRONG_PASSWORD);

		fetch(token, inZone).andExpect(status().isOk());
		fetch(token, outside).andExpect(status().isForbidden());
		list(token, Map.of()).andExpect(jsonPath("$.items[*].creditCode", everyItem(is(inZone))))
			.andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(bearer(token, get("/api/v1/enterprises").param("zone", otherZone)))
			.andExpect(status().isForbidden());
		register(token, enterprise(newCreditCode(), "Elsewhere", otherZone, "east", "C39", false))
			.andExpect(status().isForbidden());
		list(Map.of("zone", otherZone)).andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void readOnlyStaffCannotRegister() throws Exception {
		String leader = this.api.createUser(this.admin, unique("lead-"), List.of("LEADER"), List.of(this.zone), null);
		String token = this.api.token(leader, STRONG_PASSWORD);
		String code = newCreditCode();
		register(token, enterprise(code, "Not allowed", this.zone, "east", "C39", false))
			.andExpect(status().isForbidden());
		fetch(this.admin, code).andExpect(status().isNotFound());
	}

	/** Another enterprise's record may be refused or hidden. */
	static ResultMatcher forbiddenOrNotFound() {
		return status().is(anyOf(is(403), is(404)));
	}

	// ---- audit trail

	@Test
	void everyChangeIsInTheAuditTrail() throws Exception {
		String staff = this.api.createUser(this.admin, unique("eco-"), List.of("ECONOMY_STAFF"), List.of(this.zone),
				null);
		String token = this.api.token(staff, STRONG_PASSWORD);
		String code = registered(token, "Audited", "C39", false);
		long version = version(token, code);
		this.mvc
			.perform(bearer(token,
					withJson(patch("/api/v1/enterprises/" + code), Map.of("version", version, "name", "Audited 2"))))
			.andExpect(status().isOk());
		this.mvc
			.perform(bearer(token,
					withJson(patch("/api/v1/enterprises/" + code), Map.of("version", version, "name", "Stale"))))
			.andExpect(status().isConflict());
		this.api
			.postJson(token, "/api/v1/enterprises/" + code + "/scale-changes",
					Map.of("month", "2023-03", "aboveScale", true))
			.andExpect(status().isCreated());

		String auditor = this.api.auditorToken(this.admin);
		this.mvc.perform(bearer(auditor, get("/api/v1/audit").param("entity", "enterprise").param("user", staff)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[*].action", contains("SCALE_CHANGE", "UPDATE", "CREATE")))
			.andExpect(jsonPath("$.items[*].entityId", everyItem(is(code))))
			.andExpect(jsonPath("$.items[1].before", org.hamcrest.Matchers.containsString("Audited")))
			.andExpect(jsonPath("$.items[1].after", org.hamcrest.Matchers.containsString("Audited 2")));
		this.mvc.perform(bearer(auditor, get("/api/v1/audit/verify")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true));
	}

}
