package io.parkops.enterprise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.read;
import static io.parkops.TestApi.unique;
import static io.parkops.TestApi.withJson;
import static io.parkops.enterprise.EnterpriseImportTests.row;
import static io.parkops.enterprise.EnterpriseImportTests.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ownership type of an enterprise (登记注册类型, issue 13): registered and changed through
 * the API and the form, checked, staff's to set, imported from the template's last column
 * (a workbook of an older template still imports, 未填), shown on the file page.
 */
@ParkOpsTest
class EnterpriseOwnershipTypeTests {

	@Autowired
	MockMvc mvc;

	TestApi api;

	String admin;

	String zone;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("own-"), "east");
	}

	private String register(String name, String ownership) throws Exception {
		String code = EnterpriseApiTests.newCreditCode();
		Map<String, Object> body = EnterpriseApiTests.enterprise(code, name, this.zone, "east", "C39", false);
		if (ownership != null) {
			body.put("ownershipType", ownership);
		}
		this.api.postJson(this.admin, "/api/v1/enterprises", body).andExpect(status().isCreated());
		return code;
	}

	private long version(String code) throws Exception {
		return ((Number) read(this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + code))).andReturn(),
				"$.version"))
			.longValue();
	}

	@Test
	void theApiReadsAndWritesTheOwnershipTypeAndRefusesAnUnknownOne() throws Exception {
		String code = register("登记类型民营有限公司", "PRIVATE");
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + code)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownershipType").value("PRIVATE"));
		String unstated = register("登记类型未填有限公司", null);
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + unstated)))
			.andExpect(jsonPath("$.ownershipType").doesNotExist());

		Map<String, Object> change = new LinkedHashMap<>();
		change.put("version", version(code));
		change.put("ownershipType", "FOREIGN");
		this.mvc.perform(bearer(this.admin, withJson(patch("/api/v1/enterprises/" + code), change)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownershipType").value("FOREIGN"));
		// a change without the field keeps it; an empty one clears it (未填)
		change.put("version", version(code));
		change.remove("ownershipType");
		change.put("contactName", "王经理");
		this.mvc.perform(bearer(this.admin, withJson(patch("/api/v1/enterprises/" + code), change)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownershipType").value("FOREIGN"));
		change.put("version", version(code));
		change.put("ownershipType", "");
		this.mvc.perform(bearer(this.admin, withJson(patch("/api/v1/enterprises/" + code), change)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownershipType").doesNotExist());

		change.put("version", version(code));
		change.put("ownershipType", "MARTIAN");
		this.mvc.perform(bearer(this.admin, withJson(patch("/api/v1/enterprises/" + code), change)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownershipType"));
		Map<String, Object> bad = EnterpriseApiTests.enterprise(EnterpriseApiTests.newCreditCode(), "登记类型错误有限公司",
				this.zone, "east", "C39", false);
		bad.put("ownershipType", "x".repeat(500));
		this.api.postJson(this.admin, "/api/v1/enterprises", bad)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownershipType"));
	}

	@Test
	void theTemplateCarriesTheTypeAsItsLastColumnAndAnOlderWorkbookStillImports() throws Exception {
		String older = EnterpriseApiTests.newCreditCode();
		String foreign = EnterpriseApiTests.newCreditCode();
		String state = EnterpriseApiTests.newCreditCode();
		// twelve columns: a workbook of the template before e-mail and ownership type
		byte[] old = workbook(List.of(row(older, "旧模板导入有限公司", "east", "C39", "否", "", "投产")));
		upload(old).andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(1));
		byte[] current = workbook(
				List.of(row(foreign, "外商导入有限公司", "east", "C39", "否", "", "投产", "", "", "", "", "", "", "外商"),
						row(state, "国有导入有限公司", "east", "C39", "否", "", "投产", "", "", "", "", "", "", "STATE_OWNED")));
		upload(current).andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(2));
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + older)))
			.andExpect(jsonPath("$.ownershipType").doesNotExist());
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + foreign)))
			.andExpect(jsonPath("$.ownershipType").value("FOREIGN"));
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + state)))
			.andExpect(jsonPath("$.ownershipType").value("STATE_OWNED"));

		byte[] wrong = workbook(List.of(row(EnterpriseApiTests.newCreditCode(), "火星导入有限公司", "east", "C39", "否", "",
				"投产", "", "", "", "", "", "", "火星")));
		upload(wrong).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].row", contains(2)))
			.andExpect(jsonPath("$.errors[0].column").value("登记注册类型"));
	}

	@Test
	void theFormSetsItAndTheFileShowsItsNameOr未填() throws Exception {
		String code = register("表单登记类型有限公司", null);
		String staff = this.api.createUser(this.admin, unique("own-"), List.of("ECONOMY_STAFF"), List.of(this.zone),
				null);
		Cookie session = this.api.session(staff, STRONG_PASSWORD);
		String before = this.mvc.perform(get("/enterprises/" + code).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(before).contains("登记注册类型").contains("未填");
		String form = this.mvc.perform(get("/enterprises/" + code + "/edit").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("name=\"ownershipType\"").contains(">港澳台<");
		this.mvc
			.perform(post("/enterprises").cookie(session)
				.with(csrf())
				.param("creating", "false")
				.param("creditCode", code)
				.param("name", "表单登记类型有限公司")
				.param("status", "IN_PRODUCTION")
				.param("ownershipType", "HONG_KONG_MACAO_TAIWAN")
				.param("version", Long.toString(version(code))))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + code)))
			.andExpect(jsonPath("$.ownershipType").value("HONG_KONG_MACAO_TAIWAN"));
		MvcResult after = this.mvc.perform(get("/enterprises/" + code).cookie(session)).andReturn();
		assertThat(after.getResponse().getContentAsString()).contains("<dd>港澳台</dd>");
		MvcResult refused = this.mvc
			.perform(post("/enterprises").cookie(session)
				.with(csrf())
				.param("creating", "false")
				.param("creditCode", code)
				.param("name", "表单登记类型有限公司")
				.param("status", "IN_PRODUCTION")
				.param("ownershipType", "MARTIAN")
				.param("version", Long.toString(version(code))))
			.andReturn();
		assertThat(refused.getResponse().getContentAsString()).contains("不是有效的登记注册类型");
	}

	private org.springframework.test.web.servlet.ResultActions upload(byte[] file) throws Exception {
		return this.mvc.perform(bearer(this.admin,
				multipart("/api/v1/enterprises/imports")
					.file(new MockMultipartFile("file", "enterprises.xlsx", EnterpriseImportTests.XLSX, file))
					.param("zone", this.zone)));
	}

}
