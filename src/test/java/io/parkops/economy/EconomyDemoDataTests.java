package io.parkops.economy;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.TestApi.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo zone's monthly reports look like real ones: submitted on various days before
 * the due day, a few late, none at the moment the demo was loaded.
 */
@ParkOpsTest
class EconomyDemoDataTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void reportsWereSubmittedOnVariousDaysAndAFewLate() throws Exception {
		TestApi api = new TestApi(this.mvc);
		String admin = api.adminToken();
		YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(3);
		String body = this.mvc.perform(bearer(admin, get("/api/v1/economy/completeness?zone=yunxi&month=" + month)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> entries = (List<Map<String, Object>>) this.json.readValue(body, Map.class)
			.get("entries");
		Set<String> days = new HashSet<>();
		Set<String> moments = new HashSet<>();
		int late = 0;
		int reported = 0;
		for (Map<String, Object> e : entries) {
			if (e.get("submittedAt") == null) {
				continue;
			}
			reported++;
			OffsetDateTime at = OffsetDateTime.parse((String) e.get("submittedAt"));
			assertThat(at).isBefore(OffsetDateTime.now().minusHours(1));
			days.add(at.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate().toString());
			moments.add(at.toString());
			if ("REPORTED_LATE".equals(e.get("state"))) {
				late++;
			}
		}
		assertThat(reported).isGreaterThan(50);
		assertThat(days).hasSizeGreaterThan(5);
		assertThat(moments).hasSizeGreaterThan(reported / 2);
		assertThat(late).isPositive().isLessThan(reported / 5);
	}

}
