package io.parkops.land.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-mu score with domain.md §7's weights and benchmarks, the per-item cap, the
 * class cuts and ties, not-graded enterprises and what it takes to reach the next class.
 */
class PerMuScoringTests {

	private static final PerMuScheme DEFAULTS = PerMuScheme.defaults();

	/** A 规上 enterprise on 100 亩 at the given multiples of every benchmark. */
	private static PerMuScoring.Subject above(String code, double multiple) {
		BigDecimal m = BigDecimal.valueOf(multiple);
		BigDecimal land = new BigDecimal("100");
		BigDecimal tax = new BigDecimal("24.097").multiply(land).multiply(m);
		BigDecimal valueAdded = new BigDecimal("136.16").multiply(land).multiply(m);
		// value added ÷ energy = 2.694 × m ⇒ energy = valueAdded ÷ (2.694 m)
		BigDecimal energy = new BigDecimal("136.16").multiply(land).divide(new BigDecimal("2.694"), PerMuScoring.MC);
		BigDecimal emissions = new BigDecimal("136.16").multiply(land)
			.divide(new BigDecimal("4929.81"), PerMuScoring.MC);
		BigDecimal employees = new BigDecimal("136.16").multiply(land).divide(new BigDecimal("18.14"), PerMuScoring.MC);
		BigDecimal revenue = new BigDecimal("100000");
		BigDecimal rd = new BigDecimal("0.0302").multiply(revenue).multiply(m);
		return new PerMuScoring.Subject(code, code, true, true, land, tax, valueAdded, revenue, null, energy, emissions,
				employees, rd);
	}

	private static PerMuScoring.Subject taxOnly(String code, String taxPerMu) {
		return new PerMuScoring.Subject(code, code, true, true, BigDecimal.TEN,
				new BigDecimal(taxPerMu).multiply(BigDecimal.TEN), null, null, null, null, null, null, null);
	}

	private static PerMuScoring.ItemScore item(PerMuScoring.Result r, String code) {
		return r.items().stream().filter((i) -> i.code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void anEnterpriseAtTheBenchmarksScoresTheWeights() {
		PerMuScoring.Result r = PerMuScoring.evaluate(DEFAULTS, List.of(above("X", 1))).get(0);
		assertThat(item(r, "tax_per_mu").points()).isEqualByComparingTo("30.00");
		assertThat(item(r, "value_added_per_mu").points()).isEqualByComparingTo("20.00");
		assertThat(item(r, "value_added_per_energy").points()).isEqualByComparingTo("20.00");
		assertThat(item(r, "value_added_per_emission").points()).isEqualByComparingTo("10.00");
		assertThat(item(r, "labour_productivity").points()).isEqualByComparingTo("10.00");
		assertThat(item(r, "rd_intensity").points()).isEqualByComparingTo("10.00");
		assertThat(r.score()).isEqualByComparingTo("100.00");
		assertThat(item(r, "tax_per_mu").value()).isEqualByComparingTo("24.0970");
		assertThat(item(r, "tax_per_mu").benchmark()).isEqualByComparingTo("24.097");
	}

	@Test
	void oneAndAHalfTimesTheTaxBenchmarkEarns45PointsAndTheCapHoldsBeyond() {
		PerMuScoring.Result r = PerMuScoring.evaluate(DEFAULTS, List.of(taxOnly("X", "36.1455"))).get(0);
		assertThat(item(r, "tax_per_mu").points()).isEqualByComparingTo("45.00");
		PerMuScoring.Result twice = PerMuScoring.evaluate(DEFAULTS, List.of(taxOnly("Y", "48.194"))).get(0);
		assertThat(item(twice, "tax_per_mu").points()).isEqualByComparingTo("45.00");
		// no data, no points: energy, emissions and R&D were not given
		assertThat(item(r, "value_added_per_energy").value()).isNull();
		assertThat(item(r, "value_added_per_energy").points()).isEqualByComparingTo("0");
		// a scheme without a cap lets the item grow
		PerMuScheme uncapped = new PerMuScheme(
				new PerMuScheme.ItemSet(List
					.of(new PerMuScheme.Item("tax_per_mu", new BigDecimal("30"), new BigDecimal("24.097"), null))),
				DEFAULTS.belowScale(), DEFAULTS.classCuts(), null);
		assertThat(PerMuScoring.evaluate(uncapped, List.of(taxOnly("Y", "48.194"))).get(0).score())
			.isEqualByComparingTo("60.00");
	}

	@Test
	void belowScaleEnterprisesAreScoredOnTaxPerMuAndPerElectricity() {
		PerMuScoring.Subject s = new PerMuScoring.Subject("S", "S", false, true, new BigDecimal("20"),
				new BigDecimal("240.97"), null, null, new BigDecimal("100.4167"), null, null, null, null);
		PerMuScoring.Result r = PerMuScoring.evaluate(DEFAULTS, List.of(s)).get(0);
		assertThat(r.items()).extracting(PerMuScoring.ItemScore::code)
			.containsExactly("tax_per_mu", "tax_per_electricity");
		// 12.0485 / 24.097 × 50 = 25; 2.4 / 1.2 × 50 = 100 → capped at 75
		assertThat(item(r, "tax_per_mu").points()).isEqualByComparingTo("25.00");
		assertThat(item(r, "tax_per_electricity").points()).isEqualByComparingTo("75.00");
		assertThat(r.score()).isEqualByComparingTo("100.00");
	}

	@Test
	void twentyEnterprisesSplitFiveNineFiveOne() {
		List<PerMuScoring.Subject> subjects = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			subjects.add(taxOnly(String.format("E%02d", i), Integer.toString(21 - i)));
		}
		List<PerMuScoring.Result> results = PerMuScoring.evaluate(DEFAULTS, subjects);
		Map<String, Long> counts = new LinkedHashMap<>();
		results.forEach((r) -> counts.merge(r.cls(), 1L, Long::sum));
		assertThat(counts).containsExactly(Map.entry("A", 5L), Map.entry("B", 9L), Map.entry("C", 5L),
				Map.entry("D", 1L));
		assertThat(results.get(0).creditCode()).isEqualTo("E01");
		assertThat(results.get(0).rank()).isEqualTo(1);
		assertThat(results.get(19).creditCode()).isEqualTo("E20");
		assertThat(results.get(19).cls()).isEqualTo("D");
	}

	@Test
	void tiedEnterprisesShareTheRankAndTheBetterClass() {
		List<PerMuScoring.Subject> subjects = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			// the 5th and 6th have the same tax per mu
			int tax = (i == 6) ? 16 : 21 - i;
			subjects.add(taxOnly(String.format("E%02d", i), Integer.toString(tax)));
		}
		List<PerMuScoring.Result> results = PerMuScoring.evaluate(DEFAULTS, subjects);
		PerMuScoring.Result fifth = results.stream().filter((r) -> r.creditCode().equals("E05")).findFirst().get();
		PerMuScoring.Result sixth = results.stream().filter((r) -> r.creditCode().equals("E06")).findFirst().get();
		assertThat(fifth.score()).isEqualByComparingTo(sixth.score());
		assertThat(fifth.rank()).isEqualTo(5);
		assertThat(sixth.rank()).isEqualTo(5);
		assertThat(fifth.cls()).isEqualTo("A");
		assertThat(sixth.cls()).isEqualTo("A");
		PerMuScoring.Result seventh = results.stream().filter((r) -> r.creditCode().equals("E07")).findFirst().get();
		assertThat(seventh.rank()).isEqualTo(7);
		assertThat(seventh.cls()).isEqualTo("B");
	}

	@Test
	void notGradedEnterprisesAreBWithoutRankAndDoNotCount() {
		List<PerMuScoring.Subject> subjects = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			subjects.add(taxOnly("G" + i, Integer.toString(10 * i)));
		}
		subjects.add(new PerMuScoring.Subject("NEW", "NEW", true, false, BigDecimal.TEN, BigDecimal.ZERO, null, null,
				null, null, null, null, null));
		List<PerMuScoring.Result> results = PerMuScoring.evaluate(DEFAULTS, subjects);
		PerMuScoring.Result nu = results.get(results.size() - 1);
		assertThat(nu.creditCode()).isEqualTo("NEW");
		assertThat(nu.graded()).isFalse();
		assertThat(nu.cls()).isEqualTo("B");
		assertThat(nu.rank()).isNull();
		assertThat(nu.toNextClass()).isEmpty();
		// four graded: A = round(1.0) = 1, B up to round(2.8) = 3, C up to round(3.8) = 4
		assertThat(results.subList(0, 4)).extracting(PerMuScoring.Result::cls).containsExactly("A", "B", "B", "C");
	}

	@Test
	void theNextClassNamesTheGainOfEachIndicatorThatCanCloseTheGapAlone() {
		List<PerMuScoring.Subject> subjects = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			subjects.add(taxOnly(String.format("E%02d", i), Integer.toString(21 - i)));
		}
		List<PerMuScoring.Result> results = PerMuScoring.evaluate(DEFAULTS, subjects);
		PerMuScoring.Result sixth = results.get(5);
		assertThat(sixth.cls()).isEqualTo("B");
		// lowest A has 16 万元/亩, the sixth 15: it needs one 万元 per 亩 more
		assertThat(sixth.toNextClass()).hasSize(1);
		PerMuScoring.Need need = sixth.toNextClass().get(0);
		assertThat(need.code()).isEqualTo("tax_per_mu");
		// points are rounded to the published score: 16/24.097×30 = 19.92 against 18.67
		// (15/24.097×30)
		assertThat(need.target()).isGreaterThanOrEqualTo(new BigDecimal("15.99"));
		assertThat(need.target()).isLessThanOrEqualTo(new BigDecimal("16.01"));
		// reaching the target puts it in A
		List<PerMuScoring.Subject> improved = new ArrayList<>(subjects);
		improved.set(5, new PerMuScoring.Subject("E06", "E06", true, true, BigDecimal.TEN,
				need.target().multiply(BigDecimal.TEN), null, null, null, null, null, null, null));
		PerMuScoring.Result after = PerMuScoring.evaluate(DEFAULTS, improved)
			.stream()
			.filter((r) -> r.creditCode().equals("E06"))
			.findFirst()
			.get();
		assertThat(after.cls()).isEqualTo("A");
		// an A enterprise has nothing to reach
		assertThat(results.get(0).toNextClass()).isEmpty();
		// the D enterprise is told what C takes
		assertThat(results.get(19).toNextClass()).extracting(PerMuScoring.Need::code).containsExactly("tax_per_mu");
	}

	@Test
	void anItemThatCannotCloseTheGapWithinItsCapIsLeftOut() {
		// the best has every item at its cap (150); the other only tax at the benchmark
		// (30)
		List<PerMuScoring.Subject> subjects = List.of(above("TOP", 2), above("ALSO", 2), above("MID", 1.2),
				taxOnly("LOW", "24.097"));
		List<PerMuScoring.Result> results = PerMuScoring.evaluate(DEFAULTS, subjects);
		PerMuScoring.Result low = results.get(3);
		assertThat(low.cls()).isEqualTo("C");
		// the gap to B (120) cannot be closed by tax alone (cap 45) nor by the items
		// without data
		assertThat(low.toNextClass()).isEmpty();
	}

}
