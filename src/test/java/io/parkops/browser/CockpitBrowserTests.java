package io.parkops.browser;

import java.nio.file.Files;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.parkops.TestApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leader opens the cockpit of the demo zone, sees its charts, and puts it on the wall
 * in the 1920×1080 大屏 mode. Skipped, with a message, on a machine without Chromium.
 */
class CockpitBrowserTests extends BrowserTestSupport {

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
			page.waitForSelector("[data-tile-chart='economy.trend'] canvas");
			page.waitForSelector("[data-tile-chart='safety.hazards'] canvas");
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
			page.waitForSelector("[data-tile-chart='economy.industry'] canvas");
			assertThat(page.evaluate("() => getComputedStyle(document.body).backgroundColor"))
				.isEqualTo("rgb(6, 21, 40)");
			// the whole display fits the wall: nothing scrolls
			assertThat(page.evaluate("() => document.documentElement.scrollHeight")).isEqualTo(1080);
			assertThat(page.textContent("#screen-clock")).isNotBlank();
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cockpit-screen.png")));
		}
	}

}
