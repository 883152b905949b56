package io.parkops.platform;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures on pages are rounded once, half up, from their exact value (domain.md §3,
 * "Writing numbers the way the reports do").
 */
class NumbersTests {

	private final Numbers num = new Numbers();

	@Test
	void roundsHalfUpOnceWithThousandsSeparators() {
		assertThat(this.num.format(new BigDecimal("16.45"), 1)).isEqualTo("16.5");
		assertThat(this.num.format(new BigDecimal("16.449"), 1)).isEqualTo("16.4");
		assertThat(this.num.format(new BigDecimal("1234567.125"), 2)).isEqualTo("1,234,567.13");
		assertThat(this.num.format(new BigDecimal("-0.125"), 2)).isEqualTo("-0.13");
		assertThat(this.num.format(null, 2)).isNull();
		assertThat(this.num.whole(new BigDecimal("46366.5"))).isEqualTo("46,367");
		assertThat(this.num.whole(4L)).isEqualTo("4");
		assertThat(this.num.plain(new BigDecimal("1115.705"), 2)).isEqualTo("1115.71");
		assertThat(this.num.plain(new BigDecimal("0.00005"), 4)).isEqualTo("0.0001");
	}

	@Test
	void growthHasOneDecimalAndOneSign() {
		// domain.md: exactly 16.449% is 增长16.4%, never 16.45 rounded again to 16.5
		assertThat(this.num.growth(new BigDecimal("16.449"))).isEqualTo("▲16.4%");
		assertThat(this.num.growth(new BigDecimal("10.2"))).isEqualTo("▲10.2%");
		assertThat(this.num.growth(new BigDecimal("-3.35"))).isEqualTo("▼3.4%");
		assertThat(this.num.growth(new BigDecimal("0.04"))).isEqualTo("0.0%");
		assertThat(this.num.growth(new BigDecimal("-0.04"))).isEqualTo("0.0%");
		assertThat(this.num.trend(new BigDecimal("-0.04"))).isEmpty();
		assertThat(this.num.trend(new BigDecimal("-0.05"))).isEqualTo("down");
		assertThat(this.num.growth(null)).isNull();
	}

}
