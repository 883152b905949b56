package io.parkops.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The safety work line in the browser: staff record an inspection and a hazard, the
 * enterprise reports its rectification with a photo, staff accept it, and the
 * rectification rate on the statistics page goes up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "parkops.admin-password=" + ParkOpsTest.ADMIN_PASSWORD)
@AutoConfigureMockMvc
class SafetyBrowserTests {

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@BeforeAll
	static void startBrowser() {
		if (!Files.isExecutable(BrowserFlowTests.CHROMIUM)) {
			System.out.println("*** Browser tests SKIPPED: no Chromium at " + BrowserFlowTests.CHROMIUM + " ***");
		}
		Assumptions.assumeTrue(Files.isExecutable(BrowserFlowTests.CHROMIUM), "no Chromium");
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserFlowTests.CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private Page signIn(BrowserContext context, String username) {
		Page page = context.newPage();
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", TestApi.STRONG_PASSWORD);
		page.click("button[type=submit]");
		page.waitForLoadState();
		return page;
	}

	private static void screenshot(Page page, String name) throws Exception {
		Files.createDirectories(BrowserFlowTests.SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setPath(BrowserFlowTests.SCREENSHOTS.resolve(name + ".png"))
			.setFullPage(true));
	}

	@Test
	void inspectionHazardRectificationAcceptanceRaisesTheRateOnTheStatisticsPage() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("sb-"), "east");
		String code = BrowserFlowTests.creditCode();
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
			page.selectOption("#enterprises", code);
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
