package io.parkops.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The investment work line in the browser: 招商 staff record a lead, log a trip that met
 * it, pass its review, sign it (registering the project company), start the project and
 * record a building's progress with a photo; the leader's cockpit tile and the investment
 * report sections change with it.
 */
class InvestmentBrowserTests extends BrowserTestSupport {

	private static final String[] REVIEW_ITEMS = { "INDUSTRY_FIT", "NOT_RESTRICTED", "NOT_TWO_HIGH",
			"INVESTMENT_INTENSITY", "TAX_PER_MU", "ENVIRONMENT_SAFETY" };

	private String targetsTile(Page page) {
		page.navigate(url("/cockpit"));
		return page.textContent("[id='tile-investment.targets'] + .kpi-grid");
	}

	private String report(Page page, LocalDate today) {
		page.navigate(url("/reports/new"));
		page.selectOption("#kind", "MONTHS");
		page.fill("#year", Integer.toString(today.getYear()));
		page.fill("#month", Integer.toString(today.getMonthValue()));
		page.fill("#asOf", today.toString());
		page.click("#report-form button[type=submit]");
		page.waitForURL("**/reports/*");
		return page.textContent("#report-body");
	}

	@Test
	void leadTripReviewSigningStartAndBuildingShowInTheReportAndCockpit() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("ib-"), "east");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String staff = api.createUser(admin, TestApi.unique("ibs-"), List.of("INVESTMENT_STAFF"), List.of(zone), null);
		this.mvc
			.perform(TestApi.bearer(api.token(staff, TestApi.STRONG_PASSWORD),
					TestApi.withJson(
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders
								.put("/api/v1/zones/" + zone + "/investment-targets/" + today.getYear()),
							Map.of("signed_100m", Map.of("count", 4), "started_100m", Map.of("count", 2)))))
			.andExpect(status().isOk());
		String leader = api.createUser(admin, TestApi.unique("ibl-"), List.of("LEADER"), List.of(zone), null);
		String company = creditCode();
		String tileBefore;
		String reportBefore;
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, leader, TestApi.STRONG_PASSWORD);
			tileBefore = targetsTile(page);
			assertThat(tileBefore).contains("新签约亿元以上项目");
			reportBefore = report(page, today);
			// nothing signed, started or built yet: no investment paragraph names the
			// building
			assertThat(reportBefore).doesNotContain("1#厂房").doesNotContain("新签约亿元以上项目1个");
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, staff, TestApi.STRONG_PASSWORD);
			// the lead
			page.navigate(url("/investment/leads"));
			page.click("#new-lead");
			page.fill("#l-name", "年产20万套新能源汽车零部件项目");
			page.fill("#l-investor", "宁波某某汽车部件集团");
			page.selectOption("#l-source", "OUTBOUND");
			page.selectOption("#l-industry", "C36");
			page.fill("#l-amount", "20000");
			page.fill("#l-resp", "王招商");
			page.click("#lead-save");
			page.waitForLoadState();
			page.click("text=年产20万套新能源汽车零部件项目");
			page.waitForURL("**/investment/leads/*");
			String leadUrl = page.url();
			String leadId = leadUrl.replaceAll("^.*/", "");
			assertThat(page.textContent("#lead-stage")).isEqualTo("线索");
			assertThat(page.textContent("dl.facts")).contains("C36 汽车制造业");
			// a trip that met it
			page.navigate(url("/investment/activities"));
			page.click("#new-trip");
			page.fill("#t-date", today.toString());
			page.fill("#t-dest", "宁波");
			page.fill("#t-people", "王招商、李主任");
			page.selectOption("#t-leads", leadId);
			page.click("#trip-save");
			page.waitForLoadState();
			assertThat(page.textContent("section")).contains("宁波");
			// the review passes, then the signing registers the project company
			page.navigate(leadUrl);
			for (String item : REVIEW_ITEMS) {
				page.selectOption("#result-" + item, "PASS");
			}
			page.click("#review-save");
			page.waitForLoadState();
			assertThat(page.locator(".alert.error:has-text('不能签约')").count()).isZero();
			page.fill("#s-contract", "20000");
			page.fill("#s-total", "20000");
			page.fill("#s-fixed", "16000");
			page.check("#s-mode-new");
			page.fill("#s-new-code", company);
			page.fill("#s-new-name", "浏览器新能源汽车部件（云溪）有限公司");
			page.selectOption("#s-new-area", "east");
			screenshot(page, "investment-signing");
			page.click("#sign-button");
			page.waitForLoadState();
			assertThat(page.textContent("#lead-stage")).isEqualTo("签约");
			page.click("#lead-project");
			page.waitForURL("**/investment/projects/*");
			assertThat(page.textContent("section")).contains("浏览器新能源汽车部件（云溪）有限公司");
			// the project starts; 1#厂房 is at its third floor, with a photo
			page.selectOption("#stage-select", "STARTED");
			page.click("#stage-button");
			page.waitForLoadState();
			assertThat(page.textContent("#project-stage")).isEqualTo("开工");
			page.click("details:has(#building-form) > summary");
			page.fill("#b-name", "1#厂房");
			page.selectOption("#b-phase", "STRUCTURE");
			page.fill("#b-done", "2");
			page.fill("#b-total", "4");
			Path photo = Files.createTempFile("site", ".png");
			Files.write(photo, java.util.Base64.getDecoder()
				.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
			page.setInputFiles("#b-photo", photo);
			page.click("#building-save");
			page.waitForLoadState();
			assertThat(page.textContent(".alert.ok")).contains("已保存");
			assertThat(page.textContent("#buildings")).contains("1#厂房正在进行三层主体施工（共四层）");
			assertThat(page.locator("#buildings img").count()).isEqualTo(1);
			page.waitForFunction("document.querySelector('#buildings img').naturalWidth > 0");
			screenshot(page, "investment-project-building");
			// 一套专班: the 专班长 joins the project's task force on its page
			page.fill("#tf-name", "王建国");
			page.fill("#tf-dep", "招商局");
			page.selectOption("#tf-role", "LEAD");
			page.fill("#tf-phone", "13800138000");
			page.click("#task-force-save");
			page.waitForLoadState();
			assertThat(page.textContent("#project-task-force-lead")).contains("王建国（招商局）");
			assertThat(page.textContent("#task-force-members")).contains("专班长", "王建国", "13800138000");
			page.locator("#task-force").scrollIntoViewIfNeeded();
			screenshot(page, "investment-project-task-force");
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, leader, TestApi.STRONG_PASSWORD);
			String tileAfter = targetsTile(page);
			assertThat(tileAfter).isNotEqualTo(tileBefore).contains("新签约亿元以上项目");
			assertThat(page.textContent("[id='tile-investment.targets'] + .kpi-grid .kpi-card:has-text('新签约亿元以上项目')"))
				.contains("1");
			screenshot(page, "investment-cockpit");
			String reportAfter = report(page, today);
			assertThat(reportAfter).contains("招商引资情况", "项目建设情况", "新签约亿元以上项目1个", "外出招商考察1批次", "新开工项目1个",
					"年产20万套新能源汽车零部件项目（总投资2.00亿元）：1#厂房正在进行三层主体施工（共四层）");
			assertThat(reportBefore).doesNotContain("新签约亿元以上项目1个");
			screenshot(page, "investment-report");
			// the dashboard: the late projects with their leader and 专班长, the whole 进度排位
			page.navigate(url("/investment"));
			page.click("#ranking > summary");
			assertThat(page.textContent("#ranking")).contains("年产20万套新能源汽车零部件项目");
			page.locator("#ranking").scrollIntoViewIfNeeded();
			screenshot(page, "investment-dashboard-ranking");
			page.navigate(url("/investment?lang=en"));
			assertThat(page.textContent("section")).contains("Investment dashboard", "Annual targets");
		}
	}

}
