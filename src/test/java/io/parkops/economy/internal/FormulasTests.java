package io.parkops.economy.internal;

import java.math.BigDecimal;

import io.parkops.economy.Indicator;
import io.parkops.report.ReportNumbers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked examples of domain.md §3, each computed by the one formula the statistics
 * use.
 */
class FormulasTests {

	static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void sameSetGrowthUsesTheBaseOfThisPeriodsEnterprisesNotLastYearsPublishedTotal() {
		// Jan–May profit 27298.3亿 reported +16.5% although last year's published figure
		// was 29047.6亿: the same-set base was 27298.3 ÷ 1.165 ≈ 23432亿
		BigDecimal base = d("27298.3").divide(d("1.165"), 2, java.math.RoundingMode.HALF_UP);
		assertThat(base).isEqualByComparingTo("23432.02");
		assertThat(Formulas.round(Formulas.growthPct(d("27298.3"), base))).isEqualByComparingTo("16.50");
		assertThat(ReportNumbers.growth(Formulas.growthPct(d("27298.3"), base))).isEqualTo("增长16.5%");
		// against the published total it would have been a decline
		assertThat(Formulas.round(Formulas.growthPct(d("27298.3"), d("29047.6")))).isEqualByComparingTo("-6.02");
	}

	@Test
	void valueAddedGrowsAtComparablePrices() {
		// value added 110 vs 100 with a price index of 104: 110 ÷ 1.04 ÷ 100 − 1 = 5.8%,
		// not 10%
		assertThat(Formulas.round(Formulas.comparableGrowthPct(d("110"), d("100"), d("104"))))
			.isEqualByComparingTo("5.77");
		assertThat(ReportNumbers.growth(Formulas.comparableGrowthPct(d("110"), d("100"), d("104"))))
			.isEqualTo("增长5.8%");
		assertThat(Formulas.round(Formulas.growthPct(Indicator.VALUE_ADDED, d("110"), d("100"), d("104"))))
			.isEqualByComparingTo("5.77");
		// every other indicator grows at current prices
		assertThat(Formulas.round(Formulas.growthPct(Indicator.OUTPUT, d("110"), d("100"), d("104"))))
			.isEqualByComparingTo("10.00");
		// the default index of 100 changes nothing
		assertThat(Formulas.round(Formulas.comparableGrowthPct(d("110"), d("100"), d("100"))))
			.isEqualByComparingTo("10.00");
	}

	@Test
	void shareAndPullAndContributionOfAPart() {
		// whole 6341 vs 4888; part 3433 vs 2556 → pull 17.9 points, contribution 60.4%
		assertThat(Formulas.round(Formulas.pullPoints(d("3433"), d("2556"), d("4888")))).isEqualByComparingTo("17.94");
		assertThat(ReportNumbers.points(Formulas.pullPoints(d("3433"), d("2556"), d("4888")))).isEqualTo("17.9个百分点");
		assertThat(Formulas.round(Formulas.contributionPct(d("3433"), d("2556"), d("6341"), d("4888"))))
			.isEqualByComparingTo("60.36");
		assertThat(Formulas.round(Formulas.sharePct(d("3433"), d("6341")))).isEqualByComparingTo("54.14");
	}

	@Test
	void thePartsPullsAddUpToTheWholesGrowth() {
		BigDecimal pullA = Formulas.pullPoints(d("3433"), d("2556"), d("4888"));
		BigDecimal pullB = Formulas.pullPoints(d("2908"), d("2332"), d("4888"));
		// exact, the pulls add up to the growth; rounded on their own, 17.94 + 11.78 =
		// 29.72 against 29.73
		assertThat(pullA.add(pullB)).isCloseTo(Formulas.growthPct(d("6341"), d("4888")),
				org.assertj.core.data.Offset.offset(d("0.000000001")));
		assertThat(Formulas.round(pullA).add(Formulas.round(pullB))).isEqualByComparingTo("29.72");
		BigDecimal contributionA = Formulas.contributionPct(d("3433"), d("2556"), d("6341"), d("4888"));
		BigDecimal contributionB = Formulas.contributionPct(d("2908"), d("2332"), d("6341"), d("4888"));
		assertThat(Formulas.round(contributionA.add(contributionB))).isEqualByComparingTo("100.00");
	}

	@Test
	void amountTargetProgressAgainstTimeProgress() {
		// 1005136万 against an 80亿 target in Jan–Oct: 125.64%, time progress 83.33%,
		// +42.31 points
		assertThat(Formulas.round(Formulas.progressPct(d("1005136"), d("800000")))).isEqualByComparingTo("125.64");
		assertThat(Formulas.round(Formulas.timeProgressPct(10))).isEqualByComparingTo("83.33");
		assertThat(Formulas.round(Formulas.aheadPoints(d("1005136"), d("800000"), 10))).isEqualByComparingTo("42.31");
		// Jan–May at 50.9% is +9.2 points (5 ÷ 12 = 41.7%)
		assertThat(Formulas.round(Formulas.timeProgressPct(5))).isEqualByComparingTo("41.67");
		assertThat(ReportNumbers.points(Formulas.aheadPoints(d("50.9"), d("100"), 5))).isEqualTo("9.2个百分点");
		assertThat(Formulas.round(Formulas.timeProgressPct(4))).isEqualByComparingTo("33.33");
		assertThat(Formulas.round(Formulas.timeProgressPct(12))).isEqualByComparingTo("100.00");
	}

	@Test
	void growthTargetGapInPoints() {
		// a 25% target met by 19% growth is 6 points behind
		assertThat(Formulas.round(Formulas.gapPoints(d("19"), d("25")))).isEqualByComparingTo("-6.00");
		assertThat(Formulas.round(Formulas.gapPoints(d("16.60"), d("30.00")))).isEqualByComparingTo("-13.40");
		assertThat(Formulas.round(Formulas.gapPoints(null, d("25")))).isNull();
	}

	@Test
	void countTargetsWorkLikeAmountTargets() {
		// 新增规上企业 16 against 23 in Jan–Apr
		assertThat(Formulas.round(Formulas.progressPct(d("16"), d("23")))).isEqualByComparingTo("69.57");
		assertThat(Formulas.round(Formulas.aheadPoints(d("16"), d("23"), 4))).isEqualByComparingTo("36.23");
	}

	@Test
	void cumulativeSumsFlowsAndAveragesEmployees() {
		assertThat(Formulas.cumulative(Indicator.OUTPUT, d("300"), 3)).isEqualByComparingTo("300");
		assertThat(Formulas.cumulative(Indicator.EMPLOYEES, d("300"), 3)).isEqualByComparingTo("100");
		assertThat(Formulas.cumulative(Indicator.EMPLOYEES, d("301"), 2)).isEqualByComparingTo("150.5");
		assertThat(Formulas.cumulative(Indicator.OUTPUT, null, 0)).isEqualByComparingTo("0");
	}

	@Test
	void noGrowthWithoutAPositiveBase() {
		assertThat(Formulas.round(Formulas.growthPct(d("100"), BigDecimal.ZERO))).isNull();
		// a loss last year has no growth rate
		assertThat(Formulas.round(Formulas.growthPct(d("100"), d("-20")))).isNull();
		assertThat(Formulas.round(Formulas.sharePct(d("1"), BigDecimal.ZERO))).isNull();
		assertThat(Formulas.round(Formulas.contributionPct(d("5"), d("5"), d("10"), d("10")))).isNull();
		assertThat(Formulas.round(Formulas.growthPct(d("90"), d("100")))).isEqualByComparingTo("-10.00");
	}

	@Test
	void aFigureIsRoundedOnceFromItsExactValue() {
		// growth of exactly 16.449 %: 16.45 in the API, 增长16.4% in a report, never 16.45
		// rounded again to 16.5
		BigDecimal growth = Formulas.growthPct(d("1164.49"), d("1000"));
		assertThat(growth).isEqualByComparingTo("16.449");
		assertThat(Formulas.round(growth)).isEqualByComparingTo("16.45");
		assertThat(ReportNumbers.growth(growth)).isEqualTo("增长16.4%");
		assertThat(ReportNumbers.growth(Formulas.round(growth))).isEqualTo("增长16.5%");
	}

	@Test
	void resultsAreRoundedHalfUpToTwoDecimals() {
		assertThat(Formulas.round(Formulas.growthPct(d("1.00125"), d("1")))).isEqualByComparingTo("0.13");
		assertThat(Formulas.round(d("2.345"))).isEqualByComparingTo("2.35");
		assertThat(Formulas.round(d("-2.345"))).isEqualByComparingTo("-2.35");
	}

}
