package io.parkops.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes numbers the way the reports do (domain.md §3): amounts of 1亿元 and more in 亿元
 * with two decimals, smaller ones in 万元; growth with one decimal and 增长/下降; rates with
 * two decimals; counts as integers with their measure word.
 */
public final class ReportNumbers {

	private static final BigDecimal YI = new BigDecimal("10000");

	private ReportNumbers() {
	}

	/**
	 * An amount given in 万元: {@code 557100 → 55.71亿元}, {@code 8000 → 8000万元},
	 * {@code 12.345 → 12.35万元}. The unit is chosen after rounding, so
	 * {@code 9999.996 → 1.00亿元}; a negative amount keeps its sign ({@code -15000 →
	 * -1.50亿元}).
	 */
	public static String amount(BigDecimal wan) {
		BigDecimal rounded = wan.setScale(2, RoundingMode.HALF_UP);
		if (rounded.abs().compareTo(YI) >= 0) {
			return wan.divide(YI, 2, RoundingMode.HALF_UP).toPlainString() + "亿元";
		}
		return plain(rounded) + "万元";
	}

	/**
	 * An amount in another unit (万千瓦时, 万美元, 亩): at most two decimals, trailing zeros
	 * dropped: {@code (5400.50, "万千瓦时") → 5400.5万千瓦时}.
	 */
	public static String quantity(BigDecimal value, String unit) {
		return plain(value.setScale(2, RoundingMode.HALF_UP)) + unit;
	}

	/**
	 * A growth rate in percent: {@code 15.06 → 增长15.1%}, {@code -3.24 → 下降3.2%},
	 * {@code 0.04 → 持平}.
	 */
	public static String growth(BigDecimal pct) {
		BigDecimal rounded = pct.setScale(1, RoundingMode.HALF_UP);
		if (rounded.signum() == 0) {
			return "持平";
		}
		return ((rounded.signum() > 0) ? "增长" : "下降") + rounded.abs().toPlainString() + "%";
	}

	/** The figure part of a growth rate, without the word: {@code -3.24 → 3.2%}. */
	public static String growthFigure(BigDecimal pct) {
		return pct.setScale(1, RoundingMode.HALF_UP).abs().toPlainString() + "%";
	}

	/**
	 * A rate such as 整改完成率 or 完成全年目标 in percent: {@code 39.5604 → 39.56%},
	 * {@code 100 → 100.00%}.
	 */
	public static String rate(BigDecimal pct) {
		return pct.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	/**
	 * A difference of growth rates in 百分点, one decimal, without its sign (the sentence
	 * says 高于/低于): {@code -6 → 6.0个百分点}.
	 */
	public static String points(BigDecimal points) {
		return points.setScale(1, RoundingMode.HALF_UP).abs().toPlainString() + "个百分点";
	}

	/**
	 * A difference of rates (progress against 时序进度) in 百分点, two decimals, without its
	 * sign: {@code 42.306 → 42.31个百分点}.
	 */
	public static String ratePoints(BigDecimal points) {
		return points.setScale(2, RoundingMode.HALF_UP).abs().toPlainString() + "个百分点";
	}

	/**
	 * A difference in 百分点 as a bare number, one decimal, without sign or unit, for lists
	 * that write the unit once ("分别落后7.9、13.1个百分点"): {@code -7.94 → 7.9}.
	 */
	public static String pointsNumber(BigDecimal points) {
		return points.setScale(1, RoundingMode.HALF_UP).abs().toPlainString();
	}

	/**
	 * A target or threshold percentage as the reports state it, one decimal at most and
	 * written the same way everywhere: {@code 15 → 15%}, {@code 15.0 → 15%},
	 * {@code 12.46 → 12.5%}.
	 */
	public static String percent(BigDecimal pct) {
		return plain(pct.setScale(1, RoundingMode.HALF_UP)) + "%";
	}

	/** A count with its measure word: {@code (12, "个") → 12个}. */
	public static String count(long n, String measure) {
		return n + measure;
	}

	private static String plain(BigDecimal rounded) {
		BigDecimal stripped = rounded.stripTrailingZeros();
		if (stripped.scale() < 0) {
			stripped = stripped.setScale(0);
		}
		return stripped.toPlainString();
	}

}
