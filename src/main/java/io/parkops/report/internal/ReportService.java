package io.parkops.report.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ParkOpsException.FieldProblem;
import io.parkops.platform.ZoneDirectory;
import io.parkops.report.ReportDataMonths;
import io.parkops.report.ReportFigure;
import io.parkops.report.ReportPeriod;
import io.parkops.report.ReportScope;
import io.parkops.report.internal.ReportChanges.SectionChange;
import io.parkops.report.internal.ReportChanges.SectionChangeKind;
import io.parkops.report.internal.ReportDocument.Header;
import io.parkops.report.internal.ReportDocument.Plan;
import io.parkops.report.internal.ReportDocument.Section;
import io.parkops.report.internal.ReportDocument.Version;
import io.parkops.platform.ZoneTime;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work reports (工作总结): generating a draft from the work lines' sections, editing it
 * section by section, regenerating it from new data while keeping the edits, finalising
 * it, and its versions. Every change is audited; every call checks the zone is in the
 * user's data scope.
 */
@Service
public class ReportService {

	static final int MAX_PARAGRAPH = 5000;

	static final int MAX_PLAN = 1000;

	private final ReportStore store;

	private final ReportGenerator generator;

	private final ZoneDirectory zones;

	private final AuditTrail audit;

	private final ObjectProvider<ReportDataMonths> dataMonths;

	private final JsonMapper json;

	private final ReportProperties properties;

	ReportService(ReportStore store, ReportGenerator generator, ZoneDirectory zones, AuditTrail audit,
			ObjectProvider<ReportDataMonths> dataMonths, JsonMapper json, ReportProperties properties) {
		this.properties = properties;
		this.store = store;
		this.generator = generator;
		this.zones = zones;
		this.audit = audit;
		this.dataMonths = dataMonths;
		this.json = json;
	}

	static LocalDate today() {
		return LocalDate.now(ZoneTime.zone());
	}

	// ---- generating

	/** The validated scope of a request, with what the user asked for. */
	record Request(String zoneCode, ReportPeriod period, Integer dataMonth, LocalDate asOf) {
	}

	@Transactional
	public ReportDocument generate(ReportCommands.Generate command) {
		Request request = validate(command);
		CurrentUser.get().checkZone(request.zoneCode());
		ZoneDirectory.Zone zone = this.zones.require(request.zoneCode());
		ReportScope scope = scope(zone, request.period(), request.dataMonth(), request.asOf());
		ReportGenerator.Draft draft = this.generator.generate(scope, List.of());
		String user = CurrentUser.usernameOrSystem();
		long id = this.store.insertReport(zone.code(), request.period().kind().name(), request.period().year(),
				monthOf(request.period()), draft.title(), request.dataMonth(), request.asOf(), user);
		storeVersion(id, 1, scope, draft, Map.of(), Map.of(), null, user);
		ReportDocument doc = load(id, 1);
		this.audit.recordChange("report.generate", "report", Long.toString(id), null, summary(doc));
		return doc;
	}

	private static Integer monthOf(ReportPeriod period) {
		return (period.kind() == ReportPeriod.Kind.MONTHS || period.kind() == ReportPeriod.Kind.QUARTER)
				? period.month() : null;
	}

	static Request validate(ReportCommands.Generate c) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = today();
		if (c.zoneCode() == null || c.zoneCode().isBlank()) {
			problems.add(new FieldProblem("zoneCode", "error.report.zoneRequired"));
		}
		ReportPeriod.Kind kind = null;
		try {
			kind = (c.kind() != null) ? ReportPeriod.Kind.valueOf(c.kind().trim()) : null;
		}
		catch (IllegalArgumentException ex) {
			kind = null;
		}
		if (kind == null) {
			problems.add(new FieldProblem("kind", "error.report.kindInvalid"));
		}
		if (c.year() == null || c.year() < 2000 || c.year() > today.getYear()) {
			problems.add(new FieldProblem("year", "error.report.yearInvalid", today.getYear()));
		}
		boolean needsMonth = kind == ReportPeriod.Kind.MONTHS || kind == ReportPeriod.Kind.QUARTER;
		if (needsMonth && (c.month() == null || c.month() < 1 || c.month() > 12)) {
			problems.add(new FieldProblem("month", "error.report.monthInvalid"));
		}
		LocalDate asOf = null;
		if (c.asOf() != null && !c.asOf().isBlank()) {
			try {
				asOf = LocalDate.parse(c.asOf().trim());
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("asOf", "error.report.asOfInvalid"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		ReportPeriod period = new ReportPeriod(kind, c.year(), needsMonth ? c.month() : null);
		checkPeriod(period, c.dataMonth(), asOf, today, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Request(c.zoneCode().trim(), period, c.dataMonth(), asOf);
	}

	private static void checkPeriod(ReportPeriod period, Integer dataMonth, LocalDate asOf, LocalDate today,
			List<FieldProblem> problems) {
		if (period.start().isAfter(today)) {
			problems.add(new FieldProblem(period.month() != null ? "month" : "year", "error.report.periodInFuture"));
			return;
		}
		int last = period.lastMonth().getMonthValue();
		if (dataMonth != null && (dataMonth < 1 || dataMonth > last)) {
			problems.add(new FieldProblem("dataMonth", "error.report.dataMonthInvalid", last));
		}
		if (asOf != null && (asOf.isBefore(period.start()) || asOf.isAfter(today))) {
			problems.add(new FieldProblem("asOf", "error.report.asOfOutOfRange", period.start().toString(),
					today.toString()));
		}
	}

	/**
	 * The scope of a generation: the data month asked for, else the latest month with
	 * data within the period's year (at most the period's last month), else the period's
	 * last month; the as-of date asked for, else the period's last day when the period is
	 * over (a 上半年 report written in November counts what had happened by 30 June), else
	 * today.
	 */
	ReportScope scope(ZoneDirectory.Zone zone, ReportPeriod period, Integer dataMonth, LocalDate asOf) {
		YearMonth last = period.lastMonth();
		YearMonth month;
		if (dataMonth != null) {
			month = YearMonth.of(period.year(), dataMonth);
		}
		else {
			month = this.dataMonths.stream()
				.map((d) -> d.latestMonthWithData(zone.code()))
				.flatMap(Optional::stream)
				.filter((m) -> m.getYear() == period.year())
				.max(YearMonth::compareTo)
				.map((m) -> m.isAfter(last) ? last : m)
				.orElse(last);
		}
		return new ReportScope(zone.code(), zone.name(), period, month, (asOf != null) ? asOf : defaultAsOf(period));
	}

	/** The period's last day when it is over, else today (domain.md §9). */
	static LocalDate defaultAsOf(ReportPeriod period) {
		LocalDate today = today();
		return period.end().isBefore(today) ? period.end() : today;
	}

	/**
	 * Stores a generated version; {@code kept} are the staff's edits carried over, and
	 * {@code previous} the sections' edit versions before (a regenerated section counts
	 * as changed, so an edit started before it is refused as stale).
	 */
	private void storeVersion(long id, int version, ReportScope scope, ReportGenerator.Draft draft,
			Map<String, Section> kept, Map<String, Long> previous, ReportChanges changes, String user) {
		this.store.insertVersion(id, version, scope.dataMonth().atDay(1), scope.asOf(), draft.contributorPlans(),
				(changes != null) ? this.json.writeValueAsString(changes) : null, user);
		int position = 0;
		for (ReportGenerator.Part part : draft.parts()) {
			Section edit = kept.get(part.key());
			this.store.insertSection(id, version,
					new Section(part.key(), position++, part.title(), part.paragraphs(),
							(edit != null) ? edit.edited() : null, (edit != null) ? edit.editedBy() : null,
							(edit != null) ? edit.editedAt() : null,
							previous.containsKey(part.key()) ? previous.get(part.key()) + 1 : 0));
		}
		this.store.insertFigures(id, version, draft.figures());
	}

	// ---- reading

	/** The current version of a report the user may see. */
	@Transactional(readOnly = true)
	public ReportDocument get(long id) {
		Header header = visible(id);
		return load(header, header.currentVersion());
	}

	/** An earlier (or the current) version of a report. */
	@Transactional(readOnly = true)
	public ReportDocument get(long id, int version) {
		Header header = visible(id);
		if (version < 1 || version > header.currentVersion()) {
			throw new NotFoundException("error.report.versionNotFound", version);
		}
		return load(header, version);
	}

	@Transactional(readOnly = true)
	public List<Version> versions(long id) {
		visible(id);
		return this.store.versions(id);
	}

	/** The changes a version brought, if it was a regeneration. */
	public Optional<ReportChanges> changes(Version version) {
		return Optional.ofNullable(version.changesJson()).map((j) -> this.json.readValue(j, ReportChanges.class));
	}

	/** A page of reports. */
	public record Page(List<Header> items, long total) {
	}

	/** Reports in the zones the user may see, newest first. */
	@Transactional(readOnly = true)
	public Page list(String zone, String kind, Integer year, String status, int page, int size) {
		CurrentUser me = CurrentUser.get();
		List<String> zoneCodes;
		if (zone != null) {
			me.checkZone(zone);
			zoneCodes = List.of(zone);
		}
		else {
			if (me.isEnterpriseUser()) {
				throw new ForbiddenException("error.zoneOutOfScope");
			}
			zoneCodes = this.zones.zones().stream().map(ZoneDirectory.Zone::code).filter(me::canSeeZone).toList();
		}
		if (zoneCodes.isEmpty()) {
			return new Page(List.of(), 0);
		}
		ReportStore.Query query = new ReportStore.Query(zoneCodes, kind, year, status, Math.max(page, 0),
				Math.min(Math.max(size, 1), 100));
		return new Page(this.store.list(query), this.store.count(query));
	}

	/** The zone's name, for lists. */
	public String zoneName(String code) {
		return this.zones.zone(code).map(ZoneDirectory.Zone::name).orElse(code);
	}

	private Header visible(long id) {
		Header header = this.store.find(id).orElseThrow(() -> new NotFoundException("error.report.notFound", id));
		CurrentUser.get().checkZone(header.zoneCode());
		return header;
	}

	private ReportDocument load(long id, int version) {
		return load(this.store.find(id).orElseThrow(), version);
	}

	private ReportDocument load(Header header, int version) {
		Version v = this.store.version(header.id(), version).orElseThrow();
		Map<String, ReportFigure> figures = new LinkedHashMap<>();
		this.store.figures(header.id(), version).forEach((f) -> figures.put(f.id(), f));
		String zoneName = zoneName(header.zoneCode());
		return new ReportDocument(header.id(), zoneName, this.properties.issuer(header.zoneCode(), zoneName), header, v,
				this.store.sections(header.id(), version), figures, this.store.plans(header.id()));
	}

	// ---- changing a draft

	/** Locks a draft for a change: the user may see it and it is not final. */
	private Header draft(long id) {
		Header header = this.store.lock(id).orElseThrow(() -> new NotFoundException("error.report.notFound", id));
		CurrentUser.get().checkZone(header.zoneCode());
		if (header.isFinal()) {
			throw new ConflictException("error.report.final");
		}
		return header;
	}

	/**
	 * Keeps the staff's text of a section; markers must name figures of the report. A
	 * text equal to the generated one removes the edit.
	 */
	@Transactional
	public ReportDocument editSection(long id, String key, ReportCommands.EditSection command) {
		Header header = draft(id);
		ReportDocument doc = load(header, header.currentVersion());
		Section section = doc.section(key)
			.orElseThrow(() -> new NotFoundException("error.report.sectionNotFound", key));
		List<String> paragraphs = paragraphs(command, doc.figures().keySet());
		List<String> edited = paragraphs.equals(section.generated()) ? null : paragraphs;
		if (this.store.updateEdit(id, header.currentVersion(), key, edited, CurrentUser.usernameOrSystem(),
				command.version()) == 0) {
			throw new ConflictException("error.staleVersion");
		}
		this.audit.recordChange("report.editSection", "report", id + "/" + key, section.effective(),
				(edited != null) ? edited : section.generated());
		return load(header, header.currentVersion());
	}

	/**
	 * Drops the staff's text of a section: the generated text shows again. A
	 * {@code version} given must be the section's current one.
	 */
	@Transactional
	public ReportDocument revertSection(long id, String key, Long version) {
		Header header = draft(id);
		ReportDocument doc = load(header, header.currentVersion());
		Section section = doc.section(key)
			.orElseThrow(() -> new NotFoundException("error.report.sectionNotFound", key));
		if (version != null && version != section.editVersion()) {
			throw new ConflictException("error.staleVersion");
		}
		if (section.edited() != null) {
			this.store.updateEdit(id, header.currentVersion(), key, null, null, section.editVersion());
			this.audit.recordChange("report.revertSection", "report", id + "/" + key, section.edited(),
					section.generated());
		}
		return load(header, header.currentVersion());
	}

	static List<String> paragraphs(ReportCommands.EditSection command, Set<String> figureIds) {
		if (command == null || command.paragraphs() == null) {
			throw InvalidInputException.of("paragraphs", "error.report.paragraphsRequired");
		}
		if (command.version() == null) {
			throw InvalidInputException.of("version", "error.report.versionRequired");
		}
		List<String> paragraphs = new ArrayList<>();
		for (String p : command.paragraphs()) {
			if (p == null || p.isBlank()) {
				continue;
			}
			String text = p.strip();
			if (text.length() > MAX_PARAGRAPH) {
				throw InvalidInputException.of("paragraphs", "error.report.paragraphTooLong", MAX_PARAGRAPH);
			}
			paragraphs.add(text);
		}
		if (paragraphs.isEmpty()) {
			throw InvalidInputException.of("paragraphs", "error.report.paragraphsRequired");
		}
		for (String marker : Markers.ids(paragraphs)) {
			if (!figureIds.contains(marker)) {
				throw InvalidInputException.of("paragraphs", "error.report.unknownFigure", "{{" + marker + "}}");
			}
		}
		return paragraphs;
	}

	/** Adds a plan in the staff's words to 三、下阶段打算. */
	@Transactional
	public ReportDocument addPlan(long id, ReportCommands.AddPlan command) {
		Header header = draft(id);
		String text = (command != null && command.text() != null) ? command.text().strip() : "";
		if (text.isEmpty()) {
			throw InvalidInputException.of("text", "error.report.planRequired");
		}
		if (text.length() > MAX_PLAN) {
			throw InvalidInputException.of("text", "error.report.planTooLong", MAX_PLAN);
		}
		if (!Markers.ids(List.of(text)).isEmpty()) {
			throw InvalidInputException.of("text", "error.report.planMarkers");
		}
		if (command.version() == null) {
			throw InvalidInputException.of("version", "error.report.versionRequired");
		}
		if (this.store.bumpPlansVersion(id, command.version()) == 0) {
			throw new ConflictException("error.staleVersion");
		}
		long planId = this.store.insertPlan(id, text, CurrentUser.usernameOrSystem());
		renumberPlans(header);
		this.audit.recordChange("report.addPlan", "report", id + "/plans/" + planId, null, text);
		return load(id, header.currentVersion());
	}

	/** Removes a staff plan; a {@code version} given must be the plans' current one. */
	@Transactional
	public ReportDocument removePlan(long id, long planId, Long version) {
		Header header = draft(id);
		Plan plan = this.store.plans(id)
			.stream()
			.filter((p) -> p.id() == planId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("error.report.planNotFound", planId));
		if (this.store.bumpPlansVersion(id, (version != null) ? version : header.plansVersion()) == 0) {
			throw new ConflictException("error.staleVersion");
		}
		this.store.deletePlan(id, planId);
		renumberPlans(header);
		this.audit.recordChange("report.removePlan", "report", id + "/plans/" + planId, plan.text(), null);
		return load(id, header.currentVersion());
	}

	private void renumberPlans(Header header) {
		ReportDocument doc = load(header, header.currentVersion());
		ReportScope scope = new ReportScope(header.zoneCode(), doc.zoneName(), doc.period(), doc.dataMonth(),
				doc.asOf());
		ReportGenerator.Part plans = ReportGenerator.plans(scope, doc.version().contributorPlans(),
				doc.plans().stream().map(Plan::text).toList());
		this.store.updateGenerated(header.id(), header.currentVersion(), ReportGenerator.PLANS, plans.paragraphs());
		this.store.touch(header.id());
	}

	/**
	 * Generates the draft again from the data as it is now, as a new version: the staff's
	 * edits are kept (a figure the data no longer gives stays in an edit as plain text)
	 * and what changed in the data is recorded with the version.
	 */
	@Transactional
	public ReportDocument regenerate(long id, ReportCommands.Regenerate command) {
		Header header = draft(id);
		ReportDocument before = load(header, header.currentVersion());
		Integer dataMonth = (command != null && command.dataMonth() != null) ? command.dataMonth()
				: header.requestedDataMonth();
		LocalDate asOf = header.requestedAsOf();
		List<FieldProblem> problems = new ArrayList<>();
		if (command != null && command.asOf() != null && !command.asOf().isBlank()) {
			try {
				asOf = LocalDate.parse(command.asOf().trim());
			}
			catch (DateTimeParseException ex) {
				throw InvalidInputException.of("asOf", "error.report.asOfInvalid");
			}
		}
		checkPeriod(before.period(), dataMonth, asOf, today(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		ZoneDirectory.Zone zone = this.zones.require(header.zoneCode());
		ReportScope scope = scope(zone, before.period(), dataMonth, asOf);
		ReportGenerator.Draft draft = this.generator.generate(scope, before.plans().stream().map(Plan::text).toList());

		Map<String, ReportFigure> newFigures = draft.figures()
			.stream()
			.collect(Collectors.toMap(ReportFigure::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		List<SectionChange> sectionChanges = new ArrayList<>();
		Map<String, Section> kept = new HashMap<>();
		Map<String, ReportGenerator.Part> parts = new LinkedHashMap<>();
		draft.parts().forEach((p) -> parts.put(p.key(), p));
		List<ReportGenerator.Part> extra = new ArrayList<>();
		for (Section old : before.sections()) {
			ReportGenerator.Part now = parts.get(old.key());
			if (now == null) {
				sectionChanges.add(new SectionChange(old.key(), old.title(), SectionChangeKind.REMOVED));
			}
			if (old.edited() == null) {
				continue;
			}
			// an edit keeps its linked figures where the data still gives them
			List<String> edited = new ArrayList<>();
			boolean frozen = false;
			for (String p : old.edited()) {
				String text = Markers.replace(p, (fid) -> newFigures.containsKey(fid) ? null
						: before.figures().containsKey(fid) ? before.figures().get(fid).text() : null);
				frozen |= !text.equals(p);
				edited.add(text);
			}
			kept.put(old.key(), new Section(old.key(), 0, old.title(), old.generated(), edited, old.editedBy(),
					old.editedAt(), old.editVersion()));
			if (now == null) {
				extra.add(new ReportGenerator.Part(old.key(), old.title(), List.of()));
			}
			else if (frozen) {
				sectionChanges
					.add(new SectionChange(old.key(), old.title(), SectionChangeKind.EDIT_KEPT_FIGURE_FROZEN));
			}
			else if (!plain(now.paragraphs(), newFigures).equals(plain(old.generated(), before.figures()))) {
				sectionChanges.add(new SectionChange(old.key(), old.title(), SectionChangeKind.EDIT_KEPT_DATA_CHANGED));
			}
		}
		Set<String> oldKeys = before.sections().stream().map(Section::key).collect(Collectors.toSet());
		draft.parts()
			.stream()
			.filter((p) -> !oldKeys.contains(p.key()))
			.forEach((p) -> sectionChanges.add(new SectionChange(p.key(), p.title(), SectionChangeKind.ADDED)));

		ReportGenerator.Draft stored = draft;
		if (!extra.isEmpty()) {
			// a section the data no longer gives stays while it holds staff's text: after
			// the
			// other work lines
			List<ReportGenerator.Part> all = new ArrayList<>(draft.parts());
			int at = all.size() - 2;
			all.addAll(at, extra);
			stored = new ReportGenerator.Draft(draft.title(), all, draft.figures(), draft.contributorPlans(),
					draft.topics());
		}
		int version = header.currentVersion() + 1;
		ReportChanges changes = new ReportChanges(header.currentVersion(),
				ReportChanges.figures(before.figures(), newFigures), sectionChanges);
		Map<String, Long> previous = new HashMap<>();
		before.sections().forEach((sec) -> previous.put(sec.key(), sec.editVersion()));
		storeVersion(id, version, scope, stored, kept, previous, changes, CurrentUser.usernameOrSystem());
		this.store.newVersion(id, version, draft.title(), dataMonth, asOf);
		ReportDocument after = load(id, version);
		this.audit.recordChange("report.regenerate", "report", Long.toString(id), summary(before), summary(after));
		return after;
	}

	/**
	 * Texts as the reader sees them, to tell whether the data changed a generated text.
	 */
	private static List<String> plain(List<String> texts, Map<String, ReportFigure> figures) {
		return texts.stream()
			.map((t) -> Markers.replace(t, (fid) -> figures.containsKey(fid) ? figures.get(fid).text() : null))
			.toList();
	}

	/** Finalises a draft (定稿): from now on it is read-only. */
	@Transactional
	public ReportDocument finalizeReport(long id) {
		Header header = draft(id);
		this.store.finalize(id, CurrentUser.usernameOrSystem());
		ReportDocument doc = load(id, header.currentVersion());
		this.audit.recordChange("report.finalize", "report", Long.toString(id), Map.of("status", header.status()),
				Map.of("status", doc.status(), "version", header.currentVersion()));
		return doc;
	}

	private static Map<String, Object> summary(ReportDocument doc) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("title", doc.title());
		s.put("status", doc.status());
		s.put("version", doc.version().version());
		s.put("dataMonth", doc.dataMonth().toString());
		s.put("asOf", doc.asOf().toString());
		Map<String, String> figures = new LinkedHashMap<>();
		doc.figures().forEach((fid, f) -> figures.put(fid, f.text()));
		s.put("figures", figures);
		return s;
	}

}
