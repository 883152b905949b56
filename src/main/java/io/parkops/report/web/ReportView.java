package io.parkops.report.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parkops.report.ReportFigure;
import io.parkops.report.internal.FigureRecords;
import io.parkops.report.internal.Markers;
import io.parkops.report.internal.ReportDocument;
import io.parkops.report.internal.ReportGenerator;
import io.parkops.report.internal.ReportWriting;

/**
 * What the report pages show: each section's paragraphs split into text and clickable
 * figures, and a figure's source arranged for the explanation panel.
 */
final class ReportView {

	private ReportView() {
	}

	/**
	 * A section as the draft page shows it; {@code lead} holds the level-1 heading (and
	 * the sentence for a report without work lines) that comes before it.
	 */
	record Section(String key, String title, boolean work, boolean edited, String editedBy, Instant editedAt,
			List<List<Markers.Piece>> paragraphs, List<ReportDocument.Block> lead, long version) {
	}

	static List<Section> sections(ReportDocument doc) {
		Map<String, String> texts = doc.figureTexts();
		List<ReportDocument.Block> outline = doc.outline();
		List<Section> sections = new ArrayList<>();
		boolean leadDone = false;
		for (ReportDocument.Section s : doc.sections()) {
			List<ReportDocument.Block> lead = List.of();
			if (!leadDone && !s.key().equals(ReportGenerator.OPENING)) {
				// the outline's first heading and, without work lines, its sentence
				lead = outline.stream()
					.dropWhile((b) -> b.level() != ReportDocument.Level.H1)
					.limit(s.key().startsWith(ReportGenerator.WORK_PREFIX) ? 1 : 2)
					.toList();
				leadDone = true;
			}
			List<List<Markers.Piece>> paragraphs = s.effective().stream().map((p) -> Markers.pieces(p, texts)).toList();
			sections.add(new Section(s.key(), s.title(), s.key().startsWith(ReportGenerator.WORK_PREFIX),
					s.edited() != null, s.editedBy(), s.editedAt(), paragraphs, lead, s.editVersion()));
		}
		return sections;
	}

	/**
	 * A column of the records table: its key (labelled by {@code report.record.<key>})
	 * and unit.
	 */
	record Column(String key, String unit) {
	}

	/** A row of the records table; {@code creditCode} shows on hover over the name. */
	record Row(List<Object> cells, String creditCode) {
	}

	/**
	 * The figure panel: the figure, the sentence it stands in, how it was computed (with
	 * the numbers), the period and scope in words, then a page of the records behind it.
	 */
	record Panel(ReportFigure figure, String sentence, String formula, String period, String scope, boolean readable,
			List<Column> columns, List<Row> rows, long total, int page, int pages) {
	}

	static final int PAGE_SIZE = 10;

	static Panel panel(ReportDocument doc, ReportFigure figure, int page) {
		Map<String, Object> source = figure.source();
		List<Map<String, Object>> records = FigureRecords.records(figure);
		List<String> keys = FigureRecords.columns(records);
		String unit = (source.get("unit") != null) ? source.get("unit").toString() : null;
		List<Column> columns = keys.stream().map((k) -> new Column(k, unitOf(k, unit))).toList();
		int pages = Math.max(1, (records.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int at = Math.min(Math.max(page, 0), pages - 1);
		List<Row> rows = records.stream()
			.skip((long) at * PAGE_SIZE)
			.limit(PAGE_SIZE)
			.map((r) -> new Row(keys.stream().map((k) -> cell(k, r.get(k))).toList(),
					(r.get("creditCode") != null) ? r.get("creditCode").toString() : null))
			.toList();
		Object formula = source.get("formula");
		return new Panel(figure, sentence(doc, figure.id()), (formula != null) ? formula.toString() : null,
				period(source), scope(source), FigureRecords.readable(figure), columns, rows,
				FigureRecords.total(figure, records), at, pages);
	}

	/** The records of a figure for the Excel export: header keys and values. */
	static List<List<?>> exportRows(ReportFigure figure, List<String> keys) {
		List<List<?>> rows = new ArrayList<>();
		for (Map<String, Object> r : FigureRecords.records(figure)) {
			List<Object> row = new ArrayList<>();
			row.add(r.get("creditCode"));
			keys.forEach((k) -> row.add(r.get(k)));
			rows.add(row);
		}
		return rows;
	}

	private static String unitOf(String key, String unit) {
		return switch (key) {
			case "current", "base", "change" -> unit;
			case "growthPct", "contributionPct" -> "%";
			default -> null;
		};
	}

	private static Object cell(String key, Object value) {
		if (value == null) {
			return "";
		}
		return switch (key) {
			case "current", "base", "change", "growthPct", "contributionPct" -> number(value);
			default -> value;
		};
	}

	/** A figure of the records with two decimals and thousands separators, as stored. */
	private static String number(Object value) {
		try {
			BigDecimal n = new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
			return new DecimalFormat("#,##0.00").format(n);
		}
		catch (NumberFormatException ex) {
			return value.toString();
		}
	}

	/** The sentence of the report the figure stands in, as the reader sees it. */
	static String sentence(ReportDocument doc, String figureId) {
		String marker = "{{" + figureId + "}}";
		Map<String, String> texts = doc.figureTexts();
		for (ReportDocument.Section s : doc.sections()) {
			for (String p : s.effective()) {
				String compact = p.replaceAll("\\{\\{\\s*([A-Za-z0-9._-]+)\\s*}}", "{{$1}}");
				int at = compact.indexOf(marker);
				if (at < 0) {
					continue;
				}
				int from = Math.max(compact.lastIndexOf('。', at), compact.lastIndexOf('；', at)) + 1;
				int end = firstOf(compact, at, '。', '；');
				return Markers.plain(compact.substring(from, end), texts).strip();
			}
		}
		return null;
	}

	private static int firstOf(String text, int from, char a, char b) {
		int i = text.indexOf(a, from);
		int j = text.indexOf(b, from);
		int end = (i < 0) ? j : (j < 0) ? i : Math.min(i, j);
		return (end < 0) ? text.length() : end + 1;
	}

	private static final Pattern MONTHS = Pattern.compile("(\\d{4})-(\\d{2})\\s*[/.]+\\s*(\\d{4})-(\\d{2})");

	private static final Pattern DAYS = Pattern
		.compile("(\\d{4}-\\d{2}-\\d{2})\\s*(?:\\.\\.|/|至)\\s*(\\d{4}-\\d{2}-\\d{2})");

	/** The period in words: 2024年1-5月, 2024年1月1日至6月30日, with the as-of date. */
	static String period(Map<String, Object> source) {
		String period = null;
		Object p = source.get("period");
		if (p != null) {
			Matcher months = MONTHS.matcher(p.toString());
			Matcher days = DAYS.matcher(p.toString());
			if (months.matches()) {
				int first = Integer.parseInt(months.group(2));
				int last = Integer.parseInt(months.group(4));
				period = months.group(3) + "年" + ((first == last) ? last + "月" : first + "-" + last + "月");
			}
			else if (days.matches()) {
				period = range(LocalDate.parse(days.group(1)), LocalDate.parse(days.group(2)));
			}
			else {
				period = p.toString();
			}
		}
		else if (source.get("from") != null && source.get("to") != null) {
			period = range(LocalDate.parse(source.get("from").toString()),
					LocalDate.parse(source.get("to").toString()));
		}
		if (period != null && source.get("asOf") != null) {
			period += "（事项统计截至" + ReportWriting.date(LocalDate.parse(source.get("asOf").toString())) + "）";
		}
		return period;
	}

	private static String range(LocalDate from, LocalDate to) {
		String end = (from.getYear() == to.getYear()) ? to.getMonthValue() + "月" + to.getDayOfMonth() + "日"
				: ReportWriting.date(to);
		return ReportWriting.date(from) + "至" + end;
	}

	/** Which records count, in words. */
	static String scope(Map<String, Object> source) {
		Object scope = (source.get("scope") != null) ? source.get("scope") : source.get("set");
		if (scope == null) {
			return null;
		}
		Object count = source.get("enterpriseCount");
		return scope + ((count != null) ? "，共" + count + "家" : "");
	}

}
