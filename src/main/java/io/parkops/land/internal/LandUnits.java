package io.parkops.land.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The units of land (domain.md §7): 1亩 = 10000/15 m², 1公顷 = 15亩, 1平方公里 = 1500亩. Each
 * conversion is exact and rounded once, half up, at the scale it is shown with.
 */
public final class LandUnits {

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10000);

	private static final BigDecimal FIFTEEN = BigDecimal.valueOf(15);

	private static final BigDecimal MU_PER_KM2 = BigDecimal.valueOf(1500);

	private LandUnits() {
	}

	/** 亩 → m², two decimals. */
	public static BigDecimal squareMetres(BigDecimal mu) {
		return mu.multiply(TEN_THOUSAND).divide(FIFTEEN, 2, RoundingMode.HALF_UP);
	}

	/** 亩 → 公顷, four decimals. */
	public static BigDecimal hectares(BigDecimal mu) {
		return mu.divide(FIFTEEN, 4, RoundingMode.HALF_UP);
	}

	/** 亩 → 平方公里, four decimals. */
	public static BigDecimal squareKilometres(BigDecimal mu) {
		return mu.divide(MU_PER_KM2, 4, RoundingMode.HALF_UP);
	}

	/** m² → 亩, four decimals. */
	public static BigDecimal muOfSquareMetres(BigDecimal m2) {
		return m2.multiply(FIFTEEN).divide(TEN_THOUSAND, 4, RoundingMode.HALF_UP);
	}

	/** 公顷 → 亩 (exact). */
	public static BigDecimal muOfHectares(BigDecimal hectares) {
		return hectares.multiply(FIFTEEN);
	}

	/** 亩 as reports and the API show them: two decimals, half up. */
	public static BigDecimal mu(BigDecimal mu) {
		return ((mu != null) ? mu : BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
	}

}
