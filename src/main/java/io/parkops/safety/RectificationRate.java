package io.parkops.safety;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 整改完成率 (domain.md §5): hazards accepted ÷ hazards found × 100, two decimals rounded half
 * up; no rate when nothing was found. 72 of 182 → 39.56.
 */
public final class RectificationRate {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private RectificationRate() {
	}

	public static BigDecimal of(long accepted, long found) {
		if (found <= 0) {
			return null;
		}
		return BigDecimal.valueOf(accepted)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(found), 2, RoundingMode.HALF_UP);
	}

}
