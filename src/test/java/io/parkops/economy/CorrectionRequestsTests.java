package io.parkops.economy;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static io.parkops.TestApi.withJson;
import static io.parkops.economy.EconomyTestData.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An enterprise corrects its own months only within the correction window (the current
 * and the previous month by default); an older month changes only through a correction
 * request that economy staff accept (issue 8 §2), and every step is audited.
 */
@ParkOpsTest
class CorrectionRequestsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	TestApi api;

	EconomyTestData data;

	String admin;

	String zone;

	String own;

	String enterpriseToken;

	YearMonth old;

	YearMonth previous;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		this.data = new EconomyTestData(this.mvc, this.api, this.admin);
		this.zone = this.api.createZone(this.admin, unique("corr-"), "east");
		this.own = this.data.enterprise(this.zone, "east", "C39", "2021-01");
		String user = this.api.createUser(this.admin, unique("ent-"), List.of("ENTERPRISE"), List.of(), this.own);
		this.enterpriseToken = this.api.token(user, STRONG_PASSWORD);
		YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
		this.old = now.minusMonths(3);
		this.previous = now.minusMonths(1);
	}

	@Test
	void anEnterpriseCorrectsOnlyMonthsInsideTheWindow() throws Exception {
		// a first report of an old month is allowed (late, not a rewrite)
		this.data.putMonth(this.enterpriseToken, this.own, this.old.toString(), figures("output", 100), null)
			.andExpect(status().isOk());
		this.data.putMonth(this.enterpriseToken, this.own, this.old.toString(), figures("output", 150), null)
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + this.own + "/monthly/" + this.old)))
			.andExpect(jsonPath("$.values.output").value(100.00))
			.andExpect(jsonPath("$.revision").value(1));
		// nor does it vouch for the anomalies of that month
		this.mvc
			.perform(bearer(this.enterpriseToken,
					withJson(post("/api/v1/enterprises/" + this.own + "/monthly/" + this.old + "/confirmation"),
							Map.of("note", "属实"))))
			.andExpect(status().isForbidden());
		// the previous month is inside the window
		this.data.putMonth(this.enterpriseToken, this.own, this.previous.toString(), figures("output", 100), null)
			.andExpect(status().isOk());
		this.data.putMonth(this.enterpriseToken, this.own, this.previous.toString(), figures("output", 120), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2));
		// staff correct any month
		this.data.putMonth(this.admin, this.own, this.old.toString(), figures("output", 110), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.revision").value(2));
	}

	@Test
	void aCorrectionRequestChangesTheMonthOnlyWhenStaffAcceptIt() throws Exception {
		this.data.putMonth(this.enterpriseToken, this.own, this.old.toString(), figures("output", 100), null)
			.andExpect(status().isOk());
		String path = "/api/v1/enterprises/" + this.own + "/monthly/" + this.old + "/correction-requests";
		// a reason is required
		this.mvc.perform(bearer(this.enterpriseToken, withJson(post(path), Map.of("values", Map.of("output", 130)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		String created = this.mvc
			.perform(bearer(this.enterpriseToken,
					withJson(post(path), Map.of("values", Map.of("output", 130), "reason", "漏报一条产线"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) this.json.readValue(created, Map.class).get("id")).longValue();
		// the month is unchanged while the request waits
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + this.own + "/monthly/" + this.old)))
			.andExpect(jsonPath("$.values.output").value(100.00));
		// the enterprise cannot accept its own request; staff see it pending
		this.mvc
			.perform(bearer(this.enterpriseToken,
					withJson(post("/api/v1/economy/correction-requests/" + id + "/acceptance"), Map.of())))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(this.admin, get("/api/v1/economy/correction-requests?zone=" + this.zone)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].status").value("PENDING"));
		this.mvc
			.perform(bearer(this.admin,
					withJson(post("/api/v1/economy/correction-requests/" + id + "/acceptance"),
							Map.of("note", "核实无误"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.decisionNote").value("核实无误"));
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + this.own + "/monthly/" + this.old)))
			.andExpect(jsonPath("$.values.output").value(130.00))
			.andExpect(jsonPath("$.revision").value(2))
			.andExpect(jsonPath("$.revisions[0].reason").value("更正申请#" + id + "：漏报一条产线"));
		// decided once only
		this.mvc
			.perform(bearer(this.admin,
					withJson(post("/api/v1/economy/correction-requests/" + id + "/rejection"), Map.of("note", "x"))))
			.andExpect(status().isConflict());
		// a rejected request leaves the month as it is
		String second = this.mvc
			.perform(bearer(this.enterpriseToken,
					withJson(post(path), Map.of("values", Map.of("output", 999), "reason", "再次更正"))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long secondId = ((Number) this.json.readValue(second, Map.class).get("id")).longValue();
		this.mvc
			.perform(bearer(this.admin,
					withJson(post("/api/v1/economy/correction-requests/" + secondId + "/rejection"), Map.of())))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(bearer(this.admin,
					withJson(post("/api/v1/economy/correction-requests/" + secondId + "/rejection"),
							Map.of("note", "无依据"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"));
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + this.own + "/monthly/" + this.old)))
			.andExpect(jsonPath("$.values.output").value(130.00));
		// every step is in the audit trail
		String auditorToken = this.api.auditorToken(this.admin);
		this.mvc
			.perform(bearer(auditorToken,
					get("/api/v1/audit?entity=economy_correction_request&entityId=" + id + "&size=50")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].action")
				.value(org.hamcrest.Matchers.hasItems("REQUEST_CORRECTION", "ACCEPT_CORRECTION")));
	}

}
