package io.parkops.land.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import io.parkops.land.internal.LandViews.NoticeView;
import io.parkops.land.internal.LandViews.SupplyView;
import io.parkops.land.internal.PerMuViews.EvaluationView;
import io.parkops.land.internal.PerMuViews.ResultView;
import io.parkops.platform.ZoneDirectory;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;

import org.springframework.stereotype.Component;

/**
 * The Word documents of the land work line, in the layout of GB/T 9704-2012 (A4, text
 * block 156 × 225 mm of 22 lines, the organ's red mark and separator line, 仿宋 body, page
 * numbers "— 1 —"): the idle-land notices (闲置土地征缴决定书 / 收回决定书) and an enterprise's
 * one-page per-mu result (亩均效益评价结果告知书).
 */
@Component
public class LandDocuments {

	static final double TWIPS_PER_MM = 1440 / 25.4;

	static final String TITLE_FONT = "方正小标宋简体";

	static final String BODY_FONT = "仿宋_GB2312";

	static final String HEADING_FONT = "黑体";

	static final int LINE_PITCH = (int) Math.round(225 * TWIPS_PER_MM / 22);

	private final LandService land;

	private final PerMuService perMu;

	private final ZoneDirectory zones;

	private final LandProperties properties;

	LandDocuments(LandService land, PerMuService perMu, ZoneDirectory zones, LandProperties properties) {
		this.land = land;
		this.perMu = perMu;
		this.zones = zones;
		this.properties = properties;
	}

	/** An idle-land notice of the user's zones. */
	public void notice(long id, OutputStream out) throws IOException {
		NoticeView notice = this.land.notice(id);
		SupplyView supply = this.land.supply(notice.supplyId());
		String zoneName = this.zones.require(supply.zoneCode()).name();
		String issuer = this.properties.issuer(zoneName);
		boolean fee = "FEE".equals(notice.kind());
		String title = fee ? "闲置土地征缴土地闲置费决定书" : "收回闲置土地决定书";
		String buyer = (supply.buyerName() != null) ? supply.buyerName() : supply.buyerCreditCode();
		try (XWPFDocument doc = new XWPFDocument()) {
			head(doc, issuer, notice.number());
			paragraph(doc, ParagraphAlignment.CENTER, title, TITLE_FONT, 22);
			blank(doc);
			line(doc, buyer + "：");
			String clock = (supply.startedOn() == null)
					? "该宗地约定动工开发日期为" + date(supply.agreedStartOn()) + "，至今已超过约定动工开发日期满" + (fee ? "一" : "两") + "年未动工开发"
					: "该宗地已动工开发但开发面积不足三分之一或已投资额不足百分之二十五，自" + date(supply.stoppedOn()) + "中止开发满" + (fee ? "一" : "两")
							+ "年";
			body(doc,
					"你单位于" + date(supply.on()) + "以" + ("LISTING".equals(supply.kind()) ? "挂牌出让" : "划拨") + "方式取得的"
							+ supply.parcelCode() + "号地块（面积" + LandUnits.mu(supply.areaMu()).toPlainString() + "亩，合"
							+ LandUnits.squareMetres(supply.areaMu()).toPlainString() + "平方米；土地价款"
							+ supply.price().setScale(2, RoundingMode.HALF_UP).toPlainString() + "万元），" + clock
							+ "，经调查认定为闲置土地。");
			if (fee) {
				body(doc,
						"根据《闲置土地处置办法》第十四条第（一）项的规定，现决定向你单位征缴土地闲置费"
								+ notice.fee().setScale(2, RoundingMode.HALF_UP).toPlainString()
								+ "万元（按土地出让或者划拨价款的百分之二十计征）。请你单位自收到本决定书之日起30日内缴纳，并按照约定尽快动工开发。" + "土地闲置费不得列入生产成本。");
				body(doc, "未动工开发满两年的，将依照《中华人民共和国土地管理法》第三十八条和《中华人民共和国城市房地产管理法》第二十六条的规定无偿收回国有建设用地使用权。");
			}
			else {
				body(doc, "根据《中华人民共和国土地管理法》第三十八条、《中华人民共和国城市房地产管理法》第二十六条和《闲置土地处置办法》第十四条第（二）项的规定，"
						+ "现决定无偿收回你单位该宗地的国有建设用地使用权。请你单位自收到本决定书之日起30日内办理国有建设用地使用权注销登记，交回土地权利证书。");
			}
			body(doc, "如不服本决定，可以自收到本决定书之日起60日内向上一级人民政府申请行政复议，或者自收到本决定书之日起6个月内向有管辖权的人民法院提起行政诉讼。");
			blank(doc);
			blank(doc);
			signature(doc, issuer, notice.issuedOn());
			doc.write(out);
		}
	}

	/** An enterprise's one-page per-mu result (its own, or any of the staff's zones). */
	public void result(long evaluationId, String creditCode, OutputStream out) throws IOException {
		ResultView r = this.perMu.result(evaluationId, creditCode);
		EvaluationView e = this.perMu.evaluation(evaluationId);
		PerMuScheme scheme = this.perMu.schemeOfEvaluation(evaluationId);
		String zoneName = this.zones.require(e.zoneCode()).name();
		String issuer = this.properties.issuer(zoneName);
		String next = (r.graded() && !"A".equals(r.cls())) ? nextClass(r.cls()) : null;
		java.util.Map<String, PerMuViews.NeedView> needs = new java.util.HashMap<>();
		for (PerMuViews.NeedView n : r.toNextClass()) {
			needs.put(n.code(), n);
		}
		try (XWPFDocument doc = new XWPFDocument()) {
			head(doc, issuer, "");
			paragraph(doc, ParagraphAlignment.CENTER, e.year() + "年度亩均效益综合评价结果告知书", TITLE_FONT, 22);
			blank(doc);
			line(doc, r.name() + "：");
			String standing = r.graded() ? "你单位得分" + r.score().toPlainString() + "分，在" + e.graded() + "家参评企业中排名第"
					+ r.rank() + "位，评定为" + className(r.cls()) + "。"
					: "你单位属新建、在建或特殊行业企业，不参加排序，按" + className("B") + "对待。";
			body(doc, "根据" + zoneName + e.year() + "年度亩均效益综合评价办法（" + (r.aboveScale() ? "规模以上" : "规模以下") + "工业企业指标体系），"
					+ standing);
			// the column of what the next class takes, where one indicator alone can
			// reach it
			boolean column = next != null && !r.toNextClass().isEmpty();
			heading(doc, column ? "一、分项得分及升级所需（其他指标不变）" : "一、分项得分");
			int columns = column ? 6 : 5;
			int[] widths = column ? new int[] { 60, 21, 19, 12, 16, 28 } : new int[] { 64, 26, 26, 16, 24 };
			XWPFTable table = table(doc, r.items().size() + 1, widths);
			String[] head = { "指标", "数值", "基准值", "权重", "得分", "升" + next + "类需达到" };
			for (int c = 0; c < columns; c++) {
				cell(table, 0, c, head[c]);
			}
			for (int i = 0; i < r.items().size(); i++) {
				PerMuViews.ItemView item = r.items().get(i);
				cell(table, i + 1, 0, itemName(item.code()));
				cell(table, i + 1, 1, (item.value() != null) ? item.value().toPlainString() : "无数据");
				cell(table, i + 1, 2, item.benchmark().toPlainString());
				cell(table, i + 1, 3, item.weight().stripTrailingZeros().toPlainString());
				cell(table, i + 1, 4, item.points().toPlainString());
				if (column) {
					PerMuViews.NeedView n = needs.get(item.code());
					cell(table, i + 1, 5, (n != null) ? n.target().toPlainString() : "—");
				}
			}
			if (!r.graded()) {
				body(doc, "不参评企业不计排名。");
			}
			else if (next == null) {
				body(doc, "你单位已评定为A类，请继续保持。");
			}
			else if (!column) {
				body(doc, "单项指标在得分上限内均无法单独弥补与" + next + "类的差距，需多项指标同时提升。");
			}
			// each policy once: the four areas' measures by area, then the class's
			// further
			// policies
			java.util.Map<String, String> measures = this.perMu.measuresOf(evaluationId, r.cls());
			List<String> others = scheme.otherPolicies(r.cls());
			if (!measures.isEmpty() || !others.isEmpty()) {
				heading(doc, "二、对应政策");
				XWPFTable policies = table(doc, measures.size() + (others.isEmpty() ? 0 : 1), new int[] { 36, 120 });
				int row = 0;
				for (java.util.Map.Entry<String, String> m : measures.entrySet()) {
					cell(policies, row, 0, areaName(m.getKey()));
					cell(policies, row++, 1, m.getValue());
				}
				if (!others.isEmpty()) {
					cell(policies, row, 0, "其他");
					cell(policies, row, 1, String.join("；", others));
				}
			}
			body(doc, "如有异议，请于公示期内通过企业服务平台提出。");
			blank(doc);
			LocalDate dated = (e.finalizedOn() != null) ? e.finalizedOn()
					: (e.publishedOn() != null) ? e.publishedOn() : LandScope.today();
			signature(doc, issuer, dated);
			doc.write(out);
		}
	}

	static String nextClass(String cls) {
		return switch (cls) {
			case "D" -> "C";
			case "C" -> "B";
			default -> "A";
		};
	}

	private static XWPFTable table(XWPFDocument doc, int rows, int[] widths) {
		XWPFTable table = doc.createTable(rows, widths.length);
		table.setWidth(String.valueOf(twips(156)));
		for (int row = 0; row < rows; row++) {
			for (int c = 0; c < widths.length; c++) {
				table.getRow(row).getCell(c).setWidth(String.valueOf(twips(widths[c])));
			}
		}
		return table;
	}

	static String areaName(String area) {
		return switch (area) {
			case "ELECTRICITY" -> "差别化电价";
			case "WATER" -> "差别化水价";
			case "LAND" -> "用地";
			default -> "奖补";
		};
	}

	static String className(String cls) {
		return switch (cls) {
			case "A" -> "A类（优先发展类）";
			case "B" -> "B类（鼓励提升类）";
			case "C" -> "C类（规范转型类）";
			default -> "D类（调控帮扶类）";
		};
	}

	static String itemName(String code) {
		return switch (code) {
			case "tax_per_mu" -> "亩均税收（万元/亩）";
			case "value_added_per_mu" -> "亩均增加值（万元/亩）";
			case "value_added_per_energy" -> "单位能耗增加值（万元/吨标煤）";
			case "value_added_per_emission" -> "单位排放增加值（万元/吨）";
			case "labour_productivity" -> "全员劳动生产率（万元/人）";
			case "rd_intensity" -> "R&D经费支出占营业收入比重";
			case "tax_per_electricity" -> "单位电耗税收（万元/万千瓦时）";
			default -> code;
		};
	}

	static String date(LocalDate d) {
		return (d == null) ? "—" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	// ---- layout

	private static void head(XWPFDocument doc, String issuer, String number) {
		CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = sect.addNewPgSz();
		size.setW(BigInteger.valueOf(twips(210)));
		size.setH(BigInteger.valueOf(twips(297)));
		CTPageMar margin = sect.addNewPgMar();
		margin.setTop(BigInteger.valueOf(twips(37)));
		margin.setLeft(BigInteger.valueOf(twips(28)));
		margin.setRight(BigInteger.valueOf(twips(26)));
		margin.setBottom(BigInteger.valueOf(twips(35)));
		margin.setFooter(BigInteger.valueOf(twips(28)));
		CTDocGrid grid = sect.addNewDocGrid();
		grid.setType(STDocGrid.LINES);
		grid.setLinePitch(BigInteger.valueOf(LINE_PITCH));
		// page numbers: 4号 宋体 "— 1 —", odd pages right and even pages left, one
		// character in (GB/T 9704-2012 7.5)
		doc.setEvenAndOddHeadings(true);
		pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
		pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
		XWPFParagraph mark = paragraph(doc, ParagraphAlignment.CENTER, issuer, TITLE_FONT, 30, 33);
		mark.getRuns().get(0).setColor("FF0000");
		// without a 发文字号 the separator follows the mark closely
		XWPFParagraph no = number.isEmpty() ? paragraph(doc, ParagraphAlignment.CENTER, "", BODY_FONT, 4, 6)
				: paragraph(doc, ParagraphAlignment.CENTER, number, BODY_FONT, 16);
		CTPBdr borders = no.getCTP().addNewPPr().addNewPBdr();
		CTBorder bottom = borders.addNewBottom();
		bottom.setVal(STBorder.SINGLE);
		bottom.setSz(BigInteger.valueOf(12));
		bottom.setSpace(BigInteger.valueOf(11));
		bottom.setColor("FF0000");
		blank(doc);
	}

	private static void pageNumber(XWPFFooter footer, ParagraphAlignment align) {
		XWPFParagraph pn = footer.createParagraph();
		pn.setAlignment(align);
		if (align == ParagraphAlignment.RIGHT) {
			pn.setIndentationRight(14 * 20);
		}
		else {
			pn.setIndentationLeft(14 * 20);
		}
		run(pn, "— ", "宋体", 14);
		pn.getCTP().addNewFldSimple().setInstr("PAGE");
		run(pn, " —", "宋体", 14);
	}

	/**
	 * 发文机关署名 and 成文日期 of a document without seal: the date four characters from the
	 * right, the issuer centred over it (GB/T 9704-2012 7.3.5.3).
	 */
	private static void signature(XWPFDocument doc, String issuer, LocalDate on) {
		String date = date(on);
		double dateWidth = width(date);
		double indent = 4 + Math.max(0, (dateWidth - width(issuer)) / 2);
		XWPFParagraph who = paragraph(doc, ParagraphAlignment.RIGHT, issuer, BODY_FONT, 16);
		who.setIndentationRight((int) Math.round(indent * 16 * 20));
		XWPFParagraph when = paragraph(doc, ParagraphAlignment.RIGHT, date, BODY_FONT, 16);
		when.setIndentationRight(4 * 16 * 20);
	}

	/** The width of a text in characters: a Latin letter or digit counts half. */
	static double width(String text) {
		double w = 0;
		for (int i = 0; i < text.length(); i++) {
			w += (text.charAt(i) < 0x2E80) ? 0.5 : 1;
		}
		return w;
	}

	private static int twips(double mm) {
		return (int) Math.round(mm * TWIPS_PER_MM);
	}

	private static void cell(XWPFTable table, int row, int col, String text) {
		XWPFParagraph p = table.getRow(row).getCell(col).getParagraphs().get(0);
		p.setSpacingBefore(0);
		p.setSpacingAfter(0);
		// single lines of 五号 in the table, off the 22-line grid of the text block
		p.setSpacingBetween(13, LineSpacingRule.EXACT);
		p.getCTP().getPPr().addNewSnapToGrid().setVal(false);
		boolean left = col == 0 || table.getRow(row).getTableCells().size() == 2;
		p.setAlignment(left ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
		run(p, text, BODY_FONT, 10.5);
	}

	private static void heading(XWPFDocument doc, String text) {
		XWPFParagraph p = paragraph(doc, ParagraphAlignment.LEFT, text, HEADING_FONT, 16);
		p.setIndentationFirstLine(16 * 20 * 2);
	}

	private static void body(XWPFDocument doc, String text) {
		XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH, text, BODY_FONT, 16);
		p.setIndentationFirstLine(16 * 20 * 2);
	}

	private static void line(XWPFDocument doc, String text) {
		paragraph(doc, ParagraphAlignment.LEFT, text, BODY_FONT, 16);
	}

	private static void blank(XWPFDocument doc) {
		paragraph(doc, ParagraphAlignment.LEFT, "", BODY_FONT, 16);
	}

	private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align, String text, String font,
			int points) {
		return paragraph(doc, align, text, font, points, Math.max(LINE_PITCH, points * 20 * 1.2) / 20.0);
	}

	private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align, String text, String font,
			double points, double lineHeight) {
		XWPFParagraph p = doc.createParagraph();
		p.setAlignment(align);
		p.setSpacingBefore(0);
		p.setSpacingAfter(0);
		p.setSpacingBetween(lineHeight, LineSpacingRule.EXACT);
		// exact lines of the grid's pitch, counted from where the paragraph starts (after
		// a
		// table, snapping to the grid would lose part of a line)
		p.getCTP().getPPr().addNewSnapToGrid().setVal(false);
		run(p, text, font, points);
		return p;
	}

	private static XWPFRun run(XWPFParagraph p, String text, String font, double points) {
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
