package io.parkops.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report pages as a signed-in user gets them: the list with its filters, the generate
 * form with its messages next to the fields, the draft with clickable figures, the htmx
 * fragments, versions, the print view and the Word download.
 */
@ParkOpsTest
class ReportPagesTests {

	@Autowired
	MockMvc mvc;

	TestApi api;

	String zone;

	Cookie session;

	long id;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		String admin = this.api.adminToken();
		this.zone = this.api.createZone(admin, TestApi.unique("rpp"), "east");
		TestWorkLines.register(this.zone, new TestWorkLines.Data(new BigDecimal("557100"), new BigDecimal("484000"),
				new BigDecimal("20"), 63, 50, 4, YearMonth.of(2024, 5), 0));
		String user = this.api.createUser(admin, TestApi.unique("eco-"), List.of("ECONOMY_STAFF"), List.of(this.zone),
				null);
		this.session = signIn(user);
		String token = this.api.token(user, TestApi.STRONG_PASSWORD);
		MvcResult created = this.api
			.postJson(token, "/api/v1/reports",
					Map.of("zoneCode", this.zone, "kind", "HALF_YEAR", "year", 2024, "asOf", "2024-06-30"))
			.andReturn();
		this.id = ((Number) read(created, "$.id")).longValue();
	}

	/**
	 * Signs in through the form; sessions live in PostgreSQL, so the session is its
	 * cookie.
	 */
	Cookie signIn(String user) throws Exception {
		MvcResult login = this.mvc.perform(formLogin("/login").user(user).password(TestApi.STRONG_PASSWORD))
			.andExpect(redirectedUrlPattern("/**"))
			.andReturn();
		Cookie cookie = login.getResponse().getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return cookie;
	}

	@Test
	void theListFindsTheReportByKindYearAndStatus() throws Exception {
		this.mvc.perform(get("/reports").param("kind", "HALF_YEAR").param("year", "2024").cookie(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2024年上半年工作总结和下半年工作打算")))
			.andExpect(content().string(containsString("草稿")));
		this.mvc.perform(get("/reports").param("status", "FINAL").cookie(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Zone " + this.zone + "2024年上半年"))))
			.andExpect(content().string(containsString("还没有工作总结")));
	}

	@Test
	void theGenerateFormShowsItsMessagesNextToTheFields() throws Exception {
		this.mvc.perform(get("/reports/new").cookie(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("数据截止月份")));
		this.mvc
			.perform(post("/reports").cookie(this.session)
				.with(csrf())
				.param("zoneCode", this.zone)
				.param("kind", "MONTHS")
				.param("year", "2024")
				.param("dataMonth", "9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1-N月和季度报告须填写 1 至 12 之间的月份。")));
		this.mvc
			.perform(post("/reports").cookie(this.session)
				.with(csrf())
				.param("zoneCode", this.zone)
				.param("kind", "MONTHS")
				.param("year", "2024")
				.param("month", "3")
				.param("dataMonth", "9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("数据截止月份应在 1 至 3 月之间。")));
		this.mvc
			.perform(post("/reports").cookie(this.session)
				.with(csrf())
				.param("zoneCode", this.zone)
				.param("kind", "QUARTER")
				.param("year", "2024")
				.param("month", "5"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/reports/*"));
	}

	@Test
	void theDraftLinksEveryFigureToItsExplanation() throws Exception {
		this.mvc.perform(get("/reports/" + this.id).cookie(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-figure=\"testecon.output\"")))
			.andExpect(content().string(containsString(">55.71亿元</a>")))
			.andExpect(content().string(containsString("一、主要工作完成情况")));
		this.mvc.perform(get("/reports/" + this.id + "/figures/testsafety.rate").cookie(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("79.37%")))
			.andExpect(content().string(containsString("已销号 ÷ 发现 × 100")))
			// the sentence the figure stands in
			.andExpect(content().string(containsString("累计发现安全隐患63个，目前已整改到位50个，整改完成率79.37%")))
			// its records by name, the code on hover, ten to a page, with an export
			.andExpect(content().string(containsString("title=\"统一社会信用代码：91360727MA35LGHK7K\">测试企业1号</td>")))
			.andExpect(content().string(containsString("共 63 条记录")))
			.andExpect(content().string(containsString("第 1 / 7 页")))
			.andExpect(content().string(containsString("/figures/testsafety.rate/records.xlsx")))
			.andExpect(content().string(not(containsString("recordCount"))))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc
			.perform(get("/reports/" + this.id + "/figures/testsafety.rate").param("page", "6").cookie(this.session))
			.andExpect(content().string(containsString("测试企业63号")))
			.andExpect(content().string(containsString("第 7 / 7 页")));
		this.mvc.perform(get("/reports/" + this.id + "/figures/testsafety.rate/records.xlsx").cookie(this.session))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("testsafety.rate.xlsx")));
		// the editor shows figures as chips; the markers travel only in the hidden field
		String editor = this.mvc
			.perform(get("/reports/" + this.id + "/sections/work.testecon/edit").cookie(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("report-section editing")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(editor).contains("<span class=\"figure-chip\" contenteditable=\"false\"")
			.contains("data-figure=\"testecon.output\">55.71亿元</span>");
		assertThat(editor.replaceAll("(?s)<textarea.*?</textarea>", "")).doesNotContain("{{");
		this.mvc
			.perform(post("/reports/" + this.id + "/sections/work.testecon").cookie(this.session)
				.with(csrf())
				.param("text", "产值{{nowhere.figure}}。")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("数据标记 {{nowhere.figure}} 不属于本报告")));
		this.mvc
			.perform(post("/reports/" + this.id + "/sections/work.testecon").cookie(this.session)
				.with(csrf())
				.param("text", "第一段{{testecon.output}}。\n\n第二段。")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第一段<a")))
			.andExpect(content().string(containsString("第二段。")))
			.andExpect(content().string(containsString("已手工修改")));
		// someone else saved first: the editor comes back with the typed text and says so
		this.mvc
			.perform(post("/reports/" + this.id + "/sections/work.testecon").cookie(this.session)
				.with(csrf())
				.param("text", "迟到的修改{{testecon.output}}。")
				.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("他人已修改此记录")))
			.andExpect(content().string(containsString("迟到的修改<span class=\"figure-chip\"")))
			.andExpect(content().string(containsString("data-figure=\"testecon.output\">55.71亿元</span>")))
			.andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
	}

	@Test
	void regeneratingAndVersionsAndThePrintViewAndTheDownload() throws Exception {
		this.mvc.perform(post("/reports/" + this.id + "/regenerate").cookie(this.session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/reports/" + this.id).cookie(this.session))
			.andExpect(content().string(containsString("已按最新数据生成新版本")))
			.andExpect(content().string(containsString("与上一版相比数据没有变化")));
		this.mvc.perform(get("/reports/" + this.id + "/versions").cookie(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("首次生成")));
		this.mvc.perform(get("/reports/" + this.id).param("version", "1").cookie(this.session))
			.andExpect(content().string(containsString("您正在查看第 1 版（当前为第 2 版），只读。")))
			.andExpect(content().string(not(containsString("编辑本节"))));
		this.mvc.perform(get("/reports/" + this.id + "/print").cookie(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"gb-title\"")))
			.andExpect(content().string(containsString("2024年6月30日")));
		this.mvc.perform(get("/reports/" + this.id + "/docx").cookie(this.session))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
		// staff cannot finalise: the button is absent and the action refused
		this.mvc.perform(get("/reports/" + this.id).cookie(this.session))
			.andExpect(content().string(not(containsString("id=\"finalize\""))));
		this.mvc.perform(post("/reports/" + this.id + "/finalize").cookie(this.session).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aReportOfAnotherZoneIsNotShown() throws Exception {
		String admin = this.api.adminToken();
		String other = this.api.createZone(admin, TestApi.unique("rpq"), "east");
		String outsider = this.api.createUser(admin, TestApi.unique("oth-"), List.of("LEADER"), List.of(other), null);
		Cookie theirs = signIn(outsider);
		this.mvc.perform(get("/reports/" + this.id).cookie(theirs))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("2024年上半年工作总结"))));
		MvcResult list = this.mvc.perform(get("/reports").cookie(theirs)).andExpect(status().isOk()).andReturn();
		assertThat(list.getResponse().getContentAsString()).doesNotContain("Zone " + this.zone);
	}

}
