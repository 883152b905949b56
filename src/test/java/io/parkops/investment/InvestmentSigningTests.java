package io.parkops.investment;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.investment.InvestmentFixture.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing registers the project's new company into the enterprise registry (through its
 * public API, in the signing's transaction), a project signed before its company was set
 * up gets its enterprise later (once, with the project's version; the timeline then has
 * the signing and the stages passed), and a lead's industry is a GB/T 4754 division the
 * platform ships.
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

	private Object version(long project) throws Exception {
		return TestApi.read(this.f.get(this.f.staff, "/api/v1/projects/" + project).andReturn(), "$.version");
	}

	@Test
	void anEnterpriseIsLinkedOnceWithTheProjectsVersion() throws Exception {
		long project = this.f.createProject("后设公司的智能装备项目", "SIGNED", "2024-02-01", 30000, null);
		this.f.step(project, "STARTED", "2024-04-01").andExpect(status().isOk());
		String path = "/api/v1/projects/" + project + "/enterprise";
		Object version = version(project);
		this.f.put(this.f.staff, path, Map.of("version", version))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("enterpriseCreditCode"));
		this.f.put(this.f.staff, path, Map.of("enterpriseCreditCode", this.f.ent1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		this.f.put(this.f.staff, path, Map.of("enterpriseCreditCode", this.f.ent1, "version", 99))
			.andExpect(status().isConflict());
		this.f.put(this.f.otherStaff, path, Map.of("enterpriseCreditCode", this.f.ent1, "version", version))
			.andExpect(status().isForbidden());
		this.f.put(this.f.entUser1, path, Map.of("enterpriseCreditCode", this.f.ent1, "version", version))
			.andExpect(status().isForbidden());
		this.f.get(this.f.staff, "/api/v1/projects/" + project).andExpect(jsonPath("$.creditCode").doesNotExist());
		this.f.put(this.f.staff, path, Map.of("enterpriseCreditCode", this.f.ent1, "version", version))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.creditCode").value(this.f.ent1))
			.andExpect(jsonPath("$.enterpriseName").isString());
		// once only: a second enterprise is refused
		this.f.put(this.f.staff, path, Map.of("enterpriseCreditCode", this.f.ent2, "version", version(project)))
			.andExpect(status().isConflict());
		// the enterprise now sees its project, and its timeline has the signing and the
		// start
		this.f.get(this.f.entUser1, "/api/v1/projects/" + project).andExpect(status().isOk());
		this.f.get(this.f.admin, "/api/v1/enterprises/" + this.f.ent1 + "/file")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("后设公司的智能装备项目")))
			.andExpect(content().string(containsString("2024-04-01")));
	}

	@Test
	void theCompanyIsRegisteredRightThere() throws Exception {
		long project = this.f.createProject("新设公司项目", "SIGNED", "2024-03-01", 20000, null);
		String path = "/api/v1/projects/" + project + "/enterprise";
		String code = InvestmentFixture.creditCode();
		Map<String, Object> fresh = new LinkedHashMap<>();
		fresh.put("creditCode", code);
		fresh.put("name", "新设项目公司" + code.substring(10));
		fresh.put("industryCode", "C99");
		this.f.put(this.f.staff, path, Map.of("newEnterprise", fresh, "version", version(project)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newEnterprise.industryCode"));
		fresh.put("industryCode", "C39");
		this.f
			.put(this.f.staff, path,
					Map.of("newEnterprise", fresh, "enterpriseCreditCode", this.f.ent1, "version", version(project)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("enterpriseCreditCode"));
		this.f.put(this.f.staff, path, Map.of("newEnterprise", fresh, "version", version(project)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.creditCode").value(code));
		this.f.get(this.f.admin, "/api/v1/enterprises/" + code).andExpect(status().isOk());
	}

}
