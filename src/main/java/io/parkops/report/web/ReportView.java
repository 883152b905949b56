package io.parkops.report.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parkops.report.ReportFigure;
import io.parkops.report.internal.Markers;
import io.parkops.report.internal.ReportDocument;
import io.parkops.report.internal.ReportGenerator;

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
			List<List<Markers.Piece>> paragraphs, List<ReportDocument.Block> lead) {
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
					s.edited() != null, s.editedBy(), s.editedAt(), paragraphs, lead));
		}
		return sections;
	}

	/** The figures a section's current text refers to, for the editor's legend. */
	static List<ReportFigure> figuresOf(ReportDocument doc, ReportDocument.Section section) {
		List<ReportFigure> figures = new ArrayList<>();
		for (String id : Markers.ids(section.effective())) {
			ReportFigure f = doc.figures().get(id);
			if (f != null) {
				figures.add(f);
			}
		}
		return figures;
	}

	/**
	 * A figure's source for the panel: the known entries (period, scope, formula), the
	 * other scalar entries, and the records as a table.
	 */
	record Source(Object period, Object scope, Object formula, Map<String, Object> other, List<String> columns,
			List<List<Object>> rows, Object recordCount) {
	}

	static Source source(ReportFigure figure) {
		Map<String, Object> other = new LinkedHashMap<>();
		List<String> columns = new ArrayList<>();
		List<List<Object>> rows = new ArrayList<>();
		figure.source().forEach((k, v) -> {
			if (k.equals("period") || k.equals("scope") || k.equals("formula") || k.equals("recordCount")) {
				return;
			}
			if (k.equals("records") && v instanceof Collection<?> records) {
				Set<String> keys = new LinkedHashSet<>();
				records.forEach((r) -> {
					if (r instanceof Map<?, ?> m) {
						m.keySet().forEach((key) -> keys.add(String.valueOf(key)));
					}
				});
				columns.addAll(keys);
				records.forEach((r) -> {
					List<Object> row = new ArrayList<>();
					if (r instanceof Map<?, ?> m) {
						keys.forEach((key) -> row.add(text(m.get(key))));
					}
					else {
						row.add(text(r));
					}
					rows.add(row);
				});
				if (columns.isEmpty() && !rows.isEmpty()) {
					columns.add("");
				}
				return;
			}
			other.put(k, text(v));
		});
		return new Source(text(figure.source().get("period")), text(figure.source().get("scope")),
				text(figure.source().get("formula")), other, columns, rows, figure.source().get("recordCount"));
	}

	private static Object text(Object value) {
		if (value instanceof Map<?, ?> m) {
			List<String> parts = new ArrayList<>();
			m.forEach((k, v) -> parts.add(k + ": " + text(v)));
			return String.join("; ", parts);
		}
		if (value instanceof Collection<?> c) {
			return String.join(", ", c.stream().map((v) -> String.valueOf(text(v))).toList());
		}
		return value;
	}

}
