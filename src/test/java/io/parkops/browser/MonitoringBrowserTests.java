package io.parkops.browser;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.parkops.TestApi;
import io.parkops.monitoring.internal.MonitoringMatrixFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Online monitoring in the browser: two points whose loggers sent real-time, hourly and
 * daily values over the receiver, one with an exceedance; safety staff open the point
 * list, the point's charts at each interval, the alarms, turn the exceedance into a
 * hazard with one click, and look at the receiver's counts. Screenshots at 1366×768 in
 * target/screenshots (monitoring-*.png). Skipped, with a message, without Chromium.
 */
class MonitoringBrowserTests extends BrowserTestSupport {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Test
	void staffReadThePointsChartsAndAlarmsAndTurnAnExceedanceIntoAHazard() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String zone = api.createZone(admin, TestApi.unique("mb-"), "east");
		String chem = creditCode();
		String boiler = creditCode();
		api.postJson(admin, "/api/v1/enterprises", Map.of("creditCode", chem, "name", "浏览器监测化工有限公司", "zoneCode", zone,
				"areaCode", "east", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
		api.postJson(admin, "/api/v1/enterprises", Map.of("creditCode", boiler, "name", "浏览器监测热电有限公司", "zoneCode", zone,
				"areaCode", "east", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
		String staff = api.createUser(admin, TestApi.unique("mbs-"), List.of("SAFETY_STAFF"), List.of(zone), null);
		String token = api.token(staff, TestApi.STRONG_PASSWORD);
		String water = mn();
		String air = mn();
		api.postJson(token, "/api/v1/monitoring/points",
				Map.of("zoneCode", zone, "enterpriseCreditCode", chem, "mn", water, "name", "污水总排口", "kind", "WATER",
						"location", "厂区东侧", "password", "123456", "factors",
						List.of(Map.of("code", "w01018", "name", "化学需氧量", "unit", "mg/L", "limit", 50, "warning", 40),
								Map.of("code", "w21003", "name", "氨氮", "unit", "mg/L", "limit", 5))))
			.andExpect(status().isCreated());
		api.postJson(token, "/api/v1/monitoring/points",
				Map.of("zoneCode", zone, "enterpriseCreditCode", boiler, "mn", air, "name", "1号锅炉排气筒", "kind", "AIR",
						"password", "123456", "factors",
						List.of(Map.of("code", "a21026", "name", "二氧化硫", "unit", "mg/m³", "limit", 35),
								Map.of("code", "a21002", "name", "氮氧化物", "unit", "mg/m³", "limit", 50))))
			.andExpect(status().isCreated());
		LocalDateTime now = LocalDateTime.now(CHINA).withSecond(0).withNano(0);
		// first (as a logger sends them) hourly averages over the last three days and
		// daily ones
		// over the last 40 days
		for (int h = 72; h >= 1; h--) {
			MonitoringMatrixFixture.sendData(water, "2061", now.withMinute(0).minusHours(h),
					"w01018-Avg=" + wave(31, 5, h) + ",w01018-Min=20,w01018-Max=45,w01018-Flag=N;w21003-Avg="
							+ wave(2, 0.6, h) + ",w21003-Flag=N");
		}
		for (int d = 40; d >= 1; d--) {
			MonitoringMatrixFixture.sendData(water, "2031", now.toLocalDate().minusDays(d).atStartOfDay(),
					"w01018-Avg=" + wave(30, 4, d) + ",w01018-Flag=N;w21003-Avg=" + wave(2, 0.5, d) + ",w21003-Flag=N");
		}
		// real time every 10 minutes over the last 8 hours, COD above its limit for half
		// an hour
		for (int i = 48; i >= 1; i--) {
			LocalDateTime t = now.minusMinutes(10L * i);
			String cod = (i >= 20 && i <= 22) ? "58.6" : wave(32, 6, i);
			MonitoringMatrixFixture.sendData(water, "2011", t,
					"w01018-Rtd=" + cod + ",w01018-Flag=N;w21003-Rtd=" + wave(2, 0.8, i) + ",w21003-Flag=N");
			if (i >= 20 && i <= 22) {
				MonitoringMatrixFixture.sendData(water, "2051", t,
						"w01018-Avg=" + cod + ",w01018-Min=" + cod + ",w01018-Max=" + cod + ",w01018-Flag=N");
			}
			MonitoringMatrixFixture.sendData(air, "2011", t,
					"a21026-Rtd=" + wave(18, 4, i) + ",a21026-Flag=N;a21002-Rtd=" + wave(30, 6, i) + ",a21002-Flag=N");
		}
		for (int i = 0; i < 50; i++) {
			String alarms = this.mvc
				.perform(TestApi.bearer(token,
						org.springframework.test.web.servlet.request.MockMvcRequestBuilders
							.get("/api/v1/monitoring/alarms?mn=" + water)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (alarms.contains("EXCEEDANCE")) {
				break;
			}
			Thread.sleep(200);
		}

		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signIn(context, staff, TestApi.STRONG_PASSWORD);
			page.navigate(url("/monitoring/points"));
			String list = page.textContent("#point-list");
			assertThat(list).contains("污水总排口")
				.contains("浏览器监测化工有限公司")
				.contains("废水")
				.contains("废气")
				.contains("在线")
				.contains("mg/m³")
				.doesNotContain(chem);
			screenshot(page, "monitoring-points");

			page.click("a:has-text('污水总排口')");
			page.waitForSelector(".monitoring-chart canvas");
			page.waitForTimeout(500);
			assertThat(page.textContent("#factor-list")).contains("化学需氧量").contains("50 mg/L").contains("正常");
			assertThat(page.textContent("#point-alarms")).contains("超标报警");
			screenshot(page, "monitoring-point-realtime");
			page.click(".tabs a:has-text('小时均值')");
			page.waitForSelector(".monitoring-chart canvas");
			page.waitForTimeout(500);
			screenshot(page, "monitoring-point-hourly");
			page.click(".tabs a:has-text('日均值')");
			page.waitForSelector(".monitoring-chart canvas");
			page.waitForTimeout(500);
			screenshot(page, "monitoring-point-daily");

			page.navigate(url("/monitoring/alarms"));
			assertThat(page.textContent("#alarm-list")).contains("超标报警").contains("58.6 mg/L").contains("/ 50 mg/L");
			screenshot(page, "monitoring-alarms");
			page.click("#alarm-list button:has-text('转为隐患')");
			page.waitForLoadState();
			assertThat(page.textContent(".alert.ok")).contains("已转为环保隐患");
			assertThat(page.getAttribute("#hazard-link", "href")).startsWith("/safety/hazards/");
			screenshot(page, "monitoring-alarm");
			String alarmPath = page.url().substring(page.url().indexOf("/monitoring/alarms/"));
			page.click("#hazard-link");
			page.waitForLoadState();
			assertThat(page.getAttribute("#hazard-source", "href")).isEqualTo(alarmPath);
			assertThat(page.locator("a[href^='/safety/inspections/']").count()).isZero();
			screenshot(page, "monitoring-hazard-from-alarm");

			page.navigate(url("/monitoring/receiver"));
			assertThat(page.textContent("#receiver-refused")).contains("CRC 校验错误");
			screenshot(page, "monitoring-receiver");

			page.navigate(url("/monitoring/points?lang=en"));
			assertThat(page.textContent("#point-list")).contains("Waste water").contains("Online");
			screenshot(page, "monitoring-points-en");
			page.navigate(url("/monitoring/points?lang=zh-CN"));
		}
	}

	/**
	 * The demo zone's points map and a point's edit form at 1366×768 in zh-CN and
	 * English: every demo point drawn (a canvas), no message key, no code; screenshots.
	 */
	@Test
	void theDemoZonesPointsMapAndEditFormReadInBothLanguages() throws Exception {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768))) {
			Page page = signInToDemo(context, "SAFETY_STAFF");
			// the demo's second point (its COD exceeds every 6 hours)
			String point = "/monitoring/points/YXDEMO000000000000000002";
			lookAt(page, List.of("/monitoring/map", point + "/edit", point), "monitoring-look", (path) -> {
				if (path.equals("/monitoring/map")) {
					page.waitForSelector("#monitoring-map canvas");
					page.waitForTimeout(500);
					assertThat(page.isHidden("#monitoring-map-empty")).isTrue();
				}
			});
		}
	}

	static String wave(double base, double amplitude, int i) {
		return BigDecimal.valueOf(base + amplitude * Math.sin(i / 3.0))
			.setScale(2, RoundingMode.HALF_UP)
			.toPlainString();
	}

	static String mn() {
		return TestApi.unique("MN").toUpperCase().replaceAll("[^0-9A-Z]", "0") + "0000000000000";
	}

}
