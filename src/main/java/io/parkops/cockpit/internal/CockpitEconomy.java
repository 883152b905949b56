package io.parkops.cockpit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.economy.EconomyStatistics;
import io.parkops.economy.EconomySummary;
import io.parkops.economy.Indicator;
import io.parkops.economy.MonthlyPoint;
import io.parkops.economy.ZoneIndicator;
import io.parkops.platform.CurrentUser;
import io.parkops.report.ReportNumbers;

import org.springframework.stereotype.Component;

/**
 * The cockpit's economic part, from {@link EconomyStatistics} as the economy pages show
 * it: the headline indicators of the latest month with data, output this year against
 * last year, and output growth by industry division and by area.
 */
@Component
class CockpitEconomy {

	/** The headline indicators, in the order leaders read them. */
	static final List<String> HEADLINE = List.of(Indicator.OUTPUT.code(), Indicator.VALUE_ADDED.code(),
			Indicator.REVENUE.code(), Indicator.TAX.code(), Indicator.PROFIT.code(), EconomySummary.NEW_ABOVE_SCALE);

	static final List<String> ZONE_FIGURES = List.of(ZoneIndicator.BUDGET_REVENUE.code(),
			ZoneIndicator.FIXED_ASSET_INVESTMENT.code());

	static final String TREND = Indicator.OUTPUT.code();

	private final EconomyStatistics statistics;

	CockpitEconomy(EconomyStatistics statistics) {
		this.statistics = statistics;
	}

	/**
	 * The economy of the zone, or null when the user may not read it or it has no data.
	 */
	CockpitData.Economy economy(CurrentUser me, String zone) {
		if (!me.has(EconomyStatistics.READ)) {
			return null;
		}
		Optional<YearMonth> latest = this.statistics.defaultMonth(zone);
		if (latest.isEmpty()) {
			return null;
		}
		int year = latest.get().getYear();
		int month = latest.get().getMonthValue();
		// exact figures: each is rounded once, where it is shown
		EconomySummary whole = this.statistics.summary(zone, year, month, null, null, null);
		List<CockpitData.Indicator> indicators = new ArrayList<>();
		for (String code : HEADLINE) {
			whole.indicator(code)
				.ifPresent((i) -> indicators.add(indicator(code, i.unit(), i.current(), i.growthPct(), i.target())));
		}
		for (String code : ZONE_FIGURES) {
			whole.zoneFigure(code)
				.filter((z) -> z.current().signum() != 0)
				.ifPresent((z) -> indicators.add(indicator(code, z.unit(), z.current(), z.growthPct(), z.target())));
		}
		List<MonthlyPoint> points = this.statistics.monthlyTrend(zone, year, TREND);
		CockpitData.Trend trend = new CockpitData.Trend(TREND, Indicator.OUTPUT.nameZh(), Indicator.OUTPUT.unit(),
				points.stream().map(MonthlyPoint::month).toList(), points.stream().map(MonthlyPoint::value).toList(),
				points.stream().map(MonthlyPoint::priorValue).toList());
		return new CockpitData.Economy(year, month, round(whole.timeProgressPct(), 2), indicators, trend,
				groups(this.statistics.summary(zone, year, month, "industry", null, null)),
				groups(this.statistics.summary(zone, year, month, "area", null, null)), whole.reporting().expected(),
				whole.reporting().reported(), whole.preliminary());
	}

	private static CockpitData.Indicator indicator(String code, String unit, BigDecimal current, BigDecimal growth,
			EconomySummary.Target target) {
		String name = Indicator.ofCode(code)
			.map(Indicator::nameZh)
			.or(() -> ZoneIndicator.ofCode(code).map(ZoneIndicator::nameZh))
			.orElse("新增规上企业");
		Map<String, String> labels = new LinkedHashMap<>();
		if (growth != null) {
			BigDecimal shown = round(growth, 1);
			// one sign only, and none for a rate that rounds to zero: ▲16.4%, ▼3.2%, 0.0%
			labels.put("growth",
					((shown.signum() > 0) ? "▲" : (shown.signum() < 0) ? "▼" : "") + shown.abs().toPlainString() + "%");
			labels.put("growthValue", shown.toPlainString());
		}
		BigDecimal count = "家".equals(unit) ? current : round(current, 2);
		if (target == null) {
			return new CockpitData.Indicator(code, name, unit, count, text(unit, current), round(growth, 2), null, null,
					null, null, false, labels);
		}
		boolean byGrowth = EconomySummary.Target.GROWTH.equals(target.kind());
		BigDecimal gap = byGrowth ? target.gapPoints() : target.aheadPoints();
		if (byGrowth) {
			labels.put("target", plain(target.growthPct()));
		}
		else if (target.progressPct() != null) {
			labels.put("progress", round(target.progressPct(), 2).toPlainString());
		}
		if (gap != null) {
			labels.put("gap", round(gap, 1).abs().toPlainString());
		}
		return new CockpitData.Indicator(code, name, unit, count, text(unit, current), round(growth, 2), target.kind(),
				byGrowth ? round(target.growthPct(), 2) : null, byGrowth ? null : round(target.progressPct(), 2),
				round(gap, 2), target.behind(), labels);
	}

	static BigDecimal round(BigDecimal value, int decimals) {
		return (value != null) ? value.setScale(decimals, RoundingMode.HALF_UP) : null;
	}

	/** A target as entered, without trailing zeros: 15 → "15", 7.5 → "7.5". */
	private static String plain(BigDecimal value) {
		BigDecimal stripped = round(value, 2).stripTrailingZeros();
		return ((stripped.scale() < 0) ? stripped.setScale(0) : stripped).toPlainString();
	}

	/** The figure as the reports write it: amounts in 亿元/万元, other units as they are. */
	static String text(String unit, BigDecimal value) {
		if ("万元".equals(unit)) {
			return ReportNumbers.amount(value);
		}
		if (unit == null || unit.isEmpty()) {
			return ReportNumbers.count(value.longValue(), "家");
		}
		return ReportNumbers.quantity(value, unit);
	}

	private static CockpitData.Group group(EconomySummary.Group g, EconomySummary.GroupIndicator i) {
		BigDecimal growth = round(i.growthPct(), 1);
		String label = (growth != null) ? ((growth.signum() > 0) ? "+" : "") + growth.toPlainString() + "%" : null;
		return new CockpitData.Group(g.key(), g.name(), round(i.current(), 2), growth, label);
	}

	private static List<CockpitData.Group> groups(EconomySummary summary) {
		return summary.groups()
			.stream()
			.map((g) -> g.indicator(TREND).map((i) -> group(g, i)).orElse(null))
			.filter((g) -> g != null && g.current() != null)
			.sorted(Comparator.comparing(CockpitData.Group::current).reversed())
			.toList();
	}

}
