package io.parkops.economy;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/v1/economy/summary}: the 1–{@code month} cumulative
 * figures of the 规上 set valid in that month, their same-set growth and the progress
 * against the year's targets. All percentages and points are rounded half-up to two
 * decimals.
 *
 * @param zone the zone code
 * @param year the year
 * @param month the last month of the cumulative period (1–12)
 * @param timeProgressPct 时序进度, {@code month ÷ 12 × 100}
 * @param enterpriseCount enterprises in the set (after the area or industry filter)
 * @param newAboveScale 入规 in months 1–{@code month} of the year
 * @param exitedAboveScale 退规 in months 1–{@code month} of the year
 * @param enterprisesWithoutBase enterprises of the set with no prior-year figure at all
 * (neither a stored prior-year month nor a reported 上年同期), counted with a base of 0
 * @param indicators one entry per indicator, plus {@code new_above_scale} when it has a
 * count target
 * @param zoneFigures the zone-level figures (一般公共预算收入, 固定资产投资, 技改投资)
 * @param groups one entry per industry division or area when grouped, else empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EconomySummary(String zone, int year, int month, BigDecimal timeProgressPct, int enterpriseCount,
		int newAboveScale, int exitedAboveScale, int enterprisesWithoutBase, List<IndicatorFigure> indicators,
		List<ZoneFigure> zoneFigures, List<Group> groups) {

	/** The code of the count indicator 新增规上企业 (entries into the 规上 set in the year). */
	public static final String NEW_ABOVE_SCALE = "new_above_scale";

	/** The indicator with this code, if listed. */
	public java.util.Optional<IndicatorFigure> indicator(String code) {
		return this.indicators.stream().filter((i) -> i.code().equals(code)).findFirst();
	}

	/** The zone figure with this code, if listed. */
	public java.util.Optional<ZoneFigure> zoneFigure(String code) {
		return this.zoneFigures.stream().filter((i) -> i.code().equals(code)).findFirst();
	}

	/**
	 * One indicator of the set: {@code current} is the 1–N cumulative (average for
	 * employees), {@code base} the same enterprises' prior-year 1–N cumulative,
	 * {@code growthPct} null when the base is 0.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record IndicatorFigure(String code, String unit, BigDecimal current, BigDecimal base, BigDecimal growthPct,
			Target target) {
	}

	/** One zone-level figure, treated like an indicator. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ZoneFigure(String code, String unit, BigDecimal current, BigDecimal base, BigDecimal growthPct,
			Target target) {
	}

	/**
	 * A target and the progress against it. {@code kind} is {@code growth} (with
	 * {@code growthPct} and {@code gapPoints} = actual growth − target growth),
	 * {@code amount} or {@code count} (with {@code progressPct} = actual ÷ target × 100
	 * and {@code aheadPoints} = progress − time progress).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Target(String kind, BigDecimal growthPct, BigDecimal gapPoints, BigDecimal amount, Long count,
			BigDecimal progressPct, BigDecimal aheadPoints) {

		public static final String GROWTH = "growth";

		public static final String AMOUNT = "amount";

		public static final String COUNT = "count";

		/** Whether the indicator is behind: below its growth target or behind time. */
		public boolean behind() {
			BigDecimal gap = GROWTH.equals(this.kind) ? this.gapPoints : this.aheadPoints;
			return gap != null && gap.signum() < 0;
		}

	}

	/**
	 * One group (an industry division, an area or an industry chain) with its part of
	 * each indicator.
	 */
	public record Group(String key, String name, int enterpriseCount, List<GroupIndicator> indicators) {

		public java.util.Optional<GroupIndicator> indicator(String code) {
			return this.indicators.stream().filter((i) -> i.code().equals(code)).findFirst();
		}

	}

	/**
	 * A group's part of an indicator: its growth, 占比 (share of the whole's current), 拉动
	 * (pull, points of the whole's growth) and 贡献率 (share of the whole's increase).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record GroupIndicator(String code, BigDecimal current, BigDecimal base, BigDecimal growthPct,
			BigDecimal sharePct, BigDecimal pullPoints, BigDecimal contributionPct) {
	}

}
