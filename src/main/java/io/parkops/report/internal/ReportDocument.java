package io.parkops.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.report.ReportFigure;
import io.parkops.report.ReportPeriod;

/**
 * One version of a report as read from the store: header, sections with their generated
 * and edited texts, figures and the staff's plans. Everything shown (API, pages, .docx)
 * is derived from it.
 *
 * @param id the report
 * @param zoneName the zone's name
 * @param issuer the name the report is signed with (the zone's 管理委员会)
 * @param header the report row
 * @param version the version shown
 * @param sections the sections of the version, in order
 * @param figures the figures of the version, by id
 * @param plans the staff's own plans
 */
public record ReportDocument(long id, String zoneName, String issuer, Header header, Version version,
		List<Section> sections, Map<String, ReportFigure> figures, List<Plan> plans) {

	public String title() {
		return this.header.title();
	}

	/**
	 * The title as printed, line by line (breaks placed by
	 * {@link ReportWriting#titleLines}).
	 */
	public List<String> titleLines() {
		return ReportWriting.titleLines(title(), this.zoneName);
	}

	public String status() {
		return this.header.status();
	}

	public boolean isFinal() {
		return this.header.isFinal();
	}

	/** Whether this is the report's current version (older ones are read-only). */
	public boolean current() {
		return this.version.version() == this.header.currentVersion();
	}

	/** Whether staff may still change it: the current version of a draft. */
	public boolean editable() {
		return current() && !isFinal();
	}

	public ReportPeriod period() {
		return new ReportPeriod(ReportPeriod.Kind.valueOf(this.header.kind()), this.header.year(), this.header.month());
	}

	public YearMonth dataMonth() {
		return YearMonth.from(this.version.dataMonth());
	}

	public LocalDate asOf() {
		return this.version.asOf();
	}

	public Optional<Section> section(String key) {
		return this.sections.stream().filter((s) -> s.key().equals(key)).findFirst();
	}

	/** The figure texts by id, for replacing markers. */
	public Map<String, String> figureTexts() {
		Map<String, String> texts = new LinkedHashMap<>();
		this.figures.forEach((id, f) -> texts.put(id, f.text()));
		return texts;
	}

	/** The paragraphs of a section as the reader sees them: markers replaced. */
	public List<String> plain(Section section) {
		Map<String, String> texts = figureTexts();
		return section.effective().stream().map((p) -> Markers.plain(p, texts)).toList();
	}

	/** A line of the written report: a level-1 or level-2 heading or a body paragraph. */
	public record Block(Level level, String text) {
	}

	/** The levels of GB/T 9704: 一、 in 黑体, （一） in 楷体, body in 仿宋. */
	public enum Level {

		H1, H2, BODY

	}

	/**
	 * The report as written, heading by heading, with the figures' texts in place of the
	 * markers: the opening, 一、主要工作完成情况 with its numbered parts, 二、存在的问题, 三、….
	 */
	public List<Block> outline() {
		Map<String, String> texts = figureTexts();
		List<Block> blocks = new ArrayList<>();
		boolean work = false;
		for (Section s : this.sections) {
			boolean isWork = s.key().startsWith(ReportGenerator.WORK_PREFIX);
			if (!work && !s.key().equals(ReportGenerator.OPENING)) {
				blocks.add(new Block(Level.H1, ReportWriting.WORK_HEADING));
				if (!isWork) {
					blocks.add(new Block(Level.BODY, ReportWriting.noWork()));
				}
				work = true;
			}
			if (!s.title().isEmpty()) {
				blocks.add(new Block(isWork ? Level.H2 : Level.H1, s.title()));
			}
			s.effective().forEach((p) -> blocks.add(new Block(Level.BODY, Markers.plain(p, texts))));
		}
		return blocks;
	}

	/** A figure placed in the report: in which section the reader first meets it. */
	public record PlacedFigure(ReportFigure figure, String section) {
	}

	/**
	 * The figures the current texts refer to, in reading order, each with the section it
	 * first appears in.
	 */
	public List<PlacedFigure> placedFigures() {
		Map<String, PlacedFigure> placed = new LinkedHashMap<>();
		for (Section s : this.sections) {
			for (String id : Markers.ids(s.effective())) {
				ReportFigure f = this.figures.get(id);
				if (f != null) {
					placed.putIfAbsent(id, new PlacedFigure(f, s.key()));
				}
			}
		}
		return new ArrayList<>(placed.values());
	}

	/** A report's header row. */
	public record Header(long id, String zoneCode, String kind, int year, Integer month, String title, String status,
			int currentVersion, Integer requestedDataMonth, LocalDate requestedAsOf, String createdBy,
			Instant createdAt, Instant updatedAt, String finalizedBy, Instant finalizedAt, long plansVersion) {

		public boolean isFinal() {
			return "FINAL".equals(this.status);
		}

	}

	/** One generation of a report. */
	public record Version(int version, LocalDate dataMonth, LocalDate asOf, List<String> contributorPlans,
			String changesJson, String generatedBy, Instant generatedAt) {
	}

	/**
	 * A section of a version: the generated text and the staff's edit, if any;
	 * {@code editVersion} counts the changes to it (edits, reverts, regenerations).
	 */
	public record Section(String key, int position, String title, List<String> generated, List<String> edited,
			String editedBy, Instant editedAt, long editVersion) {

		public List<String> effective() {
			return (this.edited != null) ? this.edited : this.generated;
		}

	}

	/** A plan a staff member added in their own words. */
	public record Plan(long id, String text, String addedBy, Instant addedAt) {
	}

}
