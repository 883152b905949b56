package io.parkops.land;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The per-mu evaluation API: the scheme of a year, manual inputs, an evaluation's results
 * with items, rank, class and what the next class takes, draft → 公示 → 定稿 with the refused
 * steps, objections, and what an enterprise may see (only its own result).
 */
@ParkOpsTest
class PerMuApiTests {

	@Autowired
	MockMvc mvc;

	LandFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new LandFixture(this.mvc);
	}

	private void inputs(int year, String creditCode, Object tax, Object landMu) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("tax", tax);
		if (landMu != null) {
			body.put("landMu", landMu);
		}
		body.put("valueAdded", 5000);
		body.put("revenue", 20000);
		body.put("energyTce", 1000);
		body.put("emissions", 2);
		body.put("employees", 200);
		body.put("rdExpense", 400);
		body.put("notGraded", false);
		this.f.put(this.f.staff, "/api/v1/land/per-mu/inputs/" + year + "/" + creditCode, body)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tax", is(((Number) tax).doubleValue())));
	}

	@Test
	void aZoneIsEvaluatedPublishedObjectedToAndFinalised() throws Exception {
		int year = 2019;
		// land from the parcels each enterprise owns; the third is 规下
		this.f.createParcel("MJ-1", 100, this.f.ent1);
		this.f.createParcel("MJ-2", 50, this.f.ent2);
		this.f.createParcel("MJ-3", 40, this.f.ent3);
		inputs(year, this.f.ent1, 3614.55, null);
		inputs(year, this.f.ent2, 600, null);
		inputs(year, this.f.ent3, 100, null);
		String body = this.f
			.post(this.f.staff, "/api/v1/land/per-mu/evaluations", Map.of("zoneCode", this.f.zone, "year", year))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status", is("DRAFT")))
			.andExpect(jsonPath("$.results", hasSize(3)))
			.andExpect(jsonPath("$.results[0].creditCode", is(this.f.ent1)))
			.andExpect(jsonPath("$.results[0].rank", is(1)))
			.andExpect(jsonPath("$.results[0].class", is("A")))
			.andExpect(jsonPath("$.results[0].graded", is(true)))
			// 36.1455 万元/亩 = 1.5 × 24.097: 45 points
			.andExpect(jsonPath("$.results[0].items[0].code", is("tax_per_mu")))
			.andExpect(jsonPath("$.results[0].items[0].value", is(36.1455)))
			.andExpect(jsonPath("$.results[0].items[0].benchmark", is(24.097)))
			.andExpect(jsonPath("$.results[0].items[0].weight", is(30)))
			.andExpect(jsonPath("$.results[0].items[0].points", is(45.00)))
			.andExpect(jsonPath("$.results[0].toNextClass", hasSize(0)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
		// the others are told what the next class takes
		this.f.get(this.f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/results/" + this.f.ent3)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.class", is("C")))
			.andExpect(jsonPath("$.items[*].code", hasItem("tax_per_electricity")))
			// the gap to B (about 79 points) is more than tax per mu alone can add within
			// its cap (75)
			.andExpect(jsonPath("$.toNextClass", hasSize(0)));
		this.f.get(this.f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/results/" + this.f.ent2)
			.andExpect(jsonPath("$.class", is("B")))
			.andExpect(jsonPath("$.toNextClass[*].code", hasItem("tax_per_mu")));
		// a draft is not shown to the enterprise
		this.f.get(this.f.entUser1, "/api/v1/land/per-mu/evaluations/" + id).andExpect(status().isNotFound());
		// objections wait for publication
		this.f.post(this.f.entUser1, "/api/v1/land/per-mu/evaluations/" + id + "/objections", Map.of("text", "异议"))
			.andExpect(status().isNotFound());
		this.f.post(this.f.entUser1, "/api/v1/land/per-mu/evaluations/" + id + "/publish", Map.of())
			.andExpect(status().isForbidden());
		this.f.post(this.f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/finalize", Map.of())
			.andExpect(status().isConflict());
		this.f.post(this.f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/publish", Map.of("objectionDays", 10))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status", is("PUBLISHED")));
		this.f.post(this.f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/publish", Map.of())
			.andExpect(status().isConflict());
		// re-evaluating a published year → 409
		this.f.post(this.f.staff, "/api/v1/land/per-mu/evaluations", Map.of("zoneCode", this.f.zone, "year", year))
			.andExpect(status().isConflict());
		// an enterprise sees only its own result
		this.f.get(this.f.entUser2, "/api/v1/land/per-mu/evaluations/" + id)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results", hasSize(1)))
			.andExpect(jsonPath("$.results[0].creditCode", is(this.f.ent2)))
			.andExpect(jsonPath("$.classes").doesNotExist());
		this.f.get(this.f.entUser2, "/api/v1/land/per-mu/evaluations/" + id + "/results/" + this.f.ent1)
			.andExpect(status().isForbidden());
		this.f.get(this.f.otherStaff, "/api/v1/land/per-mu/evaluations/" + id).andExpect(status().isForbidden());
		// objections: the enterprise only, its own, within the window
		this.f.post(this.f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/objections", Map.of("text", "异议"))
			.andExpect(status().isForbidden());
		Number objection = TestApi.read(this.f
			.post(this.f.entUser2, "/api/v1/land/per-mu/evaluations/" + id + "/objections",
					Map.of("text", "用地面积含代征道路，应予扣除", "evidence", "不动产权证书第123号"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status", is("OPEN")))
			.andReturn(), "$.id");
		this.f.get(this.f.entUser1, "/api/v1/land/per-mu/evaluations/" + id + "/objections")
			.andExpect(jsonPath("$", hasSize(0)));
		this.f.get(this.f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/objections")
			.andExpect(jsonPath("$", hasSize(1)));
		this.f
			.post(this.f.staff, "/api/v1/land/per-mu/objections/" + objection + "/decision",
					Map.of("accepted", false, "reply", "代征道路已按规定扣除"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status", is("REJECTED")));
		this.f
			.post(this.f.staff, "/api/v1/land/per-mu/objections/" + objection + "/decision",
					Map.of("accepted", true, "reply", "再议"))
			.andExpect(status().isConflict());
		this.f.post(this.f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/finalize", Map.of())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status", is("FINAL")))
			.andExpect(jsonPath("$.classes.A", is(1)));
		this.f.post(this.f.entUser2, "/api/v1/land/per-mu/evaluations/" + id + "/objections", Map.of("text", "迟到的异议"))
			.andExpect(status().isConflict());
		// the class drives the policy lists: each area lists every enterprise with its
		// class's measure, best class first
		this.f.get(this.f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/policy-lists")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ELECTRICITY", hasSize(3)))
			.andExpect(jsonPath("$.ELECTRICITY[0].creditCode", is(this.f.ent1)))
			.andExpect(jsonPath("$.ELECTRICITY[0].cls", is("A")))
			.andExpect(jsonPath("$.ELECTRICITY[2].creditCode", is(this.f.ent3)))
			.andExpect(jsonPath("$.ELECTRICITY[2].measure", is("加价0.05元/千瓦时")))
			.andExpect(jsonPath("$.LAND[2].measure", is("新增用地从严控制")))
			.andExpect(jsonPath("$.SUBSIDY", hasSize(3)))
			.andExpect(jsonPath("$.WATER", hasSize(3)));
		this.f.get(this.f.entUser1, "/api/v1/land/per-mu/evaluations/" + id + "/policy-lists")
			.andExpect(status().isForbidden());
		this.f.get(this.f.otherStaff, "/api/v1/land/per-mu/evaluations/" + id + "/policy-lists")
			.andExpect(status().isForbidden());
	}

	@Test
	void notGradedEnterprisesAreBAndManualLandOverridesTheParcels() throws Exception {
		int year = 2018;
		this.f.createParcel("NG-1", 30, this.f.ent1);
		// no parcel for ent2: its land comes from the inputs
		inputs(year, this.f.ent2, 500, 25);
		Map<String, Object> notGraded = new LinkedHashMap<>();
		notGraded.put("notGraded", true);
		this.f.put(this.f.staff, "/api/v1/land/per-mu/inputs/" + year + "/" + this.f.ent1, notGraded)
			.andExpect(status().isOk());
		this.f.post(this.f.staff, "/api/v1/land/per-mu/evaluations", Map.of("zoneCode", this.f.zone, "year", year))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.results", hasSize(2)))
			.andExpect(jsonPath("$.results[0].creditCode", is(this.f.ent2)))
			.andExpect(jsonPath("$.results[0].landMu", is(25.0)))
			.andExpect(jsonPath("$.results[1].creditCode", is(this.f.ent1)))
			.andExpect(jsonPath("$.results[1].graded", is(false)))
			.andExpect(jsonPath("$.results[1].class", is("B")))
			.andExpect(jsonPath("$.results[1].rank", nullValue()));
		// a draft may be evaluated again
		this.f.post(this.f.staff, "/api/v1/land/per-mu/evaluations", Map.of("zoneCode", this.f.zone, "year", year))
			.andExpect(status().isCreated());
	}

	@Test
	void theSchemeOfAYearIsConfigurableAndChecked() throws Exception {
		int year = 2016;
		this.f.get(this.f.leader, "/api/v1/land/per-mu/schemes/" + year)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.aboveScale.items", hasSize(6)))
			.andExpect(jsonPath("$.aboveScale.items[0].weight", is(30)))
			.andExpect(jsonPath("$.classCuts.D", is(5)));
		Map<String, Object> scheme = new LinkedHashMap<>();
		scheme.put("aboveScale",
				Map.of("items", List.of(Map.of("code", "tax_per_mu", "weight", 60, "benchmark", 20, "cap", 90),
						Map.of("code", "value_added_per_mu", "weight", 40, "benchmark", 120, "cap", 60))));
		scheme.put("belowScale",
				Map.of("items", List.of(Map.of("code", "tax_per_mu", "weight", 100, "benchmark", 15))));
		scheme.put("classCuts", Map.of("A", 20, "B", 50, "C", 20, "D", 10));
		this.f.put(this.f.staff, "/api/v1/land/per-mu/schemes/" + year, scheme)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.aboveScale.items", hasSize(2)))
			.andExpect(jsonPath("$.classCuts.A", is(20)));
		// cuts must add up to 100; unknown item codes are refused
		Map<String, Object> bad = new LinkedHashMap<>(scheme);
		bad.put("classCuts", Map.of("A", 30, "B", 50, "C", 20, "D", 10));
		this.f.put(this.f.staff, "/api/v1/land/per-mu/schemes/" + year, bad)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("classCuts")));
		bad = new LinkedHashMap<>(scheme);
		bad.put("belowScale", Map.of("items", List.of(Map.of("code", "beauty", "weight", 100, "benchmark", 15))));
		this.f.put(this.f.staff, "/api/v1/land/per-mu/schemes/" + year, bad)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("belowScale.items[0].code")));
		this.f.put(this.f.leader, "/api/v1/land/per-mu/schemes/" + year, scheme).andExpect(status().isForbidden());
		// a stale version → 409
		Map<String, Object> stale = new LinkedHashMap<>(scheme);
		stale.put("version", 99);
		this.f.put(this.f.staff, "/api/v1/land/per-mu/schemes/" + year, stale).andExpect(status().isConflict());
		// inputs of an enterprise of another zone → 403
		this.f.put(this.f.otherStaff, "/api/v1/land/per-mu/inputs/" + year + "/" + this.f.ent1, Map.of("tax", 1))
			.andExpect(status().isForbidden());
	}

}
