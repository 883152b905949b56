package io.parkops.enterprise;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static io.parkops.TestApi.STRONG_PASSWORD;
import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.unique;
import static io.parkops.enterprise.EnterpriseApiTests.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Excel import of enterprises: all rows or none, with every problem named by row and
 * column. Columns as in the template: credit code, name, area, industry, 规上 (是/否), 规上
 * since, status, legal representative, contact, phone, address, tags.
 */
@ParkOpsTest
class EnterpriseImportTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final List<String> HEADERS = List.of("统一社会信用代码", "企业名称", "片区", "行业代码", "是否规上", "入规年月", "状态", "法定代表人", "联系人",
			"联系电话", "地址", "标签");

	@Autowired
	MockMvc mvc;

	TestApi api;

	String admin;

	String zone;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		this.admin = this.api.adminToken();
		this.zone = this.api.createZone(this.admin, unique("imp-"), "east", "west");
	}

	/**
	 * A workbook with the header row and the given rows (a Number stays a number cell).
	 */
	static byte[] workbook(List<List<Object>> rows) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "ParkOpsTests", "1.0");
		Worksheet sheet = wb.newWorksheet("enterprises");
		for (int c = 0; c < HEADERS.size(); c++) {
			sheet.value(0, c, HEADERS.get(c));
		}
		for (int r = 0; r < rows.size(); r++) {
			List<Object> row = rows.get(r);
			for (int c = 0; c < row.size(); c++) {
				Object v = row.get(c);
				if (v instanceof Number n) {
					sheet.value(r + 1, c, n);
				}
				else if (v != null) {
					sheet.value(r + 1, c, v.toString());
				}
			}
		}
		wb.finish();
		return out.toByteArray();
	}

	static List<Object> row(Object... cells) {
		return new ArrayList<>(Arrays.asList(cells));
	}

	ResultActions upload(String token, String zone, byte[] file) throws Exception {
		return this.mvc.perform(bearer(token,
				multipart("/api/v1/enterprises/imports")
					.file(new MockMultipartFile("file", "enterprises.xlsx", XLSX, file))
					.param("zone", zone)));
	}

	ResultActions fetch(String creditCode) throws Exception {
		return this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/" + creditCode)));
	}

	void assertNotStored(String... codes) throws Exception {
		for (String code : codes) {
			fetch(code).andExpect(status().isNotFound());
		}
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises").param("zone", this.zone)))
			.andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void goodFileImportsEveryRow() throws Exception {
		String a = newCreditCode();
		String b = newCreditCode();
		String c = newCreditCode();
		byte[] file = workbook(List.of(
				row(a, "导入电子有限公司", "east", "C39", "是", "2021-01", "投产", "张三", "李四", 13800000000L, "工业大道1号",
						"电子信息、专精特新"),
				row(b, "导入化工有限公司", "west", "C26", "否", null, "在建"),
				row(c.toLowerCase(), "Imported Trading Co", null, "F51", null, null, "IN_PRODUCTION")));
		upload(this.admin, this.zone, file).andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(3));

		fetch(a).andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("导入电子有限公司"))
			.andExpect(jsonPath("$.zoneCode").value(this.zone))
			.andExpect(jsonPath("$.areaCode").value("east"))
			.andExpect(jsonPath("$.industryCode").value("C39"))
			.andExpect(jsonPath("$.aboveScale").value(true))
			.andExpect(jsonPath("$.aboveScaleSince").value("2021-01"))
			.andExpect(jsonPath("$.status").value("IN_PRODUCTION"))
			.andExpect(jsonPath("$.legalRepresentative").value("张三"))
			.andExpect(jsonPath("$.contactName").value("李四"))
			.andExpect(jsonPath("$.contactPhone").value("13800000000"))
			.andExpect(jsonPath("$.tags", contains("电子信息", "专精特新")));
		fetch(b).andExpect(status().isOk())
			.andExpect(jsonPath("$.aboveScale").value(false))
			.andExpect(jsonPath("$.status").value("BUILDING"));
		fetch(c).andExpect(status().isOk()).andExpect(jsonPath("$.areaCode").doesNotExist());
		this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises").param("zone", this.zone)))
			.andExpect(jsonPath("$.total").value(3));
	}

	@Test
	void oneBadRowStoresNothingAndIsNamed() throws Exception {
		String a = newCreditCode();
		String bad = a.substring(0, 17) + (a.charAt(17) == '0' ? '1' : '0');
		String c = newCreditCode();
		String d = newCreditCode();
		byte[] file = workbook(
				List.of(row(a, "Good one", "east", "C39", "否"), row(newCreditCode(), "Good two", "east", "C39", "否"),
						row(bad, "Bad check character", "east", "C39", "否"),
						row(c, "Good three", "west", "C26", "是", "2022-05"), row(d, "Good four", "west", "C26", "否")));
		MvcResult result = upload(this.admin, this.zone, file).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].row", contains(4)))
			.andExpect(jsonPath("$.errors[0].column", not(emptyString())))
			.andExpect(jsonPath("$.errors[0].message", not(emptyString())))
			.andReturn();
		assertThat(TestApi.<String>read(result, "$.errors[0].column")).isIn("creditCode", HEADERS.get(0));
		assertNotStored(a, c, d, bad);
	}

	@Test
	void everyProblemIsListedByRowAndColumn() throws Exception {
		String first = newCreditCode();
		byte[] file = workbook(List.of(row(first, "Fine", "east", "C39", "否"),
				row(newCreditCode(), "Unknown industry", "east", "Z99", "否"),
				row(newCreditCode(), "Unknown area", "north", "C39", "否"),
				row(newCreditCode(), "Not yes or no", "east", "C39", "maybe"),
				row(newCreditCode(), "Above scale without month", "east", "C39", "是"),
				row(first, "Same code again", "east", "C39", "否"), row(newCreditCode(), "", "east", "C39", "否")));
		upload(this.admin, this.zone, file).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].row", contains(3, 4, 5, 6, 7, 8)))
			.andExpect(jsonPath("$.errors[*].message", everyItem(not(emptyString()))));
		assertNotStored(first);
	}

	@Test
	void alreadyRegisteredCodeIsReportedAndNothingIsStored() throws Exception {
		String existing = newCreditCode();
		upload(this.admin, this.zone, workbook(List.of(row(existing, "Registered before", "east", "C39", "否"))))
			.andExpect(status().isOk());
		String fresh = newCreditCode();
		upload(this.admin, this.zone,
				workbook(List.of(row(fresh, "New one", "east", "C39", "否"),
						row(existing, "Registered again", "east", "C39", "否"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].row", contains(3)));
		fetch(fresh).andExpect(status().isNotFound());
		fetch(existing).andExpect(jsonPath("$.name").value("Registered before"));
	}

	@Test
	void fileThatIsNotAWorkbookIsRefused() throws Exception {
		upload(this.admin, this.zone, "credit code,name\n".getBytes()).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].row").value(0))
			.andExpect(jsonPath("$.errors[0].message", not(emptyString())));
		upload(this.admin, this.zone, workbook(List.of())).andExpect(status().isBadRequest());
	}

	@Test
	void onlyStaffOfTheZoneWithImportPermissionMayImport() throws Exception {
		String otherZone = this.api.createZone(this.admin, unique("imp-"), "east");
		String staff = this.api.createUser(this.admin, unique("eco-"), List.of("ECONOMY_STAFF"), List.of(otherZone),
				null);
		String leader = this.api.createUser(this.admin, unique("lead-"), List.of("LEADER"), List.of(this.zone), null);
		String code = newCreditCode();
		byte[] file = workbook(List.of(row(code, "Not allowed", "east", "C39", "否")));
		upload(this.api.token(staff, STRONG_PASSWORD), this.zone, file).andExpect(status().isForbidden());
		upload(this.api.token(leader, STRONG_PASSWORD), this.zone, file).andExpect(status().isForbidden());
		assertNotStored(code);
		// the staff member may import into their own zone
		upload(this.api.token(staff, STRONG_PASSWORD), otherZone, file).andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(1));
	}

	@Test
	void importIsAudited() throws Exception {
		String code = newCreditCode();
		upload(this.admin, this.zone, workbook(List.of(row(code, "Audited import", "east", "C39", "否"))))
			.andExpect(status().isOk());
		String auditor = this.api.auditorToken(this.admin);
		this.mvc
			.perform(bearer(auditor,
					get("/api/v1/audit").param("entity", "enterprise").param("user", "admin").param("size", "500")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].entityId", hasItem(this.zone)))
			.andExpect(jsonPath("$.items[*].action", hasItem("IMPORT")));
	}

	@Test
	void templateHasTheColumnsInTheUsersLanguage() throws Exception {
		MvcResult zh = this.mvc.perform(bearer(this.admin, get("/api/v1/enterprises/imports/template")).accept(XLSX))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(XLSX))
			.andReturn();
		List<List<String>> rows = read(zh.getResponse().getContentAsByteArray());
		assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
		List<String> header = rows.get(0);
		assertThat(header).hasSize(14).allSatisfy((h) -> assertThat(h).isNotBlank());
		assertThat(header.subList(12, 14))
			.as("e-mail, then the ownership type last, so that workbooks made from older templates still import")
			.containsExactly("电子邮箱", "登记注册类型");
		assertThat(rows.get(1).get(13)).as("the sample row's ownership type").isEqualTo("民营");
		assertThat(header).as("Chinese column headers, not field names")
			.allSatisfy((h) -> assertThat(h).matches(".*\\p{IsHan}.*"));
		assertThat(CreditCode.isValid(rows.get(1).get(0))).as("the sample row's credit code").isTrue();

		MvcResult en = this.mvc
			.perform(bearer(this.admin, get("/api/v1/enterprises/imports/template").param("lang", "en")).accept(XLSX))
			.andExpect(status().isOk())
			.andReturn();
		List<String> englishHeader = read(en.getResponse().getContentAsByteArray()).get(0);
		assertThat(englishHeader).hasSize(14).noneMatch((h) -> h.matches(".*\\p{IsHan}.*"));
		assertThat(englishHeader).doesNotContain("creditCode", "aboveScaleSince");
	}

	static List<List<String>> read(byte[] xlsx) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
				Stream<Row> stream = wb.getFirstSheet().openStream()) {
			stream.forEach((r) -> {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < r.getCellCount(); i++) {
					cells.add(r.getCellText(i));
				}
				rows.add(cells);
			});
		}
		return rows;
	}

}
