package io.parkops.monitoring.internal;

import java.math.BigDecimal;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fresh zone for a monitoring test: two enterprises, safety staff, a leader, an
 * enterprise user of the first, and safety staff of another zone, all with tokens.
 */
public final class MonitoringFixture {

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

	final String otherStaff;

	MonitoringFixture(MockMvc mvc) throws Exception {
		this.mvc = mvc;
		this.api = new TestApi(mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("mon-"), "east");
		this.otherZone = this.api.createZone(this.admin, unique("mox-"), "east");
		this.ent1 = enterprise(this.api, this.admin, "监测测试化工一号有限公司", this.zone);
		this.ent2 = enterprise(this.api, this.admin, "监测测试化工二号有限公司", this.zone);
		this.staff = token(List.of("SAFETY_STAFF"), List.of(this.zone), null);
		this.leader = token(List.of("LEADER"), List.of(this.zone), null);
		this.entUser1 = token(List.of("ENTERPRISE"), List.of(), this.ent1);
		this.otherStaff = token(List.of("SAFETY_STAFF"), List.of(this.otherZone), null);
	}

	static String creditCode() {
		StringBuilder body = new StringBuilder("91");
		for (int i = 0; i < 15; i++) {
			body.append(CHARSET.charAt(RANDOM.nextInt(CHARSET.length())));
		}
		return body + String.valueOf(CreditCode.checkCharacter(body.toString()));
	}

	static String enterprise(TestApi api, String admin, String name, String zone) throws Exception {
		String code = creditCode();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("creditCode", code);
		body.put("name", name);
		body.put("zoneCode", zone);
		body.put("areaCode", "east");
		body.put("status", "IN_PRODUCTION");
		body.put("aboveScale", false);
		api.postJson(admin, "/api/v1/enterprises", body).andExpect(status().isCreated());
		return code;
	}

	String token(List<String> roles, List<String> zones, String enterprise) throws Exception {
		String user = this.api.createUser(this.admin, unique("u-"), roles, zones, enterprise);
		return this.api.token(user, STRONG_PASSWORD);
	}

	/** A unique MN of 24 characters. */
	static String mn() {
		return unique("MN").toUpperCase().replaceAll("[^0-9A-Z]", "0") + "0000000000000";
	}

	/** A water outfall's point body: COD limit 50 (warning 40), NH3-N limit 5. */
	static Map<String, Object> point(String zone, String enterprise, String mn, String sm4Key) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zoneCode", zone);
		body.put("enterpriseCreditCode", enterprise);
		body.put("mn", mn);
		body.put("name", "总排口" + mn.substring(2, 6));
		body.put("kind", "WATER");
		body.put("location", "厂区东侧");
		body.put("password", "123456");
		if (sm4Key != null) {
			body.put("sm4Key", sm4Key);
		}
		body.put("factors",
				List.of(Map.of("code", "w01018", "name", "化学需氧量", "unit", "mg/L", "limit", new BigDecimal("50"),
						"warning", new BigDecimal("40")),
						Map.of("code", "w21003", "name", "氨氮", "unit", "mg/L", "limit", new BigDecimal("5"))));
		return body;
	}

	ResultActions post(String token, String path, Object body) throws Exception {
		return this.api.postJson(token, path, body);
	}

	ResultActions get(String token, String path) throws Exception {
		return this.mvc.perform(
				TestApi.bearer(token, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)));
	}

}
