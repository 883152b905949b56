package io.parkops.safety;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.parkops.TestApi;
import io.parkops.enterprise.CreditCode;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fresh zone of its own for a safety test: two enterprises, a safety staff member, a
 * leader and an enterprise user for each enterprise, all with tokens.
 */
final class SafetyFixture {

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

	final String entUser1;

	final String entUser2;

	SafetyFixture(MockMvc mvc) throws Exception {
		this.mvc = mvc;
		this.api = new TestApi(mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("saf-"), "east", "west");
		this.ent1 = enterprise("安全测试一号有限公司", "east");
		this.ent2 = enterprise("安全测试二号有限公司", "west");
		this.staff = token(List.of("SAFETY_STAFF"), List.of(this.zone), null);
		this.leader = token(List.of("LEADER"), List.of(this.zone), null);
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

	static Map<String, Object> hazard(String creditCode, String level, String foundOn, String deadline) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("enterpriseCreditCode", creditCode);
		body.put("level", level);
		body.put("category", "消防");
		body.put("description", "消防通道堵塞");
		body.put("foundOn", foundOn);
		body.put("deadline", deadline);
		body.put("rectificationType", "BY_DEADLINE");
		return body;
	}

	ResultActions post(String token, String path, Object body) throws Exception {
		return this.api.postJson(token, path, body);
	}

	long createHazard(String creditCode, String level, String foundOn, String deadline) throws Exception {
		Number id = TestApi
			.read(post(this.staff, "/api/v1/safety/hazards", hazard(creditCode, level, foundOn, deadline))
				.andExpect(status().isCreated())
				.andReturn(), "$.id");
		return id.longValue();
	}

	void rectify(long id, String on) throws Exception {
		post(this.staff, "/api/v1/safety/hazards/" + id + "/rectification",
				Map.of("rectifiedOn", on, "measures", "已清理通道"))
			.andExpect(status().isOk());
	}

	/** A 治理方案 for a major hazard: it may not be accepted without one. */
	void plan(long id) throws Exception {
		Map<String, Object> plan = new HashMap<>();
		plan.put("target", "消除重大隐患");
		plan.put("measures", "更换设备，加装防护");
		plan.put("funds", 12.5);
		plan.put("people", "张三");
		plan.put("deadline", java.time.LocalDate.now().plusYears(1).toString());
		plan.put("safetyMeasures", "设置警戒区");
		this.mvc
			.perform(TestApi.withJson(TestApi.bearer(this.staff, put("/api/v1/safety/hazards/" + id + "/plan")), plan))
			.andExpect(status().isOk());
	}

	void accept(long id, String on) throws Exception {
		boolean needsPlan = TestApi
			.read(this.mvc.perform(TestApi.bearer(this.staff, get("/api/v1/safety/hazards/" + id)))
				.andExpect(status().isOk())
				.andReturn(), "$.planRequired");
		if (needsPlan) {
			plan(id);
		}
		Map<String, Object> body = new HashMap<>();
		body.put("passed", true);
		body.put("reviewedOn", on);
		body.put("opinion", "整改到位");
		post(this.staff, "/api/v1/safety/hazards/" + id + "/acceptance", body).andExpect(status().isOk());
	}

}
