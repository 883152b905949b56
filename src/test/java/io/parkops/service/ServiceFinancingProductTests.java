package io.parkops.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.report.ReportPeriod;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The product of a park-backed loan (园区贷, 纾困园区贷, 财园信贷通, 科贷通, 助保贷, 其他): recorded,
 * defaulted, checked, corrected, filtered, counted by product beside the contract's
 * PARK_LOAN totals, exported, shown on the pages and named in the report section.
 */
@ParkOpsTest
class ServiceFinancingProductTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	List<ReportSectionContributor> contributors;

	@Autowired
	org.springframework.context.MessageSource messages;

	static Map<String, Object> loan(String code, String kind, String on, int amount, String product) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("enterpriseCreditCode", code);
		body.put("kind", kind);
		body.put("on", on);
		body.put("amount", amount);
		body.put("bank", "县农商银行");
		if (kind.equals("BRIDGE")) {
			body.put("dueOn", "2026-05-01");
		}
		if (product != null) {
			body.put("product", product);
		}
		return body;
	}

	long count(ServiceFixture f) {
		return this.jdbc.queryForObject("SELECT count(*) FROM service_financing WHERE zone_code = ?", Long.class,
				f.zone);
	}

	/**
	 * ent1: 财园信贷通 300 and 园区贷 (not named) 200; ent2: 园区贷 150.50; ent2 a bridge loan 400.
	 */
	ServiceFixture loans() throws Exception {
		ServiceFixture f = new ServiceFixture(this.mvc);
		f.post(f.staff, "/api/v1/services/financing", loan(f.ent1, "PARK_LOAN", "2026-02-01", 300, "CAIYUAN_CREDIT"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("PARK_LOAN"))
			.andExpect(jsonPath("$.product").value("CAIYUAN_CREDIT"));
		f.post(f.staff, "/api/v1/services/financing", loan(f.ent1, "PARK_LOAN", "2026-02-10", 200, null))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.product").value("PARK_LOAN"));
		Map<String, Object> third = loan(f.ent2, "PARK_LOAN", "2026-03-01", 150, "PARK_LOAN");
		third.put("amount", new java.math.BigDecimal("150.50"));
		f.post(f.staff, "/api/v1/services/financing", third).andExpect(status().isCreated());
		f.post(f.staff, "/api/v1/services/financing", loan(f.ent2, "BRIDGE", "2026-03-05", 400, null))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.product").doesNotExist());
		return f;
	}

	@Test
	void theProductIsRecordedCheckedCorrectedAndCounted() throws Exception {
		ServiceFixture f = loans();
		long before = count(f);
		// unknown → 400 naming it; a product on another kind → 400; nothing written
		f.post(f.staff, "/api/v1/services/financing", loan(f.ent1, "PARK_LOAN", "2026-02-01", 100, "YUANQU"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("product"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("YUANQU")));
		f.post(f.staff, "/api/v1/services/financing", loan(f.ent1, "RENEWAL", "2026-02-01", 100, "GUARANTEE_POOL"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("product"));
		assertThat(count(f)).isEqualTo(before);
		// the list filters by product; an unknown one → 400
		f.get(f.staff, "/api/v1/services/financing?zone=" + f.zone + "&product=CAIYUAN_CREDIT")
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].product").value("CAIYUAN_CREDIT"));
		f.get(f.staff, "/api/v1/services/financing?zone=" + f.zone + "&product=PARK_LOAN")
			.andExpect(jsonPath("$.total").value(2));
		f.get(f.staff, "/api/v1/services/financing?zone=" + f.zone + "&product=NOPE")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("product"));
		// the enterprise sees its own loans with their product
		f.get(f.entUser2, "/api/v1/services/financing?kind=PARK_LOAN")
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].product").value("PARK_LOAN"));
		// corrected with the version read; not given: unchanged; on a bridge loan → 400
		List<Number> unnamed = ServiceFixture.read(
				f.get(f.staff, "/api/v1/services/financing?zone=" + f.zone + "&product=PARK_LOAN"),
				"$.items[?(@.amount == 200)].id");
		Number id = unnamed.get(0);
		f.put(f.staff, "/api/v1/services/financing/" + id,
				Map.of("amount", 200, "bank", "九江银行", "version", 0, "product", "GUARANTEE_POOL"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.product").value("GUARANTEE_POOL"))
			.andExpect(jsonPath("$.version").value(1));
		f.put(f.staff, "/api/v1/services/financing/" + id, Map.of("amount", 210, "version", 1))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.product").value("GUARANTEE_POOL"));
		Number bridge = ServiceFixture
			.read(f.get(f.staff, "/api/v1/services/financing?zone=" + f.zone + "&kind=BRIDGE"), "$.items[0].id");
		f.put(f.staff, "/api/v1/services/financing/" + bridge,
				Map.of("amount", 400, "dueOn", "2026-05-01", "version", 0, "product", "PARK_LOAN"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("product"));
		// the summary: the contract's keys as they were, the products beside them
		ResultActions summary = f.get(f.staff,
				"/api/v1/services/summary?zone=" + f.zone + "&from=2026-01-01&to=2026-06-30");
		summary.andExpect(jsonPath("$.financing.PARK_LOAN.count").value(3))
			.andExpect(jsonPath("$.financing.PARK_LOAN.enterprises").value(2))
			.andExpect(jsonPath("$.financing.PARK_LOAN.amount").value(660.50))
			.andExpect(jsonPath("$.financing.BRIDGE.count").value(1))
			.andExpect(jsonPath("$.parkLoanProducts.CAIYUAN_CREDIT.count").value(1))
			.andExpect(jsonPath("$.parkLoanProducts.CAIYUAN_CREDIT.amount").value(300.00))
			.andExpect(jsonPath("$.parkLoanProducts.GUARANTEE_POOL.count").value(1))
			.andExpect(jsonPath("$.parkLoanProducts.GUARANTEE_POOL.amount").value(210.00))
			.andExpect(jsonPath("$.parkLoanProducts.PARK_LOAN.count").value(1))
			.andExpect(jsonPath("$.parkLoanProducts.PARK_LOAN.enterprises").value(1))
			.andExpect(jsonPath("$.parkLoanProducts.PARK_LOAN.amount").value(150.50))
			.andExpect(jsonPath("$.parkLoanProducts.TECH_CREDIT.count").value(0));
		Map<String, Object> financing = ServiceFixture.read(summary, "$.financing");
		assertThat(financing.keySet()).containsExactly("BRIDGE", "PARK_LOAN", "RENEWAL");
		Map<String, Object> park = ServiceFixture.read(summary, "$.financing.PARK_LOAN");
		assertThat(park.keySet()).containsExactly("count", "enterprises", "amount");
	}

	@Test
	void theReportSectionNamesTheProducts() throws Exception {
		ServiceFixture f = loans();
		ReportSectionContributor section = this.contributors.stream()
			.filter((c) -> c.order() == 60)
			.findFirst()
			.orElseThrow();
		ReportSection s = section
			.contribute(new ReportScope(f.zone, "测试园区", new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, 2026, null),
					YearMonth.of(2026, 6), LocalDate.of(2026, 6, 30)))
			.orElseThrow();
		String text = ServiceReportAndDemoTests.render(s, s.paragraphs());
		assertThat(text).contains("用好“园区贷”“财园信贷通”等金融产品，协调发放3笔650.5万元（其中“园区贷”2笔350.5万元，“财园信贷通”1笔300万元）");
		assertThat(s.figures()).anySatisfy((x) -> {
			assertThat(x.id()).isEqualTo("service.parkLoan.caiyuan-credit.amount");
			assertThat(x.source()).containsEntry("product", "CAIYUAN_CREDIT");
		});
		// one product only: named, without a breakdown
		ServiceFixture one = new ServiceFixture(this.mvc);
		one.post(one.staff, "/api/v1/services/financing", loan(one.ent1, "PARK_LOAN", "2026-02-01", 300, "TECH_CREDIT"))
			.andExpect(status().isCreated());
		ReportSection single = section
			.contribute(new ReportScope(one.zone, "测试园区", new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, 2026, null),
					YearMonth.of(2026, 6), LocalDate.of(2026, 6, 30)))
			.orElseThrow();
		assertThat(ServiceReportAndDemoTests.render(single, single.paragraphs())).contains("用好“科贷通”金融产品，协调发放1笔300万元。");
	}

	private Cookie staffSession(ServiceFixture f) throws Exception {
		String user = f.api.createUser(f.admin, TestApi.unique("fp-"), List.of("SERVICE_STAFF"), List.of(f.zone), null);
		Cookie staff = this.mvc
			.perform(post("/login").param("username", user).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(post("/zone-switch").cookie(staff).param("zone", f.zone).param("back", "/").with(csrf()));
		return staff;
	}

	private String page(Cookie session, String path, String lang) throws Exception {
		return this.mvc.perform(get(path).cookie(session, new Cookie("PARKOPS_LANG", lang)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void thePagesShowFilterRecordAndExportTheProduct() throws Exception {
		ServiceFixture f = loans();
		Cookie staff = staffSession(f);
		String list = page(staff, "/services/financing", "zh-CN");
		assertThat(list).contains("贷款产品").contains("财园信贷通").contains("其中：园区贷").contains("其中：财园信贷通");
		String filtered = page(staff, "/services/financing?product=CAIYUAN_CREDIT", "zh-CN");
		assertThat(filtered.split("<tr").length - 1).as("header, totals and one row")
			.isLessThan(list.split("<tr").length - 1);
		assertThat(page(staff, "/services/financing", "en")).contains("Loan product")
			.contains("Fiscal-park credit (Caiyuan Xindaitong)")
			.contains("of which Park loan (Yuanqudai)");
		assertThat(page(staff, "/services/statistics?from=2026-01-01&to=2026-06-30", "zh-CN")).contains("其中：财园信贷通");
		// recorded through the form; the product is ignored for another kind
		for (String[] form : List.of(new String[] { "PARK_LOAN", "2026-04-01" },
				new String[] { "RENEWAL", "2026-04-02" })) {
			this.mvc
				.perform(post("/services/financing").cookie(staff)
					.param("enterpriseCreditCode", f.ent2)
					.param("kind", form[0])
					.param("product", "RELIEF_PARK_LOAN")
					.param("on", form[1])
					.param("amount", "80")
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(this.jdbc.queryForList(
				"SELECT kind || '/' || coalesce(product, '-') FROM service_financing"
						+ " WHERE zone_code = ? AND granted_on >= '2026-04-01' ORDER BY granted_on",
				String.class, f.zone))
			.containsExactly("PARK_LOAN/RELIEF_PARK_LOAN", "RENEWAL/-");
		// the export has the product column
		byte[] xlsx = this.mvc.perform(get("/services/financing/export?kind=PARK_LOAN").cookie(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = TestApi.sheet(xlsx);
		int column = rows.stream().filter((r) -> r.contains("贷款产品")).findFirst().orElseThrow().indexOf("贷款产品");
		assertThat(rows.stream().map((r) -> (r.size() > column) ? r.get(column) : "").toList()).contains("财园信贷通", "园区贷",
				"纾困园区贷");
	}

	@Test
	void theTimelineNamesTheKindAndTheUnitInTheReadersLanguage() throws Exception {
		ServiceFixture f = loans();
		f.get(f.admin, "/api/v1/enterprises/" + f.ent2 + "/file")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events[*].summary", org.hamcrest.Matchers.hasItem("service.financed.BRIDGE:400")))
			.andExpect(
					jsonPath("$.events[*].summary", org.hamcrest.Matchers.hasItem("service.financed.PARK_LOAN:150.5")));
		assertThat(this.messages.getMessage("event.service.financed.BRIDGE", new Object[] { "400" },
				java.util.Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("获得过桥应急周转金 400万元");
		assertThat(this.messages.getMessage("event.service.financed.PARK_LOAN", new Object[] { "150.5" },
				java.util.Locale.ENGLISH))
			.isEqualTo("Park-backed loan of 150.5 (10k yuan)");
	}

}
