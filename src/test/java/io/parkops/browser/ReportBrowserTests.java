package io.parkops.browser;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.parkops.TestApi;
import io.parkops.report.TestWorkLines;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leader generates the half-year report in the browser, clicks a figure to see where it
 * comes from, edits a section, adds a plan, downloads the Word file and finalises the
 * report. Skipped, with a message, on a machine without Chromium.
 */
class ReportBrowserTests extends BrowserTestSupport {

	@Test
	void leaderGeneratesTheHalfYearReportAndTracesAFigure() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("rpb"), "east");
		TestWorkLines.register(zone, new TestWorkLines.Data(new BigDecimal("557100"), new BigDecimal("484000"),
				new BigDecimal("20"), 63, 50, 4, YearMonth.of(2024, 5), 9));
		String leader = api.createUser(admin, TestApi.unique("lead-"), List.of("LEADER"), List.of(zone), null);
		try (BrowserContext context = browser
			.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setAcceptDownloads(true))) {
			Page page = context.newPage();
			page.onDialog((dialog) -> dialog.accept());
			page.navigate(url("/login"));
			page.fill("#username", leader);
			page.fill("#password", TestApi.STRONG_PASSWORD);
			page.click("button[type=submit]");
			page.waitForLoadState();

			page.click("text=工作总结");
			assertThat(page.textContent("table.reports")).contains("还没有工作总结");
			page.click("#new-report");
			page.selectOption("#kind", "HALF_YEAR");
			page.fill("#year", "2024");
			page.fill("#asOf", "2024-06-30");
			page.click("#report-form button[type=submit]");
			page.waitForURL("**/reports/*");
			assertThat(page.textContent("h1")).endsWith("2024年上半年工作总结和下半年工作打算");
			assertThat(page.textContent(".alert.ok")).contains("已生成报告初稿");
			String body = page.textContent("#report-body");
			assertThat(body).contains("一、主要工作完成情况", "（二）经济运行情况", "完成工业产值55.71亿元，同比增长15.1%", "二、存在的问题",
					"一是工业产值增速低于年度目标4.9个百分点", "三、下半年工作打算");

			page.click("a.figure[data-figure='testecon.output']");
			page.waitForSelector("#figure-panel .figure-detail[data-figure='testecon.output']");
			String panel = page.textContent("#figure-panel");
			assertThat(panel).contains("55.71亿元", "规模以上工业企业工业总产值之和", "Σ 各企业1-N月工业总产值", "测试企业1", "（二）经济运行情况");
			screenshot(page, "report-figure-zh");

			// the edit button is visible without hovering; the editor shows the figures
			// as chips
			page.click(".report-section[data-key='work.testsafety'] button:has-text('编辑本节')");
			page.waitForSelector(".report-section.editing .chip-editor");
			assertThat(page.textContent(".report-section.editing .chip-editor")).contains("79.37%")
				.doesNotContain("{{");
			// the user rewrites the sentence around the rate's chip
			page.locator(".report-section.editing .chip-editor > div")
				.first()
				.evaluate(
						"(line) => { const chip = line.querySelector('.figure-chip[data-figure=\"testsafety.rate\"]'); "
								+ "line.replaceChildren('上半年安全生产形势总体平稳，隐患整改完成率', chip, '。'); }");
			page.click(".report-section.editing button[type=submit]");
			page.waitForSelector(".report-section[data-key='work.testsafety']:not(.editing) a.figure");
			assertThat(page.textContent(".report-section[data-key='work.testsafety']"))
				.contains("上半年安全生产形势总体平稳，隐患整改完成率79.37%。", "已手工修改");

			page.fill("#plan-text", "推进标准厂房三期建设，年底前完成主体封顶");
			page.click("#add-plan");
			page.waitForLoadState();
			assertThat(page.textContent(".report-section[data-key='plans']")).contains("二是推进标准厂房三期建设，年底前完成主体封顶。");

			Download download = page.waitForDownload(() -> page.click("#download-docx"));
			assertThat(download.suggestedFilename()).endsWith("2024年上半年工作总结和下半年工作打算.docx");
			assertThat(Files.size(download.path())).isGreaterThan(5000);
			// kept for a look at the pages (soffice --headless --convert-to pdf)
			download.saveAs(SCREENSHOTS.resolve("report-half-year.docx"));
			screenshot(page, "report-draft-zh");

			page.click("#finalize");
			page.waitForLoadState();
			assertThat(page.textContent("#report-status")).contains("已定稿");
			assertThat(page.locator("#regenerate").count()).isZero();
			assertThat(page.locator("button:has-text('编辑本节')").count()).isZero();

			page.navigate(page.url().replaceAll("\\?.*$", "") + "/print");
			assertThat(page.textContent(".gb-title")).endsWith("2024年上半年工作总结和下半年工作打算");
			assertThat(page.textContent(".gb-page")).contains("上半年安全生产形势总体平稳，隐患整改完成率79.37%。");
			screenshot(page, "report-print-zh");

			page.navigate(url("/reports?lang=en"));
			assertThat(page.textContent(".sidebar")).contains("Work reports");
			assertThat(page.textContent("table.reports")).contains("Final", "First half-year");
			page.navigate(url("/reports?lang=zh-CN"));
		}
	}

	@Test
	void theDemoZonesHalfYearReportHasTheEconomyAndSafetyParts() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String leader = api.createUser(api.adminToken(), TestApi.unique("lead-"), List.of("LEADER"), List.of("yunxi"),
				null);
		try (BrowserContext context = browser
			.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setAcceptDownloads(true))) {
			Page page = context.newPage();
			page.navigate(url("/login"));
			page.fill("#username", leader);
			page.fill("#password", TestApi.STRONG_PASSWORD);
			page.click("button[type=submit]");
			page.waitForLoadState();
			page.navigate(url("/reports/new"));
			page.selectOption("#kind", "HALF_YEAR");
			page.click("#report-form button[type=submit]");
			page.waitForURL("**/reports/*");
			String body = page.textContent("#report-body");
			assertThat(body).contains("经济运行情况", "安全环保情况", "二、存在的问题", "三、下半年工作打算");
			page.click(".report-section[data-key='work.economy'] a.figure[data-figure='economy.output.current']");
			page.waitForSelector("#figure-panel .figure-detail[data-figure='economy.output.current']");
			assertThat(page.textContent("#figure-panel")).contains("工业总产值");
			screenshot(page, "report-demo-zh");
			Download download = page.waitForDownload(() -> page.click("#download-docx"));
			download.saveAs(SCREENSHOTS.resolve("report-demo-half-year.docx"));
		}
	}

}
