package io.parkops.party;

import java.math.BigDecimal;

import io.parkops.party.internal.Rates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rates of party building: two decimals, half up, from exact counts (domain.md §8).
 */
class PartyRatesTests {

	@Test
	void domainExampleOf1948CoveredOf5117Is3807() {
		assertThat(Rates.pct(1948, 5117)).isEqualByComparingTo(new BigDecimal("38.07"));
		assertThat(Rates.pct(1948, 5117).scale()).isEqualTo(2);
	}

	@Test
	void referenceReportFiguresOf145Enterprises() {
		// 37 own + 36 joint of 145 → 50.34%; own 37 → 25.52%
		assertThat(Rates.pct(73, 145)).isEqualByComparingTo(new BigDecimal("50.34"));
		assertThat(Rates.pct(37, 145)).isEqualByComparingTo(new BigDecimal("25.52"));
	}

	@Test
	void halfUpOnceAndNoRateWithoutEnterprises() {
		assertThat(Rates.pct(1, 8)).isEqualByComparingTo(new BigDecimal("12.50"));
		assertThat(Rates.pct(1, 3)).isEqualByComparingTo(new BigDecimal("33.33"));
		assertThat(Rates.pct(2, 3)).isEqualByComparingTo(new BigDecimal("66.67"));
		assertThat(Rates.pct(1, 200000)).isEqualByComparingTo(new BigDecimal("0.00"));
		assertThat(Rates.pct(0, 0)).isNull();
	}

}
