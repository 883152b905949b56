package io.parkops.browser;

import java.time.YearMonth;
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
 * The month as people collect it: an enterprise user submits its figures, economy staff
 * see it in the completeness list, and the monitoring page changes. Skipped, with a
 * message, on a machine without Chromium.
 */
class EconomyBrowserTests extends BrowserTestSupport {

	@Test
	void anEnterpriseReportsItsMonthAndStaffSeeItInTheListAndTheFigures() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("eb"), "east");
		String code = creditCode();
		api.postJson(admin, "/api/v1/enterprises",
				Map.of("creditCode", code, "name", "月报测试电子有限公司", "zoneCode", zone, "areaCode", "east", "industryCode",
						"C39", "aboveScale", true, "aboveScaleSince", "2021-01", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
		String enterpriseUser = api.createUser(admin, TestApi.unique("ent-"), List.of("ENTERPRISE"), List.of(), code);
		String staff = api.createUser(admin, TestApi.unique("eco-"), List.of("ECONOMY_STAFF"), List.of(zone), null);
		YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
		String summaryPath = "/economy?year=" + month.getYear() + "&month=" + month.getMonthValue();

		try (BrowserContext staffContext = browser
			.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
				BrowserContext enterpriseContext = browser.newContext()) {
			Page staffPage = signIn(staffContext, staff, TestApi.STRONG_PASSWORD);
			assertThat(staffPage.textContent(".sidebar")).contains("经济运行").contains("月报收集");
			staffPage.navigate(url(summaryPath));
			assertThat(staffPage.textContent("#indicator-table tr[data-code=output]")).contains("0.00");
			assertThat(staffPage.textContent("#summary-facts")).contains("规上工业企业 1 家");

			staffPage.navigate(url("/economy/completeness?month=" + month));
			assertThat(staffPage.textContent("#completeness-table tr[data-credit-code='" + code + "']"))
				.contains("月报测试电子有限公司")
				.containsPattern("逾期未报|待报送");

			Page page = signIn(enterpriseContext, enterpriseUser, TestApi.STRONG_PASSWORD);
			assertThat(page.textContent(".sidebar")).contains("月报填报");
			page.navigate(url("/economy/monthly"));
			assertThat(page.url()).contains("/economy/monthly/" + code);
			page.navigate(url("/economy/monthly/" + code + "?month=" + month));
			page.fill("#v-output", "-5");
			page.click("#monthly-form button[type=submit]");
			assertThat(page.textContent("section")).contains("为负数");
			page.fill("#v-output", "1234.5");
			page.fill("#v-tax", "56");
			page.fill("#p-output", "1000");
			page.click("#monthly-form button[type=submit]");
			page.waitForLoadState();
			assertThat(page.textContent(".alert.ok")).contains("月报已保存");
			assertThat(page.textContent("#history-table")).contains(month.toString()).contains("1,234.50");
			screenshot(page, "economy-monthly-zh");

			staffPage.navigate(url("/economy/completeness?month=" + month));
			assertThat(staffPage.textContent("#completeness-table tr[data-credit-code='" + code + "']"))
				.containsPattern("已报送|逾期报送")
				.doesNotContain("未报");
			assertThat(staffPage.textContent("#reported-count")).contains("1");
			screenshot(staffPage, "economy-completeness-zh");

			staffPage.navigate(url(summaryPath));
			assertThat(staffPage.textContent("#indicator-table tr[data-code=output]")).contains("1,234.50")
				.contains("1,000.00")
				.contains("▲23.5%");
			staffPage.waitForSelector("#trend-chart canvas");
			screenshot(staffPage, "economy-summary-zh");

			// the year's targets, entered on the plan page, appear on the monitoring page
			staffPage.navigate(url("/economy/plan?year=" + month.getYear()));
			staffPage.selectOption("#kind-output", "growth");
			staffPage.fill("#targets-form input[name='value.output']", "30");
			staffPage.click("#targets-form button[type=submit]");
			staffPage.waitForLoadState();
			assertThat(staffPage.textContent(".alert.ok")).contains("已保存");
			staffPage.fill("#pi-index", "300");
			staffPage.click("#price-index-form button[type=submit]");
			staffPage.waitForLoadState();
			assertThat(staffPage.textContent(".alert.error")).contains("50 到 200");
			screenshot(staffPage, "economy-plan-zh");
			staffPage.navigate(url(summaryPath));
			assertThat(staffPage.textContent("#indicator-table tr[data-code=output]")).contains("增长 30.0%")
				.contains("滞后")
				.contains("-6.55");
			staffPage.navigate(url("/economy/candidates"));
			assertThat(staffPage.textContent("h1")).contains("入规培育");
			staffPage.navigate(url("/economy/import?month=" + month));
			assertThat(staffPage.textContent("section")).contains("统一社会信用代码");

			staffPage.navigate(url(summaryPath + "&lang=en"));
			assertThat(staffPage.textContent("h1")).contains("Economic monitoring");
			assertThat(staffPage.textContent("#indicator-table thead")).contains("Year to date");
			screenshot(staffPage, "economy-summary-en");
			staffPage.navigate(url("/economy?lang=zh-CN"));
		}
	}

}
