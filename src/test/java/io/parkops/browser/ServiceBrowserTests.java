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
 * Enterprise services in the browser: an enterprise raises a request in the portal, staff
 * assign and resolve it, the enterprise rates it, and the report section 企业服务情况 changes
 * with it.
 */
class ServiceBrowserTests extends BrowserTestSupport {

	private Page signIn(BrowserContext context, String username) {
		Page page = context.newPage();
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", TestApi.STRONG_PASSWORD);
		page.click("button[type=submit]");
		page.waitForLoadState();
		return page;
	}

	private String serviceSection(TestApi api, String leader, String zone) throws Exception {
		var result = api
			.postJson(leader, "/api/v1/reports",
					Map.of("zoneCode", zone, "kind", "ANNUAL", "year",
							java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear()))
			.andExpect(status().isCreated())
			.andReturn();
		List<List<String>> paragraphs = TestApi.read(result, "$.sections[?(@.key == 'work.service')].paragraphs");
		return paragraphs.isEmpty() ? "" : String.join("", paragraphs.get(0));
	}

	/** Registers an enterprise in production in the zone's area {@code east}. */
	private static String enterprise(TestApi api, String admin, String zone, String name) throws Exception {
		String code = creditCode();
		api.postJson(admin, "/api/v1/enterprises", Map.of("creditCode", code, "name", name, "zoneCode", zone,
				"areaCode", "east", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
		return code;
	}

	@Test
	void anEnterpriseRequestIsResolvedRatedAndReported() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("svb-"), "east");
		String code = enterprise(api, admin, zone, "浏览器服务测试有限公司");
		String staff = api.createUser(admin, TestApi.unique("svs-"), List.of("SERVICE_STAFF"), List.of(zone), null);
		String enterprise = api.createUser(admin, TestApi.unique("sve-"), List.of("ENTERPRISE"), List.of(), code);
		String leader = api.token(api.createUser(admin, TestApi.unique("svl-"), List.of("LEADER"), List.of(zone), null),
				TestApi.STRONG_PASSWORD);
		assertThat(serviceSection(api, leader, zone)).doesNotContain("受理企业诉求");
		String requestUrl;
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, enterprise);
			page.navigate(url("/services/requests"));
			assertThat(page.textContent("h1.page-title")).isEqualTo("我的诉求");
			page.click("#raise summary");
			page.selectOption("#r-category", "UTILITIES");
			page.fill("#r-title", "厂区频繁停电");
			page.fill("#r-content", "近一个月停电4次，影响连续生产。");
			screenshot(page, "service-raise");
			page.click("#raise button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent("#request-list")).contains("厂区频繁停电").contains("已受理");
			page.click("#request-list a:has-text('厂区频繁停电')");
			page.waitForLoadState();
			requestUrl = page.url();
			assertThat(page.locator("#handling-form").count()).isZero();
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, staff);
			page.navigate(url("/services/requests?zone-hint=" + zone));
			assertThat(page.textContent("#request-list")).contains("浏览器服务测试有限公司").contains("厂区频繁停电");
			page.navigate(requestUrl);
			page.fill("#h-dep", "县供电公司");
			page.fill("#h-handler", "吴经理");
			page.selectOption("#h-level", "COUNTY");
			page.click("#handling-form button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent(".flow li.current")).contains("办理中");
			page.fill("#x-result", "更换老化变压器，近两周未再停电。");
			page.click("#resolution-form button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent(".flow li.current")).contains("已办结");
			assertThat(page.locator("#rating-form").count()).isZero();
			screenshot(page, "service-resolved");
		}
		assertThat(serviceSection(api, leader, zone)).contains("受理企业诉求1件，已办结1件").doesNotContain("满意度");
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, enterprise);
			page.navigate(requestUrl);
			page.selectOption("#s-sat", "5");
			page.fill("#s-comment", "办理高效");
			page.click("#rating-form button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent(".flow li.current")).contains("已评价");
			screenshot(page, "service-rated");
		}
		assertThat(serviceSection(api, leader, zone)).contains("平均满意度5.00分");
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void aPolicyOnLandDataFindsItsEnterprisesWithTheFigures() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("svp-"), "east");
		String code = enterprise(api, admin, zone, "亩均领跑科技有限公司");
		// the land work line's final 亩均 evaluation and a parcel the enterprise holds
		Long evaluation = this.jdbc.queryForObject("INSERT INTO land_permu_evaluation (zone_code, year, status, scheme,"
				+ " finalized_on, created_by) VALUES (?, 2025, 'FINAL', '{}', DATE '2026-04-30', 'test') RETURNING id",
				Long.class, zone);
		this.jdbc
			.update("INSERT INTO land_permu_result (evaluation_id, credit_code, name, above_scale, graded, land_mu,"
					+ " score, rank, class, items, to_next) VALUES (?, ?, '亩均领跑科技有限公司', true, true, 62.4, 92.5, 1, 'A',"
					+ " '[]', '[]')", evaluation, code);
		this.jdbc.update(
				"INSERT INTO land_parcel (zone_code, code, area_mu, use, status, owner_credit_code, geometry,"
						+ " created_by) VALUES (?, 'YX01-001', 62.4, 'INDUSTRIAL', 'BUILT', ?, '{}', 'test')",
				zone, code);
		String staff = api.createUser(admin, TestApi.unique("svp-"), List.of("SERVICE_STAFF"), List.of(zone), null);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, staff);
			page.navigate(url("/services/policies?zone-hint=" + zone));
			page.click("#new-policy summary");
			page.fill("#p-title", "亩均效益领跑企业奖励");
			page.fill("#p-issuer", "园区管委会");
			page.check("input[name=perMuClass][value=A]");
			page.check("input[name=perMuClass][value=B]");
			page.fill("#p-land", "50");
			screenshot(page, "service-policy-land-form");
			page.click("#new-policy button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent("#policy-list")).contains("亩均效益评价A、B类").contains("持有土地不少于50亩");
			page.click("#policy-list a:has-text('亩均效益领跑企业奖励')");
			page.waitForLoadState();
			assertThat(page.textContent("section")).contains("亩均领跑科技有限公司")
				.contains("2025年度亩均效益评价A类")
				.contains("持有土地62.40亩（1宗地块）");
			screenshot(page, "service-policy-land-matches");
		}
	}

	@Test
	void financingByProductAndCriteriaInTheReadersLanguage() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signInToDemo(context, "SERVICE_STAFF");
			page.navigate(url("/services/policies?lang=zh_CN"));
			String policy = page.locator("#policy-list a:has-text('规上工业企业稳增长奖励')")
				.first()
				.getAttribute("href")
				.replaceAll("\\?.*$", "");
			lookAt(page, List.of("/services/financing", "/services/statistics", policy), "service-product-", (path) -> {
				String text = page.textContent("main");
				boolean english = page.url().contains("lang=en");
				if (path.equals("/services/financing")) {
					assertThat(text).contains(english ? "Loan product" : "贷款产品")
						.contains(english ? "of which Park loan (Yuanqudai)" : "其中：园区贷");
				}
				if (path.equals("/services/statistics")) {
					assertThat(text).contains(english ? "of which" : "其中：");
				}
				if (path.equals(policy)) {
					assertThat(text).contains(english ? "Above designated size" : "规模以上企业")
						.contains(english ? "Revenue growth in" : "营业收入同比增长不低于");
					if (english) {
						assertThat(page.textContent("#matches thead")).doesNotContainPattern("\\p{IsHan}");
					}
				}
			});
		}
		// an enterprise of the demo zone reads its 可申报政策 in English without Chinese
		// criteria
		TestApi api = new TestApi(this.mvc);
		String code = this.jdbc.queryForObject(
				"SELECT credit_code FROM enterprise WHERE zone_code = 'yunxi' AND above_scale ORDER BY credit_code LIMIT 1",
				String.class);
		String user = api.createUser(api.adminToken(), TestApi.unique("sve-"), List.of("ENTERPRISE"), List.of(), code);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, user);
			lookAt(page, List.of("/services/policies"), "service-eligible-", (path) -> {
				if (page.url().contains("lang=en")) {
					assertThat(page.textContent("main")).contains("Above designated size");
				}
			});
		}
	}

}
