package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.parkops.cockpit.CockpitContribution;
import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;
import io.parkops.economy.EconomyStatistics;
import io.parkops.economy.EconomySummary;
import io.parkops.economy.Indicator;
import io.parkops.economy.MonthlyPoint;
import io.parkops.economy.ZoneIndicator;
import io.parkops.report.ReportNumbers;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The economy's part of the leadership cockpit, from {@link EconomyStatistics} as the
 * economy pages show it: the headline indicators of the default month (the latest whose
 * reported share is complete enough) with growth and target, output this year against
 * last year, growth against growth targets, 完成全年目标 against 时序进度, and output growth by
 * industry division and by area. Each figure is rounded once from the exact value and
 * sent as text. {@code GET /api/v1/cockpit} also answers these figures under
 * {@code economy} ({@link Figures}).
 */
@Component
class EconomyCockpitTiles implements CockpitTileSource {

	/** The headline indicators, in the order leaders read them. */
	static final List<String> HEADLINE = List.of(Indicator.OUTPUT.code(), Indicator.VALUE_ADDED.code(),
			Indicator.REVENUE.code(), Indicator.TAX.code(), Indicator.PROFIT.code(), EconomySummary.NEW_ABOVE_SCALE);

	static final List<String> ZONE_FIGURES = List.of(ZoneIndicator.BUDGET_REVENUE.code(),
			ZoneIndicator.FIXED_ASSET_INVESTMENT.code());

	static final String TREND = Indicator.OUTPUT.code();

	/** At most this many groups in a chart (the largest by output). */
	static final int GROUPS = 12;

	private final EconomyStatistics statistics;

	private final MessageSource messages;

	EconomyCockpitTiles(EconomyStatistics statistics, MessageSource messages) {
		this.statistics = statistics;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public String permission() {
		return EconomyStatistics.READ;
	}

	@Override
	public List<CockpitTile> tiles(String zoneCode, LocalDate today, Locale locale) {
		return contribution(zoneCode, today, locale).tiles();
	}

	@Override
	public CockpitContribution contribution(String zoneCode, LocalDate today, Locale locale) {
		Figures figures = figures(zoneCode, locale);
		if (figures == null) {
			return CockpitContribution.of(List.of());
		}
		return new CockpitContribution(List.of(tile(figures, locale)), "economy", figures);
	}

	/**
	 * The economy at a glance: the cumulative figures of months 1–{@code month}.
	 *
	 * @param year the year
	 * @param month the month shown (the default month of the economy page)
	 * @param timeProgressPct 时序进度
	 * @param indicators the headline indicators
	 * @param trend this year against last year, month by month
	 * @param byIndustry growth of output by industry division
	 * @param byArea growth of output by area
	 * @param expected the enterprises of the month's set
	 * @param reported how many of them reported the month
	 * @param preliminary whether fewer than all reported it (初步数据)
	 */
	public record Figures(int year, int month, BigDecimal timeProgressPct, List<IndicatorFigures> indicators,
			Trend trend, List<Group> byIndustry, List<Group> byArea, int expected, int reported, boolean preliminary) {
	}

	/**
	 * A headline indicator with its growth and target progress.
	 *
	 * @param code the indicator
	 * @param name its name, in the caller's language
	 * @param unit its unit
	 * @param current the 1–N cumulative
	 * @param text the cumulative as the reports write it
	 * @param growthPct same-set growth, null without a base
	 * @param targetKind {@code growth}, {@code amount} or {@code count}, null without a
	 * target
	 * @param targetGrowthPct the growth target
	 * @param progressPct 完成全年目标 (amount and count targets)
	 * @param gapPoints against the growth target or time progress, in 百分点
	 * @param behind whether it is behind its target or time progress
	 * @param labels the figures as shown, each rounded once from the exact value:
	 * {@code growth} ("▲16.4%"), {@code growthValue} ("16.4"), {@code target} ("15"),
	 * {@code progress} ("125.64"), {@code gap} (points, "6.0", without sign)
	 */
	public record IndicatorFigures(String code, String name, String unit, BigDecimal current, String text,
			BigDecimal growthPct, String targetKind, BigDecimal targetGrowthPct, BigDecimal progressPct,
			BigDecimal gapPoints, boolean behind, Map<String, String> labels) {
	}

	/** Month-by-month values of one indicator, this year and the year before. */
	public record Trend(String code, String name, String unit, List<Integer> months, List<BigDecimal> thisYear,
			List<BigDecimal> lastYear) {
	}

	/**
	 * A group's output and growth (one decimal, as the chart shows it) with its label
	 * ("+16.4%").
	 */
	public record Group(String key, String name, BigDecimal current, BigDecimal growthPct, String growthLabel) {
	}

	Figures figures(String zone, Locale locale) {
		Optional<YearMonth> latest = this.statistics.defaultMonth(zone);
		if (latest.isEmpty()) {
			return null;
		}
		int year = latest.get().getYear();
		int month = latest.get().getMonthValue();
		// exact figures: each is rounded once, where it is shown
		EconomySummary whole = this.statistics.summary(zone, year, month, null, null, null);
		List<IndicatorFigures> indicators = new ArrayList<>();
		for (String code : HEADLINE) {
			whole.indicator(code)
				.ifPresent((i) -> indicators
					.add(indicator(code, name(code, locale), i.unit(), i.current(), i.growthPct(), i.target())));
		}
		for (String code : ZONE_FIGURES) {
			whole.zoneFigure(code)
				.filter((z) -> z.current().signum() != 0)
				.ifPresent((z) -> indicators
					.add(indicator(code, name(code, locale), z.unit(), z.current(), z.growthPct(), z.target())));
		}
		List<MonthlyPoint> points = this.statistics.monthlyTrend(zone, year, TREND);
		Trend trend = new Trend(TREND, name(TREND, locale), Indicator.OUTPUT.unit(),
				points.stream().map(MonthlyPoint::month).toList(), points.stream().map(MonthlyPoint::value).toList(),
				points.stream().map(MonthlyPoint::priorValue).toList());
		return new Figures(year, month, round(whole.timeProgressPct(), 2), indicators, trend,
				groups(this.statistics.summary(zone, year, month, "industry", null, null)),
				groups(this.statistics.summary(zone, year, month, "area", null, null)), whole.reporting().expected(),
				whole.reporting().reported(), whole.preliminary());
	}

	private String name(String code, Locale locale) {
		return text(locale, "economy.indicator." + code);
	}

	private static IndicatorFigures indicator(String code, String name, String unit, BigDecimal current,
			BigDecimal growth, EconomySummary.Target target) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (growth != null) {
			BigDecimal shown = round(growth, 1);
			// one sign only, and none for a rate that rounds to zero: ▲16.4%, ▼3.2%, 0.0%
			labels.put("growth", arrow(shown) + shown.abs().toPlainString() + "%");
			labels.put("growthValue", shown.toPlainString());
		}
		BigDecimal count = "家".equals(unit) ? current : round(current, 2);
		if (target == null) {
			return new IndicatorFigures(code, name, unit, count, text(unit, current), round(growth, 2), null, null,
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
		return new IndicatorFigures(code, name, unit, count, text(unit, current), round(growth, 2), target.kind(),
				byGrowth ? round(target.growthPct(), 2) : null, byGrowth ? null : round(target.progressPct(), 2),
				round(gap, 2), target.behind(), labels);
	}

	private static String arrow(BigDecimal shown) {
		return (shown.signum() > 0) ? "▲" : (shown.signum() < 0) ? "▼" : "";
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
		if (unit == null || unit.isEmpty() || "家".equals(unit)) {
			return ReportNumbers.count(value.longValue(), "家");
		}
		return ReportNumbers.quantity(value, unit);
	}

	private static Group group(EconomySummary.Group g, EconomySummary.GroupIndicator i) {
		BigDecimal growth = round(i.growthPct(), 1);
		String label = (growth != null) ? ((growth.signum() > 0) ? "+" : "") + growth.toPlainString() + "%" : null;
		return new Group(g.key(), g.name(), round(i.current(), 2), growth, label);
	}

	private static List<Group> groups(EconomySummary summary) {
		return summary.groups()
			.stream()
			.map((g) -> g.indicator(TREND).map((i) -> group(g, i)).orElse(null))
			.filter((g) -> g != null && g.current() != null)
			.sorted(Comparator.comparing(Group::current).reversed())
			.toList();
	}

	// the tile as the page and the wall draw it

	private CockpitTile tile(Figures f, Locale locale) {
		List<CockpitTile.Figure> cards = new ArrayList<>();
		for (IndicatorFigures i : f.indicators()) {
			cards.add(card(i, f.timeProgressPct(), locale));
		}
		String time = f.timeProgressPct().toPlainString();
		List<CockpitTile.Chart> charts = new ArrayList<>();
		charts.add(trendChart(f.trend(), locale));
		List<IndicatorFigures> byGrowth = f.indicators()
			.stream()
			.filter((i) -> EconomySummary.Target.GROWTH.equals(i.targetKind()))
			.toList();
		charts.add(CockpitTile.Chart.bars("economy.growthTargets", text(locale, "economy.cockpit.chart.growthTargets"),
				"%", true, false, byGrowth.stream().map(IndicatorFigures::name).toList(),
				List.of(percentSeries(text(locale, "economy.cockpit.series.actualGrowth"),
						byGrowth.stream().map((i) -> i.labels().get("growthValue")).toList()),
						percentSeries(text(locale, "economy.cockpit.series.targetGrowth"),
								byGrowth.stream().map((i) -> i.labels().get("target")).toList()))));
		List<IndicatorFigures> byAmount = f.indicators()
			.stream()
			.filter((i) -> i.targetKind() != null && !EconomySummary.Target.GROWTH.equals(i.targetKind()))
			.toList();
		charts.add(CockpitTile.Chart.bars("economy.progress", text(locale, "economy.cockpit.chart.progress"), "%", true,
				false, byAmount.stream().map(IndicatorFigures::name).toList(),
				List.of(percentSeries(text(locale, "economy.cockpit.series.progress"),
						byAmount.stream().map((i) -> i.labels().get("progress")).toList()),
						percentSeries(text(locale, "economy.cockpit.series.timeProgress"),
								byAmount.stream().map((i) -> time).toList()))));
		charts.add(
				groupChart("economy.industry", text(locale, "economy.cockpit.chart.industry"), f.byIndustry(), locale));
		charts.add(groupChart("economy.area", text(locale, "economy.cockpit.chart.area"), f.byArea(), locale));
		String note = text(locale, "economy.cockpit.asOf", Integer.toString(f.year()), f.month(), time);
		String notice = f.preliminary() ? text(locale, "economy.cockpit.preliminary", f.reported(), f.expected())
				: null;
		return new CockpitTile("economy.overview", text(locale, "economy.cockpit.title"), cards, charts, "/economy",
				note, notice, true);
	}

	private CockpitTile.Figure card(IndicatorFigures i, BigDecimal timeProgressPct, Locale locale) {
		String[] shown = valueAndUnit(i.code(), i.unit(), i.current(), locale);
		CockpitTile.Change change = (i.growthPct() != null)
				? new CockpitTile.Change(text(locale, "economy.cockpit.growth"), i.labels().get("growth"),
						round(i.growthPct(), 1).signum())
				: new CockpitTile.Change(null, text(locale, "economy.cockpit.growth.none"), 0);
		String hint = "";
		BigDecimal progress = null;
		BigDecimal marker = null;
		String gap = i.labels().get("gap");
		if (i.progressPct() != null) {
			progress = i.progressPct().min(BigDecimal.valueOf(100)).max(BigDecimal.ZERO);
			marker = timeProgressPct;
			hint = text(locale, "economy.cockpit.target.progress", i.labels().get("progress"));
			if (gap != null) {
				hint += text(locale, (i.gapPoints().signum() >= 0) ? "economy.cockpit.target.ahead"
						: "economy.cockpit.target.behindTime", gap);
			}
		}
		else if (i.targetGrowthPct() != null) {
			hint = text(locale, "economy.cockpit.target.growth", i.labels().get("target"));
			if (gap != null) {
				hint += text(locale,
						(i.gapPoints().signum() >= 0) ? "economy.cockpit.target.above" : "economy.cockpit.target.below",
						gap);
			}
		}
		return new CockpitTile.Figure(i.name(), shown[0], shown[1], hint, i.behind(), progress, marker, change,
				i.behind() ? text(locale, "economy.cockpit.behind") : null);
	}

	/**
	 * A value and its unit in the page's language, rounded as the reports write it: 万元
	 * from 1亿元 up as 亿元.
	 */
	private String[] valueAndUnit(String code, String unit, BigDecimal value, Locale locale) {
		if ("万元".equals(unit)) {
			String text = ReportNumbers.amount(value);
			if (text.endsWith("亿元")) {
				return new String[] { text.substring(0, text.length() - 2), text(locale, "economy.cockpit.unit.yi") };
			}
			return new String[] { text.substring(0, text.length() - 2), text(locale, "economy.cockpit.unit.wan") };
		}
		if ("家".equals(unit) || unit == null || unit.isEmpty()) {
			return new String[] { Long.toString(value.longValue()), text(locale, "economy.unit.new_above_scale") };
		}
		String number = ReportNumbers.quantity(value, "");
		return new String[] { number, text(locale, "economy.unit." + code) };
	}

	private CockpitTile.Chart trendChart(Trend t, Locale locale) {
		List<String> months = t.months()
			.stream()
			.map((m) -> Month.of(m).getDisplayName(TextStyle.SHORT, locale))
			.toList();
		String unit = text(locale, "economy.unit." + t.code());
		return CockpitTile.Chart.line("economy.trend", text(locale, "economy.cockpit.chart.trend", t.name(), unit),
				unit, months,
				List.of(amountSeries(text(locale, "economy.cockpit.series.thisYear"), t.thisYear(), false, locale),
						amountSeries(text(locale, "economy.cockpit.series.lastYear"), t.lastYear(), true, locale)));
	}

	private CockpitTile.Series amountSeries(String name, List<BigDecimal> values, boolean dashed, Locale locale) {
		List<BigDecimal> shown = values.stream().map((v) -> round(v, 2)).toList();
		List<String> labels = values.stream().map((v) -> {
			if (v == null) {
				return "";
			}
			String[] parts = valueAndUnit(TREND, "万元", v, locale);
			return parts[0] + parts[1];
		}).toList();
		return new CockpitTile.Series(name, shown, labels, null, dashed);
	}

	/** A series of percentages from their labels (each rounded once already). */
	private static CockpitTile.Series percentSeries(String name, List<String> labels) {
		return new CockpitTile.Series(name, labels.stream().map((l) -> (l != null) ? new BigDecimal(l) : null).toList(),
				labels.stream().map((l) -> (l != null) ? l + "%" : "").toList());
	}

	private CockpitTile.Chart groupChart(String code, String title, List<Group> groups, Locale locale) {
		List<Group> shown = groups.stream().filter((g) -> g.growthPct() != null).limit(GROUPS).toList();
		return CockpitTile.Chart.bars(code, title, "%", true, true, shown.stream().map(Group::name).toList(),
				List.of(new CockpitTile.Series(text(locale, "economy.cockpit.series.growth"),
						shown.stream().map(Group::growthPct).toList(),
						shown.stream().map(Group::growthLabel).toList())));
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}
