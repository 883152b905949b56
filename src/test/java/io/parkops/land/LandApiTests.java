package io.parkops.land;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The land API: parcels with their boundaries, expropriation, approval batches (allowed
 * and refused steps), supply, the idle-land clock and its notices, disposals, the summary
 * in 亩 with its exact shape, bad input and permissions.
 */
@ParkOpsTest
class LandApiTests {

	@Autowired
	MockMvc mvc;

	LandFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new LandFixture(this.mvc);
	}

	private Map<String, Object> expropriation(String on, String mu, int graves, String houses) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zoneCode", this.f.zone);
		body.put("on", on);
		body.put("areaMu", new java.math.BigDecimal(mu));
		body.put("households", 12);
		body.put("graves", graves);
		body.put("housesM2", new java.math.BigDecimal(houses));
		body.put("compensation", 1500);
		return body;
	}

	private Map<String, Object> batch(String name, String mu, String status, String on) {
		return Map.of("zoneCode", this.f.zone, "name", name, "areaMu", new java.math.BigDecimal(mu), "status", status,
				"on", on);
	}

	private Map<String, Object> disposal(String kind, String method, String mu, String on, String parcel) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zoneCode", this.f.zone);
		body.put("kind", kind);
		body.put("method", method);
		body.put("areaMu", new java.math.BigDecimal(mu));
		body.put("on", on);
		if (parcel != null) {
			body.put("parcelCode", parcel);
		}
		return body;
	}

	@Test
	void theSummaryAddsTheHalfYearInMuWithTheContractShape() throws Exception {
		int year = LocalDate.now().getYear() - 1;
		String d = year + "-03-15";
		// 征收土地580.82亩，迁坟252座, 房屋 4374.60 m²
		this.f.post(this.f.staff, "/api/v1/land/expropriations", expropriation(d, "300.41", 200, "4000.10"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.areaMu", is(300.41)));
		this.f.post(this.f.staff, "/api/v1/land/expropriations", expropriation(year + "-05-01", "280.41", 52, "374.50"))
			.andExpect(status().isCreated());
		// outside the period: not counted
		this.f.post(this.f.staff, "/api/v1/land/expropriations", expropriation((year - 1) + "-05-01", "99", 1, "1"))
			.andExpect(status().isCreated());
		// 4 approved batches of 550 亩 in all, 2 in progress of 100
		for (int i = 0; i < 4; i++) {
			this.f.post(this.f.staff, "/api/v1/land/approval-batches", batch("批次" + i, "137.5", "APPROVED", d))
				.andExpect(status().isCreated());
		}
		this.f.post(this.f.staff, "/api/v1/land/approval-batches", batch("在办一", "60", "PREPARING", d))
			.andExpect(status().isCreated());
		this.f.post(this.f.staff, "/api/v1/land/approval-batches", batch("在办二", "40", "SUBMITTED", d))
			.andExpect(status().isCreated());
		// 7 standard-land parcels, 335.442 亩
		String[] areas = { "50", "50", "50", "50", "50", "50", "35.442" };
		for (int i = 0; i < 7; i++) {
			this.f.createParcel("GY-" + i, areas[i], null);
			this.f.supply("GY-" + i, areas[i], 1000, this.f.ent1, d, (year + 1) + "-01-01", true);
		}
		this.f
			.post(this.f.staff, "/api/v1/land/disposals", disposal("APPROVED_UNSUPPLIED", "SUPPLY", "399.75", d, null))
			.andExpect(status().isCreated());
		this.f.post(this.f.staff, "/api/v1/land/disposals", disposal("INEFFICIENT", "协议置换", "174.45", d, null))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.method", is("SWAP")));
		this.f.createParcel("XZ-1", "50.4", null);
		this.f.post(this.f.staff, "/api/v1/land/disposals", disposal("IDLE", "RECLAIM", "50.4", d, "XZ-1"))
			.andExpect(status().isCreated());
		String json = this.f
			.get(this.f.leader,
					"/api/v1/land/summary?zone=" + this.f.zone + "&from=" + year + "-01-01&to=" + year + "-06-30")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).contains("\"expropriation\":{\"areaMu\":580.82,\"graves\":252,\"housesM2\":4374.60");
		assertThat(json).contains("\"approval\":{\"approvedBatches\":4,\"approvedMu\":550.00,"
				+ "\"inProgressBatches\":2,\"inProgressMu\":100.00");
		assertThat(json).contains("\"supply\":{\"parcels\":7,\"areaMu\":335.44,\"standardLand\":7}");
		assertThat(json)
			.contains("\"disposals\":{\"APPROVED_UNSUPPLIED\":399.75,\"IDLE\":50.40,\"INEFFICIENT\":174.45}");
		assertThat(json).contains("\"idle\":{\"parcels\":0,\"areaMu\":0.00,\"feeDue\":0,\"reclaimDue\":0}");
		// approved 550 less supplied 335.442: 批而未供
		assertThat(json).contains("\"approvedUnsuppliedMu\":214.56");
	}

	@Test
	void batchesMoveForwardOnly() throws Exception {
		Number id = TestApi.read(this.f
			.post(this.f.staff, "/api/v1/land/approval-batches", batch("第一批次", "120.5", "PREPARING", "2024-01-10"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status", is("PREPARING")))
			.andReturn(), "$.id");
		String path = "/api/v1/land/approval-batches/" + id + "/status";
		this.f.post(this.f.staff, path, Map.of("status", "SUBMITTED", "on", "2024-02-01"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status", is("SUBMITTED")))
			.andExpect(jsonPath("$.submittedOn", is("2024-02-01")));
		// back → 409, the same status again → 409
		this.f.post(this.f.staff, path, Map.of("status", "PREPARING", "on", "2024-02-02"))
			.andExpect(status().isConflict());
		this.f.post(this.f.staff, path, Map.of("status", "SUBMITTED", "on", "2024-02-02"))
			.andExpect(status().isConflict());
		this.f.post(this.f.staff, path, Map.of("status", "APPROVED", "on", "2024-05-20"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.approvedOn", is("2024-05-20")));
		this.f.post(this.f.staff, path, Map.of("status", "APPROVED", "on", "2024-05-21"))
			.andExpect(status().isConflict());
		this.f.post(this.f.staff, path, Map.of("status", "DONE", "on", "2024-05-21"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("status")));
		// a duplicate name → 409
		this.f.post(this.f.staff, "/api/v1/land/approval-batches", batch("第一批次", "1", "PREPARING", "2024-01-10"))
			.andExpect(status().isConflict());
	}

	@Test
	void aParcelGoesFromSupplyToIdleNoticeToDisposal() throws Exception {
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		long parcel = this.f.createParcel("XZ-88", "42.5", null);
		this.f.get(this.f.staff, "/api/v1/land/parcels/" + parcel)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.areaM2", is(28333.33)))
			.andExpect(jsonPath("$.areaHectares", is(2.8333)))
			.andExpect(jsonPath("$.geometry.type", is("Polygon")));
		// supplied three years ago, to start one month later: more than one, less than
		// two full years idle
		String supplied = today.minusMonths(20).toString();
		String agreed = today.minusMonths(19).toString();
		long supply = this.f.supply("XZ-88", "42.5", 850, this.f.ent2, supplied, agreed, false);
		this.f.get(this.f.staff, "/api/v1/land/parcels/" + parcel)
			.andExpect(jsonPath("$.status", is("SUPPLIED")))
			.andExpect(jsonPath("$.ownerCreditCode", is(this.f.ent2)));
		this.f.get(this.f.staff, "/api/v1/land/supplies/" + supply)
			.andExpect(jsonPath("$.idle.stage", is("FEE_DUE")))
			.andExpect(jsonPath("$.idle.fee", is(170.00)));
		// the same parcel twice → 409
		Map<String, Object> again = new LinkedHashMap<>();
		again.put("zoneCode", this.f.zone);
		again.put("parcelCode", "XZ-88");
		again.put("kind", "ALLOCATION");
		again.put("areaMu", 1);
		again.put("price", 0);
		again.put("buyerCreditCode", this.f.ent1);
		again.put("on", supplied);
		this.f.post(this.f.staff, "/api/v1/land/supplies", again).andExpect(status().isConflict());
		this.f.get(this.f.staff, "/api/v1/land/summary?zone=" + this.f.zone)
			.andExpect(jsonPath("$.idle.parcels", is(1)))
			.andExpect(jsonPath("$.idle.areaMu", is(42.50)))
			.andExpect(jsonPath("$.idle.feeDue", is(1)))
			.andExpect(jsonPath("$.idle.reclaimDue", is(0)));
		// reclaiming is not due before two years
		String notices = "/api/v1/land/supplies/" + supply + "/idle-notices";
		this.f.post(this.f.staff, notices, Map.of("kind", "RECLAIM", "on", today.toString()))
			.andExpect(status().isConflict());
		// the fee notice is, once
		this.f.post(this.f.staff, notices, Map.of("kind", "FEE", "on", today.toString()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fee", is(170.00)))
			.andExpect(jsonPath("$.number", org.hamcrest.Matchers.containsString("〔" + today.getYear() + "〕1号")));
		this.f.post(this.f.staff, notices, Map.of("kind", "FEE", "on", today.toString()))
			.andExpect(status().isConflict());
		// the enterprise's timeline tells
		this.f.get(this.f.staff, "/api/v1/enterprises/" + this.f.ent2 + "/file")
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("land.idleNotice")));
		// disposal by reclaiming closes the clock and returns the parcel to the reserve
		this.f
			.post(this.f.staff, "/api/v1/land/disposals",
					disposal("IDLE", "RECLAIM", "42.5", today.toString(), "XZ-88"))
			.andExpect(status().isCreated());
		this.f.get(this.f.staff, "/api/v1/land/supplies/" + supply)
			.andExpect(jsonPath("$.idle.stage", is("NONE")))
			.andExpect(jsonPath("$.closedOn", is(today.toString())));
		this.f.get(this.f.staff, "/api/v1/land/parcels/" + parcel).andExpect(jsonPath("$.status", is("RESERVE")));
		this.f.get(this.f.staff, "/api/v1/land/summary?zone=" + this.f.zone)
			.andExpect(jsonPath("$.idle.parcels", is(0)))
			.andExpect(jsonPath("$.disposals.IDLE", is(42.50)));
		// progress can no longer be recorded
		this.f
			.post(this.f.staff, "/api/v1/land/supplies/" + supply + "/progress",
					Map.of("startedOn", today.toString(), "version", 1))
			.andExpect(status().isConflict());
	}

	@Test
	void progressStopsTheClockAndAStaleVersionIsRefused() throws Exception {
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		this.f.createParcel("KG-1", "20", null);
		long supply = this.f.supply("KG-1", "20", 400, this.f.ent1, today.minusYears(3).toString(),
				today.minusYears(3).plusMonths(1).toString(), false);
		this.f.get(this.f.staff, "/api/v1/land/supplies/" + supply)
			.andExpect(jsonPath("$.idle.stage", is("RECLAIM_DUE")));
		Number version = TestApi.read(this.f.get(this.f.staff, "/api/v1/land/supplies/" + supply).andReturn(),
				"$.version");
		Map<String, Object> progress = new LinkedHashMap<>();
		progress.put("startedOn", today.minusMonths(2).toString());
		progress.put("developedPct", 40);
		progress.put("investedPct", 30);
		progress.put("version", version);
		this.f.post(this.f.staff, "/api/v1/land/supplies/" + supply + "/progress", progress)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.idle.stage", is("NONE")));
		this.f.post(this.f.staff, "/api/v1/land/supplies/" + supply + "/progress", progress)
			.andExpect(status().isConflict());
	}

	@Test
	void badInputIsRefusedNamingTheField() throws Exception {
		Map<String, Object> body = LandFixture.parcel(this.f.zone, "BAD-1", 10, null);
		body.put("geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(0, 0), List.of(1, 1)))));
		this.f.post(this.f.staff, "/api/v1/land/parcels", body)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("geometry")));
		body = LandFixture.parcel(this.f.zone, "BAD-1", 0, null);
		body.put("use", "FARM");
		this.f.post(this.f.staff, "/api/v1/land/parcels", body)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("use")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("areaMu")));
		this.f.createParcel("DUP-1", 10, null);
		this.f.post(this.f.staff, "/api/v1/land/parcels", LandFixture.parcel(this.f.zone, "DUP-1", 10, null))
			.andExpect(status().isConflict());
		// an owner of another zone
		String foreign = this.f.enterprise("外区企业有限公司", this.f.otherZone, false);
		this.f.post(this.f.staff, "/api/v1/land/parcels", LandFixture.parcel(this.f.zone, "OWN-1", 10, foreign))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("ownerCreditCode")));
		this.f.post(this.f.staff, "/api/v1/land/disposals", disposal("IDLE", "放任不管", "1", "2024-01-01", null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("method")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("parcelCode")));
	}

	@Test
	void onlyLandStaffOfTheZoneChangeLand() throws Exception {
		long parcel = this.f.createParcel("QX-1", 10, null);
		Map<String, Object> body = LandFixture.parcel(this.f.zone, "QX-2", 10, null);
		this.f.post(this.f.leader, "/api/v1/land/parcels", body).andExpect(status().isForbidden());
		this.f.post(this.f.entUser1, "/api/v1/land/parcels", body).andExpect(status().isForbidden());
		this.f.post(this.f.otherStaff, "/api/v1/land/parcels", body).andExpect(status().isForbidden());
		this.f.get(this.f.entUser1, "/api/v1/land/parcels/" + parcel).andExpect(status().isForbidden());
		this.f.get(this.f.otherStaff, "/api/v1/land/parcels/" + parcel).andExpect(status().isForbidden());
		this.f.get(this.f.otherStaff, "/api/v1/land/summary?zone=" + this.f.zone).andExpect(status().isForbidden());
		this.f.get(this.f.entUser1, "/api/v1/land/summary?zone=" + this.f.zone).andExpect(status().isForbidden());
		// the leader reads
		this.f.get(this.f.leader, "/api/v1/land/parcels?zone=" + this.f.zone)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.total", is(1)));
		// another zone's list shows nothing of this zone
		this.f.get(this.f.otherStaff, "/api/v1/land/parcels").andExpect(jsonPath("$.total", is(0)));
	}

	@Test
	void standardLandIsCheckedIndicatorByIndicatorWithTheContractsRemedy() throws Exception {
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		int lastYear = today.getYear() - 1;
		this.f.createParcel("BZ-1", 30, null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zoneCode", this.f.zone);
		body.put("parcelCode", "BZ-1");
		body.put("kind", "LISTING");
		body.put("areaMu", 30);
		body.put("price", 900);
		body.put("buyerCreditCode", this.f.ent1);
		body.put("on", (lastYear - 3) + "-03-01");
		body.put("agreedStartOn", (lastYear - 3) + "-06-01");
		Map<String, Object> standard = new LinkedHashMap<>();
		standard.put("investmentIntensity", 300);
		standard.put("plotRatio", 1.2);
		standard.put("buildingCoefficient", 40);
		standard.put("taxPerMu", 20);
		standard.put("energyPerValue", 0.5);
		standard.put("capacityOn", lastYear + "-06-30");
		standard.put("remedy", "按差额承担违约金并限期整改");
		body.put("standardLand", standard);
		Number supply = TestApi.read(this.f.post(this.f.staff, "/api/v1/land/supplies", body)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.standardLand.remedy", is("按差额承担违约金并限期整改")))
			.andReturn(), "$.id");
		// measured at acceptance: plot ratio short of the commitment, coefficient above
		this.f
			.post(this.f.staff, "/api/v1/land/supplies/" + supply + "/as-built",
					Map.of("plotRatio", 1.0, "buildingCoefficient", 45, "on", lastYear + "-01-15", "version", 0))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.standardLand.builtPlotRatio", is(1.0)));
		// last year: tax 300 万元 on 30 亩 = 10 万元/亩 (committed 20); 400 tce on 1000 万元
		// value added = 0.4 (committed at most 0.5)
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("tax", 300);
		inputs.put("valueAdded", 1000);
		inputs.put("energyTce", 400);
		this.f.put(this.f.staff, "/api/v1/land/per-mu/inputs/" + lastYear + "/" + this.f.ent1, inputs)
			.andExpect(status().isOk());
		this.f.get(this.f.staff, "/api/v1/land/standard-land/checks?zone=" + this.f.zone)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].met", is(false)))
			.andExpect(jsonPath("$[0].remedy", is("按差额承担违约金并限期整改")))
			.andExpect(jsonPath("$[0].items[0].code", is("investment_intensity")))
			.andExpect(jsonPath("$[0].items[0].met").doesNotExist())
			.andExpect(jsonPath("$[0].items[1].code", is("plot_ratio")))
			.andExpect(jsonPath("$[0].items[1].met", is(false)))
			.andExpect(jsonPath("$[0].items[1].gap", is(0.2)))
			.andExpect(jsonPath("$[0].items[2].code", is("building_coefficient")))
			.andExpect(jsonPath("$[0].items[2].met", is(true)))
			.andExpect(jsonPath("$[0].items[3].code", is("tax_per_mu")))
			.andExpect(jsonPath("$[0].items[3].actual", is(10.0)))
			.andExpect(jsonPath("$[0].items[3].gap", is(10.0)))
			.andExpect(jsonPath("$[0].items[4].code", is("energy_per_value")))
			.andExpect(jsonPath("$[0].items[4].actual", is(0.4)))
			.andExpect(jsonPath("$[0].items[4].met", is(true)));
		// only those not met; none for another zone's staff; an enterprise is refused
		this.f.get(this.f.staff, "/api/v1/land/standard-land/checks?notMet=true")
			.andExpect(jsonPath("$[*].supplyId", hasItem(supply.intValue())));
		this.f.get(this.f.otherStaff, "/api/v1/land/standard-land/checks?zone=" + this.f.zone)
			.andExpect(status().isForbidden());
		this.f.get(this.f.entUser1, "/api/v1/land/standard-land/checks").andExpect(status().isForbidden());
		// a supply that is no 标准地 has nothing to measure
		this.f.createParcel("BZ-2", 10, null);
		long plain = this.f.supply("BZ-2", 10, 100, this.f.ent2, (lastYear - 1) + "-01-01", null, false);
		this.f
			.post(this.f.staff, "/api/v1/land/supplies/" + plain + "/as-built",
					Map.of("plotRatio", 1.0, "on", lastYear + "-01-15", "version", 0))
			.andExpect(status().isConflict());
	}

}
