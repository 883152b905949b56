package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parkops.economy.EconomyStatistics;
import io.parkops.economy.EconomySummary;
import io.parkops.economy.EconomySummary.IndicatorFigure;
import io.parkops.economy.EconomySummary.Target;
import io.parkops.economy.EconomySummary.ZoneFigure;
import io.parkops.economy.Indicator;
import io.parkops.economy.ZoneIndicator;
import io.parkops.report.ReportFigure;
import io.parkops.report.ReportNumbers;
import io.parkops.report.ReportPeriod;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;

import org.springframework.stereotype.Component;

/**
 * The 经济运行情况 part of the work report, written from the same summary the economy pages
 * show: the 规上 enterprises' cumulative figures with growth and target progress, the
 * zone-level figures and the industries that pulled growth; as problems, the indicators
 * behind their growth target or behind time progress; as plans, the year's targets and
 * what is left to catch up.
 */
@Component
class EconomyReportSection implements ReportSectionContributor {

	static final String KEY = "economy";

	static final String TITLE = "经济运行情况";

	private final EconomyStatistics statistics;

	private final StatisticsEngine engine;

	private final MonthlyCollection collection;

	private final PlanningStore store;

	EconomyReportSection(EconomyStatistics statistics, StatisticsEngine engine, MonthlyCollection collection,
			PlanningStore store) {
		this.statistics = statistics;
		this.engine = engine;
		this.collection = collection;
		this.store = store;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public String recordsPermission() {
		return EconomyStatistics.READ;
	}

	@Override
	public Optional<ReportSection> contribute(ReportScope scope) {
		YearMonth dataMonth = dataMonth(scope);
		if (dataMonth == null) {
			return Optional.empty();
		}
		EconomySummary summary = this.statistics.summaryForReport(scope.zoneCode(), dataMonth.getYear(),
				dataMonth.getMonthValue(), "industry", null, null);
		boolean enterpriseData = summary.indicators()
			.stream()
			.anyMatch((i) -> !EconomySummary.NEW_ABOVE_SCALE.equals(i.code()) && i.current().signum() != 0);
		boolean zoneData = summary.zoneFigures().stream().anyMatch((z) -> z.current().signum() != 0);
		if (!enterpriseData && !zoneData) {
			return Optional.empty();
		}
		Writer w = new Writer(scope, summary,
				this.engine.setOf(scope.zoneCode(), dataMonth.getYear(), dataMonth.getMonthValue()),
				(code) -> this.engine.ranking(scope.zoneCode(), dataMonth.getYear(), dataMonth.getMonthValue(), code,
						"contribution", 200));
		List<String> paragraphs = new ArrayList<>();
		if (enterpriseData) {
			paragraphs.add(w.enterprises());
		}
		if (zoneData) {
			paragraphs.add(w.zoneFigures());
		}
		w.industries().ifPresent(paragraphs::add);
		List<String> problems = w.problems();
		int late = this.collection.completenessForReport(scope.zoneCode(), dataMonth).late();
		if (late > 0) {
			problems.add("统计基础有待夯实，" + w.period + "月报仍有"
					+ w.figure("economy.lateReports", late + "家",
							"截至" + scope.asOf() + "，" + dataMonth + "月报已过报送期限仍未报送的规上工业企业数。",
							Map.of("month", dataMonth.toString(), "late", late))
					+ "规上工业企业逾期未报送。");
		}
		List<String> plans = w.plans(this.store.targets(scope.zoneCode(), scope.period().year() + 1));
		return Optional.of(new ReportSection(KEY, TITLE, paragraphs, problems, plans, w.figures));
	}

	/**
	 * The data month of the scope, else the default month (the latest complete one)
	 * within the period.
	 */
	private YearMonth dataMonth(ReportScope scope) {
		if (scope.dataMonth() != null) {
			return scope.dataMonth();
		}
		YearMonth last = scope.period().lastMonth();
		return this.statistics.defaultMonthForReport(scope.zoneCode())
			.map((m) -> m.isAfter(last) ? last : m)
			.filter((m) -> m.getYear() == last.getYear())
			.orElse(null);
	}

	/** Writes the sentences and collects their figures. */
	static final class Writer {

		private static final Pattern EXACT = Pattern.compile("-?\\d+\\.\\d{3,}");

		final ReportScope scope;

		final EconomySummary summary;

		final List<String> creditCodes;

		final String period;

		final List<ReportFigure> figures = new ArrayList<>();

		/** The set's enterprises of one indicator, by contribution to its change. */
		final java.util.function.Function<String, List<io.parkops.economy.EnterpriseRank>> ranking;

		Writer(ReportScope scope, EconomySummary summary, List<String> creditCodes,
				java.util.function.Function<String, List<io.parkops.economy.EnterpriseRank>> ranking) {
			this.scope = scope;
			this.summary = summary;
			this.creditCodes = creditCodes;
			this.ranking = ranking;
			this.period = (summary.month() == 1) ? "1月份" : "1-" + summary.month() + "月份";
		}

		String figure(String id, String text, String explanation, Map<String, Object> source) {
			Map<String, Object> full = new LinkedHashMap<>();
			full.put("zone", this.scope.zoneCode());
			full.put("period", YearMonth.of(this.summary.year(), 1) + "/"
					+ YearMonth.of(this.summary.year(), this.summary.month()));
			source.forEach((k, v) -> full.put(k, (v instanceof BigDecimal d) ? Formulas.round(d) : v));
			this.figures.add(new ReportFigure(id, text, shown(explanation), full));
			return "{{" + id + "}}";
		}

		/**
		 * An explanation with its exact numbers at the API's two decimals (the figure's
		 * text itself is rounded once from the exact value at its own precision).
		 */
		static String shown(String explanation) {
			Matcher m = EXACT.matcher(explanation);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				m.appendReplacement(out, Formulas.round(new BigDecimal(m.group())).toPlainString());
			}
			return m.appendTail(out).toString();
		}

		private String periodText() {
			return this.summary.year() + "年" + ((this.summary.month() == 1) ? "1月" : "1-" + this.summary.month() + "月");
		}

		private Map<String, Object> setSource(BigDecimal current, BigDecimal base) {
			Map<String, Object> source = new LinkedHashMap<>();
			source.put("set", "规上工业企业名录（" + YearMonth.of(this.summary.year(), this.summary.month()) + "）");
			source.put("enterpriseCount", this.summary.enterpriseCount());
			source.put("enterprises", this.creditCodes);
			source.put("current", current);
			if (base != null) {
				source.put("base", base);
			}
			source.put("enterprisesWithoutBase", this.summary.enterprisesWithoutBase());
			return source;
		}

		/**
		 * The figure's source with the enterprises behind it: name, code, current and
		 * base value and their share of the change, largest contribution first (数出有源).
		 */
		private Map<String, Object> setSource(Indicator indicator, BigDecimal current, BigDecimal base) {
			Map<String, Object> source = setSource(current, base);
			source.remove("enterprises");
			List<Map<String, Object>> records = new ArrayList<>();
			for (io.parkops.economy.EnterpriseRank r : this.ranking.apply(indicator.code())) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("name", r.name());
				row.put("creditCode", r.creditCode());
				row.put("current", r.current());
				row.put("base", r.base());
				row.put("change", (r.current() != null && r.base() != null) ? r.current().subtract(r.base()) : null);
				row.put("contributionPct", r.contributionPct());
				records.add(row);
			}
			source.put("unit", indicator.unit());
			source.put("records", records);
			source.put("recordCount", this.summary.enterpriseCount());
			return source;
		}

		String enterprises() {
			EconomySummary.Reporting reporting = this.summary.reporting();
			String preliminary = this.summary.preliminary()
					? "（初步数据：已报 " + reporting.reported() + " / " + reporting.expected() + " 家，增速按已报企业同口径计算）" : "";
			StringBuilder s = new StringBuilder(this.period + preliminary + "，园区"
					+ figure("economy.enterprises", this.summary.enterpriseCount() + "家",
							periodText() + "统计的规上工业企业数：" + YearMonth.of(this.summary.year(), this.summary.month())
									+ "规上名录内的企业。",
							setSource(BigDecimal.valueOf(this.summary.enterpriseCount()), null))
					+ "规模以上工业企业");
			List<String> clauses = new ArrayList<>();
			for (IndicatorFigure f : this.summary.indicators()) {
				Optional<Indicator> indicator = Indicator.ofCode(f.code());
				if (indicator.isEmpty() || (f.current().signum() == 0 && f.base().signum() == 0)) {
					continue;
				}
				clauses.add(clause(indicator.get(), f));
			}
			s.append(String.join("；", clauses));
			s.append("；新增规上工业企业")
				.append(figure("economy.newAboveScale", this.summary.newAboveScale() + "家",
						this.summary.year() + "年1-" + this.summary.month() + "月入规（进入规上名录）的企业数。",
						Map.of("entered", this.summary.newAboveScale(), "exited", this.summary.exitedAboveScale())));
			if (this.summary.exitedAboveScale() > 0) {
				int net = this.summary.newAboveScale() - this.summary.exitedAboveScale();
				s.append("（退规")
					.append(this.summary.exitedAboveScale())
					.append("家，")
					.append((net >= 0) ? "净增" : "净减")
					.append(Math.abs(net))
					.append("家）");
			}
			countTarget().ifPresent(s::append);
			return s.append("。").toString();
		}

		private Optional<String> countTarget() {
			return this.summary.indicator(EconomySummary.NEW_ABOVE_SCALE)
				.filter((f) -> f.target() != null)
				.map((f) -> "，完成全年目标（" + f.target().count() + "家）的"
						+ figure("economy.new_above_scale.progress", ReportNumbers.rate(f.target().progressPct()),
								"完成全年目标 = 新增规上企业数 ÷ 全年目标 × 100 = " + f.current() + " ÷ " + f.target().count()
										+ " × 100。",
								Map.of("actual", f.current(), "target", f.target().count(), "timeProgressPct",
										this.summary.timeProgressPct())));
		}

		private String clause(Indicator indicator, IndicatorFigure f) {
			String id = "economy." + indicator.code();
			String verb = switch (indicator) {
				case OUTPUT -> "完成";
				case VALUE_ADDED, REVENUE, PROFIT -> "实现";
				case TAX -> "上缴";
				default -> "";
			};
			StringBuilder c = new StringBuilder();
			if (indicator == Indicator.PROFIT && f.current().signum() < 0) {
				c.append(indicator.nameZh())
					.append("亏损")
					.append(figure(id + ".current", amount(indicator, f.current().abs()),
							periodText() + "规上工业企业" + indicator.nameZh() + "累计（亏损）。",
							setSource(indicator, f.current(), f.base())));
			}
			else {
				c.append(verb)
					.append(indicator.nameZh())
					.append(figure(id + ".current", amount(indicator, f.current()),
							periodText() + "规上工业企业" + indicator.nameZh() + (indicator.averaged() ? "（各月平均）" : "累计")
									+ "：" + f.current() + indicator.unit() + "。",
							setSource(indicator, f.current(), f.base())));
			}
			if (f.growthPct() != null) {
				c.append("，同比")
					.append(growthFigure(indicator, id, indicator.nameZh(), f.current(), f.base(), f.growthPct(),
							indicator.comparablePrices()));
			}
			if (f.target() != null) {
				c.append(targetPhrase(id, f.target(), indicator.unit()));
			}
			return c.toString();
		}

		private String growthFigure(Indicator indicator, String id, String name, BigDecimal current, BigDecimal base,
				BigDecimal growth, boolean comparable) {
			String formula = comparable ? "按可比价计算：（本期累计 ÷ 价格指数 ÷ 同一批企业上年同期累计 − 1）× 100"
					: "同口径：（本期累计 ÷ 同一批企业上年同期累计 − 1）× 100 =（" + current + " ÷ " + base + " − 1）× 100";
			String note = (this.summary.enterprisesWithoutBase() > 0)
					? "；" + this.summary.enterprisesWithoutBase() + "家企业无上年同期数据，基数按0计" : "";
			Map<String, Object> source = (indicator != null) ? setSource(indicator, current, base)
					: setSource(current, base);
			source.put("growthPct", growth);
			source.put("formula", formula);
			return figure(id + ".growth", ReportNumbers.growth(growth),
					periodText() + name + "同比增速，" + formula + " = " + growth + "%" + note + "。", source);
		}

		private String targetPhrase(String id, Target t, String unit) {
			Map<String, Object> source = new LinkedHashMap<>();
			source.put("kind", t.kind());
			source.put("timeProgressPct", this.summary.timeProgressPct());
			if (Target.GROWTH.equals(t.kind())) {
				source.put("targetGrowthPct", t.growthPct());
				source.put("gapPoints", t.gapPoints());
				if (t.gapPoints() == null) {
					return "";
				}
				String gap = figure(id + ".gap", ReportNumbers.points(t.gapPoints()),
						"与年度增速目标之差 = 实际增速 − 目标增速（" + t.growthPct() + "%） = " + t.gapPoints() + "个百分点。", source);
				return (t.gapPoints().signum() >= 0) ? "，高于年度目标增速" + gap : "，低于年度目标增速" + gap;
			}
			source.put("target", (t.amount() != null) ? t.amount() : t.count());
			source.put("progressPct", t.progressPct());
			source.put("aheadPoints", t.aheadPoints());
			String target = (t.amount() != null) ? amountOf(unit, t.amount()) : t.count() + "家";
			String progress = figure(id + ".progress", ReportNumbers.rate(t.progressPct()),
					"完成全年目标 = 累计 ÷ 全年目标（" + target + "）× 100 = " + t.progressPct() + "%。", source);
			String ahead = figure(id + ".ahead", ReportNumbers.points(t.aheadPoints()),
					"超/欠时序进度 = 完成全年目标 − 时序进度（" + this.summary.timeProgressPct() + "%） = " + t.aheadPoints() + "个百分点。",
					source);
			return "，完成全年目标的" + progress + ((t.aheadPoints().signum() >= 0) ? "，超时序进度" : "，落后时序进度") + ahead;
		}

		String zoneFigures() {
			List<String> clauses = new ArrayList<>();
			for (ZoneFigure z : this.summary.zoneFigures()) {
				if (z.current().signum() == 0) {
					continue;
				}
				ZoneIndicator indicator = ZoneIndicator.ofCode(z.code()).orElseThrow();
				String id = "economy." + z.code();
				StringBuilder c = new StringBuilder((indicator == ZoneIndicator.BUDGET_REVENUE) ? "实现" : "完成");
				c.append(indicator.nameZh())
					.append(figure(id + ".current", ReportNumbers.amount(z.current()),
							periodText() + indicator.nameZh() + "累计（经济发展局按月录入）：" + z.current() + "万元。",
							Map.of("current", z.current(), "base", z.base())));
				if (z.growthPct() != null) {
					c.append("，同比")
						.append(growthFigure(null, id, indicator.nameZh(), z.current(), z.base(), z.growthPct(),
								false));
				}
				if (z.target() != null) {
					c.append(targetPhrase(id, z.target(), "万元"));
				}
				clauses.add(c.toString());
			}
			return this.period + "，园区" + String.join("；", clauses) + "。";
		}

		/** The industries that pulled the output growth most, and those that declined. */
		Optional<String> industries() {
			List<EconomySummary.Group> groups = this.summary.groups();
			if (groups.size() < 2) {
				return Optional.empty();
			}
			List<String> clauses = new ArrayList<>();
			List<EconomySummary.Group> pulling = groups.stream()
				.filter((g) -> pull(g) != null && pull(g).signum() > 0)
				.sorted(Comparator.comparing(Writer::pull).reversed())
				.limit(3)
				.toList();
			for (EconomySummary.Group g : pulling) {
				EconomySummary.GroupIndicator o = g.indicator(Indicator.OUTPUT.code()).orElseThrow();
				String id = "economy.industry." + g.key();
				Map<String, Object> source = new LinkedHashMap<>();
				source.put("industry", g.key());
				source.put("enterpriseCount", g.enterpriseCount());
				source.put("current", o.current());
				source.put("base", o.base());
				source.put("wholeBase", this.summary.indicator(Indicator.OUTPUT.code()).orElseThrow().base());
				StringBuilder c = new StringBuilder(g.name()).append("完成产值")
					.append(figure(id + ".current", ReportNumbers.amount(o.current()),
							periodText() + g.name() + "（" + g.enterpriseCount() + "家规上企业）工业总产值累计。", source));
				if (o.growthPct() != null) {
					c.append("，同比")
						.append(figure(id + ".growth", ReportNumbers.growth(o.growthPct()),
								"同口径增速 =（" + o.current() + " ÷ " + o.base() + " − 1）× 100。", source));
				}
				c.append("，拉动全园产值增长")
					.append(figure(id + ".pull", ReportNumbers.points(o.pullPoints()),
							"拉动 =（行业本期 − 行业上年同期）÷ 全园上年同期 × 100 = " + o.pullPoints() + "个百分点；贡献率" + o.contributionPct()
									+ "%。",
							source));
				clauses.add(c.toString());
			}
			List<String> declining = groups.stream()
				.filter((g) -> g.indicator(Indicator.OUTPUT.code())
					.map(EconomySummary.GroupIndicator::growthPct)
					.map((p) -> p.signum() < 0)
					.orElse(false))
				.map(EconomySummary.Group::name)
				.limit(3)
				.toList();
			if (clauses.isEmpty() && declining.isEmpty()) {
				return Optional.empty();
			}
			StringBuilder s = new StringBuilder("从行业看，");
			s.append(clauses.isEmpty() ? "各行业产值增长乏力" : String.join("；", clauses));
			if (!declining.isEmpty()) {
				s.append("；").append(String.join("、", declining)).append("产值同比下降");
			}
			return Optional.of(s.append("。").toString());
		}

		private static BigDecimal pull(EconomySummary.Group g) {
			return g.indicator(Indicator.OUTPUT.code()).map(EconomySummary.GroupIndicator::pullPoints).orElse(null);
		}

		/**
		 * Indicators behind their target (growth or time progress), and indicators in
		 * decline.
		 */
		List<String> problems() {
			List<Named> growthBehind = new ArrayList<>();
			List<Named> progressBehind = new ArrayList<>();
			List<Named> declining = new ArrayList<>();
			for (Named n : named()) {
				Target t = n.target();
				if (t != null && t.behind()) {
					(Target.GROWTH.equals(t.kind()) ? growthBehind : progressBehind).add(n);
				}
				else if (t == null && n.growth() != null && n.growth().signum() < 0) {
					declining.add(n);
				}
			}
			// problems of one kind make one sentence: "A、B完成进度滞后，……分别落后时序进度7.9、13.1个百分点"
			List<String> problems = new ArrayList<>();
			if (!growthBehind.isEmpty()) {
				problems.add(growthBehind(growthBehind));
			}
			if (!progressBehind.isEmpty()) {
				problems.add(progressBehind(progressBehind));
			}
			if (!declining.isEmpty()) {
				problems.add(declining(declining));
			}
			return problems;
		}

		private static String names(List<Named> named) {
			return String.join("、", named.stream().map(Named::name).toList());
		}

		private String growthBehind(List<Named> named) {
			boolean one = named.size() == 1;
			List<String> growths = new ArrayList<>();
			List<String> targets = new ArrayList<>();
			List<String> gaps = new ArrayList<>();
			for (Named n : named) {
				Target t = n.target();
				Map<String, Object> source = new LinkedHashMap<>();
				source.put("current", n.current());
				source.put("growthPct", n.growth());
				source.put("targetGrowthPct", t.growthPct());
				source.put("gapPoints", t.gapPoints());
				source.put("formula",
						"差距 = 实际增速 " + n.growth() + "% − 目标增速 " + t.growthPct() + "% = " + t.gapPoints() + "个百分点");
				growths.add(ReportNumbers.growth(n.growth()));
				targets.add(ReportNumbers.percent(t.growthPct()));
				gaps.add(figure("economy." + n.code() + ".problem",
						one ? ReportNumbers.points(t.gapPoints()) : ReportNumbers.pointsNumber(t.gapPoints()),
						this.period + n.name() + "增速与年度目标增速之差。", source));
			}
			return names(named) + "增速低于年度目标，" + this.period + (one ? "同比" : "分别同比") + String.join("、", growths) + "，"
					+ (one ? "" : "分别") + "低于年度目标增速（" + String.join("、", targets) + "）" + String.join("、", gaps)
					+ (one ? "" : "个百分点") + "。";
		}

		private String progressBehind(List<Named> named) {
			boolean one = named.size() == 1;
			List<String> progress = new ArrayList<>();
			List<String> gaps = new ArrayList<>();
			for (Named n : named) {
				Target t = n.target();
				Map<String, Object> source = new LinkedHashMap<>();
				source.put("current", n.current());
				source.put("progressPct", t.progressPct());
				source.put("timeProgressPct", this.summary.timeProgressPct());
				source.put("aheadPoints", t.aheadPoints());
				source.put("formula", "欠进度 = 完成全年目标 " + t.progressPct() + "% − 时序进度 " + this.summary.timeProgressPct()
						+ "% = " + t.aheadPoints() + "个百分点");
				progress.add(ReportNumbers.rate(t.progressPct()));
				gaps.add(figure("economy." + n.code() + ".problem",
						one ? ReportNumbers.points(t.aheadPoints()) : ReportNumbers.pointsNumber(t.aheadPoints()),
						this.period + n.name() + "完成全年目标的进度与时序进度之差。", source));
			}
			return names(named) + "完成进度滞后，" + this.period + (one ? "完成全年目标的" : "分别完成全年目标的") + String.join("、", progress)
					+ "，" + (one ? "" : "分别") + "落后时序进度" + String.join("、", gaps) + (one ? "" : "个百分点") + "。";
		}

		private String declining(List<Named> named) {
			boolean one = named.size() == 1;
			List<String> declines = new ArrayList<>();
			for (Named n : named) {
				declines.add(figure("economy." + n.code() + ".problem",
						one ? ReportNumbers.growth(n.growth()) : ReportNumbers.growthFigure(n.growth()),
						this.period + n.name() + "同口径同比增速 = " + n.growth() + "%。",
						Map.of("current", n.current(), "growthPct", n.growth())));
			}
			return names(named) + "同比下降，" + this.period + (one ? "同比" : "分别下降") + String.join("、", declines) + "。";
		}

		/** An indicator or zone figure with its Chinese name. */
		record Named(String code, String name, String unit, BigDecimal current, BigDecimal growth, Target target) {
		}

		private List<Named> named() {
			List<Named> all = new ArrayList<>();
			for (IndicatorFigure f : this.summary.indicators()) {
				if (EconomySummary.NEW_ABOVE_SCALE.equals(f.code())) {
					all.add(new Named(f.code(), "新增规上工业企业", "家", f.current(), null, f.target()));
				}
				else {
					Indicator i = Indicator.ofCode(f.code()).orElseThrow();
					all.add(new Named(f.code(), i.nameZh(), i.unit(), f.current(), f.growthPct(), f.target()));
				}
			}
			for (ZoneFigure z : this.summary.zoneFigures()) {
				all.add(new Named(z.code(), ZoneIndicator.ofCode(z.code()).orElseThrow().nameZh(), z.unit(),
						z.current(), z.growthPct(), z.target()));
			}
			return all;
		}

		/**
		 * The targets of the rest of the year and what is left to do, or next year's
		 * targets after an annual report.
		 */
		List<String> plans(Map<String, PlanningStore.TargetRow> nextYearTargets) {
			List<String> plans = new ArrayList<>();
			boolean annual = this.scope.period().kind() == ReportPeriod.Kind.ANNUAL || this.summary.month() == 12;
			List<Named> all = named();
			if (annual) {
				List<String> targets = new ArrayList<>();
				nextYearTargets.forEach((code, row) -> targets.add(targetText(code, row.kind(), row.value())));
				if (!targets.isEmpty()) {
					plans.add("锚定" + (this.summary.year() + 1) + "年目标任务：" + String.join("，", targets) + "。");
				}
				return plans;
			}
			// the year's targets stated once, with what is left to do where an indicator
			// is behind
			List<String> targets = new ArrayList<>();
			List<Named> slowUp = new ArrayList<>();
			List<Named> down = new ArrayList<>();
			for (Named n : all) {
				Target t = n.target();
				if (t == null) {
					continue;
				}
				BigDecimal value = switch (t.kind()) {
					case Target.GROWTH -> t.growthPct();
					case Target.COUNT -> BigDecimal.valueOf(t.count());
					default -> t.amount();
				};
				String text = targetText(n.code(), t.kind().toUpperCase(java.util.Locale.ROOT), value);
				if (t.behind() && Target.GROWTH.equals(t.kind()) && n.growth() != null) {
					((n.growth().signum() < 0) ? down : slowUp).add(n);
				}
				else if (t.behind()) {
					BigDecimal left = value.subtract(n.current());
					if (left.signum() > 0) {
						String remaining = Target.COUNT.equals(t.kind()) ? left.setScale(0, RoundingMode.UP) + "家"
								: amountOf(n.unit(), left);
						text += "（余下" + (12 - this.summary.month()) + "个月还需完成" + remaining + "）";
					}
				}
				targets.add(text);
			}
			if (!targets.isEmpty()) {
				plans.add("全力冲刺全年目标任务：" + String.join("，", targets) + "。");
			}
			// wording follows the direction of the data: a growing indicator grows
			// faster, a falling one turns
			List<String> moves = new ArrayList<>();
			if (!slowUp.isEmpty()) {
				moves.add(names(slowUp) + "增速进一步提升");
			}
			if (!down.isEmpty()) {
				moves.add(names(down) + "止跌回升");
			}
			if (!moves.isEmpty()) {
				plans.add("推动" + String.join("、", moves) + "，缩小与年度目标增速的差距。");
			}
			return plans;
		}

		private static String targetText(String code, String kind, BigDecimal value) {
			String name;
			String unit;
			if (EconomySummary.NEW_ABOVE_SCALE.equals(code)) {
				name = "新增规上工业企业";
				unit = "家";
			}
			else if (Indicator.ofCode(code).isPresent()) {
				name = Indicator.ofCode(code).get().nameZh();
				unit = Indicator.ofCode(code).get().unit();
			}
			else {
				name = ZoneIndicator.ofCode(code).map(ZoneIndicator::nameZh).orElse(code);
				unit = "万元";
			}
			return switch (kind) {
				case "GROWTH" -> name + "增长" + ReportNumbers.percent(value);
				case "COUNT" -> name + value.setScale(0, RoundingMode.HALF_UP) + "家";
				default -> name + amountOf(unit, value);
			};
		}

		private static String amount(Indicator indicator, BigDecimal value) {
			return amountOf(indicator.unit(), value);
		}

		/** Amounts the way reports write them, by unit. */
		static String amountOf(String unit, BigDecimal value) {
			if ("万元".equals(unit)) {
				return ReportNumbers.amount(value);
			}
			if ("人".equals(unit)) {
				return value.setScale(0, RoundingMode.HALF_UP).toPlainString() + "人";
			}
			if ("万千瓦时".equals(unit) && value.abs().compareTo(new BigDecimal("10000")) >= 0) {
				return value.divide(new BigDecimal("10000"), 2, RoundingMode.HALF_UP).toPlainString() + "亿千瓦时";
			}
			return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + unit;
		}

	}

}
