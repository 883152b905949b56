package io.parkops.safety;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 整改完成率 = accepted ÷ found × 100, two decimals half-up (domain.md §5).
 */
class RectificationRateTests {

	@Test
	void domainWorkedExampleOf72MajorHazardsFixedOf182Is39Point56() {
		assertThat(RectificationRate.of(72, 182)).isEqualByComparingTo("39.56");
		assertThat(RectificationRate.of(72, 182).scale()).isEqualTo(2);
	}

	@Test
	void referenceReportOf50RectifiedOf63Is79Point37() {
		assertThat(RectificationRate.of(50, 63)).isEqualTo(new BigDecimal("79.37"));
	}

	@Test
	void roundsHalfUpToTwoDecimals() {
		assertThat(RectificationRate.of(1, 3)).isEqualTo(new BigDecimal("33.33"));
		assertThat(RectificationRate.of(2, 3)).isEqualTo(new BigDecimal("66.67"));
		// 1 ÷ 1600 × 100 = 0.0625 → 0.06; 1 ÷ 800 × 100 = 0.125 → 0.13 (half up)
		assertThat(RectificationRate.of(1, 1600)).isEqualTo(new BigDecimal("0.06"));
		assertThat(RectificationRate.of(1, 800)).isEqualTo(new BigDecimal("0.13"));
		assertThat(RectificationRate.of(5, 5)).isEqualTo(new BigDecimal("100.00"));
	}

	@Test
	void noRateWhenNothingWasFound() {
		assertThat(RectificationRate.of(0, 0)).isNull();
	}

}
