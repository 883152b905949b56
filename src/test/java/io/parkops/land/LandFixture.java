package io.parkops.land;

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
 * A fresh zone of its own for a land test: three enterprises, land staff, a leader, an
 * enterprise user for the first two, and land staff of another zone, all with tokens.
 */
final class LandFixture {

	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	static final Random RANDOM = new Random();

	final MockMvc mvc;

	final TestApi api;

	final String admin;

	final String zone;

	final String otherZone;

	final String ent1;

	final String ent2;

	final String ent3;

	final String staff;

	final String leader;

	final String entUser1;

	final String entUser2;

	final String otherStaff;

	LandFixture(MockMvc mvc) throws Exception {
		this.mvc = mvc;
		this.api = new TestApi(mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("lnd-"), "east", "west");
		this.otherZone = this.api.createZone(this.admin, unique("lnx-"), "east");
		this.ent1 = enterprise("土地测试一号有限公司", this.zone, true);
		this.ent2 = enterprise("土地测试二号有限公司", this.zone, true);
		this.ent3 = enterprise("土地测试三号有限公司", this.zone, false);
		this.staff = token(List.of("LAND_STAFF"), List.of(this.zone), null);
		this.leader = token(List.of("LEADER"), List.of(this.zone), null);
		this.entUser1 = token(List.of("ENTERPRISE"), List.of(), this.ent1);
		this.entUser2 = token(List.of("ENTERPRISE"), List.of(), this.ent2);
		this.otherStaff = token(List.of("LAND_STAFF"), List.of(this.otherZone), null);
	}

	static String creditCode() {
		StringBuilder body = new StringBuilder("91");
		for (int i = 0; i < 15; i++) {
			body.append(CHARSET.charAt(RANDOM.nextInt(CHARSET.length())));
		}
		return body + String.valueOf(CreditCode.checkCharacter(body.toString()));
	}

	String enterprise(String name, String zone, boolean aboveScale) throws Exception {
		String code = creditCode();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("creditCode", code);
		body.put("name", name);
		body.put("zoneCode", zone);
		body.put("areaCode", "east");
		body.put("status", "IN_PRODUCTION");
		body.put("aboveScale", aboveScale);
		if (aboveScale) {
			body.put("aboveScaleSince", "2020-01");
		}
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

	/** Signs a user in to the pages: its session cookie. */
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

	/** A page as the session's user sees it (200 expected). */
	String page(jakarta.servlet.http.Cookie session, String path) throws Exception {
		return this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The default per-mu scheme of domain.md §7 for a year, with class cuts of a quarter
	 * each (with four graded enterprises, one of each class).
	 */
	void quarterCuts(int year) throws Exception {
		Map<String, Object> scheme = new LinkedHashMap<>();
		scheme.put("aboveScale",
				Map.of("items", List.of(item("tax_per_mu", 30, 24.097), item("value_added_per_mu", 20, 136.16),
						item("value_added_per_energy", 20, 2.694), item("value_added_per_emission", 10, 4929.81),
						item("labour_productivity", 10, 18.14), item("rd_intensity", 10, 0.0302))));
		scheme.put("belowScale",
				Map.of("items", List.of(item("tax_per_mu", 50, 24.097), item("tax_per_electricity", 50, 1.2))));
		scheme.put("classCuts", Map.of("A", 25, "B", 25, "C", 25, "D", 25));
		put(this.staff, "/api/v1/land/per-mu/schemes/" + year, scheme).andExpect(status().isOk());
	}

	private static Map<String, Object> item(String code, int weight, double benchmark) {
		return Map.of("code", code, "weight", weight, "benchmark", benchmark, "cap", weight * 1.5);
	}

	/** A 规上 enterprise's inputs of a year: all alike but its tax (万元). */
	void perMuInputs(int year, String creditCode, Object tax) throws Exception {
		put(this.staff, "/api/v1/land/per-mu/inputs/" + year + "/" + creditCode, Map.of("tax", tax, "valueAdded", 3000,
				"revenue", 20000, "energyTce", 1500, "emissions", 2, "employees", 300, "rdExpense", 300))
			.andExpect(status().isOk());
	}

	/** Evaluates the zone's year; the evaluation's id. */
	long evaluate(int year) throws Exception {
		return ((Number) TestApi
			.read(post(this.staff, "/api/v1/land/per-mu/evaluations", Map.of("zoneCode", this.zone, "year", year))
				.andExpect(status().isCreated())
				.andReturn(), "$.id"))
			.longValue();
	}

	/** A square parcel boundary at (x, y) in local metres. */
	static Map<String, Object> square(double x, double y, double side) {
		List<List<Double>> ring = List.of(List.of(x, y), List.of(x + side, y), List.of(x + side, y + side),
				List.of(x, y + side), List.of(x, y));
		return Map.of("type", "Polygon", "coordinates", List.of(ring));
	}

	static Map<String, Object> parcel(String zone, String code, Object areaMu, String owner) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zoneCode", zone);
		body.put("code", code);
		body.put("areaMu", areaMu);
		body.put("use", "INDUSTRIAL");
		body.put("status", "RESERVE");
		if (owner != null) {
			body.put("ownerCreditCode", owner);
		}
		body.put("geometry", square(RANDOM.nextInt(1000), RANDOM.nextInt(1000), 50));
		return body;
	}

	long createParcel(String code, Object areaMu, String owner) throws Exception {
		return ((Number) TestApi.read(post(this.staff, "/api/v1/land/parcels", parcel(this.zone, code, areaMu, owner))
			.andExpect(status().isCreated())
			.andReturn(), "$.id")).longValue();
	}

	long supply(String parcelCode, Object areaMu, Object price, String buyer, String on, String agreedStart,
			boolean standard) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zoneCode", this.zone);
		body.put("parcelCode", parcelCode);
		body.put("kind", "LISTING");
		body.put("areaMu", areaMu);
		body.put("price", price);
		body.put("buyerCreditCode", buyer);
		body.put("on", on);
		body.put("agreedStartOn", agreedStart);
		if (standard) {
			body.put("standardLand", Map.of("investmentIntensity", 300, "plotRatio", 1.2, "taxPerMu", 20,
					"energyPerValue", 0.5, "capacityOn", "2025-12-31"));
		}
		return ((Number) TestApi
			.read(post(this.staff, "/api/v1/land/supplies", body).andExpect(status().isCreated()).andReturn(), "$.id"))
			.longValue();
	}

}
