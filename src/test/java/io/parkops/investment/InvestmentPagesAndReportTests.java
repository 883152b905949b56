package io.parkops.investment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ToDoSource;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.investment.InvestmentFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The investment pages as a user sees them (Chinese and English), a stale save keeping
 * what was typed, the report sections, the cockpit tiles, the to-dos and the demo zone.
 */
@ParkOpsTest
class InvestmentPagesAndReportTests {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<CockpitTileSource> tileSources;

	@Autowired
	List<ToDoSource> toDoSources;

	InvestmentFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new InvestmentFixture(this.mvc);
	}

	private Cookie signIn(String username) throws Exception {
		return this.f.signIn(username);
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void staffPagesShowThePipelineAndProjects() throws Exception {
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("ip-"), List.of("INVESTMENT_STAFF"),
				List.of(this.f.zone), null);
		Cookie session = signIn(user);
		long lead = this.f.createLead("页面测试电池项目", 30000);
		long project = this.f.createProject("页面测试扩建项目", "SIGNED", "2024-02-01", 50000, this.f.ent1);
		this.f.step(project, "STARTED", "2024-03-01");
		this.f.postUri(this.f.staff,
				"/api/v1/projects/" + project + "/buildings/"
						+ org.springframework.web.util.UriUtils.encodePathSegment("1#厂房",
								java.nio.charset.StandardCharsets.UTF_8)
						+ "/progress",
				Map.of("on", "2024-06-01", "phase", "STRUCTURE", "floorsDone", 2, "floorsTotal", 5));
		assertThat(page(session, "/investment/leads")).contains("页面测试电池项目").contains("招商线索");
		assertThat(page(session, "/investment/leads/" + lead)).contains("预审联审").contains("符合园区主导产业");
		assertThat(page(session, "/investment/activities")).contains("外出招商考察");
		assertThat(page(session, "/investment/projects")).contains("页面测试扩建项目").contains("招商测试一号有限公司");
		assertThat(page(session, "/investment/projects/" + project)).contains("1#厂房正在进行三层主体施工").contains("工期倒排");
		assertThat(page(session, "/investment")).contains("招商项目看板");
		assertThat(page(session, "/investment/problems")).contains("问题协调");
		assertThat(page(session, "/investment/projects?lang=en")).contains("Projects");
		// a lead entered through the form
		this.mvc
			.perform(post("/investment/leads").cookie(session)
				.with(csrf())
				.param("name", "表单登记的线索")
				.param("investor", "某集团")
				.param("source", "AGENT")
				.param("responsible", "张招商"))
			.andExpect(status().is3xxRedirection());
		assertThat(page(session, "/investment/leads?q=表单登记")).contains("表单登记的线索");
		// a bad one is refused with the field named
		MvcResult refused = this.mvc
			.perform(
					post("/investment/leads").cookie(session).with(csrf()).param("name", "x").param("source", "FRIEND"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(refused.getFlashMap().get("problemTexts").toString()).contains("来源").contains("投资方");
		// the lead moves a stage through its page
		this.mvc
			.perform(post("/investment/leads/" + lead + "/stage").cookie(session)
				.with(csrf())
				.param("stage", "CONTACTED")
				.param("on", LocalDate.now(CHINA).toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(session, "/investment/leads/" + lead)).contains("lead-to-VISITED");
		// exports
		this.mvc.perform(get("/investment/projects/export").cookie(session))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Disposition", org.hamcrest.Matchers.containsString("projects.xlsx")));
		byte[] docx = this.mvc.perform(get("/investment/dispatch.docx").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(docx.length).isGreaterThan(1000);
		assertThat(new String(docx, 0, 2)).isEqualTo("PK");
	}

	@Test
	void aStaleLeadershipSaveKeepsWhatWasTyped() throws Exception {
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("ip-"), List.of("INVESTMENT_STAFF"),
				List.of(this.f.zone), null);
		Cookie session = signIn(user);
		long project = this.f.createProject("专班项目", "SIGNED", "2024-02-01", 50000, null);
		this.f.put(this.f.staff, "/api/v1/projects/" + project + "/leadership", Map.of("leader", "刘主任", "version", 0))
			.andExpect(status().isOk());
		this.f.put(this.f.staff, "/api/v1/projects/" + project + "/leadership", Map.of("leader", "周主任", "version", 0))
			.andExpect(status().isConflict());
		String html = this.mvc
			.perform(post("/investment/projects/" + project + "/leadership").cookie(session)
				.with(csrf())
				.param("leader", "我输入的领导")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("我输入的领导");
	}

	@Test
	void reportSectionsTilesAndToDosFollowTheData() throws Exception {
		String z = this.f.zone;
		this.f
			.put(this.f.staff, "/api/v1/zones/" + z + "/investment-targets/2024",
					Map.of("signed_100m", Map.of("count", 4), "started_100m", Map.of("count", 10)))
			.andExpect(status().isOk());
		long a = this.f.createProject("甲新材料项目", "SIGNED", "2024-01-15", 60000, this.f.ent1);
		this.f.createProject("乙智能装备项目", "SIGNED", "2024-03-15", 20000, null);
		this.f.step(a, "STARTED", "2024-04-01");
		this.f.postUri(this.f.staff,
				"/api/v1/projects/" + a + "/buildings/"
						+ org.springframework.web.util.UriUtils.encodePathSegment("1#厂房",
								java.nio.charset.StandardCharsets.UTF_8)
						+ "/progress",
				Map.of("on", "2024-05-10", "phase", "STRUCTURE", "floorsDone", 2, "floorsTotal", 4));
		this.f.post(this.f.staff, "/api/v1/investment/trips",
				Map.of("zoneCode", z, "date", "2024-03-02", "destination", "深圳"));
		Number id = TestApi.read(this.f
			.post(this.f.leader, "/api/v1/reports",
					Map.of("zoneCode", z, "kind", "MONTHS", "year", 2024, "month", 5, "asOf", "2024-05-31"))
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
		String report = this.mvc.perform(TestApi.bearer(this.f.leader, get("/api/v1/reports/" + id)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(report).contains("招商引资情况")
			.contains("1-5月份，Zone " + z + "新签约亿元以上项目2个，完成全年目标任务的50.00%")
			.contains("外出招商考察1批次")
			.contains("项目建设情况")
			.contains("新开工项目1个，其中亿元以上项目1个，完成全年目标任务的10.00%")
			.contains("甲新材料项目（总投资6.00亿元）：1#厂房正在进行三层主体施工（共四层）");
		this.mvc
			.perform(TestApi.bearer(this.f.leader, get("/api/v1/reports/" + id + "/figures/investment.signed.100m")))
			.andExpect(status().isOk())
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.text").value("2个"));
		// the cockpit's tiles: targets against time progress, lights, funds
		CockpitTileSource source = this.tileSources.stream()
			.filter((s) -> s.permission().startsWith("investment:"))
			.findFirst()
			.orElseThrow();
		this.f
			.put(this.f.staff, "/api/v1/zones/" + z + "/investment-targets/" + LocalDate.now(CHINA).getYear(),
					Map.of("signed_100m", Map.of("count", 4)))
			.andExpect(status().isOk());
		List<CockpitTile> tiles = source.tiles(z, LocalDate.now(CHINA), Locale.SIMPLIFIED_CHINESE);
		assertThat(tiles).extracting(CockpitTile::code).contains("investment.targets", "investment.funds");
		assertThat(tiles.get(0).figures().get(0).label()).isEqualTo("新签约亿元以上项目");
		assertThat(tiles.get(0).figures().get(0).markerPct()).isNotNull();
		// an overdue problem escalates to the leader's to-dos
		this.jdbc.sql("""
				INSERT INTO inv_problem (project_id, category, description, department, raised_on, deadline, status,
				  raised_by) VALUES (:p, 'LAND', '征收未完成', '自然资源局', DATE '2024-05-01', DATE '2024-05-20', 'OPEN', 't')
				""").param("p", a).update();
		CurrentUser leader = new CurrentUser(1, "leader-x", "领导", java.util.Set.of("LEADER"),
				java.util.Set.of("investment:review:override", "investment:problem:read"), false, java.util.Set.of(z),
				null, false);
		List<ToDoSource.ToDo> todos = this.toDoSources.stream()
			.flatMap((s) -> s.toDosFor(leader, z).stream())
			.filter((t) -> t.messageKey().equals("todo.investment.problems"))
			.toList();
		assertThat(todos).hasSize(1);
		assertThat(todos.get(0).count()).isEqualTo(1);
		assertThat(todos.get(0).oldestDue()).isEqualTo(LocalDate.of(2024, 5, 20));
		assertThat(id(this.f.get(this.f.staff, "/api/v1/projects/" + a).andReturn(), "$.openProblems")).isEqualTo(1);
	}

	@Test
	void demoZoneHasAPipelineInEveryStage() {
		long leads = this.jdbc.sql("SELECT count(*) FROM inv_lead WHERE zone_code = 'yunxi'")
			.query(Long.class)
			.single();
		assertThat(leads).isBetween(55L, 65L);
		List<String> stages = this.jdbc.sql("SELECT DISTINCT stage FROM inv_project WHERE zone_code = 'yunxi'")
			.query(String.class)
			.list();
		assertThat(stages).contains("PLANNED", "SIGNED", "PREPARING", "STARTED", "COMPLETED", "IN_PRODUCTION",
				"AT_CAPACITY", "STALLED", "CANCELLED");
		List<String> phases = this.jdbc
			.sql("SELECT DISTINCT b.phase FROM inv_building_progress b JOIN inv_project p ON p.id = b.project_id"
					+ " WHERE p.zone_code = 'yunxi'")
			.query(String.class)
			.list();
		assertThat(phases).hasSize(7);
		List<String> statuses = this.jdbc
			.sql("SELECT DISTINCT q.status FROM inv_problem q JOIN inv_project p ON p.id = q.project_id"
					+ " WHERE p.zone_code = 'yunxi'")
			.query(String.class)
			.list();
		assertThat(statuses).contains("OPEN", "CLOSED");
	}

}
