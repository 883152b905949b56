package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

	private final EconomyStore store;

	StatisticsEngine(EnterpriseRegistry registry, ZoneDirectory zones, EconomyStore store) {
		this.registry = registry;
		this.zones = zones;
		this.store = store;
	}

	/** The enterprises of a period's set with what they contribute. */
	record Member(EnterpriseRegistry.SetMember enterprise, BigDecimal[] current, BigDecimal[] base, boolean hasBase) {
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
			members.add(new Member(e, f.current(), f.base(), f.hasBase()));
		}
		return new PeriodSet(zone, year, month, priceIndex(year), members);
	}

	/** The key of a period's sums in the cache. */
	private record Period(String zone, int year, int month) {
	}

	/**
	 * One enterprise's 1–N cumulative figures and base of a period, by indicator (sums
	 * for flows, averages for employees).
	 */
	record Figures(BigDecimal[] current, BigDecimal[] base, boolean hasBase) {

		static final Figures NONE = new Figures(zeros(), zeros(), false);

		private static BigDecimal[] zeros() {
			BigDecimal[] zeros = new BigDecimal[INDICATORS.length];
			java.util.Arrays.fill(zeros, BigDecimal.ZERO);
			return zeros;
		}

		static Figures of(EconomyStore.EnterpriseSums s) {
			BigDecimal[] current = new BigDecimal[INDICATORS.length];
			BigDecimal[] base = new BigDecimal[INDICATORS.length];
			for (int k = 0; k < INDICATORS.length; k++) {
				current[k] = Formulas.cumulative(INDICATORS[k], s.current()[k], s.currentMonths()[k]);
				base[k] = Formulas.cumulative(INDICATORS[k], s.base()[k], s.baseMonths()[k]);
			}
			return new Figures(current, base, s.hasBase());
		}

	}

	/**
	 * A period's figures and the version of the zone's months they were computed from.
	 */
	private record Cached(long version, Map<String, Figures> figures) {
	}

	/**
	 * The per-enterprise figures of a period: the expensive part of every statistic, kept
	 * per node until the zone's months change (any node's change bumps their version).
	 */
	private final Map<Period, Cached> cache = java.util.Collections
		.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Period, Cached> eldest) {
				return size() > 48;
			}
		});

	Map<String, Figures> figures(String zone, int year, int month) {
		long version = this.store.version(zone);
		Period key = new Period(zone, year, month);
		Cached cached = this.cache.get(key);
		if (cached != null && cached.version() == version) {
			return cached.figures();
		}
		Map<String, Figures> figures = new HashMap<>();
		this.store.sums(zone, year, month).forEach((code, sums) -> figures.put(code, Figures.of(sums)));
		this.cache.put(key, new Cached(version, figures));
		return figures;
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
		return this.store.priceIndex(year).orElse(DEFAULT_PRICE_INDEX);
	}

	public EconomySummary summary(String zoneCode, int year, int month, String groupBy, String area, String industry) {
		String grouping = grouping(groupBy);
		String areaFilter = Inputs.trim(area);
		String industryFilter = (Inputs.trim(industry) != null) ? industry.trim().toUpperCase(Locale.ROOT) : null;
		PeriodSet period = periodSet(zoneCode, year, month, areaFilter, industryFilter);
		boolean whole = areaFilter == null && industryFilter == null;
		Map<String, EconomyStore.TargetRow> targets = whole ? this.store.targets(zoneCode, year) : Map.of();

		List<IndicatorFigure> indicators = new ArrayList<>();
		for (int k = 0; k < INDICATORS.length; k++) {
			Indicator indicator = INDICATORS[k];
			BigDecimal current = period.current(k);
			BigDecimal base = period.base(k);
			BigDecimal growth = Formulas.growthPct(indicator, current, base, period.priceIndex());
			indicators.add(new IndicatorFigure(indicator.code(), indicator.unit(), Formulas.round(current),
					Formulas.round(base), growth, target(targets.get(indicator.code()), current, growth, month)));
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
		EconomyStore.TargetRow countTarget = targets.get(EconomySummary.NEW_ABOVE_SCALE);
		if (countTarget != null) {
			BigDecimal current = BigDecimal.valueOf(entered);
			indicators.add(new IndicatorFigure(EconomySummary.NEW_ABOVE_SCALE, "家", current, null, null,
					target(countTarget, current, null, month)));
		}
		int withoutBase = (int) period.members().stream().filter((m) -> !m.hasBase()).count();
		return new EconomySummary(zoneCode, year, month, Formulas.timeProgressPct(month), period.members().size(),
				entered, exited, withoutBase, indicators, zoneFigures(zoneCode, year, month, targets),
				(grouping != null) ? groups(period, grouping) : List.of());
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

	static Target target(EconomyStore.TargetRow row, BigDecimal actual, BigDecimal growthPct, int month) {
		if (row == null) {
			return null;
		}
		return switch (row.kind()) {
			case "GROWTH" -> new Target(Target.GROWTH, Formulas.round(row.value()),
					Formulas.gapPoints(growthPct, row.value()), null, null, null, null);
			case "COUNT" -> new Target(Target.COUNT, null, null, null, row.value().longValue(),
					Formulas.progressPct(actual, row.value()), Formulas.aheadPoints(actual, row.value(), month));
			default -> new Target(Target.AMOUNT, null, null, Formulas.round(row.value()), null,
					Formulas.progressPct(actual, row.value()), Formulas.aheadPoints(actual, row.value(), month));
		};
	}

	private List<ZoneFigure> zoneFigures(String zone, int year, int month,
			Map<String, EconomyStore.TargetRow> targets) {
		Map<Integer, Map<Integer, Map<ZoneIndicator, BigDecimal>>> years = this.store.zoneFigures(zone, year - 1, year);
		Map<Integer, Map<ZoneIndicator, BigDecimal>> current = years.getOrDefault(year, Map.of());
		Map<Integer, Map<ZoneIndicator, BigDecimal>> prior = years.getOrDefault(year - 1, Map.of());
		List<ZoneFigure> figures = new ArrayList<>();
		for (ZoneIndicator indicator : ZoneIndicator.values()) {
			BigDecimal cur = sumMonths(current, indicator, month);
			BigDecimal base = sumMonths(prior, indicator, month);
			BigDecimal growth = Formulas.growthPct(cur, base);
			figures.add(new ZoneFigure(indicator.code(), indicator.unit(), Formulas.round(cur), Formulas.round(base),
					growth, target(targets.get(indicator.code()), cur, growth, month)));
		}
		return figures;
	}

	private static BigDecimal sumMonths(Map<Integer, Map<ZoneIndicator, BigDecimal>> months, ZoneIndicator indicator,
			int last) {
		BigDecimal sum = BigDecimal.ZERO;
		for (int m = 1; m <= last; m++) {
			Map<ZoneIndicator, BigDecimal> values = months.get(m);
			if (values != null && values.get(indicator) != null) {
				sum = sum.add(values.get(indicator));
			}
		}
		return sum;
	}

	private List<Group> groups(PeriodSet period, String grouping) {
		Map<String, List<Member>> byKey = new LinkedHashMap<>();
		Map<String, String> names = new HashMap<>();
		for (Member m : period.members()) {
			EnterpriseRegistry.SetMember e = m.enterprise();
			switch (grouping) {
				case "industry" -> {
					String key = (e.industryCode() != null) ? e.industryCode() : "-";
					byKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(m);
					names.put(key, (e.industryName() != null) ? e.industryName() : "-");
				}
				case "area" -> {
					String key = (e.areaCode() != null) ? e.areaCode() : "-";
					byKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(m);
					names.put(key, period.zone().area(key).map(ZoneDirectory.Area::name).orElse(key));
				}
				default -> {
					for (String tag : e.tags()) {
						byKey.computeIfAbsent(tag, (k) -> new ArrayList<>()).add(m);
						names.put(tag, tag);
					}
				}
			}
		}
		BigDecimal[] wholeCurrent = new BigDecimal[INDICATORS.length];
		BigDecimal[] wholeBase = new BigDecimal[INDICATORS.length];
		for (int k = 0; k < INDICATORS.length; k++) {
			wholeCurrent[k] = period.current(k);
			wholeBase[k] = period.base(k);
		}
		List<Group> groups = new ArrayList<>();
		byKey.forEach((key, members) -> {
			List<GroupIndicator> indicators = new ArrayList<>();
			for (int k = 0; k < INDICATORS.length; k++) {
				int index = k;
				BigDecimal cur = members.stream()
					.map((m) -> m.current()[index])
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				BigDecimal base = members.stream().map((m) -> m.base()[index]).reduce(BigDecimal.ZERO, BigDecimal::add);
				indicators.add(part(INDICATORS[k], cur, base, wholeCurrent[k], wholeBase[k], period.priceIndex()));
			}
			groups.add(new Group(key, names.get(key), members.size(), indicators));
		});
		groups.sort(Comparator.comparing((Group g) -> g.indicators().get(0).current()).reversed());
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
		return new GroupIndicator(indicator.code(), Formulas.round(current), Formulas.round(base),
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
					indicator.code(), part.current(), part.base(), part.growthPct(), part.sharePct(), part.pullPoints(),
					part.contributionPct()));
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
		for (EconomyStore.MonthValue v : this.store.monthValues(zoneCode, year, indicator)) {
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
				cumulative = cumulative.add(cumulate(indicator, months[0], m));
				priorCumulative = priorCumulative.add(cumulate(indicator, months[1], m));
			}
			boolean data = monthsWithData.contains(m);
			points
				.add(new MonthlyPoint(m, data ? Formulas.round(value) : null, data ? Formulas.round(cumulative) : null,
						Formulas.round(priorValue), Formulas.round(priorCumulative),
						data ? Formulas.growthPct(indicator, cumulative, priorCumulative, priceIndex) : null));
		}
		return points;
	}

	private static BigDecimal cumulate(Indicator indicator, BigDecimal[] months, int last) {
		BigDecimal sum = BigDecimal.ZERO;
		int n = 0;
		for (int m = 1; m <= last; m++) {
			if (months[m] != null) {
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
		Map<Integer, Map<Integer, Map<ZoneIndicator, BigDecimal>>> years = this.store.zoneFigures(zone, year - 1, year);
		Map<Integer, Map<ZoneIndicator, BigDecimal>> current = years.getOrDefault(year, Map.of());
		Map<Integer, Map<ZoneIndicator, BigDecimal>> prior = years.getOrDefault(year - 1, Map.of());
		List<MonthlyPoint> points = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			BigDecimal value = current.containsKey(m) ? current.get(m).get(indicator) : null;
			BigDecimal priorValue = prior.containsKey(m) ? prior.get(m).get(indicator) : null;
			BigDecimal cumulative = sumMonths(current, indicator, m);
			BigDecimal priorCumulative = sumMonths(prior, indicator, m);
			boolean data = value != null;
			points.add(new MonthlyPoint(m, Formulas.round(value), data ? Formulas.round(cumulative) : null,
					Formulas.round(priorValue), Formulas.round(priorCumulative),
					data ? Formulas.growthPct(cumulative, priorCumulative) : null));
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

}
