package io.parkops.report.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.parkops.report.internal.FigureRecords;
import io.parkops.report.internal.ReportChanges;
import io.parkops.report.internal.ReportDocument;
import io.parkops.report.internal.ReportGenerator;
import io.parkops.report.internal.ReportService;

/**
 * What the report API answers: a report with its sections as plain text (figure markers
 * replaced by the figures' texts), its figures, versions and list rows.
 */
final class ReportJson {

	private ReportJson() {
	}

	/**
	 * A report. {@code opening} is the paragraph before 一、; {@code sections} are the work
	 * lines ({@code work.<key>}), then {@code problems} and {@code plans}.
	 */
	record Report(long id, String title, String status, String zoneCode, String zoneName, String kind, int year,
			Integer month, int dataMonth, LocalDate asOf, int version, List<String> opening, List<Section> sections,
			List<Plan> plans, long plansVersion, String createdBy, Instant createdAt, Instant updatedAt,
			String finalizedBy, Instant finalizedAt, ReportChanges changes) {
	}

	/**
	 * A section; {@code version} is what an edit of it sends back (a stale one → 409).
	 */
	record Section(String key, String title, List<String> paragraphs, boolean edited, long version) {
	}

	record Plan(long id, String text, String addedBy, Instant addedAt) {
	}

	record Figure(String id, String text, String section, String explanation, Map<String, Object> source) {
	}

	record Version(int version, int dataMonth, LocalDate asOf, String generatedBy, Instant generatedAt,
			ReportChanges changes) {
	}

	record Row(long id, String title, String status, String zoneCode, String zoneName, String kind, int year,
			Integer month, int version, String createdBy, Instant createdAt, Instant updatedAt) {
	}

	record Page(List<Row> items, long total) {
	}

	static Report of(ReportDocument doc, ReportService service) {
		List<String> opening = doc.section(ReportGenerator.OPENING).map(doc::plain).orElse(List.of());
		List<Section> sections = doc.sections()
			.stream()
			.filter((s) -> !s.key().equals(ReportGenerator.OPENING))
			.map((s) -> new Section(s.key(), s.title(), doc.plain(s), s.edited() != null, s.editVersion()))
			.toList();
		List<Plan> plans = doc.plans()
			.stream()
			.map((p) -> new Plan(p.id(), p.text(), p.addedBy(), p.addedAt()))
			.toList();
		var h = doc.header();
		return new Report(doc.id(), doc.title(), doc.status(), h.zoneCode(), doc.zoneName(), h.kind(), h.year(),
				h.month(), doc.dataMonth().getMonthValue(), doc.asOf(), doc.version().version(), opening, sections,
				plans, h.plansVersion(), h.createdBy(), h.createdAt(), h.updatedAt(), h.finalizedBy(), h.finalizedAt(),
				service.changes(doc.version()).orElse(null));
	}

	static List<Figure> figures(ReportDocument doc) {
		return doc.placedFigures()
			.stream()
			.map((p) -> new Figure(p.figure().id(), p.figure().text(), p.section(), p.figure().explanation(),
					FigureRecords.visible(p.figure()).source()))
			.toList();
	}

	static Version version(ReportDocument.Version v, ReportService service) {
		return new Version(v.version(), v.dataMonth().getMonthValue(), v.asOf(), v.generatedBy(), v.generatedAt(),
				service.changes(v).orElse(null));
	}

	static Page page(ReportService.Page page, ReportService service) {
		return new Page(page.items()
			.stream()
			.map((h) -> new Row(h.id(), h.title(), h.status(), h.zoneCode(), service.zoneName(h.zoneCode()), h.kind(),
					h.year(), h.month(), h.currentVersion(), h.createdBy(), h.createdAt(), h.updatedAt()))
			.toList(), page.total());
	}

}
