package io.parkops.economy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.parkops.TestApi;
import io.parkops.enterprise.CreditCode;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.withJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Builds the enterprises and months the economy tests need, through the API as a client
 * would.
 */
final class EconomyTestData {

	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	static final Random RANDOM = new Random();

	private final MockMvc mvc;

	private final TestApi api;

	private final String admin;

	EconomyTestData(MockMvc mvc, TestApi api, String admin) {
		this.mvc = mvc;
		this.api = api;
		this.admin = admin;
	}

	static String newCreditCode() {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 17; i++) {
			body.append(CHARSET.charAt(RANDOM.nextInt(CHARSET.length())));
		}
		return body.toString() + CreditCode.checkCharacter(body.toString());
	}

	/** Registers an enterprise; {@code since} (yyyy-MM) makes it 规上 from that month. */
	String enterprise(String zone, String area, String industry, String since) throws Exception {
		String code = newCreditCode();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("creditCode", code);
		body.put("name", "经济测试" + code.substring(10) + "有限公司");
		body.put("zoneCode", zone);
		body.put("areaCode", area);
		body.put("industryCode", industry);
		body.put("aboveScale", since != null);
		if (since != null) {
			body.put("aboveScaleSince", since);
		}
		body.put("status", "IN_PRODUCTION");
		this.api.postJson(this.admin, "/api/v1/enterprises", body).andExpect(status().isCreated());
		return code;
	}

	void scaleChange(String creditCode, String month, boolean aboveScale) throws Exception {
		this.api
			.postJson(this.admin, "/api/v1/enterprises/" + creditCode + "/scale-changes",
					Map.of("month", month, "aboveScale", aboveScale))
			.andExpect(status().isCreated());
	}

	ResultActions putMonth(String token, String creditCode, String month, Map<String, ?> values,
			Map<String, ?> priorYear) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("values", values);
		if (priorYear != null) {
			body.put("priorYear", priorYear);
		}
		return this.mvc
			.perform(bearer(token, withJson(put("/api/v1/enterprises/" + creditCode + "/monthly/" + month), body)));
	}

	/** Stores the months with the same figures each month. */
	void months(String creditCode, int year, int from, int to, Map<String, ?> values, Map<String, ?> priorYear)
			throws Exception {
		for (int m = from; m <= to; m++) {
			putMonth(this.admin, creditCode, String.format("%d-%02d", year, m), values, priorYear)
				.andExpect(status().isOk());
		}
	}

	static Map<String, Object> figures(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static List<String> list(String... values) {
		return List.of(values);
	}

}
