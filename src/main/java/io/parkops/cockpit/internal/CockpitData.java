package io.parkops.cockpit.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.parkops.cockpit.CockpitTile;

/**
 * What the cockpit shows for a zone: the economy's headline indicators of the latest
 * month with data, trend lines and growth by industry and area, and the hazards. A part
 * is null when the user may not read that work line or it has no data.
 *
 * @param zone the zone code
 * @param zoneName the zone's name
 * @param asOf today, for event counts
 * @param economy the economic figures
 * @param safety the safety figures
 * @param tiles the other work lines' tiles the user may read, in their order
 */
public record CockpitData(String zone, String zoneName, LocalDate asOf, Economy economy, Safety safety,
		List<CockpitTile> tiles) {

	/**
	 * The economy at a glance: the cumulative figures of months 1–{@code month}.
	 *
	 * @param year the year
	 * @param month the latest month with data
	 * @param timeProgressPct 时序进度
	 * @param indicators the headline indicators
	 * @param trend this year against last year, month by month
	 * @param byIndustry growth of output by industry division
	 * @param byArea growth of output by area
	 * @param expected the enterprises of the month's set
	 * @param reported how many of them reported the month
	 * @param preliminary whether fewer than all reported it (初步数据)
	 */
	public record Economy(int year, int month, BigDecimal timeProgressPct, List<Indicator> indicators, Trend trend,
			List<Group> byIndustry, List<Group> byArea, int expected, int reported, boolean preliminary) {
	}

	/**
	 * A headline indicator with its growth and target progress.
	 *
	 * @param code the indicator
	 * @param name its name
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
	public record Indicator(String code, String name, String unit, BigDecimal current, String text,
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

	/**
	 * Hazards: found this year and, of them, accepted; open and overdue today; month by
	 * month.
	 */
	public record Safety(int year, long found, long accepted, BigDecimal ratePct, long open, long overdue,
			List<Integer> months, List<Long> foundByMonth, List<Long> acceptedByMonth, List<Long> overdueByMonth) {
	}

}
