package io.parkops.economy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 8 §4 for the economy department's plan (a zone's targets of a year, its figures
 * of a month, a year's price index): each carries a version; of 20 writers saving the
 * same version one wins and 19 get 409, the stored record is the winner's with one audit
 * record; a save without a version is refused; the plan page keeps what was typed on a
 * stale save and says so.
 */
@ParkOpsTest
class EconomyPlanVersionTests {

	static final int WRITERS = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	TestApi api;

	String admin;

	String zone;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("epv-"), "east");
	}

	private String etag(String path) throws Exception {
		return this.mvc.perform(bearer(this.admin, get(path)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("ETag");
	}

	private long audits(String entity, String id) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM audit_record WHERE entity = ? AND entity_id = ? AND action = 'UPDATE'",
				Long.class, entity, id);
	}

	@Test
	void twentyParallelTargetSavesOneWins() throws Exception {
		String path = "/api/v1/zones/" + this.zone + "/targets/2024";
		assertThat(etag(path)).isEqualTo("\"0\"");
		List<MvcResult> results = ParallelWriters.run(WRITERS, (i) -> this.mvc.perform(bearer(this.admin,
				withJson(put(path).header("If-Match", "\"0\""), Map.of("output", Map.of("growthPct", 10 + i))))));
		List<MvcResult> won = ParallelWriters.withStatus(results, 200);
		assertThat(won).hasSize(1);
		assertThat(ParallelWriters.withStatus(results, 409)).hasSize(WRITERS - 1);
		assertThat(won.get(0).getResponse().getHeader("ETag")).isEqualTo("\"1\"");
		Number winner = TestApi.read(won.get(0), "$.output.growthPct");
		this.mvc.perform(bearer(this.admin, get(path)))
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.output.growthPct").value(winner.doubleValue()));
		assertThat(audits("economy_target", this.zone + "/2024")).isEqualTo(1);
		// the version read before is stale now; ?version= names it as well as If-Match
		this.mvc
			.perform(bearer(this.admin,
					withJson(put(path).param("version", "0"), Map.of("output", Map.of("growthPct", 99)))))
			.andExpect(status().isConflict());
		this.mvc
			.perform(bearer(this.admin,
					withJson(put(path).param("version", "1"), Map.of("output", Map.of("growthPct", 12)))))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""));
	}

	@Test
	void twentyParallelZoneFigureSavesOneWins() throws Exception {
		String path = "/api/v1/zones/" + this.zone + "/zone-figures/2024-03";
		String read = etag(path);
		List<MvcResult> results = ParallelWriters.run(WRITERS, (i) -> this.mvc.perform(
				bearer(this.admin, withJson(put(path).header("If-Match", read), Map.of("budget_revenue", 100 + i)))));
		List<MvcResult> won = ParallelWriters.withStatus(results, 200);
		assertThat(won).hasSize(1);
		assertThat(ParallelWriters.withStatus(results, 409)).hasSize(WRITERS - 1);
		Number winner = TestApi.read(won.get(0), "$.budget_revenue");
		this.mvc.perform(bearer(this.admin, get(path)))
			.andExpect(jsonPath("$.budget_revenue").value(winner.doubleValue()));
		assertThat(audits("economy_zone_figure", this.zone + "/2024-03")).isEqualTo(1);
	}

	@Test
	void twentyParallelPriceIndexSavesOneWins() throws Exception {
		// the index is national: a year no other test sets
		int year = 2001 + ThreadLocalRandom.current().nextInt(15);
		String path = "/api/v1/economy/price-indices/" + year;
		Number version = TestApi.read(this.mvc.perform(bearer(this.admin, get(path))).andReturn(), "$.version");
		List<MvcResult> results = ParallelWriters.run(WRITERS, (i) -> this.mvc.perform(bearer(this.admin,
				withJson(put(path), Map.of("index", 100 + i / 10.0, "version", version.longValue())))));
		List<MvcResult> won = ParallelWriters.withStatus(results, 200);
		assertThat(won).hasSize(1);
		assertThat(ParallelWriters.withStatus(results, 409)).hasSize(WRITERS - 1);
		Number index = TestApi.read(won.get(0), "$.index");
		this.mvc.perform(bearer(this.admin, get(path)))
			.andExpect(jsonPath("$.index").value(index.doubleValue()))
			.andExpect(jsonPath("$.version").value(version.longValue() + 1));
	}

	@Test
	void aSaveWithoutOrWithAMalformedVersionIsRefusedAndChangesNothing() throws Exception {
		String path = "/api/v1/zones/" + this.zone + "/targets/2024";
		this.mvc.perform(bearer(this.admin, withJson(put(path), Map.of("output", Map.of("growthPct", 10)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		this.mvc
			.perform(bearer(this.admin,
					withJson(put(path).header("If-Match", "\"abc\""), Map.of("output", Map.of("growthPct", 10)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		this.mvc.perform(bearer(this.admin, withJson(put("/api/v1/economy/price-indices/2019"), Map.of("index", 101))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		this.mvc.perform(bearer(this.admin, get(path)))
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void aStalePlanPageSaveKeepsWhatWasTyped() throws Exception {
		String user = this.api.createUser(this.admin, unique("ep-"), List.of("ECONOMY_STAFF"), List.of(this.zone),
				null);
		Cookie session = this.api.session(user, TestApi.STRONG_PASSWORD);
		this.mvc.perform(post("/zone-switch").cookie(session).param("zone", this.zone).param("back", "/").with(csrf()));
		// the page is read at version 0, then someone else saves the year's targets
		String page = this.mvc.perform(get("/economy/plan").param("year", "2024").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("name=\"version\" value=\"0\"");
		this.mvc
			.perform(bearer(this.admin,
					withJson(put("/api/v1/zones/" + this.zone + "/targets/2024").header("If-Match", "\"0\""),
							Map.of("output", Map.of("growthPct", 8)))))
			.andExpect(status().isOk());
		String stale = this.mvc
			.perform(post("/economy/plan/targets").cookie(session)
				.with(csrf())
				.param("year", "2024")
				.param("form", "targets")
				.param("version", "0")
				.param("kind.output", "growth")
				.param("value.output", "12.34"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("他人已修改此记录").contains("value=\"12.34\"");
		// what the other person saved is still stored
		this.mvc.perform(bearer(this.admin, get("/api/v1/zones/" + this.zone + "/targets/2024")))
			.andExpect(jsonPath("$.output.growthPct").value(8.00));
	}

}
