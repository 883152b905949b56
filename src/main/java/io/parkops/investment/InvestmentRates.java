package io.parkops.investment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rates over the projects signed in a period, as of its end (domain.md §4): 履约率 =
 * projects not 终止 ÷ signed, 开工率 = started ÷ signed, 资金到位率 = funds in place ÷ 合同引资额. Each
 * is exact here and rounded once where it is shown: two decimals in the API, one in a
 * report's text.
 *
 * @param signed projects signed in the period
 * @param keeping of them, not cancelled by the period's end
 * @param started of them, started by the period's end
 * @param fundsInPlace funds in place in them by the period's end (万元)
 * @param contracted their 合同引资额 (万元)
 */
public record InvestmentRates(long signed, long keeping, long started, BigDecimal fundsInPlace, BigDecimal contracted) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** 履约率 (%), exact; null when nothing was signed. */
	public BigDecimal performancePct() {
		return ratio(BigDecimal.valueOf(this.keeping), BigDecimal.valueOf(this.signed));
	}

	/** 开工率 (%), exact; null when nothing was signed. */
	public BigDecimal startPct() {
		return ratio(BigDecimal.valueOf(this.started), BigDecimal.valueOf(this.signed));
	}

	/** 资金到位率 (%), exact; null when nothing was contracted. */
	public BigDecimal fundsPct() {
		return ratio(this.fundsInPlace, this.contracted);
	}

	/** A percentage as the API answers it: two decimals, half up; null stays null. */
	public static BigDecimal api(BigDecimal exact) {
		return (exact != null) ? exact.setScale(2, RoundingMode.HALF_UP) : null;
	}

	/**
	 * A percentage as a report's text writes it: one decimal, half up ({@code 98.8%}).
	 */
	public static String text(BigDecimal exact) {
		return exact.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	/** The three rates as the reports list them: {@code 98.8%、89.9%、34.4%}. */
	public String text() {
		return text(performancePct()) + "、" + text(startPct()) + "、" + text(fundsPct());
	}

	/** part ÷ whole × 100 to 10 decimals, or null when the whole is zero. */
	public static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
		if (whole == null || whole.signum() == 0 || part == null) {
			return null;
		}
		return part.multiply(HUNDRED).divide(whole, 10, RoundingMode.HALF_UP);
	}

}
