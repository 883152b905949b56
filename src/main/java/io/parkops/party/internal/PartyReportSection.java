package io.parkops.party.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.party.internal.PartyStore.AssignmentRow;
import io.parkops.party.internal.PartyStore.OrgRow;
import io.parkops.party.internal.PartyViews.Coverage;
import io.parkops.party.internal.PartyViews.ScreeningRow;
import io.parkops.report.ReportFigure;
import io.parkops.report.ReportNumbers;
import io.parkops.report.ReportPeriod;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;

import org.springframework.stereotype.Component;

/**
 * The part 党的建设情况 of the work report (the first part, order 10): organisations and
 * members by kind as of the report's date, the coverage and its change since the same
 * date a year before, new branches, the development of members, activities and training
 * and the instructors' visits in the period; as problems coverage below target, 应建未建
 * enterprises, instructors behind their rhythm and terms due; and the plans that follow.
 */
@Component
class PartyReportSection implements ReportSectionContributor {

	private final CoverageService coverage;

	private final PartyStore store;

	private final PartyProperties properties;

	PartyReportSection(CoverageService coverage, PartyStore store, PartyProperties properties) {
		this.coverage = coverage;
		this.store = store;
		this.properties = properties;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public String recordsPermission() {
		return "party:coverage:read";
	}

	static String periodName(ReportPeriod period) {
		return switch (period.kind()) {
			case HALF_YEAR -> period.year() + "年上半年";
			case ANNUAL -> period.year() + "年";
			case MONTHS -> period.year() + "年1-" + period.month() + "月";
			case QUARTER -> period.year() + "年第" + ((period.lastMonth().getMonthValue() - 1) / 3 + 1) + "季度";
		};
	}

	/**
	 * How the enterprises in scope are counted: the registry's operating enterprises of a
	 * non-public ownership type, and those whose type is not stated where they count.
	 */
	private String scopeExplanation(Coverage now) {
		String types = java.util.Arrays.stream(io.parkops.enterprise.OwnershipType.values())
			.filter(this.properties.nonPublicOwnership()::contains)
			.map(io.parkops.enterprise.OwnershipType::chinese)
			.collect(java.util.stream.Collectors.joining("、"));
		StringBuilder text = new StringBuilder("企业档案中状态为投产、登记注册类型为").append(types).append("的非公企业");
		if (this.properties.unstatedOwnershipInScope()) {
			text.append("，及登记注册类型未填的企业（国有企业党支部覆盖的除外）");
			if (now.ownershipNotStated() > 0) {
				text.append("，其中未填").append(now.ownershipNotStated()).append("家");
			}
		}
		return text.toString();
	}

	static String date(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	private static final Map<String, String> TYPE_NAMES = Map.of("ORGAN", "机关党支部", "INCUBATOR", "孵化器党支部", "STATE_OWNED",
			"国有企业党支部", "SOCIAL", "社会组织党支部", "REGIONAL", "区域党支部");

	private static final Map<String, String> ACTIVITY_NAMES = Map.of("THREE_MEETINGS", "三会一课", "THEME_DAY", "主题党日",
			"PARTY_LESSON", "党课", "STUDY", "集中学习和轮训", "VOLUNTEER", "志愿服务", "SECRETARY_PROJECT", "书记项目");

	@Override
	public Optional<ReportSection> contribute(ReportScope scope) {
		String zone = scope.zoneCode();
		LocalDate from = scope.period().start();
		LocalDate asOf = scope.asOf();
		LocalDate to = scope.period().end().isAfter(asOf) ? asOf : scope.period().end();
		List<OrgRow> all = this.store.allOrganisations(zone);
		if (all.stream().noneMatch((o) -> o.activeOn(asOf)) || to.isBefore(from)) {
			return Optional.empty();
		}
		Coverage now = this.coverage.coverage(zone, asOf);
		Coverage before = this.coverage.coverage(zone, asOf.minusYears(1));
		Figures f = new Figures(zone, scope.zoneName(), from, to, asOf);
		List<String> paragraphs = new ArrayList<>();

		// organisations and members as of the date
		long organisations = all.stream()
			.filter((o) -> o.activeOn(asOf) && !"WORKING_COMMITTEE".equals(o.kind()))
			.count();
		Map<String, Long> byType = now.organisations().byType();
		long own = byType.getOrDefault("OWN", 0L);
		long joint = byType.getOrDefault("JOINT", 0L);
		StringBuilder p1 = new StringBuilder("截至").append(date(asOf))
			.append("，")
			.append(scope.zoneName())
			.append("党工委下辖党组织")
			.append(f.add("party.organisations", organisations + "个", "统计截止日存续的综合党委和党支部数（不含党工委本身）",
					Map.of("count", organisations)));
		p1.append("，其中党支部")
			.append(f.add("party.branches", now.organisations().branches() + "个", "统计截止日存续的党支部数",
					Map.of("count", now.organisations().branches(), "byType", byType)));
		List<String> parts = new ArrayList<>();
		for (String type : List.of("ORGAN", "INCUBATOR", "STATE_OWNED", "SOCIAL", "REGIONAL")) {
			long n = byType.getOrDefault(type, 0L);
			if (n > 0) {
				parts.add(TYPE_NAMES.get(type) + n + "个");
			}
		}
		if (own + joint > 0) {
			parts.add("非公企业党支部" + (own + joint) + "个（单建" + own + "个、联合" + joint + "个）");
		}
		if (!parts.isEmpty()) {
			p1.append("（").append(String.join("、", parts)).append("）");
		}
		p1.append("，管理党员")
			.append(f.add("party.members", now.members().total() + "名", "统计截止日组织关系在园区各党组织的党员数",
					Map.of("count", now.members().total())));
		if (now.members().probationary() > 0) {
			p1.append("，其中预备党员")
				.append(f.add("party.members.probationary", now.members().probationary() + "名", "统计截止日尚未转正的预备党员数",
						Map.of("count", now.members().probationary())));
		}
		p1.append("。");
		paragraphs.add(p1.toString());

		// coverage
		StringBuilder p2 = new StringBuilder(scope.zoneName()).append("纳入排查的非公企业")
			.append(f.add("party.scope", now.enterprisesInScope() + "家", scopeExplanation(now),
					Map.of("count", now.enterprisesInScope(), "ownershipNotStated", now.ownershipNotStated())));
		p2.append("，已单独建立党组织")
			.append(f.enterprises("party.own", now.ownBranchEnterprises() + "家", "有单建党支部的企业数", "OWN", asOf));
		p2.append("、纳入联合党支部")
			.append(f.enterprises("party.joint", now.jointBranchEnterprises() + "家", "在联合党支部（含孵化器党支部）中的企业数", "JOINT",
					asOf));
		if (now.coveragePct() != null) {
			p2.append("，党组织覆盖率达")
				.append(f.add("party.coverage", ReportNumbers.rate(now.coveragePct()),
						"组织覆盖率 = （单建企业 + 联合企业）÷ 纳入排查企业 × 100，保留两位小数",
						Map.of("formula", "(" + now.ownBranchEnterprises() + " + " + now.jointBranchEnterprises()
								+ ") ÷ " + now.enterprisesInScope() + " × 100 = " + now.coveragePct() + "%")));
			if (before.coveragePct() != null) {
				BigDecimal change = now.coveragePct().subtract(before.coveragePct());
				if (change.signum() != 0) {
					p2.append("，比上年同期")
						.append(change.signum() > 0 ? "提升" : "下降")
						.append(f.add("party.coverage.change", ReportNumbers.ratePoints(change),
								"与上年同日（" + date(asOf.minusYears(1)) + "）的组织覆盖率之差",
								Map.of("formula", now.coveragePct() + " − " + before.coveragePct(), "base",
										before.coveragePct(), "current", now.coveragePct())));
				}
				else {
					p2.append("，与上年同期持平");
				}
			}
			p2.append("，单独组建率")
				.append(f.add("party.ownRate", ReportNumbers.rate(now.ownRatePct()), "单独组建率 = 单建企业 ÷ 纳入排查企业 × 100",
						Map.of("formula", now.ownBranchEnterprises() + " ÷ " + now.enterprisesInScope() + " × 100")));
			if (now.instructorEnterprises() > 0) {
				p2.append("；另选派党建指导员联系未建企业")
					.append(f.enterprises("party.instructorEnterprises", now.instructorEnterprises() + "家",
							"由党建指导员联系、尚无党组织覆盖的企业数", "INSTRUCTOR", asOf))
					.append("，党的工作覆盖率")
					.append(f.add("party.workCoverage", ReportNumbers.rate(now.workCoveragePct()),
							"工作覆盖率 = （单建 + 联合 + 党建指导员联系企业）÷ 纳入排查企业 × 100",
							Map.of("formula", "(" + now.coveredEnterprises() + " + " + now.instructorEnterprises()
									+ ") ÷ " + now.enterprisesInScope() + " × 100")));
			}
		}
		p2.append("。");
		paragraphs.add(p2.toString());

		// the period: new branches, development, activities, visits
		String period = periodName(scope.period());
		List<OrgRow> founded = this.store.foundedBetween(zone, from, to);
		Map<String, Long> entered = this.store.enteredStages(zone, from, to);
		Map<String, long[]> activities = this.store.activityTotals(zone, from, to);
		long visits = this.store.countVisits(zone, from, to);
		StringBuilder p3 = new StringBuilder(period);
		List<String> done = new ArrayList<>();
		if (!founded.isEmpty()) {
			List<Map<String, Object>> records = new ArrayList<>();
			founded.forEach((o) -> records.add(Map.of("name", o.name(), "date", o.foundedOn().toString())));
			long newOwn = founded.stream().filter((o) -> "OWN".equals(o.branchType())).count();
			long newJoint = founded.stream().filter((o) -> "JOINT".equals(o.branchType())).count();
			StringBuilder s = new StringBuilder("新组建党支部")
				.append(f.withRecords("party.founded", founded.size() + "个", "期间成立的党支部数", records));
			List<String> split = new ArrayList<>();
			if (newOwn > 0) {
				split.add("单建" + newOwn + "个");
			}
			if (newJoint > 0) {
				split.add("联合" + newJoint + "个");
			}
			if (!split.isEmpty() && split.size() + ((founded.size() > newOwn + newJoint) ? 1 : 0) > 1) {
				s.append("（").append(String.join("、", split)).append("）");
			}
			done.add(s.toString());
		}
		long applied = entered.getOrDefault("APPLICANT", 0L);
		long probationary = entered.getOrDefault("PROBATIONARY", 0L);
		long full = entered.getOrDefault("FULL", 0L);
		if (applied + probationary + full > 0) {
			done.add("收到入党申请" + f.add("party.dev.applied", applied + "份", "期间递交入党申请的人数", Map.of("count", applied))
					+ "，确定入党积极分子" + entered.getOrDefault("ACTIVIST", 0L) + "名，发展预备党员"
					+ f.add("party.dev.probationary", probationary + "名", "期间接收为预备党员的人数", Map.of("count", probationary))
					+ "，预备党员转正" + full + "名");
		}
		long count = activities.values().stream().mapToLong((a) -> a[0]).sum();
		long people = activities.values().stream().mapToLong((a) -> a[1]).sum();
		if (count > 0) {
			List<String> kinds = new ArrayList<>();
			activities.forEach((k, v) -> kinds.add(ACTIVITY_NAMES.getOrDefault(k, k) + v[0] + "次"));
			done.add("开展党建活动" + f.add("party.activities", count + "次", "期间各党组织登记的活动次数", Map.of("count", count)) + "、参加"
					+ f.add("party.participants", people + "人次", "期间各次活动参加人数之和", Map.of("count", people)) + "（"
					+ String.join("、", kinds) + "）");
		}
		if (visits > 0) {
			done.add("党建指导员走访企业" + f.add("party.visits", visits + "次", "期间党建指导员登记的走访次数", Map.of("count", visits)));
		}
		if (!done.isEmpty()) {
			p3.append("，").append(String.join("；", done)).append("。");
			paragraphs.add(p3.toString());
		}

		// problems and plans
		List<String> problems = new ArrayList<>();
		List<String> plans = new ArrayList<>();
		BigDecimal target = this.properties.coverageTarget();
		if (now.coveragePct() != null && now.coveragePct().compareTo(target) < 0) {
			problems.add("非公企业党组织覆盖率" + ReportNumbers.rate(now.coveragePct()) + "，低于" + ReportNumbers.percent(target)
					+ "的目标，党组织覆盖仍有空白。");
			plans.add("推进非公企业党组织应建尽建，力争党组织覆盖率达到" + ReportNumbers.percent(target) + "以上。");
		}
		List<ScreeningRow> shouldBuild = this.coverage.screening(zone, asOf).shouldBuild();
		if (!shouldBuild.isEmpty()) {
			List<Map<String, Object>> records = new ArrayList<>();
			shouldBuild.stream()
				.limit(200)
				.forEach((r) -> records
					.add(Map.of("name", r.name(), "creditCode", r.creditCode(), "current", r.fullMembers())));
			problems.add(f.withRecords("party.shouldBuild", shouldBuild.size() + "家",
					"正式党员" + this.properties.minFullMembers() + "名及以上、尚未单独建立党支部的企业数", records) + "企业正式党员达到"
					+ this.properties.minFullMembers() + "名以上但尚未单独组建党支部。");
			plans.add("对" + shouldBuild.size() + "家应建未建企业逐一制定组建计划，条件成熟一家、单建一家。");
		}
		if (this.properties.unstatedOwnershipInScope() && now.ownershipNotStated() > 0) {
			problems.add(f.add("party.ownershipNotStated", now.ownershipNotStated() + "家", "纳入排查、企业档案中登记注册类型未填的企业数",
					Map.of("count", now.ownershipNotStated())) + "企业在企业档案中未填登记注册类型，非公企业底数有待核实。");
			plans.add("补齐企业档案的登记注册类型，准确掌握非公企业底数。");
		}
		LocalDate today = asOf;
		List<AssignmentRow> overdue = this.store.assignments(zone, null, today)
			.stream()
			.filter((a) -> ((a.lastVisit() != null) ? a.lastVisit() : a.assignedOn())
				.plusDays(this.properties.visitDays())
				.isBefore(today))
			.toList();
		if (!overdue.isEmpty()) {
			problems.add("党建指导员联系的" + overdue.size() + "家企业未按每" + this.properties.visitDays() + "天走访一次的要求开展指导。");
			plans.add("督促党建指导员按期走访联系企业，做到党的工作全覆盖。");
		}
		List<OrgRow> termsDue = this.store.termsDue(zone, asOf.plusDays(this.properties.termDueDays()), asOf);
		if (!termsDue.isEmpty()) {
			problems.add(termsDue.size() + "个党组织任期届满或即将届满，需按期换届。");
			plans.add("指导" + termsDue.size() + "个任期届满的党组织按期完成换届选举。");
		}
		return Optional.of(new ReportSection("party", "党的建设情况", paragraphs, problems, plans, f.list));
	}

	private final class Figures {

		final List<ReportFigure> list = new ArrayList<>();

		final Map<String, Object> base = new LinkedHashMap<>();

		final String zone;

		Figures(String zone, String zoneName, LocalDate from, LocalDate to, LocalDate asOf) {
			this.zone = zone;
			this.base.put("zone", zone);
			this.base.put("period", from + ".." + to);
			this.base.put("asOf", asOf.toString());
			this.base.put("scope", zoneName + "党工委及所属党组织；存量按统计截止日计，新增按期间计");
		}

		String add(String id, String text, String explanation, Map<String, Object> terms) {
			Map<String, Object> source = new LinkedHashMap<>(this.base);
			source.putAll(terms);
			this.list.add(new ReportFigure(id, text, explanation, source));
			return "{{" + id + "}}";
		}

		String withRecords(String id, String text, String explanation, List<Map<String, Object>> records) {
			Map<String, Object> terms = new LinkedHashMap<>();
			terms.put("records", records.stream().limit(200).toList());
			terms.put("recordCount", records.size());
			return add(id, text, explanation, terms);
		}

		/**
		 * A count of enterprises of one coverage kind with those enterprises as records.
		 */
		String enterprises(String id, String text, String explanation, String coverage, LocalDate asOf) {
			List<Map<String, Object>> records = new ArrayList<>();
			for (ScreeningRow r : PartyReportSection.this.coverage.screening(this.zone, asOf).enterprises()) {
				if (coverage.equals(r.coverage())) {
					Map<String, Object> rec = new LinkedHashMap<>();
					rec.put("name", r.name());
					rec.put("creditCode", r.creditCode());
					rec.put("status", (r.branchName() != null) ? r.branchName() : r.instructorName());
					records.add(rec);
				}
			}
			return withRecords(id, text, explanation, records);
		}

	}

}
