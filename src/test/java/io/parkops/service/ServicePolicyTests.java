package io.parkops.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Policies (惠企政策): each criterion kind met and missed with the figure behind it, the
 * enterprise's own view (可申报政策), applications 申报 → 审核 → 兑现 with their refused steps, and
 * the 免申即享 list with its objection window.
 */
@ParkOpsTest
class ServicePolicyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	ServiceFixture f;

	/** 规上, 高新技术企业, C39, revenue 2025 1-2月 2,400 against 2,000 (+20%). */
	String strong;

	/** 规下, no flag, C13, revenue 2025 1-2月 1,050 against 1,000 (+5%). */
	String weak;

	@BeforeEach
	void fixture() throws Exception {
		this.f = new ServiceFixture(this.mvc);
		this.strong = this.f.enterprise("强芯电子有限公司",
				Map.of("industryCode", "C39", "aboveScale", true, "aboveScaleSince", "2021-01"));
		this.weak = this.f.enterprise("小米粮油加工厂", Map.of("industryCode", "C13"));
		this.f
			.post(this.f.admin, "/api/v1/enterprises/" + this.strong + "/flags",
					Map.of("kind", "HIGH_TECH", "grantedOn", "2024-01-01", "reference", "GR202436000123"))
			.andExpect(status().isCreated());
		month(this.strong, "2025-01", 1200, 1000);
		month(this.strong, "2025-02", 1200, 1000);
		month(this.weak, "2025-01", 500, 500);
		month(this.weak, "2025-02", 550, 500);
	}

	void month(String code, String month, int revenue, int prior) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("values", Map.of("revenue", revenue));
		body.put("priorYear", Map.of("revenue", prior));
		this.mvc
			.perform(TestApi.bearer(this.f.economy,
					TestApi.withJson(put("/api/v1/enterprises/" + code + "/monthly/" + month), body)))
			.andExpect(status().is2xxSuccessful());
	}

	long policy(List<Map<String, Object>> criteria, Map<String, Object> window) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zoneCode", this.f.zone);
		body.put("title", "关于支持电子信息产业高质量发展的若干措施");
		body.put("issuer", "县人民政府");
		body.put("documentNumber", "云府发〔2025〕8号");
		body.put("criteria", criteria);
		if (window != null) {
			body.put("window", window);
		}
		return ((Number) ServiceFixture
			.read(this.f.post(this.f.staff, "/api/v1/services/policies", body).andExpect(status().isCreated()), "$.id"))
			.longValue();
	}

	Map<String, Object> row(ResultActions matches, String code) throws Exception {
		List<Map<String, Object>> rows = ServiceFixture.read(matches, "$[?(@.creditCode == '" + code + "')]");
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> criteria(Map<String, Object> row) {
		return (List<Map<String, Object>>) row.get("criteria");
	}

	@Test
	void everyCriterionKindIsMetOrMissedWithItsFigure() throws Exception {
		long id = policy(List.of(Map.of("kind", "ABOVE_SCALE"), Map.of("kind", "FLAG", "flag", "HIGH_TECH"),
				Map.of("kind", "INDUSTRY", "industries", List.of("C39", "C40")),
				Map.of("kind", "INDICATOR_GROWTH", "indicator", "revenue", "minPct", 10, "year", 2025),
				Map.of("kind", "INDICATOR_AMOUNT", "indicator", "revenue", "min", 2000, "year", 2025),
				Map.of("kind", "MANUAL", "text", "近三年无重大安全事故")), null);
		ResultActions matches = this.f.get(this.f.staff, "/api/v1/services/policies/" + id + "/matches")
			.andExpect(status().isOk());
		Map<String, Object> strong = row(matches, this.strong);
		assertThat(strong.get("name")).isEqualTo("强芯电子有限公司");
		assertThat(strong.get("qualifies")).isEqualTo(true);
		List<Map<String, Object>> s = criteria(strong);
		assertThat(s).extracting((c) -> c.get("met")).containsExactly(true, true, true, true, true, null);
		assertThat(s.get(0).get("text")).isEqualTo("规模以上企业");
		assertThat((String) s.get(1).get("value")).contains("高新技术企业");
		assertThat((String) s.get(2).get("value")).startsWith("C39");
		assertThat((String) s.get(3).get("value")).contains("2,400.00").contains("2,000.00").contains("增长20.00%");
		assertThat((String) s.get(4).get("value")).isEqualTo("2025年1-2月营业收入2,400.00万元");
		assertThat(s.get(5).get("text")).isEqualTo("近三年无重大安全事故");

		Map<String, Object> weak = row(matches, this.weak);
		assertThat(weak.get("qualifies")).isEqualTo(false);
		List<Map<String, Object>> w = criteria(weak);
		assertThat(w).extracting((c) -> c.get("met")).containsExactly(false, false, false, false, false, null);
		assertThat(w.get(0).get("value")).isEqualTo("规下");
		assertThat(w.get(1).get("value")).isEqualTo("无资质认定");
		assertThat((String) w.get(2).get("value")).startsWith("C13");
		assertThat((String) w.get(3).get("value")).contains("增长5.00%");
		assertThat((String) w.get(4).get("value")).contains("1,050.00");
		// an enterprise without figures misses the indicator criteria and says so
		Map<String, Object> noData = row(matches, this.f.ent1);
		assertThat((String) criteria(noData).get(3).get("value")).isEqualTo("无2025年营业收入数据");
		// qualifying enterprises come first
		List<Boolean> order = ServiceFixture.read(matches, "$[*].qualifies");
		assertThat(order.get(0)).isTrue();
	}

	/**
	 * A 亩均 evaluation of this test's zone as the land work line stores it, with each
	 * enterprise's class (not graded when the class is lower case).
	 */
	void perMu(int year, String status, Map<String, String> classes) {
		Long id = this.jdbc.queryForObject("""
				INSERT INTO land_permu_evaluation (zone_code, year, status, scheme, finalized_on, created_by)
				VALUES (?, ?, ?, '{}', ?, 'test') RETURNING id""", Long.class, this.f.zone, year, status,
				"FINAL".equals(status) ? java.sql.Date.valueOf(year + 1 + "-04-30") : null);
		classes.forEach((code, cls) -> this.jdbc.update("""
				INSERT INTO land_permu_result (evaluation_id, credit_code, name, above_scale, graded, land_mu, score,
				  rank, class, items, to_next) VALUES (?, ?, '企业', true, ?, 10, 80, 1, ?, '[]', '[]')""", id, code,
				cls.equals(cls.toUpperCase(java.util.Locale.ROOT)), cls.toUpperCase(java.util.Locale.ROOT)));
	}

	/** A parcel of this test's zone held by an enterprise as land user. */
	void parcel(String code, String owner, String mu) {
		this.jdbc.update("""
				INSERT INTO land_parcel (zone_code, code, area_mu, use, status, owner_credit_code, geometry, created_by)
				VALUES (?, ?, ?, 'INDUSTRIAL', 'BUILT', ?, '{}', 'test')""", this.f.zone, code,
				new java.math.BigDecimal(mu), owner);
	}

	@Test
	void landCriteriaReadTheLatestFinalPerMuClassAndTheLandHeld() throws Exception {
		// strong: C in 2023, A in 2024 (both final), D in 2025 only published → A of 2024
		perMu(2023, "FINAL", Map.of(this.strong, "C", this.weak, "A"));
		perMu(2024, "FINAL", Map.of(this.strong, "A", this.weak, "C", this.f.ent2, "b"));
		perMu(2025, "PUBLISHED", Map.of(this.strong, "D", this.weak, "A", this.f.ent1, "A"));
		parcel("LT-1", this.strong, "30.5");
		parcel("LT-2", this.strong, "25.25");
		parcel("LT-3", this.weak, "12.3456");
		parcel("LT-4", this.f.ent2, "80");
		long id = policy(List.of(Map.of("kind", "LAND", "measure", "PER_MU_CLASS", "classes", List.of("b", "A")),
				Map.of("kind", "LAND", "measure", "LAND_AREA", "min", 50)), null);
		this.f.get(this.f.staff, "/api/v1/services/policies/" + id)
			.andExpect(jsonPath("$.criteria[0].classes[0]").value("A"))
			.andExpect(jsonPath("$.criteria[0].classes[1]").value("B"))
			.andExpect(jsonPath("$.criteriaTexts[0]").value("亩均效益评价A、B类"))
			.andExpect(jsonPath("$.criteriaTexts[1]").value("持有土地不少于50亩"))
			.andExpect(jsonPath("$.automatic").value(true));
		ResultActions matches = this.f.get(this.f.staff, "/api/v1/services/policies/" + id + "/matches")
			.andExpect(status().isOk());
		Map<String, Object> strong = row(matches, this.strong);
		assertThat(strong.get("qualifies")).isEqualTo(true);
		assertThat(criteria(strong)).extracting((c) -> c.get("kind")).containsExactly("LAND", "LAND");
		assertThat(criteria(strong)).extracting((c) -> c.get("met")).containsExactly(true, true);
		assertThat(criteria(strong)).extracting((c) -> c.get("value"))
			.containsExactly("2024年度亩均效益评价A类", "持有土地55.75亩（2宗地块）");
		Map<String, Object> weak = row(matches, this.weak);
		assertThat(weak.get("qualifies")).isEqualTo(false);
		assertThat(criteria(weak)).extracting((c) -> c.get("met")).containsExactly(false, false);
		assertThat(criteria(weak)).extracting((c) -> c.get("value"))
			.containsExactly("2024年度亩均效益评价C类", "持有土地12.35亩（1宗地块）");
		// not graded in 2024: class B, said so
		Map<String, Object> ent2 = row(matches, this.f.ent2);
		assertThat(ent2.get("qualifies")).isEqualTo(true);
		assertThat(criteria(ent2).get(0).get("value")).isEqualTo("2024年度亩均效益评价B类（未参评，按B类）");
		// only a published result and no parcel: no final class, no land
		Map<String, Object> none = row(matches, this.f.ent1);
		assertThat(criteria(none)).extracting((c) -> c.get("met")).containsExactly(false, false);
		assertThat(criteria(none)).extracting((c) -> c.get("value")).containsExactly("无已定级的亩均效益评价结果", "未持有土地（0亩）");
		// the enterprise sees why; 免申即享 proposes the two qualifying enterprises
		String strongUser = this.f.token(List.of("ENTERPRISE"), List.of(), this.strong);
		this.f.get(strongUser, "/api/v1/services/policies/eligible")
			.andExpect(jsonPath("$[0].match.qualifies").value(true))
			.andExpect(jsonPath("$[0].match.criteria[1].value").value("持有土地55.75亩（2宗地块）"));
		this.f.get(this.f.entUser1, "/api/v1/services/policies/eligible")
			.andExpect(jsonPath("$[0].match.qualifies").value(false))
			.andExpect(jsonPath("$[0].match.criteria[0].value").value("无已定级的亩均效益评价结果"));
		List<String> proposed = ServiceFixture.read(
				this.f.get(this.f.staff, "/api/v1/services/policies/" + id + "/auto-list").andExpect(status().isOk()),
				"$.items[*].creditCode");
		assertThat(proposed).containsExactlyInAnyOrder(this.strong, this.f.ent2);
		// a parcel taken back stops counting
		this.jdbc.update("UPDATE land_parcel SET owner_credit_code = NULL WHERE zone_code = ? AND code = 'LT-1'",
				this.f.zone);
		assertThat(criteria(row(this.f.get(this.f.staff, "/api/v1/services/policies/" + id + "/matches"), this.strong))
			.get(1)).containsEntry("met", false).containsEntry("value", "持有土地25.25亩（1宗地块）");
	}

	@Test
	void landCriteriaAreChecked() throws Exception {
		List<String> fields = refusedFields(
				List.of(Map.of("kind", "LAND", "measure", "NOPE"), Map.of("kind", "LAND", "measure", "PER_MU_CLASS"),
						Map.of("kind", "LAND", "measure", "PER_MU_CLASS", "classes", List.of("A", "E")),
						Map.of("kind", "LAND", "measure", "LAND_AREA"),
						Map.of("kind", "LAND", "measure", "LAND_AREA", "min", -1), Map.of("kind", "LAND")));
		assertThat(fields).contains("criteria[0].measure", "criteria[1].classes", "criteria[2].classes",
				"criteria[3].min", "criteria[4].min", "criteria[5].measure");
	}

	/** A policy with every kind of data criterion and one checked by hand. */
	long everyKindPolicy() throws Exception {
		return policy(List.of(Map.of("kind", "ABOVE_SCALE"), Map.of("kind", "FLAG", "flag", "HIGH_TECH"),
				Map.of("kind", "INDUSTRY", "industries", List.of("C39", "C40")),
				Map.of("kind", "INDICATOR_GROWTH", "indicator", "revenue", "minPct", 10, "year", 2025),
				Map.of("kind", "INDICATOR_AMOUNT", "indicator", "revenue", "min", 2000, "year", 2025),
				Map.of("kind", "SERVICE", "measure", "HIRES", "min", 1, "year", 2025),
				Map.of("kind", "SERVICE", "measure", "NO_OVERDUE_BRIDGE"),
				Map.of("kind", "LAND", "measure", "PER_MU_CLASS", "classes", List.of("A")),
				Map.of("kind", "LAND", "measure", "LAND_AREA", "min", 50),
				Map.of("kind", "MANUAL", "text", "近三年无重大安全事故")), null);
	}

	/**
	 * strong: 1 hire reported in 2025, 亩均 A of 2024, two parcels (55.75 亩); weak: a
	 * bridge loan overdue, C of 2024, one parcel (12.35 亩).
	 */
	void servicesAndLandData() throws Exception {
		this.f
			.post(this.f.staff, "/api/v1/services/hires",
					Map.of("enterpriseCreditCode", this.strong, "month", "2025-03", "hires", 1))
			.andExpect(status().isCreated());
		this.f
			.post(this.f.staff, "/api/v1/services/financing",
					Map.of("enterpriseCreditCode", this.weak, "kind", "BRIDGE", "on", "2025-01-10", "amount", 100,
							"dueOn", "2025-04-10"))
			.andExpect(status().isCreated());
		perMu(2024, "FINAL", Map.of(this.strong, "A", this.weak, "C"));
		parcel("LE-1", this.strong, "30.5");
		parcel("LE-2", this.strong, "25.25");
		parcel("LE-3", this.weak, "12.3456");
	}

	@Test
	void criterionTextsAndFiguresComeInTheCallersLanguage() throws Exception {
		servicesAndLandData();
		long id = everyKindPolicy();
		this.f.get(this.f.staff, "/api/v1/services/policies/" + id, "en")
			.andExpect(jsonPath("$.criteriaTexts[0]").value("Above designated size"))
			.andExpect(jsonPath("$.criteriaTexts[1]").value("High-tech enterprise"))
			.andExpect(jsonPath("$.criteriaTexts[2]").value("Industry: C39, C40"))
			.andExpect(jsonPath("$.criteriaTexts[3]").value("Revenue growth in 2025 at least 10%"))
			.andExpect(jsonPath("$.criteriaTexts[4]").value("Revenue in 2025 at least 2,000 10k CNY"))
			.andExpect(jsonPath("$.criteriaTexts[5]").value("At least 1 hire reported in 2025"))
			.andExpect(jsonPath("$.criteriaTexts[6]").value("No bridge loan overdue and unpaid"))
			.andExpect(jsonPath("$.criteriaTexts[7]").value("Per-mu evaluation class A"))
			.andExpect(jsonPath("$.criteriaTexts[8]").value("At least 50 mu of land held"))
			.andExpect(jsonPath("$.criteriaTexts[9]").value("近三年无重大安全事故"));
		ResultActions en = this.f.get(this.f.staff, "/api/v1/services/policies/" + id + "/matches", "en")
			.andExpect(status().isOk());
		List<Map<String, Object>> s = criteria(row(en, this.strong));
		assertThat(s).extracting((c) -> c.get("value"))
			.containsExactly("Above designated size (since 2021-01)", "High-tech enterprise", s.get(2).get("value"),
					"Revenue, Jan–2 2025: 2,400.00 10k CNY; same months a year before 2,000.00 10k CNY, up 20.00%",
					"Revenue, Jan–2 2025: 2,400.00 10k CNY", "1 hire reported in 2025", "No overdue bridge loan",
					"Per-mu evaluation 2024: class A", "55.75 mu of land held (2 parcels)", "To be checked by hand");
		List<Map<String, Object>> w = criteria(row(en, this.weak));
		assertThat(w).extracting((c) -> c.get("value"))
			.containsExactly("Below designated size", "No recognition", w.get(2).get("value"),
					"Revenue, Jan–2 2025: 1,050.00 10k CNY; same months a year before 1,000.00 10k CNY, up 5.00%",
					"Revenue, Jan–2 2025: 1,050.00 10k CNY", "No hires reported in 2025",
					"1 bridge loan overdue and unpaid", "Per-mu evaluation 2024: class C",
					"12.35 mu of land held (1 parcel)", "To be checked by hand");
		// no Chinese in what the system writes (the hand-written criterion is the user's)
		for (Map<String, Object> c : criteria(row(en, this.f.ent1))) {
			if (!"MANUAL".equals(c.get("kind")) && !"INDUSTRY".equals(c.get("kind"))) {
				assertThat(c.get("text") + " " + c.get("value")).doesNotContainPattern("\\p{IsHan}");
			}
		}
		assertThat(criteria(row(en, this.f.ent1)).get(8).get("value")).isEqualTo("No land held (0 mu)");
		assertThat(criteria(row(en, this.f.ent1)).get(7).get("value")).isEqualTo("No final per-mu evaluation result");

		ResultActions zh = this.f.get(this.f.staff, "/api/v1/services/policies/" + id + "/matches", "zh-CN")
			.andExpect(status().isOk());
		List<Map<String, Object>> sz = criteria(row(zh, this.strong));
		assertThat(sz).extracting((c) -> c.get("text"))
			.containsExactly("规模以上企业", "高新技术企业", "所属行业：C39、C40", "2025年营业收入同比增长不低于10%", "2025年营业收入不低于2,000万元",
					"2025年报告招工不少于1人", "无逾期未还的过桥应急周转金", "亩均效益评价A类", "持有土地不少于50亩", "近三年无重大安全事故");
		assertThat(sz).extracting((c) -> c.get("value"))
			.containsExactly("规上（2021-01起）", "高新技术企业", sz.get(2).get("value"),
					"2025年1-2月营业收入2,400.00万元，上年同期2,000.00万元，同比增长20.00%", "2025年1-2月营业收入2,400.00万元", "2025年报告招工1人",
					"无逾期过桥资金", "2024年度亩均效益评价A类", "持有土地55.75亩（2宗地块）", "需人工核验");
		List<Map<String, Object>> wz = criteria(row(zh, this.weak));
		assertThat(wz.get(6).get("value")).isEqualTo("逾期未还过桥资金1笔");
		assertThat(wz.get(8).get("value")).isEqualTo("持有土地12.35亩（1宗地块）");
		assertThat(row(zh, this.strong).get("qualifies")).isEqualTo(true);
		assertThat(row(en, this.strong).get("qualifies")).isEqualTo(true);
	}

	@Test
	void theEnterprisesOwnListShowsWhatEachPolicysMatchingShows() throws Exception {
		servicesAndLandData();
		long all = everyKindPolicy();
		long growth = policy(
				List.of(Map.of("kind", "INDICATOR_GROWTH", "indicator", "revenue", "minPct", 30, "year", 2025),
						Map.of("kind", "LAND", "measure", "LAND_AREA", "min", 10)),
				null);
		long bridge = policy(List.of(Map.of("kind", "SERVICE", "measure", "NO_OVERDUE_BRIDGE"),
				Map.of("kind", "INDICATOR_AMOUNT", "indicator", "revenue", "min", 1000, "year", 2025)), null);
		for (String language : List.of("zh-CN", "en")) {
			for (String code : List.of(this.strong, this.weak)) {
				String user = this.f.token(List.of("ENTERPRISE"), List.of(), code);
				List<Map<String, Object>> eligible = ServiceFixture.read(
						this.f.get(user, "/api/v1/services/policies/eligible", language).andExpect(status().isOk()),
						"$");
				assertThat(eligible).hasSize(3);
				for (long id : List.of(all, growth, bridge)) {
					Map<String, Object> own = eligible.stream()
						.filter((e) -> ((Number) ((Map<?, ?>) e.get("policy")).get("id")).longValue() == id)
						.findFirst()
						.orElseThrow();
					Map<String, Object> matched = row(
							this.f.get(this.f.staff, "/api/v1/services/policies/" + id + "/matches", language), code);
					assertThat(own.get("match")).as(language + " " + code + " policy " + id).isEqualTo(matched);
				}
			}
		}
		// strong qualifies for the second (+20% < 30%: no) and the third; weak for
		// neither
		String strongUser = this.f.token(List.of("ENTERPRISE"), List.of(), this.strong);
		this.f.get(strongUser, "/api/v1/services/policies/eligible")
			.andExpect(jsonPath("$[?(@.policy.id == " + bridge + ")].match.qualifies").value(true))
			.andExpect(jsonPath("$[?(@.policy.id == " + growth + ")].match.qualifies").value(false));
	}

	@Test
	void anEnterpriseSeesThePoliciesItQualifiesForAndWhy() throws Exception {
		policy(List.of(Map.of("kind", "FLAG", "flag", "HIGH_TECH")), null);
		String strongUser = this.f.token(List.of("ENTERPRISE"), List.of(), this.strong);
		String weakUser = this.f.token(List.of("ENTERPRISE"), List.of(), this.weak);
		this.f.get(strongUser, "/api/v1/services/policies/eligible")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].match.qualifies").value(true))
			.andExpect(jsonPath("$[0].match.criteria[0].value").value("高新技术企业"));
		this.f.get(weakUser, "/api/v1/services/policies/eligible")
			.andExpect(jsonPath("$[0].match.qualifies").value(false));
		// an enterprise does not list the other enterprises' matches
		this.f.get(weakUser, "/api/v1/services/policies/1/matches").andExpect(status().isForbidden());
	}

	Map<String, Object> policyBody(List<Map<String, Object>> criteria) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("zoneCode", this.f.zone);
		body.put("title", "测试政策");
		body.put("issuer", "管委会");
		body.put("criteria", criteria);
		return body;
	}

	/** The fields a policy with these criteria is refused for (400). */
	List<String> refusedFields(List<Map<String, Object>> criteria) throws Exception {
		return ServiceFixture.read(this.f.post(this.f.staff, "/api/v1/services/policies", policyBody(criteria))
			.andExpect(status().isBadRequest()), "$.errors[*].field");
	}

	@Test
	void criteriaAreChecked() throws Exception {
		List<String> fields = refusedFields(
				List.of(Map.of("kind", "FLAG", "flag", "UNICORN"), Map.of("kind", "INDUSTRY", "industries", List.of()),
						Map.of("kind", "INDICATOR_GROWTH", "indicator", "happiness", "minPct", 10),
						Map.of("kind", "INDICATOR_AMOUNT", "indicator", "revenue"), Map.of("kind", "MANUAL"),
						Map.of("kind", "MAGIC")));
		assertThat(fields).contains("criteria[0].flag", "criteria[1].industries", "criteria[2].indicator",
				"criteria[3].min", "criteria[4].text", "criteria[5].kind");
		assertThat(refusedFields(List.of())).contains("criteria");
		// only service staff keep the library
		Map<String, Object> body = policyBody(List.of(Map.of("kind", "ABOVE_SCALE")));
		this.f.post(this.f.leader, "/api/v1/services/policies", body).andExpect(status().isForbidden());
		this.f.post(this.f.entUser1, "/api/v1/services/policies", body).andExpect(status().isForbidden());
	}

	@Test
	void applicationsAreReviewedAndPaid() throws Exception {
		long id = policy(List.of(Map.of("kind", "MANUAL", "text", "研发投入占比不低于3%")),
				Map.of("from", "2025-01-01", "to", "2030-12-31"));
		// the enterprise applies for itself (appliedOn defaults to today); not for
		// another
		this.f
			.post(this.f.entUser2, "/api/v1/services/policies/" + id + "/applications",
					Map.of("enterpriseCreditCode", this.f.ent1, "amount", 50))
			.andExpect(status().isForbidden());
		long app = ((Number) ServiceFixture.read(this.f
			.post(this.f.entUser1, "/api/v1/services/policies/" + id + "/applications",
					Map.of("enterpriseCreditCode", this.f.ent1, "amount", 50))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("APPLIED"))
			.andExpect(jsonPath("$.appliedOn").isNotEmpty()), "$.id")).longValue();
		this.f
			.post(this.f.entUser1, "/api/v1/services/policies/" + id + "/applications",
					Map.of("enterpriseCreditCode", this.f.ent1, "amount", 50))
			.andExpect(status().isConflict());
		// outside the window
		this.f
			.post(this.f.staff, "/api/v1/services/policies/" + id + "/applications",
					Map.of("enterpriseCreditCode", this.f.ent2, "amount", 10, "appliedOn", "2024-06-01"))
			.andExpect(status().isBadRequest());
		// no payment before the review; the enterprise neither reviews nor pays
		this.f.post(this.f.staff, "/api/v1/services/applications/" + app + "/payment", Map.of("on", "2026-06-01"))
			.andExpect(status().isConflict());
		this.f
			.post(this.f.entUser1, "/api/v1/services/applications/" + app + "/review",
					Map.of("approved", true, "amount", 50, "on", "2026-11-30"))
			.andExpect(status().isForbidden());
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		this.f
			.post(this.f.staff, "/api/v1/services/policies/" + id + "/applications/" + app + "/review",
					Map.of("approved", true, "amount", 40, "on", today))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.approvedAmount").value(40));
		this.f
			.post(this.f.staff, "/api/v1/services/applications/" + app + "/review",
					Map.of("approved", false, "on", today))
			.andExpect(status().isConflict());
		this.f
			.post(this.f.staff, "/api/v1/services/applications/" + app + "/payment", Map.of("on", today, "amount", 45))
			.andExpect(status().isBadRequest());
		// approved but never put on public notice (公示): not paid, and told why
		this.f.post(this.f.staff, "/api/v1/services/applications/" + app + "/payment", Map.of("on", today))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("尚未公示")));
		this.f.get(this.f.staff, "/api/v1/services/applications/" + app)
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.paidOn").doesNotExist());
		this.f
			.post(this.f.staff, "/api/v1/services/applications/" + app + "/publicity",
					Map.of("from", today, "to", today))
			.andExpect(status().isOk());
		// on notice until today: paid only after it ends
		this.f.post(this.f.staff, "/api/v1/services/applications/" + app + "/payment", Map.of("on", today))
			.andExpect(status().isConflict());
		// as if the notice had ended yesterday
		this.jdbc
			.update("UPDATE service_application SET reviewed_on = reviewed_on - 10, publicity_from = publicity_from"
					+ " - 10, publicity_to = publicity_to - 10 WHERE id = ?", app);
		this.f.post(this.f.staff, "/api/v1/services/applications/" + app + "/payment", Map.of("on", today))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.paidAmount").value(40));
		this.f.get(this.f.entUser1, "/api/v1/services/applications").andExpect(jsonPath("$.total").value(1));
		this.f.get(this.f.entUser2, "/api/v1/services/applications").andExpect(jsonPath("$.total").value(0));
		this.f.get(this.f.entUser2, "/api/v1/services/applications/" + app).andExpect(status().isForbidden());
		// 免申即享 is refused for a policy with criteria checked by hand
		this.f.get(this.f.staff, "/api/v1/services/policies/" + id + "/auto-list")
			.andExpect(jsonPath("$.automatic").value(false))
			.andExpect(jsonPath("$.manualCriteria[0]").value("研发投入占比不低于3%"));
		this.f.post(this.f.staff, "/api/v1/services/policies/" + id + "/auto-list/approval", Map.of("amount", 5))
			.andExpect(status().isConflict());
	}

	@Test
	void theAutomaticListProposesTheQualifyingEnterprisesWithTheirData() throws Exception {
		long id = policy(List.of(Map.of("kind", "FLAG", "flag", "HIGH_TECH"),
				Map.of("kind", "INDICATOR_GROWTH", "indicator", "revenue", "minPct", 10, "year", 2025)), null);
		this.f.get(this.f.staff, "/api/v1/services/policies/" + id + "/auto-list")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.automatic").value(true))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].creditCode").value(this.strong))
			.andExpect(jsonPath("$.items[0].criteria[1].value").value(org.hamcrest.Matchers.containsString("增长20.00%")))
			.andExpect(jsonPath("$.items[0].clause").value(org.hamcrest.Matchers.containsString("云府发〔2025〕8号")));
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		long app = ((Number) ServiceFixture.read(this.f
			.post(this.f.staff, "/api/v1/services/policies/" + id + "/auto-list/approval",
					Map.of("on", today, "amount", 20))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].status").value("APPROVED"))
			.andExpect(jsonPath("$[0].automatic").value(true)), "$[0].id")).longValue();
		// paid only after the objection window (公示期)
		this.f.post(this.f.staff, "/api/v1/services/applications/" + app + "/payment", Map.of("on", today))
			.andExpect(status().isConflict());
		// the list is now empty: nobody is proposed twice
		this.f.get(this.f.staff, "/api/v1/services/policies/" + id + "/auto-list")
			.andExpect(jsonPath("$.items.length()").value(0));
	}

}
