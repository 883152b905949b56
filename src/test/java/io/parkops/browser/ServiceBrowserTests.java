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

	@Test
	void anEnterpriseRequestIsResolvedRatedAndReported() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("svb-"), "east");
		String code = creditCode();
		api.postJson(admin, "/api/v1/enterprises", Map.of("creditCode", code, "name", "浏览器服务测试有限公司", "zoneCode", zone,
				"areaCode", "east", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
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

}
