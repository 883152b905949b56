package io.parkops.land;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parkops.MatrixFixture;
import io.parkops.TestApi;

import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The land work line's records for the authorization matrix: a parcel of the target's
 * enterprise supplied to it, an approval batch, a published 亩均 evaluation with the
 * enterprise's objection, and a unit leased to it with its first rent bill.
 */
public class LandMatrixFixture implements MatrixFixture {

	@Override
	public Map<String, String> create(Context c) throws Exception {
		Map<String, String> ids = new LinkedHashMap<>();
		String code = "MX-" + c.enterprise().substring(10);
		ids.put("parcels",
				id(c, c.staffToken(), "/api/v1/land/parcels", LandFixture.parcel(c.zone(), code, 30, c.enterprise())));
		ids.put("approval-batches", id(c, c.staffToken(), "/api/v1/land/approval-batches", Map.of("zoneCode", c.zone(),
				"name", "矩阵批次" + code, "areaMu", 30, "status", "PREPARING", "on", "2024-01-10")));
		ids.put("batches", ids.get("approval-batches"));
		Map<String, Object> supply = new LinkedHashMap<>();
		supply.put("zoneCode", c.zone());
		supply.put("parcelCode", code);
		supply.put("kind", "LISTING");
		supply.put("areaMu", 30);
		supply.put("price", 900);
		supply.put("buyerCreditCode", c.enterprise());
		supply.put("on", "2024-02-01");
		supply.put("agreedStartOn", "2024-08-01");
		String supplyId = id(c, c.staffToken(), "/api/v1/land/supplies", supply);
		ids.put("supplies", supplyId);
		// not started a year after the agreed start: the fee notice is due
		ids.put("idle-notices", id(c, c.staffToken(), "/api/v1/land/supplies/" + supplyId + "/idle-notices",
				Map.of("kind", "FEE", "on", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())));
		// one evaluation per zone and year: the first year without one
		String evaluation = null;
		for (int year = 2010; evaluation == null && year < 2024; year++) {
			MvcResult result = c.api()
				.postJson(c.staffToken(), "/api/v1/land/per-mu/evaluations", Map.of("zoneCode", c.zone(), "year", year))
				.andReturn();
			if (result.getResponse().getStatus() == 201) {
				evaluation = TestApi.read(result, "$.id").toString();
			}
		}
		if (evaluation == null) {
			throw new IllegalStateException("no year left for a 亩均 evaluation of " + c.zone());
		}
		ids.put("evaluations", evaluation);
		c.api()
			.postJson(c.staffToken(), "/api/v1/land/per-mu/evaluations/" + evaluation + "/publish",
					Map.of("objectionDays", 10))
			.andExpect(status().isOk());
		ids.put("objections",
				id(c, c.enterpriseToken(), "/api/v1/land/per-mu/evaluations/" + evaluation + "/objections",
						Map.of("text", "用地面积含代征道路", "evidence", "不动产权证书")));
		String unit = id(c, c.staffToken(), "/api/v1/assets/units",
				Map.of("zoneCode", c.zone(), "building", "矩阵厂房", "unit", code, "kind", "FACTORY", "areaM2", 500));
		ids.put("units", unit);
		Map<String, Object> lease = new LinkedHashMap<>();
		lease.put("unitId", Long.valueOf(unit));
		lease.put("tenantCreditCode", c.enterprise());
		lease.put("from", "2024-01-01");
		lease.put("to", "2026-12-31");
		lease.put("rentPerM2Month", 10);
		lease.put("deposit", 5000);
		String leaseId = id(c, c.staffToken(), "/api/v1/assets/leases", lease);
		ids.put("leases", leaseId);
		// signed after its start: the bills of the periods begun are issued with it
		ids.put("bills",
				TestApi.read(c.mvc()
					.perform(TestApi.bearer(c.staffToken(),
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders
								.get("/api/v1/assets/leases/" + leaseId + "/bills")))
					.andExpect(status().isOk())
					.andReturn(), "$.bills[0].id").toString());
		return ids;
	}

	static String id(Context c, String token, String path, Object body) throws Exception {
		return TestApi.read(c.api().postJson(token, path, body).andExpect(status().isCreated()).andReturn(), "$.id")
			.toString();
	}

}
