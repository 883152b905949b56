package io.parkops.monitoring.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Editing a point (name, kind, location, coordinates, factors with their limits, the
 * logger's password) through the API and the page, with its version, checks and audit;
 * the points map's data with each point's status.
 */
@ParkOpsTest
class MonitoringPointEditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PointDirectory directory;

	@Autowired
	AlarmStore alarms;

	@Autowired
	JdbcClient jdbc;

	MonitoringFixture f;

	String mn;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new MonitoringFixture(this.mvc);
		this.mn = MonitoringFixture.mn();
		Map<String, Object> body = MonitoringFixture.point(this.f.zone, this.f.ent1, this.mn, null);
		body.put("longitude", new BigDecimal("114.2951"));
		body.put("latitude", new BigDecimal("30.5702"));
		this.f.post(this.f.staff, "/api/v1/monitoring/points", body)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.longitude").value(114.2951))
			.andExpect(jsonPath("$.latitude").value(30.5702));
	}

	private Map<String, Object> change(String password) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "总排口（改）");
		body.put("kind", "WATER");
		body.put("location", "厂区南侧");
		if (password != null) {
			body.put("password", password);
		}
		body.put("longitude", new BigDecimal("114.301"));
		body.put("latitude", new BigDecimal("30.565"));
		body.put("factors",
				List.of(Map.of("code", "w01018", "name", "化学需氧量", "unit", "mg/L", "limit", 60, "warning", 45),
						Map.of("code", "w00000", "name", "废水流量", "unit", "L/s")));
		return body;
	}

	private ResultActions put(String token, String path, String ifMatch, Object body) throws Exception {
		var request = TestApi.withJson(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path),
				body);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return this.mvc.perform(TestApi.bearer(token, request));
	}

	@Test
	void staffChangeLimitsFactorsAndPasswordWithTheVersionTheyRead() throws Exception {
		String path = "/api/v1/monitoring/points/" + this.mn;
		this.f.get(this.f.staff, path).andExpect(status().isOk()).andExpect(header().string("ETag", "\"0\""));
		// no version → 400 naming it, nothing changed
		put(this.f.staff, path, null, change("new-pw1")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		String answer = put(this.f.staff, path, "\"0\"", change("new-pw1")).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.name").value("总排口（改）"))
			.andExpect(jsonPath("$.factors.length()").value(2))
			.andExpect(jsonPath("$.factors[0].limit").value(60))
			.andExpect(jsonPath("$.factors[1].code").value("w00000"))
			.andExpect(jsonPath("$.longitude").value(114.301))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the password is never answered, and the receiver takes the new one
		assertThat(answer).doesNotContain("new-pw1").doesNotContain("password");
		PointDirectory.Point point = this.directory.byMn(this.mn);
		assertThat(point.passwordMatches("new-pw1")).isTrue();
		assertThat(point.passwordMatches("123456")).isFalse();
		assertThat(point.factors().get("w01018").limit()).isEqualByComparingTo("60");
		// audited, the password not written
		String audit = this.jdbc
			.sql("SELECT after_json FROM audit_record WHERE entity = 'monitoring_point' AND action = 'UPDATE' "
					+ "AND entity_id = :id ORDER BY seq DESC LIMIT 1")
			.param("id", Long.toString(point.id()))
			.query(String.class)
			.single();
		assertThat(audit).contains("\"passwordChanged\":true").contains("总排口（改）").doesNotContain("new-pw1");
		// a stale version → 409, nothing changed; without a password it stays
		put(this.f.staff, path, "\"0\"", change("other-pw")).andExpect(status().isConflict());
		put(this.f.staff, path + "?version=1", null, change(null)).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2));
		assertThat(this.directory.byMn(this.mn).passwordMatches("new-pw1")).isTrue();
		// the body's version is taken too
		Map<String, Object> withVersion = change(null);
		withVersion.put("version", 2);
		put(this.f.staff, path, null, withVersion).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(3));
	}

	@Test
	void badInputIsRefusedAndOnlyStaffOfTheZoneMayChange() throws Exception {
		String path = "/api/v1/monitoring/points/" + this.mn;
		Map<String, Object> far = change(null);
		far.put("longitude", new BigDecimal("181"));
		put(this.f.staff, path, "\"0\"", far).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("longitude"));
		Map<String, Object> half = change(null);
		half.remove("latitude");
		put(this.f.staff, path, "\"0\"", half).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("latitude"));
		Map<String, Object> fine = change(null);
		fine.put("latitude", new BigDecimal("30.1234567"));
		put(this.f.staff, path, "\"0\"", fine).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("latitude"));
		Map<String, Object> warning = change(null);
		warning.put("factors",
				List.of(Map.of("code", "w01018", "name", "COD", "unit", "mg/L", "limit", 50, "warning", 70)));
		put(this.f.staff, path, "\"0\"", warning).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("factors[0].warning"));
		Map<String, Object> longName = change(null);
		longName.put("name", "名".repeat(101));
		put(this.f.staff, path, "\"0\"", longName).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		put(this.f.staff, path, "\"0\"", change(";bad=")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		put(this.f.entUser1, path, "\"0\"", change(null)).andExpect(status().isForbidden());
		put(this.f.leader, path, "\"0\"", change(null)).andExpect(status().isForbidden());
		int other = put(this.f.otherStaff, path, "\"0\"", change(null)).andReturn().getResponse().getStatus();
		assertThat(other).isIn(403, 404);
		this.f.get(this.f.staff, path)
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.name").value(org.hamcrest.Matchers.startsWith("总排口")));
	}

	private Cookie staffSession() throws Exception {
		String user = this.f.api.createUser(this.f.admin, unique("mpe-"), List.of("SAFETY_STAFF"), List.of(this.f.zone),
				null);
		Cookie session = this.f.api.session(user, STRONG_PASSWORD);
		this.mvc
			.perform(post("/zone-switch").cookie(session).param("zone", this.f.zone).param("back", "/").with(csrf()))
			.andExpect(status().is3xxRedirection());
		return session;
	}

	@Test
	void theEditPageChangesThePointAndSaysWhenSomeoneElseWasFirst() throws Exception {
		Cookie staff = staffSession();
		String form = this.mvc.perform(get("/monitoring/points/" + this.mn + "/edit").cookie(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("编辑监测点位")
			.contains("114.2951")
			.contains("化学需氧量")
			.contains("留空则不修改")
			.doesNotContain("123456");
		this.mvc
			.perform(post("/monitoring/points/" + this.mn + "/edit").cookie(staff)
				.with(csrf())
				.param("version", "0")
				.param("name", "总排口网页改")
				.param("kind", "WATER")
				.param("longitude", "114.3")
				.param("latitude", "30.57")
				.param("password", "")
				.param("sm4Key", "30303030303030303030303030303030")
				.param("factorCode", "w01018", "w21003")
				.param("factorName", "化学需氧量", "氨氮")
				.param("factorUnit", "mg/L", "mg/L")
				.param("factorLimit", "80", "8")
				.param("factorWarning", "", ""))
			.andExpect(redirectedUrl("/monitoring/points/" + this.mn));
		PointDirectory.Point point = this.directory.byMn(this.mn);
		assertThat(point.name()).isEqualTo("总排口网页改");
		assertThat(point.factors().get("w01018").limit()).isEqualByComparingTo("80");
		assertThat(point.passwordMatches("123456")).isTrue();
		// the new SM4 key is in use (a rotation), its dates shown, never the key
		assertThat(point.keys()).hasSize(1);
		assertThat(this.mvc.perform(get("/monitoring/points/" + this.mn).cookie(staff))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("114.300000, 30.570000")
			.contains("编辑监测点位")
			.contains("SM4 密钥记录")
			.contains("使用中")
			.doesNotContain("30303030303030303030303030303030");
		// the same form again, with the version it read: someone else was first
		String stale = this.mvc
			.perform(post("/monitoring/points/" + this.mn + "/edit").cookie(staff)
				.with(csrf())
				.param("version", "0")
				.param("name", "总排口旧表单")
				.param("kind", "WATER")
				.param("factorCode", "w01018")
				.param("factorName", "化学需氧量")
				.param("factorUnit", "mg/L")
				.param("factorLimit", "90"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("总排口旧表单");
		assertThat(this.directory.byMn(this.mn).name()).isEqualTo("总排口网页改");
		// a wrong coordinate stays on the form with its message
		String bad = this.mvc
			.perform(post("/monitoring/points/" + this.mn + "/edit").cookie(staff)
				.with(csrf())
				.param("version", "1")
				.param("name", "总排口网页改")
				.param("kind", "WATER")
				.param("longitude", "114.3")
				.param("factorCode", "w01018")
				.param("factorName", "化学需氧量")
				.param("factorUnit", "mg/L"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(bad).contains("经度和纬度需同时填写");
	}

	@Test
	void theMapShowsThePlacedPointsByStatus() throws Exception {
		String other = MonitoringFixture.mn();
		this.f
			.post(this.f.staff, "/api/v1/monitoring/points",
					MonitoringFixture.point(this.f.zone, this.f.ent2, other, null))
			.andExpect(status().isCreated());
		Cookie staff = staffSession();
		String json = this.mvc.perform(get("/monitoring/map/data.json").cookie(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(json, "$.points[*].mn")).containsExactly(this.mn);
		assertThat(JsonPath.<String>read(json, "$.points[0].status")).isEqualTo("OFFLINE");
		assertThat(JsonPath.<Integer>read(json, "$.unplaced")).isEqualTo(1);
		assertThat(JsonPath.<String>read(json, "$.labels.EXCEEDING")).isEqualTo("超标");
		// an open exceedance colours it red
		PointDirectory.Point point = this.directory.byMn(this.mn);
		this.alarms.open(point.zoneCode(), point.creditCode(), point.id(), "w01018", "EXCEEDANCE", Instant.now(),
				new BigDecimal("99"), new BigDecimal("50"), "N");
		json = this.mvc.perform(get("/monitoring/map/data.json").cookie(staff))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<String>read(json, "$.points[0].status")).isEqualTo("EXCEEDING");
		this.f.get(this.f.staff, "/api/v1/monitoring/points/" + this.mn)
			.andExpect(jsonPath("$.status").value("EXCEEDING"));
		assertThat(this.mvc.perform(get("/monitoring/map").cookie(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("monitoring-map").contains("监测点位地图");
		// an enterprise user sees its own points only
		Cookie enterprise = this.f.api.session(
				this.f.api.createUser(this.f.admin, unique("mpm-"), List.of("ENTERPRISE"), List.of(), this.f.ent2),
				STRONG_PASSWORD);
		json = this.mvc.perform(get("/monitoring/map/data.json").cookie(enterprise))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(json, "$.points")).isEmpty();
		assertThat(JsonPath.<Integer>read(json, "$.unplaced")).isEqualTo(1);
	}

}
