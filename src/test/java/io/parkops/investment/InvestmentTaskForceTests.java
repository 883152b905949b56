package io.parkops.investment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParallelWriters;
import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 一套专班: the task force member by member through the API and the project page (phones
 * encrypted at rest, versions, one 专班长, maxima, scope), the old text carried over by the
 * migration, and the 专班长 on the 调度 list and in the Excel exports.
 */
@ParkOpsTest
class InvestmentTaskForceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	InvestmentFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new InvestmentFixture(this.mvc);
	}

	private static Map<String, Object> member(String name, String department, String role, String phone) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("department", department);
		body.put("role", role);
		if (phone != null) {
			body.put("phone", phone);
		}
		return body;
	}

	private long add(long project, Map<String, Object> body) throws Exception {
		return InvestmentFixture.id(this.f.post(this.f.staff, "/api/v1/projects/" + project + "/task-force", body)
			.andExpect(status().isCreated())
			.andReturn(), "$.id");
	}

	@Test
	void membersAreAddedCorrectedAndRemovedWithTheirVersions() throws Exception {
		long project = this.f.createProject("专班测试项目", "SIGNED", "2024-02-01", 50000, this.f.ent1);
		long head = add(project, member("王建国", "招商局", "LEAD", "138 0013-8000"));
		long other = add(project, member("李晓红", "自然资源局", "MEMBER", null));
		// read with the project, the 专班长 first; staff see the phone in full
		this.f.get(this.f.staff, "/api/v1/projects/" + project)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.taskForce.length()").value(2))
			.andExpect(jsonPath("$.taskForce[0].id").value(head))
			.andExpect(jsonPath("$.taskForce[0].role").value("LEAD"))
			.andExpect(jsonPath("$.taskForce[0].department").value("招商局"))
			.andExpect(jsonPath("$.taskForce[0].phone").value("13800138000"))
			.andExpect(jsonPath("$.taskForce[0].version").value(0))
			.andExpect(jsonPath("$.taskForce[1].name").value("李晓红"))
			.andExpect(jsonPath("$.taskForce[1].phone").doesNotExist());
		// the enterprise sees its own project's task force, the phone masked
		this.f.get(this.f.entUser1, "/api/v1/projects/" + project + "/task-force")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].phone").value("138****8000"));
		// encrypted at rest: the stored bytes hold no digits of the number
		byte[] stored = this.jdbc.sql("SELECT phone_cipher FROM inv_task_force_member WHERE id = :id")
			.param("id", head)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("13800138000")
			.doesNotContain("8000");
		assertThat(stored.length).isGreaterThan(11 + 12 + 16 - 1);
		// a second 专班长 → 409, nothing added
		this.f.post(this.f.staff, "/api/v1/projects/" + project + "/task-force", member("周海涛", "经济发展局", "LEAD", null))
			.andExpect(status().isConflict());
		Map<String, Object> promote = member("李晓红", "自然资源局", "LEAD", null);
		promote.put("version", 0);
		this.f.put(this.f.staff, "/api/v1/projects/task-force/" + other, promote).andExpect(status().isConflict());
		// corrected with its version; no phone keeps the stored one
		Map<String, Object> edit = member("王建国", "招商服务中心", "LEAD", null);
		edit.put("version", 0);
		this.f.put(this.f.staff, "/api/v1/projects/task-force/" + head, edit)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.department").value("招商服务中心"))
			.andExpect(jsonPath("$.phone").value("13800138000"))
			.andExpect(jsonPath("$.version").value(1));
		// the same version again is stale: 409, nothing changed
		edit.put("department", "另一个部门");
		this.f.put(this.f.staff, "/api/v1/projects/task-force/" + head, edit).andExpect(status().isConflict());
		edit.remove("version");
		this.f.put(this.f.staff, "/api/v1/projects/task-force/" + head, edit)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		Map<String, Object> removePhone = member("王建国", "招商服务中心", "LEAD", null);
		removePhone.put("removePhone", true);
		removePhone.put("version", 1);
		this.f.put(this.f.staff, "/api/v1/projects/task-force/" + head, removePhone)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phone").doesNotExist());
		assertThat(this.jdbc.sql("SELECT department FROM inv_task_force_member WHERE id = :id")
			.param("id", head)
			.query(String.class)
			.single()).isEqualTo("招商服务中心");
		// removed with the version last read
		this.mvc.perform(bearer(this.f.staff, delete("/api/v1/projects/task-force/" + other + "?version=5")))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(this.f.staff, delete("/api/v1/projects/task-force/" + other)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(bearer(this.f.staff, delete("/api/v1/projects/task-force/" + other + "?version=0")))
			.andExpect(status().isNoContent());
		this.f.get(this.f.staff, "/api/v1/projects/" + project + "/task-force")
			.andExpect(jsonPath("$.length()").value(1));
		this.mvc.perform(bearer(this.f.staff, delete("/api/v1/projects/task-force/" + other + "?version=0")))
			.andExpect(status().isNotFound());
		// the audit trail never holds the phone in plain text
		List<String> audited = this.jdbc.sql("""
				SELECT coalesce(before_json, '') || coalesce(after_json, '') FROM audit_record
				WHERE entity = 'inv_task_force_member' AND entity_id = :id ORDER BY seq
				""").param("id", Long.toString(head)).query(String.class).list();
		assertThat(audited).hasSize(3).allSatisfy((json) -> assertThat(json).doesNotContain("13800138000"));
		assertThat(audited.get(0)).contains("138****8000");
	}

	@Test
	void badInputAndOutOfScopeCallsChangeNothing() throws Exception {
		long project = this.f.createProject("专班校验项目", "SIGNED", "2024-02-01", 50000, this.f.ent1);
		String path = "/api/v1/projects/" + project + "/task-force";
		this.f.post(this.f.staff, path, member("名".repeat(33), "招商局", "MEMBER", null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		this.f.post(this.f.staff, path, member("张三", "部".repeat(101), "MEMBER", null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("department"));
		this.f.post(this.f.staff, path, member("张三", "招商局", "CAPTAIN", null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"));
		this.f.post(this.f.staff, path, member("张三", "招商局", "MEMBER", "call me"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("phone"));
		this.f.post(this.f.staff, path, member(null, null, null, null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(3));
		// the enterprise reads its own project's 专班 but does not change it; other zones
		// and
		// roles without the permission get 403
		this.f.post(this.f.entUser1, path, member("张三", "招商局", "MEMBER", null)).andExpect(status().isForbidden());
		this.f.post(this.f.otherStaff, path, member("张三", "招商局", "MEMBER", null)).andExpect(status().isForbidden());
		this.f.post(this.f.safety, path, member("张三", "招商局", "MEMBER", null)).andExpect(status().isForbidden());
		this.f.get(this.f.entUser2, path).andExpect(status().isForbidden());
		assertThat(count(project)).isZero();
		// a cancelled project changes no more
		long member = add(project, member("张三", "招商局", "MEMBER", null));
		this.f.step(project, "CANCELLED", "2024-06-01").andExpect(status().isOk());
		this.f.post(this.f.staff, path, member("李四", "招商局", "MEMBER", null)).andExpect(status().isConflict());
		this.mvc.perform(bearer(this.f.staff, delete("/api/v1/projects/task-force/" + member + "?version=0")))
			.andExpect(status().isConflict());
		assertThat(count(project)).isEqualTo(1);
	}

	private long count(long project) {
		return this.jdbc.sql("SELECT count(*) FROM inv_task_force_member WHERE project_id = :p")
			.param("p", project)
			.query(Long.class)
			.single();
	}

	@Test
	void ofTwentyConcurrentHeadsOneWins() throws Exception {
		long project = this.f.createProject("专班并发项目", "SIGNED", "2024-02-01", 50000, null);
		List<MvcResult> results = ParallelWriters.run(20, (i) -> this.f.post(this.f.staff,
				"/api/v1/projects/" + project + "/task-force", member("专班长" + i, "招商局", "LEAD", null)));
		assertThat(ParallelWriters.withStatus(results, 201)).hasSize(1);
		assertThat(ParallelWriters.withStatus(results, 409)).hasSize(19);
		String winner = (String) TestApi.read(ParallelWriters.withStatus(results, 201).get(0), "$.name");
		assertThat(this.jdbc.sql("SELECT name FROM inv_task_force_member WHERE project_id = :p")
			.param("p", project)
			.query(String.class)
			.list()).containsExactly(winner);
	}

	@Test
	void theMigrationCarriesTheOldTextOver() throws Exception {
		long project = this.f.createProject("专班迁移项目", "SIGNED", "2024-02-01", 50000, null);
		long untouched = this.f.createProject("专班无文本项目", "SIGNED", "2024-02-01", 50000, null);
		this.jdbc.sql("UPDATE inv_project SET task_force_before_v4 = :t WHERE id = :id")
			.param("t", "张三（招商局）、自然资源局，建设局；\n李四(行政审批局), ;" + "长".repeat(120))
			.param("id", project)
			.update();
		// the migration's statement, run again on these two projects
		String sql = Files
			.readString(Path.of("src/main/resources/db/migration/investment/V4__investment_task_force.sql"));
		int start = sql.indexOf("INSERT INTO inv_task_force_member");
		String insert = sql.substring(start, sql.indexOf(";\n", start))
			.replace("p.task_force", "p.task_force_before_v4")
			.replace("WHERE p.task_force_before_v4 IS NOT NULL",
					"WHERE p.task_force_before_v4 IS NOT NULL AND p.id IN (" + project + ", " + untouched + ")");
		this.jdbc.sql(insert).update();
		List<String> rows = new ArrayList<>();
		this.jdbc.sql("""
				SELECT coalesce(name, '-') || '|' || department || '|' || role || '|' || seq FROM inv_task_force_member
				WHERE project_id = :p ORDER BY seq
				""").param("p", project).query(String.class).list().forEach(rows::add);
		assertThat(rows).containsExactly("张三|招商局|MEMBER|1", "-|自然资源局|MEMBER|2", "-|建设局|MEMBER|3", "李四|行政审批局|MEMBER|4",
				"-|" + "长".repeat(100) + "|MEMBER|5");
		assertThat(count(untouched)).isZero();
		// a department without a name shows as such on the page and in the API
		this.f.get(this.f.staff, "/api/v1/projects/" + project + "/task-force")
			.andExpect(jsonPath("$[1].name").doesNotExist())
			.andExpect(jsonPath("$[1].department").value("自然资源局"));
	}

	@Test
	void thePageEditsTheTaskForceAndTheDispatchListAndExportsNameTheHead() throws Exception {
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("itf-"), List.of("INVESTMENT_STAFF"),
				List.of(this.f.zone), null);
		Cookie session = this.f.signIn(user);
		long project = this.f.createProject("专班页面项目", "SIGNED", "2024-02-01", 50000, null);
		this.mvc
			.perform(post("/investment/projects/" + project + "/task-force").cookie(session)
				.with(csrf())
				.param("name", "陈志强")
				.param("department", "建设局")
				.param("role", "LEAD")
				.param("phone", "13912345678"))
			.andExpect(status().is3xxRedirection());
		long member = this.jdbc.sql("SELECT id FROM inv_task_force_member WHERE project_id = :p")
			.param("p", project)
			.query(Long.class)
			.single();
		String html = this.mvc.perform(get("/investment/projects/" + project).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("陈志强（建设局）").contains("专班长").contains("13912345678");
		// someone else corrects the member; the stale page save answers 409 and keeps
		// what was typed
		Map<String, Object> edit = member("陈志强", "住房和城乡建设局", "LEAD", null);
		edit.put("version", 0);
		this.f.put(this.f.staff, "/api/v1/projects/task-force/" + member, edit).andExpect(status().isOk());
		String stale = this.mvc
			.perform(post("/investment/task-force/" + member).cookie(session)
				.with(csrf())
				.param("name", "我输入的姓名")
				.param("department", "我输入的部门")
				.param("role", "DEPUTY")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("我输入的姓名").contains("我输入的部门");
		this.mvc
			.perform(post("/investment/task-force/" + member).cookie(session)
				.with(csrf())
				.param("name", "陈志强")
				.param("department", "住房和城乡建设局")
				.param("role", "LEAD")
				.param("version", "1"))
			.andExpect(status().is3xxRedirection());
		// the 调度 list (projects behind schedule) names the leader and the 专班长
		Object version = TestApi.read(this.f.get(this.f.staff, "/api/v1/projects/" + project).andReturn(), "$.version");
		this.f
			.put(this.f.staff, "/api/v1/projects/" + project + "/leadership",
					Map.of("leader", "刘主任", "version", version))
			.andExpect(status().isOk());
		String dashboard = this.mvc.perform(get("/investment").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dashboard).contains("刘主任").contains("陈志强（住房和城乡建设局）");
		assertThat(sheet(session, "/investment/dispatch.xlsx"))
			.anySatisfy((row) -> assertThat(row).contains("专班页面项目", "刘主任", "陈志强（住房和城乡建设局）"));
		assertThat(sheet(session, "/investment/projects/export"))
			.anySatisfy((row) -> assertThat(row).contains("专班页面项目", "刘主任", "陈志强（住房和城乡建设局）"));
		assertThat(sheet(session, "/investment/projects/export").get(0)).contains("专班长");
		// removed from the page with its version
		this.mvc
			.perform(post("/investment/task-force/" + member + "/removal").cookie(session)
				.with(csrf())
				.param("version", "2"))
			.andExpect(status().is3xxRedirection());
		assertThat(count(project)).isZero();
	}

	private List<List<String>> sheet(Cookie session, String path) throws Exception {
		byte[] xlsx = this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
				java.util.stream.Stream<Row> stream = wb.getFirstSheet().openStream()) {
			stream.forEach((r) -> {
				List<String> cells = new ArrayList<>();
				r.forEach((c) -> cells.add((c != null) ? c.getText() : ""));
				rows.add(cells);
			});
		}
		return rows;
	}

}
