package io.parkops.land;

import java.util.Map;

import io.parkops.TestApi;
import io.parkops.ParkOpsTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A D class and what follows from it: when the evaluation is final (not while it is a
 * draft or on 公示), the land the D enterprise holds in the zone is flagged 低效用地 and listed
 * so in the parcels, the other classes' land is not; the policy lists put the D
 * enterprise under each area's D measure; the D enterprise sees its own class and nobody
 * else's result.
 */
@ParkOpsTest
class PerMuClassDTests {

	@Autowired
	MockMvc mvc;

	private boolean inefficient(LandFixture f, long parcel) throws Exception {
		return TestApi.read(f.get(f.staff, "/api/v1/land/parcels/" + parcel).andExpect(status().isOk()).andReturn(),
				"$.inefficient");
	}

	@Test
	void aDClassFlagsTheEnterprisesLandWhenFinal() throws Exception {
		LandFixture f = new LandFixture(this.mvc);
		int year = 2012;
		String ent4 = f.enterprise("土地测试四号有限公司", f.zone, true);
		String ent5 = f.enterprise("土地测试五号有限公司", f.zone, true);
		f.quarterCuts(year);
		long a = f.createParcel("DC-1", 100, f.ent1);
		f.createParcel("DC-2", 100, f.ent2);
		f.createParcel("DC-3", 100, ent4);
		long d1 = f.createParcel("DC-4", 60, ent5);
		long d2 = f.createParcel("DC-5", 40, ent5);
		f.perMuInputs(year, f.ent1, 3614.55);
		f.perMuInputs(year, f.ent2, 1200);
		f.perMuInputs(year, ent4, 600);
		f.perMuInputs(year, ent5, 100);
		long id = f.evaluate(year);
		f.get(f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/results/" + ent5)
			.andExpect(jsonPath("$.class", is("D")))
			.andExpect(jsonPath("$.rank", is(4)));
		// a draft and a result on 公示 flag nothing
		assertFlags(f, false, a, d1, d2);
		f.post(f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/publish", Map.of("objectionDays", 5))
			.andExpect(status().isOk());
		assertFlags(f, false, a, d1, d2);

		f.post(f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/finalize", Map.of())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.classes.D", is(1)));
		// the D enterprise's land (both parcels) is 低效用地 now, the A enterprise's is not
		assertFlags(f, true, d1, d2);
		assertFlags(f, false, a);
		// listed so among the zone's parcels
		f.get(f.staff, "/api/v1/land/parcels?zone=" + f.zone + "&size=50")
			.andExpect(jsonPath("$.items[?(@.inefficient == true)].code", containsInAnyOrder("DC-4", "DC-5")))
			.andExpect(jsonPath("$.items[?(@.inefficient == true)].ownerCreditCode", not(hasItem(f.ent1))));
		// each policy area lists the D enterprise with the D measure
		f.get(f.staff, "/api/v1/land/per-mu/evaluations/" + id + "/policy-lists")
			.andExpect(jsonPath("$.LAND[?(@.creditCode == '" + ent5 + "')].measure", contains("不安排新增用地，列入低效用地整治")))
			.andExpect(jsonPath("$.ELECTRICITY[?(@.creditCode == '" + ent5 + "')].measure", contains("加价0.10元/千瓦时")))
			.andExpect(jsonPath("$.SUBSIDY[?(@.creditCode == '" + ent5 + "')].measure", contains("暂停各类奖补")))
			.andExpect(jsonPath("$.SUBSIDY[?(@.creditCode == '" + f.ent1 + "')].measure", contains("各类奖补优先兑现")));
		// the D enterprise sees its class, not another's result
		String user5 = f.token(java.util.List.of("ENTERPRISE"), java.util.List.of(), ent5);
		f.get(user5, "/api/v1/land/per-mu/evaluations/" + id + "/results/" + ent5)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.class", is("D")));
		f.get(user5, "/api/v1/land/per-mu/evaluations/" + id + "/results/" + f.ent1).andExpect(status().isForbidden());
	}

	private void assertFlags(LandFixture f, boolean expected, long... parcels) throws Exception {
		for (long p : parcels) {
			org.assertj.core.api.Assertions.assertThat(inefficient(f, p)).as("parcel " + p).isEqualTo(expected);
		}
	}

}
