package io.parkops.land;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The land pages for the people who use them, in Chinese and English (names, never
 * codes), what an enterprise sees of them (its own result and lease only), the downloads,
 * and what the work line adds elsewhere: the report section 要素保障情况, the cockpit tile and
 * 我的待办.
 */
@ParkOpsTest
class LandPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	List<CockpitTileSource> tileSources;

	LandFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new LandFixture(this.mvc);
	}

	private Cookie signIn(String username) throws Exception {
		return this.f.signIn(username);
	}

	private String page(Cookie session, String path) throws Exception {
		return this.f.page(session, path);
	}

	private LocalDate today() {
		return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
	}

	/**
	 * An idle parcel with its fee notice, an evaluation published and a lease in arrears.
	 */
	private long[] data() throws Exception {
		LocalDate today = today();
		long parcel = this.f.createParcel("YM-01", "66.5", null);
		long supply = this.f.supply("YM-01", "66.5", 1330, this.f.ent1, today.minusMonths(18).toString(),
				today.minusMonths(17).toString(), true);
		Number notice = TestApi
			.read(this.f
				.post(this.f.staff, "/api/v1/land/supplies/" + supply + "/idle-notices",
						Map.of("kind", "FEE", "on", today.toString()))
				.andExpect(status().isCreated())
				.andReturn(), "$.id");
		this.f.createParcel("YM-02", 30, this.f.ent2);
		int year = 2017;
		for (String cc : List.of(this.f.ent1, this.f.ent2)) {
			this.f
				.put(this.f.staff, "/api/v1/land/per-mu/inputs/" + year + "/" + cc,
						Map.of("tax", cc.equals(this.f.ent1) ? 2000 : 300, "valueAdded", 8000, "revenue", 30000))
				.andExpect(status().isOk());
		}
		Number evaluation = TestApi.read(this.f
			.post(this.f.staff, "/api/v1/land/per-mu/evaluations", Map.of("zoneCode", this.f.zone, "year", year))
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
		this.f.post(this.f.staff, "/api/v1/land/per-mu/evaluations/" + evaluation + "/publish", Map.of())
			.andExpect(status().isOk());
		Number unit = TestApi.read(
				this.f
					.post(this.f.staff, "/api/v1/assets/units",
							Map.of("zoneCode", this.f.zone, "building", "3号厂房", "unit", "101", "kind", "FACTORY",
									"areaM2", 800))
					.andReturn(),
				"$.id");
		Number lease = TestApi.read(
				this.f
					.post(this.f.staff, "/api/v1/assets/leases",
							Map.of("unitId", unit, "tenantCreditCode", this.f.ent1, "from",
									today.minusMonths(6).withDayOfMonth(1).toString(), "to",
									today.plusDays(40).toString(), "rentPerM2Month", 12, "deposit", 0))
					.andExpect(status().isCreated())
					.andReturn(),
				"$.id");
		return new long[] { parcel, supply, notice.longValue(), evaluation.longValue(), lease.longValue() };
	}

	@Test
	void staffPagesShowTheWorkInChineseAndEnglish() throws Exception {
		long[] d = data();
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("lp-"), List.of("LAND_STAFF"),
				List.of(this.f.zone), null);
		Cookie session = signIn(user);
		this.mvc
			.perform(post("/zone-switch").cookie(session).param("zone", this.f.zone).param("back", "/").with(csrf()));
		assertThat(page(session, "/land/parcels")).contains("YM-01").contains("66.50").contains("已供应").contains("工业");
		assertThat(page(session, "/land/parcels?status=RESERVE")).doesNotContain("YM-01");
		assertThat(page(session, "/land/parcels/" + d[0])).contains("44333.33")
			.contains("闲置满一年")
			.contains("管土闲〔" + today().getYear() + "〕1号")
			.contains("土地测试一号有限公司");
		assertThat(page(session, "/land/parcels/" + d[0] + "?lang=en")).contains("Idle one year")
			.contains("Parcel YM-01");
		assertThat(page(session, "/land/map")).contains("land-map");
		assertThat(page(session, "/land/map/data.json")).contains("YM-01").contains("\"status\":\"SUPPLIED\"");
		assertThat(page(session, "/land/supplies")).contains("挂牌出让").contains("YM-01");
		assertThat(page(session, "/land/idle")).contains("YM-01").contains("闲置满一年");
		assertThat(page(session, "/land/per-mu")).contains("2017年度亩均效益评价").contains("公示中");
		assertThat(page(session, "/land/per-mu/evaluations/" + d[3])).contains("土地测试一号有限公司")
			.contains("A类")
			.doesNotContain(">null");
		// the class counts of the evaluation (two enterprises, one of them A): "1家",
		// "1 enterprise"
		assertThat(page(session, "/land/per-mu/evaluations/" + d[3] + "?lang=en")).contains("1 enterprise<")
			.doesNotContain(">null");
		assertThat(page(session, "/land/per-mu/evaluations/" + d[3] + "/results/" + this.f.ent2)).contains("亩均税收（万元/亩）")
			// what it takes: an item's change, or that no single item can do it, or that
			// it is already A
			.containsAnyOf("即可进入上一等级", "需多项同时提升", "已是A类");
		assertThat(page(session, "/assets/leases")).contains("3号厂房").contains("即将到期");
		assertThat(page(session, "/assets/leases/" + d[4])).contains("逾期90天以上");
		assertThat(page(session, "/land/statistics")).contains("66.5").contains("闲置土地");
		assertThat(page(session, "/land/statistics?lang=en")).contains("Idle").doesNotContain(">null");
		// 我的待办: the lease ending within 90 days; the fee notice is issued, so not due
		assertThat(page(session, "/")).contains("90天内到期的租赁合同").doesNotContain("到期应征缴闲置费的地块");
		// the downloads
		MvcResult docx = this.mvc.perform(get("/land/idle-notices/" + d[2] + "/docx").cookie(session))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(docx.getResponse().getContentType()).contains("wordprocessingml");
		assertThat(text(docx)).contains("闲置土地征缴土地闲置费决定书").contains("266.00万元").contains("土地测试一号有限公司");
		MvcResult result = this.mvc
			.perform(get("/land/per-mu/evaluations/" + d[3] + "/results/" + this.f.ent2 + "/docx").cookie(session))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(text(result)).contains("2017年度亩均效益综合评价结果告知书").contains("排名第2位");
		this.mvc.perform(get("/land/parcels/export").cookie(session))
			.andExpect(status().isOk())
			.andExpect((r) -> assertThat(r.getResponse().getContentType()).contains("spreadsheetml"));
		this.mvc.perform(get("/assets/leases/export").cookie(session)).andExpect(status().isOk());
		// a form: a parcel registered from the page
		this.mvc
			.perform(post("/land/parcels").cookie(session)
				.with(csrf())
				.param("code", "YM-PAGE")
				.param("areaMu", "12.5")
				.param("use", "WAREHOUSE")
				.param("status", "RESERVE")
				.param("geometry", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[90,0],[90,92.6],[0,92.6],[0,0]]]}"))
			.andExpect(status().is3xxRedirection());
		assertThat(page(session, "/land/parcels?q=YM-PAGE")).contains("YM-PAGE").contains("仓储");
		// a form posted for a zone out of the user's scope writes nothing, there or here
		this.mvc
			.perform(post("/land/per-mu/evaluations").cookie(session)
				.with(csrf())
				.param("zoneCode", this.f.otherZone)
				.param("year", "2016"))
			.andExpect(status().is3xxRedirection());
		this.f.get(this.f.otherStaff, "/api/v1/land/per-mu/evaluations?zone=" + this.f.otherZone)
			.andExpect((r) -> assertThat(r.getResponse().getContentAsString()).doesNotContain("2016"));
		this.f.get(this.f.staff, "/api/v1/land/per-mu/evaluations?zone=" + this.f.zone)
			.andExpect((r) -> assertThat(r.getResponse().getContentAsString()).doesNotContain("2016"));
		// the class-driven policy lists, the 标准地 checks and the top-bar reminders
		assertThat(page(session, "/land/per-mu/evaluations/" + d[3] + "/policies")).contains("差别化电价")
			.contains("土地测试一号有限公司")
			.contains("仅供预览");
		assertThat(page(session, "/land/supplies?tab=checks")).contains("标准地达产复核");
		assertThat(page(session, "/")).contains("租金逾期超90天");
		// a stale version on the parcel form is refused with the typed values kept
		this.mvc
			.perform(post("/land/parcels/" + d[0] + "/change").cookie(session)
				.with(csrf())
				.param("status", "DEVELOPING")
				.param("version", "999"))
			.andExpect(status().isConflict());
	}

	private static String text(MvcResult docx) throws Exception {
		// kept under target/ to be rendered and looked at (LibreOffice)
		java.nio.file.Path dir = java.nio.file.Path.of("target", "land-docs");
		java.nio.file.Files.createDirectories(dir);
		String name = docx.getRequest().getRequestURI().replaceAll("[^A-Za-z0-9]+", "-") + ".docx";
		java.nio.file.Files.write(dir.resolve(name), docx.getResponse().getContentAsByteArray());
		try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
				new java.io.ByteArrayInputStream(docx.getResponse().getContentAsByteArray()))) {
			StringBuilder sb = new StringBuilder();
			doc.getParagraphs().forEach((p) -> sb.append(p.getText()).append('\n'));
			doc.getTables().forEach((t) -> sb.append(t.getText()));
			return sb.toString();
		}
	}

	@Test
	void anEnterpriseSeesItsOwnResultAndLeaseOnly() throws Exception {
		long[] d = data();
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("le-"), List.of("ENTERPRISE"), List.of(),
				this.f.ent2);
		Cookie session = signIn(user);
		assertThat(page(session, "/land/per-mu")).contains("2017年度亩均效益评价");
		assertThat(page(session, "/land/per-mu/evaluations/" + d[3] + "/results/" + this.f.ent2)).contains("提出异议");
		this.mvc.perform(get("/land/per-mu/evaluations/" + d[3] + "/results/" + this.f.ent1).cookie(session))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/land/per-mu/evaluations/" + d[3] + "/results/" + this.f.ent1 + "/docx").cookie(session))
			.andExpect(status().isForbidden());
		assertThat(page(session, "/assets/leases")).doesNotContain("3号厂房");
		this.mvc.perform(get("/assets/leases/" + d[4]).cookie(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/land/parcels").cookie(session)).andExpect(status().isForbidden());
		// its to-do: the evaluation is published and its window open
		assertThat(page(session, "/")).contains("亩均评价公示中");
		// the objection from the page
		this.mvc
			.perform(post("/land/per-mu/evaluations/" + d[3] + "/objections").cookie(session)
				.with(csrf())
				.param("text", "税收数据未含退税")
				.param("evidence", "完税证明"))
			.andExpect(status().is3xxRedirection());
		assertThat(page(session, "/land/per-mu/evaluations/" + d[3] + "/results/" + this.f.ent2)).contains("税收数据未含退税");
	}

	@Test
	void theReportSectionTheCockpitTileAndTheTimelineFollowTheLand() throws Exception {
		LocalDate today = today();
		int year = today.getYear();
		String before = section(year);
		long[] d = data();
		this.f
			.post(this.f.staff, "/api/v1/land/expropriations", Map.of("zoneCode", this.f.zone, "on", today.toString(),
					"areaMu", 120.5, "graves", 33, "housesM2", 800))
			.andExpect(status().isCreated());
		this.f
			.post(this.f.staff, "/api/v1/land/disposals", Map.of("zoneCode", this.f.zone, "kind", "INEFFICIENT",
					"method", "SWAP", "areaMu", 17.25, "on", today.toString()))
			.andExpect(status().isCreated());
		String after = section(year);
		assertThat(before).doesNotContain("征收土地120.5亩");
		assertThat(after).contains("征收土地120.5亩").contains("迁坟33座").contains("低效用地处置17.25亩");
		assertThat(after).contains("闲置土地处置任务较重");
		// the figures are traceable
		String reportId = after.substring(after.lastIndexOf('#') + 1);
		this.mvc
			.perform(TestApi.bearer(this.f.leader,
					get("/api/v1/reports/" + reportId + "/figures/land.expropriation.mu")))
			.andExpect(status().isOk());
		CockpitTileSource source = this.tileSources.stream()
			.filter((s) -> s.permission().equals("land:statistics:read"))
			.findFirst()
			.orElseThrow();
		CockpitTile tile = source.tiles(this.f.zone, today, Locale.SIMPLIFIED_CHINESE).get(0);
		assertThat(tile.title()).isEqualTo("要素保障");
		// supplied 18 months ago: nothing this year; the disposal of today; one idle
		// parcel
		assertThat(tile.figures().get(0).value()).isEqualTo("0.00");
		assertThat(tile.figures().get(1).value()).isEqualTo("17.25");
		assertThat(tile.figures().get(2).value()).isEqualTo("1");
		assertThat(tile.chart().categories()).hasSize(4);
		// the timeline of the enterprise file
		this.f.get(this.f.staff, "/api/v1/enterprises/" + this.f.ent1 + "/file")
			.andExpect(status().isOk())
			.andExpect((r) -> assertThat(r.getResponse().getContentAsString()).contains("land.supplied")
				.contains("land.idleNotice")
				.contains("land.leaseSigned"));
		assertThat(d).hasSize(5);
	}

	/**
	 * English counts agree with their number (issue 9 §7): the statistics page and the
	 * cockpit tile say "1 parcel" for one supply and "2 parcels" for two; Chinese is
	 * unchanged.
	 */
	@Test
	void englishLandLinesCountInTheSingularForOneAndThePluralOtherwise() throws Exception {
		LocalDate today = today();
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("lp-"), List.of("LAND_STAFF"),
				List.of(this.f.zone), null);
		Cookie session = signIn(user);
		this.f.createParcel("EN-01", "20", null);
		this.f.supply("EN-01", "20", 400, this.f.ent1, today.toString(), today.plusMonths(6).toString(), true);
		this.f
			.post(this.f.staff, "/api/v1/land/expropriations",
					Map.of("zoneCode", this.f.zone, "on", today.toString(), "areaMu", 10, "graves", 1, "housesM2", 0))
			.andExpect(status().isCreated());
		String one = page(session, "/land/statistics?lang=en");
		assertThat(one).contains("1 parcel, 1 as standard land").contains("1 grave moved").doesNotContain("1 parcels");
		assertThat(tileHint(Locale.ENGLISH)).isEqualTo("1 parcel, 1 as standard land");
		this.f.createParcel("EN-02", "10", null);
		this.f.supply("EN-02", "10", 200, this.f.ent2, today.toString(), today.plusMonths(6).toString(), false);
		String two = page(session, "/land/statistics?lang=en");
		assertThat(two).contains("2 parcels, 1 as standard land");
		assertThat(tileHint(Locale.ENGLISH)).isEqualTo("2 parcels, 1 as standard land");
		assertThat(tileHint(Locale.SIMPLIFIED_CHINESE)).isEqualTo("2宗，其中标准地1宗");
		assertThat(page(session, "/land/statistics")).contains("2宗，其中标准地1宗").contains("迁坟1座");
	}

	private String tileHint(Locale locale) {
		CockpitTileSource source = this.tileSources.stream()
			.filter((s) -> s.permission().equals("land:statistics:read"))
			.findFirst()
			.orElseThrow();
		return source.tiles(this.f.zone, today(), locale).get(0).figures().get(0).hint();
	}

	private String section(int year) throws Exception {
		MvcResult report = this.f
			.post(this.f.leader, "/api/v1/reports", Map.of("zoneCode", this.f.zone, "kind", "ANNUAL", "year", year))
			.andExpect(status().isCreated())
			.andReturn();
		List<String> keys = TestApi.read(report, "$.sections[*].key");
		if (!keys.contains("work.land")) {
			return "#" + TestApi.read(report, "$.id");
		}
		List<List<String>> paragraphs = TestApi.read(report, "$.sections[?(@.key == 'work.land')].paragraphs");
		List<String> problems = TestApi.read(report, "$.sections[?(@.key == 'problems')].paragraphs[*]");
		return String.join("\n", paragraphs.get(0)) + "\n" + String.join("\n", problems) + "\n#"
				+ TestApi.read(report, "$.id");
	}

}
