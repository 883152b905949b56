package io.parkops.safety.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.report.ReportFigure;
import io.parkops.report.ReportNumbers;
import io.parkops.report.ReportPeriod;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;
import io.parkops.safety.SafetySummary;
import io.parkops.safety.internal.SafetyViews.HazardView;
import io.parkops.safety.internal.StatisticsQueries.HazardSet;

import org.springframework.stereotype.Component;

/**
 * The part 安全环保情况 of the work report: inspections, enterprises inspected, hazards found
 * and accepted by level with the 整改完成率, notices, penalties and complaints; the overdue
 * and open major hazards and late complaints as problems; the open major hazards carried
 * over as plans. Hazards counted are those found in the period, accepted as of the
 * report's date.
 */
@Component
class SafetyReportSection implements ReportSectionContributor {

	private final StatisticsQueries queries;

	SafetyReportSection(StatisticsQueries queries) {
		this.queries = queries;
	}

	@Override
	public int order() {
		return 50;
	}

	static String periodName(ReportPeriod period) {
		return switch (period.kind()) {
			case HALF_YEAR -> period.year() + "年上半年";
			case ANNUAL -> period.year() + "年";
			case MONTHS -> period.year() + "年1-" + period.month() + "月";
			case QUARTER -> period.year() + "年第" + ((period.lastMonth().getMonthValue() - 1) / 3 + 1) + "季度";
		};
	}

	/** A date within the report's year without its year: 6月30日; else with it. */
	static String shortDate(LocalDate date, LocalDate periodStart) {
		return (date.getYear() == periodStart.getYear()) ? date.getMonthValue() + "月" + date.getDayOfMonth() + "日"
				: NoticeDocument.chineseDate(date);
	}

	@Override
	public Optional<ReportSection> contribute(ReportScope scope) {
		String zone = scope.zoneCode();
		LocalDate from = scope.period().start();
		LocalDate to = scope.countedUntil();
		if (to.isBefore(from)) {
			return Optional.empty();
		}
		LocalDate asOf = scope.asOf();
		SafetySummary s = this.queries.summary(zone, from, to, asOf, null);
		long visits = this.queries.visits(zone, from, to, null, false);
		long joint = this.queries.inspectionsByKind(zone, from, to).getOrDefault("JOINT", 0L);
		long penalties = this.queries.penaltyCount(zone, from, to);
		long overdue = this.queries.overdue(zone, asOf);
		long late = this.queries.lateComplaints(zone, asOf);
		List<HazardView> major = this.queries.openMajor(zone, asOf);
		long open = this.queries.open(zone, asOf);
		if (s.inspections() == 0 && s.hazardsFound() == 0 && s.noticesIssued() == 0 && s.complaints().received() == 0
				&& penalties == 0 && open == 0) {
			return Optional.empty();
		}
		String period = periodName(scope.period());
		Figures f = new Figures(zone, scope.zoneName(), from, to, asOf);
		List<String> paragraphs = new ArrayList<>();
		StringBuilder p1 = new StringBuilder(period).append("，").append(scope.zoneName());
		p1.append("共开展安全生产和生态环境检查")
			.append(f.add("safety.inspections", s.inspections() + "次", "期间开展的检查次数（日常巡查、专项检查、联合执法、节假日、第三方、复产复工前）",
					Map.of("count", s.inspections())));
		if (joint > 0) {
			p1.append("，其中联合执法").append(f.add("safety.inspections.joint", joint + "次", "其中联合执法检查次数", Map.of()));
		}
		p1.append("，检查企业")
			.append(f.add("safety.enterprises", s.enterprisesInspected() + "家", "期间检查过的不同企业数",
					Map.of("count", s.enterprisesInspected())));
		p1.append("（")
			.append(f.add("safety.visits", visits + "家次", "各次检查检查企业数之和", Map.of("count", visits)))
			.append("）");
		if (s.hazardsFound() > 0) {
			p1.append("，累计发现安全隐患")
				.append(f.hazards("safety.hazards.found", s.hazardsFound() + "个", "期间发现的隐患数",
						Map.of("count", s.hazardsFound()), HazardSet.FOUND, null, s.hazardsFound()));
			// "目前" only when the report counts up to today; a past as-of date is named
			p1.append(asOf.equals(Inputs.today()) ? "，目前已整改到位" : "，截至" + shortDate(asOf, from) + "已整改到位")
				.append(f.hazards("safety.hazards.accepted", s.hazardsAccepted() + "个",
						"其中截至" + NoticeDocument.chineseDate(asOf) + "已验收销号的隐患数", Map.of("count", s.hazardsAccepted()),
						HazardSet.ACCEPTED, null, s.hazardsAccepted()));
			p1.append("，整改完成率")
				.append(f.hazards("safety.rate", ReportNumbers.rate(s.rectificationRatePct()),
						"整改完成率 = 已销号隐患数 ÷ 发现隐患数 × 100，保留两位小数",
						Map.of("accepted", s.hazardsAccepted(), "found", s.hazardsFound(), "formula",
								rateFormula(s.hazardsAccepted(), s.hazardsFound(), s.rectificationRatePct())),
						HazardSet.FOUND, null, s.hazardsFound()));
		}
		else {
			p1.append("，未发现安全隐患");
		}
		p1.append("。");
		paragraphs.add(p1.toString());
		List<String> levels = new ArrayList<>();
		s.byLevel().forEach((level, figures) -> {
			if (figures.found() > 0) {
				String name = NoticeDocument.levelName(level);
				String id = "safety.level." + level.toLowerCase(java.util.Locale.ROOT);
				levels.add(name
						+ f.hazards(id + ".found", figures.found() + "个", name + "发现数", Map.of(), HazardSet.FOUND,
								level, figures.found())
						+ "、已整改"
						+ f.hazards(id + ".accepted", figures.accepted() + "个", name + "已销号数", Map.of(),
								HazardSet.ACCEPTED, level, figures.accepted())
						+ "，整改完成率"
						+ f.hazards(id + ".rate", ReportNumbers.rate(figures.ratePct()),
								name + "整改完成率 = 已销号 ÷ 发现 × 100",
								Map.of("accepted", figures.accepted(), "found", figures.found(), "formula",
										rateFormula(figures.accepted(), figures.found(), figures.ratePct())),
								HazardSet.FOUND, level, figures.found()));
			}
		});
		if (levels.size() > 1 || (levels.size() == 1 && s.byLevel().size() > 1)) {
			paragraphs.add("其中" + String.join("；", levels) + "。");
		}
		StringBuilder p3 = new StringBuilder();
		p3.append("下达整改通知书")
			.append(f.add("safety.notices", s.noticesIssued() + "份", "期间下达的整改通知书、责令改正通知书份数",
					Map.of("count", s.noticesIssued())));
		if (penalties > 0) {
			p3.append("，查处安全生产和环境违法行为")
				.append(f.add("safety.penalties.count", penalties + "起", "期间作出的处罚决定数", Map.of("count", penalties)));
			p3.append("，处罚")
				.append(f.add("safety.penalties.amount", ReportNumbers.amount(s.penaltyAmount()), "期间处罚决定的罚款金额合计",
						Map.of("amount", s.penaltyAmount())));
		}
		p3.append("；受理信访件")
			.append(f.add("safety.complaints.received", s.complaints().received() + "件", "期间受理的信访件数",
					Map.of("count", s.complaints().received())));
		p3.append("，已办结销号")
			.append(f.add("safety.complaints.closed", s.complaints().closed() + "件", "其中截至" + asOf + "已办结销号的件数",
					Map.of("count", s.complaints().closed())));
		p3.append("。");
		paragraphs.add(p3.toString());

		List<String> problems = new ArrayList<>();
		if (overdue > 0) {
			problems.add("隐患整改还不够及时，截至"
					+ NoticeDocument.chineseDate(asOf) + "仍有" + f.hazards("safety.problem.overdue", overdue + "个",
							"截至报告日未销号且已超过整改期限的隐患数（不限发现时间）", Map.of(), HazardSet.OVERDUE, null, overdue)
					+ "隐患超过整改期限未销号。");
		}
		if (!major.isEmpty()) {
			problems.add("重大隐患治理任务较重，" + f.hazards("safety.problem.major", major.size() + "个", "截至报告日尚未验收销号的重大隐患数",
					Map.of(), HazardSet.OPEN_MAJOR, null, major.size()) + "重大隐患尚未整改销号。");
		}
		if (late > 0) {
			problems.add("信访件办理时效有待提高，"
					+ f.add("safety.problem.lateComplaints", late + "件", "截至报告日已超过办理期限仍未答复或办结的信访件数", Map.of())
					+ "信访件超过办理期限未答复。");
		}
		List<String> plans = new ArrayList<>();
		if (!major.isEmpty()) {
			List<String> names = major.stream()
				.limit(5)
				.map((h) -> h.enterpriseName() + "（" + h.category() + "，期限" + NoticeDocument.chineseDate(h.deadline())
						+ "）")
				.toList();
			plans.add("紧盯"
					+ f.hazards("safety.plan.major", major.size() + "个", "结转的未销号重大隐患数", Map.of(), HazardSet.OPEN_MAJOR,
							null, major.size())
					+ "未销号重大隐患，督促" + String.join("、", names) + (major.size() > 5 ? "等企业" : "")
					+ "按治理方案落实整改措施、资金和责任人，按期整改销号。");
		}
		if (open > 0) {
			plans.add("持续开展隐患排查治理，对结转的"
					+ f.hazards("safety.plan.open", open + "个", "截至报告日未销号的隐患数", Map.of(), HazardSet.OPEN, null, open)
					+ "未销号隐患逐条跟踪，确保整改到位、闭环销号。");
		}
		return Optional.of(new ReportSection("safety", "安全环保情况", paragraphs, problems, plans, f.list));
	}

	@Override
	public String recordsPermission() {
		return "safety:hazard:read";
	}

	/** 整改完成率 in words with its numbers: 已销号隐患数 50个 ÷ 发现隐患数 63个 × 100 = 79.37%. */
	static String rateFormula(long accepted, long found, java.math.BigDecimal rate) {
		return "整改完成率 = 已销号隐患数 " + accepted + "个 ÷ 发现隐患数 " + found + "个 × 100 = "
				+ ((rate != null) ? ReportNumbers.rate(rate) : "—");
	}

	/** The figures of the section, each written as its marker. */
	private final class Figures {

		final List<ReportFigure> list = new ArrayList<>();

		final Map<String, Object> base = new LinkedHashMap<>();

		final String zone;

		final LocalDate from;

		final LocalDate to;

		final LocalDate asOf;

		Figures(String zone, String zoneName, LocalDate from, LocalDate to, LocalDate asOf) {
			this.zone = zone;
			this.from = from;
			this.to = to;
			this.asOf = asOf;
			this.base.put("zone", zone);
			this.base.put("from", from.toString());
			this.base.put("to", to.toString());
			this.base.put("asOf", asOf.toString());
			this.base.put("scope", zoneName + "全部企业；隐患按发现日期计入本期，整改、逾期按统计截止日期计");
		}

		String add(String id, String text, String explanation, Map<String, Object> terms) {
			Map<String, Object> source = new LinkedHashMap<>(this.base);
			source.putAll(terms);
			this.list.add(new ReportFigure(id, text, explanation, source));
			return "{{" + id + "}}";
		}

		/** A figure with the hazards behind it (at most 200 of {@code count}). */
		String hazards(String id, String text, String explanation, Map<String, Object> terms, HazardSet set,
				String level, long count) {
			Map<String, Object> withRecords = new LinkedHashMap<>(terms);
			List<Map<String, Object>> records = new ArrayList<>();
			if (count > 0) {
				for (HazardView h : SafetyReportSection.this.queries.hazards(this.zone, this.from, this.to, this.asOf,
						set, level, 200)) {
					Map<String, Object> r = new LinkedHashMap<>();
					r.put("number", h.id());
					r.put("name", h.enterpriseName());
					r.put("creditCode", h.enterpriseCreditCode());
					r.put("level", NoticeDocument.levelName(h.level()));
					r.put("category", h.category());
					r.put("foundOn", h.foundOn().toString());
					r.put("deadline", h.deadline().toString());
					boolean accepted = h.acceptedOn() != null && !h.acceptedOn().isAfter(this.asOf);
					r.put("acceptedOn", accepted ? h.acceptedOn().toString() : null);
					records.add(r);
				}
			}
			withRecords.put("records", records);
			withRecords.put("recordCount", count);
			return add(id, text, explanation, withRecords);
		}

	}

}
