package io.parkops.land.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The per-mu evaluation (亩均效益评价) of domain.md §7 in one place: each item scores
 * (indicator ÷ benchmark) × weight, not below 0 and at most its cap; the score is their
 * sum (two decimals, half up, as published); the graded enterprises are ranked by that
 * score (equal scores share a rank) and classed by the cumulative cuts (A top 25 %, B
 * next 45 %, C next 25 %, D last 5 %, each boundary rounded half up to whole enterprises;
 * tied enterprises share the better class). Not-graded enterprises (new, under
 * construction, utilities) are B without a rank. For the others it tells what each
 * indicator would have to gain, alone, to reach the lowest score of the next better
 * class.
 */
public final class PerMuScoring {

	static final MathContext MC = MathContext.DECIMAL64;

	private PerMuScoring() {
	}

	/**
	 * What the evaluation reads of one enterprise (万元, 亩, 万千瓦时, 吨标准煤, 吨, 人).
	 */
	public record Subject(String creditCode, String name, boolean aboveScale, boolean graded, BigDecimal landMu,
			BigDecimal tax, BigDecimal valueAdded, BigDecimal revenue, BigDecimal electricity, BigDecimal energyTce,
			BigDecimal emissions, BigDecimal employees, BigDecimal rdExpense) {
	}

	/** One item of a result: the indicator's value, its benchmark, weight and points. */
	public record ItemScore(String code, BigDecimal value, BigDecimal benchmark, BigDecimal weight, BigDecimal points) {
	}

	/**
	 * What one indicator alone would have to gain ({@code needed}) to reach the next
	 * class, and the value it would then have ({@code target}).
	 */
	public record Need(String code, BigDecimal needed, BigDecimal target) {
	}

	/** The result of one enterprise. */
	public record Result(String creditCode, String name, boolean aboveScale, boolean graded, BigDecimal landMu,
			BigDecimal score, Integer rank, String cls, List<ItemScore> items, List<Need> toNextClass) {
	}

	/**
	 * Evaluates all subjects under the scheme; results in rank order, not-graded last.
	 */
	public static List<Result> evaluate(PerMuScheme scheme, List<Subject> subjects) {
		List<Scored> scored = new ArrayList<>(subjects.size());
		for (Subject s : subjects) {
			List<PerMuScheme.Item> set = s.aboveScale() ? scheme.aboveScale().items() : scheme.belowScale().items();
			List<ItemScore> items = new ArrayList<>(set.size());
			BigDecimal sum = BigDecimal.ZERO;
			for (PerMuScheme.Item item : set) {
				BigDecimal value = value(item.code(), s);
				BigDecimal points = points(item, value);
				sum = sum.add(points);
				items.add(new ItemScore(item.code(), (value != null) ? value.setScale(4, RoundingMode.HALF_UP) : null,
						item.benchmark(), item.weight(), points.setScale(2, RoundingMode.HALF_UP)));
			}
			scored.add(new Scored(s, sum.setScale(2, RoundingMode.HALF_UP), items, set));
		}
		List<Scored> graded = new ArrayList<>(scored.stream().filter((x) -> x.subject.graded()).toList());
		graded.sort(Comparator.comparing((Scored x) -> x.score)
			.reversed()
			.thenComparing((Scored x) -> x.subject.creditCode()));
		int n = graded.size();
		int[] bounds = bounds(scheme, n);
		for (int i = 0; i < n; i++) {
			Scored x = graded.get(i);
			x.rank = (i > 0 && graded.get(i - 1).score.compareTo(x.score) == 0) ? graded.get(i - 1).rank : i + 1;
			x.cls = classOf(x.rank, bounds);
		}
		List<Result> results = new ArrayList<>(scored.size());
		for (Scored x : graded) {
			results.add(x.result(toNext(x, graded)));
		}
		for (Scored x : scored) {
			if (!x.subject.graded()) {
				x.cls = "B";
				results.add(x.result(List.of()));
			}
		}
		return results;
	}

	/**
	 * The last rank of A, B and C: the cumulative cuts times the number of graded
	 * enterprises, each rounded half up.
	 */
	static int[] bounds(PerMuScheme scheme, int n) {
		int[] bounds = new int[3];
		BigDecimal cumulative = BigDecimal.ZERO;
		for (int k = 0; k < 3; k++) {
			BigDecimal cut = scheme.classCuts().get(PerMuScheme.CLASSES.get(k));
			cumulative = cumulative.add((cut != null) ? cut : BigDecimal.ZERO);
			bounds[k] = cumulative.multiply(BigDecimal.valueOf(n))
				.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
				.intValue();
		}
		return bounds;
	}

	static String classOf(int rank, int[] bounds) {
		for (int k = 0; k < 3; k++) {
			if (rank <= bounds[k]) {
				return PerMuScheme.CLASSES.get(k);
			}
		}
		return "D";
	}

	/** The indicator of an item, or null when the data to compute it is missing. */
	static BigDecimal value(String code, Subject s) {
		return switch (code) {
			case "tax_per_mu" -> ratio(s.tax(), s.landMu());
			case "value_added_per_mu" -> ratio(s.valueAdded(), s.landMu());
			case "value_added_per_energy" -> ratio(s.valueAdded(), s.energyTce());
			case "value_added_per_emission" -> ratio(s.valueAdded(), s.emissions());
			case "labour_productivity" -> ratio(s.valueAdded(), s.employees());
			case "rd_intensity" -> ratio(s.rdExpense(), s.revenue());
			case "tax_per_electricity" -> ratio(s.tax(), s.electricity());
			default -> null;
		};
	}

	static BigDecimal points(PerMuScheme.Item item, BigDecimal value) {
		if (value == null || item.benchmark().signum() <= 0) {
			return BigDecimal.ZERO;
		}
		BigDecimal points = value.divide(item.benchmark(), MC).multiply(item.weight(), MC);
		if (points.signum() < 0) {
			return BigDecimal.ZERO;
		}
		return (item.cap() != null && points.compareTo(item.cap()) > 0) ? item.cap() : points;
	}

	private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
		if (a == null || b == null || b.signum() <= 0) {
			return null;
		}
		return a.divide(b, MC);
	}

	/**
	 * For a graded enterprise below A: the gap to the lowest score of the next better
	 * class, and for each item that can close it alone (within its cap) the gain of its
	 * indicator, rounded up at four decimals so that it really reaches the cut.
	 */
	private static List<Need> toNext(Scored x, List<Scored> graded) {
		int k = PerMuScheme.CLASSES.indexOf(x.cls);
		if (k <= 0) {
			return List.of();
		}
		String better = PerMuScheme.CLASSES.get(k - 1);
		BigDecimal cut = graded.stream()
			.filter((o) -> o.cls.equals(better))
			.map((o) -> o.score)
			.min(Comparator.naturalOrder())
			.orElse(null);
		if (cut == null) {
			return List.of();
		}
		BigDecimal gap = cut.subtract(x.score);
		List<Need> needs = new ArrayList<>();
		for (PerMuScheme.Item item : x.set) {
			if (item.weight().signum() <= 0 || item.benchmark().signum() <= 0) {
				continue;
			}
			BigDecimal value = value(item.code(), x.subject);
			if (value == null) {
				continue;
			}
			BigDecimal points = points(item, value);
			BigDecimal wanted = points.add(gap);
			if (item.cap() != null && wanted.compareTo(item.cap()) > 0) {
				continue;
			}
			BigDecimal target = wanted.multiply(item.benchmark(), MC).divide(item.weight(), MC);
			BigDecimal needed = target.subtract(value).setScale(4, RoundingMode.CEILING);
			needs.add(new Need(item.code(), needed, value.add(needed).setScale(4, RoundingMode.HALF_UP)));
		}
		return needs;
	}

	private static final class Scored {

		final Subject subject;

		final BigDecimal score;

		final List<ItemScore> items;

		final List<PerMuScheme.Item> set;

		Integer rank;

		String cls;

		Scored(Subject subject, BigDecimal score, List<ItemScore> items, List<PerMuScheme.Item> set) {
			this.subject = subject;
			this.score = score;
			this.items = items;
			this.set = set;
		}

		Result result(List<Need> toNext) {
			return new Result(this.subject.creditCode(), this.subject.name(), this.subject.aboveScale(),
					this.subject.graded(), this.subject.landMu(), this.score, this.rank, this.cls, this.items, toNext);
		}

	}

}
