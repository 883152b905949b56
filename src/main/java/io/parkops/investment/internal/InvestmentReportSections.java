package io.parkops.investment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.investment.InvestmentRates;
import io.parkops.investment.internal.InvestmentViews.BuildingView;
import io.parkops.investment.internal.InvestmentViews.RankView;
import io.parkops.report.ReportFigure;
import io.parkops.report.ReportNumbers;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The parts 项目建设情况 (order 30) and 招商引资情况 (order 40) of the work report, written from the
 * same figures as the summary: counts by the dates of the stage changes within the period
 * up to the report's date, targets against 时序进度, a paragraph per key project from its
 * buildings, trips and receptions in 批次; problems and plans found in the data.
 */
final class InvestmentReportSections {

	private InvestmentReportSections() {
	}

	/** The period counted: the report's period up to its as-of date. */
	record Window(LocalDate from, LocalDate to, String label) {

		static Window of(ReportScope scope) {
			LocalDate from = scope.period().start();
			LocalDate to = scope.countedUntil();
			String label = (from.getDayOfYear() == 1)
					? ((to.getMonthValue() == 1) ? "1月份" : "1-" + to.getMonthValue() + "月份")
					: from.getMonthValue() + "-" + to.getMonthValue() + "月份";
			return new Window(from, to, label);
		}

	}

	/** Collects the figures of a section; each text refers to its figure by marker. */
	static final class Figures {

		private final String period;

		private final String zone;

		final List<ReportFigure> all = new ArrayList<>();

		Figures(String zoneName, Window w) {
			this.period = w.from() + ".." + w.to();
			this.zone = zoneName;
		}

		String add(String id, String text, String explanation, Map<String, Object> source) {
			Map<String, Object> s = new LinkedHashMap<>(source);
			s.putIfAbsent("period", this.period);
			s.putIfAbsent("scope", this.zone);
			this.all.add(new ReportFigure(id, text, explanation, s));
			return "{{" + id + "}}";
		}

	}

	static String pct1(BigDecimal exact) {
		return InvestmentRates.text(exact);
	}

	/** Records of projects for a figure's panel: name, date and stage. */
	static List<Map<String, Object>> projectRecords(JdbcClient jdbc, String zone, String dateColumn, LocalDate from,
			LocalDate to, BigDecimal minTotal) {
		return jdbc
			.sql("SELECT name, " + dateColumn + " AS d, stage, total_investment FROM inv_project"
					+ " WHERE zone_code = :zone AND " + dateColumn
					+ " BETWEEN :from AND :to AND total_investment >= :min"
					+ " ORDER BY total_investment DESC, id LIMIT 200")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.param("min", minTotal)
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("name", rs.getString("name"));
				m.put("date", rs.getObject("d", LocalDate.class).toString());
				m.put("status", rs.getString("stage"));
				m.put("current", rs.getBigDecimal("total_investment"));
				return m;
			})
			.list();
	}

	/** "完成全年目标任务的60%" with its figure, or empty without a target. */
	static String targetClause(Figures f, String id, SummaryService.TargetProgress t) {
		if (t == null || t.progressPct() == null) {
			return "";
		}
		return "，完成全年目标任务的" + f.add(id, ReportNumbers.rate(t.progressPct()), "完成全年目标 = 年初至今完成数 ÷ 全年目标 × 100",
				Map.of("formula",
						t.current().stripTrailingZeros().toPlainString() + " ÷ "
								+ t.target().stripTrailingZeros().toPlainString() + " × 100",
						"current", t.current(), "target", t.target()));
	}

	/** The problem sentence of targets behind 时序进度, one sentence for all of them. */
	static Optional<String> behind(Figures f, String key, List<SummaryService.TargetProgress> targets,
			List<String> codes, Map<String, String> names) {
		List<String> which = new ArrayList<>();
		List<String> points = new ArrayList<>();
		for (SummaryService.TargetProgress t : targets) {
			if (codes.contains(t.code()) && t.aheadPoints() != null && t.aheadPoints().signum() < 0) {
				which.add(names.get(t.code()));
				points.add(f.add(key + ".behind." + t.code(), ReportNumbers.pointsNumber(t.aheadPoints()),
						names.get(t.code()) + "落后时序进度的百分点 = 时序进度 − 完成全年目标的百分比",
						Map.of("formula",
								"(" + t.current().stripTrailingZeros().toPlainString() + " ÷ "
										+ t.target().stripTrailingZeros().toPlainString() + " × 100) − 时序进度",
								"current", t.current(), "target", t.target(), "points", t.aheadPoints())));
			}
		}
		if (which.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(String.join("、", which) + "完成进度滞后，" + ((which.size() > 1) ? "分别" : "") + "落后时序进度"
				+ String.join("、", points) + "个百分点。");
	}

	static final Map<String, String> TARGET_NAMES = Map.of("signed_100m", "新签约亿元以上项目", "contract_amount", "合同引资额",
			"started_100m", "新开工亿元以上项目", "in_production_mfg", "新投产工业项目", "outside_funds", "省外资金到位", "fdi_usd",
			"实际利用外资");

	static SummaryService.TargetProgress target(List<SummaryService.TargetProgress> all, String code) {
		return all.stream().filter((t) -> t.code().equals(code)).findFirst().orElse(null);
	}

	/** 项目建设情况. */
	@Component
	static class Projects implements ReportSectionContributor {

		private final SummaryService summaries;

		private final ProjectService projects;

		private final JdbcClient jdbc;

		private final InvestmentProperties properties;

		Projects(SummaryService summaries, ProjectService projects, JdbcClient jdbc, InvestmentProperties properties) {
			this.summaries = summaries;
			this.projects = projects;
			this.jdbc = jdbc;
			this.properties = properties;
		}

		@Override
		public int order() {
			return 30;
		}

		@Override
		public String recordsPermission() {
			return "investment:project:read";
		}

		@Override
		public Optional<ReportSection> contribute(ReportScope scope) {
			Window w = Window.of(scope);
			if (w.to().isBefore(w.from())) {
				return Optional.empty();
			}
			String zone = scope.zoneCode();
			SummaryService.Figures fig = this.summaries.figures(zone, w.from(), w.to());
			List<RankView> ranking = this.projects.ranking(zone, scope.asOf());
			if (fig.started() == 0 && fig.inProduction() == 0 && ranking.isEmpty()) {
				return Optional.empty();
			}
			List<SummaryService.TargetProgress> targets = this.summaries.targetProgress(zone, w.to());
			Figures f = new Figures(scope.zoneName(), w);
			List<String> paragraphs = new ArrayList<>();
			BigDecimal a100m = this.properties.above100m();
			StringBuilder p1 = new StringBuilder(w.label()).append("，").append(scope.zoneName()).append("新开工项目");
			p1.append(f.add("projects.started", fig.started() + "个", "期间开工日期在内的项目数", Map.of("count", fig.started(),
					"records", projectRecords(this.jdbc, zone, "started_on", w.from(), w.to(), BigDecimal.ZERO))));
			p1.append("，其中亿元以上项目")
				.append(f.add("projects.started.100m", fig.started100m() + "个", "其中总投资1亿元以上的项目数",
						Map.of("count", fig.started100m(), "records",
								projectRecords(this.jdbc, zone, "started_on", w.from(), w.to(), a100m))));
			p1.append(targetClause(f, "projects.started.target", target(targets, "started_100m")));
			p1.append("；新投产项目")
				.append(f.add("projects.production", fig.inProduction() + "个", "期间投产日期在内的项目数", Map.of("count",
						fig.inProduction(), "records",
						projectRecords(this.jdbc, zone, "in_production_on", w.from(), w.to(), BigDecimal.ZERO))));
			p1.append("，其中固定资产投资2000万元以上工业项目")
				.append(f.add("projects.production.mfg", fig.productionMfg() + "个",
						"其中工业项目且固定资产投资不低于" + this.properties.productionFixedAssetFloor().toPlainString() + "万元的项目数",
						Map.of("count", fig.productionMfg())));
			p1.append(targetClause(f, "projects.production.target", target(targets, "in_production_mfg")));
			p1.append("。");
			paragraphs.add(p1.toString());
			long green = ranking.stream().filter((r) -> "GREEN".equals(r.light())).count();
			long amber = ranking.stream().filter((r) -> "AMBER".equals(r.light())).count();
			List<RankView> red = ranking.stream().filter((r) -> "RED".equals(r.light())).toList();
			if (!ranking.isEmpty()) {
				paragraphs.add("目前在建项目"
						+ f.add("projects.underway", ranking.size() + "个", "已签约、未投产、未终止的项目数",
								Map.of("count", ranking.size()))
						+ "，按工期倒排计划，进度正常"
						+ f.add("projects.green", green + "个", "绿灯项目数（滞后不足工期的10%）", Map.of("count", green)) + "、滞后"
						+ f.add("projects.amber", amber + "个", "黄灯项目数（滞后工期的10%至30%）", Map.of("count", amber)) + "、严重滞后"
						+ f.add("projects.red", red.size() + "个", "红灯项目数（滞后超过30%、停滞或签约3个月未开工）",
								Map.of("count", red.size(), "records",
										red.stream()
											.map((r) -> Map.<String, Object>of("name", r.name(), "status", r.stage()))
											.toList()))
						+ "。");
			}
			// a paragraph per key project (亿元以上, under way) from its buildings
			List<ProjectService.Row> key = this.projects.zoneRows(zone)
				.stream()
				.filter((r) -> SummaryService.isUnderWay(r.stage()) && r.totalInvestment().compareTo(a100m) >= 0)
				.sorted((a, b) -> b.totalInvestment().compareTo(a.totalInvestment()))
				.toList();
			int written = 0;
			for (ProjectService.Row r : key) {
				List<BuildingView> buildings = this.projects.buildings(r.id(), scope.asOf());
				if (buildings.isEmpty() || written >= 5) {
					continue;
				}
				written++;
				String total = f.add("projects.key." + r.id() + ".total", ReportNumbers.amount(r.totalInvestment()),
						r.name() + "总投资", Map.of("amount", r.totalInvestment()));
				List<String> states = buildings.stream().map(BuildingView::description).toList();
				paragraphs.add(r.name() + "（总投资" + total + "）：" + String.join("，", states) + "。");
			}
			List<String> problems = new ArrayList<>();
			behind(f, "projects", targets, List.of("started_100m", "in_production_mfg"), TARGET_NAMES)
				.ifPresent(problems::add);
			if (!red.isEmpty()) {
				// the red count is the paragraph's figure {{projects.red}}
				problems.add("部分项目推进缓慢，" + String.join("、", red.stream().limit(3).map(RankView::name).toList())
						+ ((red.size() > 3) ? "等" : "") + "{{projects.red}}项目严重滞后于工期计划。");
			}
			long overdue = this.projects.overdueProblems(zone, null).count();
			if (overdue > 0) {
				problems.add("项目协调问题办理不够及时，" + f.add("projects.problems.overdue", overdue + "个", "超过办结期限仍未销号的项目协调问题数",
						Map.of("count", overdue)) + "问题超过办结期限仍未销号。");
			}
			List<String> plans = new ArrayList<>();
			List<String> lateOnes = ranking.stream()
				.filter((r) -> r.lateMilestone() != null)
				.limit(3)
				.map((r) -> r.name() + "（" + milestoneName(r.lateMilestone()) + "）")
				.toList();
			if (!lateOnes.isEmpty()) {
				plans.add("对照工期倒排计划，督促" + String.join("、", lateOnes) + "等滞后节点加快完成。");
			}
			long open = ranking.stream().mapToLong(RankView::openProblems).sum();
			if (open > 0) {
				plans.add("坚持一个项目、一名领导、一套专班，逐项协调解决在建项目"
						+ f.add("projects.problems.open", open + "个", "在建项目尚未销号的协调问题数", Map.of("count", open))
						+ "待协调问题，办结一个销号一个。");
			}
			else if (overdue > 0) {
				plans.add("坚持一个项目、一名领导、一套专班，逐项协调解决项目建设中的用地、审批、水电气等问题，办结一个销号一个。");
			}
			return Optional.of(new ReportSection("projects", "项目建设情况", paragraphs, problems, plans, f.all));
		}

	}

	static String milestoneName(String code) {
		return switch (code) {
			case "LAND" -> "土地摘牌";
			case "PLANNING_PERMIT" -> "规划许可";
			case "CONSTRUCTION_PERMIT" -> "施工许可";
			case "START" -> "开工";
			case "TOPPED_OUT" -> "主体封顶";
			case "COMPLETION" -> "竣工验收";
			case "EQUIPMENT" -> "设备安装调试";
			case "PRODUCTION" -> "投产";
			default -> code;
		};
	}

	/** 招商引资情况. */
	@Component
	static class Investment implements ReportSectionContributor {

		private final SummaryService summaries;

		private final JdbcClient jdbc;

		private final LeadService leads;

		private final InvestmentProperties properties;

		Investment(SummaryService summaries, JdbcClient jdbc, LeadService leads, InvestmentProperties properties) {
			this.summaries = summaries;
			this.jdbc = jdbc;
			this.leads = leads;
			this.properties = properties;
		}

		@Override
		public int order() {
			return 40;
		}

		@Override
		public String recordsPermission() {
			return "investment:project:read";
		}

		@Override
		public Optional<ReportSection> contribute(ReportScope scope) {
			Window w = Window.of(scope);
			if (w.to().isBefore(w.from())) {
				return Optional.empty();
			}
			String zone = scope.zoneCode();
			InvestmentSummary s = this.summaries.summary(zone, w.from(), w.to(), scope.asOf());
			SummaryService.Figures fig = this.summaries.figures(zone, w.from(), w.to());
			if (fig.signed() == 0 && s.trips() == 0 && s.receptions() == 0 && s.leads().newLeads() == 0
					&& fig.funds().signum() == 0) {
				return Optional.empty();
			}
			List<SummaryService.TargetProgress> targets = this.summaries.targetProgress(zone, w.to());
			Figures f = new Figures(scope.zoneName(), w);
			BigDecimal a100m = this.properties.above100m();
			List<String> paragraphs = new ArrayList<>();
			StringBuilder p1 = new StringBuilder(w.label()).append("，").append(scope.zoneName()).append("新签约亿元以上项目");
			p1.append(f.add("investment.signed.100m", fig.signed100m() + "个", "期间签约、总投资1亿元以上的项目数",
					Map.of("count", fig.signed100m(), "records",
							projectRecords(this.jdbc, zone, "signed_on", w.from(), w.to(), a100m))));
			p1.append(targetClause(f, "investment.signed.target", target(targets, "signed_100m")));
			p1.append("，其中10亿元以上项目")
				.append(f.add("investment.signed.1b", fig.signed1b() + "个", "其中总投资10亿元以上的项目数",
						Map.of("count", fig.signed1b())));
			p1.append("；共签约项目")
				.append(f.add("investment.signed", fig.signed() + "个", "期间签约的项目数",
						Map.of("count", fig.signed(), "records",
								projectRecords(this.jdbc, zone, "signed_on", w.from(), w.to(), BigDecimal.ZERO))))
				.append("，合同引资额")
				.append(f.add("investment.contract", ReportNumbers.amount(fig.contractAmount()), "期间签约项目的合同引资额之和",
						Map.of("amount", fig.contractAmount())));
			p1.append("。实际到位资金")
				.append(f.add("investment.funds", ReportNumbers.amount(fig.funds()), "期间登记的实际到位资金之和",
						Map.of("amount", fig.funds())));
			p1.append("，其中亿元以上项目省外资金")
				.append(f.add("investment.funds.outside", ReportNumbers.amount(fig.outsideAbove100m()),
						"总投资1亿元以上项目期间到位的省外资金", Map.of("amount", fig.outsideAbove100m())));
			p1.append(targetClause(f, "investment.funds.target", target(targets, "outside_funds")));
			if (fig.fdiUsd().signum() > 0) {
				p1.append("；实际利用外资")
					.append(f.add("investment.fdi", ReportNumbers.quantity(fig.fdiUsd(), "万美元"), "期间到位的外资（万美元）",
							Map.of("amount", fig.fdiUsd())));
			}
			p1.append("。");
			paragraphs.add(p1.toString());
			InvestmentRates rates = fig.rates();
			if (rates.performancePct() != null && rates.fundsPct() != null) {
				paragraphs.add(
						w.label()
								+ "签约的项目中，履约率、开工率、资金到位率分别为" + f
									.add("investment.rate.performance", pct1(rates.performancePct()),
											"履约率 = 未终止项目数 ÷ 签约项目数 × 100",
											Map.of("formula", rates.keeping() + " ÷ " + rates.signed() + " × 100"))
								+ "、" + f.add("investment.rate.start", pct1(rates.startPct()),
										"开工率 = 已开工项目数 ÷ 签约项目数 × 100", Map.of("formula",
												rates.started() + " ÷ " + rates.signed() + " × 100"))
								+ "、"
								+ f.add("investment.rate.funds", pct1(rates.fundsPct()), "资金到位率 = 到位资金 ÷ 合同引资额 × 100",
										Map.of("formula", rates.fundsInPlace().toPlainString() + " ÷ "
												+ rates.contracted().toPlainString() + " × 100"))
								+ "。");
			}
			paragraphs.add("坚持以商招商、外出招商和驻点招商相结合，外出招商考察"
					+ f.add("investment.trips", s.trips() + "批次", "期间外出招商考察的批次数", Map.of("count", s.trips()))
					+ "，接待来访客商"
					+ f.add("investment.receptions", s.receptions() + "批次", "期间接待来访客商的批次数",
							Map.of("count", s.receptions()))
					+ "，新增招商线索"
					+ f.add("investment.leads.new", s.leads().newLeads() + "条", "期间登记的招商线索数",
							Map.of("count", s.leads().newLeads()))
					+ "，目前在谈线索" + f.add("investment.leads.active", s.leads().active() + "条", "未签约、未放弃的线索数",
							Map.of("count", s.leads().active()))
					+ "。");
			List<String> problems = new ArrayList<>();
			behind(f, "investment", targets, List.of("signed_100m", "contract_amount", "outside_funds", "fdi_usd"),
					TARGET_NAMES)
				.ifPresent(problems::add);
			if (s.leads().overdueFollowUps() > 0) {
				problems
					.add("线索跟进不够及时，"
							+ f.add("investment.leads.overdue", s.leads().overdueFollowUps() + "条",
									"未签约、未放弃且超过跟进期限的线索数", Map.of("count", s.leads().overdueFollowUps()))
							+ "招商线索超过跟进期限。");
			}
			List<String> plans = new ArrayList<>();
			if (s.leads().active() > 0) {
				// the count is the paragraph's figure {{investment.leads.active}}
				plans.add("紧盯在谈的{{investment.leads.active}}招商线索，加快洽谈进度，推动早签约、早落地。");
			}
			return Optional.of(new ReportSection("investment", "招商引资情况", paragraphs, problems, plans, f.all));
		}

	}

}
