package io.parkops.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.parkops.ParkOpsTest;
import io.parkops.enterprise.CreditCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every browser test shares: the application on a random port (one cached context),
 * the system Chromium driven by Playwright (skipped, with a message, where there is
 * none), sign-in and screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "parkops.admin-password=" + ParkOpsTest.ADMIN_PASSWORD)
@AutoConfigureMockMvc
abstract class BrowserTestSupport {

	static final Path CHROMIUM = Paths.get(System.getProperty("parkops.chromium", "/usr/bin/chromium"));

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@BeforeAll
	static void startBrowser() {
		if (!Files.isExecutable(CHROMIUM)) {
			System.out.println("*** Browser tests SKIPPED: no Chromium at " + CHROMIUM
					+ " (install Debian's chromium package to run them) ***");
		}
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	Page signIn(BrowserContext context, String username, String password) {
		Page page = context.newPage();
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", password);
		page.click("button[type=submit]");
		page.waitForLoadState();
		return page;
	}

	static void screenshot(Page page, String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	/** A code a person should see as a name (UPPER_SNAKE). */
	static final java.util.regex.Pattern CODE = java.util.regex.Pattern
		.compile("(?<![\\w.:/-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\\w.:/-])");

	/** Signs a new user of the role in to the demo zone (yunxi) in a 1366×768 window. */
	Page signInToDemo(BrowserContext context, String role) throws Exception {
		io.parkops.TestApi api = new io.parkops.TestApi(this.mvc);
		String user = api.createUser(api.adminToken(), io.parkops.TestApi.unique("demo-"), List.of(role),
				List.of("yunxi"), null);
		return signIn(context, user, io.parkops.TestApi.STRONG_PASSWORD);
	}

	/** The path of the first detail link of a list page (not an export). */
	String firstDetail(Page page, String list) {
		page.navigate(url(list));
		return page.locator("main a[href^='" + list + "/']:not([href*='export'])")
			.first()
			.getAttribute("href")
			.replaceAll("\\?.*$", "");
	}

	/**
	 * Opens each page in zh-CN and English: no unresolved message key, no code on the
	 * zh-CN pages, the page's own check; a screenshot of each named after its path.
	 */
	void lookAt(Page page, List<String> paths, String prefix, java.util.function.Consumer<String> check)
			throws Exception {
		for (String lang : List.of("zh_CN", "en")) {
			for (String path : paths) {
				page.navigate(url(path + "?lang=" + lang));
				String text = page.textContent("main");
				org.assertj.core.api.Assertions.assertThat(text).as(path).doesNotContain("??");
				if (lang.equals("zh_CN")) {
					org.assertj.core.api.Assertions
						.assertThat(CODE.matcher(text).results().map(java.util.regex.MatchResult::group).toList())
						.as(path)
						.isEmpty();
				}
				check.accept(path);
				screenshot(page, prefix + path.replace('/', '-') + "-" + lang);
			}
		}
	}

	/** A valid unified social credit code no other test uses. */
	static String creditCode() {
		String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		Random random = new Random();
		StringBuilder sb = new StringBuilder("91360");
		for (int i = 0; i < 12; i++) {
			sb.append(chars.charAt(random.nextInt(chars.length())));
		}
		return sb.append(CreditCode.checkCharacter(sb.toString())).toString();
	}

}
