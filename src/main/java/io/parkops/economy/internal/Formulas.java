package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.parkops.economy.Indicator;

/**
 * Every formula of economic statistics (domain.md §3), in one place. Inputs and results
 * are exact (twelve decimals inside a division): a figure is rounded once, half up, where
 * it is shown ({@link #round} for the API's two decimals, the report's own precision in
 * its text). A division by zero gives null (no growth without a base, no share of
 * nothing).
 */
public final class Formulas {

	static final BigDecimal HUNDRED = new BigDecimal("100");

	static final BigDecimal TWELVE = new BigDecimal("12");

	/** Decimals kept inside a calculation before the final rounding. */
	private static final int WORK_SCALE = 12;

	private Formulas() {
	}

	/** Rounds half-up to two decimals, as the API shows figures; null stays null. */
	public static BigDecimal round(BigDecimal value) {
		return round(value, 2);
	}

	/** Rounds half-up to the given decimals; null stays null. */
	public static BigDecimal round(BigDecimal value, int decimals) {
		return (value != null) ? value.setScale(decimals, RoundingMode.HALF_UP) : null;
	}

	/**
	 * The 1–N cumulative of an indicator from the sum of the months that have a value and
	 * their number: the sum for flow indicators, the average for 从业人员平均人数.
	 */
	public static BigDecimal cumulative(Indicator indicator, BigDecimal sumOfMonths, int monthsWithValue) {
		if (sumOfMonths == null || monthsWithValue == 0) {
			return BigDecimal.ZERO;
		}
		if (indicator.averaged()) {
			return sumOfMonths.divide(BigDecimal.valueOf(monthsWithValue), WORK_SCALE, RoundingMode.HALF_UP);
		}
		return sumOfMonths;
	}

	/**
	 * 同比增长 (%) = (current ÷ base − 1) × 100; null when the base is 0 or negative (a loss
	 * last year has no growth rate).
	 */
	public static BigDecimal growthPct(BigDecimal current, BigDecimal base) {
		return rawGrowth(current, base);
	}

	/**
	 * Growth at comparable prices: the current value is first deflated by the year's
	 * price index (previous year = 100). Value added 110 against 100 with an index of 104
	 * grows 5.77%, not 10%.
	 */
	public static BigDecimal comparableGrowthPct(BigDecimal current, BigDecimal base, BigDecimal priceIndex) {
		return rawGrowth(deflate(current, priceIndex), base);
	}

	/** The growth of an indicator, deflated when it grows at comparable prices. */
	public static BigDecimal growthPct(Indicator indicator, BigDecimal current, BigDecimal base,
			BigDecimal priceIndex) {
		return indicator.comparablePrices() ? comparableGrowthPct(current, base, priceIndex) : growthPct(current, base);
	}

	/** The current value at the base year's prices: {@code current ÷ (index ÷ 100)}. */
	public static BigDecimal deflate(BigDecimal current, BigDecimal priceIndex) {
		if (current == null || priceIndex == null || priceIndex.signum() <= 0) {
			return current;
		}
		return current.multiply(HUNDRED).divide(priceIndex, WORK_SCALE, RoundingMode.HALF_UP);
	}

	/** 占比 (%) = part ÷ whole × 100; null when the whole is 0. */
	public static BigDecimal sharePct(BigDecimal part, BigDecimal whole) {
		return percent(part, whole);
	}

	/**
	 * 拉动 (百分点) = (part current − part base) ÷ whole base × 100. The parts' pulls add up
	 * to the whole's growth.
	 */
	public static BigDecimal pullPoints(BigDecimal partCurrent, BigDecimal partBase, BigDecimal wholeBase) {
		return percent(partCurrent.subtract(partBase), wholeBase);
	}

	/**
	 * 贡献率 (%) = part increase ÷ whole increase × 100; null when the whole did not change.
	 */
	public static BigDecimal contributionPct(BigDecimal partCurrent, BigDecimal partBase, BigDecimal wholeCurrent,
			BigDecimal wholeBase) {
		return percent(partCurrent.subtract(partBase), wholeCurrent.subtract(wholeBase));
	}

	/** 时序进度 (%) = N ÷ 12 × 100 for months 1–N. */
	public static BigDecimal timeProgressPct(int month) {
		return rawTimeProgress(month);
	}

	/** 完成全年目标 (%) = year-to-date actual ÷ annual target × 100. */
	public static BigDecimal progressPct(BigDecimal actual, BigDecimal annualTarget) {
		return percent(actual, annualTarget);
	}

	/**
	 * 超/欠进度 (百分点) = progress − time progress, both unrounded: 1005136万 against 80亿 in
	 * Jan–Oct is 125.64% against 83.33%, +42.31 points.
	 */
	public static BigDecimal aheadPoints(BigDecimal actual, BigDecimal annualTarget, int month) {
		BigDecimal progress = percent(actual, annualTarget);
		return (progress != null) ? progress.subtract(rawTimeProgress(month)) : null;
	}

	/** Growth target gap (百分点) = actual growth − target growth; 19% against 25% is −6. */
	public static BigDecimal gapPoints(BigDecimal actualGrowthPct, BigDecimal targetGrowthPct) {
		if (actualGrowthPct == null || targetGrowthPct == null) {
			return null;
		}
		return actualGrowthPct.subtract(targetGrowthPct);
	}

	private static BigDecimal rawGrowth(BigDecimal current, BigDecimal base) {
		if (current == null || base == null || base.signum() <= 0) {
			return null;
		}
		return current.divide(base, WORK_SCALE, RoundingMode.HALF_UP).subtract(BigDecimal.ONE).multiply(HUNDRED);
	}

	private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		if (part == null || whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(HUNDRED).divide(whole, WORK_SCALE, RoundingMode.HALF_UP);
	}

	private static BigDecimal rawTimeProgress(int month) {
		return BigDecimal.valueOf(month).multiply(HUNDRED).divide(TWELVE, WORK_SCALE, RoundingMode.HALF_UP);
	}

}
