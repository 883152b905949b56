package io.parkops.party.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rates of party building: a share in percent, two decimals, rounded once, half up.
 */
public final class Rates {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Rates() {
	}

	/** {@code part ÷ whole × 100}, two decimals half up; null when the whole is zero. */
	public static BigDecimal pct(long part, long whole) {
		if (whole <= 0) {
			return null;
		}
		return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
	}

}
