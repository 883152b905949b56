package io.parkops.enterprise;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.AuditTrail.AuditEntry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static io.parkops.enterprise.EnterpriseApiTests.newCreditCode;
import static io.parkops.enterprise.EnterpriseImportTests.XLSX;
import static io.parkops.enterprise.EnterpriseImportTests.row;
import static io.parkops.enterprise.EnterpriseImportTests.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the audit trail keeps besides edits: every record an import creates plus the file
 * (name, SHA-256, rows), every export with its filter and row count, every refused
 * request, sign-outs and token revocations.
 */
@ParkOpsTest
class ImportAndAccessAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	TestApi api;

	String admin;

	String zone;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("aud-"), "east");
	}

	@Test
	void anImportAuditsEveryEnterpriseItCreatesAndTheFile() throws Exception {
		String a = newCreditCode();
		String b = newCreditCode();
		byte[] file = workbook(List.of(row(a, "审计一号有限公司", "east", "C39", "否"), row(b, "审计二号有限公司", "east", "C39", "否")));
		this.mvc
			.perform(bearer(this.admin,
					multipart("/api/v1/enterprises/imports")
						.file(new MockMultipartFile("file", "两家企业.xlsx", XLSX, file))
						.param("zone", this.zone)))
			.andExpect(status().isOk());
		for (String code : List.of(a, b)) {
			List<AuditEntry> records = find(null, "enterprise", code);
			assertThat(records).extracting(AuditEntry::action).containsExactly("IMPORT_CREATE");
			assertThat(records.get(0).before()).isNull();
			assertThat(records.get(0).after()).contains(code).contains("审计");
			assertThat(records.get(0).username()).isEqualTo("admin");
		}
		List<AuditEntry> fileRecord = find(null, "enterprise", this.zone);
		assertThat(fileRecord).extracting(AuditEntry::action).containsExactly("IMPORT");
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
		assertThat(fileRecord.get(0).after()).contains("\"file\":\"两家企业.xlsx\"")
			.contains("\"sha256\":\"" + sha + "\"")
			.contains("\"rows\":2");
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void exportsDenialsSignOutsAndRevocationsAreAudited() throws Exception {
		String staff = this.api.createUser(this.admin, unique("exp-"), List.of("ECONOMY_STAFF"), List.of(this.zone),
				null);
		String token = this.api.token(staff, TestApi.STRONG_PASSWORD);
		for (String name : List.of("导出一号有限公司", "导出二号有限公司", "导出三号有限公司")) {
			this.api
				.postJson(token, "/api/v1/enterprises",
						EnterpriseApiTests.enterprise(newCreditCode(), name, this.zone, "east", "C39", false))
				.andExpect(status().isCreated());
		}
		this.mvc.perform(TestApi.bearer(token, get("/api/v1/enterprises/export").param("zone", this.zone)).accept(XLSX))
			.andExpect(status().isOk());
		List<AuditEntry> exports = find(staff, "download", null);
		assertThat(exports).extracting(AuditEntry::action).containsExactly("EXPORT");
		assertThat(exports.get(0).after()).contains("\"rows\":3")
			.contains("\"zone\":\"" + this.zone + "\"")
			.contains("/api/v1/enterprises/export");

		this.mvc
			.perform(bearer(token,
					TestApi.withJson(put("/api/v1/roles/LEADER/permissions"),
							java.util.Map.of("permissions", List.of("system:user:edit")))))
			.andExpect(status().isForbidden());
		List<AuditEntry> denials = find(staff, "access", null);
		assertThat(denials).extracting(AuditEntry::action).containsExactly("ACCESS_DENIED");
		assertThat(denials.get(0).entityId()).isEqualTo("/api/v1/roles/LEADER/permissions");

		Cookie session = this.mvc
			.perform(post("/login").param("username", staff).param("password", TestApi.STRONG_PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(get("/audit").cookie(session)).andExpect(status().isForbidden());
		assertThat(find(staff, "access", null)).extracting(AuditEntry::entityId).contains("/audit");
		this.mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(bearer(token, delete("/api/v1/auth/token"))).andExpect(status().isNoContent());
		assertThat(find(staff, "session", null)).extracting(AuditEntry::action).contains("LOGOUT", "TOKEN_REVOKE");
	}

	private List<AuditEntry> find(String user, String entity, String entityId) {
		return this.audit.search(new AuditTrail.AuditQuery(user, entity, entityId, null, null, 0, 100)).items();
	}

}
