package io.parkops.land.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheme of one year's per-mu evaluation (亩均效益评价): the indicator sets of 规上 and 规下
 * enterprises with weight, benchmark and per-item cap (in points; null for none), the
 * class cuts in percent of the graded enterprises (A top, then B, C, D) and the policy
 * lists each class drives (差别化电价, 用水, 用地, 奖补).
 */
public record PerMuScheme(ItemSet aboveScale, ItemSet belowScale, Map<String, BigDecimal> classCuts,
		Map<String, List<String>> policies, Map<String, Map<String, String>> measures) {

	/**
	 * The policy areas the classes drive: 差别化电价, 用水 (差别化水价), 用地, 奖补; each class's measure
	 * in each is configurable ({@code measures}, area → class → measure).
	 */
	public static final List<String> POLICY_AREAS = List.of("ELECTRICITY", "WATER", "LAND", "SUBSIDY");

	public PerMuScheme(ItemSet aboveScale, ItemSet belowScale, Map<String, BigDecimal> classCuts,
			Map<String, List<String>> policies) {
		this(aboveScale, belowScale, classCuts, policies, null);
	}

	/** The classes, best first. */
	public static final List<String> CLASSES = List.of("A", "B", "C", "D");

	/** The 规上 item codes. */
	public static final List<String> ABOVE_SCALE_CODES = List.of("tax_per_mu", "value_added_per_mu",
			"value_added_per_energy", "value_added_per_emission", "labour_productivity", "rd_intensity");

	/** The 规下 item codes. */
	public static final List<String> BELOW_SCALE_CODES = List.of("tax_per_mu", "tax_per_electricity");

	public PerMuScheme {
		policies = (policies != null) ? policies : Map.of();
		measures = (measures != null && !measures.isEmpty()) ? measures : defaultMeasures();
	}

	/**
	 * The default measures by policy area and class (one district's practice: C and D pay
	 * more for electricity and water above quota, get no or less new land and fewer
	 * subsidies).
	 */
	public static Map<String, Map<String, String>> defaultMeasures() {
		Map<String, Map<String, String>> m = new LinkedHashMap<>();
		m.put("ELECTRICITY", classes("执行目录电价，有序用电时优先保障", "执行目录电价", "加价0.05元/千瓦时", "加价0.10元/千瓦时"));
		m.put("WATER", classes("优先保障用水，执行基本水价", "执行基本水价", "超定额用水累进加价50%", "超定额用水累进加价100%"));
		m.put("LAND", classes("新增用地优先安排", "新增用地正常安排", "新增用地从严控制", "不安排新增用地，列入低效用地整治"));
		m.put("SUBSIDY", classes("各类奖补优先兑现", "按规定享受奖补", "奖补标准减半", "暂停各类奖补"));
		return m;
	}

	private static Map<String, String> classes(String a, String b, String c, String d) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("A", a);
		m.put("B", b);
		m.put("C", c);
		m.put("D", d);
		return m;
	}

	/**
	 * The further policies of a class: its configured list without the items that only
	 * restate one of the four areas' measures (差别化电价, 水价, 用地, 奖补 are given once, by
	 * area), so that a result lists each policy once.
	 */
	public List<String> otherPolicies(String cls) {
		List<String> others = new java.util.ArrayList<>();
		for (String p : this.policies.getOrDefault(cls, List.of())) {
			boolean restates = false;
			for (String area : POLICY_AREAS) {
				String measure = this.measures.getOrDefault(area, Map.of()).get(cls);
				if (p.contains(AREA_WORDS.get(area)) || (measure != null && p.contains(measure))) {
					restates = true;
				}
			}
			if (!restates && !others.contains(p)) {
				others.add(p);
			}
		}
		return others;
	}

	/** The word that names each policy area in a policy's text. */
	static final Map<String, String> AREA_WORDS = Map.of("ELECTRICITY", "电价", "WATER", "水价", "LAND", "用地", "SUBSIDY",
			"奖补");

	/** One set of indicators. */
	public record ItemSet(List<Item> items) {

		public ItemSet {
			items = List.copyOf(items);
		}

	}

	/** One indicator: points = value ÷ benchmark × weight, at most {@code cap}. */
	public record Item(String code, BigDecimal weight, BigDecimal benchmark, BigDecimal cap) {
	}

	/**
	 * domain.md §7's defaults: 规上 亩均税收 30, 亩均增加值 20, 单位能耗增加值 20, 单位排放增加值 10, 全员劳动生产率 10,
	 * R&D占比 10 against the 2022 benchmarks; 规下 亩均税收 50 and 单位电耗税收 50; each item capped at
	 * 1.5 times its weight; classes A 25 %, B 45 %, C 25 %, D 5 %.
	 */
	public static PerMuScheme defaults() {
		ItemSet above = new ItemSet(List.of(item("tax_per_mu", 30, "24.097"), item("value_added_per_mu", 20, "136.16"),
				item("value_added_per_energy", 20, "2.694"), item("value_added_per_emission", 10, "4929.81"),
				item("labour_productivity", 10, "18.14"), item("rd_intensity", 10, "0.0302")));
		ItemSet below = new ItemSet(List.of(item("tax_per_mu", 50, "24.097"), item("tax_per_electricity", 50, "1.2")));
		Map<String, BigDecimal> cuts = new LinkedHashMap<>();
		cuts.put("A", BigDecimal.valueOf(25));
		cuts.put("B", BigDecimal.valueOf(45));
		cuts.put("C", BigDecimal.valueOf(25));
		cuts.put("D", BigDecimal.valueOf(5));
		// the further policies of each class, beyond the four areas' measures
		Map<String, List<String>> policies = new LinkedHashMap<>();
		policies.put("A", List.of("用能指标优先保障", "优先推荐申报各级试点示范"));
		policies.put("B", List.of("支持实施技术改造提升亩均效益"));
		policies.put("C", List.of("列入亩均效益提升计划，一企一策诊断"));
		policies.put("D", List.of("列入帮扶整治名单，限期整改提升"));
		return new PerMuScheme(above, below, cuts, policies);
	}

	private static Item item(String code, int weight, String benchmark) {
		BigDecimal w = BigDecimal.valueOf(weight);
		return new Item(code, w, new BigDecimal(benchmark), w.multiply(new BigDecimal("1.5")));
	}

}
