package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.parkops.economy.EconomySummary;
import io.parkops.economy.Indicator;
import io.parkops.economy.ZoneIndicator;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.platform.DemoDataContributor;
import io.parkops.platform.ZoneTime;

import org.springframework.stereotype.Component;

/**
 * Three years of monthly figures for the demo zone, up to last month, so that a newcomer
 * sees real charts: every industrial enterprise in production reports (规上 ones at their
 * scale, smaller ones too, some approaching 2000万元), with growth, seasons and 1月免报 of the
 * financial figures; the zone figures, this year's targets (some of them out of reach, so
 * that the report has problems to name) and the price indices. A few enterprises have not
 * reported last month yet.
 */
@Component
class EconomyDemoData implements DemoDataContributor {

	private static final BigDecimal[] SEASON = { null, new BigDecimal("0.80"), new BigDecimal("0.78"),
			new BigDecimal("1.00"), new BigDecimal("1.00"), new BigDecimal("1.02"), new BigDecimal("1.05"),
			new BigDecimal("0.98"), new BigDecimal("1.00"), new BigDecimal("1.03"), new BigDecimal("1.02"),
			new BigDecimal("1.06"), new BigDecimal("1.18") };

	private final EnterpriseRegistry registry;

	private final MonthlyFiguresStore store;

	private final PlanningStore planningStore;

	private final StatisticsStore statisticsStore;

	private final EconomyProperties properties;

	EconomyDemoData(EnterpriseRegistry registry, MonthlyFiguresStore store, PlanningStore planningStore,
			StatisticsStore statisticsStore, EconomyProperties properties) {
		this.properties = properties;
		this.registry = registry;
		this.store = store;
		this.planningStore = planningStore;
		this.statisticsStore = statisticsStore;
	}

	@Override
	public int order() {
		return 20;
	}

	/**
	 * When a month was reported, as real enterprises do: on a working-hours moment of
	 * some day before the due day of the following month, one in twenty a few days late;
	 * never later than a while before the demo was loaded.
	 */
	OffsetDateTime submittedAt(YearMonth month, OffsetDateTime now, Random random) {
		int dueDay = Math.min(this.properties.dueDay(), 28);
		int day = (random.nextInt(20) == 0) ? dueDay + 1 + random.nextInt(8) : 1 + random.nextInt(dueDay);
		OffsetDateTime at = month.plusMonths(1)
			.atDay(day)
			.atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60))
			.atZone(ZoneTime.zone())
			.toOffsetDateTime();
		OffsetDateTime latest = now.minusHours(2).minusMinutes(random.nextInt(600));
		return at.isAfter(latest) ? latest : at;
	}

	@Override
	public void contribute(DemoContext context) {
		Random random = new Random(context.random().nextLong());
		String zone = context.zoneCode();
		YearMonth last = Months.current().minusMonths(1);
		YearMonth first = YearMonth.of(last.getYear() - 2, 1);
		Set<String> everAbove = new HashSet<>();
		this.registry.scaleChanges(zone, YearMonth.of(1900, 1), last)
			.stream()
			.filter(EnterpriseRegistry.ScaleChange::aboveScale)
			.forEach((c) -> everAbove.add(c.creditCode()));
		OffsetDateTime now = OffsetDateTime.now();
		List<MonthlyFigures> rows = new ArrayList<>();
		int late = 0;
		for (Enterprise e : this.registry.ofZone(zone)) {
			if (e.industryCode() == null || !e.industryCode().startsWith("C")
					|| e.status() != EnterpriseStatus.IN_PRODUCTION) {
				continue;
			}
			boolean above = everAbove.contains(e.creditCode());
			// monthly output in 万元: 规上 enterprises 400–6000, the others 60–210 (some near
			// 2000万 a year)
			double level = above ? 400 + Math.pow(random.nextDouble(), 2) * 5600 : 60 + random.nextDouble() * 150;
			double growth = (above ? 0.09 : 0.06) + random.nextGaussian() * 0.12;
			double valueAdded = 0.22 + random.nextDouble() * 0.08;
			double margin = -0.02 + random.nextDouble() * 0.11;
			double taxRate = 0.025 + random.nextDouble() * 0.025;
			double power = 0.01 + random.nextDouble() * 0.06;
			double exportShare = (random.nextInt(3) == 0) ? random.nextDouble() * 0.4 : 0;
			int employees = (int) (level / 8 + 20 + random.nextInt(40));
			boolean missesLastMonth = above && late < 4 && random.nextInt(12) == 0;
			if (missesLastMonth) {
				late++;
			}
			for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
				if (m.equals(last) && missesLastMonth) {
					continue;
				}
				double years = (m.getYear() - first.getYear()) + (m.getMonthValue() - 1) / 12.0;
				double output = level * Math.pow(1 + growth, years) * SEASON[m.getMonthValue()].doubleValue()
						* (0.95 + random.nextDouble() * 0.1);
				Map<Indicator, BigDecimal> values = figures(output, valueAdded, margin, taxRate, power, exportShare,
						employees * (1 + growth * years / 3), m.getMonthValue(), random);
				Map<Indicator, BigDecimal> prior = MonthlyFigures.emptyValues();
				if (m.getYear() == first.getYear()) {
					// the first year's base: the 上年同月 the enterprise reported
					prior = figures(output / (1 + growth), valueAdded, margin, taxRate, power, exportShare, employees,
							m.getMonthValue(), random);
				}
				OffsetDateTime submitted = submittedAt(m, now, random);
				rows.add(new MonthlyFigures(e.creditCode(), m, zone, values, prior, List.of(), null, 1, "economy",
						submitted, "economy", submitted));
			}
		}
		this.store.save(rows);
		zoneFigures(zone, first, last, random);
		targets(zone, last);
		this.planningStore.savePriceIndex(last.getYear() - 2, new BigDecimal("98.00"), "economy");
		this.planningStore.savePriceIndex(last.getYear() - 1, new BigDecimal("97.80"), "economy");
		this.planningStore.savePriceIndex(last.getYear(), new BigDecimal("101.20"), "economy");
	}

	/**
	 * One month's figures; January has no financial figures (1月免报), February has two
	 * months'.
	 */
	private static Map<Indicator, BigDecimal> figures(double output, double valueAdded, double margin, double taxRate,
			double power, double exportShare, double employees, int month, Random random) {
		Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
		values.put(Indicator.OUTPUT, money(output));
		values.put(Indicator.VALUE_ADDED, money(output * valueAdded));
		values.put(Indicator.ELECTRICITY, money(output * power));
		values.put(Indicator.EMPLOYEES, BigDecimal.valueOf(Math.round(employees + random.nextInt(5))));
		values.put(Indicator.EXPORT, money(output * exportShare));
		if (month != 1) {
			double months = (month == 2) ? 2 : 1;
			double revenue = output * (0.95 + random.nextDouble() * 0.1) * months;
			values.put(Indicator.REVENUE, money(revenue));
			values.put(Indicator.PROFIT, money(revenue * (margin + random.nextGaussian() * 0.01)));
			values.put(Indicator.TAX, money(revenue * taxRate));
		}
		return values;
	}

	private static BigDecimal money(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
	}

	private void zoneFigures(String zone, YearMonth first, YearMonth last, Random random) {
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			double years = (m.getYear() - first.getYear()) + (m.getMonthValue() - 1) / 12.0;
			double season = SEASON[m.getMonthValue()].doubleValue();
			Map<ZoneIndicator, BigDecimal> values = new EnumMap<>(ZoneIndicator.class);
			values.put(ZoneIndicator.BUDGET_REVENUE,
					money(2600 * Math.pow(1.08, years) * season * (0.9 + random.nextDouble() * 0.2)));
			values.put(ZoneIndicator.FIXED_ASSET_INVESTMENT,
					money(18000 * Math.pow(1.12, years) * season * (0.85 + random.nextDouble() * 0.3)));
			values.put(ZoneIndicator.TECH_INVESTMENT,
					money(5200 * Math.pow(1.15, years) * season * (0.8 + random.nextDouble() * 0.4)));
			this.planningStore.saveZoneFigures(zone, m, values, "economy");
		}
	}

	/**
	 * This year's targets: ambitious enough that some indicators are behind, as in the
	 * reference reports.
	 */
	private void targets(String zone, YearMonth last) {
		int year = last.getYear();
		Map<Indicator, BigDecimal> previous = yearTotals(zone, year - 1);
		List<PlanningStore.TargetRow> rows = new ArrayList<>();
		rows.add(new PlanningStore.TargetRow(Indicator.OUTPUT.code(), "GROWTH", new BigDecimal("15.00")));
		rows.add(new PlanningStore.TargetRow(Indicator.VALUE_ADDED.code(), "GROWTH", new BigDecimal("8.00")));
		rows.add(new PlanningStore.TargetRow(Indicator.REVENUE.code(), "AMOUNT",
				previous.get(Indicator.REVENUE).multiply(new BigDecimal("1.10")).setScale(-3, RoundingMode.HALF_UP)));
		rows.add(new PlanningStore.TargetRow(Indicator.TAX.code(), "AMOUNT",
				previous.get(Indicator.TAX).multiply(new BigDecimal("1.25")).setScale(-2, RoundingMode.HALF_UP)));
		rows.add(new PlanningStore.TargetRow(EconomySummary.NEW_ABOVE_SCALE, "COUNT", new BigDecimal("12")));
		rows.add(new PlanningStore.TargetRow(ZoneIndicator.BUDGET_REVENUE.code(), "AMOUNT", new BigDecimal("36000")));
		rows.add(new PlanningStore.TargetRow(ZoneIndicator.FIXED_ASSET_INVESTMENT.code(), "GROWTH",
				new BigDecimal("10.00")));
		rows.add(new PlanningStore.TargetRow(ZoneIndicator.TECH_INVESTMENT.code(), "AMOUNT", new BigDecimal("90000")));
		this.planningStore.replaceTargets(zone, year, rows.stream()
			.map((r) -> new PlanningStore.TargetRow(r.code(), r.kind(), r.value().setScale(2, RoundingMode.HALF_UP)))
			.toList());
	}

	private Map<Indicator, BigDecimal> yearTotals(String zone, int year) {
		Map<String, StatisticsStore.EnterpriseSums> sums = this.statisticsStore.sums(zone, year, 12);
		Map<Indicator, BigDecimal> totals = new EnumMap<>(Indicator.class);
		for (Indicator i : Indicator.values()) {
			BigDecimal total = BigDecimal.ZERO;
			for (StatisticsStore.EnterpriseSums s : sums.values()) {
				if (s.current()[i.ordinal()] != null) {
					total = total.add(s.current()[i.ordinal()]);
				}
			}
			totals.put(i, total.max(BigDecimal.ONE));
		}
		return totals;
	}

}
