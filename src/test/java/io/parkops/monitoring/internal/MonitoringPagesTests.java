package io.parkops.monitoring.internal;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.parkops.ParkOpsTest;
import io.parkops.platform.excel.ExcelRows;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monitoring pages as safety staff, a leader and an enterprise user see them: the
 * point list with its filters and export, a point's page and chart data, the alarms with
 * the one-click hazard, the receiver's counts, the form registering a point, the to-dos
 * and reminders — each within the user's scope, with no points and with some.
 */
@ParkOpsTest
class MonitoringPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FactorNames factorNames;

	MonitoringFixture f;

	String staffUser;

	String leaderUser;

	String entUser;

	String mn1;

	String mn2;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new MonitoringFixture(this.mvc);
		this.staffUser = this.f.api.createUser(this.f.admin, unique("mps-"), List.of("SAFETY_STAFF"),
				List.of(this.f.zone), null);
		this.leaderUser = this.f.api.createUser(this.f.admin, unique("mpl-"), List.of("LEADER"), List.of(this.f.zone),
				null);
		this.entUser = this.f.api.createUser(this.f.admin, unique("mpe-"), List.of("ENTERPRISE"), List.of(),
				this.f.ent1);
	}

	private void twoPoints() throws Exception {
		this.mn1 = MonitoringFixture.mn();
		this.f
			.post(this.f.staff, "/api/v1/monitoring/points",
					MonitoringFixture.point(this.f.zone, this.f.ent1, this.mn1, null))
			.andExpect(status().isCreated());
		this.mn2 = MonitoringFixture.mn();
		Map<String, Object> air = MonitoringFixture.point(this.f.zone, this.f.ent2, this.mn2, null);
		air.put("kind", "AIR");
		air.put("name", "锅炉排气筒" + this.mn2.substring(2, 6));
		air.put("factors", List.of(Map.of("code", "a21026", "name", "二氧化硫", "unit", "mg/m³", "limit", 100)));
		this.f.post(this.f.staff, "/api/v1/monitoring/points", air).andExpect(status().isCreated());
		// an exceedance of COD (limit 50) on the first point, sent over the receiver
		LocalDateTime t = LocalDateTime.now(MonitoringReceiverTests.CHINA).withSecond(0).withNano(0).minusMinutes(5);
		MonitoringMatrixFixture.send("QN=" + MonitoringReceiverTests.qn() + ";ST=32;CN=2051;PW=123456;MN=" + this.mn1
				+ ";Flag=5;CP=&&DataTime=" + MonitoringReceiverTests.dataTime(t)
				+ ";w01018-Avg=99.5,w01018-Flag=N,w21003-Avg=1.25,w21003-Flag=N&&");
		MonitoringMatrixFixture.send("QN=" + MonitoringReceiverTests.qn() + ";ST=32;CN=2011;PW=123456;MN=" + this.mn1
				+ ";Flag=5;CP=&&DataTime=" + MonitoringReceiverTests.dataTime(t.plusMinutes(1))
				+ ";w01018-Rtd=88.25,w01018-Flag=N&&");
		for (int i = 0; i < 50 && alarmIds(this.mn1).isEmpty(); i++) {
			Thread.sleep(100);
		}
		assertThat(alarmIds(this.mn1)).hasSize(1);
	}

	private List<Integer> alarmIds(String mn) throws Exception {
		return JsonPath.read(this.f.get(this.f.staff, "/api/v1/monitoring/alarms?mn=" + mn)
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.items[*].id");
	}

	private Cookie staffSession(String username) throws Exception {
		Cookie session = this.f.api.session(username, STRONG_PASSWORD);
		this.mvc
			.perform(post("/zone-switch").cookie(session).param("zone", this.f.zone).param("back", "/").with(csrf()))
			.andExpect(status().is3xxRedirection());
		return session;
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<String> export(Cookie session, String path) throws Exception {
		byte[] xlsx = this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return ExcelRows.readAll(new ByteArrayInputStream(xlsx), 12)
			.stream()
			.map((r) -> String.join("|", r.cells()))
			.toList();
	}

	@Test
	void pagesRenderWithNoPointsAtAll() throws Exception {
		Cookie staff = staffSession(this.staffUser);
		assertThat(page(staff, "/monitoring/points")).contains("暂无监测点位").contains("新增监测点位");
		assertThat(page(staff, "/monitoring/alarms")).contains("暂无报警");
		assertThat(page(staff, "/monitoring/receiver")).contains("CRC 校验错误").contains("正在监听");
		assertThat(page(staff, "/monitoring/points/new")).contains("监测测试化工一号有限公司");
		Cookie enterprise = this.f.api.session(this.entUser, STRONG_PASSWORD);
		assertThat(page(enterprise, "/monitoring/points")).contains("暂无监测点位").doesNotContain("新增监测点位");
		assertThat(export(staff, "/monitoring/points/export")).isEmpty();
	}

	@Test
	void staffSeeThePointsTheirLatestValuesChartsAndAlarmsInTheirLanguage() throws Exception {
		twoPoints();
		Cookie staff = staffSession(this.staffUser);
		String list = page(staff, "/monitoring/points");
		assertThat(list).contains("总排口" + this.mn1.substring(2, 6))
			.contains("锅炉排气筒" + this.mn2.substring(2, 6))
			.contains("监测测试化工一号有限公司")
			.contains("废水")
			.contains("废气")
			.contains("在线")
			.contains("88.25 mg/L")
			.contains("限值 50 mg/L")
			.contains("超标")
			.doesNotContain(">" + this.f.ent1 + "<")
			.doesNotContain(">WATER<");
		assertThat(page(staff, "/monitoring/points?kind=AIR")).contains("锅炉排气筒").doesNotContain("总排口");
		assertThat(page(staff, "/monitoring/points?online=false")).contains("锅炉排气筒").doesNotContain("总排口");
		assertThat(page(staff, "/monitoring/points?online=true")).contains("总排口").doesNotContain("锅炉排气筒");
		assertThat(page(staff, "/monitoring/points?enterprise=" + this.f.ent2)).contains("锅炉排气筒").doesNotContain("总排口");
		assertThat(page(staff, "/monitoring/points?q=" + this.mn1)).contains("总排口").doesNotContain("锅炉排气筒");
		// English pages and exports name HJ 212's standard factors in English
		assertThat(page(staff, "/monitoring/points?lang=en")).contains("Monitoring points")
			.contains("Waste water")
			.contains("limit 50 mg/L")
			.contains("COD")
			.contains("Ammonia nitrogen")
			.contains("Sulphur dioxide")
			.doesNotContain("化学需氧量");
		assertThat(export(staff, "/monitoring/points/export?kind=WATER&lang=en").get(0)).contains("COD 88.25 mg/L")
			.doesNotContain("化学需氧量");
		assertThat(page(staff, "/monitoring/points/" + this.mn1 + "?lang=en")).contains("COD (mg/L)");
		assertThat(JsonPath.<String>read(
				page(staff, "/monitoring/points/" + this.mn1 + "/series.json?factor=w01018&interval=RAW&lang=en"),
				"$.name"))
			.isEqualTo("COD");
		assertThat(page(staff, "/monitoring/alarms?lang=en")).contains("COD").doesNotContain("化学需氧量");
		page(staff, "/monitoring/points?lang=zh-CN");
		this.mvc.perform(get("/monitoring/points?kind=SOUP").cookie(staff)).andExpect(status().isBadRequest());
		List<String> rows = export(staff, "/monitoring/points/export?kind=WATER");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).contains("总排口")
			.contains("监测测试化工一号有限公司")
			.contains("废水")
			.contains("化学需氧量 88.25 mg/L 实时值（限值 50）")
			// the logger sent NH3-N only as a minute value (2051): still a latest value
			.contains("氨氮 1.25 mg/L 分钟均值（限值 5）")
			.doesNotContain(this.f.ent1);

		String point = page(staff, "/monitoring/points/" + this.mn1);
		assertThat(point).contains("化学需氧量")
			.contains("50 mg/L")
			.contains("40 mg/L")
			.contains("正常")
			.contains("超标报警")
			.contains("series.json?factor=w01018&amp;interval=RAW")
			.contains("数据包接收情况");
		assertThat(page(staff, "/monitoring/points/" + this.mn1 + "?interval=HOUR")).contains("interval=HOUR");
		assertThat(page(staff, "/monitoring/points/" + this.mn1 + "?interval=DAY")).contains("interval=DAY");
		String raw = page(staff, "/monitoring/points/" + this.mn1 + "/series.json?factor=w01018&interval=RAW");
		assertThat(JsonPath.<Double>read(raw, "$.values[0][1]")).isEqualTo(88.25);
		assertThat(JsonPath.<Double>read(raw, "$.limit")).isEqualTo(50.0);
		assertThat(JsonPath.<String>read(raw, "$.unit")).isEqualTo("mg/L");
		String minute = page(staff, "/monitoring/points/" + this.mn1 + "/series.json?factor=w01018&interval=MINUTE");
		assertThat(JsonPath.<List<Object>>read(minute, "$.values")).isNotEmpty();
		page(staff, "/monitoring/points/" + this.mn1 + "/series.json?factor=w01018&interval=DAY");
		this.mvc.perform(get("/monitoring/points/" + this.mn1 + "/series.json?factor=zz&interval=RAW").cookie(staff))
			.andExpect(status().isBadRequest());

		String alarms = page(staff, "/monitoring/alarms");
		assertThat(alarms).contains("超标报警")
			.contains("化学需氧量")
			.contains("99.5 mg/L")
			.contains("/ 50 mg/L")
			.contains("报警中")
			.contains("转为隐患");
		assertThat(page(staff, "/monitoring/alarms?kind=OFFLINE")).contains("暂无报警");
		assertThat(page(staff, "/monitoring/alarms?enterprise=" + this.f.ent2)).contains("暂无报警");
		assertThat(page(staff, "/monitoring/alarms?mn=" + this.mn1 + "&status=OPEN&from=2026-01-01"))
			.contains("99.5 mg/L");
		List<String> alarmRows = export(staff, "/monitoring/alarms/export?kind=EXCEEDANCE");
		assertThat(alarmRows).hasSize(1);
		assertThat(alarmRows.get(0)).contains("超标报警").contains("化学需氧量").contains("99.5").contains("mg/L");
		assertThat(page(staff, "/monitoring/receiver")).contains("已入库");
	}

	@Test
	void aStandardFactorAndTheUnitWithoutDimensionAreNamedInTheReadersLanguage() {
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(this.factorNames.name("w01001", "pH值")).isEqualTo("pH");
			assertThat(this.factorNames.name("a34013", "烟尘")).isEqualTo("Particulate matter");
			assertThat(this.factorNames.name("x99999", "自定义因子")).isEqualTo("自定义因子");
			assertThat(this.factorNames.unit("无量纲")).isEqualTo("dimensionless");
			assertThat(this.factorNames.unit("mg/L")).isEqualTo("mg/L");
			LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
			// in Chinese a factor keeps the name entered for its point
			assertThat(this.factorNames.name("a34013", "烟尘")).isEqualTo("烟尘");
			assertThat(this.factorNames.unit("无量纲")).isEqualTo("无量纲");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void staffTurnAnAlarmIntoAHazardWithOneClickAndTheToDoCountsIt() throws Exception {
		twoPoints();
		long id = alarmIds(this.mn1).get(0);
		Cookie staff = staffSession(this.staffUser);
		assertThat(page(staff, "/")).contains("未转隐患的在线监测报警").contains("近24小时新报警 ");
		assertThat(page(staff, "/monitoring/alarms?unhandled=true")).contains("99.5 mg/L");
		Cookie leader = staffSession(this.leaderUser);
		assertThat(page(leader, "/monitoring/alarms/" + id)).contains("尚未转为隐患").doesNotContain("转为隐患</button>");
		this.mvc.perform(post("/monitoring/alarms/" + id + "/hazard").cookie(leader).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/monitoring/alarms/" + id + "/hazard").cookie(staff).with(csrf()))
			.andExpect(redirectedUrl("/monitoring/alarms/" + id));
		Number hazard = JsonPath.read(this.f.get(this.f.staff, "/api/v1/monitoring/alarms/" + id)
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.hazardId");
		assertThat(page(staff, "/monitoring/alarms/" + id)).contains("/safety/hazards/" + hazard)
			.doesNotContain("转为隐患</button>");
		assertThat(page(staff, "/monitoring/alarms")).contains("/safety/hazards/" + hazard);
		// the hazard links back to the alarm, on its page and in the API
		assertThat(page(staff, "/safety/hazards/" + hazard)).contains("href=\"/monitoring/alarms/" + id + "\"")
			.contains("查看来源记录");
		assertThat(JsonPath.<String>read(this.f.get(this.f.staff, "/api/v1/safety/hazards/" + hazard)
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.sourceLink")).isEqualTo("/monitoring/alarms/" + id);
		assertThat(page(staff, "/monitoring/alarms?unhandled=true")).contains("暂无报警");
		assertThat(page(staff, "/")).doesNotContain("未转隐患的在线监测报警");
		// a second click is refused with the reason, not an error page
		this.mvc.perform(post("/monitoring/alarms/" + id + "/hazard").cookie(staff).with(csrf()))
			.andExpect(redirectedUrl("/monitoring/alarms/" + id));
		assertThat(page(staff, "/monitoring/alarms/" + id)).contains("该报警已转为隐患");
	}

	@Test
	void anEnterpriseUserSeesOnlyItsOwnPointsAndAlarms() throws Exception {
		twoPoints();
		Cookie enterprise = this.f.api.session(this.entUser, STRONG_PASSWORD);
		assertThat(page(enterprise, "/monitoring/points")).contains("总排口").doesNotContain("锅炉排气筒");
		assertThat(page(enterprise, "/monitoring/points?enterprise=" + this.f.ent2)).contains("总排口")
			.doesNotContain("锅炉排气筒");
		assertThat(page(enterprise, "/monitoring/points/" + this.mn1)).contains("化学需氧量");
		this.mvc.perform(get("/monitoring/points/" + this.mn2).cookie(enterprise)).andExpect(status().isForbidden());
		this.mvc.perform(get("/monitoring/points/" + this.mn2 + "/series.json?factor=a21026").cookie(enterprise))
			.andExpect(status().isForbidden());
		String alarms = page(enterprise, "/monitoring/alarms");
		assertThat(alarms).contains("99.5 mg/L").doesNotContain("转为隐患</button>");
		long id = alarmIds(this.mn1).get(0);
		this.mvc.perform(post("/monitoring/alarms/" + id + "/hazard").cookie(enterprise).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/monitoring/receiver").cookie(enterprise)).andExpect(status().isForbidden());
		this.mvc.perform(get("/monitoring/points/new").cookie(enterprise)).andExpect(status().isForbidden());
		List<String> rows = export(enterprise, "/monitoring/points/export?enterprise=" + this.f.ent2);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).contains("总排口");
		assertThat(String.join("\n", export(enterprise, "/monitoring/alarms/export"))).contains("化学需氧量");
		assertThat(page(enterprise, "/")).contains("本企业未处置的在线监测报警");
		// another enterprise's user sees none of it
		String other = this.f.api.createUser(this.f.admin, unique("mpo-"), List.of("ENTERPRISE"), List.of(),
				this.f.ent2);
		Cookie otherSession = this.f.api.session(other, STRONG_PASSWORD);
		assertThat(page(otherSession, "/monitoring/alarms")).contains("暂无报警");
		this.mvc.perform(get("/monitoring/alarms/" + id).cookie(otherSession)).andExpect(status().isForbidden());
		assertThat(page(otherSession, "/")).doesNotContain("本企业未处置的在线监测报警");
	}

	/**
	 * Posts the point form of a rain outfall with the given MN and factor rows (code,
	 * name, unit, limit, warning each), answering the response.
	 */
	private org.springframework.test.web.servlet.ResultActions postPoint(Cookie session, String mn, String[]... rows)
			throws Exception {
		var request = post("/monitoring/points").cookie(session)
			.with(csrf())
			.param("enterpriseCreditCode", this.f.ent1)
			.param("mn", mn)
			.param("name", "雨水排口")
			.param("kind", "RAIN")
			.param("location", "南门")
			.param("password", "123456");
		String[] fields = { "factorCode", "factorName", "factorUnit", "factorLimit", "factorWarning" };
		for (int i = 0; i < fields.length; i++) {
			int column = i;
			request.param(fields[i], java.util.Arrays.stream(rows).map((r) -> r[column]).toArray(String[]::new));
		}
		return this.mvc.perform(request);
	}

	private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void staffRegisterAPointThroughTheFormCheckedLikeTheApi() throws Exception {
		Cookie staff = staffSession(this.staffUser);
		String[] empty = { "", "", "", "", "" };
		String bad = body(postPoint(staff, "MN-1", empty, new String[] { "w01018", "化学需氧量", "mg/L", "abc", "" }));
		assertThat(bad).contains("第 2 行因子").contains("取值格式不正确");
		String bad2 = body(postPoint(staff, "MN-1", empty, new String[] { "w01018", "化学需氧量", "mg/L", "40", "45" }));
		assertThat(bad2).contains("只能由字母和数字组成").contains("第 2 行因子：预警值不能高于排放限值").contains("雨水排口");
		String mn = MonitoringFixture.mn();
		postPoint(staff, mn, new String[] { "w01018", "化学需氧量", "mg/L", "40", "30" }, empty)
			.andExpect(redirectedUrl("/monitoring/points/" + mn));
		String point = page(staff, "/monitoring/points/" + mn);
		assertThat(point).contains("雨水排口").contains("雨水").contains("南门").contains("40 mg/L").contains("30 mg/L");
		String again = body(postPoint(staff, mn, new String[] { "w01018", "化学需氧量", "mg/L", "", "" }));
		assertThat(again).contains("已被其他点位使用");
		Cookie leader = staffSession(this.leaderUser);
		postPoint(leader, MonitoringFixture.mn(), empty).andExpect(status().isForbidden());
		assertThat(page(leader, "/monitoring/points")).doesNotContain("新增监测点位");
	}

}
