package io.parkops.investment;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parkops.ParkOpsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.investment.InvestmentFixture.id;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing registers the project's new company into the enterprise registry (through its
 * public API, in the signing's transaction), and a lead's industry is a GB/T 4754
 * division the platform ships.
 */
@ParkOpsTest
class InvestmentSigningTests {

	@Autowired
	MockMvc mvc;

	InvestmentFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new InvestmentFixture(this.mvc);
	}

	@Test
	void theIndustryIsADivisionThePlatformShips() throws Exception {
		for (String unknown : new String[] { "C99", "C12", "Z01", "C3" }) {
			Map<String, Object> lead = new LinkedHashMap<>(this.f.lead("行业校验项目", 8000));
			lead.put("industryCode", unknown);
			this.f.post(this.f.staff, "/api/v1/investment/leads", lead)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(hasItem("industryCode")));
		}
		Map<String, Object> lead = new LinkedHashMap<>(this.f.lead("行业校验项目", 8000));
		lead.put("industryCode", "c38");
		long id = id(
				this.f.post(this.f.staff, "/api/v1/investment/leads", lead).andExpect(status().isCreated()).andReturn(),
				"$.id");
		this.f.get(this.f.staff, "/api/v1/investment/leads/" + id).andExpect(jsonPath("$.industryCode").value("C38"));
	}

	Map<String, Object> signing(Object newEnterprise, String existing) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("signedOn", "2024-05-06");
		body.put("projectName", "年产5万台智能装备项目");
		body.put("contractAmount", 30000);
		body.put("totalInvestment", 30000);
		body.put("fixedAssetInvestment", 24000);
		body.put("manufacturing", true);
		if (existing != null) {
			body.put("enterpriseCreditCode", existing);
		}
		if (newEnterprise != null) {
			body.put("newEnterprise", newEnterprise);
		}
		return body;
	}

	@Test
	void signingRegistersTheNewCompany() throws Exception {
		long lead = this.f.createLead("智能装备项目", 30000);
		String sign = "/api/v1/investment/leads/" + lead + "/signing";
		String code = InvestmentFixture.creditCode();
		// refused input leaves neither an enterprise nor a project behind
		this.f.post(this.f.staff, sign, signing(Map.of("creditCode", "123", "name", "智能装备（云溪）有限公司"), null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("newEnterprise.creditCode")));
		this.f
			.post(this.f.staff, sign,
					signing(Map.of("creditCode", code, "name", "智能装备（云溪）有限公司", "areaCode", "north"), null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("newEnterprise.areaCode")));
		this.f.post(this.f.staff, sign, signing(Map.of("creditCode", code, "name", "智能装备（云溪）有限公司"), this.f.ent1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("enterpriseCreditCode")));
		// an already registered credit code is a conflict
		this.f.post(this.f.staff, sign, signing(Map.of("creditCode", this.f.ent2, "name", "重复企业"), null))
			.andExpect(status().isConflict());
		this.f.get(this.f.admin, "/api/v1/enterprises/" + code).andExpect(status().isNotFound());
		this.f.get(this.f.staff, "/api/v1/investment/leads/" + lead).andExpect(jsonPath("$.stage").value("NEW"));
		long project = id(this.f
			.post(this.f.staff, sign,
					signing(Map.of("creditCode", code, "name", "智能装备（云溪）有限公司", "areaCode", "east"), null))
			.andExpect(status().isCreated())
			.andReturn(), "$.projectId");
		this.f.get(this.f.staff, "/api/v1/projects/" + project)
			.andExpect(jsonPath("$.creditCode").value(code))
			.andExpect(jsonPath("$.enterpriseName").value("智能装备（云溪）有限公司"));
		// registered in the project's zone, 在建, with the lead's industry
		this.f.get(this.f.admin, "/api/v1/enterprises/" + code)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.zoneCode").value(this.f.zone))
			.andExpect(jsonPath("$.areaCode").value("east"))
			.andExpect(jsonPath("$.industryCode").value("C39"))
			.andExpect(jsonPath("$.status").value("BUILDING"));
	}

}
