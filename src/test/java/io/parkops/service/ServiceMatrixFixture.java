package io.parkops.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.MatrixFixture;
import io.parkops.TestApi;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enterprise-services work line's records for the authorization matrix: the target
 * enterprise's request, a visit, a bridge loan, a job fair, a policy of its zone and the
 * enterprise's application, a 代办 item and the enterprise's reported hires.
 */
public class ServiceMatrixFixture implements MatrixFixture {

	@Override
	public Map<String, String> create(Context c) throws Exception {
		Map<String, String> ids = new LinkedHashMap<>();
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("enterpriseCreditCode", c.enterprise());
		request.put("channel", "PORTAL");
		request.put("category", "LABOUR");
		request.put("title", "用工缺口请求协助招聘");
		request.put("content", "新增产线缺普工。");
		ids.put("requests", id(c, c.enterpriseToken(), "/api/v1/services/requests", request));
		ids.put("visits",
				id(c, c.staffToken(), "/api/v1/services/visits",
						Map.of("zoneCode", c.zone(), "date", "2024-03-03", "enterpriseCreditCodes",
								List.of(c.enterprise()), "visitors", List.of("王主任"), "notes", "了解用工需求", "deeds", 1)));
		ids.put("financing", id(c, c.staffToken(), "/api/v1/services/financing", Map.of("enterpriseCreditCode",
				c.enterprise(), "kind", "BRIDGE", "on", "2024-02-01", "amount", 500, "dueOn", "2024-03-01")));
		ids.put("job-fairs",
				id(c, c.staffToken(), "/api/v1/services/job-fairs",
						Map.of("zoneCode", c.zone(), "date", "2024-02-10", "kind", "CAMPUS", "enterpriseCreditCodes",
								List.of(c.enterprise()), "visitors", 800, "hires", 120)));
		String policy = id(c, c.staffToken(), "/api/v1/services/policies", Map.of("zoneCode", c.zone(), "title", "稳岗补贴",
				"issuer", "县人社局", "criteria", List.of(Map.of("kind", "MANUAL", "text", "按时足额缴纳社保"))));
		ids.put("policies", policy);
		ids.put("policyId", policy);
		ids.put("applications", id(c, c.enterpriseToken(), "/api/v1/services/policies/" + policy + "/applications",
				Map.of("enterpriseCreditCode", c.enterprise(), "amount", 50)));
		ids.put("agency", id(c, c.staffToken(), "/api/v1/services/agency", Map.of("enterpriseCreditCode",
				c.enterprise(), "item", "施工许可证代办", "department", "县住建局", "startedOn", "2024-03-05")));
		ids.put("hires", id(c, c.enterpriseToken(), "/api/v1/services/hires",
				Map.of("enterpriseCreditCode", c.enterprise(), "month", "2024-03", "hires", 12)));
		return ids;
	}

	static String id(Context c, String token, String path, Object body) throws Exception {
		return TestApi.read(c.api().postJson(token, path, body).andExpect(status().isCreated()).andReturn(), "$.id")
			.toString();
	}

}
