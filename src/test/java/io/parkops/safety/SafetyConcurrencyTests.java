package io.parkops.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParallelWriters;
import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.withJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 8 §4 for safety: 20 writers at once per kind of record. Versioned records (治理方案,
 * duty roster) let exactly one writer of a version win; appending writes (hazard and
 * complaint steps, notice numbers) are serialised per record, so no step is lost or
 * doubled, numbers are unique and gap-free, and what is stored equals an answer.
 */
@ParkOpsTest
class SafetyConcurrencyTests {

	static final int WRITERS = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	SafetyFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new SafetyFixture(this.mvc);
	}

	@Test
	void planFirstWriteAndChangesHaveOneWinnerEach() throws Exception {
		long id = this.f.createHazard(this.f.ent1, "MAJOR", "2024-03-01", "2024-06-30");
		String path = "/api/v1/safety/hazards/" + id + "/plan";
		List<MvcResult> created = ParallelWriters.run(WRITERS,
				(i) -> this.mvc.perform(bearer(this.f.staff, withJson(put(path), plan("目标" + i, null)))));
		assertOneWinner(created);
		MvcResult first = ParallelWriters.withStatus(created, 200).get(0);
		assertThat((Integer) TestApi.read(first, "$.version")).isZero();
		List<MvcResult> changed = ParallelWriters.run(WRITERS,
				(i) -> this.mvc.perform(bearer(this.f.staff, withJson(put(path), plan("改后目标" + i, 0L)))));
		assertOneWinner(changed);
		MvcResult winner = ParallelWriters.withStatus(changed, 200).get(0);
		assertThat((Integer) TestApi.read(winner, "$.version")).isEqualTo(1);
		MvcResult stored = this.mvc.perform(bearer(this.f.staff, get(path))).andReturn();
		assertThat((String) TestApi.read(stored, "$.target")).isEqualTo(TestApi.read(winner, "$.target"));
		assertThat((Integer) TestApi.read(stored, "$.version")).isEqualTo(1);
		// the history holds exactly the two winning writes, the audit trail too
		assertThat(this.jdbc.queryForList(
				"SELECT note FROM safety_hazard_step WHERE hazard_id = ? AND action = 'PLAN'" + " ORDER BY id",
				String.class, id))
			.containsExactly(TestApi.read(first, "$.target"), TestApi.read(winner, "$.target"));
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM audit_record WHERE entity = 'safety_hazard'"
						+ " AND entity_id = ? AND action IN ('CREATE_PLAN', 'UPDATE_PLAN')",
				Long.class, Long.toString(id)))
			.isEqualTo(2);
	}

	@Test
	void dutyDayHasOneWinnerPerVersion() throws Exception {
		String path = "/api/v1/safety/duty/" + this.f.zone + "/2024-05-01";
		List<MvcResult> created = ParallelWriters.run(WRITERS,
				(i) -> this.mvc.perform(bearer(this.f.staff, withJson(put(path), duty("领导" + i, null)))));
		assertOneWinner(created);
		List<MvcResult> changed = ParallelWriters.run(WRITERS,
				(i) -> this.mvc.perform(bearer(this.f.staff, withJson(put(path), duty("换班" + i, 0L)))));
		assertOneWinner(changed);
		MvcResult winner = ParallelWriters.withStatus(changed, 200).get(0);
		MvcResult stored = this.mvc
			.perform(bearer(this.f.staff, get("/api/v1/safety/duty?zone=" + this.f.zone + "&month=2024-05")))
			.andReturn();
		assertThat((List<String>) TestApi.read(stored, "$[*].leader"))
			.containsExactly((String) TestApi.read(winner, "$.leader"));
		assertThat((List<Integer>) TestApi.read(stored, "$[*].version")).containsExactly(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM audit_record WHERE entity = 'safety_duty'" + " AND entity_id = ?", Long.class,
				this.f.zone + "/2024-05-01"))
			.isEqualTo(2);
	}

	@Test
	void hazardStepsAreNeitherLostNorDoubled() throws Exception {
		long id = this.f.createHazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		List<MvcResult> rectified = ParallelWriters.run(WRITERS,
				(i) -> this.f.post(this.f.staff, "/api/v1/safety/hazards/" + id + "/rectification",
						Map.of("rectifiedOn", "2024-03-10", "measures", "措施" + i)));
		assertOneWinner(rectified);
		MvcResult rectifiedWinner = ParallelWriters.withStatus(rectified, 200).get(0);
		List<MvcResult> reviewed = ParallelWriters.run(WRITERS,
				(i) -> this.f.post(this.f.staff, "/api/v1/safety/hazards/" + id + "/acceptance",
						Map.of("passed", i % 2 == 0, "reviewedOn", "2024-03-12", "opinion", "意见" + i)));
		assertOneWinner(reviewed);
		MvcResult reviewWinner = ParallelWriters.withStatus(reviewed, 200).get(0);
		MvcResult stored = this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + id))).andReturn();
		assertThat((String) TestApi.read(stored, "$.status")).isEqualTo(TestApi.read(reviewWinner, "$.status"));
		assertThat((String) TestApi.read(stored, "$.measures")).isEqualTo(TestApi.read(rectifiedWinner, "$.measures"));
		assertThat((Integer) TestApi.read(stored, "$.version")).isEqualTo(TestApi.read(reviewWinner, "$.version"));
		List<String> steps = TestApi.read(
				this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + id + "/steps"))).andReturn(),
				"$[*].action");
		String review = "ACCEPTED".equals(TestApi.read(reviewWinner, "$.status")) ? "ACCEPTED" : "REJECTED";
		assertThat(steps).containsExactly("FOUND", "RECTIFIED", review);
	}

	@Test
	void complaintStepsHaveOneWinnerEach() throws Exception {
		Number id = TestApi.read(
				this.f
					.post(this.f.staff, "/api/v1/safety/complaints",
							Map.of("zoneCode", this.f.zone, "receivedOn", "2024-07-01", "source", "12345政务服务热线",
									"content", "噪声"))
					.andReturn(),
				"$.id");
		String base = "/api/v1/safety/complaints/" + id;
		List<MvcResult> handled = ParallelWriters.run(WRITERS,
				(i) -> this.f.post(this.f.staff, base + "/handling", Map.of("on", "2024-07-02", "text", "办理" + i)));
		assertOneWinner(handled);
		List<MvcResult> closed = ParallelWriters.run(WRITERS, (i) -> this.f.post(this.f.staff, base + "/closure",
				Map.of("closedOn", "2024-07-05", "reply", "答复" + i)));
		assertOneWinner(closed);
		MvcResult winner = ParallelWriters.withStatus(closed, 200).get(0);
		MvcResult stored = this.mvc.perform(bearer(this.f.staff, get(base))).andReturn();
		assertThat((String) TestApi.read(stored, "$.reply")).isEqualTo(TestApi.read(winner, "$.reply"));
		assertThat((String) TestApi.read(stored, "$.status")).isEqualTo("CLOSED");
		assertThat(this.jdbc.queryForList(
				"SELECT action FROM audit_record WHERE entity = 'safety_complaint'" + " AND entity_id = ? ORDER BY seq",
				String.class, id.toString()))
			.hasSize(3);
	}

	@Test
	void noticeNumbersAreUniqueAndGapFree() throws Exception {
		long hazard = this.f.createHazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		List<MvcResult> issued = ParallelWriters.run(WRITERS,
				(i) -> this.f.post(this.f.staff, "/api/v1/safety/notices",
						Map.of("enterpriseCreditCode", this.f.ent1, "hazardIds", List.of(hazard), "kind",
								"RECTIFICATION", "issuedOn", "2024-03-02", "deadline", "2024-03-20")));
		assertThat(ParallelWriters.withStatus(issued, 201)).hasSize(WRITERS);
		List<Integer> answered = new ArrayList<>();
		for (MvcResult r : issued) {
			answered.add(TestApi.read(r, "$.seq"));
			assertThat((Integer) TestApi.read(r, "$.version")).isZero();
		}
		List<Integer> expected = new ArrayList<>();
		for (int i = 1; i <= WRITERS; i++) {
			expected.add(i);
		}
		assertThat(answered).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(this.jdbc.queryForList("SELECT seq FROM safety_notice WHERE zone_code = ? ORDER BY seq",
				Integer.class, this.f.zone))
			.containsExactlyElementsOf(expected);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM safety_hazard_step WHERE hazard_id = ? AND action = 'NOTICE'", Long.class,
				hazard))
			.isEqualTo(WRITERS);
	}

	@Test
	void patrolsAndPenaltiesAnswerTheirVersion() throws Exception {
		MvcResult patrol = this.f
			.post(this.f.staff, "/api/v1/safety/patrols", Map.of("zoneCode", this.f.zone, "patrolOn", "2024-07-01",
					"route", "东区", "patrollers", "张三", "findings", "未见异常"))
			.andExpect(status().isCreated())
			.andReturn();
		assertThat((Integer) TestApi.read(patrol, "$.version")).isZero();
		// a patrol without a complaint is linked to none (not to complaint 0)
		assertThat((Object) TestApi.read(patrol, "$.complaintId")).isNull();
		MvcResult penalty = this.f
			.post(this.f.staff, "/api/v1/safety/penalties", Map.of("enterpriseCreditCode", this.f.ent1, "decidedOn",
					"2024-07-01", "amount", 1.5, "reason", "消防通道堵塞"))
			.andExpect(status().isCreated())
			.andReturn();
		assertThat((Integer) TestApi.read(penalty, "$.version")).isZero();
	}

	@Test
	void stalePlanAndDutyFormsKeepTheTypedValues() throws Exception {
		long id = this.f.createHazard(this.f.ent1, "MAJOR", "2024-03-01", "2024-06-30");
		this.mvc
			.perform(bearer(this.f.staff, withJson(put("/api/v1/safety/hazards/" + id + "/plan"), plan("第一版目标", null))))
			.andExpect(status().isOk());
		this.mvc
			.perform(bearer(this.f.staff, withJson(put("/api/v1/safety/hazards/" + id + "/plan"), plan("别人改的目标", 0L))))
			.andExpect(status().isOk());
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("sc-"), List.of("SAFETY_STAFF"),
				List.of(this.f.zone), null);
		Cookie session = this.mvc
			.perform(post("/login").param("username", user).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc
			.perform(post("/zone-switch").cookie(session).param("zone", this.f.zone).param("back", "/").with(csrf()));
		String plan = this.mvc
			.perform(post("/safety/hazards/" + id + "/plan").cookie(session)
				.with(csrf())
				.param("version", "0")
				.param("target", "我输入的治理目标")
				.param("measures", "我输入的措施")
				.param("deadline", "2024-06-01"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(plan).contains("他人已修改此记录").contains("我输入的治理目标").contains("我输入的措施");
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + id + "/plan")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.target")
				.value("别人改的目标"));

		this.mvc
			.perform(bearer(this.f.staff,
					withJson(put("/api/v1/safety/duty/" + this.f.zone + "/2024-05-02"), duty("原领导", null))))
			.andExpect(status().isOk());
		assertThat(this.mvc.perform(get("/safety/duty?month=2024-05&date=2024-05-02").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("原领导").contains("name=\"version\" value=\"0\"");
		this.mvc
			.perform(bearer(this.f.staff,
					withJson(put("/api/v1/safety/duty/" + this.f.zone + "/2024-05-02"), duty("抢先的领导", 0L))))
			.andExpect(status().isOk());
		String duty = this.mvc
			.perform(post("/safety/duty").cookie(session)
				.with(csrf())
				.param("version", "0")
				.param("date", "2024-05-02")
				.param("leader", "我输入的领导")
				.param("staff", "我输入的值班员")
				.param("phone", "0797-1234567"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(duty).contains("他人已修改此记录").contains("我输入的领导").contains("我输入的值班员");
	}

	private static void assertOneWinner(List<MvcResult> results) {
		assertThat(ParallelWriters.withStatus(results, 200)).hasSize(1);
		List<MvcResult> lost = ParallelWriters.withStatus(results, 409);
		assertThat(lost).hasSize(WRITERS - 1);
		assertThat(lost).allSatisfy((r) -> assertThat(r.getResponse().getContentType())
			.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
	}

	private static Map<String, Object> plan(String target, Long version) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("target", target);
		body.put("measures", "停用设施，委托整改");
		body.put("deadline", "2024-06-01");
		if (version != null) {
			body.put("version", version);
		}
		return body;
	}

	private static Map<String, Object> duty(String leader, Long version) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("leader", leader);
		body.put("staff", "值班员");
		body.put("phone", "0797-8888888");
		if (version != null) {
			body.put("version", version);
		}
		return body;
	}

}
