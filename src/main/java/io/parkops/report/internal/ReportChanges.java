package io.parkops.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.parkops.report.ReportFigure;

/**
 * What changed in the data between two versions of a report: figures whose text changed,
 * came or went, and sections that came or went or whose generated text changed under a
 * manual edit.
 *
 * @param fromVersion the version compared against
 * @param figures the changed figures
 * @param sections the changed sections
 */
public record ReportChanges(int fromVersion, List<FigureChange> figures, List<SectionChange> sections) {

	/**
	 * A figure whose text changed; {@code before} is null for a new figure, {@code after}
	 * for one the data no longer gives.
	 */
	public record FigureChange(String id, String explanation, String before, String after) {
	}

	/** What happened to a section. */
	public enum SectionChangeKind {

		ADDED, REMOVED, EDIT_KEPT_DATA_CHANGED, EDIT_KEPT_FIGURE_FROZEN

	}

	public record SectionChange(String key, String title, SectionChangeKind change) {
	}

	public boolean isEmpty() {
		return this.figures.isEmpty() && this.sections.isEmpty();
	}

	/** Compares the figures of two versions by id. */
	static List<FigureChange> figures(Map<String, ReportFigure> before, Map<String, ReportFigure> after) {
		List<FigureChange> changes = new ArrayList<>();
		after.forEach((id, f) -> {
			ReportFigure old = before.get(id);
			if (old == null) {
				changes.add(new FigureChange(id, f.explanation(), null, f.text()));
			}
			else if (!Objects.equals(old.text(), f.text())) {
				changes.add(new FigureChange(id, f.explanation(), old.text(), f.text()));
			}
		});
		before.forEach((id, f) -> {
			if (!after.containsKey(id)) {
				changes.add(new FigureChange(id, f.explanation(), f.text(), null));
			}
		});
		return changes;
	}

}
