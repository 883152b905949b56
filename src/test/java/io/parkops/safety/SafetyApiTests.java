package io.parkops.safety;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.safety.internal.Inputs;
import io.parkops.safety.internal.OverdueJob;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The safety API: the hazard lifecycle (every allowed and refused step), bad input,
 * permissions and data scope, overdue marking, notice numbering and documents, photos,
 * complaints, penalties and the summary.
 */
@ParkOpsTest
class SafetyApiTests {

	@Autowired
	private MessageSource messages;

	@Autowired
	MockMvc mvc;

	@Autowired
	OverdueJob overdueJob;

	SafetyFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new SafetyFixture(this.mvc);
	}

	private String step(long id, String token, String action, Object body, int expected) throws Exception {
		return this.f.post(token, "/api/v1/safety/hazards/" + id + "/" + action, body)
			.andExpect(status().is(expected))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static Map<String, Object> review(boolean passed, String on, String opinion) {
		Map<String, Object> body = new HashMap<>();
		body.put("passed", passed);
		body.put("reviewedOn", on);
		body.put("opinion", opinion);
		return body;
	}

	@Test
	void hazardGoesFromDiscoveryThroughFailedAcceptanceToAcceptedAndEveryOtherStepIsRefused() throws Exception {
		Number inspection = TestApi.read(this.f
			.post(this.f.staff, "/api/v1/safety/inspections",
					Map.of("zoneCode", this.f.zone, "date", "2024-03-01", "kind", "JOINT", "organizer", "安全环保局",
							"enterpriseCreditCodes", List.of(this.f.ent1, this.f.ent2)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andReturn(), "$.id");
		Map<String, Object> body = SafetyFixture.hazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		body.put("inspectionId", inspection);
		MvcResult created = this.f.post(this.f.staff, "/api/v1/safety/hazards", body)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andReturn();
		long id = ((Number) TestApi.read(created, "$.id")).longValue();

		// from PENDING: acceptance is out of order
		step(id, this.f.staff, "acceptance", review(true, "2024-03-05", "ok"), 409);
		// PENDING → RECTIFYING → AWAITING_ACCEPTANCE
		assertThat(step(id, this.f.entUser1, "start", Map.of("startedOn", "2024-03-02"), 200))
			.contains("\"status\":\"RECTIFYING\"");
		step(id, this.f.entUser1, "start", Map.of("startedOn", "2024-03-02"), 409);
		assertThat(step(id, this.f.entUser1, "rectification",
				Map.of("rectifiedOn", "2024-03-10", "measures", "清理通道，设置警示标识"), 200))
			.contains("\"status\":\"AWAITING_ACCEPTANCE\"");
		// twice reported: refused
		step(id, this.f.entUser1, "rectification", Map.of("rectifiedOn", "2024-03-11", "measures", "again"), 409);
		// acceptance fails: back to RECTIFYING
		assertThat(step(id, this.f.staff, "acceptance", review(false, "2024-03-12", "警示标识未设置"), 200))
			.contains("\"status\":\"RECTIFYING\"");
		step(id, this.f.staff, "acceptance", review(true, "2024-03-12", "ok"), 409);
		step(id, this.f.entUser1, "rectification", Map.of("rectifiedOn", "2024-03-15", "measures", "已设置标识"), 200);
		assertThat(step(id, this.f.staff, "acceptance", review(true, "2024-03-16", "整改到位，同意销号"), 200))
			.contains("\"status\":\"ACCEPTED\"");
		// nothing after 已销号
		step(id, this.f.staff, "acceptance", review(true, "2024-03-17", "ok"), 409);
		step(id, this.f.entUser1, "rectification", Map.of("rectifiedOn", "2024-03-17", "measures", "x"), 409);
		step(id, this.f.entUser1, "start", Map.of("startedOn", "2024-03-17"), 409);

		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + id + "/steps")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].action").value(org.hamcrest.Matchers.contains("FOUND", "STARTED", "RECTIFIED",
					"REJECTED", "RECTIFIED", "ACCEPTED")))
			.andExpect(jsonPath("$[3].note").value("警示标识未设置"));
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + id)))
			.andExpect(jsonPath("$.acceptedOn").value("2024-03-16"))
			.andExpect(jsonPath("$.rectifiedOn").value("2024-03-15"))
			.andExpect(jsonPath("$.inspectionId").value(inspection.longValue()));
		// on the enterprise's timeline and in the audit trail
		this.mvc.perform(bearer(this.f.admin, get("/api/v1/enterprises/" + this.f.ent1 + "/file")))
			.andExpect(jsonPath("$.events[*].summary", hasItem("safety.hazardAccepted:消防")));
		String auditor = this.f.api.auditorToken(this.f.admin);
		this.mvc
			.perform(bearer(auditor,
					get("/api/v1/audit").param("entity", "safety_hazard").param("entityId", Long.toString(id))))
			.andExpect(jsonPath("$.items[*].action", hasItem("ACCEPT")))
			.andExpect(jsonPath("$.items[*].action", hasItem("REJECT")));
	}

	@Test
	void majorHazardIsNotAcceptedWithoutItsRemediationPlan() throws Exception {
		long id = this.f.createHazard(this.f.ent1, "MAJOR", "2024-05-01", "2024-05-31");
		this.f.rectify(id, "2024-05-10");
		String refused = step(id, this.f.staff, "acceptance", review(true, "2024-05-12", "整改到位"), 409);
		assertThat(refused).contains("治理方案");
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + id)))
			.andExpect(jsonPath("$.status").value("AWAITING_ACCEPTANCE"));
		// with its plan the hazard is accepted
		this.f.plan(id);
		step(id, this.f.staff, "acceptance", review(true, "2024-05-12", "整改到位"), 200);
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + id)))
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
	}

	@Test
	void rectificationIsAllowedStraightFromPendingAndOnTheSpotHazardsDefaultTheirDeadline() throws Exception {
		Map<String, Object> body = SafetyFixture.hazard(this.f.ent1, "GENERAL", "2024-05-01", null);
		body.remove("deadline");
		body.put("rectificationType", "ON_THE_SPOT");
		long id = ((Number) TestApi.read(this.f.post(this.f.staff, "/api/v1/safety/hazards", body)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.deadline").value("2024-05-01"))
			.andReturn(), "$.id")).longValue();
		this.f.rectify(id, "2024-05-01");
		this.f.accept(id, "2024-05-01");
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + id)))
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
	}

	@Test
	void badInputIsRefusedFieldByField() throws Exception {
		this.f
			.post(this.f.staff, "/api/v1/safety/hazards",
					SafetyFixture.hazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-02-28"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("deadline")));
		Map<String, Object> bad = SafetyFixture.hazard(this.f.ent1, "HUGE", "2024-13-01", "2024-03-31");
		bad.put("rectificationType", "SOMEDAY");
		bad.remove("description");
		this.f.post(this.f.staff, "/api/v1/safety/hazards", bad)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("level")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("foundOn")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("rectificationType")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("description")))
			.andExpect(jsonPath("$.errors[?(@.field=='level')].message",
					hasItem(org.hamcrest.Matchers.containsString("不在已配置的等级"))));
		this.f
			.post(this.f.staff, "/api/v1/safety/inspections",
					Map.of("zoneCode", this.f.zone, "date", "2024-03-01", "kind", "NAP", "enterpriseCreditCodes",
							List.of("91360727MA35LGHK7X")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("enterpriseCreditCodes")));
		long id = this.f.createHazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		step(id, this.f.staff, "rectification", Map.of("rectifiedOn", "2024-02-01", "measures", "x"), 400);
		step(id, this.f.staff, "rectification", Map.of("rectifiedOn", "2024-03-05"), 400);
		this.f.rectify(id, "2024-03-05");
		step(id, this.f.staff, "acceptance", Map.of("reviewedOn", "2024-03-06"), 400);
		step(id, this.f.staff, "acceptance", review(false, "2024-03-06", null), 400);
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/99999999"))).andExpect(status().isNotFound());
		this.f
			.post(this.f.staff, "/api/v1/safety/penalties",
					Map.of("enterpriseCreditCode", this.f.ent1, "decidedOn", "2024-04-01", "amount", -3, "reason", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("amount")));
	}

	@Test
	void enterpriseUserSeesAndRectifiesOnlyItsOwnHazards() throws Exception {
		long own = this.f.createHazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		long other = this.f.createHazard(this.f.ent2, "MAJOR", "2024-03-01", "2024-03-31");
		this.mvc.perform(bearer(this.f.entUser1, get("/api/v1/safety/hazards").param("size", "100")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[*].enterpriseCreditCode", everyItem(is(this.f.ent1))))
			.andExpect(jsonPath("$.items[0].enterpriseName").value("安全测试一号有限公司"));
		// probing another enterprise: by id, by filter, by zone, by acting on it
		this.mvc.perform(bearer(this.f.entUser1, get("/api/v1/safety/hazards/" + other)))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(this.f.entUser1, get("/api/v1/safety/hazards").param("enterprise", this.f.ent2)))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(this.f.entUser1, get("/api/v1/safety/hazards").param("zone", this.f.zone)))
			.andExpect(jsonPath("$.items[*].enterpriseCreditCode", everyItem(is(this.f.ent1))));
		this.mvc.perform(bearer(this.f.entUser1, get("/api/v1/safety/hazards/" + other + "/steps")))
			.andExpect(status().isForbidden());
		step(other, this.f.entUser1, "rectification", Map.of("rectifiedOn", "2024-03-05", "measures", "x"), 403);
		this.mvc.perform(bearer(this.f.entUser2, get("/api/v1/safety/hazards/" + other))).andExpect(status().isOk());
		// its own: rectify yes, accept no, record no, statistics no
		step(own, this.f.entUser1, "rectification", Map.of("rectifiedOn", "2024-03-05", "measures", "已整改"), 200);
		step(own, this.f.entUser1, "acceptance", review(true, "2024-03-06", "self"), 403);
		this.f
			.post(this.f.entUser1, "/api/v1/safety/hazards",
					SafetyFixture.hazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(bearer(this.f.entUser1,
					get("/api/v1/safety/summary").param("zone", this.f.zone)
						.param("from", "2024-01-01")
						.param("to", "2024-12-31")))
			.andExpect(status().isForbidden());
	}

	@Test
	void rolesAndZonesLimitWhoDoesWhat() throws Exception {
		long id = this.f.createHazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		// the leader reads, and cannot change anything
		this.mvc.perform(bearer(this.f.leader, get("/api/v1/safety/hazards/" + id))).andExpect(status().isOk());
		this.f
			.post(this.f.leader, "/api/v1/safety/hazards",
					SafetyFixture.hazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31"))
			.andExpect(status().isForbidden());
		step(id, this.f.leader, "rectification", Map.of("rectifiedOn", "2024-03-05", "measures", "x"), 403);
		// other departments see nothing of safety
		String economy = this.f.token(List.of("ECONOMY_STAFF"), List.of(this.f.zone), null);
		this.mvc.perform(bearer(economy, get("/api/v1/safety/hazards/" + id))).andExpect(status().isForbidden());
		// safety staff of another zone neither
		String otherZone = this.f.api.createZone(this.f.admin, TestApi.unique("saf-"), "east");
		String stranger = this.f.token(List.of("SAFETY_STAFF"), List.of(otherZone), null);
		this.mvc.perform(bearer(stranger, get("/api/v1/safety/hazards/" + id))).andExpect(status().isForbidden());
		this.mvc.perform(bearer(stranger, get("/api/v1/safety/hazards").param("zone", this.f.zone)))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(stranger, get("/api/v1/safety/hazards").param("size", "500")))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
		this.f
			.post(stranger, "/api/v1/safety/hazards",
					SafetyFixture.hazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31"))
			.andExpect(status().isForbidden());
	}

	@Test
	void dailyJobMarksOpenHazardsPastTheirDeadlineOnceAndListsThem() throws Exception {
		String today = Inputs.today().toString();
		String yesterday = Inputs.today().minusDays(1).toString();
		long late = this.f.createHazard(this.f.ent1, "GENERAL", Inputs.today().minusDays(20).toString(), yesterday);
		long onTime = this.f.createHazard(this.f.ent1, "GENERAL", Inputs.today().minusDays(20).toString(),
				Inputs.today().plusDays(3).toString());
		long closed = this.f.createHazard(this.f.ent1, "GENERAL", Inputs.today().minusDays(20).toString(), yesterday);
		this.f.rectify(closed, Inputs.today().minusDays(5).toString());
		this.f.accept(closed, Inputs.today().minusDays(4).toString());

		assertThat(this.overdueJob.run(Inputs.today())).isGreaterThanOrEqualTo(1);
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + late)))
			.andExpect(jsonPath("$.overdue").value(true))
			.andExpect(jsonPath("$.overdueSince").value(today));
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + onTime)))
			.andExpect(jsonPath("$.overdue").value(false))
			.andExpect(jsonPath("$.overdueSince").value(nullValue()));
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + closed)))
			.andExpect(jsonPath("$.overdueSince").value(nullValue()));
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + late + "/steps")))
			.andExpect(jsonPath("$[*].action", hasItem("OVERDUE")));
		// a second run marks nothing again
		this.overdueJob.run(Inputs.today());
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/hazards/" + late + "/steps")))
			.andExpect(jsonPath("$[?(@.action=='OVERDUE')]", org.hamcrest.Matchers.hasSize(1)));
		// the overdue list and the due-soon list, and the enterprise's own
		this.mvc
			.perform(bearer(this.f.staff,
					get("/api/v1/safety/hazards").param("zone", this.f.zone).param("overdue", "true")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(late));
		this.mvc
			.perform(bearer(this.f.staff,
					get("/api/v1/safety/hazards").param("zone", this.f.zone).param("dueSoon", "true")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(onTime));
		this.mvc.perform(bearer(this.f.entUser1, get("/api/v1/safety/hazards").param("overdue", "true")))
			.andExpect(jsonPath("$.total").value(1));
		// and run on demand through the API
		this.f.post(this.f.staff, "/api/v1/safety/overdue-marking", Map.of())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.marked").isNumber());
	}

	private MvcResult notice(String creditCode, List<Long> hazards, String issuedOn) throws Exception {
		return this.f
			.post(this.f.staff, "/api/v1/safety/notices",
					Map.of("enterpriseCreditCode", creditCode, "hazardIds", hazards, "kind", "RECTIFICATION",
							"issuedOn", issuedOn, "deadline", issuedOn.substring(0, 8) + "28"))
			.andExpect(status().isCreated())
			.andReturn();
	}

	@Test
	void noticesAreNumberedPerZoneAndYearWithoutGapsOrDuplicatesEvenWhenIssuedAtOnce() throws Exception {
		long h1 = this.f.createHazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		long h2 = this.f.createHazard(this.f.ent2, "GENERAL", "2024-03-01", "2024-03-31");
		assertThat((String) TestApi.read(notice(this.f.ent1, List.of(h1), "2024-03-02"), "$.number"))
			.isEqualTo("Z管安〔2024〕1号");
		assertThat((String) TestApi.read(notice(this.f.ent2, List.of(h2), "2024-03-03"), "$.number"))
			.isEqualTo("Z管安〔2024〕2号");
		// a new year starts again at 1
		assertThat((String) TestApi.read(notice(this.f.ent1, List.of(h1), "2025-01-03"), "$.number"))
			.isEqualTo("Z管安〔2025〕1号");
		// twenty at once: twenty different numbers, 3 to 22
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<String>> tasks = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				tasks.add(() -> TestApi.read(notice(this.f.ent1, List.of(h1), "2024-06-01"), "$.number"));
			}
			Set<String> numbers = ConcurrentHashMap.newKeySet();
			for (Future<String> result : pool.invokeAll(tasks)) {
				numbers.add(result.get());
			}
			assertThat(numbers).hasSize(20);
			List<String> expected = new ArrayList<>();
			for (int n = 3; n <= 22; n++) {
				expected.add("Z管安〔2024〕" + n + "号");
			}
			assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
		}
		finally {
			pool.shutdown();
		}
		// a hazard of another enterprise cannot be on the notice
		this.f
			.post(this.f.staff, "/api/v1/safety/notices",
					Map.of("enterpriseCreditCode", this.f.ent1, "hazardIds", List.of(h2), "kind", "RECTIFICATION",
							"issuedOn", "2024-03-02", "deadline", "2024-03-20"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("hazardIds")));
	}

	@Test
	void noticeDocumentIsAnA4OfficialDocumentWithNumberEnterpriseHazardsDeadlineAndIssuer() throws Exception {
		long h1 = this.f.createHazard(this.f.ent1, "MAJOR", "2024-03-01", "2024-03-31");
		long h2 = this.f.createHazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		MvcResult issued = this.f
			.post(this.f.staff, "/api/v1/safety/notices",
					Map.of("enterpriseCreditCode", this.f.ent1, "hazardIds", List.of(h1, h2), "kind",
							"ORDER_TO_CORRECT", "issuedOn", "2024-03-05", "deadline", "2024-03-25"))
			.andExpect(status().isCreated())
			.andReturn();
		Number id = TestApi.read(issued, "$.id");
		byte[] docx = this.mvc.perform(bearer(this.f.entUser1, get("/api/v1/safety/notices/" + id + "/docx")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		this.mvc.perform(bearer(this.f.entUser2, get("/api/v1/safety/notices/" + id + "/docx")))
			.andExpect(status().isForbidden());
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			List<String> lines = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
			String text = String.join("\n", lines);
			// the organ's mark in red, the number with the organ's abbreviation over the
			// red line
			assertThat(lines.get(0)).isEqualTo("Zone " + this.f.zone + "管理委员会");
			assertThat(doc.getParagraphs().get(0).getRuns().get(0).getColor()).isEqualTo("FF0000");
			assertThat(lines).contains("Z管安〔2024〕1号", "责令改正通知书", "安全测试一号有限公司：", "2024年3月5日", "送达回执");
			assertThat(text).contains("1.消防通道堵塞。")
				.contains("2.消防通道堵塞。")
				.contains("重大隐患")
				.contains("2024年3月25日前改正完毕")
				.doesNotContain("〔消防");
			CTSectPr sect = doc.getDocument().getBody().getSectPr();
			assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
			assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
			assertThat(sect.getPgMar().getTop()).isEqualTo(BigInteger.valueOf(2098));
			assertThat(sect.getPgMar().getLeft()).isEqualTo(BigInteger.valueOf(1587));
			// the text block is 156 × 225 mm
			assertThat(11906 - 1587 - ((BigInteger) sect.getPgMar().getRight()).intValue()).isBetween(8842, 8845);
			assertThat(16838 - 2098 - ((BigInteger) sect.getPgMar().getBottom()).intValue()).isBetween(12755, 12757);
			var title = doc.getParagraphs()
				.stream()
				.filter((p) -> p.getText().equals("责令改正通知书"))
				.findFirst()
				.orElseThrow()
				.getRuns()
				.get(0);
			assertThat(title.getFontSizeAsDouble()).isEqualTo(22.0);
			assertThat(title.getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("方正小标宋简体");
			var body = doc.getParagraphs()
				.stream()
				.filter((p) -> p.getText().startsWith("经"))
				.findFirst()
				.orElseThrow()
				.getRuns()
				.get(0);
			assertThat(body.getFontSizeAsDouble()).isEqualTo(16.0);
			assertThat(body.getCTR().getRPr().getRFontsArray(0).getEastAsia()).isEqualTo("仿宋_GB2312");
		}
	}

	@Test
	void photosMustBeImagesOfLimitedSizeAndAreServedOnlyWithinScope() throws Exception {
		long id = this.f.createHazard(this.f.ent1, "GENERAL", "2024-03-01", "2024-03-31");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		MvcResult uploaded = this.mvc
			.perform(bearer(this.f.entUser1,
					multipart("/api/v1/safety/hazards/" + id + "/photos")
						.file(new MockMultipartFile("file", "after.png", "image/png", png))
						.param("stage", "RECTIFICATION")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("image/png"))
			.andReturn();
		Number photo = TestApi.read(uploaded, "$.id");
		this.mvc.perform(bearer(this.f.entUser1, get("/api/v1/safety/photos/" + photo)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(content().bytes(png));
		this.mvc.perform(bearer(this.f.entUser2, get("/api/v1/safety/photos/" + photo)))
			.andExpect(status().isForbidden());
		// a script named .jpg with an image content type is still refused
		this.mvc
			.perform(bearer(this.f.staff,
					multipart("/api/v1/safety/hazards/" + id + "/photos").file(new MockMultipartFile("file", "x.jpg",
							"image/jpeg", "<script>alert(1)</script>".getBytes()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("JPEG")));
		byte[] big = new byte[5 * 1024 * 1024 + 1];
		big[0] = (byte) 0xff;
		big[1] = (byte) 0xd8;
		big[2] = (byte) 0xff;
		this.mvc
			.perform(bearer(this.f.staff,
					multipart("/api/v1/safety/hazards/" + id + "/photos")
						.file(new MockMultipartFile("file", "big.jpg", "image/jpeg", big))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("5 MB")));
		// another enterprise cannot add photos to it
		this.mvc
			.perform(bearer(this.f.entUser2,
					multipart("/api/v1/safety/hazards/" + id + "/photos")
						.file(new MockMultipartFile("file", "a.png", "image/png", png))
						.param("stage", "RECTIFICATION")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aComplaintNamesOneOfTheConfiguredSources() throws Exception {
		this.f
			.post(this.f.staff, "/api/v1/safety/complaints",
					Map.of("zoneCode", this.f.zone, "receivedOn", "2024-07-01", "source", "隔壁老王说的", "content", "夜间异味"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("source")));
		this.mvc.perform(bearer(this.f.staff, get("/api/v1/safety/complaints").param("zone", this.f.zone)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void complaintsGoFromReceivedToClosedOnceAndPenaltiesAreRecorded() throws Exception {
		MvcResult received = this.f
			.post(this.f.staff, "/api/v1/safety/complaints",
					Map.of("zoneCode", this.f.zone, "receivedOn", "2024-07-01", "source", "12345政务服务热线", "content",
							"夜间异味扰民", "enterpriseCreditCode", this.f.ent1))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("RECEIVED"))
			.andExpect(jsonPath("$.deadline").value("2024-07-16"))
			.andReturn();
		Number id = TestApi.read(received, "$.id");
		this.f
			.post(this.f.staff, "/api/v1/safety/complaints/" + id + "/handling",
					Map.of("on", "2024-07-02", "text", "组织夜间巡查"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("HANDLING"));
		this.f
			.post(this.f.staff, "/api/v1/safety/complaints/" + id + "/answer",
					Map.of("on", "2024-07-05", "text", "已督促企业整改"))
			.andExpect(jsonPath("$.status").value("ANSWERED"));
		this.f
			.post(this.f.staff, "/api/v1/safety/complaints/" + id + "/handling",
					Map.of("on", "2024-07-06", "text", "again"))
			.andExpect(status().isConflict());
		this.f
			.post(this.f.staff, "/api/v1/safety/complaints/" + id + "/closure",
					Map.of("closedOn", "2024-07-10", "reply", "企业已完成废气治理设施改造，经回访群众满意"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"));
		this.f
			.post(this.f.staff, "/api/v1/safety/complaints/" + id + "/closure",
					Map.of("closedOn", "2024-07-11", "reply", "again"))
			.andExpect(status().isConflict());
		this.f
			.post(this.f.entUser1, "/api/v1/safety/complaints",
					Map.of("zoneCode", this.f.zone, "receivedOn", "2024-07-01", "source", "x", "content", "y"))
			.andExpect(status().isForbidden());

		this.f
			.post(this.f.staff, "/api/v1/safety/penalties", Map.of("enterpriseCreditCode", this.f.ent1, "decidedOn",
					"2024-07-20", "amount", 12.5, "reason", "未按规定贮存危险废物"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount").value(12.5));
		// the timeline keeps the bare amount; the unit comes with the reader's language
		this.mvc.perform(bearer(this.f.admin, get("/api/v1/enterprises/" + this.f.ent1 + "/file")))
			.andExpect(jsonPath("$.events[*].summary", hasItem("safety.penalty:12.5")));
		assertThat(this.messages.getMessage("event.safety.penalty", new Object[] { "12.5" }, Locale.ENGLISH))
			.isEqualTo("Penalty of 12.5 (10k yuan)");
		assertThat(this.messages.getMessage("event.safety.penalty", new Object[] { "12.5" }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("行政处罚 12.5万元");
		this.mvc.perform(bearer(this.f.entUser1, get("/api/v1/safety/penalties")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].enterpriseName").value("安全测试一号有限公司"));
		this.mvc.perform(bearer(this.f.entUser2, get("/api/v1/safety/penalties")))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void summaryCountsHazardsFoundInThePeriodAndTheWorkedExampleRate() throws Exception {
		// domain.md §5: 72 major hazards fixed of 182 found → 39.56%
		List<Long> major = new ArrayList<>();
		for (int i = 0; i < 182; i++) {
			major.add(
					this.f.createHazard((i % 2 == 0) ? this.f.ent1 : this.f.ent2, "MAJOR", "2024-02-01", "2024-02-20"));
		}
		for (int i = 0; i < 72; i++) {
			this.f.rectify(major.get(i), "2024-02-10");
			this.f.accept(major.get(i), "2024-02-12");
		}
		long general = this.f.createHazard(this.f.ent1, "GENERAL", "2024-03-01",
				java.time.LocalDate.now().plusYears(5).toString());
		this.f.createHazard(this.f.ent1, "GENERAL", "2023-12-31", "2024-01-31");
		this.f
			.post(this.f.staff, "/api/v1/safety/inspections", Map.of("zoneCode", this.f.zone, "date", "2024-02-01",
					"kind", "SPECIAL", "enterpriseCreditCodes", List.of(this.f.ent1, this.f.ent2)))
			.andExpect(status().isCreated());
		this.f
			.post(this.f.staff, "/api/v1/safety/inspections", Map.of("zoneCode", this.f.zone, "date", "2024-03-01",
					"kind", "ROUTINE", "enterpriseCreditCodes", List.of(this.f.ent1)))
			.andExpect(status().isCreated());
		notice(this.f.ent1, List.of(general), "2024-03-02");
		this.f
			.post(this.f.staff, "/api/v1/safety/penalties", Map.of("enterpriseCreditCode", this.f.ent1, "decidedOn",
					"2024-03-20", "amount", "2.35", "reason", "r"))
			.andExpect(status().isCreated());
		this.f
			.post(this.f.staff, "/api/v1/safety/penalties",
					Map.of("enterpriseCreditCode", this.f.ent2, "decidedOn", "2024-04-20", "amount", "10", "reason",
							"r"))
			.andExpect(status().isCreated());
		this.f
			.post(this.f.staff, "/api/v1/safety/complaints",
					Map.of("zoneCode", this.f.zone, "receivedOn", "2024-05-01", "source", "信访转办", "content", "异味"))
			.andExpect(status().isCreated());

		this.mvc
			.perform(bearer(this.f.leader,
					get("/api/v1/safety/summary").param("zone", this.f.zone)
						.param("from", "2024-01-01")
						.param("to", "2024-06-30")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inspections").value(2))
			.andExpect(jsonPath("$.enterprisesInspected").value(2))
			.andExpect(jsonPath("$.hazardsFound").value(183))
			.andExpect(jsonPath("$.hazardsAccepted").value(72))
			.andExpect(jsonPath("$.rectificationRatePct").value(39.34))
			.andExpect(jsonPath("$.overdue").value(110))
			.andExpect(jsonPath("$.byLevel.MAJOR.found").value(182))
			.andExpect(jsonPath("$.byLevel.MAJOR.accepted").value(72))
			.andExpect(jsonPath("$.byLevel.MAJOR.ratePct").value(39.56))
			.andExpect(jsonPath("$.byLevel.GENERAL.found").value(1))
			.andExpect(jsonPath("$.byLevel.GENERAL.accepted").value(0))
			.andExpect(jsonPath("$.byLevel.GENERAL.ratePct").value(0.0))
			.andExpect(jsonPath("$.noticesIssued").value(1))
			.andExpect(jsonPath("$.penaltyAmount").value(12.35))
			.andExpect(jsonPath("$.complaints.received").value(1))
			.andExpect(jsonPath("$.complaints.closed").value(0));
		// nothing found: no rate
		this.mvc
			.perform(bearer(this.f.staff,
					get("/api/v1/safety/summary").param("zone", this.f.zone)
						.param("from", "2020-01-01")
						.param("to", "2020-12-31")))
			.andExpect(jsonPath("$.hazardsFound").value(0))
			.andExpect(jsonPath("$.rectificationRatePct").value(nullValue()))
			.andExpect(jsonPath("$.byLevel.MAJOR.ratePct").value(nullValue()));
		this.mvc
			.perform(bearer(this.f.staff,
					get("/api/v1/safety/summary").param("zone", this.f.zone)
						.param("from", "2024-12-01")
						.param("to", "2024-01-01")))
			.andExpect(status().isBadRequest());
	}

}
