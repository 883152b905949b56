package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.parkops.platform.Inputs;
import io.parkops.economy.EconomySummary;
import io.parkops.economy.EconomySummary.Group;
import io.parkops.economy.EconomySummary.GroupIndicator;
import io.parkops.economy.EconomySummary.IndicatorFigure;
import io.parkops.economy.EconomySummary.Target;
import io.parkops.economy.EconomySummary.ZoneFigure;
import io.parkops.economy.EnterpriseRank;
import io.parkops.economy.Indicator;
import io.parkops.economy.MonthlyPoint;
import io.parkops.economy.ZoneIndicator;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ZoneDirectory;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the statistics of a zone from the stored months, for the pages, the API, the
 * work report and the cockpit alike, so that they all show the same figures. It checks
 * the input but not the user's scope: {@link io.parkops.economy.EconomyStatistics} does.
 */
@Component
@Transactional(readOnly = true)
public class StatisticsEngine {

	static final BigDecimal DEFAULT_PRICE_INDEX = new BigDecimal("100");

	private static final Indicator[] INDICATORS = Indicator.values();

	private final EnterpriseRegistry registry;

	private final ZoneDirectory zones;

	private final MonthlyFiguresStore store;

	private final PlanningStore planningStore;

	private final StatisticsStore statisticsStore;

	private final EconomyProperties properties;

	private final PeriodSums sums;

	StatisticsEngine(EnterpriseRegistry registry, ZoneDirectory zones, MonthlyFiguresStore store,
			PlanningStore planningStore, StatisticsStore statisticsStore, EconomyProperties properties,
			PeriodSums sums) {
		this.registry = registry;
		this.zones = zones;
		this.store = store;
		this.planningStore = planningStore;
		this.statisticsStore = statisticsStore;
		this.properties = properties;
		this.sums = sums;
	}

	/** The enterprises of a period's set with what they contribute. */
	record Member(EnterpriseRegistry.SetMember enterprise, BigDecimal[] current, BigDecimal[] base, boolean hasBase,
			boolean reportedLast) {
	}

	/** The set of a period with each member's cumulative figures. */
	record PeriodSet(ZoneDirectory.Zone zone, int year, int month, BigDecimal priceIndex, List<Member> members,
			BigDecimal[] currentTotals, BigDecimal[] baseTotals) {

		PeriodSet(ZoneDirectory.Zone zone, int year, int month, BigDecimal priceIndex, List<Member> members) {
			this(zone, year, month, priceIndex, members, totals(members, Member::current),
					totals(members, Member::base));
		}

		private static BigDecimal[] totals(List<Member> members, Function<Member, BigDecimal[]> values) {
			BigDecimal[] totals = new BigDecimal[INDICATORS.length];
			java.util.Arrays.fill(totals, BigDecimal.ZERO);
			for (Member m : members) {
				BigDecimal[] v = values.apply(m);
				for (int k = 0; k < totals.length; k++) {
					totals[k] = totals[k].add(v[k]);
				}
			}
			return totals;
		}

		BigDecimal current(int k) {
			return this.currentTotals[k];
		}

		BigDecimal base(int k) {
			return this.baseTotals[k];
		}

	}

	static void checkPeriod(int year, int month) {
		if (year < 1990 || year > 2200) {
			throw InvalidInputException.of("year", "error.economy.year", year);
		}
		if (month < 1 || month > 12) {
			throw InvalidInputException.of("month", "error.economy.monthOfYear", month);
		}
	}

	/**
	 * The 规上 set valid in the month (optionally only one area or one industry division or
	 * section) with each member's 1–month cumulative figures and base.
	 */
	PeriodSet periodSet(String zoneCode, int year, int month, String area, String industry) {
		checkPeriod(year, month);
		ZoneDirectory.Zone zone = this.zones.require(zoneCode);
		if (area != null && zone.area(area).isEmpty()) {
			throw InvalidInputException.of("area", "error.area.notInZone", area);
		}
		List<EnterpriseRegistry.SetMember> set = this.registry.aboveScaleMembers(zoneCode, YearMonth.of(year, month))
			.stream()
			.filter((e) -> matches(e, area, industry))
			.toList();
		Map<String, Figures> figures = figures(zoneCode, year, month);
		List<Member> members = new ArrayList<>(set.size());
		for (EnterpriseRegistry.SetMember e : set) {
			Figures f = figures.getOrDefault(e.creditCode(), Figures.NONE);
			members.add(new Member(e, f.current(), f.base(), f.hasBase(), f.reportedLast()));
		}
		return new PeriodSet(zone, year, month, priceIndex(year), members);
	}

	/**
	 * One enterprise's 1–N cumulative figures and base of a period, by indicator (sums
	 * for flows, averages for employees).
	 */
	record Figures(BigDecimal[] current, BigDecimal[] base, boolean hasBase, boolean reportedLast) {

		static final Figures NONE = new Figures(zeros(), zeros(), false, false);

		private static BigDecimal[] zeros() {
			BigDecimal[] zeros = new BigDecimal[INDICATORS.length];
			java.util.Arrays.fill(zeros, BigDecimal.ZERO);
			return zeros;
		}

		static Figures of(StatisticsStore.EnterpriseSums s) {
			BigDecimal[] current = new BigDecimal[INDICATORS.length];
			BigDecimal[] base = new BigDecimal[INDICATORS.length];
			for (int k = 0; k < INDICATORS.length; k++) {
				current[k] = Formulas.cumulative(INDICATORS[k], s.current()[k], s.currentMonths()[k]);
				base[k] = Formulas.cumulative(INDICATORS[k], s.base()[k], s.baseMonths()[k]);
			}
			return new Figures(current, base, s.hasBase(), s.reportedLast());
		}

	}

	Map<String, Figures> figures(String zone, int year, int month) {
		return this.sums.figures(zone, year, month, this.store.version(zone));
	}

	static boolean matches(EnterpriseRegistry.SetMember e, String area, String industry) {
		return matches(e.areaCode(), e.industryCode(), area, industry);
	}

	private static boolean matches(String areaCode, String industryCode, String area, String industry) {
		if (area != null && !area.equals(areaCode)) {
			return false;
		}
		if (industry != null) {
			String code = industryCode;
			if (code == null) {
				return false;
			}
			return (industry.length() == 1) ? code.startsWith(industry) : code.equals(industry);
		}
		return true;
	}

	BigDecimal priceIndex(int year) {
		return this.planningStore.priceIndex(year).orElse(DEFAULT_PRICE_INDEX);
	}

	public EconomySummary summary(String zoneCode, int year, int month, String groupBy, String area, String industry) {
		String grouping = grouping(groupBy);
		String areaFilter = Inputs.trim(area);
		String industryFilter = (Inputs.trim(industry) != null) ? industry.trim().toUpperCase(Locale.ROOT) : null;
		checkPeriod(year, month);
		ZoneDirectory.Zone zone = this.zones.require(zoneCode);
		if (areaFilter != null && zone.area(areaFilter).isEmpty()) {
			throw InvalidInputException.of("area", "error.area.notInZone", areaFilter);
		}
		// the set, its groups and their sums in one statement (kept per data version)
		StatisticsStore.GroupSums period = this.sums.groups(zoneCode, year, month, this.store.version(zoneCode),
				grouping, areaFilter, industryFilter);
		BigDecimal priceIndex = priceIndex(year);
		boolean whole = areaFilter == null && industryFilter == null;
		Map<String, PlanningStore.TargetRow> targets = whole ? this.planningStore.targets(zoneCode, year) : Map.of();

		List<IndicatorFigure> indicators = new ArrayList<>();
		for (int k = 0; k < INDICATORS.length; k++) {
			Indicator indicator = INDICATORS[k];
			BigDecimal current = period.whole().current()[k];
			BigDecimal base = period.whole().base()[k];
			BigDecimal growth = Formulas.growthPct(indicator, current, base, priceIndex);
			indicators.add(new IndicatorFigure(indicator.code(), indicator.unit(), current, base, growth,
					target(targets.get(indicator.code()), current, growth, month)));
		}
		YearMonth last = YearMonth.of(year, month);
		List<EnterpriseRegistry.ScaleChange> changes = this.registry.scaleChanges(zoneCode, YearMonth.of(year, 1),
				last);
		if (!whole) {
			Map<String, EnterpriseRegistry.SetMember> all = new HashMap<>();
			this.registry.membersOf(zoneCode).forEach((e) -> all.put(e.creditCode(), e));
			changes = changes.stream()
				.filter((c) -> all.containsKey(c.creditCode())
						&& matches(all.get(c.creditCode()), areaFilter, industryFilter))
				.toList();
		}
		int entered = (int) changes.stream().filter(EnterpriseRegistry.ScaleChange::aboveScale).count();
		int exited = changes.size() - entered;
		PlanningStore.TargetRow countTarget = targets.get(EconomySummary.NEW_ABOVE_SCALE);
		if (countTarget != null) {
			BigDecimal current = BigDecimal.valueOf(entered);
			indicators.add(new IndicatorFigure(EconomySummary.NEW_ABOVE_SCALE, "家", current, null, null,
					target(countTarget, current, null, month)));
		}
		int expected = period.whole().enterprises();
		int reported = period.reported();
		return new EconomySummary(zoneCode, year, month, Formulas.timeProgressPct(month), expected, entered, exited,
				period.withoutBase(), indicators, zoneFigures(zoneCode, year, month, targets),
				(grouping != null) ? groups(period, groupNames(grouping, zone), priceIndex) : List.of(),
				EconomySummary.Reporting.of(expected, reported), reported < expected);
	}

	static String grouping(String groupBy) {
		String g = Inputs.trim(groupBy);
		if (g == null) {
			return null;
		}
		g = g.toLowerCase(Locale.ROOT);
		if (!List.of("industry", "area", "chain").contains(g)) {
			throw InvalidInputException.of("groupBy", "error.economy.groupBy", groupBy);
		}
		return g;
	}

	static Target target(PlanningStore.TargetRow row, BigDecimal actual, BigDecimal growthPct, int month) {
		if (row == null) {
			return null;
		}
		return switch (row.kind()) {
			case "GROWTH" -> new Target(Target.GROWTH, row.value(), Formulas.gapPoints(growthPct, row.value()), null,
					null, null, null);
			case "COUNT" -> new Target(Target.COUNT, null, null, null, row.value().longValue(),
					Formulas.progressPct(actual, row.value()), Formulas.aheadPoints(actual, row.value(), month));
			default -> new Target(Target.AMOUNT, null, null, row.value(), null,
					Formulas.progressPct(actual, row.value()), Formulas.aheadPoints(actual, row.value(), month));
		};
	}

	private List<ZoneFigure> zoneFigures(String zone, int year, int month,
			Map<String, PlanningStore.TargetRow> targets) {
		Map<Integer, Map<Integer, Map<ZoneIndicator, BigDecimal>>> years = this.planningStore.zoneFigures(zone,
				year - 1, year);
		Map<Integer, Map<ZoneIndicator, BigDecimal>> current = years.getOrDefault(year, Map.of());
		Map<Integer, Map<ZoneIndicator, BigDecimal>> prior = years.getOrDefault(year - 1, Map.of());
		List<ZoneFigure> figures = new ArrayList<>();
		for (ZoneIndicator indicator : ZoneIndicator.values()) {
			BigDecimal cur = sumMonths(current, indicator, month, null);
			BigDecimal base = sumMonths(prior, indicator, month, current);
			BigDecimal growth = Formulas.growthPct(cur, base);
			figures.add(new ZoneFigure(indicator.code(), indicator.unit(), cur, base, growth,
					target(targets.get(indicator.code()), cur, growth, month)));
		}
		return figures;
	}

	/**
	 * The sum of months 1–{@code last} of a zone figure; with {@code only}, like for
	 * like: only the months that have a value there.
	 */
	private static BigDecimal sumMonths(Map<Integer, Map<ZoneIndicator, BigDecimal>> months, ZoneIndicator indicator,
			int last, Map<Integer, Map<ZoneIndicator, BigDecimal>> only) {
		BigDecimal sum = BigDecimal.ZERO;
		for (int m = 1; m <= last; m++) {
			Map<ZoneIndicator, BigDecimal> values = months.get(m);
			boolean compared = only == null || only.containsKey(m) && only.get(m).get(indicator) != null;
			if (compared && values != null && values.get(indicator) != null) {
				sum = sum.add(values.get(indicator));
			}
		}
		return sum;
	}

	/**
	 * The names of a grouping's keys in the current language: industry divisions
	 * (reference data the platform ships, read once per language), the zone's areas, or
	 * the chain tags themselves; "-" for enterprises without an industry or area.
	 */
	private Function<String, String> groupNames(String grouping, ZoneDirectory.Zone zone) {
		return switch (grouping) {
			case "industry" -> {
				Map<String, String> names = industryNames();
				yield (key) -> names.getOrDefault(key, key);
			}
			case "area" -> (key) -> zone.area(key).map(ZoneDirectory.Area::label).orElse(key);
			default -> (key) -> key;
		};
	}

	private final Map<String, Map<String, String>> industryNames = new java.util.concurrent.ConcurrentHashMap<>();

	private Map<String, String> industryNames() {
		// as the registry answers them: English only within an English request
		boolean english = LocaleContextHolder.getLocaleContext() != null
				&& "en".equals(LocaleContextHolder.getLocale().getLanguage());
		return this.industryNames.computeIfAbsent(english ? "en" : "zh",
				(l) -> Map.copyOf(this.registry.industryDivisions()));
	}

	private List<Group> groups(StatisticsStore.GroupSums period, Function<String, String> names,
			BigDecimal priceIndex) {
		BigDecimal[] wholeCurrent = period.whole().current();
		BigDecimal[] wholeBase = period.whole().base();
		List<Group> groups = new ArrayList<>();
		period.groups().forEach((key, part) -> {
			List<GroupIndicator> indicators = new ArrayList<>();
			for (int k = 0; k < INDICATORS.length; k++) {
				indicators.add(part(INDICATORS[k], part.current()[k], part.base()[k], wholeCurrent[k], wholeBase[k],
						priceIndex));
			}
			groups.add(new Group(key, names.apply(key), part.enterprises(), indicators));
		});
		groups.sort(Comparator.comparing((Group g) -> g.indicators().get(0).current())
			.reversed()
			.thenComparing(Group::key));
		return groups;
	}

	/**
	 * A part's growth, share, pull and contribution; value added at comparable prices.
	 */
	static GroupIndicator part(Indicator indicator, BigDecimal current, BigDecimal base, BigDecimal wholeCurrent,
			BigDecimal wholeBase, BigDecimal priceIndex) {
		BigDecimal comparable = indicator.comparablePrices() ? Formulas.deflate(current, priceIndex) : current;
		BigDecimal wholeComparable = indicator.comparablePrices() ? Formulas.deflate(wholeCurrent, priceIndex)
				: wholeCurrent;
		return new GroupIndicator(indicator.code(), current, base,
				Formulas.growthPct(indicator, current, base, priceIndex), Formulas.sharePct(current, wholeCurrent),
				Formulas.pullPoints(comparable, base, wholeBase),
				Formulas.contributionPct(comparable, base, wholeComparable, wholeBase));
	}

	/**
	 * The enterprises of the set ranked by growth or by contribution to the whole's
	 * growth.
	 */
	public List<EnterpriseRank> ranking(String zoneCode, int year, int month, String indicatorCode, String by,
			int limit) {
		Indicator indicator = Indicator.ofCode(indicatorCode)
			.orElseThrow(() -> InvalidInputException.of("indicator", "error.economy.indicator", indicatorCode));
		String order = (Inputs.trim(by) != null) ? by.trim().toLowerCase(Locale.ROOT) : "growth";
		if (!order.equals("growth") && !order.equals("contribution")) {
			throw InvalidInputException.of("by", "error.economy.rankBy", by);
		}
		PeriodSet period = periodSet(zoneCode, year, month, null, null);
		int k = indicator.ordinal();
		BigDecimal wholeCurrent = period.current(k);
		BigDecimal wholeBase = period.base(k);
		List<EnterpriseRank> ranks = new ArrayList<>();
		for (Member m : period.members()) {
			GroupIndicator part = part(indicator, m.current()[k], m.base()[k], wholeCurrent, wholeBase,
					period.priceIndex());
			EnterpriseRegistry.SetMember e = m.enterprise();
			ranks.add(new EnterpriseRank(0, e.creditCode(), e.name(), e.areaCode(), e.industryCode(), e.industryName(),
					indicator.code(), Formulas.round(part.current()), Formulas.round(part.base()),
					Formulas.round(part.growthPct()), Formulas.round(part.sharePct()),
					Formulas.round(part.pullPoints()), Formulas.round(part.contributionPct())));
		}
		Function<EnterpriseRank, BigDecimal> key = order.equals("growth") ? EnterpriseRank::growthPct
				: EnterpriseRank::contributionPct;
		ranks.sort(Comparator.comparing(key, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(EnterpriseRank::current, Comparator.reverseOrder()));
		List<EnterpriseRank> numbered = new ArrayList<>();
		for (int i = 0; i < ranks.size() && i < Math.max(1, limit); i++) {
			EnterpriseRank r = ranks.get(i);
			numbered.add(new EnterpriseRank(i + 1, r.creditCode(), r.name(), r.areaCode(), r.industryCode(),
					r.industryName(), r.indicator(), r.current(), r.base(), r.growthPct(), r.sharePct(), r.pullPoints(),
					r.contributionPct()));
		}
		return numbered;
	}

	/**
	 * The months 1–12 of a year for one indicator (or zone figure): each month's own
	 * figure, its cumulative and the prior year's, for the set valid in that month.
	 */
	public List<MonthlyPoint> monthlyTrend(String zoneCode, int year, String indicatorCode) {
		checkPeriod(year, 1);
		this.zones.require(zoneCode);
		Optional<ZoneIndicator> zoneIndicator = ZoneIndicator.ofCode(String.valueOf(indicatorCode));
		if (zoneIndicator.isPresent()) {
			return zoneTrend(zoneCode, year, zoneIndicator.get());
		}
		Indicator indicator = Indicator.ofCode(String.valueOf(indicatorCode))
			.orElseThrow(() -> InvalidInputException.of("indicator", "error.economy.indicator", indicatorCode));
		Map<String, boolean[]> membership = membership(zoneCode, year);
		// per enterprise and month (index 1–12): the figure and its base
		Map<String, BigDecimal[][]> values = new HashMap<>();
		Set<Integer> monthsWithData = new HashSet<>();
		for (StatisticsStore.MonthValue v : this.statisticsStore.monthValues(zoneCode, year, indicator)) {
			BigDecimal[][] months = values.computeIfAbsent(v.creditCode(), (c) -> new BigDecimal[2][13]);
			months[0][v.month()] = v.current();
			months[1][v.month()] = v.base();
			if (v.current() != null) {
				monthsWithData.add(v.month());
			}
		}
		BigDecimal priceIndex = priceIndex(year);
		List<MonthlyPoint> points = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			BigDecimal value = BigDecimal.ZERO;
			BigDecimal priorValue = BigDecimal.ZERO;
			BigDecimal cumulative = BigDecimal.ZERO;
			BigDecimal priorCumulative = BigDecimal.ZERO;
			BigDecimal comparedBase = BigDecimal.ZERO;
			for (Map.Entry<String, boolean[]> member : membership.entrySet()) {
				if (!member.getValue()[m]) {
					continue;
				}
				BigDecimal[][] months = values.get(member.getKey());
				if (months == null) {
					continue;
				}
				value = add(value, months[0][m]);
				priorValue = add(priorValue, months[1][m]);
				cumulative = cumulative.add(cumulate(indicator, months[0], m, null));
				priorCumulative = priorCumulative.add(cumulate(indicator, months[1], m, null));
				comparedBase = comparedBase.add(cumulate(indicator, months[1], m, months[0]));
			}
			boolean data = monthsWithData.contains(m);
			points.add(new MonthlyPoint(m, data ? Formulas.round(value) : null,
					data ? Formulas.round(cumulative) : null, Formulas.round(priorValue),
					Formulas.round(priorCumulative),
					data ? Formulas.round(Formulas.growthPct(indicator, cumulative, comparedBase, priceIndex)) : null));
		}
		return points;
	}

	/**
	 * Months 1–{@code last} cumulated; with {@code only}, like for like: only the months
	 * that have a value there.
	 */
	private static BigDecimal cumulate(Indicator indicator, BigDecimal[] months, int last, BigDecimal[] only) {
		BigDecimal sum = BigDecimal.ZERO;
		int n = 0;
		for (int m = 1; m <= last; m++) {
			if (months[m] != null && (only == null || only[m] != null)) {
				sum = sum.add(months[m]);
				n++;
			}
		}
		return Formulas.cumulative(indicator, sum, n);
	}

	private static BigDecimal add(BigDecimal sum, BigDecimal value) {
		return (value != null) ? sum.add(value) : sum;
	}

	/**
	 * For each enterprise ever 规上 in the zone, whether it is in the set of each month
	 * (index 1–12) of the year: its last 入规/退规 up to that month says so.
	 */
	private Map<String, boolean[]> membership(String zone, int year) {
		List<EnterpriseRegistry.ScaleChange> changes = this.registry.scaleChanges(zone, YearMonth.of(1900, 1),
				YearMonth.of(year, 12));
		Map<String, List<EnterpriseRegistry.ScaleChange>> byEnterprise = new HashMap<>();
		for (EnterpriseRegistry.ScaleChange c : changes) {
			byEnterprise.computeIfAbsent(c.creditCode(), (k) -> new ArrayList<>()).add(c);
		}
		Map<String, boolean[]> membership = new HashMap<>();
		byEnterprise.forEach((code, list) -> {
			list.sort(Comparator.comparing(EnterpriseRegistry.ScaleChange::month));
			boolean[] in = new boolean[13];
			for (int m = 1; m <= 12; m++) {
				YearMonth month = YearMonth.of(year, m);
				Boolean state = null;
				for (EnterpriseRegistry.ScaleChange c : list) {
					if (!c.month().isAfter(month)) {
						state = c.aboveScale();
					}
				}
				in[m] = Boolean.TRUE.equals(state);
			}
			membership.put(code, in);
		});
		return membership;
	}

	private List<MonthlyPoint> zoneTrend(String zone, int year, ZoneIndicator indicator) {
		Map<Integer, Map<Integer, Map<ZoneIndicator, BigDecimal>>> years = this.planningStore.zoneFigures(zone,
				year - 1, year);
		Map<Integer, Map<ZoneIndicator, BigDecimal>> current = years.getOrDefault(year, Map.of());
		Map<Integer, Map<ZoneIndicator, BigDecimal>> prior = years.getOrDefault(year - 1, Map.of());
		List<MonthlyPoint> points = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			BigDecimal value = current.containsKey(m) ? current.get(m).get(indicator) : null;
			BigDecimal priorValue = prior.containsKey(m) ? prior.get(m).get(indicator) : null;
			BigDecimal cumulative = sumMonths(current, indicator, m, null);
			BigDecimal priorCumulative = sumMonths(prior, indicator, m, null);
			boolean data = value != null;
			points.add(new MonthlyPoint(m, Formulas.round(value), data ? Formulas.round(cumulative) : null,
					Formulas.round(priorValue), Formulas.round(priorCumulative),
					data ? Formulas.round(Formulas.growthPct(cumulative, sumMonths(prior, indicator, m, current)))
							: null));
		}
		return points;
	}

	/**
	 * The credit codes of the 规上 set valid in the month, the enterprises behind a
	 * summary.
	 */
	public List<String> setOf(String zoneCode, int year, int month) {
		return this.registry.aboveScaleMembers(zoneCode, YearMonth.of(year, month))
			.stream()
			.map(EnterpriseRegistry.SetMember::creditCode)
			.toList();
	}

	public Optional<YearMonth> latestMonthWithData(String zoneCode) {
		this.zones.require(zoneCode);
		return this.store.latestMonth(zoneCode);
	}

	/**
	 * The month pages, cockpit and report show unless another is chosen: the latest month
	 * whose reported share of the set reaches {@code parkops.economy.complete-share}
	 * (looking back two years at most), else the latest month with data. A month whose
	 * set is empty counts as complete.
	 */
	public Optional<YearMonth> defaultMonth(String zoneCode) {
		Optional<YearMonth> latest = latestMonthWithData(zoneCode);
		if (latest.isEmpty()) {
			return latest;
		}
		YearMonth month = latest.get();
		for (int i = 0; i < 24; i++, month = month.minusMonths(1)) {
			if (complete(zoneCode, month)) {
				return Optional.of(month);
			}
		}
		return latest;
	}

	private boolean complete(String zoneCode, YearMonth month) {
		List<EnterpriseRegistry.SetMember> set = this.registry.aboveScaleMembers(zoneCode, month);
		if (set.isEmpty()) {
			return true;
		}
		Set<String> reporters = this.store.reporters(zoneCode, month);
		long reported = set.stream().filter((e) -> reporters.contains(e.creditCode())).count();
		return BigDecimal.valueOf(reported * 100L)
			.compareTo(this.properties.completeShare().multiply(BigDecimal.valueOf(set.size()))) >= 0;
	}

}
