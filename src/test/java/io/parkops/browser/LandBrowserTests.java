package io.parkops.browser;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.parkops.TestApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The land work line in the browser: land staff supply a parcel, find it idle a year past
 * its agreed start, issue the fee notice, dispose of it by reclaiming, and the report
 * section 要素保障情况 changes; the zone map draws the parcel. Skipped, with a message, on a
 * machine without Chromium.
 */
class LandBrowserTests extends BrowserTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aParcelGoesFromSupplyToIdleNoticeToDisposalAndTheReportFollows() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("lb-"), "east");
		String code = creditCode();
		api.postJson(admin, "/api/v1/enterprises", Map.of("creditCode", code, "name", "浏览器土地测试有限公司", "zoneCode", zone,
				"areaCode", "east", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
		String staff = api.createUser(admin, TestApi.unique("lbs-"), List.of("LAND_STAFF"), List.of(zone), null);
		String leader = api.createUser(admin, TestApi.unique("lbl-"), List.of("LEADER"), List.of(zone), null);
		String staffToken = api.token(staff, TestApi.STRONG_PASSWORD);
		String leaderToken = api.token(leader, TestApi.STRONG_PASSWORD);
		api.postJson(staffToken, "/api/v1/land/parcels",
				Map.of("zoneCode", zone, "code", "LB-01", "areaMu", 42.5, "use", "INDUSTRIAL", "status", "APPROVED",
						"geometry",
						Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(0, 0), List.of(200, 0),
								List.of(200, 141.7), List.of(0, 141.7), List.of(0, 0))))))
			.andExpect(status().isCreated());
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		int year = today.getYear();
		String before = landSection(api, leaderToken, zone, year);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			page.fill("#username", staff);
			page.fill("#password", TestApi.STRONG_PASSWORD);
			page.click("button[type=submit]");
			page.waitForLoadState();

			// supply: sold 20 months ago, to start a month later
			page.navigate(url("/land/supplies"));
			page.click("text=新增供地");
			page.fill("#s-parcel", "LB-01");
			page.fill("#s-area", "42.5");
			page.fill("#s-price", "850");
			page.selectOption("#s-buyer", code);
			page.fill("#s-on", today.minusMonths(20).toString());
			page.fill("#s-start", today.minusMonths(19).toString());
			page.click("form[action$='/land/supplies'] button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent(".alert.ok")).isNotBlank();
			assertThat(page.textContent("table")).contains("LB-01").contains("闲置满一年");

			// the idle list, then the parcel: the fee notice is due
			page.navigate(url("/land/idle"));
			assertThat(page.textContent("table")).contains("LB-01").contains("浏览器土地测试有限公司");
			page.click("a:has-text('LB-01')");
			page.waitForLoadState();
			assertThat(page.textContent("section")).contains("闲置满一年").contains("170.00");
			screenshot(page, "land-parcel-idle");
			page.selectOption("#n-kind", "FEE");
			page.click("text=下达通知书");
			page.waitForLoadState();
			assertThat(page.textContent("section")).contains("管土闲〔" + today.getYear() + "〕1号");

			// disposal by reclaiming closes the clock and returns the parcel to the
			// reserve
			page.click("summary:has-text('登记处置')");
			page.selectOption("#d-kind", "IDLE");
			page.selectOption("#d-method", "RECLAIM");
			page.click("details form button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent("section")).contains("储备").contains("未计时");

			page.navigate(url("/land/map"));
			page.waitForSelector("#land-map canvas");
			screenshot(page, "land-map");
		}
		String after = landSection(api, leaderToken, zone, year);
		assertThat(before).doesNotContain("闲置土地处置");
		// supplied 20 months ago: this year the report counts the disposal, not the
		// supply
		assertThat(after).contains("闲置土地处置42.5亩");
	}

	private String landSection(TestApi api, String token, String zone, int year) throws Exception {
		var report = api.postJson(token, "/api/v1/reports", Map.of("zoneCode", zone, "kind", "ANNUAL", "year", year))
			.andExpect(status().isCreated())
			.andReturn();
		List<List<String>> paragraphs = TestApi.read(report, "$.sections[?(@.key == 'work.land')].paragraphs");
		return paragraphs.isEmpty() ? "" : String.join("\n", paragraphs.get(0));
	}

	/**
	 * Every land and assets page of the demo zone at 1366×768 in zh-CN and English: no
	 * unresolved message key, no code where a name belongs, and a screenshot of each.
	 */
	@Test
	void everyLandPageOfTheDemoZoneReadsAsNamesInBothLanguages() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signInToDemo(context, "LAND_STAFF");
			java.util.List<String> paths = new java.util.ArrayList<>(List.of("/land/parcels", "/land/map",
					"/land/supplies", "/land/idle", "/land/statistics", "/land/per-mu", "/assets/leases"));
			paths.add("/assets/bills");
			paths.add(firstDetail(page, "/land/parcels"));
			paths.add(firstDetail(page, "/assets/leases"));
			paths.add(firstDetail(page, "/assets/bills"));
			lookAt(page, paths, "land-look", (path) -> {
			});
			// the supplies page shows one list at a time, paged: no tab of the demo zone
			// runs to thousands of pixels
			for (String tab : List.of("supplies", "checks", "batches", "expropriations")) {
				page.navigate(url("/land/supplies?tab=" + tab));
				Number height = (Number) page.evaluate("document.documentElement.scrollHeight");
				assertThat(height.intValue()).as(tab).isLessThan(2600);
				screenshot(page, "land-supplies-" + tab);
			}
		}
	}

	/**
	 * A demo enterprise's file shows the class of the demo's final 亩均 evaluation on its
	 * timeline (zh-CN and English, screenshots), and the demo's bills and statistics read
	 * with their counts.
	 */
	@Test
	void aDemoEnterprisesTimelineShowsItsPerMuClass() throws Exception {
		var result = this.jdbc.sql("""
				SELECT e.year, r.credit_code FROM land_permu_evaluation e
				JOIN land_permu_result r ON r.evaluation_id = e.id
				WHERE e.zone_code = 'yunxi' AND e.status = 'FINAL' AND r.class = 'A' ORDER BY r.rank LIMIT 1
				""").query().singleRow();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signInToDemo(context, "LEADER");
			page.navigate(url("/enterprises/" + result.get("credit_code")));
			assertThat(page.textContent("main")).contains("亩均效益评价：" + result.get("year") + "年度A类");
			screenshot(page, "land-timeline-class-zh");
			page.navigate(url("/enterprises/" + result.get("credit_code") + "?lang=en"));
			assertThat(page.textContent("main")).contains("Per-mu evaluation " + result.get("year") + ": class A");
			screenshot(page, "land-timeline-class-en");
		}
	}

}
