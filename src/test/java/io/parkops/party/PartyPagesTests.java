package io.parkops.party;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The party pages render for party staff and leaders in Chinese and English, forms found
 * a joint branch and refuse a stale edit keeping what was typed, and enterprise users
 * reach none of them.
 */
@ParkOpsTest
class PartyPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	PartyFixture f;

	@BeforeEach
	void setUp() throws Exception {
		this.f = new PartyFixture(this.mvc);
	}

	private Cookie signIn(List<String> roles, List<String> zones, String enterprise) throws Exception {
		String user = this.f.api.createUser(this.f.admin, TestApi.unique("pp-"), roles, zones, enterprise);
		Cookie session = this.mvc
			.perform(post("/login").param("username", user).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		if (!zones.isEmpty()) {
			this.mvc.perform(
					post("/zone-switch").cookie(session).param("zone", zones.get(0)).param("back", "/").with(csrf()));
		}
		return session;
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The screening page lists the enterprises in scope twenty to a page, searched and
	 * filtered, with the totals of the whole scope; the export holds every enterprise the
	 * filter lets through (all of them without one); a filter value it does not know is
	 * refused.
	 */
	@Test
	void theScreeningListIsPagedSearchedAndFilteredAndExportsInFull() throws Exception {
		for (int i = 1; i <= 20; i++) {
			String code = PartyFixture.creditCode();
			this.f.api
				.postJson(this.f.admin, "/api/v1/enterprises",
						Map.of("creditCode", code, "name", "排查分页企业" + i + "号有限公司", "zoneCode", this.f.zone, "areaCode",
								"east", "status", "IN_PRODUCTION", "ownershipType", "PRIVATE"))
				.andExpect(status().isCreated());
		}
		long committee = this.f.committee();
		this.f.found("分页单建党支部", "BRANCH", "OWN", committee, List.of(this.f.ent(1)), this.f.today().minusMonths(2));
		Cookie staff = signIn(List.of("PARTY_STAFF"), List.of(this.f.zone), null);
		String first = page(staff, "/party/screening");
		// 26 in scope: the six of the fixture (not stated) and twenty 民营
		assertThat(first).contains("纳入排查的企业：26 家").contains("其中登记注册类型未填 6 家").contains("1 / 2");
		assertThat(rows(first)).isEqualTo(20);
		assertThat(rows(page(staff, "/party/screening?page=1"))).isEqualTo(6);
		String searched = page(staff, "/party/screening?q=分页企业7号");
		assertThat(rows(searched)).isEqualTo(1);
		assertThat(searched).contains("排查分页企业7号有限公司").contains("纳入排查的企业：26 家");
		String unstated = page(staff, "/party/screening?ownership=NONE");
		assertThat(rows(unstated)).isEqualTo(6);
		assertThat(unstated).contains("党建测试企业2有限公司").doesNotContain("排查分页企业");
		String own = page(staff, "/party/screening?coverage=OWN");
		assertThat(rows(own)).isEqualTo(1);
		assertThat(own).contains("党建测试企业1有限公司");
		this.mvc.perform(get("/party/screening?coverage=SOMETIMES").cookie(staff)).andExpect(status().isBadRequest());

		byte[] all = this.mvc.perform(get("/party/screening/export").cookie(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(io.parkops.platform.excel.ExcelRows.readAll(new java.io.ByteArrayInputStream(all), 10)).hasSize(26);
		byte[] filtered = this.mvc.perform(get("/party/screening/export?ownership=PRIVATE").cookie(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<io.parkops.platform.excel.ExcelRows.SheetRow> privately = io.parkops.platform.excel.ExcelRows
			.readAll(new java.io.ByteArrayInputStream(filtered), 10);
		assertThat(privately).hasSize(20);
		assertThat(privately).allSatisfy((r) -> assertThat(r.cell(2)).isEqualTo("民营"));
	}

	/** The rows of the full screening table on a page. */
	private static int rows(String html) {
		String table = html.substring(html.indexOf("id=\"screening-all\""));
		table = table.substring(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
		return table.split("<tr", -1).length - 1 - (table.contains("class=\"empty\"") ? 1 : 0);
	}

	@Test
	void everyPartyPageShowsTheWorkInChineseAndEnglish() throws Exception {
		LocalDate today = this.f.today();
		long committee = this.f.committee();
		long joint = this.f.found("页面联合党支部", "BRANCH", "JOINT", committee, List.of(this.f.ent(1), this.f.ent(2)),
				today.minusMonths(3));
		long member = this.f.member(joint, "页面党员", "PROBATIONARY", this.f.ent(1), "13600001234");
		Number instructor = TestApi.read(this.f
			.post(this.f.staff, "/api/v1/party/instructors",
					Map.of("zoneCode", this.f.zone, "name", "页面指导员", "enterpriseCreditCodes", List.of(this.f.ent(3))))
			.andReturn(), "$.id");
		this.f.post(this.f.staff, "/api/v1/party/activities", Map.of("organisationId", joint, "kind", "THREE_MEETINGS",
				"on", today.toString(), "title", "支部党员大会", "participants", 9));
		Cookie staff = signIn(List.of("PARTY_STAFF"), List.of(this.f.zone), null);
		assertThat(page(staff, "/party")).contains("党组织覆盖率").contains("33.33%").contains("非公企业联合党支部");
		assertThat(page(staff, "/party/organisations")).contains("页面联合党支部").contains("组织架构").contains("党工委");
		assertThat(page(staff, "/party/organisations/" + joint)).contains("党建测试企业1有限公司").contains("修改与换届");
		String members = page(staff, "/party/members");
		assertThat(members).contains("页面党员").contains("136****1234").doesNotContain("13600001234").contains("不登记身份证号");
		assertThat(page(staff, "/party/members/" + member)).contains("13600001234").contains("转正");
		assertThat(page(staff, "/party/instructors")).contains("页面指导员");
		assertThat(page(staff, "/party/instructors/" + instructor)).contains("党建测试企业3有限公司");
		assertThat(page(staff, "/party/activities")).contains("支部党员大会").contains("三会一课");
		assertThat(page(staff, "/party/screening")).contains("应建未建").contains("党建测试企业6有限公司");
		assertThat(page(staff, "/party?lang=en")).contains("Organisation coverage").contains("Joint branch");
		assertThat(page(staff, "/party/screening?lang=en")).contains("Not covered");
		// the leader reads, sees no forms
		Cookie leader = signIn(List.of("LEADER"), List.of(this.f.zone), null);
		assertThat(page(leader, "/party/organisations")).contains("页面联合党支部").doesNotContain("found-form");
		// the enterprise user reaches nothing
		Cookie enterprise = signIn(List.of("ENTERPRISE"), List.of(), this.f.ent(1));
		for (String path : List.of("/party", "/party/members", "/party/organisations/" + joint, "/party/screening")) {
			this.mvc.perform(get(path).cookie(enterprise)).andExpect(status().isForbidden());
		}
	}

	@Test
	void theFormFoundsAJointBranchAndAStaleEditKeepsWhatWasTyped() throws Exception {
		Cookie staff = signIn(List.of("PARTY_STAFF"), List.of(this.f.zone), null);
		String location = this.mvc
			.perform(post("/party/organisations").cookie(staff)
				.with(csrf())
				.param("name", "表单联合党支部")
				.param("kind", "BRANCH")
				.param("branchType", "JOINT")
				.param("foundedOn", this.f.today().toString())
				.param("enterpriseCreditCodes", this.f.ent(4), this.f.ent(5), this.f.ent(6)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/party/organisations/");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		this.f.coverage(this.f.staff, null)
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.jsonPath("$.jointBranchEnterprises", org.hamcrest.Matchers.is(3)));
		// an own branch with two enterprises is refused on the page with the field named
		this.mvc
			.perform(post("/party/organisations").cookie(staff)
				.with(csrf())
				.param("name", "错误单建")
				.param("kind", "BRANCH")
				.param("branchType", "OWN")
				.param("foundedOn", this.f.today().toString())
				.param("enterpriseCreditCodes", this.f.ent(1), this.f.ent(2)))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("problemTexts",
						org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("覆盖企业"))));
		// two editors read version 0; the second save is stale: 409, typed values kept
		this.mvc
			.perform(post("/party/organisations/" + id).cookie(staff)
				.with(csrf())
				.param("name", "表单联合党支部")
				.param("secretary", "先改的书记")
				.param("termYears", "3")
				.param("version", "0"))
			.andExpect(status().is3xxRedirection());
		String stale = this.mvc
			.perform(post("/party/organisations/" + id).cookie(staff)
				.with(csrf())
				.param("name", "表单联合党支部")
				.param("secretary", "后改的书记")
				.param("termYears", "3")
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("后改的书记");
		assertThat(this.jdbc.sql("SELECT secretary FROM party_organisation WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("先改的书记");
	}

}
