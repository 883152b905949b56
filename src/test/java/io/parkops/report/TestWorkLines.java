package io.parkops.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Test-only work lines that write report sections through the public contributor
 * interface, as the real modules do, for the zones a test registers data for (and for no
 * other zone, so that they never touch another test's reports). Their orders (5, 25, 55)
 * sit between those of the real work lines, which other modules' tests look up by order.
 */
public final class TestWorkLines {

	/** What a test zone's work lines report. */
	public record Data(BigDecimal output, BigDecimal outputBase, BigDecimal growthTarget, long hazardsFound,
			long hazardsAccepted, long overdueHazards, YearMonth latestMonth, int branches) {
	}

	static final Map<String, Data> DATA = new ConcurrentHashMap<>();

	/** The language each zone's economy section was written in. */
	static final Map<String, Locale> LANGUAGE = new ConcurrentHashMap<>();

	private TestWorkLines() {
	}

	public static void register(String zoneCode, Data data) {
		DATA.put(zoneCode, data);
	}

	/**
	 * 经济运行 (order 25): output with growth, the growth target's gap as a problem, and one
	 * extra figure that no text refers to (the report must drop it).
	 */
	@Component
	static class Economy implements ReportSectionContributor, ReportDataMonths {

		@Override
		public int order() {
			return 25;
		}

		@Override
		public Optional<YearMonth> latestMonthWithData(String zoneCode) {
			return Optional.ofNullable(DATA.get(zoneCode)).map(Data::latestMonth);
		}

		@Override
		public Optional<ReportSection> contribute(ReportScope scope) {
			LANGUAGE.put(scope.zoneCode(), LocaleContextHolder.getLocale());
			Data d = DATA.get(scope.zoneCode());
			if (d == null || d.output() == null) {
				return Optional.empty();
			}
			BigDecimal growth = d.output()
				.divide(d.outputBase(), 10, RoundingMode.HALF_UP)
				.subtract(BigDecimal.ONE)
				.multiply(BigDecimal.valueOf(100));
			String period = scope.dataMonth().getYear() + "-01.." + scope.dataMonth();
			List<Map<String, Object>> records = new ArrayList<>();
			for (int i = 1; i <= 3; i++) {
				Map<String, Object> r = new LinkedHashMap<>();
				r.put("name", "测试企业" + i);
				r.put("creditCode", "91360727MA35LGHK7K");
				r.put("current", d.output().divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP));
				r.put("base", d.outputBase().divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP));
				r.put("contributionPct", new BigDecimal("33.33"));
				records.add(r);
			}
			List<ReportFigure> figures = new ArrayList<>();
			figures.add(new ReportFigure("testecon.output", ReportNumbers.amount(d.output()),
					scope.cumulativeLabel() + "规模以上工业企业工业总产值之和", Map.of("period", period, "scope", "规上工业企业（同口径）",
							"formula", "Σ 各企业1-N月工业总产值", "records", records, "recordCount", 3, "unit", "万元")));
			figures.add(new ReportFigure("testecon.output.growth", ReportNumbers.growthFigure(growth), "工业总产值同比增长率",
					Map.of("formula", "(本期 ÷ 上年同期 − 1) × 100", "上年同期", d.outputBase())));
			figures.add(new ReportFigure("testecon.unused", "1家", "没有文字引用的数字", Map.of()));
			String word = (growth.signum() >= 0) ? "增长" : "下降";
			List<String> paragraphs = List.of(scope.cumulativeLabel() + "，园区规模以上工业企业完成工业产值{{testecon.output}}，同比" + word
					+ "{{testecon.output.growth}}。");
			List<String> problems = new ArrayList<>();
			List<String> plans = new ArrayList<>();
			BigDecimal gap = growth.subtract(d.growthTarget());
			if (gap.signum() < 0) {
				figures.add(new ReportFigure("testecon.output.gap", ReportNumbers.points(gap), "产值增速与年度目标之差",
						Map.of("formula", "实际增速 − 目标增速", "目标增速", d.growthTarget())));
				problems.add("工业产值增速低于年度目标{{testecon.output.gap}}，追赶压力较大。");
				plans.add("紧盯工业产值年度目标，加快推动重点企业扩产增效。");
			}
			return Optional.of(new ReportSection("testecon", "经济运行情况", paragraphs, problems, plans, figures));
		}

	}

	/** 安全环保 (order 55): rectification rate and overdue hazards as a problem. */
	@Component
	static class Safety implements ReportSectionContributor {

		@Override
		public int order() {
			return 55;
		}

		@Override
		public Optional<ReportSection> contribute(ReportScope scope) {
			Data d = DATA.get(scope.zoneCode());
			if (d == null || d.hazardsFound() == 0) {
				return Optional.empty();
			}
			BigDecimal rate = BigDecimal.valueOf(d.hazardsAccepted())
				.multiply(BigDecimal.valueOf(100))
				.divide(BigDecimal.valueOf(d.hazardsFound()), 4, RoundingMode.HALF_UP);
			List<ReportFigure> figures = new ArrayList<>(List.of(
					new ReportFigure("testsafety.found", ReportNumbers.count(d.hazardsFound(), "个"), "发现隐患数",
							Map.of("period", scope.period().start() + ".." + scope.asOf())),
					new ReportFigure("testsafety.accepted", ReportNumbers.count(d.hazardsAccepted(), "个"), "已销号隐患数",
							Map.of()),
					new ReportFigure("testsafety.rate", ReportNumbers.rate(rate), "整改完成率", Map.of("formula",
							"已销号 ÷ 发现 × 100", "records", hazards(d.hazardsFound()), "recordCount", d.hazardsFound()))));
			List<String> problems = new ArrayList<>();
			if (d.overdueHazards() > 0) {
				figures.add(new ReportFigure("testsafety.overdue", ReportNumbers.count(d.overdueHazards(), "个"),
						"逾期未整改隐患数", Map.of("asOf", scope.asOf().toString())));
				problems.add("仍有{{testsafety.overdue}}隐患逾期未整改。");
			}
			return Optional.of(new ReportSection("testsafety", "安全环保情况", List
				.of("会同第三方开展安全生产日常巡查检查，累计发现安全隐患{{testsafety.found}}，目前已整改到位{{testsafety.accepted}}，整改完成率{{testsafety.rate}}。"),
					problems, List.of(), figures));
		}

	}

	/** The hazards behind the rate: numbered 1…n, every other one accepted. */
	static List<Map<String, Object>> hazards(long n) {
		List<Map<String, Object>> records = new ArrayList<>();
		for (long i = 1; i <= n; i++) {
			Map<String, Object> r = new java.util.LinkedHashMap<>();
			r.put("number", i);
			r.put("name", "测试企业" + i + "号");
			r.put("creditCode", "91360727MA35LGHK7K");
			r.put("foundOn", "2024-03-01");
			r.put("acceptedOn", (i % 2 == 0) ? "2024-04-01" : null);
			records.add(r);
		}
		return records;
	}

	/** 党的建设 (order 5): a part without problems or plans, to come first. */
	@Component
	static class Party implements ReportSectionContributor {

		@Override
		public int order() {
			return 5;
		}

		@Override
		public Optional<ReportSection> contribute(ReportScope scope) {
			Data d = DATA.get(scope.zoneCode());
			if (d == null || d.branches() == 0) {
				return Optional.empty();
			}
			return Optional.of(new ReportSection("testparty", "党的建设情况", List.of("园区现有党支部{{testparty.branches}}。"),
					List.of(), List.of(), List.of(new ReportFigure("testparty.branches",
							ReportNumbers.count(d.branches(), "个"), "党支部数", Map.of()))));
		}

	}

}
