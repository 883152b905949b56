package io.parkops.service;

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
import static io.parkops.TestApi.unique;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fresh zone of its own for an enterprise-services test: two enterprises, service
 * staff, a leader, a safety officer (a role without service permissions), an economy
 * officer (to enter monthly figures) and a user for each enterprise, all with tokens.
 */
final class ServiceFixture {

	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	static final Random RANDOM = new Random();

	final MockMvc mvc;

	final TestApi api;

	final String admin;

	final String zone;

	final String ent1;

	final String ent2;

	final String staff;

	final String leader;

	final String safety;

	final String economy;

	final String entUser1;

	final String entUser2;

	ServiceFixture(MockMvc mvc) throws Exception {
		this.mvc = mvc;
		this.api = new TestApi(mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("svc-"), "east", "west");
		this.ent1 = enterprise("服务测试一号有限公司", Map.of("areaCode", "east"));
		this.ent2 = enterprise("服务测试二号有限公司", Map.of("areaCode", "west"));
		this.staff = token(List.of("SERVICE_STAFF"), List.of(this.zone), null);
		this.leader = token(List.of("LEADER"), List.of(this.zone), null);
		this.safety = token(List.of("SAFETY_STAFF"), List.of(this.zone), null);
		this.economy = token(List.of("ECONOMY_STAFF"), List.of(this.zone), null);
		this.entUser1 = token(List.of("ENTERPRISE"), List.of(), this.ent1);
		this.entUser2 = token(List.of("ENTERPRISE"), List.of(), this.ent2);
	}

	static String creditCode() {
		StringBuilder body = new StringBuilder("91");
		for (int i = 0; i < 15; i++) {
			body.append(CHARSET.charAt(RANDOM.nextInt(CHARSET.length())));
		}
		return body + String.valueOf(CreditCode.checkCharacter(body.toString()));
	}

	/** Registers an enterprise of the zone with the given extra fields. */
	String enterprise(String name, Map<String, Object> fields) throws Exception {
		String code = creditCode();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("creditCode", code);
		body.put("name", name);
		body.put("zoneCode", this.zone);
		body.put("areaCode", "east");
		body.put("status", "IN_PRODUCTION");
		body.putAll(fields);
		this.api.postJson(this.admin, "/api/v1/enterprises", body).andExpect(status().isCreated());
		return code;
	}

	String token(List<String> roles, List<String> zones, String enterprise) throws Exception {
		String user = this.api.createUser(this.admin, unique("u-"), roles, zones, enterprise);
		return this.api.token(user, STRONG_PASSWORD);
	}

	ResultActions post(String token, String path, Object body) throws Exception {
		return this.api.postJson(token, path, body);
	}

	ResultActions put(String token, String path, Object body) throws Exception {
		return this.mvc.perform(TestApi.bearer(token,
				TestApi.withJson(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path), body)));
	}

	ResultActions get(String token, String path) throws Exception {
		return this.mvc.perform(
				TestApi.bearer(token, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)));
	}

	/** A GET in a language ({@code Accept-Language}, as API clients send it). */
	ResultActions get(String token, String path, String language) throws Exception {
		return this.mvc
			.perform(TestApi.bearer(token, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
				.header("Accept-Language", language)));
	}

	static Map<String, Object> request(String creditCode, String channel, String category, String raisedOn) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("enterpriseCreditCode", creditCode);
		body.put("channel", channel);
		body.put("category", category);
		body.put("title", "用工缺口请求协助招聘");
		body.put("content", "二季度新增产线，缺普工80人。");
		if (raisedOn != null) {
			body.put("raisedOn", raisedOn);
		}
		return body;
	}

	long raise(String token, Map<String, Object> body) throws Exception {
		MvcResult r = post(token, "/api/v1/services/requests", body).andExpect(status().isCreated()).andReturn();
		return ((Number) TestApi.read(r, "$.id")).longValue();
	}

	void handle(long id, String on) throws Exception {
		post(this.staff, "/api/v1/services/requests/" + id + "/handling",
				Map.of("on", on, "department", "人社局", "handler", "张科长", "level", "COUNTY"))
			.andExpect(status().isOk());
	}

	void resolve(long id, String on) throws Exception {
		post(this.staff, "/api/v1/services/requests/" + id + "/resolution",
				Map.of("on", on, "result", "组织专场招聘会，招到普工82人。"))
			.andExpect(status().isOk());
	}

	static <T> T read(ResultActions actions, String path) throws Exception {
		return TestApi.read(actions.andReturn(), path);
	}

}
