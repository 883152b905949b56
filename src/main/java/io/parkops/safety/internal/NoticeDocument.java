package io.parkops.safety.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import io.parkops.safety.internal.SafetyViews.HazardView;
import io.parkops.safety.internal.SafetyViews.NoticeView;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;

/**
 * A notice (整改通知书 / 责令改正通知书) as a Word document in the form of GB/T 9704-2012 (党政机关公文格式)
 * and of the national enforcement templates: the red 发文机关标志 and red separator line, the
 * 发文字号 with the organ's abbreviation, the title, the enterprise as 主送, the numbered
 * hazards with their location and legal basis, the order with its deadline and what must
 * be reported, the enterprise's rights (行政复议 within 60 days, 行政诉讼 within 6 months), the
 * inspectors, the 署名 and 成文日期 under the seal, the 版记, and on a page of its own the 送达回执.
 * A4, top margin 37 mm, left 28 mm, a text block of 156 × 225 mm with 22 lines; the title
 * in 2号 (22 pt) 方正小标宋简体, the body in 3号 (16 pt) 仿宋_GB2312; page numbers "— 1 —". A reader
 * without those fonts substitutes its own.
 */
final class NoticeDocument {

	/** Twentieths of a point per millimetre. */
	static final double TWIPS_PER_MM = 1440 / 25.4;

	static final String TITLE_FONT = "方正小标宋简体";

	static final String BODY_FONT = "仿宋_GB2312";

	static final String RED = "FF0000";

	/** 225 mm ÷ 22 lines, in twips. */
	static final int LINE_PITCH = (int) Math.round(225 * TWIPS_PER_MM / 22);

	static final String BLANK = "__________";

	private NoticeDocument() {
	}

	/**
	 * What a notice says besides its own record.
	 *
	 * @param hazards the hazards it is issued for, with locations
	 * @param inspectors who inspected (the people of the hazards' inspections); blank
	 * lines are left for the signatures either way
	 * @param address where the enterprise is, for the receipt
	 * @param reconsiderationBody where 行政复议 is applied for
	 * @param court where 行政诉讼 is brought
	 * @param legalBasis the laws cited for each hazard, in the order of {@code hazards}
	 */
	record Content(List<HazardView> hazards, List<String> inspectors, String address, String reconsiderationBody,
			String court, List<String> legalBasis) {
	}

	static int twips(double mm) {
		return (int) Math.round(mm * TWIPS_PER_MM);
	}

	/** The document's title: 责令改正通知书 or 安全隐患整改通知书. */
	static String title(NoticeView notice) {
		return "ORDER_TO_CORRECT".equals(notice.kind()) ? "责令改正通知书" : "安全隐患整改通知书";
	}

	static void write(NoticeView notice, Content content, OutputStream out) throws IOException {
		try (XWPFDocument doc = new XWPFDocument()) {
			pageSetup(doc);
			pageNumbers(doc);
			boolean order = "ORDER_TO_CORRECT".equals(notice.kind());
			String title = title(notice);
			List<HazardView> hazards = content.hazards();

			// 版头: the organ's mark in red, the number, the red separator line
			XWPFParagraph mark = paragraph(doc, ParagraphAlignment.CENTER, notice.issuer(), TITLE_FONT,
					markSize(notice.issuer()));
			mark.getRuns().get(0).setColor(RED);
			mark.setSpacingBetween(1.5, LineSpacingRule.AUTO);
			blank(doc);
			XWPFParagraph number = paragraph(doc, ParagraphAlignment.CENTER, notice.number(), BODY_FONT, 16);
			redLine(number);
			blank(doc);
			paragraph(doc, ParagraphAlignment.CENTER, title, TITLE_FONT, 22);
			blank(doc);

			// 主送 and 正文
			paragraph(doc, ParagraphAlignment.LEFT, notice.enterpriseName() + "：", BODY_FONT, 16);
			LocalDate found = hazards.stream()
				.map(HazardView::foundOn)
				.min(LocalDate::compareTo)
				.orElse(notice.issuedOn());
			body(doc, "经" + chineseDate(found) + "检查，你单位存在下列" + (order ? "违法违规行为及" : "") + "安全生产事故隐患：");
			for (int i = 0; i < hazards.size(); i++) {
				HazardView h = hazards.get(i);
				StringBuilder line = new StringBuilder().append(i + 1).append(".").append(sentence(h.description()));
				if (h.location() != null && !h.location().isBlank()) {
					line.append("位置：").append(h.location().strip()).append("；");
				}
				line.append("类别：").append(h.category()).append("；等级：").append(levelName(h.level()));
				line.append("；依据：").append(content.legalBasis().get(i)).append("。");
				body(doc, line.toString());
			}
			String deadline = chineseDate(notice.deadline());
			if (order) {
				body(doc, "上述行为违反了有关法律法规的规定。依据上述法律法规，现责令你单位于" + deadline + "前改正完毕，达到有关法律法规规章和标准规定的要求。逾期未改正的，将依法予以处理。");
			}
			else {
				body(doc, "依据上述法律法规的规定，现责令你单位于" + deadline + "前整改完毕，达到有关法律法规规章和标准规定的要求。逾期未整改或整改不到位的，将依法予以处理。");
			}
			String meanwhile = "整改期间，你单位应当采取措施，确保安全生产";
			if (hazards.stream().anyMatch((h) -> h.planRequired())) {
				meanwhile += "；重大事故隐患应当制定并落实治理方案，做到整改措施、责任、资金、时限和预案“五到位”";
			}
			body(doc, meanwhile + "。");
			body(doc, "请于" + deadline + "前将整改情况书面报告" + notice.issuer()
					+ "，内容包括：整改措施、整改责任人、完成时间、资金投入，并附整改前后的照片等证明材料，申请验收销号。");
			body(doc, "如不服本通知，可以依法在60日内向" + content.reconsiderationBody() + "申请行政复议，或者在6个月内依法向" + content.court()
					+ "提起行政诉讼，但本通知不停止执行，法律另有规定的除外。");

			// inspectors and the enterprise's signature
			blank(doc);
			String inspectors = content.inspectors().isEmpty() ? "" : String.join("、", content.inspectors()) + "　";
			line(doc, "检查人员：" + inspectors + "（签名）" + BLANK + "　" + BLANK);
			line(doc, "执法证号：" + BLANK + "　" + BLANK);
			line(doc, "被检查单位负责人（签名）：" + BLANK + "　　年　月　日");

			// 署名 and 成文日期: the seal covers both, the date four characters from the right
			String date = chineseDate(notice.issuedOn());
			XWPFParagraph seal = paragraph(doc, ParagraphAlignment.RIGHT, "（印章）", BODY_FONT, 16);
			seal.getRuns().get(0).setColor("BFBFBF");
			seal.setIndentationRight(chars(4 + (width(date) - width("（印章）")) / 2));
			seal.setSpacingBeforeLines(100);
			XWPFParagraph issuer = paragraph(doc, ParagraphAlignment.RIGHT, notice.issuer(), BODY_FONT, 16);
			issuer.setIndentationRight(chars(Math.max(0, 4 + (width(date) - width(notice.issuer())) / 2)));
			XWPFParagraph dated = paragraph(doc, ParagraphAlignment.RIGHT, date, BODY_FONT, 16);
			dated.setIndentationRight(chars(4));

			// 版记
			blank(doc);
			XWPFParagraph record = paragraph(doc, ParagraphAlignment.LEFT,
					"本文书一式两份：一份由" + notice.issuer() + "存档，一份交被检查单位。", BODY_FONT, 14);
			record.setIndentationLeft(chars(1));
			rule(record, true);
			rule(record, false);

			receipt(doc, notice, title, content.address());
			doc.write(out);
		}
	}

	/** The 送达回执 on a page of its own: what, to whom, where, how, and two signatures. */
	private static void receipt(XWPFDocument doc, NoticeView notice, String title, String address) {
		XWPFParagraph heading = paragraph(doc, ParagraphAlignment.CENTER, "送达回执", TITLE_FONT, 22);
		heading.setPageBreak(true);
		blank(doc);
		String[][] rows = { { "送达文书名称及文号", title + "（" + notice.number() + "）" }, { "受送达人", notice.enterpriseName() },
				{ "送达地点", (address != null && !address.isBlank()) ? address.strip() : "" },
				{ "送达方式", "□直接送达　□留置送达　□邮寄送达　□电子送达" }, { "送达人（签名）", "\n\n年　月　日" }, { "受送达人（签名或盖章）", "\n\n年　月　日" },
				{ "备注", "" } };
		XWPFTable table = doc.createTable(rows.length, 2);
		table.setWidth(twips(156));
		for (int r = 0; r < rows.length; r++) {
			for (int c = 0; c < 2; c++) {
				XWPFTableCell cell = table.getRow(r).getCell(c);
				cell.setWidth(Integer.toString(twips((c == 0) ? 58 : 98)));
				cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
				XWPFParagraph p = cell.getParagraphs().get(0);
				String[] lines = rows[r][c].split("\n", -1);
				p.setAlignment((c == 1 && lines.length > 1) ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
				XWPFRun run = run(p, lines[0], BODY_FONT, 15);
				for (int i = 1; i < lines.length; i++) {
					run.addBreak();
					run.setText(lines[i]);
				}
			}
			table.getRow(r).setHeight(twips((r >= 4 && r <= 5) ? 30 : 16));
		}
		blank(doc);
		line(doc, "说明：受送达人签收后，本回执交回" + notice.issuer() + "存档。");
	}

	/** Dates are written with Arabic numerals, as the standard says: 2024年3月5日. */
	static String chineseDate(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	static String levelName(String level) {
		return switch (level) {
			case "GENERAL" -> "一般隐患";
			case "LARGER" -> "较大隐患";
			case "MAJOR" -> "重大隐患";
			default -> level;
		};
	}

	/** A description as a sentence of the list: ends with 。 before the location. */
	private static String sentence(String text) {
		String s = text.strip().replaceAll("[。；;，,\\s]+$", "");
		return s + "。";
	}

	/**
	 * The printed width in full-width characters: Latin letters and digits count half.
	 */
	static double width(String text) {
		double w = 0;
		for (int i = 0; i < text.length(); i++) {
			w += (text.charAt(i) < 0x2E80) ? 0.5 : 1;
		}
		return w;
	}

	/** Twips of {@code n} characters of 3号 (16 pt). */
	private static int chars(double n) {
		return (int) Math.round(n * 16 * 20);
	}

	/** The organ's mark: as large as fits one line of the text block, at most 36 pt. */
	static int markSize(String issuer) {
		double perChar = 156 / Math.max(1, width(issuer)) / 25.4 * 72;
		return (int) Math.max(16, Math.min(36, Math.floor(perChar)));
	}

	private static void pageSetup(XWPFDocument doc) {
		CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = sect.addNewPgSz();
		size.setW(BigInteger.valueOf(twips(210)));
		size.setH(BigInteger.valueOf(twips(297)));
		CTPageMar margin = sect.addNewPgMar();
		margin.setTop(BigInteger.valueOf(twips(37)));
		margin.setLeft(BigInteger.valueOf(twips(28)));
		margin.setRight(BigInteger.valueOf(twips(210 - 28 - 156)));
		margin.setBottom(BigInteger.valueOf(twips(297 - 37 - 225)));
		margin.setHeader(BigInteger.valueOf(twips(15)));
		margin.setFooter(BigInteger.valueOf(twips(28)));
		CTDocGrid grid = sect.addNewDocGrid();
		grid.setType(STDocGrid.LINES);
		grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
	}

	/**
	 * Page numbers as GB/T 9704 writes them: 4号 Arabic numerals between dashes, "— 1 —".
	 */
	private static void pageNumbers(XWPFDocument doc) {
		XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		run(p, "— ", "宋体", 14);
		p.getCTP().addNewFldSimple().setInstr("PAGE");
		run(p, " —", "宋体", 14);
	}

	/** The red line under the number, as wide as the text block, 4 mm below it. */
	private static void redLine(XWPFParagraph p) {
		CTPBdr borders = p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetPBdr() ? p.getCTP().getPPr().getPBdr()
				: p.getCTP().addNewPPr().addNewPBdr();
		CTBorder bottom = borders.addNewBottom();
		bottom.setVal(STBorder.SINGLE);
		bottom.setSz(BigInteger.valueOf(12));
		bottom.setSpace(BigInteger.valueOf(11));
		bottom.setColor(RED);
	}

	/** A black rule above or below a paragraph of the 版记. */
	private static void rule(XWPFParagraph p, boolean top) {
		if (top) {
			p.setBorderTop(Borders.SINGLE);
		}
		else {
			p.setBorderBottom(Borders.SINGLE);
		}
	}

	private static void body(XWPFDocument doc, String text) {
		XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH, text, BODY_FONT, 16);
		p.setIndentationFirstLine(chars(2));
	}

	private static void line(XWPFDocument doc, String text) {
		paragraph(doc, ParagraphAlignment.LEFT, text, BODY_FONT, 16);
	}

	private static void blank(XWPFDocument doc) {
		paragraph(doc, ParagraphAlignment.LEFT, "", BODY_FONT, 16);
	}

	/** A paragraph of one run on the 22-line grid. */
	private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align, String text, String font,
			int points) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(align);
		p.setSpacingBefore(0);
		p.setSpacingAfter(0);
		p.setSpacingBetween(Math.max(LINE_PITCH, points * 20 * 1.2) / 20.0, LineSpacingRule.EXACT);
		run(p, text, font, points);
		return p;
	}

	private static XWPFRun run(XWPFParagraph p, String text, String font, int points) {
		XWPFRun run = p.createRun();
		run.setText(text);
		run.setFontSize(points);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
		run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
		run.getCTR().getRPr().getRFontsArray(0).setHint(STHint.EAST_ASIA);
		return run;
	}

}
