package io.parkops.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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

/**
 * A leader opens the cockpit of the demo zone, sees its charts, and puts it on the wall
 * in the 1920×1080 大屏 mode. Skipped, with a message, on a machine without Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "parkops.admin-password=" + ParkOpsTest.ADMIN_PASSWORD)
@AutoConfigureMockMvc
class CockpitBrowserTests {

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@BeforeAll
	static void startBrowser() {
		if (!Files.isExecutable(BrowserFlowTests.CHROMIUM)) {
			System.out.println("*** Browser tests SKIPPED: no Chromium at " + BrowserFlowTests.CHROMIUM
					+ " (install Debian's chromium package to run them) ***");
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

	@Test
	void leaderReadsTheCockpitAndPutsItOnTheWall() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String leader = api.createUser(api.adminToken(), TestApi.unique("lead-"), List.of("LEADER"), List.of("yunxi"),
				null);
		Files.createDirectories(SCREENSHOTS);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			page.fill("#username", leader);
			page.fill("#password", TestApi.STRONG_PASSWORD);
			page.click("button[type=submit]");
			page.waitForLoadState();
			page.click(".sidebar a[href='/cockpit']");
			page.waitForSelector("[data-cockpit='trend'] canvas");
			page.waitForSelector("[data-cockpit='hazards'] canvas");
			assertThat(page.textContent("h1")).contains("领导驾驶舱");
			assertThat(page.textContent("#cockpit")).contains("工业总产值", "整改完成率", "逾期未销号");
			page.screenshot(
					new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cockpit-zh.png")).setFullPage(true));
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1920, 1080))) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			page.fill("#username", leader);
			page.fill("#password", TestApi.STRONG_PASSWORD);
			page.click("button[type=submit]");
			page.waitForLoadState();
			page.navigate(url("/cockpit/screen"));
			page.waitForSelector("[data-cockpit='industry'] canvas");
			assertThat(page.evaluate("() => getComputedStyle(document.body).backgroundColor"))
				.isEqualTo("rgb(6, 21, 40)");
			// the whole display fits the wall: nothing scrolls
			assertThat(page.evaluate("() => document.documentElement.scrollHeight")).isEqualTo(1080);
			assertThat(page.textContent("#screen-clock")).isNotBlank();
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cockpit-screen.png")));
		}
	}

}
