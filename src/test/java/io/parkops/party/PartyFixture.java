package io.parkops.party;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.parkops.TestApi;
import io.parkops.enterprise.CreditCode;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fresh zone of its own for a party test: six enterprises in production and one halted,
 * party staff, a leader, an economy staff member, an enterprise user and party staff of
 * another zone, all with tokens.
 */
public final class PartyFixture {

	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	static final Random RANDOM = new Random();

	final MockMvc mvc;

	final TestApi api;

	final String admin;

	final String zone;

	final String otherZone;

	final List<String> ents = new ArrayList<>();

	final String halted;

	final String otherZoneEnterprise;

	final String staff;

	final String leader;

	final String economy;

	final String entUser;

	final String otherStaff;

	LocalDate today() {
		return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
	}

	PartyFixture(MockMvc mvc) throws Exception {
		this.mvc = mvc;
		this.api = new TestApi(mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("pty-"), "east");
		this.otherZone = this.api.createZone(this.admin, unique("pty-"), "east");
		for (int i = 1; i <= 6; i++) {
			this.ents.add(enterprise(this.zone, "党建测试企业" + i + "有限公司", "IN_PRODUCTION"));
		}
		this.halted = enterprise(this.zone, "党建测试停产企业有限公司", "HALTED");
		this.otherZoneEnterprise = enterprise(this.otherZone, "党建测试外区企业有限公司", "IN_PRODUCTION");
		this.staff = token(List.of("PARTY_STAFF"), List.of(this.zone), null);
		this.leader = token(List.of("LEADER"), List.of(this.zone), null);
		this.economy = token(List.of("ECONOMY_STAFF"), List.of(this.zone), null);
		this.entUser = token(List.of("ENTERPRISE"), List.of(), this.ents.get(0));
		this.otherStaff = token(List.of("PARTY_STAFF"), List.of(this.otherZone), null);
	}

	static String creditCode() {
		StringBuilder body = new StringBuilder("91");
		for (int i = 0; i < 15; i++) {
			body.append(CHARSET.charAt(RANDOM.nextInt(CHARSET.length())));
		}
		return body + String.valueOf(CreditCode.checkCharacter(body.toString()));
	}

	String ent(int i) {
		return this.ents.get(i - 1);
	}

	String enterprise(String zone, String name, String status) throws Exception {
		String code = creditCode();
		this.api
			.postJson(this.admin, "/api/v1/enterprises",
					Map.of("creditCode", code, "name", name, "zoneCode", zone, "areaCode", "east", "status", status))
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

	ResultActions get(String token, String path) throws Exception {
		return this.mvc
			.perform(bearer(token, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)));
	}

	public static Map<String, Object> organisation(String zone, String name, String kind, String type, Long parent,
			List<String> codes, LocalDate foundedOn) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zoneCode", zone);
		body.put("name", name);
		body.put("kind", kind);
		body.put("branchType", type);
		body.put("parentId", parent);
		body.put("enterpriseCreditCodes", codes);
		body.put("foundedOn", foundedOn.toString());
		return body;
	}

	long found(String name, String kind, String type, Long parent, List<String> codes, LocalDate foundedOn)
			throws Exception {
		Number id = TestApi.read(post(this.staff, "/api/v1/party/organisations",
				organisation(this.zone, name, kind, type, parent, codes, foundedOn))
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
		return id.longValue();
	}

	long committee() throws Exception {
		return found("党工委", "WORKING_COMMITTEE", null, null, List.of(), LocalDate.now().minusYears(5));
	}

	long member(long org, String name, String status, String creditCode, String phone) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("organisationId", org);
		body.put("name", name);
		body.put("gender", "MALE");
		body.put("birthYear", 1985);
		body.put("status", status);
		body.put("joinedOn", "2015-07-01");
		if (creditCode != null) {
			body.put("enterpriseCreditCode", creditCode);
		}
		if (phone != null) {
			body.put("phone", phone);
		}
		Number id = TestApi
			.read(post(this.staff, "/api/v1/party/members", body).andExpect(status().isCreated()).andReturn(), "$.id");
		return id.longValue();
	}

	ResultActions coverage(String token, LocalDate asOf) throws Exception {
		return get(token, "/api/v1/party/coverage?zone=" + this.zone + ((asOf != null) ? "&asOf=" + asOf : ""));
	}

}
