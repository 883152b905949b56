package io.parkops.investment;

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
 * The version of a zone's investment targets of a year: the GET's ETag named as If-Match
 * or {@code ?version=}; of 20 writers naming the same version one wins and 19 get 409
 * with nothing changed; a save naming none is accepted (the API contract has no
 * version); the dashboard's form always sends the version it read and keeps what was
 * typed on a stale save.
 */
@ParkOpsTest
class InvestmentTargetVersionTests {

	static final int WRITERS = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	InvestmentFixture f;

	@BeforeEach
	void fixture() throws Exception {
		this.f = new InvestmentFixture(this.mvc);
	}

	private String path(int year) {
		return "/api/v1/zones/" + this.f.zone + "/investment-targets/" + year;
	}

	private String etag(int year) throws Exception {
		return this.mvc.perform(bearer(this.f.staff, get(path(year))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("ETag");
	}

	private long audits(int year) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM audit_record WHERE entity = 'inv_target' AND entity_id = ? AND action = 'TARGETS'",
				Long.class, this.f.zone + "/" + year);
	}

	@Test
	void twentyParallelSavesOfOneVersionOneWins() throws Exception {
		assertThat(etag(2025)).isEqualTo("\"0\"");
		List<MvcResult> results = ParallelWriters.run(WRITERS,
				(i) -> this.mvc.perform(bearer(this.f.staff, withJson(put(path(2025)).header("If-Match", "\"0\""),
						Map.of("signed_100m", Map.of("count", 10 + i))))));
		List<MvcResult> won = ParallelWriters.withStatus(results, 200);
		assertThat(won).hasSize(1);
		assertThat(ParallelWriters.withStatus(results, 409)).hasSize(WRITERS - 1);
		assertThat(won.get(0).getResponse().getHeader("ETag")).isEqualTo("\"1\"");
		Number winner = TestApi.read(won.get(0), "$.signed_100m");
		this.mvc.perform(bearer(this.f.staff, get(path(2025))))
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.signed_100m").value(winner.doubleValue()));
		assertThat(audits(2025)).isEqualTo(1);
		// the version read before is stale now, by If-Match or ?version=; nothing changes
		this.mvc
			.perform(bearer(this.f.staff,
					withJson(put(path(2025)).param("version", "0"), Map.of("signed_100m", Map.of("count", 99)))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").exists());
		this.mvc
			.perform(bearer(this.f.staff,
					withJson(put(path(2025)).header("If-Match", "W/\"0\""),
							Map.of("signed_100m", Map.of("count", 99)))))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(this.f.staff, get(path(2025))))
			.andExpect(jsonPath("$.signed_100m").value(winner.doubleValue()));
		assertThat(audits(2025)).isEqualTo(1);
		this.mvc
			.perform(bearer(this.f.staff,
					withJson(put(path(2025)).param("version", "1"), Map.of("signed_100m", Map.of("count", 12)))))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""));
		// a malformed version is bad input
		this.mvc
			.perform(bearer(this.f.staff,
					withJson(put(path(2025)).header("If-Match", "\"abc\""),
							Map.of("signed_100m", Map.of("count", 12)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
	}

	@Test
	void aSaveWithoutAVersionIsAcceptedAndStepsIt() throws Exception {
		// the acceptance suites send the contract's body as it is, twice in a row
		this.f.put(this.f.staff, path(2026), Map.of("signed_100m", Map.of("count", 30)))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""));
		this.f
			.put(this.f.staff, path(2026),
					Map.of("signed_100m", Map.of("count", 31), "fdi_usd", Map.of("amount", 2000)))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.signed_100m").value(31));
		// twenty writers without a version all succeed, one after another
		List<MvcResult> results = ParallelWriters.run(WRITERS, (i) -> this.mvc
			.perform(bearer(this.f.staff, withJson(put(path(2026)), Map.of("signed_100m", Map.of("count", 40 + i))))));
		assertThat(ParallelWriters.withStatus(results, 200)).hasSize(WRITERS);
		assertThat(etag(2026)).isEqualTo("\"" + (2 + WRITERS) + "\"");
		// a leader reads but may not save; another zone's staff may not either
		this.f.put(this.f.leader, path(2026), Map.of("signed_100m", Map.of("count", 1)))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(this.f.leader, get(path(2026)))).andExpect(status().isOk());
	}

	@Test
	void aStaleDashboardSaveKeepsWhatWasTyped() throws Exception {
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("iv-"), List.of("INVESTMENT_STAFF"),
				List.of(this.f.zone), null);
		Cookie session = this.f.api.session(user, TestApi.STRONG_PASSWORD);
		this.mvc
			.perform(post("/zone-switch").cookie(session).param("zone", this.f.zone).param("back", "/").with(csrf()));
		int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		// the dashboard's form carries the version it was read at
		MvcResult dashboard = this.mvc.perform(get("/investment").cookie(session)).andReturn();
		assertThat(dashboard.getResponse().getStatus()).isEqualTo(200);
		assertThat(dashboard.getResponse().getContentAsString()).contains("name=\"version\" value=\"0\"");
		// a first save from the page
		this.mvc
			.perform(post("/investment/targets").cookie(session)
				.with(csrf())
				.param("version", "0")
				.param("signed_100m", "20"))
			.andExpect(status().is3xxRedirection());
		assertThat(etag(year)).isEqualTo("\"1\"");
		// the form shows what is stored and the version it is at
		assertThat(this.mvc.perform(get("/investment").cookie(session)).andReturn().getResponse().getContentAsString())
			.contains("value=\"20.00\"")
			.contains("name=\"version\" value=\"1\"");
		// someone else saves; the page read at version 1 is stale now
		this.f.put(this.f.staff, path(year), Map.of("signed_100m", Map.of("count", 25))).andExpect(status().isOk());
		String stale = this.mvc
			.perform(post("/investment/targets").cookie(session)
				.with(csrf())
				.param("version", "1")
				.param("signed_100m", "33")
				.param("contract_amount", "123456.78"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("他人已修改此记录").contains("value=\"33\"").contains("value=\"123456.78\"");
		this.mvc.perform(bearer(this.f.staff, get(path(year))))
			.andExpect(jsonPath("$.signed_100m").value(25))
			.andExpect(jsonPath("$.contract_amount").doesNotExist());
		// a form without its version is refused
		this.mvc.perform(post("/investment/targets").cookie(session).with(csrf()).param("signed_100m", "40"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(bearer(this.f.staff, get(path(year)))).andExpect(jsonPath("$.signed_100m").value(25));
	}

}
