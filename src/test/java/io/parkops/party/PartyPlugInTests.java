package io.parkops.party;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What party building adds to the rest of ParkOps: the report section 党的建设情况 (first,
 * figures traceable, changing when a joint branch is founded), the cockpit tile, the
 * to-dos, and the demo zone's data.
 */
@ParkOpsTest
class PartyPlugInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<CockpitTileSource> tileSources;

	private String section(PartyFixture f, int year) throws Exception {
		MvcResult report = f
			.post(f.leader, "/api/v1/reports", Map.of("zoneCode", f.zone, "kind", "ANNUAL", "year", year))
			.andExpect(status().isCreated())
			.andReturn();
		List<String> keys = TestApi.read(report, "$.sections[*].key");
		if (!keys.contains("work.party")) {
			return "";
		}
		assertThat(keys.get(0)).isEqualTo("work.party");
		List<List<String>> paragraphs = TestApi.read(report, "$.sections[?(@.key == 'work.party')].paragraphs");
		return String.join("\n", paragraphs.get(0)) + "\n#" + TestApi.read(report, "$.id");
	}

	@Test
	void theReportSectionComesFirstAndFollowsANewJointBranch() throws Exception {
		PartyFixture f = new PartyFixture(this.mvc);
		LocalDate today = f.today();
		long committee = f.committee();
		f.found("报告单建支部", "BRANCH", "OWN", committee, List.of(f.ent(1)), today.minusYears(2));
		String before = section(f, today.getYear());
		assertThat(before).contains("党工委下辖党组织").contains("纳入排查的非公企业6家").contains("党组织覆盖率达16.67%");
		f.found("报告联合支部", "BRANCH", "JOINT", committee, List.of(f.ent(2), f.ent(3), f.ent(4)), today);
		String after = section(f, today.getYear());
		assertThat(after).contains("党组织覆盖率达66.67%").contains("新组建党支部1个");
		String reportId = after.substring(after.lastIndexOf('#') + 1);
		// the coverage figure is traceable: formula and the enterprises behind the joint
		// count
		MvcResult coverage = this.mvc
			.perform(TestApi.bearer(f.leader, get("/api/v1/reports/" + reportId + "/figures/party.coverage")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat((String) TestApi.read(coverage, "$.source.formula")).isEqualTo("(1 + 3) ÷ 6 × 100 = 66.67%");
		MvcResult joint = this.mvc
			.perform(TestApi.bearer(f.leader, get("/api/v1/reports/" + reportId + "/figures/party.joint")))
			.andExpect(status().isOk())
			.andReturn();
		List<String> names = TestApi.read(joint, "$.source.records[*].name");
		assertThat(names).containsExactlyInAnyOrder("党建测试企业2有限公司", "党建测试企业3有限公司", "党建测试企业4有限公司");
		// coverage below the target is a problem, with a plan
		MvcResult report = this.mvc.perform(TestApi.bearer(f.leader, get("/api/v1/reports/" + reportId)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(report.getResponse().getContentAsString()).doesNotContain("低于60%的目标");
	}

	@Test
	void theCockpitTileShowsCoverageAgainstItsTargetAndToDosListOverdueVisits() throws Exception {
		PartyFixture f = new PartyFixture(this.mvc);
		LocalDate today = f.today();
		f.found("驾驶舱单建支部", "BRANCH", "OWN", null, List.of(f.ent(1)), today.minusMonths(1));
		CockpitTileSource source = this.tileSources.stream()
			.filter((s) -> s.permission().equals("party:coverage:read"))
			.findFirst()
			.orElseThrow();
		CockpitTile tile = source.tiles(f.zone, today, Locale.SIMPLIFIED_CHINESE).get(0);
		assertThat(tile.link()).isEqualTo("/party");
		CockpitTile.Figure coverage = tile.figures().get(0);
		assertThat(coverage.label()).isEqualTo("非公企业党组织覆盖率");
		assertThat(coverage.value()).isEqualTo("16.67");
		assertThat(coverage.alert()).isTrue();
		assertThat(coverage.markerPct()).isEqualByComparingTo("60");
		assertThat(coverage.hint()).contains("目标 60%");
		assertThat(tile.chart().series().get(0).labels()).hasSize(12).last().isEqualTo("16.67%");
		assertThat(tile.chart().series().get(0).labels().get(0)).isEqualTo("0.00%");
		// an instructor a month behind shows in 我的待办
		f.post(f.staff, "/api/v1/party/instructors", Map.of("zoneCode", f.zone, "name", "待办指导员",
				"enterpriseCreditCodes", List.of(f.ent(2)), "assignedOn", today.minusDays(30).toString()));
		String user = f.api.createUser(f.admin, TestApi.unique("td-"), List.of("PARTY_STAFF"), List.of(f.zone), null);
		jakarta.servlet.http.Cookie session = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
				.param("username", user)
				.param("password", TestApi.STRONG_PASSWORD)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/zone-switch")
			.cookie(session)
			.param("zone", f.zone)
			.param("back", "/")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
		String home = this.mvc.perform(get("/").cookie(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("党建指导员走访逾期").contains(today.minusDays(15).toString());
	}

	@Test
	void theDemoZoneHasACommitteeOfEveryKindWithCoverageRisingOverTwoYears() throws Exception {
		Map<String, Object> counts = this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE kind = 'BRANCH') AS branches,
				  count(DISTINCT branch_type) AS types,
				  (SELECT count(*) FROM party_member m JOIN party_organisation o ON o.id = m.organisation_id
				     WHERE o.zone_code = 'yunxi') AS members,
				  (SELECT count(*) FROM party_instructor WHERE zone_code = 'yunxi') AS instructors,
				  (SELECT count(*) FROM party_activity a JOIN party_organisation o ON o.id = a.organisation_id
				     WHERE o.zone_code = 'yunxi') AS activities
				FROM party_organisation WHERE zone_code = 'yunxi'
				""").query().singleRow();
		assertThat(((Number) counts.get("branches")).longValue()).isBetween(35L, 45L);
		assertThat(((Number) counts.get("types")).longValue()).isEqualTo(7);
		assertThat(((Number) counts.get("members")).longValue()).isBetween(200L, 320L);
		assertThat(((Number) counts.get("instructors")).longValue()).isEqualTo(8);
		assertThat(((Number) counts.get("activities")).longValue()).isGreaterThan(300);
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String leader = api.token(
				api.createUser(admin, TestApi.unique("dl-"), List.of("LEADER"), List.of("yunxi"), null),
				TestApi.STRONG_PASSWORD);
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		double now = TestApi.read(this.mvc.perform(TestApi.bearer(leader, get("/api/v1/party/coverage?zone=yunxi")))
			.andExpect(status().isOk())
			.andReturn(), "$.coveragePct");
		double yearAgo = TestApi.read(this.mvc
			.perform(TestApi.bearer(leader, get("/api/v1/party/coverage?zone=yunxi&asOf=" + today.minusYears(1))))
			.andReturn(), "$.coveragePct");
		double twoYearsAgo = TestApi.read(this.mvc
			.perform(TestApi.bearer(leader, get("/api/v1/party/coverage?zone=yunxi&asOf=" + today.minusYears(2))))
			.andReturn(), "$.coveragePct");
		assertThat(now).isGreaterThan(yearAgo);
		assertThat(yearAgo).isGreaterThan(twoYearsAgo);
		// phones are stored only encrypted
		assertThat(this.jdbc.sql("SELECT count(*) FROM party_member WHERE phone_cipher IS NOT NULL")
			.query(Long.class)
			.single()).isPositive();
	}

}
