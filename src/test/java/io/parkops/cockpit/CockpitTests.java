package io.parkops.cockpit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The cockpit shows the demo zone's figures exactly as the economy and safety summaries
 * give them, only to users of the zone, with each work line's part only for those who may
 * read it; its pages and the wall display render.
 */
@ParkOpsTest
class CockpitTests {

	static final String DEMO = "yunxi";

	@Autowired
	MockMvc mvc;

	TestApi api;

	String admin;

	String leader;

	String leaderName;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		this.leaderName = this.api.createUser(this.admin, TestApi.unique("lead-"), List.of("LEADER"), List.of(DEMO),
				null);
		this.leader = this.api.token(this.leaderName, TestApi.STRONG_PASSWORD);
	}

	@Test
	void theEconomyTileLeadsAndThePartyTileFollowsTheMainIndicators() throws Exception {
		MvcResult cockpit = this.mvc.perform(bearer(this.leader, get("/api/v1/cockpit").param("zone", DEMO)))
			.andExpect(status().isOk())
			.andReturn();
		List<String> codes = read(cockpit, "$.tiles[*].code");
		assertThat(codes).first().isEqualTo("economy.overview");
		assertThat(codes).contains("party.coverage", "safety.hazards");
		assertThat(codes.indexOf("party.coverage")).isGreaterThan(codes.indexOf("safety.hazards"));
		// the page draws them in the same order
		Cookie session = this.api.session(this.leaderName, TestApi.STRONG_PASSWORD);
		String page = this.mvc.perform(get("/cockpit").param("zone", DEMO).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("tile-economy.overview")).isPositive()
			.isLessThan(page.indexOf("tile-safety.hazards"))
			.isLessThan(page.indexOf("tile-party.coverage"));
	}

	@Test
	void theFiguresAreTheEconomyAndSafetySummaries() throws Exception {
		MvcResult cockpit = this.mvc.perform(bearer(this.leader, get("/api/v1/cockpit").param("zone", DEMO)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.zoneName").isNotEmpty())
			.andReturn();
		int year = read(cockpit, "$.economy.year");
		int month = read(cockpit, "$.economy.month");
		MvcResult latest = this.mvc
			.perform(bearer(this.leader, get("/api/v1/economy/latest-month").param("zone", DEMO)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(latest.getResponse().getContentAsString()).contains(String.format("%d-%02d", year, month));
		MvcResult summary = this.mvc
			.perform(bearer(this.leader,
					get("/api/v1/economy/summary").param("zone", DEMO)
						.param("year", Integer.toString(year))
						.param("month", Integer.toString(month))))
			.andExpect(status().isOk())
			.andReturn();
		for (String code : List.of("output", "tax", "revenue")) {
			Object expected = read(summary, "$.indicators[?(@.code == '" + code + "')].current");
			Object actual = read(cockpit, "$.economy.indicators[?(@.code == '" + code + "')].current");
			assertThat(decimals(actual)).as(code).isEqualTo(decimals(expected));
			Object expectedGrowth = read(summary, "$.indicators[?(@.code == '" + code + "')].growthPct");
			Object actualGrowth = read(cockpit, "$.economy.indicators[?(@.code == '" + code + "')].growthPct");
			assertThat(decimals(actualGrowth)).as(code + " growth").isEqualTo(decimals(expectedGrowth));
		}
		assertThat(decimals(read(cockpit, "$.economy.timeProgressPct")))
			.isEqualTo(decimals(read(summary, "$.timeProgressPct")));

		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		MvcResult safety = this.mvc
			.perform(bearer(this.leader,
					get("/api/v1/safety/summary").param("zone", DEMO)
						.param("from", today.withDayOfYear(1).toString())
						.param("to", today.toString())))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(((Number) read(cockpit, "$.safety.found")).longValue())
			.isEqualTo(((Number) read(safety, "$.hazardsFound")).longValue())
			.isPositive();
		assertThat(((Number) read(cockpit, "$.safety.accepted")).longValue())
			.isEqualTo(((Number) read(safety, "$.hazardsAccepted")).longValue());
		assertThat(((Number) read(cockpit, "$.safety.overdue")).longValue()).isPositive();
	}

	static List<BigDecimal> decimals(Object values) {
		return ((List<?>) ((values instanceof List<?>) ? values : List.of(values))).stream()
			.map((v) -> (v == null) ? null : new BigDecimal(v.toString()).stripTrailingZeros())
			.toList();
	}

	@Test
	void onlyUsersOfTheZoneSeeItAndEachPartNeedsItsPermission() throws Exception {
		String other = this.api.createZone(this.admin, TestApi.unique("ckz"), "east");
		String outsider = this.api.token(
				this.api.createUser(this.admin, TestApi.unique("lead-"), List.of("LEADER"), List.of(other), null),
				TestApi.STRONG_PASSWORD);
		this.mvc.perform(bearer(outsider, get("/api/v1/cockpit").param("zone", DEMO)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/cockpit").param("zone", DEMO)).andExpect(status().isUnauthorized());
		// land staff read neither the economic nor the safety statistics
		String land = this.api.token(
				this.api.createUser(this.admin, TestApi.unique("land-"), List.of("LAND_STAFF"), List.of(DEMO), null),
				TestApi.STRONG_PASSWORD);
		this.mvc.perform(bearer(land, get("/api/v1/cockpit").param("zone", DEMO)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.economy").doesNotExist())
			.andExpect(jsonPath("$.safety").doesNotExist());
		// a zone without any figures yet
		this.mvc.perform(bearer(outsider, get("/api/v1/cockpit").param("zone", other)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.economy").doesNotExist())
			.andExpect(jsonPath("$.safety.found").value(0));
	}

	@Test
	void thePageAndTheWallDisplayRender() throws Exception {
		MvcResult login = this.mvc.perform(formLogin("/login").user(this.leaderName).password(TestApi.STRONG_PASSWORD))
			.andReturn();
		Cookie session = login.getResponse().getCookie("SESSION");
		this.mvc.perform(get("/cockpit").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("领导驾驶舱")))
			.andExpect(content().string(containsString("data-tile-chart=\"economy.trend\"")))
			.andExpect(content().string(containsString("整改完成率")));
		this.mvc.perform(get("/cockpit/screen").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-refresh=\"60\"")))
			.andExpect(content().string(containsString("hx-trigger=\"every 60s\"")));
		this.mvc.perform(get("/cockpit/screen/kpis").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("kpi-card")));
		this.mvc.perform(get("/cockpit/data.json").cookie(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.zone").value(DEMO))
			.andExpect(jsonPath("$.economy.trend.months.length()").value(12));
	}

	@Test
	void theLabelsComeFromTheServerRoundedOnce() throws Exception {
		MvcResult cockpit = this.mvc.perform(bearer(this.leader, get("/api/v1/cockpit").param("zone", DEMO)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.economy.expected").isNumber())
			.andExpect(jsonPath("$.economy.preliminary").isBoolean())
			.andReturn();
		List<java.util.Map<String, Object>> groups = read(cockpit, "$.economy.byIndustry");
		assertThat(groups).isNotEmpty();
		for (java.util.Map<String, Object> g : groups) {
			if (g.get("growthPct") != null) {
				java.math.BigDecimal growth = new java.math.BigDecimal(g.get("growthPct").toString());
				assertThat(g.get("growthLabel"))
					.isEqualTo(((growth.signum() > 0) ? "+" : "") + growth.setScale(1).toPlainString() + "%");
			}
		}
		List<String> growthLabels = read(cockpit, "$.economy.indicators[*].labels.growth");
		assertThat(growthLabels).isNotEmpty().allMatch((l) -> l.matches("([▲▼](?!0\\.0%))?\\d+\\.\\d%"));
		// the charts format no number themselves
		try (java.io.InputStream js = getClass().getResourceAsStream("/static/js/cockpit.js")) {
			assertThat(new String(js.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
				.doesNotContain("toFixed");
		}
	}

}
