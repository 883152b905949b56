package io.parkops.report;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Writes the bundled report template {@code src/main/resources/report/template.docx} in
 * the layout of GB/T 9704-2012: A4, top margin 37 mm, left 28 mm, a text block of 156 ×
 * 225 mm with 22 lines (exact line spacing of 28.95 pt) of 28 characters (3号 condensed by
 * 0.2 pt); title 2号 (22 pt) 方正小标宋简体, body 3号 (16 pt) 仿宋_GB2312, 一、 headings 黑体, （一）
 * headings 楷体_GB2312, page numbers 4号 宋体 as "— 1 —" (right on odd pages, left on even
 * ones). The font table names 宋体 (or the plain 仿宋/楷体) as the alternative where the GB
 * fonts are not installed.
 * <p>
 * Run it after changing the layout and commit the file (the bench profile runs a main
 * class of the test classpath): {@code ./mvnw -Pbench -DskipTests verify
 * -Dbench.main=io.parkops.report.ReportTemplateGenerator}.
 */
public final class ReportTemplateGenerator {

	/** Twentieths of a point per millimetre. */
	static final double TWIPS_PER_MM = 1440 / 25.4;

	static final String TITLE_FONT = "方正小标宋简体";

	static final String BODY_FONT = "仿宋_GB2312";

	static final String H1_FONT = "黑体";

	static final String H2_FONT = "楷体_GB2312";

	static final String PAGE_NUMBER_FONT = "宋体";

	/** 225 mm / 22 lines = 28.95 pt. */
	static final int LINE_PITCH = 579;

	/** Character spacing of the body in twentieths of a point. */
	static final int CONDENSE = -4;

	/** Two characters of 16 pt. */
	static final int INDENT = 640;

	private ReportTemplateGenerator() {
	}

	public static void main(String[] args) throws Exception {
		Path target = Path.of((args.length > 0) ? args[0] : "src/main/resources/report/template.docx");
		Files.createDirectories(target.getParent());
		try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(target)) {
			styles(doc);
			page(doc);
			paragraph(doc, "ReportTitle", "{{title}}");
			paragraph(doc, "Normal", "{{?blocks}}");
			paragraph(doc, "Heading1", "{{?h1}}{{text}}{{/h1}}");
			paragraph(doc, "Heading2", "{{?h2}}{{text}}{{/h2}}");
			paragraph(doc, "Normal", "{{?body}}{{text}}{{/body}}");
			paragraph(doc, "Normal", "{{/blocks}}");
			paragraph(doc, "ReportSignature", "{{signature}}").setSpacingBefore(LINE_PITCH * 2);
			paragraph(doc, "ReportSignature", "{{date}}");
			footers(doc);
			fontTable(doc);
			doc.write(out);
		}
		System.out.println("Wrote " + target.toAbsolutePath());
	}

	static long mm(double mm) {
		return Math.round(mm * TWIPS_PER_MM);
	}

	private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
		XWPFParagraph p = doc.createParagraph();
		p.setStyle(style);
		p.createRun().setText(text);
		return p;
	}

	private static void page(XWPFDocument doc) {
		CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
				: doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
		size.setW(BigInteger.valueOf(mm(210)));
		size.setH(BigInteger.valueOf(mm(297)));
		CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
		// 210 - 28 - 156 = 26 mm right; 297 - 37 - 225 = 35 mm bottom
		margins.setTop(BigInteger.valueOf(mm(37)));
		margins.setBottom(BigInteger.valueOf(mm(35)));
		margins.setLeft(BigInteger.valueOf(mm(28)));
		margins.setRight(BigInteger.valueOf(mm(26)));
		margins.setHeader(BigInteger.valueOf(mm(15)));
		// the page number sits about 7 mm below the text block
		margins.setFooter(BigInteger.valueOf(mm(24)));
		margins.setGutter(BigInteger.ZERO);
		CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
		grid.setType(STDocGrid.LINES);
		grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
	}

	private static void styles(XWPFDocument doc) {
		CTStyles styles = CTStyles.Factory.newInstance();
		CTDocDefaults defaults = styles.addNewDocDefaults();
		CTRPr defaultRun = defaults.addNewRPrDefault().addNewRPr();
		fonts(defaultRun, BODY_FONT);
		size(defaultRun, 32);
		defaultRun.addNewLang().setEastAsia("zh-CN");

		CTStyle normal = style(styles, "Normal", "Normal", null);
		normal.setDefault(true);
		CTPPrGeneral p = normal.addNewPPr();
		p.addNewSpacing().setLine(BigInteger.valueOf(LINE_PITCH));
		p.getSpacing().setLineRule(STLineSpacingRule.EXACT);
		p.getSpacing().setBefore(BigInteger.ZERO);
		p.getSpacing().setAfter(BigInteger.ZERO);
		p.addNewInd().setFirstLine(BigInteger.valueOf(INDENT));
		p.addNewJc().setVal(STJc.BOTH);
		p.addNewWidowControl().setVal(false);
		CTRPr r = normal.addNewRPr();
		fonts(r, BODY_FONT);
		size(r, 32);
		// 28 characters in 156 mm: 442.2 pt / 28 = 15.8 pt a character, 0.2 pt less than
		// 3号
		r.addNewSpacing().setVal(BigInteger.valueOf(CONDENSE));

		CTStyle title = style(styles, "ReportTitle", "Report Title", "Normal");
		CTPPrGeneral tp = title.addNewPPr();
		tp.addNewJc().setVal(STJc.CENTER);
		tp.addNewInd().setFirstLine(BigInteger.ZERO);
		tp.addNewSpacing().setAfter(BigInteger.valueOf(LINE_PITCH));
		tp.getSpacing().setLine(BigInteger.valueOf(LINE_PITCH * 3 / 2));
		tp.getSpacing().setLineRule(STLineSpacingRule.EXACT);
		CTRPr tr = title.addNewRPr();
		fonts(tr, TITLE_FONT);
		size(tr, 44);

		CTStyle h1 = style(styles, "Heading1", "heading 1", "Normal");
		h1.addNewPPr().addNewKeepNext();
		h1.getPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
		fonts(h1.addNewRPr(), H1_FONT);

		CTStyle h2 = style(styles, "Heading2", "heading 2", "Normal");
		h2.addNewPPr().addNewKeepNext();
		h2.getPPr().addNewOutlineLvl().setVal(BigInteger.ONE);
		fonts(h2.addNewRPr(), H2_FONT);

		CTStyle signature = style(styles, "ReportSignature", "Report Signature", "Normal");
		CTPPrGeneral sp = signature.addNewPPr();
		sp.addNewJc().setVal(STJc.RIGHT);
		sp.addNewInd().setFirstLine(BigInteger.ZERO);
		sp.getInd().setRight(BigInteger.valueOf(INDENT * 2));

		CTStyle footer = style(styles, "Footer", "footer", null);
		CTRPr fr = footer.addNewRPr();
		fonts(fr, PAGE_NUMBER_FONT);
		size(fr, 28);
		doc.createStyles().setStyles(styles);
	}

	private static CTStyle style(CTStyles styles, String id, String name, String basedOn) {
		CTStyle s = styles.addNewStyle();
		s.setType(STStyleType.PARAGRAPH);
		s.setStyleId(id);
		s.addNewName().setVal(name);
		if (basedOn != null) {
			s.addNewBasedOn().setVal(basedOn);
		}
		s.addNewQFormat();
		return s;
	}

	private static void fonts(CTRPr run, String font) {
		CTFonts fonts = run.addNewRFonts();
		fonts.setAscii(font);
		fonts.setHAnsi(font);
		fonts.setEastAsia(font);
		fonts.setCs(font);
	}

	private static void size(CTRPr run, int halfPoints) {
		run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
		run.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
	}

	/**
	 * "— 1 —", right on odd pages and left on even ones, a character in from the edge.
	 */
	private static void footers(XWPFDocument doc) {
		footer(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
		footer(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
		doc.setEvenAndOddHeadings(true);
	}

	private static void footer(XWPFFooter footer, ParagraphAlignment alignment) {
		XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
		p.setStyle("Footer");
		p.setAlignment(alignment);
		if (alignment == ParagraphAlignment.RIGHT) {
			p.setIndentationRight(280);
		}
		else {
			p.setIndentationLeft(280);
		}
		XWPFRun before = p.createRun();
		before.setText("— ");
		CTSimpleField page = p.getCTP().addNewFldSimple();
		page.setInstr("PAGE");
		page.addNewR().addNewT().setStringValue("1");
		XWPFRun after = p.createRun();
		after.setText(" —");
	}

	/** The fonts with their alternatives, for Word on a machine without the GB fonts. */
	private static void fontTable(XWPFDocument doc) throws Exception {
		String[][] fonts = { { TITLE_FONT, "宋体" }, { BODY_FONT, "仿宋" }, { H1_FONT, "SimHei" }, { H2_FONT, "楷体" },
				{ PAGE_NUMBER_FONT, "SimSun" } };
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
				+ "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
		for (String[] f : fonts) {
			xml.append("<w:font w:name=\"")
				.append(f[0])
				.append("\"><w:altName w:val=\"")
				.append(f[1])
				.append("\"/><w:charset w:val=\"86\"/><w:family w:val=\"")
				.append(f[0].equals(H1_FONT) ? "modern" : "roman")
				.append("\"/><w:pitch w:val=\"variable\"/></w:font>");
		}
		xml.append("</w:fonts>");
		OPCPackage pkg = doc.getPackage();
		PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
		PackagePart part = pkg.createPart(name,
				"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml");
		try (OutputStream out = part.getOutputStream()) {
			out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
		}
		doc.getPackagePart()
			.addRelationship(name, TargetMode.INTERNAL,
					"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable");
	}

}
