package io.parkops.investment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.parkops.TestApi;
import io.parkops.enterprise.CreditCode;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static io.parkops.TestApi.withJson;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fresh zone of its own for an investment test: two enterprises, investment staff, a
 * leader, an enterprise user of the first enterprise, safety staff (no investment
 * permission) and investment staff of another zone, all with tokens.
 */
final class InvestmentFixture {

	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	static final Random RANDOM = new Random();

	final MockMvc mvc;

	final TestApi api;

	final String admin;

	final String zone;

	final String otherZone;

	final String ent1;

	final String ent2;

	final String staff;

	final String leader;

	final String entUser1;

	final String entUser2;

	final String safety;

	final String otherStaff;

	InvestmentFixture(MockMvc mvc) throws Exception {
		this.mvc = mvc;
		this.api = new TestApi(mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("inv-"), "east", "west");
		this.otherZone = this.api.createZone(this.admin, unique("inv-"), "east");
		this.ent1 = enterprise("招商测试一号有限公司", "east");
		this.ent2 = enterprise("招商测试二号有限公司", "west");
		this.staff = token(List.of("INVESTMENT_STAFF"), List.of(this.zone), null);
		this.leader = token(List.of("LEADER"), List.of(this.zone), null);
		this.entUser1 = token(List.of("ENTERPRISE"), List.of(), this.ent1);
		this.entUser2 = token(List.of("ENTERPRISE"), List.of(), this.ent2);
		this.safety = token(List.of("SAFETY_STAFF"), List.of(this.zone), null);
		this.otherStaff = token(List.of("INVESTMENT_STAFF"), List.of(this.otherZone), null);
	}

	static String creditCode() {
		StringBuilder body = new StringBuilder("91");
		for (int i = 0; i < 15; i++) {
			body.append(CHARSET.charAt(RANDOM.nextInt(CHARSET.length())));
		}
		return body + String.valueOf(CreditCode.checkCharacter(body.toString()));
	}

	String enterprise(String name, String area) throws Exception {
		String code = creditCode();
		this.api
			.postJson(this.admin, "/api/v1/enterprises", Map.of("creditCode", code, "name", name, "zoneCode", this.zone,
					"areaCode", area, "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
		return code;
	}

	String token(List<String> roles, List<String> zones, String enterprise) throws Exception {
		String user = this.api.createUser(this.admin, unique("u-"), roles, zones, enterprise);
		return this.api.token(user, STRONG_PASSWORD);
	}

	ResultActions post(String token, String path, Object body) throws Exception {
		return this.api.postJson(token, path, body);
	}

	/** A POST to an address already encoded (a building named 1#厂房). */
	ResultActions postUri(String token, String path, Object body) throws Exception {
		return this.mvc.perform(bearer(token, withJson(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(java.net.URI.create(path)),
				body)));
	}

	ResultActions put(String token, String path, Object body) throws Exception {
		return this.mvc.perform(bearer(token,
				withJson(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path), body)));
	}

	ResultActions get(String token, String path) throws Exception {
		return this.mvc
			.perform(bearer(token, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)));
	}

	static long id(MvcResult result, String path) throws Exception {
		return ((Number) TestApi.read(result, path)).longValue();
	}

	Map<String, Object> lead(String name, long amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zoneCode", this.zone);
		body.put("name", name);
		body.put("investor", "深圳某某集团");
		body.put("source", "BUSINESS_REFERRAL");
		body.put("industryCode", "C39");
		body.put("intendedAmount", amount);
		body.put("responsible", "张招商");
		return body;
	}

	long createLead(String name, long amount) throws Exception {
		return id(post(this.staff, "/api/v1/investment/leads", lead(name, amount)).andExpect(status().isCreated())
			.andReturn(), "$.id");
	}

	Map<String, Object> project(String name, String stage, String signedOn, long total, String creditCode) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zoneCode", this.zone);
		body.put("name", name);
		body.put("enterpriseCreditCode", creditCode);
		body.put("stage", stage);
		body.put("signedOn", signedOn);
		body.put("contractAmount", total);
		body.put("totalInvestment", total);
		body.put("fixedAssetInvestment", total * 8 / 10);
		body.put("fdiUsd", 0);
		body.put("outsideProvince", true);
		body.put("manufacturing", true);
		return body;
	}

	long createProject(String name, String stage, String signedOn, long total, String creditCode) throws Exception {
		return id(post(this.staff, "/api/v1/projects", project(name, stage, signedOn, total, creditCode))
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
	}

	ResultActions step(long project, String stage, String on) throws Exception {
		return post(this.staff, "/api/v1/projects/" + project + "/stage", Map.of("stage", stage, "on", on));
	}

	/** Signs a user in through the login page: the session cookie. */
	jakarta.servlet.http.Cookie signIn(String username) throws Exception {
		return this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
				.param("username", username)
				.param("password", STRONG_PASSWORD)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

}
