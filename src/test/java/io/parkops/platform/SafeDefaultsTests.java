package io.parkops.platform;

import java.util.List;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Safe defaults for a real deployment (issue 8 §8): Secure cookies and HSTS for requests
 * that came over HTTPS (also through a proxy), and a banner on every page of a demo zone.
 */
@ParkOpsTest
class SafeDefaultsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void httpsThroughAProxyGetsHstsAndSecureCookies() throws Exception {
		this.mvc.perform(get("/login").header("X-Forwarded-Proto", "https"))
			.andExpect(status().isOk())
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
		this.mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
		MvcResult login = this.mvc
			.perform(post("/login").header("X-Forwarded-Proto", "https")
				.param("username", "admin")
				.param("password", ParkOpsTest.ADMIN_PASSWORD)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		List<String> cookies = login.getResponse().getHeaders("Set-Cookie");
		assertThat(cookies).anySatisfy((c) -> assertThat(c).startsWith("SESSION=").containsIgnoringCase("Secure"));
		MvcResult lang = this.mvc.perform(get("/login").param("lang", "en").header("X-Forwarded-Proto", "https"))
			.andReturn();
		assertThat(lang.getResponse().getHeaders("Set-Cookie"))
			.anySatisfy((c) -> assertThat(c).startsWith("PARKOPS_LANG=").containsIgnoringCase("Secure"));
		MvcResult plain = this.mvc.perform(get("/login").param("lang", "en")).andReturn();
		assertThat(plain.getResponse().getHeaders("Set-Cookie"))
			.noneSatisfy((c) -> assertThat(c.toLowerCase(java.util.Locale.ROOT)).contains("secure"));
	}

	@Test
	void aDemoZoneSaysSoOnEveryPage() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		String demo = api.createZone(admin, unique("demo"), "a1");
		String real = api.createZone(admin, unique("real"), "a1");
		this.jdbc.update("UPDATE zone SET demo = true WHERE code = ?", demo);
		Cookie inDemo = api.session(api.createUser(admin, unique("dz-"), List.of("LEADER"), List.of(demo), null),
				STRONG_PASSWORD);
		Cookie inReal = api.session(api.createUser(admin, unique("rz-"), List.of("LEADER"), List.of(real), null),
				STRONG_PASSWORD);
		for (String page : List.of("/", "/enterprises", "/reports")) {
			this.mvc.perform(get(page).cookie(inDemo))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("演示数据")));
			this.mvc.perform(get(page).cookie(inReal))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("演示数据"))));
		}
		this.mvc.perform(get("/").param("lang", "en").cookie(inDemo))
			.andExpect(content().string(containsString("Demo data")));
	}

}
