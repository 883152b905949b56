package io.parkops.land.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.parkops.economy.EconomyStatistics;
import io.parkops.economy.Indicator;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.land.PerMuClassFinalized;
import io.parkops.land.internal.Kinds.EvaluationStatus;
import io.parkops.land.internal.PerMuStore.EvaluationRow;
import io.parkops.land.internal.PerMuStore.ResultRow;
import io.parkops.land.internal.PerMuViews.EvaluationView;
import io.parkops.land.internal.PerMuViews.InputsView;
import io.parkops.land.internal.PerMuViews.ItemView;
import io.parkops.land.internal.PerMuViews.NeedView;
import io.parkops.land.internal.PerMuViews.ObjectionView;
import io.parkops.land.internal.PerMuViews.ResultView;
import io.parkops.land.internal.PerMuViews.SchemeView;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneTime;
import io.parkops.platform.ZoneDirectory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly per-mu evaluation (亩均效益评价): the scheme of each year, manual inputs where the
 * system has no figure, the evaluation of a zone (draft → 公示 with an objection window →
 * 定稿), each enterprise's result and objections.
 */
@Service
public class PerMuService {

	private static final TypeReference<List<ItemView>> ITEMS = new TypeReference<>() {
	};

	private static final TypeReference<List<NeedView>> NEEDS = new TypeReference<>() {
	};

	private static final Set<String> CODES = Set.of("tax_per_mu", "value_added_per_mu", "value_added_per_energy",
			"value_added_per_emission", "labour_productivity", "rd_intensity", "tax_per_electricity");

	private final PerMuStore store;

	private final LandStore land;

	private final EnterpriseRegistry enterprises;

	private final EconomyStatistics economy;

	private final ZoneDirectory zones;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final LandProperties properties;

	PerMuService(PerMuStore store, LandStore land, EnterpriseRegistry enterprises, EconomyStatistics economy,
			ZoneDirectory zones, ApplicationEventPublisher events, AuditTrail audit, JsonMapper json,
			LandProperties properties) {
		this.store = store;
		this.land = land;
		this.enterprises = enterprises;
		this.economy = economy;
		this.zones = zones;
		this.events = events;
		this.audit = audit;
		this.json = json;
		this.properties = properties;
	}

	// ---- schemes

	/** The scheme of a year: the one stored, else domain.md's defaults. */
	public SchemeView scheme(int year) {
		checkYear(year);
		return this.store.scheme(year)
			.map((row) -> view(year, read(row.scheme()), true, row.version()))
			.orElseGet(() -> view(year, PerMuScheme.defaults(), false, 0));
	}

	PerMuScheme schemeOf(int year) {
		return this.store.scheme(year).map((row) -> read(row.scheme())).orElseGet(PerMuScheme::defaults);
	}

	/**
	 * Replaces the scheme of a year; with {@code version} only if it is still the one
	 * read (409 otherwise).
	 */
	@Transactional
	public SchemeView putScheme(int year, LandCommands.SchemeRequest cmd) {
		LandScope.requireStaff();
		checkYear(year);
		Inputs in = new Inputs();
		PerMuScheme.ItemSet above = itemSet(in, cmd.aboveScale(), "aboveScale");
		PerMuScheme.ItemSet below = itemSet(in, cmd.belowScale(), "belowScale");
		Map<String, BigDecimal> cuts = new LinkedHashMap<>();
		if (cmd.classCuts() == null) {
			in.problem("classCuts", "error.required");
		}
		else {
			BigDecimal sum = BigDecimal.ZERO;
			for (String c : PerMuScheme.CLASSES) {
				BigDecimal v = in.number(cmd.classCuts().get(c), "classCuts." + c, 5, 2, BigDecimal.ZERO, true);
				if (v != null) {
					cuts.put(c, v);
					sum = sum.add(v);
				}
			}
			if (!PerMuScheme.CLASSES.containsAll(cmd.classCuts().keySet())) {
				in.problem("classCuts", "error.land.classCuts");
			}
			else if (cuts.size() == 4 && sum.compareTo(BigDecimal.valueOf(100)) != 0) {
				in.problem("classCuts", "error.land.classCutsSum", sum.stripTrailingZeros().toPlainString());
			}
		}
		Map<String, List<String>> policies = new LinkedHashMap<>();
		if (cmd.policies() != null) {
			for (Map.Entry<String, List<String>> e : cmd.policies().entrySet()) {
				if (!PerMuScheme.CLASSES.contains(e.getKey())) {
					in.problem("policies", "error.land.classCuts");
					continue;
				}
				policies.put(e.getKey(), in.texts(e.getValue(), "policies." + e.getKey(), 100, 20));
			}
		}
		Map<String, Map<String, String>> measures = new LinkedHashMap<>();
		if (cmd.measures() != null) {
			for (Map.Entry<String, Map<String, String>> e : cmd.measures().entrySet()) {
				if (!PerMuScheme.POLICY_AREAS.contains(e.getKey()) || e.getValue() == null) {
					in.problem("measures", "error.badValue");
					continue;
				}
				Map<String, String> byClass = new LinkedHashMap<>();
				for (String c : PerMuScheme.CLASSES) {
					String m = in.text(e.getValue().get(c), "measures." + e.getKey() + "." + c, 200, false);
					if (m != null) {
						byClass.put(c, m);
					}
				}
				if (!PerMuScheme.CLASSES.containsAll(e.getValue().keySet())) {
					in.problem("measures." + e.getKey(), "error.land.classCuts");
				}
				measures.put(e.getKey(), byClass);
			}
		}
		in.check();
		PerMuScheme scheme = new PerMuScheme(above, below, cuts,
				policies.isEmpty() ? PerMuScheme.defaults().policies() : policies,
				measures.isEmpty() ? null : measures);
		String text = this.json.writeValueAsString(scheme);
		SchemeView before = this.store.scheme(year)
			.map((row) -> view(year, read(row.scheme()), true, row.version()))
			.orElse(null);
		String by = CurrentUser.usernameOrSystem();
		if (cmd.version() != null) {
			Versions.updated(this.store.updateScheme(year, text, cmd.version(), by));
		}
		else if (!this.store.insertScheme(year, text, by)) {
			this.store.updateScheme(year, text, null, by);
		}
		SchemeView after = scheme(year);
		this.audit.recordChange((before == null) ? "CREATE" : "UPDATE", "land_permu_scheme", Integer.toString(year),
				before, after);
		return after;
	}

	private PerMuScheme.ItemSet itemSet(Inputs in, LandCommands.ItemSetRequest set, String field) {
		if (set == null || set.items() == null || set.items().isEmpty()) {
			in.problem(field, "error.required");
			return null;
		}
		if (set.items().size() > CODES.size()) {
			in.problem(field, "error.tooMany", CODES.size());
			return null;
		}
		List<PerMuScheme.Item> items = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < set.items().size(); i++) {
			LandCommands.ItemRequest r = set.items().get(i);
			String f = field + ".items[" + i + "]";
			if (r == null) {
				in.problem(f, "error.required");
				continue;
			}
			String code = in.oneOf(r.code(), f + ".code", CODES, true);
			if (code != null && !seen.add(code)) {
				in.problem(f + ".code", "error.duplicate");
			}
			BigDecimal weight = in.number(r.weight(), f + ".weight", 6, 2, BigDecimal.ZERO, true);
			BigDecimal benchmark = LandService.positive(in, r.benchmark(), f + ".benchmark", 16, 6);
			BigDecimal cap = in.number(r.cap(), f + ".cap", 6, 2, BigDecimal.ZERO, false);
			items.add(new PerMuScheme.Item(code, weight, benchmark, cap));
		}
		return new PerMuScheme.ItemSet(items);
	}

	private PerMuScheme read(String text) {
		return this.json.readValue(text, PerMuScheme.class);
	}

	private static SchemeView view(int year, PerMuScheme s, boolean stored, long version) {
		return new SchemeView(year, s.aboveScale(), s.belowScale(), s.classCuts(), s.policies(), s.measures(), stored,
				version);
	}

	// ---- inputs

	public InputsView inputs(int year, String creditCode) {
		checkYear(year);
		Enterprise e = staffEnterprise(creditCode);
		return this.store.inputs(year, e.creditCode())
			.orElse(new InputsView(year, e.creditCode(), null, null, null, null, null, null, null, null, null, null,
					0));
	}

	@Transactional
	public InputsView putInputs(int year, String creditCode, LandCommands.PerMuInputs cmd) {
		checkYear(year);
		Enterprise e = staffEnterprise(creditCode);
		Inputs in = new Inputs();
		InputsView v = new InputsView(year, e.creditCode(),
				in.number(cmd.landMu(), "landMu", 12, 4, BigDecimal.ZERO, false),
				in.number(cmd.tax(), "tax", 16, 2, null, false),
				in.number(cmd.valueAdded(), "valueAdded", 16, 2, null, false),
				in.number(cmd.revenue(), "revenue", 16, 2, BigDecimal.ZERO, false),
				in.number(cmd.electricity(), "electricity", 16, 2, BigDecimal.ZERO, false),
				in.number(cmd.energyTce(), "energyTce", 16, 2, BigDecimal.ZERO, false),
				in.number(cmd.emissions(), "emissions", 16, 4, BigDecimal.ZERO, false),
				in.number(cmd.employees(), "employees", 12, 2, BigDecimal.ZERO, false),
				in.number(cmd.rdExpense(), "rdExpense", 16, 2, BigDecimal.ZERO, false), cmd.notGraded(), 0);
		in.check();
		InputsView before = this.store.inputs(year, e.creditCode()).orElse(null);
		Versions.updated(this.store.saveInputs(v, cmd.version(), CurrentUser.usernameOrSystem()));
		InputsView after = this.store.inputs(year, e.creditCode()).orElseThrow();
		this.audit.recordChange((before == null) ? "CREATE" : "UPDATE", "land_permu_input", year + "/" + e.creditCode(),
				before, after);
		return after;
	}

	private Enterprise staffEnterprise(String creditCode) {
		LandScope.requireStaff();
		String code = Inputs.trim(creditCode);
		Enterprise e = (code != null) ? this.enterprises.find(code.toUpperCase(Locale.ROOT)).orElse(null) : null;
		if (e == null) {
			throw new NotFoundException("error.enterpriseNotFound", Inputs.shorten(String.valueOf(creditCode)));
		}
		CurrentUser.get().checkZone(e.zoneCode());
		return e;
	}

	// ---- evaluations

	/**
	 * Evaluates a zone's year from the system's data and the manual inputs: a new draft
	 * (an earlier draft of the year is replaced; a published or final one → 409).
	 */
	@Transactional
	public EvaluationView evaluate(LandCommands.Evaluate cmd) {
		LandScope.requireStaff();
		Inputs in = new Inputs();
		String zone = LandScope.zone(this.zones, in, cmd.zoneCode());
		Integer year = in.whole(cmd.year(), "year", 2000, LandScope.today().getYear(), true);
		in.check();
		this.store.deleteDraft(zone, year);
		Draft draft = draft(zone, year, CurrentUser.usernameOrSystem());
		this.audit.recordChange("CREATE", "land_permu_evaluation", Long.toString(draft.id()), null,
				Map.of("zone", zone, "year", year, "results", draft.results()));
		return evaluation(draft.id());
	}

	/** A stored draft evaluation and how many results it holds. */
	private record Draft(long id, int results) {
	}

	/**
	 * Scores a zone's year with the year's scheme and stores the draft with its results
	 * (409 when the year has a published or final evaluation).
	 */
	private Draft draft(String zone, int year, String by) {
		PerMuScheme scheme = schemeOf(year);
		List<PerMuScoring.Result> results = PerMuScoring.evaluate(scheme, subjects(zone, year));
		long id = this.store.insertEvaluation(zone, year, this.json.writeValueAsString(scheme), by)
			.orElseThrow(() -> new ConflictException("error.land.evaluationExists", year));
		List<ResultRow> rows = new ArrayList<>(results.size());
		for (PerMuScoring.Result r : results) {
			List<ItemView> items = r.items()
				.stream()
				.map((i) -> new ItemView(i.code(), i.value(), i.benchmark(), i.weight(), i.points()))
				.toList();
			List<NeedView> needs = r.toNextClass()
				.stream()
				.map((n) -> new NeedView(n.code(), n.needed(), n.target()))
				.toList();
			rows.add(new ResultRow(r.creditCode(), r.name(), r.aboveScale(), r.graded(), r.landMu(), r.score(),
					r.rank(), r.cls(), this.json.writeValueAsString(items), this.json.writeValueAsString(needs)));
		}
		this.store.insertResults(id, rows);
		return new Draft(id, rows.size());
	}

	/** What the evaluation reads of each enterprise of the zone that has land. */
	List<PerMuScoring.Subject> subjects(String zone, int year) {
		Map<String, BigDecimal> landOwned = this.land.landByOwner(zone);
		List<Enterprise> all = this.enterprises.ofZone(zone)
			.stream()
			.filter((e) -> e.status() != EnterpriseStatus.MOVED_OUT)
			.toList();
		Map<String, InputsView> inputs = this.store.inputsOf(year, all.stream().map(Enterprise::creditCode).toList());
		Map<String, Map<Indicator, BigDecimal>> figures = this.economy.enterpriseYearFiguresForReport(zone, year);
		List<PerMuScoring.Subject> subjects = new ArrayList<>();
		for (Enterprise e : all) {
			InputsView i = inputs.get(e.creditCode());
			BigDecimal landMu = pick((i != null) ? i.landMu() : null, landOwned.get(e.creditCode()));
			if (landMu == null || landMu.signum() <= 0) {
				continue;
			}
			Map<Indicator, BigDecimal> f = figures.getOrDefault(e.creditCode(), Map.of());
			boolean notGraded = (i != null && i.notGraded() != null) ? i.notGraded()
					: e.status() == EnterpriseStatus.BUILDING;
			subjects.add(new PerMuScoring.Subject(e.creditCode(), e.name(), e.aboveScale(), !notGraded, landMu,
					pick(input(i, "tax"), f.get(Indicator.TAX)),
					pick(input(i, "valueAdded"), f.get(Indicator.VALUE_ADDED)),
					pick(input(i, "revenue"), f.get(Indicator.REVENUE)),
					pick(input(i, "electricity"), f.get(Indicator.ELECTRICITY)), input(i, "energyTce"),
					input(i, "emissions"), pick(input(i, "employees"), f.get(Indicator.EMPLOYEES)),
					input(i, "rdExpense")));
		}
		return subjects;
	}

	private static BigDecimal input(InputsView i, String field) {
		if (i == null) {
			return null;
		}
		return switch (field) {
			case "tax" -> i.tax();
			case "valueAdded" -> i.valueAdded();
			case "revenue" -> i.revenue();
			case "electricity" -> i.electricity();
			case "energyTce" -> i.energyTce();
			case "emissions" -> i.emissions();
			case "employees" -> i.employees();
			case "rdExpense" -> i.rdExpense();
			default -> null;
		};
	}

	private static BigDecimal pick(BigDecimal manual, BigDecimal system) {
		return (manual != null) ? manual : system;
	}

	/**
	 * An evaluation with its results: staff of its zone see all; an enterprise user only
	 * its own result, once published.
	 */
	public EvaluationView evaluation(long id) {
		EvaluationRow e = row(id);
		String only = enterpriseScope(e);
		List<ResultView> results = this.store.results(id, only).stream().map(this::result).toList();
		if (only != null && results.isEmpty()) {
			// an enterprise sees only an evaluation it is in (its own zone's)
			throw new NotFoundException("error.land.evaluationNotFound", e.id());
		}
		return new EvaluationView(e.id(), e.zoneCode(), e.year(), e.status(), e.publishedOn(), e.objectionUntil(),
				e.finalizedOn(), this.store.gradedCount(id), (only == null) ? this.store.classCounts(id) : null,
				results, e.version());
	}

	/** One enterprise's result in an evaluation. */
	public ResultView result(long id, String creditCode) {
		EvaluationRow e = row(id);
		String only = enterpriseScope(e);
		String code = String.valueOf(Inputs.trim(creditCode)).toUpperCase(Locale.ROOT);
		if (only != null && !only.equals(code)) {
			throw new ForbiddenException("error.enterpriseOutOfScope");
		}
		return this.store.results(id, code)
			.stream()
			.findFirst()
			.map(this::result)
			.orElseThrow(() -> new NotFoundException("error.land.resultNotFound", Inputs.shorten(code)));
	}

	/** The scheme an evaluation was computed with. */
	public PerMuScheme schemeOfEvaluation(long id) {
		return read(row(id).scheme());
	}

	public List<EvaluationView> evaluations(String zone) {
		List<String> zs = LandScope.zones(this.zones, zone);
		return this.store.evaluations(zs)
			.stream()
			.map((e) -> new EvaluationView(e.id(), e.zoneCode(), e.year(), e.status(), e.publishedOn(),
					e.objectionUntil(), e.finalizedOn(), this.store.gradedCount(e.id()), this.store.classCounts(e.id()),
					null, e.version()))
			.toList();
	}

	/** The published and final results of the current enterprise user, newest first. */
	public List<Map.Entry<EvaluationView, ResultView>> myResults() {
		CurrentUser me = CurrentUser.get();
		if (!me.isEnterpriseUser()) {
			return List.of();
		}
		return this.store.resultsOf(me.enterpriseCreditCode())
			.stream()
			.map((entry) -> Map.entry(
					new EvaluationView(entry.getKey().id(), entry.getKey().zoneCode(), entry.getKey().year(),
							entry.getKey().status(), entry.getKey().publishedOn(), entry.getKey().objectionUntil(),
							entry.getKey().finalizedOn(), 0, null, null, entry.getKey().version()),
					result(entry.getValue())))
			.toList();
	}

	private EvaluationRow row(long id) {
		EvaluationRow e = this.store.evaluation(id)
			.orElseThrow(() -> new NotFoundException("error.land.evaluationNotFound", id));
		CurrentUser me = CurrentUser.get();
		if (!me.isEnterpriseUser()) {
			me.checkZone(e.zoneCode());
		}
		return e;
	}

	/** The credit code an enterprise user is limited to (null for staff). */
	private static String enterpriseScope(EvaluationRow e) {
		CurrentUser me = CurrentUser.get();
		if (!me.isEnterpriseUser()) {
			return null;
		}
		if (EvaluationStatus.DRAFT.name().equals(e.status())) {
			throw new NotFoundException("error.land.evaluationNotFound", e.id());
		}
		return me.enterpriseCreditCode();
	}

	ResultView result(ResultRow r) {
		return new ResultView(r.creditCode(), r.name(), r.aboveScale(), r.landMu(), r.score(), r.rank(), r.cls(),
				r.graded(), this.json.readValue(r.items(), ITEMS), this.json.readValue(r.toNext(), NEEDS));
	}

	/** 公示: the draft is published with its objection window. */
	@Transactional
	public EvaluationView publish(long id, LandCommands.Publish cmd) {
		EvaluationRow e = row(id);
		LandScope.requireStaff();
		Inputs in = new Inputs();
		Integer days = in.whole((cmd != null) ? cmd.objectionDays() : null, "objectionDays", 0, 90, false);
		in.check();
		LocalDate today = LandScope.today();
		int window = (days != null) ? days : this.properties.objectionDays();
		if (this.store.publish(id, today, today.plusDays(window)) == 0) {
			throw new ConflictException("error.land.evaluationStep", e.status(), "PUBLISHED");
		}
		this.audit.recordChange("PUBLISH", "land_permu_evaluation", Long.toString(id), e.status(), "PUBLISHED");
		return evaluation(id);
	}

	/**
	 * 定稿: the published evaluation becomes final; each enterprise's class goes on its
	 * timeline.
	 */
	@Transactional
	public EvaluationView finalizeEvaluation(long id) {
		EvaluationRow e = row(id);
		LandScope.requireStaff();
		if (this.store.finalizeEvaluation(id, LandScope.today()) == 0) {
			throw new ConflictException("error.land.evaluationStep", e.status(), "FINAL");
		}
		int flagged = finalized(id, e.zoneCode(), e.year(), Instant.now());
		if (flagged > 0) {
			this.audit.recordChange("FLAG_INEFFICIENT", "land_parcel", e.zoneCode(), null,
					Map.of("evaluation", id, "class", "D", "parcels", flagged));
		}
		this.audit.recordChange("FINALIZE", "land_permu_evaluation", Long.toString(id), e.status(), "FINAL");
		return evaluation(id);
	}

	/**
	 * What a final evaluation brings about: the land its D enterprises hold in the zone
	 * is flagged 低效用地, and each enterprise's class goes on its timeline at {@code at}.
	 * @return how many parcels were flagged
	 */
	private int finalized(long id, String zone, int year, Instant at) {
		List<ResultRow> finalResults = this.store.results(id, null);
		List<String> classD = finalResults.stream()
			.filter((r) -> "D".equals(r.cls()))
			.map(ResultRow::creditCode)
			.toList();
		int flagged = classD.isEmpty() ? 0 : this.land.flagInefficient(zone, classD);
		for (ResultRow r : finalResults) {
			this.events.publishEvent(new PerMuClassFinalized(r.creditCode(), at, year, r.cls(),
					"/land/per-mu/evaluations/" + id + "/results/" + r.creditCode()));
		}
		return flagged;
	}

	/**
	 * The class-driven policy lists of an evaluation: for each policy area (差别化电价, 用水,
	 * 用地, 奖补) the enterprises whose class has a measure in it, with the measure, best
	 * class first (staff of the zone).
	 */
	public Map<String, List<PerMuViews.PolicyEntry>> policyLists(long id) {
		EvaluationRow e = row(id);
		LandScope.requireStaff();
		PerMuScheme scheme = read(e.scheme());
		List<ResultRow> results = new ArrayList<>(this.store.results(id, null));
		results.sort(java.util.Comparator.comparing(ResultRow::cls)
			.thenComparing((r) -> (r.rank() != null) ? r.rank() : Integer.MAX_VALUE)
			.thenComparing(ResultRow::creditCode));
		Map<String, List<PerMuViews.PolicyEntry>> lists = new LinkedHashMap<>();
		for (String area : PerMuScheme.POLICY_AREAS) {
			Map<String, String> byClass = scheme.measures().getOrDefault(area, Map.of());
			List<PerMuViews.PolicyEntry> entries = new ArrayList<>();
			for (ResultRow r : results) {
				String measure = byClass.get(r.cls());
				if (measure != null) {
					entries.add(new PerMuViews.PolicyEntry(r.creditCode(), r.name(), r.cls(), measure));
				}
			}
			lists.put(area, entries);
		}
		return lists;
	}

	/** The measures of each policy area for a class, in the evaluation's scheme. */
	public Map<String, String> measuresOf(long id, String cls) {
		PerMuScheme scheme = schemeOfEvaluation(id);
		Map<String, String> m = new LinkedHashMap<>();
		for (String area : PerMuScheme.POLICY_AREAS) {
			String measure = scheme.measures().getOrDefault(area, Map.of()).get(cls);
			if (measure != null) {
				m.put(area, measure);
			}
		}
		return m;
	}

	// ---- objections

	/** An enterprise objects to its published result within the window. */
	@Transactional
	public ObjectionView object(long id, LandCommands.Objection cmd) {
		EvaluationRow e = row(id);
		CurrentUser me = CurrentUser.get();
		if (!me.isEnterpriseUser()) {
			throw new ForbiddenException("error.land.objectionByEnterprise");
		}
		String only = enterpriseScope(e);
		Inputs in = new Inputs();
		String text = in.multiline(cmd.text(), "text", 2000, true);
		String evidence = in.multiline(cmd.evidence(), "evidence", 2000, false);
		in.check();
		if (this.store.results(id, only).isEmpty()) {
			throw new NotFoundException("error.land.resultNotFound", only);
		}
		LocalDate today = LandScope.today();
		if (!EvaluationStatus.PUBLISHED.name().equals(e.status()) || e.objectionUntil() == null
				|| today.isAfter(e.objectionUntil())) {
			throw new ConflictException("error.land.objectionClosed");
		}
		long oid = this.store.insertObjection(id, only, text, evidence, today, me.username());
		ObjectionView saved = this.store.objection(oid).orElseThrow();
		this.audit.recordChange("CREATE", "land_permu_objection", Long.toString(oid), null, saved);
		return saved;
	}

	public List<ObjectionView> objections(long id) {
		EvaluationRow e = row(id);
		return this.store.objections(id, enterpriseScope(e));
	}

	@Transactional
	public ObjectionView decide(long objectionId, LandCommands.ObjectionDecision cmd) {
		LandScope.requireStaff();
		ObjectionView o = this.store.objection(objectionId)
			.orElseThrow(() -> new NotFoundException("error.land.objectionNotFound", objectionId));
		row(o.evaluationId());
		Inputs in = new Inputs();
		if (cmd.accepted() == null) {
			in.problem("accepted", "error.required");
		}
		String reply = in.multiline(cmd.reply(), "reply", 2000, true);
		in.check();
		if (this.store.decide(objectionId, cmd.accepted(), reply) == 0) {
			throw new ConflictException("error.land.objectionDecided");
		}
		ObjectionView after = this.store.objection(objectionId).orElseThrow();
		this.audit.recordChange("DECIDE", "land_permu_objection", Long.toString(objectionId), o, after);
		return after;
	}

	public long openObjections(String zone) {
		return this.store.openObjections(List.of(zone));
	}

	/**
	 * Each enterprise's class in the zone's latest published or final evaluation (for the
	 * map, the cockpit and the report), with that evaluation's year; empty when there is
	 * none.
	 */
	public Map.Entry<Integer, Map<String, String>> latestClasses(String zone) {
		return this.store.evaluations(List.of(zone))
			.stream()
			.filter((e) -> !EvaluationStatus.DRAFT.name().equals(e.status()))
			.findFirst()
			.map((e) -> {
				Map<String, String> classes = new java.util.HashMap<>();
				this.store.results(e.id(), null).forEach((r) -> classes.put(r.creditCode(), r.cls()));
				return Map.entry(e.year(), classes);
			})
			.orElse(Map.entry(0, Map.of()));
	}

	/** The latest published or final evaluation of a zone, for system use (no user). */
	public java.util.Optional<EvaluationView> latestEvaluationForReport(String zone, int upToYear) {
		return this.store.evaluations(List.of(zone))
			.stream()
			.filter((e) -> !EvaluationStatus.DRAFT.name().equals(e.status()) && e.year() <= upToYear)
			.findFirst()
			.map((e) -> new EvaluationView(e.id(), e.zoneCode(), e.year(), e.status(), e.publishedOn(),
					e.objectionUntil(), e.finalizedOn(), this.store.gradedCount(e.id()), this.store.classCounts(e.id()),
					null, e.version()));
	}

	/**
	 * The objection deadlines of the published evaluations in which the enterprise has a
	 * result and may still object.
	 */
	public List<LocalDate> openWindowsOf(String creditCode, LocalDate today) {
		return this.store.openWindowsOf(creditCode, today);
	}

	/**
	 * Evaluates a zone's year for the demo data (no user): the draft, then published or
	 * final as asked.
	 */
	void evaluateForDemo(String zone, int year, String status, LocalDate today) {
		long id = draft(zone, year, "land").id();
		LocalDate published = LocalDate.of(year + 1, 3, 15);
		if (published.isAfter(today)) {
			published = today.minusDays(3);
		}
		this.store.publish(id, published, "FINAL".equals(status) ? published.plusDays(7) : today.plusDays(7));
		if ("FINAL".equals(status)) {
			LocalDate finalizedOn = published.plusDays(10);
			this.store.finalizeEvaluation(id, finalizedOn);
			// as a final evaluation does: the D enterprises' land is 低效用地 and every
			// class goes on the enterprise's timeline, on the day it was finalised
			finalized(id, zone, year, ZoneTime.at(finalizedOn, 10));
		}
	}

	private static void checkYear(int year) {
		if (year < 2000 || year > LandScope.today().getYear() + 1) {
			throw io.parkops.platform.InvalidInputException.of("year", "error.number.range", 2000,
					LandScope.today().getYear() + 1);
		}
	}

}
