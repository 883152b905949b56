package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parkops.economy.MonthlyReportReminded;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collecting a month from the zone's 规上 enterprises: who has reported, who is late (after
 * the due day of the following month), reminders (催报), reports with unconfirmed
 * anomalies, and the enterprises below scale approaching the threshold (拟入规).
 */
@Service
public class MonthlyCollection {

	private final MonthlyFiguresStore store;

	private final ReminderStore reminderStore;

	private final EnterpriseRegistry registry;

	private final ApplicationEventPublisher events;

	private final ZoneDirectory zones;

	private final AuditTrail audit;

	private final EconomyProperties properties;

	MonthlyCollection(MonthlyFiguresStore store, ReminderStore reminderStore, EnterpriseRegistry registry,
			ApplicationEventPublisher events, ZoneDirectory zones, AuditTrail audit, EconomyProperties properties) {
		this.store = store;
		this.reminderStore = reminderStore;
		this.registry = registry;
		this.events = events;
		this.zones = zones;
		this.audit = audit;
		this.properties = properties;
	}

	/** REPORTED, REPORTED_LATE, PENDING (not yet due) or LATE (逾期). */
	public enum State {

		REPORTED, REPORTED_LATE, PENDING, LATE

	}

	/** One enterprise of the set and where its report stands. */
	public record Entry(String creditCode, String name, String areaCode, String industryCode, String industryName,
			State state, OffsetDateTime submittedAt, int revision, boolean anomalies, boolean confirmed, int reminders,
			OffsetDateTime lastReminded) {
	}

	/**
	 * The completeness of a month: counts and one entry per enterprise, late ones first.
	 */
	public record Completeness(String zone, String month, LocalDate due, int total, int reported, int pending, int late,
			BigDecimal reportedPct, List<Entry> entries) {
	}

	@Transactional(readOnly = true)
	public Completeness completeness(String zoneCode, YearMonth month) {
		checkStaff(zoneCode, MonthlyReporting.READ);
		return completenessForReport(zoneCode, month);
	}

	/** {@link #completeness} without checking the current user, for system use. */
	@Transactional(readOnly = true)
	public Completeness completenessForReport(String zoneCode, YearMonth month) {
		LocalDate due = month.plusMonths(1).atDay(Math.min(this.properties.dueDay(), 28));
		boolean overdue = Months.today().isAfter(due);
		List<EnterpriseRegistry.SetMember> set = this.registry.aboveScaleMembers(zoneCode, month);
		Map<String, MonthlyFiguresStore.Submission> submissions = this.store.submissions(zoneCode, month);
		Map<String, ReminderStore.Reminders> reminders = this.reminderStore
			.reminders(set.stream().map(EnterpriseRegistry.SetMember::creditCode).toList(), month);
		List<Entry> entries = new ArrayList<>();
		int reported = 0;
		int late = 0;
		for (EnterpriseRegistry.SetMember e : set) {
			MonthlyFiguresStore.Submission s = submissions.get(e.creditCode());
			ReminderStore.Reminders r = reminders.get(e.creditCode());
			State state;
			if (s != null) {
				reported++;
				state = s.submittedAt().atZoneSameInstant(ZoneTime.zone()).toLocalDate().isAfter(due)
						? State.REPORTED_LATE : State.REPORTED;
			}
			else if (overdue) {
				late++;
				state = State.LATE;
			}
			else {
				state = State.PENDING;
			}
			entries.add(new Entry(e.creditCode(), e.name(), e.areaCode(), e.industryCode(), e.industryName(), state,
					(s != null) ? s.submittedAt() : null, (s != null) ? s.revision() : 0, s != null && s.anomalies(),
					s == null || s.confirmed(), (r != null) ? r.count() : 0, (r != null) ? r.last() : null));
		}
		entries.sort(Comparator.comparing(Entry::state, Comparator.comparingInt(MonthlyCollection::urgency))
			.thenComparing(Entry::name));
		int total = set.size();
		BigDecimal pct = (total > 0)
				? BigDecimal.valueOf(reported * 100L).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP)
				: BigDecimal.ZERO.setScale(2);
		return new Completeness(zoneCode, month.toString(), due, total, reported, total - reported - late, late, pct,
				entries);
	}

	private static int urgency(State state) {
		return switch (state) {
			case LATE -> 0;
			case PENDING -> 1;
			case REPORTED_LATE -> 2;
			case REPORTED -> 3;
		};
	}

	/**
	 * Reminds the enterprises of the set that have not reported the month (or only those
	 * listed); each gets a reminder on its page and on its file's timeline.
	 * @return how many were reminded
	 */
	@Transactional
	public int remind(String zoneCode, YearMonth month, List<String> onlyCreditCodes) {
		checkStaff(zoneCode, MonthlyReporting.SUBMIT);
		if (onlyCreditCodes != null) {
			Inputs in = new Inputs();
			if (onlyCreditCodes.size() > 10_000) {
				in.problem("creditCodes", "error.tooMany", 10_000);
			}
			else {
				onlyCreditCodes.stream()
					.filter((c) -> !io.parkops.enterprise.CreditCode
						.isValid(io.parkops.enterprise.CreditCode.normalize(c)))
					.findFirst()
					.ifPresent((c) -> in.problem("creditCodes", "error.creditCode.invalid",
							Inputs.shorten(String.valueOf(c))));
			}
			in.check();
		}
		if (!month.isBefore(Months.current())) {
			// a month is reported after it ends: nobody can be reminded of it before
			throw InvalidInputException.of("month", "error.economy.notDue", month.toString());
		}
		Set<String> reported = this.store.submissions(zoneCode, month).keySet();
		List<String> missing = this.registry.aboveScaleMembers(zoneCode, month)
			.stream()
			.map(EnterpriseRegistry.SetMember::creditCode)
			.filter((c) -> !reported.contains(c))
			.filter((c) -> onlyCreditCodes == null || onlyCreditCodes.isEmpty() || onlyCreditCodes.contains(c))
			.toList();
		if (missing.isEmpty()) {
			return 0;
		}
		String me = CurrentUser.get().username();
		this.reminderStore.remind(missing, month, me);
		Instant now = Instant.now();
		for (String code : missing) {
			this.events.publishEvent(new MonthlyReportReminded(code, month, now));
		}
		this.audit.recordChange("REMIND", "economy_monthly", zoneCode + "/" + month, null,
				Map.of("enterprises", missing));
		return missing.size();
	}

	/** A report whose anomalies wait for a confirming note. */
	public record Unconfirmed(String creditCode, String month, Map<String, BigDecimal> values,
			List<MonthlyFigures.Anomaly> anomalies, String updatedBy, OffsetDateTime updatedAt) {
	}

	/** Reports of the zone whose anomalies wait for a confirming note, newest first. */
	@Transactional(readOnly = true)
	public List<Unconfirmed> unconfirmed(String zoneCode) {
		checkStaff(zoneCode, MonthlyReporting.READ);
		return this.store.unconfirmed(zoneCode)
			.stream()
			.map((f) -> new Unconfirmed(f.creditCode(), f.month().toString(), MonthlyFiguresStore.codes(f.values()),
					f.anomalies(), f.updatedBy(), f.updatedAt()))
			.toList();
	}

	/** How many reports of a month wait for a note confirming their anomalies. */
	@Transactional(readOnly = true)
	public int unconfirmedCount(String zoneCode, YearMonth month) {
		checkStaff(zoneCode, MonthlyReporting.READ);
		return (int) this.store.submissions(zoneCode, month)
			.values()
			.stream()
			.filter((s) -> s.anomalies() && !s.confirmed())
			.count();
	}

	/**
	 * An enterprise below scale whose twelve-month revenue approaches the threshold: its
	 * share of it and what it lacks to reach it (万元, 0 when reached).
	 */
	public record Candidate(String creditCode, String name, String areaCode, String industryCode, String industryName,
			BigDecimal revenue12, BigDecimal thresholdPct, BigDecimal shortfall) {
	}

	/** The 规上 threshold of annual operating revenue, in 万元. */
	public BigDecimal aboveScaleRevenue() {
		return this.properties.aboveScaleRevenue();
	}

	/**
	 * 拟入规: industrial enterprises (sections B, C, D) not in the set of the month whose
	 * revenue over the twelve months ending with it reaches
	 * {@code parkops.economy.candidate-revenue}, nearest to the threshold first.
	 */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(String zoneCode, YearMonth month) {
		checkStaff(zoneCode, io.parkops.economy.EconomyStatistics.READ);
		Set<String> inSet = new java.util.HashSet<>(this.registry.aboveScaleMembers(zoneCode, month)
			.stream()
			.map(EnterpriseRegistry.SetMember::creditCode)
			.toList());
		Map<String, BigDecimal> revenue = this.store.trailingRevenue(zoneCode, month);
		List<Candidate> candidates = new ArrayList<>();
		for (EnterpriseRegistry.SetMember e : this.registry.membersOf(zoneCode)) {
			BigDecimal r = revenue.get(e.creditCode());
			if (inSet.contains(e.creditCode()) || r == null || !industrial(e)
					|| r.compareTo(this.properties.candidateRevenue()) < 0) {
				continue;
			}
			candidates.add(new Candidate(e.creditCode(), e.name(), e.areaCode(), e.industryCode(), e.industryName(),
					Formulas.round(r), Formulas.round(Formulas.sharePct(r, this.properties.aboveScaleRevenue())),
					Formulas.round(this.properties.aboveScaleRevenue().subtract(r).max(BigDecimal.ZERO))));
		}
		candidates.sort(Comparator.comparing(Candidate::revenue12).reversed());
		return candidates;
	}

	/** 工业 = sections B, C, D of GB/T 4754-2017. */
	static boolean industrial(EnterpriseRegistry.SetMember e) {
		String code = e.industryCode();
		return code != null && (code.startsWith("B") || code.startsWith("C") || code.startsWith("D"));
	}

	/** One entry into or exit from the set, with the enterprise's name. */
	public record ScaleMove(String creditCode, String name, String month, boolean aboveScale) {
	}

	/** 入规 and 退规 of the year up to the month, newest first. */
	@Transactional(readOnly = true)
	public List<ScaleMove> scaleMoves(String zoneCode, YearMonth month) {
		checkStaff(zoneCode, io.parkops.economy.EconomyStatistics.READ);
		Map<String, String> all = new java.util.HashMap<>();
		this.registry.membersOf(zoneCode).forEach((e) -> all.put(e.creditCode(), e.name()));
		return this.registry.scaleChanges(zoneCode, YearMonth.of(month.getYear(), 1), month)
			.stream()
			.map((c) -> new ScaleMove(c.creditCode(), all.getOrDefault(c.creditCode(), c.creditCode()),
					c.month().toString(), c.aboveScale()))
			.sorted(Comparator.comparing(ScaleMove::month).reversed())
			.toList();
	}

	private void checkStaff(String zoneCode, String permission) {
		CurrentUser me = CurrentUser.get();
		if (!me.has(permission)) {
			throw new ForbiddenException("error.forbidden");
		}
		me.checkZone(zoneCode);
		this.zones.require(zoneCode);
	}

}
