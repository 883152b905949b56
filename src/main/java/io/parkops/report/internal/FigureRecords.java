package io.parkops.report.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.platform.CurrentUser;
import io.parkops.report.ReportFigure;

/**
 * The records behind a figure as a reader may see them (issue 8 §8): a figure whose work
 * line names a permission lists its enterprises and hazards only to readers holding it;
 * others get the aggregate (the counts, the formula, the period), without the lists.
 */
public final class FigureRecords {

	/** The record columns the panel knows, in the order it shows them. */
	public static final List<String> COLUMNS = List.of("number", "name", "level", "category", "foundOn", "deadline",
			"acceptedOn", "date", "status", "current", "base", "change", "growthPct", "contributionPct");

	private FigureRecords() {
	}

	/** Whether the current user may see the figure's records. */
	public static boolean readable(ReportFigure figure) {
		Object permission = figure.source().get(ReportGenerator.RECORDS_PERMISSION);
		return permission == null || CurrentUser.get().has(permission.toString());
	}

	/** The figure as the current user may see it: without its lists when not readable. */
	public static ReportFigure visible(ReportFigure figure) {
		if (readable(figure)) {
			return figure;
		}
		Map<String, Object> source = new LinkedHashMap<>();
		figure.source().forEach((k, v) -> {
			if (!(v instanceof Collection<?>)) {
				source.put(k, v);
			}
		});
		return new ReportFigure(figure.id(), figure.text(), figure.explanation(), source);
	}

	/** The records of the figure (maps), empty when none or not readable. */
	public static List<Map<String, Object>> records(ReportFigure figure) {
		if (!readable(figure) || !(figure.source().get("records") instanceof Collection<?> records)) {
			return List.of();
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Object r : records) {
			if (r instanceof Map<?, ?> m) {
				Map<String, Object> row = new LinkedHashMap<>();
				m.forEach((k, v) -> row.put(String.valueOf(k), v));
				rows.add(row);
			}
		}
		return rows;
	}

	/** The known columns the records fill, in the panel's order. */
	public static List<String> columns(List<Map<String, Object>> records) {
		return COLUMNS.stream().filter((c) -> records.stream().anyMatch((r) -> r.get(c) != null)).toList();
	}

	/** How many records there are in all (the stored list may be cut at 200). */
	public static long total(ReportFigure figure, List<Map<String, Object>> records) {
		Object count = figure.source().get("recordCount");
		return (count instanceof Number n) ? n.longValue() : records.size();
	}

}
