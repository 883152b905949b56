package io.parkops.enterprise;

import java.util.List;
import java.util.Map;

import io.parkops.ParallelWriters;
import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static io.parkops.TestApi.withJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 8 §4 for enterprises: of 20 writers sending the same version one wins, the others
 * get 409, the stored record is the winner's answer with one audit record; the edit page
 * keeps what was typed on a stale save and says so.
 */
@ParkOpsTest
class EnterpriseConcurrencyTests {

	static final int WRITERS = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	TestApi api;

	String admin;

	String zone;

	String code;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("ec-"), "east");
		this.code = EnterpriseApiTests.newCreditCode();
		this.api
			.postJson(this.admin, "/api/v1/enterprises", Map.of("creditCode", this.code, "name", "并发测试有限公司", "zoneCode",
					this.zone, "areaCode", "east", "status", "IN_PRODUCTION"))
			.andExpect(status().isCreated());
	}

	@Test
	void twentyParallelEditsOneWins() throws Exception {
		List<MvcResult> results = ParallelWriters.run(WRITERS,
				(i) -> this.mvc.perform(bearer(this.admin, withJson(patch("/api/v1/enterprises/" + this.code),
						Map.of("version", 0, "name", "并发测试" + i + "号有限公司")))));
		List<MvcResult> won = ParallelWriters.withStatus(results, 200);
		assertThat(won).hasSize(1);
		assertThat(ParallelWriters.withStatus(results, 409)).hasSize(WRITERS - 1);
		MvcResult stored = this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + this.code))).andReturn();
		assertThat((String) TestApi.read(stored, "$.name")).isEqualTo(TestApi.read(won.get(0), "$.name"));
		assertThat((Integer) TestApi.read(stored, "$.version")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM audit_record WHERE entity = 'enterprise' AND entity_id = ? AND action = 'UPDATE'",
				Long.class, this.code))
			.isEqualTo(1);
	}

	@Test
	void staleEditPageKeepsTheTypedValues() throws Exception {
		this.mvc
			.perform(bearer(this.admin,
					withJson(patch("/api/v1/enterprises/" + this.code), Map.of("version", 0, "name", "别人改的名称"))))
			.andExpect(status().isOk());
		String user = this.api.createUser(this.admin, unique("ee-"), List.of("ECONOMY_STAFF"), List.of(this.zone),
				null);
		Cookie session = this.mvc
			.perform(post("/login").param("username", user).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(post("/zone-switch").cookie(session).param("zone", this.zone).param("back", "/").with(csrf()));
		String page = this.mvc
			.perform(post("/enterprises").cookie(session)
				.with(csrf())
				.param("creating", "false")
				.param("creditCode", this.code)
				.param("version", "0")
				.param("name", "我输入的企业名称")
				.param("areaCode", "east")
				.param("status", "IN_PRODUCTION")
				.param("contactName", "我输入的联系人"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("他人已修改此记录").contains("我输入的企业名称").contains("我输入的联系人");
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + this.code)))
			.andExpect(jsonPath("$.name").value("别人改的名称"));
	}

}
