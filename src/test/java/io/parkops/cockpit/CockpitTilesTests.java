package io.parkops.cockpit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.TestApi.bearer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A work line's cockpit tiles (the {@link CockpitTileSource} contract): the cockpit asks
 * every source in its order, only for users holding the source's permission, for the zone
 * and language asked, and draws the figures and chart the source sent.
 */
@ParkOpsTest
class CockpitTilesTests {

	static final String DEMO = "yunxi";

	static final String TILE = "$.tiles[?(@.code == 'test.coverage')]";

	@Autowired
	MockMvc mvc;

	@Autowired
	ConfigurableApplicationContext context;

	/** A work line's source, registered for these tests only. */
	static final class PartyLikeTiles implements CockpitTileSource {

		String askedZone;

		Locale askedLocale;

		@Override
		public int order() {
			return 15;
		}

		@Override
		public String permission() {
			return "safety:statistics:read";
		}

		@Override
		public List<CockpitTile> tiles(String zoneCode, LocalDate today, Locale locale) {
			this.askedZone = zoneCode;
			this.askedLocale = locale;
			String title = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "Tile coverage" : "试验覆盖率";
			return List.of(new CockpitTile(
					"test.coverage", title, List
						.of(new CockpitTile.Figure("党组织覆盖率", "50.34", "%", "目标60%", true, new BigDecimal("83.90"),
								new BigDecimal("91.67"))),
					new CockpitTile.Chart(true, List.of("单建", "联合"), List.of(new CockpitTile.Series("支部",
							List.of(new BigDecimal(37), new BigDecimal(8)), List.of("37个", "8个")))),
					"/safety"));
		}

	}

	final PartyLikeTiles source = new PartyLikeTiles();

	void register() {
		this.context.getBeanFactory().registerSingleton("cockpitTilesTestsSource", this.source);
	}

	@AfterEach
	void unregister() {
		((DefaultListableBeanFactory) this.context.getBeanFactory()).destroySingleton("cockpitTilesTestsSource");
	}

	@Test
	void aSourcesTilesShowOnThePageTheWallAndInTheApiOnlyWithItsPermission() throws Exception {
		register();
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String leaderName = api.createUser(admin, TestApi.unique("tile-"), List.of("LEADER"), List.of(DEMO), null);
		String leader = api.token(leaderName, TestApi.STRONG_PASSWORD);
		this.mvc.perform(bearer(leader, get("/api/v1/cockpit").param("zone", DEMO).header("Accept-Language", "en")))
			.andExpect(status().isOk())
			.andExpect(jsonPath(TILE + ".title").value(contains("Tile coverage")))
			.andExpect(jsonPath(TILE + ".figures[0].value").value(contains("50.34")))
			.andExpect(jsonPath(TILE + ".chart.series[0].labels[1]").value(contains("8个")));
		org.assertj.core.api.Assertions.assertThat(this.source.askedZone).isEqualTo(DEMO);
		Cookie session = this.mvc.perform(formLogin("/login").user(leaderName).password(TestApi.STRONG_PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(get("/cockpit").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("试验覆盖率")))
			.andExpect(content().string(containsString("data-tile-chart=\"test.coverage\"")))
			.andExpect(content().string(containsString("目标60%")))
			.andExpect(content().string(containsString("width:83.90%")));
		this.mvc.perform(get("/cockpit/screen/kpis").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("50.34")));
		// land staff do not hold the source's permission: no tile, and the source is not
		// asked
		this.source.askedZone = null;
		String land = api.token(
				api.createUser(admin, TestApi.unique("tile-"), List.of("LAND_STAFF"), List.of(DEMO), null),
				TestApi.STRONG_PASSWORD);
		this.mvc.perform(bearer(land, get("/api/v1/cockpit").param("zone", DEMO)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("test.coverage"))));
		org.assertj.core.api.Assertions.assertThat(this.source.askedZone).isNull();
	}

}
