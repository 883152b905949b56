package io.parkops.economy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/v1/economy/summary}: the 1–{@code month} cumulative
 * figures of the 规上 set valid in that month, their same-set growth and the progress
 * against the year's targets.
 * <p>
 * The engine gives every figure exact; a figure is rounded once, half up, where it is
 * shown: {@link #rounded()} gives the API's and the pages' two decimals, the work report
 * and the cockpit round the exact values to their own precision (growth to one decimal).
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
 * @param reporting how complete the last month is: the set's enterprises, how many of
 * them reported month {@code month}, and their share in percent
 * @param preliminary whether fewer than all of the set reported the last month (初步数据)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EconomySummary(String zone, int year, int month, BigDecimal timeProgressPct, int enterpriseCount,
		int newAboveScale, int exitedAboveScale, int enterprisesWithoutBase, List<IndicatorFigure> indicators,
		List<ZoneFigure> zoneFigures, List<Group> groups, Reporting reporting, boolean preliminary) {

	/** How complete a month is: expected and reported enterprises, and the share. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Reporting(int expected, int reported, BigDecimal pct) {

		/** The completeness of {@code reported} of {@code expected}. */
		public static Reporting of(int expected, int reported) {
			BigDecimal pct = (expected > 0)
					? BigDecimal.valueOf(reported * 100L).divide(BigDecimal.valueOf(expected), 12, RoundingMode.HALF_UP)
					: null;
			return new Reporting(expected, reported, pct);
		}

		Reporting rounded() {
			return new Reporting(this.expected, this.reported, round(this.pct));
		}

	}

	/**
	 * This summary with every figure rounded half up to two decimals, as the API shows
	 * it.
	 */
	public EconomySummary rounded() {
		return new EconomySummary(this.zone, this.year, this.month, round(this.timeProgressPct), this.enterpriseCount,
				this.newAboveScale, this.exitedAboveScale, this.enterprisesWithoutBase,
				this.indicators.stream().map(IndicatorFigure::rounded).toList(),
				this.zoneFigures.stream().map(ZoneFigure::rounded).toList(),
				this.groups.stream().map(Group::rounded).toList(),
				(this.reporting != null) ? this.reporting.rounded() : null, this.preliminary);
	}

	static BigDecimal round(BigDecimal value) {
		return (value != null) ? value.setScale(2, RoundingMode.HALF_UP) : null;
	}

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

		IndicatorFigure rounded() {
			BigDecimal count = NEW_ABOVE_SCALE.equals(this.code) ? this.current : round(this.current);
			return new IndicatorFigure(this.code, this.unit, count, round(this.base), round(this.growthPct),
					(this.target != null) ? this.target.rounded() : null);
		}

	}

	/** One zone-level figure, treated like an indicator. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ZoneFigure(String code, String unit, BigDecimal current, BigDecimal base, BigDecimal growthPct,
			Target target) {

		ZoneFigure rounded() {
			return new ZoneFigure(this.code, this.unit, round(this.current), round(this.base), round(this.growthPct),
					(this.target != null) ? this.target.rounded() : null);
		}

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

		Target rounded() {
			return new Target(this.kind, round(this.growthPct), round(this.gapPoints), round(this.amount), this.count,
					round(this.progressPct), round(this.aheadPoints));
		}

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

		Group rounded() {
			return new Group(this.key, this.name, this.enterpriseCount,
					this.indicators.stream().map(GroupIndicator::rounded).toList());
		}

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

		GroupIndicator rounded() {
			return new GroupIndicator(this.code, round(this.current), round(this.base), round(this.growthPct),
					round(this.sharePct), round(this.pullPoints), round(this.contributionPct));
		}

	}

}
