package io.parkops.safety.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import io.parkops.safety.internal.SafetyViews.HazardView;
import io.parkops.safety.internal.SafetyViews.NoticeView;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;

/**
 * A notice as a Word document in the layout of GB/T 9704-2012 (党政机关公文格式): A4, top margin
 * 37 mm, left 28 mm, a text block of 156 × 225 mm with 22 lines; the title in 2号 (22 pt)
 * 方正小标宋简体, the body in 3号 (16 pt) 仿宋_GB2312. A reader without those fonts substitutes its
 * own (Word and WPS use 宋体 and 仿宋).
 */
final class NoticeDocument {

	/** Twentieths of a point per millimetre. */
	static final double TWIPS_PER_MM = 1440 / 25.4;

	static final String TITLE_FONT = "方正小标宋简体";

	static final String BODY_FONT = "仿宋_GB2312";

	/** 225 mm ÷ 22 lines, in twips. */
	static final int LINE_PITCH = (int) Math.round(225 * TWIPS_PER_MM / 22);

	private NoticeDocument() {
	}

	static int twips(double mm) {
		return (int) Math.round(mm * TWIPS_PER_MM);
	}

	static void write(NoticeView notice, List<HazardView> hazards, OutputStream out) throws IOException {
		try (XWPFDocument doc = new XWPFDocument()) {
			pageSetup(doc);
			boolean order = "ORDER_TO_CORRECT".equals(notice.kind());
			String title = order ? "责令改正通知书" : "安全隐患整改通知书";
			paragraph(doc, ParagraphAlignment.CENTER, 0, notice.issuer(), TITLE_FONT, 22, false);
			paragraph(doc, ParagraphAlignment.CENTER, 0, title, TITLE_FONT, 22, false);
			paragraph(doc, ParagraphAlignment.CENTER, 0, "", BODY_FONT, 16, false);
			paragraph(doc, ParagraphAlignment.CENTER, 0, notice.number(), BODY_FONT, 16, false);
			paragraph(doc, ParagraphAlignment.CENTER, 0, "", BODY_FONT, 16, false);
			paragraph(doc, ParagraphAlignment.LEFT, 0, notice.enterpriseName() + "：", BODY_FONT, 16, false);
			LocalDate found = hazards.stream()
				.map(HazardView::foundOn)
				.min(LocalDate::compareTo)
				.orElse(notice.issuedOn());
			body(doc, "经" + chineseDate(found) + "检查，你单位存在下列" + (order ? "违法违规行为及" : "") + "安全生产事故隐患：");
			int i = 1;
			for (HazardView h : hazards) {
				StringBuilder line = new StringBuilder();
				line.append(i++).append(". ").append(h.description());
				if (h.location() != null) {
					line.append("（位置：").append(h.location()).append("）");
				}
				line.append("〔").append(h.category()).append("，").append(levelName(h.level())).append("〕");
				body(doc, line.toString());
			}
			if (order) {
				body(doc, "上述行为违反了《中华人民共和国安全生产法》等有关法律法规的规定。现责令你单位于" + chineseDate(notice.deadline())
						+ "前改正完毕，并将改正情况书面报告我单位。逾期未改正的，将依法予以处理。");
			}
			else {
				body(doc, "依据《安全生产事故隐患排查治理暂行规定》，现通知你单位于" + chineseDate(notice.deadline())
						+ "前整改完毕，整改期间应采取必要的安全防范措施，整改完成后将整改情况连同照片等材料报我单位验收。逾期未整改的，将依法处理。");
			}
			paragraph(doc, ParagraphAlignment.CENTER, 0, "", BODY_FONT, 16, false);
			paragraph(doc, ParagraphAlignment.RIGHT, 4, notice.issuer(), BODY_FONT, 16, false);
			paragraph(doc, ParagraphAlignment.RIGHT, 4, chineseDate(notice.issuedOn()), BODY_FONT, 16, false);
			doc.write(out);
		}
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

	private static void body(XWPFDocument doc, String text) {
		paragraph(doc, ParagraphAlignment.BOTH, 2, text, BODY_FONT, 16, false);
	}

	/**
	 * A paragraph of one run; {@code indentChars} is the first-line indent in characters
	 * (2 for body text), or, right-aligned, the right indent.
	 */
	private static void paragraph(XWPFDocument doc, ParagraphAlignment align, int indentChars, String text, String font,
			int points, boolean bold) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(align);
		p.setSpacingBefore(0);
		p.setSpacingAfter(0);
		p.setSpacingBetween(LINE_PITCH / 20.0, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
		if (indentChars > 0) {
			if (align == ParagraphAlignment.RIGHT) {
				p.setIndentationRight(indentChars * points * 20);
			}
			else {
				p.setIndentationFirstLine(indentChars * points * 20);
			}
		}
		XWPFRun run = p.createRun();
		run.setText(text);
		run.setFontSize(points);
		run.setBold(bold);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
		run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
		run.getCTR()
			.getRPr()
			.getRFontsArray(0)
			.setHint(org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint.EAST_ASIA);
	}

}
