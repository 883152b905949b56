package io.parkops.browser;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * The safety work line in the browser: staff record an inspection and a hazard, the
 * enterprise reports its rectification with a photo, staff accept it, and the
 * rectification rate on the statistics page goes up.
 */
class SafetyBrowserTests extends BrowserTestSupport {

	private Page signIn(BrowserContext context, String username) {
		Page page = context.newPage();
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", TestApi.STRONG_PASSWORD);
		page.click("button[type=submit]");
		page.waitForLoadState();
		return page;
	}

	@Test
	void inspectionHazardRectificationAcceptanceRaisesTheRateOnTheStatisticsPage() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("sb-"), "east");
		String code = creditCode();
		api.postJson(admin, "/api/v1/enterprises", Map.of("creditCode", code, "name", "浏览器安全测试有限公司", "zoneCode", zone,
				"areaCode", "east", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
		String staff = api.createUser(admin, TestApi.unique("sbs-"), List.of("SAFETY_STAFF"), List.of(zone), null);
		String enterprise = api.createUser(admin, TestApi.unique("sbe-"), List.of("ENTERPRISE"), List.of(), code);
		String hazardUrl;
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, staff);
			// before: nothing found this year, no rate
			page.navigate(url("/safety/statistics"));
			assertThat(page.textContent("#stat-rate")).isEqualTo("-");

			page.navigate(url("/safety/inspections/new"));
			page.selectOption("#kind", "JOINT");
			page.check("input[name=agencies][value=EMERGENCY]");
			page.fill("#organizer", "安全环保局");
			// the searchable picker: type part of the name, choose the result, it becomes
			// a removable chip
			page.fill("#enterprises", "浏览器安全");
			page.click(".picker-choice:has-text('浏览器安全测试有限公司')");
			assertThat(page.textContent(".enterprise-picker .chips")).contains("浏览器安全测试有限公司");
			assertThat(page.locator("input[type=hidden][name=enterprises]").getAttribute("value")).isEqualTo(code);
			screenshot(page, "safety-inspection-picker");
			page.click("form.form-grid button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent("section")).contains("联合执法").contains("浏览器安全测试有限公司").contains("应急管理局");

			page.click("#add-hazard");
			page.waitForLoadState();
			page.selectOption("#enterpriseCreditCode", code);
			page.selectOption("#category", "消防");
			page.fill("#description", "消防通道被货物堵塞");
			page.fill("#location", "仓库东侧");
			page.click("form.form-grid button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent("#hazard-description")).isEqualTo("消防通道被货物堵塞");
			assertThat(page.textContent(".flow li.current")).contains("待整改");
			hazardUrl = page.url();
			screenshot(page, "safety-hazard-pending");

			page.navigate(url("/safety/statistics"));
			assertThat(page.textContent("#stat-found")).isEqualTo("1");
			assertThat(page.textContent("#stat-rate")).isEqualTo("0.00%");
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, enterprise);
			page.navigate(url("/safety/hazards"));
			assertThat(page.textContent("#hazard-list")).contains("消防通道被货物堵塞");
			page.navigate(hazardUrl);
			assertThat(page.locator("#accept-button").count()).isZero();
			Path photo = Files.createTempFile("after", ".png");
			Files.write(photo,
					new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' });
			page.fill("#measures", "已清理通道内货物，设置禁止堆放标识");
			page.setInputFiles("#rectify-file", photo);
			page.click("#rectify-button");
			page.waitForLoadState();
			assertThat(page.textContent(".alert.ok")).contains("已保存");
			assertThat(page.textContent(".flow li.current")).contains("待验收");
			assertThat(page.locator(".photos img").count()).isEqualTo(1);
			screenshot(page, "safety-hazard-rectified");
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, staff);
			page.navigate(hazardUrl);
			page.fill("#opinion", "复查合格");
			page.click("#accept-button");
			page.waitForLoadState();
			assertThat(page.textContent(".flow li.current")).contains("已销号");
			assertThat(page.textContent("#hazard-steps")).contains("验收通过，销号").contains("上报整改");
			assertThat(page.locator("#rectify-form").count()).isZero();

			page.navigate(url("/safety/statistics"));
			assertThat(page.textContent("#stat-rate")).isEqualTo("100.00%");
			page.waitForSelector("div.chart canvas");
			screenshot(page, "safety-statistics-zh");
			page.navigate(url("/safety/statistics?lang=en"));
			assertThat(page.textContent("section")).contains("Rectification rate").contains("By level");
			page.navigate(url("/safety?lang=zh-CN"));
			assertThat(page.textContent("#year-rate")).isEqualTo("100.00%");
		}
	}

}
