package io.parkops.investment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.investment.InvestmentRates;
import io.parkops.investment.internal.Kinds.Light;
import io.parkops.investment.internal.Kinds.ProjectStage;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of investment attraction and project construction for a period (the
 * summary, the report section, the cockpit), and the year's targets.
 */
@Service
public class SummaryService {

	/** The target codes, in the order they are listed. */
	public static final List<String> TARGET_CODES = List.of("signed_100m", "contract_amount", "started_100m",
			"in_production_mfg", "outside_funds", "fdi_usd");

	/** The codes counted (whole numbers); the others are amounts. */
	static final List<String> COUNT_TARGETS = List.of("signed_100m", "started_100m", "in_production_mfg");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final JdbcClient jdbc;

	private final ZoneDirectory zones;

	private final ProjectService projects;

	private final LeadService leads;

	private final AuditTrail audit;

	private final InvestmentProperties properties;

	SummaryService(JdbcClient jdbc, ZoneDirectory zones, ProjectService projects, LeadService leads, AuditTrail audit,
			InvestmentProperties properties) {
		this.jdbc = jdbc;
		this.zones = zones;
		this.projects = projects;
		this.leads = leads;
		this.audit = audit;
		this.properties = properties;
	}

	/** The summary for the API: the zone within the caller's zones, a sane period. */
	public InvestmentSummary summary(String zone, LocalDate from, LocalDate to) {
		Access.requireStaff();
		Inputs in = new Inputs();
		String z = in.text(zone, "zone", 32, true);
		in.check();
		this.zones.require(z);
		CurrentUser.get().checkZone(z);
		LocalDate today = Access.today();
		LocalDate end = (to != null) ? to : today;
		LocalDate start = (from != null) ? from : end.withDayOfYear(1);
		if (start.isAfter(end)) {
			throw InvalidInputException.of("from", "error.investment.period");
		}
		if (start.isBefore(Inputs.EARLIEST_DATE) || end.isAfter(today.plusYears(10))) {
			throw InvalidInputException.of("to", "error.investment.period");
		}
		return summary(z, start, end, today);
	}

	/** The figures behind the summary of a period, exact. */
	public record Figures(long signed, BigDecimal contractAmount, long signed100m, long signed1b, long started,
			long started100m, long inProduction, long productionMfg, long keeping, long signedStarted, BigDecimal funds,
			BigDecimal outsideAbove100m, BigDecimal fdiUsd, BigDecimal signedFunds) {

		public InvestmentRates rates() {
			return new InvestmentRates(this.signed, this.keeping, this.signedStarted, this.signedFunds,
					this.contractAmount);
		}

	}

	/** The project figures of a period: one row over the zone's projects. */
	private static final String PROJECT_FIGURES = """
			SELECT count(*) FILTER (WHERE signed_on BETWEEN :from AND :to) AS signed,
			  coalesce(sum(contract_amount) FILTER (WHERE signed_on BETWEEN :from AND :to), 0) AS contract,
			  count(*) FILTER (WHERE signed_on BETWEEN :from AND :to AND total_investment >= :a100m) AS signed100m,
			  count(*) FILTER (WHERE signed_on BETWEEN :from AND :to AND total_investment >= :a1b) AS signed1b,
			  count(*) FILTER (WHERE started_on BETWEEN :from AND :to) AS started,
			  count(*) FILTER (WHERE started_on BETWEEN :from AND :to AND total_investment >= :a100m) AS started100m,
			  count(*) FILTER (WHERE in_production_on BETWEEN :from AND :to) AS production,
			  count(*) FILTER (WHERE in_production_on BETWEEN :from AND :to AND manufacturing
			    AND fixed_asset_investment >= :floor) AS production_mfg,
			  count(*) FILTER (WHERE signed_on BETWEEN :from AND :to
			    AND (cancelled_on IS NULL OR cancelled_on > :to)) AS keeping,
			  count(*) FILTER (WHERE signed_on BETWEEN :from AND :to AND started_on <= :to) AS signed_started
			FROM inv_project WHERE zone_code = :zone""";

	/** The funds in place of a period: one row over the zone's funds. */
	private static final String FUND_FIGURES = """
			SELECT coalesce(sum(f.amount) FILTER (WHERE f.fund_on BETWEEN :from AND :to), 0) AS amount,
			  coalesce(sum(f.amount) FILTER (WHERE f.fund_on BETWEEN :from AND :to AND f.origin = 'OUTSIDE_PROVINCE'
			    AND p.total_investment >= :a100m), 0) AS outside,
			  coalesce(sum(f.usd_amount) FILTER (WHERE f.fund_on BETWEEN :from AND :to AND f.origin = 'FOREIGN'), 0)
			    AS fdi,
			  coalesce(sum(f.amount) FILTER (WHERE p.signed_on BETWEEN :from AND :to AND f.fund_on <= :to), 0)
			    AS signed_funds
			FROM inv_fund f JOIN inv_project p ON p.id = f.project_id WHERE p.zone_code = :zone""";

	/** The leads of a period and those open today: one row over the zone's leads. */
	private static final String LEAD_FIGURES = """
			SELECT count(*) FILTER (WHERE l.created_on BETWEEN :from AND :to) AS new_leads,
			  count(*) FILTER (WHERE l.stage NOT IN ('SIGNED', 'DROPPED')) AS active,
			  count(*) FILTER (WHERE l.dropped_on BETWEEN :from AND :to) AS dropped,
			  count(*) FILTER (WHERE l.stage NOT IN ('SIGNED', 'DROPPED') AND """ + LeadService.DUE + """
			 < :today) AS overdue_follow_ups
			FROM inv_lead l WHERE l.zone_code = :zone""";

	/** Trips and receptions (批次) of a period. */
	private static final String ACTIVITY_FIGURES = """
			SELECT (SELECT count(*) FROM inv_trip WHERE zone_code = :zone AND trip_on BETWEEN :from AND :to) AS trips,
			  (SELECT count(*) FROM inv_reception WHERE zone_code = :zone AND received_on BETWEEN :from AND :to)
			    AS receptions""";

	/** Problems raised and closed in a period, overdue as of its end. */
	private static final String PROBLEM_FIGURES = """
			SELECT count(*) FILTER (WHERE q.raised_on BETWEEN :from AND :to) AS raised,
			  count(*) FILTER (WHERE q.closed_on BETWEEN :from AND :to) AS closed,
			  count(*) FILTER (WHERE q.raised_on <= :asOf AND q.deadline < :asOf
			    AND (q.closed_on IS NULL OR q.closed_on > :asOf)) AS overdue_problems
			FROM inv_problem q JOIN inv_project p ON p.id = q.project_id WHERE p.zone_code = :zone""";

	/** The year's targets as {@code code=value,…} (values exact). */
	private static final String TARGET_VALUES = """
			SELECT string_agg(code || '=' || value, ',') AS target_values
			FROM inv_target WHERE zone_code = :zone AND year = :year""";

	private JdbcClient.StatementSpec figureParams(JdbcClient.StatementSpec spec, String zone, LocalDate from,
			LocalDate to) {
		return spec.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.param("a100m", this.properties.above100m())
			.param("a1b", this.properties.above1b())
			.param("floor", this.properties.productionFixedAssetFloor());
	}

	public Figures figures(String zone, LocalDate from, LocalDate to) {
		return figures(figureParams(
				this.jdbc.sql("SELECT * FROM (" + PROJECT_FIGURES + ") pf CROSS JOIN (" + FUND_FIGURES + ") ff"), zone,
				from, to)
			.query()
			.singleRow());
	}

	private static Figures figures(Map<String, Object> r) {
		return new Figures(n(r, "signed"), d(r, "contract"), n(r, "signed100m"), n(r, "signed1b"), n(r, "started"),
				n(r, "started100m"), n(r, "production"), n(r, "production_mfg"), n(r, "keeping"),
				n(r, "signed_started"), d(r, "amount"), d(r, "outside"), d(r, "fdi"), d(r, "signed_funds"));
	}

	private static long n(Map<String, Object> row, String key) {
		return ((Number) row.get(key)).longValue();
	}

	private static BigDecimal d(Map<String, Object> row, String key) {
		Object v = row.get(key);
		return (v instanceof BigDecimal b) ? b : new BigDecimal(v.toString());
	}

	/** 时序进度 of the months 1..N of the date's year: N ÷ 12 × 100, exact. */
	public static BigDecimal timeProgress(LocalDate to) {
		return BigDecimal.valueOf(to.getMonthValue() * 100L).divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_UP);
	}

	/** The year to date's current value of a target code. */
	static BigDecimal current(String code, Figures ytd) {
		return switch (code) {
			case "signed_100m" -> BigDecimal.valueOf(ytd.signed100m());
			case "contract_amount" -> ytd.contractAmount();
			case "started_100m" -> BigDecimal.valueOf(ytd.started100m());
			case "in_production_mfg" -> BigDecimal.valueOf(ytd.productionMfg());
			case "outside_funds" -> ytd.outsideAbove100m();
			case "fdi_usd" -> ytd.fdiUsd();
			default -> throw new IllegalArgumentException(code);
		};
	}

	/**
	 * A target's progress, exact: current ÷ target × 100, and its points against 时序进度.
	 */
	public record TargetProgress(String code, BigDecimal current, BigDecimal target, BigDecimal progressPct,
			BigDecimal aheadPoints) {
	}

	public List<TargetProgress> targetProgress(String zone, LocalDate to) {
		return targetProgress(zone, to, null);
	}

	/** The same, with the year to date's figures when the caller has them already. */
	private List<TargetProgress> targetProgress(String zone, LocalDate to, Figures yearToDate) {
		return targetProgress(targets(zone, to.getYear()), to,
				() -> (yearToDate != null) ? yearToDate : figures(zone, to.withDayOfYear(1), to));
	}

	/**
	 * The targets' progress against the year to date's figures, read only when needed.
	 */
	private static List<TargetProgress> targetProgress(Map<String, BigDecimal> targets, LocalDate to,
			java.util.function.Supplier<Figures> yearToDate) {
		List<TargetProgress> list = new ArrayList<>();
		if (targets.isEmpty()) {
			return list;
		}
		Figures ytd = yearToDate.get();
		BigDecimal time = timeProgress(to);
		for (String code : TARGET_CODES) {
			BigDecimal target = targets.get(code);
			if (target == null) {
				continue;
			}
			BigDecimal current = current(code, ytd);
			BigDecimal progress = InvestmentRates.ratio(current, target);
			list.add(new TargetProgress(code, current, target, progress,
					(progress != null) ? progress.subtract(time) : null));
		}
		return list;
	}

	/** The targets read with the figures, in the order of {@link #TARGET_CODES}. */
	private static Map<String, BigDecimal> ordered(Map<String, Object> row) {
		Map<String, BigDecimal> found = new LinkedHashMap<>();
		Object values = row.get("target_values");
		if (values != null) {
			for (String pair : values.toString().split(",")) {
				int eq = pair.indexOf('=');
				found.put(pair.substring(0, eq), new BigDecimal(pair.substring(eq + 1)));
			}
		}
		Map<String, BigDecimal> ordered = new LinkedHashMap<>();
		for (String code : TARGET_CODES) {
			if (found.containsKey(code)) {
				ordered.put(code, found.get(code));
			}
		}
		return ordered;
	}

	InvestmentSummary summary(String zone, LocalDate from, LocalDate to, LocalDate today) {
		LocalDate asOf = to.isBefore(today) ? to : today;
		// every figure group in one statement: one round trip instead of seven
		Map<String, Object> row = this.leads
			.withDue(figureParams(
					this.jdbc.sql("SELECT * FROM (" + PROJECT_FIGURES + ") pf CROSS JOIN (" + FUND_FIGURES
							+ ") ff CROSS JOIN (" + LEAD_FIGURES + ") lf CROSS JOIN (" + ACTIVITY_FIGURES
							+ ") af CROSS JOIN (" + PROBLEM_FIGURES + ") qf CROSS JOIN (" + TARGET_VALUES + ") tf"),
					zone, from, to))
			.param("today", today)
			.param("asOf", asOf)
			.param("year", to.getYear())
			.query()
			.singleRow();
		Figures fig = figures(row);
		Map<String, Object> l = row;
		Map<String, Object> q = row;
		long trips = n(row, "trips");
		long receptions = n(row, "receptions");
		InvestmentRates rates = fig.rates();
		BigDecimal time = timeProgress(to);
		List<InvestmentSummary.Target> targets = new ArrayList<>();
		// a period from 1 January is the year to date the targets are measured on
		for (TargetProgress t : targetProgress(ordered(row), to,
				() -> from.equals(to.withDayOfYear(1)) ? fig : figures(zone, to.withDayOfYear(1), to))) {
			boolean count = COUNT_TARGETS.contains(t.code());
			targets.add(new InvestmentSummary.Target(t.code(),
					count ? (Number) t.current().longValue() : money(t.current()),
					count ? (Number) t.target().longValue() : money(t.target()), InvestmentRates.api(t.progressPct()),
					InvestmentRates.api(t.aheadPoints())));
		}
		Map<Light, Long> lights = lights(zone, today);
		return new InvestmentSummary(zone, from, to, time.setScale(2, RoundingMode.HALF_UP),
				new InvestmentSummary.Leads(
						n(l, "new_leads"), n(l, "active"), n(l, "dropped"), n(l, "overdue_follow_ups")),
				trips, receptions,
				new InvestmentSummary.Signed(fig.signed(), money(fig.contractAmount()), fig.signed100m(),
						fig.signed1b()),
				new InvestmentSummary.Started(fig.started(), fig.started100m()),
				new InvestmentSummary.InProduction(fig.inProduction(), fig.productionMfg()),
				new InvestmentSummary.Funds(money(fig.funds()), money(fig.outsideAbove100m()), money(fig.fdiUsd())),
				new InvestmentSummary.Rates(InvestmentRates.api(rates.performancePct()),
						InvestmentRates.api(rates.startPct()), InvestmentRates.api(rates.fundsPct())),
				targets,
				new InvestmentSummary.Lights(lights.get(Light.GREEN), lights.get(Light.AMBER), lights.get(Light.RED)),
				new InvestmentSummary.Problems(n(q, "raised"), n(q, "closed"), n(q, "overdue_problems")));
	}

	static BigDecimal money(BigDecimal v) {
		return v.setScale(2, RoundingMode.HALF_UP);
	}

	/** Projects under way (signed, not in production, not cancelled) by light today. */
	public Map<Light, Long> lights(String zone, LocalDate today) {
		return this.projects.lightCounts(zone, today);
	}

	// ---- targets

	public Map<String, BigDecimal> targets(String zone, int year) {
		Map<String, BigDecimal> targets = new LinkedHashMap<>();
		this.jdbc.sql("SELECT code, value FROM inv_target WHERE zone_code = :zone AND year = :year")
			.param("zone", zone)
			.param("year", year)
			.query((rs, n) -> targets.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		Map<String, BigDecimal> ordered = new LinkedHashMap<>();
		for (String code : TARGET_CODES) {
			if (targets.containsKey(code)) {
				ordered.put(code, targets.get(code));
			}
		}
		return ordered;
	}

	/** The version of a zone's targets of a year: 0 when they were never saved. */
	public long targetsVersion(String zone, int year) {
		return this.jdbc.sql("SELECT version FROM inv_target_version WHERE zone_code = :zone AND year = :year")
			.param("zone", zone)
			.param("year", year)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** Saved targets with their new version. */
	public record SavedTargets(Map<String, BigDecimal> targets, long version) {
	}

	/**
	 * Steps the version of a zone's targets of a year from the one the save names (0:
	 * never saved) or, when it names none, from whatever it is; in the save's
	 * transaction, so of two saves naming the same version one wins and the other gets
	 * 409.
	 */
	private long advanceTargets(String zone, int year, Long expected) {
		if (expected == null) {
			return this.jdbc.sql("""
					INSERT INTO inv_target_version AS v (zone_code, year, version) VALUES (:zone, :year, 1)
					ON CONFLICT (zone_code, year) DO UPDATE SET version = v.version + 1 RETURNING version
					""").param("zone", zone).param("year", year).query(Long.class).single();
		}
		int rows = (expected == 0) ? this.jdbc.sql("""
				INSERT INTO inv_target_version (zone_code, year, version) VALUES (:zone, :year, 1)
				ON CONFLICT DO NOTHING
				""").param("zone", zone).param("year", year).update() : this.jdbc.sql("""
				UPDATE inv_target_version SET version = version + 1
				WHERE zone_code = :zone AND year = :year AND version = :v
				""").param("zone", zone).param("year", year).param("v", expected).update();
		Versions.updated(rows);
		return expected + 1;
	}

	/**
	 * Replaces the year's targets of a zone; {@code version} is the one last read (stale
	 * → 409, nothing changed) or null: the API contract's body has none, so a save
	 * without one is accepted.
	 */
	@Transactional
	public SavedTargets putTargets(String zone, int year, Map<String, InvestmentCommands.TargetValue> body,
			Long version) {
		Access.requireStaff();
		CurrentUser.get().checkZone(zone);
		this.zones.require(zone);
		Inputs in = new Inputs();
		if (year < 2000 || year > Access.today().getYear() + 5) {
			in.problem("year", "error.number.range", 2000, Access.today().getYear() + 5);
		}
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		if (body == null || body.isEmpty()) {
			in.problem("targets", "error.required");
		}
		else {
			body.forEach((code, value) -> {
				String c = in.oneOf(code, code, TARGET_CODES, true);
				if (c == null) {
					return;
				}
				if (value == null) {
					in.problem(c, "error.required");
					return;
				}
				boolean count = COUNT_TARGETS.contains(c);
				BigDecimal given = count ? value.count() : value.amount();
				BigDecimal other = count ? value.amount() : value.count();
				if (other != null) {
					in.problem(c, count ? "error.investment.targetCount" : "error.investment.targetAmount");
					return;
				}
				BigDecimal v = count ? in.number(given, c, 9, 0, BigDecimal.ONE, true)
						: in.number(given, c, 14, 2, new BigDecimal("0.01"), true);
				if (v != null) {
					values.put(c, v);
				}
			});
		}
		in.check();
		long next = advanceTargets(zone, year, version);
		Map<String, BigDecimal> before = targets(zone, year);
		this.jdbc.sql("DELETE FROM inv_target WHERE zone_code = :zone AND year = :year")
			.param("zone", zone)
			.param("year", year)
			.update();
		values.forEach((code, v) -> this.jdbc
			.sql("INSERT INTO inv_target (zone_code, year, code, value) VALUES (:zone, :year, :code, :v)")
			.param("zone", zone)
			.param("year", year)
			.param("code", code)
			.param("v", v)
			.update());
		Map<String, BigDecimal> saved = targets(zone, year);
		this.audit.recordChange("TARGETS", "inv_target", zone + "/" + year, before, saved);
		return new SavedTargets(saved, next);
	}

	static boolean isUnderWay(ProjectStage stage) {
		return stage != ProjectStage.CANCELLED && stage != ProjectStage.PLANNED && stage != ProjectStage.IN_PRODUCTION
				&& stage != ProjectStage.AT_CAPACITY;
	}

}
