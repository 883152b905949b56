package io.parkops.service.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.parkops.report.ReportFigure;
import io.parkops.report.ReportNumbers;
import io.parkops.report.ReportPeriod;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;
import io.parkops.service.internal.ServiceStatistics.Summary;
import io.parkops.service.internal.ServiceStatistics.Totals;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The part 企业服务情况 of the work report: secretaries and their coverage, visits and deeds,
 * requests received, resolved and rated, financing by kind, job fairs and policy
 * applications; overdue requests, low satisfaction, enterprises not visited within the
 * rhythm and overdue bridge loans as problems, and the plans that follow from them.
 * Requests, visits, financing, fairs and applications count by their date in the period
 * (up to the report's as-of date).
 */
@Component
class ServiceReportSection implements ReportSectionContributor {

	private final ServiceStatistics statistics;

	private final ServiceProperties properties;

	private final MessageSource messages;

	ServiceReportSection(ServiceStatistics statistics, ServiceProperties properties, MessageSource messages) {
		this.statistics = statistics;
		this.properties = properties;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public String recordsPermission() {
		return "service:request:read";
	}

	static String periodName(ReportPeriod period) {
		return switch (period.kind()) {
			case HALF_YEAR -> period.year() + "年上半年";
			case ANNUAL -> period.year() + "年";
			case MONTHS -> period.year() + "年1-" + period.month() + "月";
			case QUARTER -> period.year() + "年第" + ((period.lastMonth().getMonthValue() - 1) / 3 + 1) + "季度";
		};
	}

	static String chineseDate(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	@Override
	public Optional<ReportSection> contribute(ReportScope scope) {
		String zone = scope.zoneCode();
		LocalDate from = scope.period().start();
		LocalDate asOf = scope.asOf();
		LocalDate to = scope.period().end().isAfter(asOf) ? asOf : scope.period().end();
		if (to.isBefore(from)) {
			return Optional.empty();
		}
		Summary s = this.statistics.compute(zone, from, to);
		long financed = s.financing().values().stream().mapToLong(Totals::count).sum();
		if (s.requests().received() == 0 && s.visits().count() == 0 && financed == 0 && s.jobFairs().count() == 0
				&& s.applications().count() == 0 && s.secretaries().enterprisesCovered() == 0) {
			return Optional.empty();
		}
		Figures f = new Figures(zone, scope.zoneName(), from, to, asOf);
		String period = periodName(scope.period());
		List<String> paragraphs = new ArrayList<>();
		StringBuilder p1 = new StringBuilder(period).append("，").append(scope.zoneName());
		boolean any = false;
		if (s.secretaries().enterprisesCovered() > 0) {
			p1.append("为园区")
				.append(f.add("service.covered", s.secretaries().enterprisesCovered() + "家", "企业档案中配有企业秘书的企业数（不含迁出/注销）",
						Map.of("count", s.secretaries().enterprisesCovered())))
				.append("企业配备")
				.append(f.add("service.secretaries", s.secretaries().count() + "名", "企业档案中登记的不同企业秘书人数",
						Map.of("count", s.secretaries().count())))
				.append("“企业秘书”");
			any = true;
		}
		if (s.visits().count() > 0) {
			p1.append(any ? "，" : "")
				.append("走访企业")
				.append(f.add("service.visits.enterprises", s.visits().enterprises() + "家", "期间走访过的不同企业数",
						Map.of("count", s.visits().enterprises())))
				.append("（")
				.append(f.add("service.visits.count", s.visits().count() + "次", "期间登记的走访次数",
						Map.of("count", s.visits().count())))
				.append("）");
			any = true;
		}
		if (s.deeds() > 0) {
			p1.append(any ? "，" : "")
				.append("累计为企业办实事")
				.append(f.add("service.deeds", s.deeds() + "件", "走访中登记的实事件数，加上走访中提出并已办结的诉求数",
						Map.of("count", s.deeds())));
			any = true;
		}
		if (any) {
			paragraphs.add(p1.append("。").toString());
		}
		if (s.requests().received() > 0) {
			StringBuilder p2 = new StringBuilder("畅通诉求渠道，受理企业诉求")
				.append(f.requests("service.requests.received", s.requests().received() + "件", "期间提出的诉求数（按提出日期）",
						Map.of("count", s.requests().received())))
				.append("，已办结")
				.append(f.add("service.requests.resolved", s.requests().resolved() + "件",
						"其中截至" + chineseDate(to) + "已办结（含已评价）的诉求数", Map.of("count", s.requests().resolved())))
				.append("，办结率")
				.append(f.add("service.requests.rate", ReportNumbers.rate(s.requests().resolvedRatePct()),
						"办结率 = 已办结诉求数 ÷ 受理诉求数 × 100，保留两位小数",
						Map.of("formula", "办结率 = " + s.requests().resolved() + "件 ÷ " + s.requests().received()
								+ "件 × 100 = " + ReportNumbers.rate(s.requests().resolvedRatePct()))));
			if (s.requests().satisfactionAvg() != null) {
				p2.append("，企业评价平均满意度")
					.append(f.add("service.requests.satisfaction", s.requests().satisfactionAvg().toPlainString() + "分",
							"已评价诉求中企业最近一次评价（1-5分）的平均值，保留两位小数", Map.of("average", s.requests().satisfactionAvg())));
			}
			paragraphs.add(p2.append("。").toString());
		}
		List<String> money = new ArrayList<>();
		Totals bridge = s.financing().get("BRIDGE");
		if (bridge.count() > 0) {
			money.add("为"
					+ f.add("service.bridge.enterprises", bridge.enterprises() + "家", "办理过桥应急周转金的不同企业数",
							Map.of("count", bridge.enterprises()))
					+ "企业办理过桥应急周转金"
					+ f.add("service.bridge.count", bridge.count() + "笔", "期间发放的过桥应急周转金笔数",
							Map.of("count", bridge.count()))
					+ f.add("service.bridge.amount", ReportNumbers.amount(bridge.amount()), "期间发放的过桥应急周转金金额合计",
							Map.of("amount", bridge.amount())));
		}
		Totals park = s.financing().get("PARK_LOAN");
		if (park.count() > 0) {
			money.add(parkLoans(f, park, s.parkLoanProducts()));
		}
		Totals renewal = s.financing().get("RENEWAL");
		if (renewal.count() > 0) {
			money.add("帮助"
					+ f.add("service.renewal.enterprises", renewal.enterprises() + "家", "办理续贷的不同企业数",
							Map.of("count", renewal.enterprises()))
					+ "企业续贷" + f.add("service.renewal.amount", ReportNumbers.amount(renewal.amount()), "期间续贷金额合计",
							Map.of("amount", renewal.amount(), "count", renewal.count())));
		}
		if (!money.isEmpty()) {
			paragraphs.add("聚焦企业融资难问题，" + String.join("，", money) + "。");
		}
		List<String> more = new ArrayList<>();
		if (s.jobFairs().count() > 0) {
			more.add("举办招聘会"
					+ f.add("service.fairs", s.jobFairs().count() + "场", "期间举办的专场、校园、线上招聘会场次",
							Map.of("count", s.jobFairs().count()))
					+ "，帮助企业招聘" + f.add("service.hires", s.jobFairs().hires() + "人", "各场招聘会达成的招聘人数之和",
							Map.of("count", s.jobFairs().hires())));
		}
		if (s.jobFairs().reportedHires() > 0) {
			more.add("企业报告新招用工" + f.add("service.reportedHires", s.jobFairs().reportedHires() + "人",
					"企业按月填报的期间各月招工人数之和",
					Map.of("count", s.jobFairs().reportedHires(), "enterprises", s.jobFairs().reportingEnterprises())));
		}
		if (s.agency().count() > 0) {
			more.add("为企业代办审批事项"
					+ f.add("service.agency", s.agency().count() + "件", "期间开始代办的审批事项件数",
							Map.of("count", s.agency().count(), "enterprises", s.agency().enterprises()))
					+ "，已办结" + f.add("service.agency.finished", s.agency().finished() + "件", "其中截至统计日已办结的件数",
							Map.of("count", s.agency().finished())));
		}
		if (s.applications().count() > 0) {
			more.add("受理惠企政策申报"
					+ f.add("service.applications", s.applications().count() + "件", "期间申报（按申报日期）的政策申报件数",
							Map.of("count", s.applications().count()))
					+ "，涉及企业"
					+ f.add("service.applications.enterprises", s.applications().enterprises() + "家", "申报的不同企业数",
							Map.of("count", s.applications().enterprises()))
					+ "，已兑现" + f.add("service.applications.paid", ReportNumbers.amount(s.applications().amountPaid()),
							"这些申报中截至统计日已兑现的金额合计", Map.of("amount", s.applications().amountPaid())));
		}
		if (!more.isEmpty()) {
			paragraphs.add(String.join("；", more) + "。");
		}

		List<String> problems = new ArrayList<>();
		List<String> plans = new ArrayList<>();
		List<Map<String, Object>> overdue = this.statistics.overdueRequests(zone, asOf, 200);
		if (!overdue.isEmpty()) {
			String marker = f.records("service.problem.overdue", overdue.size() + "件", "截至报告日已超过办理时限仍未办结的诉求数（不限提出时间）",
					overdue);
			problems.add("部分企业诉求办理不够及时，截至" + chineseDate(asOf) + "仍有" + marker + "诉求超过办理时限未办结。");
			plans.add("对逾期未办结的" + f.records("service.plan.overdue", overdue.size() + "件", "逾期未办结的诉求", overdue)
					+ "企业诉求逐件督办，明确承办部门和时限，办结后由企业评价销号。");
		}
		long low = this.statistics.lowRatings(zone, from, to);
		if (low > 0) {
			problems.add("诉求办理质量有待提升，"
					+ f.add("service.problem.low", low + "件", "期间提出的诉求中企业最近一次评价为2分及以下的件数", Map.of("count", low))
					+ "诉求的办理结果企业评价不满意，已退回重新办理。");
		}
		List<ServiceStatistics.VisitDue> due = this.statistics.visitsDue(zone, asOf);
		if (!due.isEmpty() && s.visits().count() > 0) {
			List<Map<String, Object>> rows = due.stream().limit(200).map((d) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("name", d.name());
				m.put("creditCode", d.creditCode());
				m.put("secretary", d.secretary());
				m.put("lastVisit", (d.lastVisit() != null) ? d.lastVisit().toString() : null);
				return m;
			}).toList();
			String marker = f.recordsCounted("service.problem.unvisited", due.size() + "家",
					"截至报告日超过" + this.properties.visitRhythmDays() + "天未走访的企业数（不含迁出/注销）", rows, due.size());
			problems.add("常态化走访还有空档，" + marker + "企业超过" + this.properties.visitRhythmDays() + "天未走访。");
			plans.add("按每季度至少走访一次的要求，由企业秘书对"
					+ f.recordsCounted("service.plan.unvisited", due.size() + "家", "超过走访周期未走访的企业", rows, due.size())
					+ "未按期走访的企业逐户上门，收集解决企业困难问题。");
		}
		List<Map<String, Object>> loans = this.statistics.overdueLoans(zone, asOf);
		if (!loans.isEmpty()) {
			BigDecimal amount = loans.stream()
				.map((m) -> (BigDecimal) m.get("amount"))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			String marker = f.records("service.problem.loans", loans.size() + "笔", "截至报告日已到期未归还的过桥应急周转金笔数", loans);
			problems.add("过桥应急周转金回收存在风险，" + marker + f.add("service.problem.loans.amount", ReportNumbers.amount(amount),
					"其金额合计", Map.of("amount", amount)) + "到期未归还。");
			plans.add("跟踪到期未还的过桥应急周转金，督促相关企业按期归还，确保资金安全周转。");
		}
		return Optional.of(new ReportSection("service", "企业服务情况", paragraphs, problems, plans, f.list));
	}

	/**
	 * The park-backed loans in the reports' manner, naming the products that lent:
	 * 用好“园区贷”“财园信贷通”等金融产品，协调发放12笔3600万元（其中“园区贷”8笔2400万元，“财园信贷通”4笔1200万元）.
	 */
	private String parkLoans(Figures f, Totals park, Map<String, Totals> products) {
		Map<String, Totals> lent = new LinkedHashMap<>();
		products.forEach((product, t) -> {
			if (t.count() > 0) {
				lent.put(product, t);
			}
		});
		List<String> named = lent.keySet()
			.stream()
			.filter((product) -> !"OTHER".equals(product))
			.map((product) -> "“" + productName(product) + "”")
			.toList();
		String lead = named.isEmpty() ? "协调发放园区融资贷款"
				: "用好" + String.join("", named) + ((lent.size() > 1) ? "等" : "") + "金融产品，协调发放";
		String total = f.add("service.parkLoan.count", park.count() + "笔", "期间发放的园区贷、纾困园区贷、财园信贷通、科贷通、助保贷等笔数",
				Map.of("count", park.count(), "enterprises", park.enterprises()))
				+ f.add("service.parkLoan.amount", ReportNumbers.amount(park.amount()), "其金额合计",
						Map.of("amount", park.amount()));
		if (lent.size() < 2) {
			return lead + total;
		}
		List<String> parts = new ArrayList<>();
		lent.forEach((product, t) -> {
			String name = productName(product);
			String id = "service.parkLoan." + product.toLowerCase(Locale.ROOT).replace('_', '-');
			parts.add(("OTHER".equals(product) ? name : "“" + name + "”")
					+ f.add(id + ".count", t.count() + "笔", "期间发放的" + name + "笔数",
							Map.of("count", t.count(), "enterprises", t.enterprises(), "product", product))
					+ f.add(id + ".amount", ReportNumbers.amount(t.amount()), "期间发放的" + name + "金额合计",
							Map.of("amount", t.amount(), "product", product)));
		});
		return lead + total + "（其中" + String.join("，", parts) + "）";
	}

	/** A loan product's name as the (Chinese) report writes it. */
	private String productName(String product) {
		return "OTHER".equals(product) ? "其他产品"
				: this.messages.getMessage("service.product." + product, null, Locale.SIMPLIFIED_CHINESE);
	}

	/** The figures of the section, each written as its marker. */
	private static final class Figures {

		final List<ReportFigure> list = new ArrayList<>();

		final Map<String, Object> base = new LinkedHashMap<>();

		Figures(String zone, String zoneName, LocalDate from, LocalDate to, LocalDate asOf) {
			this.base.put("zone", zone);
			this.base.put("from", from.toString());
			this.base.put("to", to.toString());
			this.base.put("asOf", asOf.toString());
			this.base.put("scope", zoneName + "全部企业；诉求、走访、融资、招聘会、申报按其日期计入本期，办结、逾期按统计截止日期计");
		}

		String add(String id, String text, String explanation, Map<String, Object> terms) {
			Map<String, Object> source = new LinkedHashMap<>(this.base);
			source.putAll(terms);
			this.list.add(new ReportFigure(id, text, explanation, source));
			return "{{" + id + "}}";
		}

		String requests(String id, String text, String explanation, Map<String, Object> terms) {
			return add(id, text, explanation, terms);
		}

		String records(String id, String text, String explanation, List<Map<String, Object>> rows) {
			return recordsCounted(id, text, explanation, rows, rows.size());
		}

		String recordsCounted(String id, String text, String explanation, List<Map<String, Object>> rows, long count) {
			Map<String, Object> terms = new LinkedHashMap<>();
			terms.put("records", rows);
			terms.put("recordCount", count);
			return add(id, text, explanation, terms);
		}

	}

}
