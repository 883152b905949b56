package io.parkops.report;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The number rules of domain.md §3, with the figures of the reference reports.
 */
class ReportNumbersTests {

	static BigDecimal d(String s) {
		return new BigDecimal(s);
	}

	@Test
	void amountsOfOneYiAndMoreAreWrittenInYiWithTwoDecimals() {
		assertThat(ReportNumbers.amount(d("557100"))).isEqualTo("55.71亿元");
		assertThat(ReportNumbers.amount(d("42800"))).isEqualTo("4.28亿元");
		assertThat(ReportNumbers.amount(d("10000"))).isEqualTo("1.00亿元");
		assertThat(ReportNumbers.amount(d("1005136"))).isEqualTo("100.51亿元");
		assertThat(ReportNumbers.amount(d("-15000"))).isEqualTo("-1.50亿元");
	}

	@Test
	void smallerAmountsStayInWanAndTheUnitIsChosenAfterRounding() {
		assertThat(ReportNumbers.amount(d("8000"))).isEqualTo("8000万元");
		assertThat(ReportNumbers.amount(d("9999.99"))).isEqualTo("9999.99万元");
		assertThat(ReportNumbers.amount(d("9999.996"))).isEqualTo("1.00亿元");
		assertThat(ReportNumbers.amount(d("87.4"))).isEqualTo("87.4万元");
		assertThat(ReportNumbers.amount(d("12.345"))).isEqualTo("12.35万元");
		assertThat(ReportNumbers.amount(d("0"))).isEqualTo("0万元");
	}

	@Test
	void growthHasOneDecimalAndASignWord() {
		assertThat(ReportNumbers.growth(d("15.06"))).isEqualTo("增长15.1%");
		assertThat(ReportNumbers.growth(d("16.5"))).isEqualTo("增长16.5%");
		assertThat(ReportNumbers.growth(d("-3.24"))).isEqualTo("下降3.2%");
		assertThat(ReportNumbers.growth(d("-0.04"))).isEqualTo("持平");
		assertThat(ReportNumbers.growth(d("0.05"))).isEqualTo("增长0.1%");
		assertThat(ReportNumbers.growthFigure(d("-3.25"))).isEqualTo("3.3%");
	}

	@Test
	void ratesHaveTwoDecimals() {
		// 50 accepted of 63 found: 79.37% (上X工业园 2022); 72 of 182: 39.56% (domain.md §5)
		assertThat(ReportNumbers.rate(d("5000").divide(d("63"), 6, java.math.RoundingMode.HALF_UP)))
			.isEqualTo("79.37%");
		assertThat(ReportNumbers.rate(d("39.5604"))).isEqualTo("39.56%");
		assertThat(ReportNumbers.rate(d("100"))).isEqualTo("100.00%");
	}

	@Test
	void pointsOfGrowthHaveOneDecimalAndPointsOfProgressTwo() {
		// a 25% target met by 19% growth is 6 points behind
		assertThat(ReportNumbers.points(d("19").subtract(d("25")))).isEqualTo("6.0个百分点");
		// 125.64% against 83.33% time progress
		assertThat(ReportNumbers.ratePoints(d("125.64").subtract(d("83.33")))).isEqualTo("42.31个百分点");
	}

	@Test
	void countsAreIntegersWithTheirMeasureWord() {
		assertThat(ReportNumbers.count(5, "家")).isEqualTo("5家");
		assertThat(ReportNumbers.count(63, "个")).isEqualTo("63个");
		assertThat(ReportNumbers.count(7, "起")).isEqualTo("7起");
		assertThat(ReportNumbers.count(40, "批次")).isEqualTo("40批次");
		assertThat(ReportNumbers.quantity(d("5400.50"), "万千瓦时")).isEqualTo("5400.5万千瓦时");
	}

}
