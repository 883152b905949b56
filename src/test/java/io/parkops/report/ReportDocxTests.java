package io.parkops.report;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.OfficeRendering;
import io.parkops.ParkOpsTest;
import io.parkops.TestApi;
import io.parkops.report.internal.ReportProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.parkops.TestApi.bearer;
import static io.parkops.TestApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Word file of a report opens, is laid out as GB/T 9704-2012 asks (A4, margins, text
 * block 156 × 225 mm, 2号小标宋 title, 3号仿宋 body, 黑体 and 楷体 headings) and holds the report's
 * text with the figures written out; an administrator's template replaces the bundled
 * one.
 */
@ParkOpsTest
class ReportDocxTests {

	static final double TWIPS_PER_MM = 1440 / 25.4;

	@Autowired
	MockMvc mvc;

	@Autowired
	ReportProperties properties;

	TestApi api;

	String token;

	long id;

	@BeforeEach
	void setUp() throws Exception {
		this.api = new TestApi(this.mvc);
		String admin = this.api.adminToken();
		// a zone named as zones are: the title's line breaks depend on the printed width
		// of
		// the name, which a random Latin code would make vary from run to run
		String zone = TestApi.unique("rpd");
		this.api
			.postJson(admin, "/api/v1/zones",
					Map.of("code", zone, "name", "云溪经济开发区", "areas", List.of(Map.of("code", "east", "name", "东区"))))
			.andExpect(status().isCreated());
		TestWorkLines.register(zone, new TestWorkLines.Data(new BigDecimal("557100"), new BigDecimal("484000"),
				new BigDecimal("20"), 63, 50, 4, YearMonth.of(2024, 5), 9));
		String user = this.api.createUser(admin, TestApi.unique("u-"), List.of("LEADER"), List.of(zone), null);
		this.token = this.api.token(user, TestApi.STRONG_PASSWORD);
		MvcResult created = this.api
			.postJson(this.token, "/api/v1/reports",
					Map.of("zoneCode", zone, "kind", "HALF_YEAR", "year", 2024, "asOf", "2024-06-30"))
			.andExpect(status().isCreated())
			.andReturn();
		this.id = ((Number) read(created, "$.id")).longValue();
	}

	byte[] downloadBytes() throws Exception {
		return this.mvc.perform(bearer(this.token, get("/api/v1/reports/" + this.id + "/docx")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	@Test
	void theReportPrintsWithItsTitleBrokenBetweenWordsAndSignedByTheCommittee() throws Exception {
		OfficeRendering.assumeInstalled();
		OfficeRendering.Pdf pdf = OfficeRendering.render(downloadBytes(), "report");
		assertThat(pdf.pages()).hasSize(2);
		List<String> lines = pdf.text()
			.lines()
			.map((l) -> l.replaceAll("\\s+", ""))
			.filter((l) -> !l.isEmpty())
			.toList();
		// the title in two lines, broken before its second half
		assertThat(lines.get(0)).endsWith("2024年上半年工作总结");
		assertThat(lines.get(1)).isEqualTo("和下半年工作打算");
		String text = pdf.text().replaceAll("\\s+", "");
		assertThat(text).contains("一、主要工作完成情况", "（二）经济运行情况", "二、存在的问题", "三、下半年工作打算", "管理委员会2024年6月30日", "—1—");
		assertThat(text).doesNotContain("{{");
	}

	XWPFDocument download() throws Exception {
		MvcResult result = this.mvc.perform(bearer(this.token, get("/api/v1/reports/" + this.id + "/docx")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains("filename*=UTF-8''");
		return new XWPFDocument(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
	}

	@Test
	void theWordFileHasTheLayoutOfGbt9704() throws Exception {
		try (XWPFDocument doc = download()) {
			CTSectPr sect = doc.getDocument().getBody().getSectPr();
			CTPageSz size = sect.getPgSz();
			CTPageMar margins = sect.getPgMar();
			assertThat(mm(size.getW())).isEqualTo(210.0);
			assertThat(mm(size.getH())).isEqualTo(297.0);
			assertThat(mm(margins.getTop())).isEqualTo(37.0);
			assertThat(mm(margins.getLeft())).isEqualTo(28.0);
			// the text block is 156 × 225 mm
			assertThat(mm(size.getW()) - mm(margins.getLeft()) - mm(margins.getRight())).isEqualTo(156.0);
			assertThat(mm(size.getH()) - mm(margins.getTop()) - mm(margins.getBottom())).isEqualTo(225.0);

			List<XWPFParagraph> paragraphs = doc.getParagraphs();
			XWPFParagraph title = paragraphs.get(0);
			// too long for one line of 2号: the template breaks it before its second half
			assertThat(title.getText()).endsWith("2024年上半年工作总结\n和下半年工作打算");
			assertFont(doc, title, "方正小标宋简体", 44);

			XWPFParagraph h1 = find(paragraphs, "一、主要工作完成情况");
			assertFont(doc, h1, "黑体", 32);
			XWPFParagraph h2 = find(paragraphs, "（二）经济运行情况");
			assertFont(doc, h2, "楷体_GB2312", 32);
			XWPFParagraph body = paragraphs.stream()
				.filter((p) -> p.getText().contains("完成工业产值55.71亿元，同比增长15.1%"))
				.findFirst()
				.orElseThrow();
			assertFont(doc, body, "仿宋_GB2312", 32);
			assertThat(paragraphs).extracting(XWPFParagraph::getText)
				.contains("二、存在的问题", "三、下半年工作打算", "二是仍有4个隐患逾期未整改。", "2024年6月30日")
				// signed by the zone's committee (parkops.report.issuer-format)
				.anyMatch((t) -> t.endsWith("管理委员会"));
			assertThat(paragraphs).extracting(XWPFParagraph::getText).noneMatch((t) -> t.contains("{{") || t.isBlank());
			// nothing is underlined
			assertThat(paragraphs.stream().flatMap((p) -> p.getRuns().stream()))
				.allMatch((r) -> r.getCTR().getRPr() == null || r.getCTR().getRPr().sizeOfUArray() == 0);
			// where 方正小标宋简体 is not installed Word falls back to 宋体
			String fontTable = new String(doc.getPackage()
				.getPartsByName(java.util.regex.Pattern.compile("/word/fontTable.xml"))
				.get(0)
				.getInputStream()
				.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(fontTable).contains("w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>");
		}
	}

	@Test
	void anAdministratorsTemplateReplacesTheBundledOne() throws Exception {
		Path path = Path.of(this.properties.template());
		Files.createDirectories(path.getParent());
		try (XWPFDocument template = new XWPFDocument(); OutputStream out = Files.newOutputStream(path)) {
			template.createParagraph().createRun().setText("云溪管委会专用模板");
			template.createParagraph().createRun().setText("{{title}}");
			template.createParagraph().createRun().setText("{{?blocks}}{{text}}{{/blocks}}");
			template.write(out);
		}
		try (XWPFDocument doc = download()) {
			assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("云溪管委会专用模板");
			assertThat(doc.getParagraphs().get(1).getText()).endsWith("2024年上半年工作总结\n和下半年工作打算");
			assertThat(doc.getParagraphs().get(2).getText()).contains("一、主要工作完成情况").contains("55.71亿元");
		}
		finally {
			Files.delete(path);
		}
		try (XWPFDocument doc = download()) {
			assertThat(doc.getParagraphs().get(0).getText()).endsWith("2024年上半年工作总结\n和下半年工作打算");
		}
	}

	static double mm(Object twips) {
		return Math.round(new BigInteger(twips.toString()).doubleValue() / TWIPS_PER_MM);
	}

	static XWPFParagraph find(List<XWPFParagraph> paragraphs, String text) {
		return paragraphs.stream().filter((p) -> p.getText().equals(text)).findFirst().orElseThrow();
	}

	/**
	 * The font and size of a paragraph's style, following basedOn to the document
	 * defaults.
	 */
	static void assertFont(XWPFDocument doc, XWPFParagraph p, String font, int halfPoints) {
		String eastAsia = null;
		BigInteger size = null;
		XWPFStyle style = doc.getStyles().getStyle(p.getStyleID());
		while (style != null && (eastAsia == null || size == null)) {
			CTRPr run = style.getCTStyle().getRPr();
			if (run != null) {
				if (eastAsia == null && run.sizeOfRFontsArray() > 0) {
					eastAsia = run.getRFontsArray(0).getEastAsia();
				}
				if (size == null && run.sizeOfSzArray() > 0) {
					size = new BigInteger(run.getSzArray(0).getVal().toString());
				}
			}
			style = Optional.ofNullable(style.getBasisStyleID()).map((b) -> doc.getStyles().getStyle(b)).orElse(null);
		}
		assertThat(eastAsia).as("font of " + p.getText()).isEqualTo(font);
		assertThat(size).as("size of " + p.getText()).isEqualTo(BigInteger.valueOf(halfPoints));
	}

}
