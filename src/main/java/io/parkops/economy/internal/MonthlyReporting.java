package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.economy.Indicator;
import io.parkops.economy.MonthlyFiguresSubmitted;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ParkOpsException.FieldProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An enterprise's monthly report (月报): submitted by the enterprise or by economy staff,
 * corrected with a kept revision, flagged when it looks unusual (and then confirmed with
 * a note rather than rejected).
 */
@Service
public class MonthlyReporting {

	static final String SUBMIT = "economy:monthly:submit";

	static final String READ = "economy:monthly:read";

	/** The largest figure accepted, in the indicator's unit. */
	static final BigDecimal MAX = new BigDecimal("99999999999999");

	private final MonthlyFiguresStore store;

	private final RevisionStore revisionStore;

	private final ReminderStore reminderStore;

	private final EnterpriseRegistry registry;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final EconomyProperties properties;

	MonthlyReporting(MonthlyFiguresStore store, RevisionStore revisionStore, ReminderStore reminderStore,
			EnterpriseRegistry registry, ApplicationEventPublisher events, AuditTrail audit,
			EconomyProperties properties) {
		this.store = store;
		this.revisionStore = revisionStore;
		this.reminderStore = reminderStore;
		this.registry = registry;
		this.events = events;
		this.audit = audit;
		this.properties = properties;
	}

	/**
	 * What is submitted: {@code values} (本月) and optional {@code priorYear} (上年同月) by
	 * indicator code; {@code note} confirms anomalies; {@code reason} says why a
	 * correction was made.
	 */
	public record Submission(Map<String, BigDecimal> values, Map<String, BigDecimal> priorYear, String note,
			String reason) {
	}

	/** A month as the API answers it, with the kept revisions, newest first. */
	public record MonthlyView(String creditCode, String name, String month, Map<String, BigDecimal> values,
			Map<String, BigDecimal> priorYear, Map<String, BigDecimal> storedPriorYear,
			List<MonthlyFigures.Anomaly> anomalies, boolean confirmed, String note, int revision, String submittedBy,
			OffsetDateTime submittedAt, String updatedBy, OffsetDateTime updatedAt,
			List<RevisionStore.Revision> revisions) {
	}

	@Transactional
	public MonthlyView submit(String creditCode, String monthText, Submission submission) {
		return submit(creditCode, monthText, submission, false);
	}

	/**
	 * Applies a correction request that staff accepted: the enterprise's month is
	 * corrected whatever its age.
	 */
	@Transactional
	MonthlyView correctApproved(String creditCode, String monthText, Submission submission) {
		return submit(creditCode, monthText, submission, true);
	}

	/**
	 * Whether the enterprise user may not correct this stored month by itself: it is
	 * older than the correction window (the current month and
	 * {@code parkops.economy.correction-months} before it) and needs a correction
	 * request.
	 */
	public boolean needsApproval(String creditCode, YearMonth month) {
		return CurrentUser.get().isEnterpriseUser() && outsideWindow(month)
				&& this.store.find(creditCode, month).isPresent();
	}

	private boolean outsideWindow(YearMonth month) {
		return month.isBefore(Months.current().minusMonths(this.properties.correctionMonths()));
	}

	private MonthlyView submit(String creditCode, String monthText, Submission submission, boolean approved) {
		CurrentUser me = CurrentUser.get();
		if (!me.has(SUBMIT)) {
			throw new ForbiddenException("error.forbidden");
		}
		Enterprise enterprise = this.registry.requireVisible(creditCode);
		YearMonth month = Months.parseReported(monthText, "month");
		if (submission == null) {
			throw InvalidInputException.of("values", "error.required");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<Indicator, BigDecimal> values = parse(submission.values(), "values", problems);
		Map<Indicator, BigDecimal> prior = parse(submission.priorYear(), "priorYear", problems);
		if (submission.values() == null || values.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("values", "error.economy.noFigures"));
		}
		String note = new Inputs(problems).multiline(submission.note(), "note", 500, false);
		String reason = new Inputs(problems).multiline(submission.reason(), "reason", 500, false);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// corrections of one enterprise-month are serialised: each reads the revision the
		// one before it wrote, so revision numbers are unique and gap-free
		this.store.lockMonth(enterprise.creditCode(), month);
		Optional<MonthlyFigures> before = this.store.find(enterprise.creditCode(), month);
		if (before.isPresent() && !approved && me.isEnterpriseUser() && outsideWindow(month)) {
			// an enterprise rewrites an older month only through a request staff accept
			throw new ForbiddenException("error.economy.correctionWindow", month.toString());
		}
		List<MonthlyFigures.Anomaly> anomalies = anomalies(values, prior,
				this.store.usualLevels(List.of(enterprise.creditCode()), month).get(enterprise.creditCode()),
				this.store.find(enterprise.creditCode(), month.minusYears(1))
					.map(MonthlyFigures::values)
					.orElse(Map.of()),
				this.properties);
		OffsetDateTime now = OffsetDateTime.now();
		MonthlyFigures saved = new MonthlyFigures(enterprise.creditCode(), month, enterprise.zoneCode(), values, prior,
				anomalies, note, before.map((b) -> b.revision() + 1).orElse(1),
				before.map(MonthlyFigures::submittedBy).orElse(me.username()),
				before.map(MonthlyFigures::submittedAt).orElse(now), me.username(), now);
		if (before.isPresent()) {
			this.revisionStore.saveRevisions(List.of(before.get()), me.username(), reason);
		}
		this.store.save(List.of(saved));
		this.audit.recordChange(before.isPresent() ? "CORRECT" : "SUBMIT", "economy_monthly",
				enterprise.creditCode() + "/" + month, before.map(MonthlyReporting::auditView).orElse(null),
				auditView(saved));
		this.events.publishEvent(
				new MonthlyFiguresSubmitted(enterprise.creditCode(), month, before.isPresent(), Instant.now()));
		return view(enterprise, month);
	}

	/** Confirms a month's anomalies with a note. */
	@Transactional
	public MonthlyView confirm(String creditCode, String monthText, String noteText) {
		CurrentUser me = CurrentUser.get();
		if (!me.has(SUBMIT)) {
			throw new ForbiddenException("error.forbidden");
		}
		Enterprise enterprise = this.registry.requireVisible(creditCode);
		YearMonth month = Months.parse(monthText, "month");
		if (me.isEnterpriseUser() && outsideWindow(month)) {
			// the enterprise vouches for its own unusual figures only while it may still
			// correct them; older months are confirmed by staff
			throw new ForbiddenException("error.economy.correctionWindow", month.toString());
		}
		List<FieldProblem> problems = new ArrayList<>();
		String note = new Inputs(problems).multiline(noteText, "note", 500, false);
		if (note == null && problems.isEmpty()) {
			problems.add(new FieldProblem("note", "error.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		MonthlyFigures figures = this.store.find(enterprise.creditCode(), month)
			.orElseThrow(
					() -> new NotFoundException("error.economy.monthNotReported", enterprise.name(), month.toString()));
		this.store.confirm(enterprise.creditCode(), month, note, me.username());
		this.audit.recordChange("CONFIRM", "economy_monthly", enterprise.creditCode() + "/" + month,
				Map.of("note", String.valueOf(figures.note())), Map.of("note", note));
		return view(enterprise, month);
	}

	@Transactional(readOnly = true)
	public MonthlyView find(String creditCode, String monthText) {
		checkRead();
		Enterprise enterprise = this.registry.requireVisible(creditCode);
		YearMonth month = Months.parse(monthText, "month");
		return view(enterprise, month);
	}

	private MonthlyView view(Enterprise enterprise, YearMonth month) {
		Optional<MonthlyFigures> figures = this.store.find(enterprise.creditCode(), month);
		Map<String, BigDecimal> storedPrior = this.store.find(enterprise.creditCode(), month.minusYears(1))
			.map((f) -> MonthlyFiguresStore.codes(f.values()))
			.orElse(Map.of());
		if (figures.isEmpty()) {
			return new MonthlyView(enterprise.creditCode(), enterprise.name(), month.toString(), Map.of(), Map.of(),
					storedPrior, List.of(), true, null, 0, null, null, null, null, List.of());
		}
		MonthlyFigures f = figures.get();
		return new MonthlyView(enterprise.creditCode(), enterprise.name(), month.toString(),
				MonthlyFiguresStore.codes(f.values()), MonthlyFiguresStore.codes(f.priorYear()), storedPrior,
				f.anomalies(), f.confirmed(), f.note(), f.revision(), f.submittedBy(), f.submittedAt(), f.updatedBy(),
				f.updatedAt(), this.revisionStore.revisions(enterprise.creditCode(), month));
	}

	/** An enterprise's reports of the last {@code months} months, newest first. */
	@Transactional(readOnly = true)
	public List<MonthlyFigures> history(String creditCode, int months) {
		checkRead();
		Enterprise enterprise = this.registry.requireVisible(creditCode);
		YearMonth now = Months.current();
		return this.store.history(enterprise.creditCode(), now.minusMonths(months - 1L), now);
	}

	/** Months the enterprise was reminded of and has not reported yet. */
	@Transactional(readOnly = true)
	public List<YearMonth> openReminders(String creditCode) {
		checkRead();
		Enterprise enterprise = this.registry.requireVisible(creditCode);
		return this.reminderStore.openReminders(enterprise.creditCode());
	}

	private static void checkRead() {
		if (!CurrentUser.get().has(READ)) {
			throw new ForbiddenException("error.forbidden");
		}
	}

	/**
	 * Reads figures by indicator code, adding a problem for an unknown code, a negative
	 * value where none is possible, or a value too large or with more than two decimals.
	 */
	static Map<Indicator, BigDecimal> parse(Map<String, BigDecimal> given, String prefix, List<FieldProblem> problems) {
		Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
		if (given == null) {
			return values;
		}
		given.forEach((code, value) -> {
			String field = prefix + "." + code;
			Optional<Indicator> indicator = Indicator.ofCode(code);
			if (indicator.isEmpty()) {
				problems.add(new FieldProblem(field, "error.economy.indicator", code));
				return;
			}
			if (value == null) {
				return;
			}
			Optional<String> problem = check(indicator.get(), value);
			if (problem.isPresent()) {
				problems.add(new FieldProblem(field, problem.get(), value.toPlainString()));
				return;
			}
			if (!Inputs.fits(value.abs(), 16, 2)) {
				// never rounded silently: a figure has at most two decimals
				problems.add(new FieldProblem(field, "error.number.precision", 14, 2));
				return;
			}
			values.put(indicator.get(), value.setScale(2, RoundingMode.HALF_UP));
		});
		return values;
	}

	/** The message key of what is wrong with a figure, if anything. */
	static Optional<String> check(Indicator indicator, BigDecimal value) {
		if (value.signum() < 0 && !indicator.mayBeNegative()) {
			return Optional.of("error.economy.negative");
		}
		if (value.abs().compareTo(MAX) > 0) {
			return Optional.of("error.economy.tooLarge");
		}
		return Optional.empty();
	}

	/**
	 * What looks unusual in a month: a figure more than {@code anomalyFactor} times the
	 * enterprise's usual level or under its inverse, or a year-on-year growth above
	 * {@code anomalyGrowthPct} against the stored (else reported) prior-year month.
	 */
	static List<MonthlyFigures.Anomaly> anomalies(Map<Indicator, BigDecimal> values, Map<Indicator, BigDecimal> prior,
			Map<Indicator, BigDecimal> usual, Map<Indicator, BigDecimal> storedPrior, EconomyProperties properties) {
		List<MonthlyFigures.Anomaly> found = new ArrayList<>();
		BigDecimal factor = properties.anomalyFactor();
		values.forEach((indicator, value) -> {
			if (indicator.mayBeNegative() && value.signum() <= 0) {
				return;
			}
			BigDecimal level = (usual != null) ? usual.get(indicator) : null;
			if (level != null && level.signum() > 0) {
				if (value.compareTo(level.multiply(factor)) > 0) {
					found
						.add(new MonthlyFigures.Anomaly(indicator.code(), "ABOVE_USUAL", value, Formulas.round(level)));
				}
				else if (value.multiply(factor).compareTo(level) < 0) {
					found
						.add(new MonthlyFigures.Anomaly(indicator.code(), "BELOW_USUAL", value, Formulas.round(level)));
				}
			}
			BigDecimal base = storedPrior.containsKey(indicator) ? storedPrior.get(indicator) : prior.get(indicator);
			BigDecimal growth = Formulas.growthPct(value, base);
			if (growth != null && growth.compareTo(properties.anomalyGrowthPct()) > 0) {
				found.add(new MonthlyFigures.Anomaly(indicator.code(), "GROWTH", value, base));
			}
		});
		return found;
	}

	static Map<String, Object> auditView(MonthlyFigures f) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("values", MonthlyFiguresStore.codes(f.values()));
		view.put("priorYear", MonthlyFiguresStore.codes(f.priorYear()));
		view.put("revision", f.revision());
		if (f.note() != null) {
			view.put("note", f.note());
		}
		return view;
	}

}
