package io.parkops.browser;

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
 * Party staff found a joint branch for three enterprises in the browser: the coverage on
 * the party page and the report's section 党的建设情况 change with it.
 */
class PartyBrowserTests extends BrowserTestSupport {

	@Test
	void foundingAJointBranchForThreeEnterprisesRaisesCoverageAndChangesTheReport() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("pb-"), "east");
		String prefix = "浏览器党建" + TestApi.unique("").substring(0, 4);
		for (String letter : List.of("甲", "乙", "丙", "丁")) {
			api.postJson(admin, "/api/v1/enterprises", Map.of("creditCode", creditCode(), "name",
					prefix + letter + "有限公司", "zoneCode", zone, "areaCode", "east", "status", "IN_PRODUCTION"))
				.andExpect(status().isCreated());
		}
		String staff = api.createUser(admin, TestApi.unique("pbs-"), List.of("PARTY_STAFF"), List.of(zone), null);
		String token = api.token(staff, TestApi.STRONG_PASSWORD);
		api.postJson(token, "/api/v1/party/organisations",
				Map.of("zoneCode", zone, "name", "浏览器测试党工委", "kind", "WORKING_COMMITTEE", "foundedOn", "2015-01-01"))
			.andExpect(status().isCreated());
		int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		Number before = TestApi
			.read(api.postJson(token, "/api/v1/reports", Map.of("zoneCode", zone, "kind", "ANNUAL", "year", year))
				.andExpect(status().isCreated())
				.andReturn(), "$.id");
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, staff, TestApi.STRONG_PASSWORD);
			page.navigate(url("/party"));
			assertThat(page.textContent("#coverage-pct")).isEqualTo("0.00%");
			page.navigate(url("/reports/" + before));
			assertThat(page.textContent("main")).contains("党的建设情况").contains("党组织覆盖率达0.00%");

			page.navigate(url("/party/organisations"));
			page.click("details.card > summary");
			page.fill("#o-name", "浏览器联合党支部");
			page.selectOption("#o-kind", "BRANCH");
			page.selectOption("#o-type", "JOINT");
			for (String letter : List.of("甲", "乙", "丙")) {
				page.fill("#o-ents", prefix + letter);
				page.click(".picker-choice:has-text('" + prefix + letter + "有限公司')");
			}
			assertThat(page.locator("#found-form input[type=hidden][name=enterpriseCreditCodes]").count()).isEqualTo(3);
			screenshot(page, "party-found-joint-branch");
			page.click("#found-form button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent("h1")).contains("浏览器联合党支部");
			assertThat(page.textContent("#org-enterprises")).contains(prefix + "甲有限公司")
				.contains(prefix + "乙有限公司")
				.contains(prefix + "丙有限公司");

			page.navigate(url("/party"));
			assertThat(page.textContent("#coverage-pct")).isEqualTo("75.00%");
			screenshot(page, "party-home-zh");

			Number after = TestApi
				.read(api.postJson(token, "/api/v1/reports", Map.of("zoneCode", zone, "kind", "ANNUAL", "year", year))
					.andExpect(status().isCreated())
					.andReturn(), "$.id");
			page.navigate(url("/reports/" + after));
			assertThat(page.textContent("main")).contains("党组织覆盖率达75.00%").contains("新组建党支部1个");
			screenshot(page, "party-report-section");

			page.navigate(url("/party/screening?lang=en"));
			assertThat(page.textContent("#screening-all")).contains("Joint branch").contains("Not covered");
			screenshot(page, "party-screening-en");
		}
	}

	/**
	 * Every party page of the demo zone at 1366×768, in zh-CN and English: no unresolved
	 * message key, no code where a name belongs, and a screenshot of each to look at.
	 */
	@Test
	void everyPartyPageOfTheDemoZoneReadsAsNamesInBothLanguages() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signInToDemo(context, "PARTY_STAFF");
			java.util.List<String> paths = new java.util.ArrayList<>(List.of("/party", "/party/organisations",
					"/party/members", "/party/instructors", "/party/activities", "/party/screening"));
			for (String list : List.of("/party/organisations", "/party/members", "/party/instructors",
					"/party/activities")) {
				paths.add(firstDetail(page, list));
			}
			lookAt(page, paths, "party-look", (path) -> {
				if (path.equals("/party/screening")) {
					// twenty enterprises a page, not all 273 of the scope (about 12,000
					// px
					// before)
					assertThat(((Number) page.evaluate("document.body.scrollHeight")).intValue()).as(path)
						.isLessThan(2600);
					assertThat(page.locator("#screening-all tbody tr").count()).as(path).isEqualTo(20);
				}
				if (path.equals("/party/activities") || path.equals("/party/instructors")) {
					// a year's dues by month and three months' visits by page, not
					// hundreds of rows (21,647 px before)
					assertThat(((Number) page.evaluate("document.body.scrollHeight")).intValue()).as(path)
						.isLessThan(6000);
				}
			});
		}
	}

	/**
	 * The ownership type coverage counts from is on the enterprise's file and its form (a
	 * select of names), in both languages.
	 */
	@Test
	void theEnterpriseFileAndFormShowTheOwnershipType() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signInToDemo(context, "ECONOMY_STAFF");
			page.navigate(url("/enterprises"));
			String file = page.locator("main table a[href^='/enterprises/']").first().getAttribute("href");
			lookAt(page, List.of(file, file + "/edit"), "party-ownership", (path) -> {
				if (path.endsWith("/edit")) {
					assertThat(page.locator("select#ownershipType option").count()).isEqualTo(7);
				}
				else {
					assertThat(page.textContent("main")).containsAnyOf("登记注册类型", "Ownership type");
				}
			});
		}
	}

}
