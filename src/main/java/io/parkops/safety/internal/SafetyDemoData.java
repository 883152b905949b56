package io.parkops.safety.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.platform.DemoDataContributor;
import io.parkops.platform.ZoneDirectory;
import io.parkops.safety.HazardAccepted;
import io.parkops.safety.HazardFound;
import io.parkops.safety.PenaltyDecided;
import io.parkops.platform.ZoneTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Inspections of every kind from three years ago to today in the demo zone, with their
 * hazards in every state (some overdue, major ones with plans), notices, penalties,
 * complaints in every state, a month of patrol logs and the duty roster.
 */
@Component
class SafetyDemoData implements DemoDataContributor {

	private static final String[][] HAZARDS = { { "消防", "消防通道被货物堵塞", "仓库东侧" }, { "消防", "灭火器压力不足，部分过期未检", "生产车间" },
			{ "消防", "应急照明和疏散指示标志损坏", "二楼走廊" }, { "安全生产", "冲压设备安全防护罩缺失", "冲压车间" }, { "安全生产", "配电箱未上锁，线路私拉乱接", "配电房" },
			{ "特种设备", "叉车司机无证驾驶", "厂区道路" }, { "特种设备", "压力容器超期未检验", "空压机房" }, { "危险废物", "危险废物贮存间未设置防渗漏措施", "危废间" },
			{ "危险废物", "危险废物台账记录不全", "危废间" }, { "环保（废水）", "雨污管网混接，雨水口有污水排出", "厂区雨水口" },
			{ "环保（废气/VOCs）", "VOCs 收集处理设施未正常运行", "喷涂车间" }, { "职业健康", "粉尘岗位工人未佩戴防尘口罩", "打磨车间" },
			{ "有限空间", "有限空间作业未审批、未检测", "污水池" }, { "粉尘涉爆", "除尘器未设置泄爆装置", "抛光车间" } };

	private static final String[] PEOPLE = { "钱安环、刘检查", "钱安环、第三方安全管家", "钱安环、县应急管理局执法人员", "李监察、陈环保" };

	private final InspectionStore inspections;

	private final NoticeStore noticeStore;

	private final HazardStore hazardStore;

	private final PatrolStore patrols;

	private final DutyStore duty;

	private final HazardPlanStore plans;

	private final PenaltyStore penalties;

	private final ComplaintStore complaints;

	private final EnterpriseRegistry enterprises;

	private final ApplicationEventPublisher events;

	private final ZoneDirectory zones;

	private final SafetyProperties properties;

	SafetyDemoData(InspectionStore inspections, NoticeStore noticeStore, HazardStore hazardStore, PatrolStore patrols,
			DutyStore duty, HazardPlanStore plans, PenaltyStore penalties, ComplaintStore complaints,
			EnterpriseRegistry enterprises, ApplicationEventPublisher events, ZoneDirectory zones,
			SafetyProperties properties) {
		this.inspections = inspections;
		this.noticeStore = noticeStore;
		this.hazardStore = hazardStore;
		this.patrols = patrols;
		this.duty = duty;
		this.plans = plans;
		this.penalties = penalties;
		this.complaints = complaints;
		this.enterprises = enterprises;
		this.events = events;
		this.zones = zones;
		this.properties = properties;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public void contribute(DemoContext context) {
		Random random = context.random();
		String zone = context.zoneCode();
		LocalDate today = Inputs.today();
		List<Enterprise> all = this.enterprises.ofZone(zone)
			.stream()
			.filter((e) -> e.status() != EnterpriseStatus.MOVED_OUT)
			.toList();
		if (all.isEmpty()) {
			return;
		}
		String zoneName = this.zones.require(zone).name();
		String issuer = this.properties.issuer(zone, zoneName);
		Kinds.InspectionKind[] kinds = Kinds.InspectionKind.values();
		int kindIndex = 0;
		for (YearMonth month = YearMonth.of(today.getYear() - 3, 1); !month.atDay(1).isAfter(today); month = month
			.plusMonths(1)) {
			int count = 2 + random.nextInt(2);
			for (int n = 0; n < count; n++) {
				LocalDate on = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
				if (on.isAfter(today)) {
					on = today;
				}
				Kinds.InspectionKind kind = kinds[kindIndex++ % kinds.length];
				List<String> agencies = (kind == Kinds.InspectionKind.JOINT) ? List.of("县应急管理局", "县消防救援大队", "市生态环境局")
						: List.of();
				String organizer = (kind == Kinds.InspectionKind.THIRD_PARTY) ? "安全管家（第三方）" : "安全环保局";
				long inspection = this.inspections.insertInspection(zone, kind.name(), on, organizer, agencies,
						PEOPLE[random.nextInt(PEOPLE.length)], null, "safety");
				int visited = 3 + random.nextInt(6);
				for (int v = 0; v < visited; v++) {
					Enterprise e = all.get(random.nextInt(all.size()));
					this.inspections.addInspectedEnterprise(inspection, e.creditCode());
					int found = random.nextInt(3);
					List<Long> hazards = new ArrayList<>();
					for (int h = 0; h < found; h++) {
						hazards.add(hazard(random, zone, e, inspection, on, today));
					}
					if (!hazards.isEmpty() && random.nextInt(3) == 0) {
						int year = on.getYear();
						int seq = this.noticeStore.nextNoticeNumber(zone, year);
						String number = this.properties.numberOf(zone, zoneName, year, seq);
						this.noticeStore.insertNotice(zone, e.creditCode(),
								(random.nextInt(4) == 0) ? "ORDER_TO_CORRECT" : "RECTIFICATION", year, seq, number, on,
								on.plusDays(30), issuer, hazards, "safety");
						for (Long id : hazards) {
							this.hazardStore.insertStep(id, "NOTICE", "PENDING", on, number, "safety");
						}
					}
				}
			}
		}
		penaltiesAndComplaints(random, zone, all, today);
		for (int d = 30; d >= 1; d--) {
			LocalDate on = today.minusDays(d);
			this.patrols.insertPatrol(zone, on, (d % 2 == 0) ? "东区工业大道—化工集中区" : "西区污水处理厂周边—南区涂装企业",
					(d % 3 == 0) ? "钱安环、巡查队员张某" : "巡查队员李某、王某",
					(d % 5 == 0) ? "夜间 22 时闻到轻微异味，已通知相关企业检查废气处理设施" : "未发现明显异味和违法排污行为", null, "safety");
		}
		String[] leaders = { "王主任", "李副主任", "赵副主任", "钱局长" };
		String[] staff = { "钱安环", "孙值班", "周值班", "吴值班", "郑值班" };
		YearMonth current = YearMonth.from(today);
		for (LocalDate d = current.atDay(1); !d.isAfter(current.plusMonths(1).atEndOfMonth()); d = d.plusDays(1)) {
			int i = d.getDayOfYear();
			this.duty.saveDuty(zone, d, leaders[i % leaders.length], staff[i % staff.length],
					"0797-83" + (100000 + i % 9 * 1111), "safety", null);
		}
	}

	private long hazard(Random random, String zone, Enterprise e, long inspection, LocalDate on, LocalDate today) {
		String[] h = HAZARDS[random.nextInt(HAZARDS.length)];
		boolean major = random.nextInt(12) == 0;
		boolean spot = !major && random.nextInt(4) == 0;
		LocalDate deadline = spot ? on : on.plusDays(major ? 60 + random.nextInt(60) : 7 + random.nextInt(30));
		long id = this.hazardStore.insertHazard(zone, e.creditCode(), inspection, major ? "MAJOR" : "GENERAL", h[0],
				h[1], h[2], spot ? "ON_THE_SPOT" : "BY_DEADLINE", on, deadline, e.contactName(), "safety");
		this.hazardStore.insertStep(id, "FOUND", "PENDING", on, h[1], "safety");
		this.events
			.publishEvent(new HazardFound(id, e.creditCode(), h[0], on.atStartOfDay(ZoneTime.zone()).toInstant()));
		if (major && random.nextInt(5) > 0) {
			this.plans.savePlan(id,
					new SafetyCommands.RemediationPlan("消除" + h[1] + "隐患，达到规范要求", "停用相关设施，委托专业单位设计整改方案并实施改造",
							BigDecimal.valueOf(5 + random.nextInt(80)),
							e.contactName() + "（企业负责人）、" + e.legalRepresentative(), deadline.toString(),
							"整改期间设置警戒区，配备应急器材，安排专人值守", null),
					deadline, "safety");
			this.hazardStore.insertStep(id, "PLAN", "PENDING", on.plusDays(2), "治理方案", "safety");
		}
		long age = today.toEpochDay() - on.toEpochDay();
		// older hazards are mostly closed; recent ones are in every state, some overdue
		int r = random.nextInt(100);
		int closedShare = (age > 120) ? 93 : (age > 45) ? 70 : (age > 10) ? 35 : 10;
		if (spot || r < closedShare) {
			LocalDate rectified = spot ? on : on.plusDays(Math.min(3 + random.nextInt(20), Math.max(1, age - 1)));
			if (rectified.isAfter(today)) {
				rectified = today;
			}
			boolean failedOnce = !spot && random.nextInt(8) == 0;
			this.hazardStore.insertStep(id, "RECTIFIED", "AWAITING_ACCEPTANCE", rectified, "已按要求完成整改", e.contactName());
			if (failedOnce) {
				this.hazardStore.insertStep(id, "REJECTED", "RECTIFYING", rectified, "整改不彻底，需补充措施", "safety");
				this.hazardStore.insertStep(id, "RECTIFIED", "AWAITING_ACCEPTANCE", rectified, "已补充整改",
						e.contactName());
			}
			LocalDate accepted = rectified.plusDays(spot ? 0 : 1 + random.nextInt(5));
			if (accepted.isAfter(today)) {
				accepted = today;
			}
			this.hazardStore.moveHazard(id, List.of("PENDING"), "ACCEPTED", rectified, "已按要求完成整改", accepted);
			this.hazardStore.insertStep(id, "ACCEPTED", "ACCEPTED", accepted, "复查合格，同意销号", "safety");
			this.events.publishEvent(
					new HazardAccepted(id, e.creditCode(), h[0], accepted.atStartOfDay(ZoneTime.zone()).toInstant()));
		}
		else if (r < closedShare + 12 && age > 2) {
			LocalDate rectified = on.plusDays(Math.min(5, age - 1));
			this.hazardStore.moveHazard(id, List.of("PENDING"), "AWAITING_ACCEPTANCE", rectified, "已整改，申请验收", null);
			this.hazardStore.insertStep(id, "RECTIFIED", "AWAITING_ACCEPTANCE", rectified, "已整改，申请验收", e.contactName());
		}
		else if (r < closedShare + 30 && age > 1) {
			this.hazardStore.moveHazard(id, List.of("PENDING"), "RECTIFYING", null, null, null);
			this.hazardStore.insertStep(id, "STARTED", "RECTIFYING", on.plusDays(1), "已制定整改计划", e.contactName());
		}
		if (this.hazardStore.markOverdue(id, today) == 1) {
			this.hazardStore.insertStep(id, "OVERDUE", "PENDING", deadline.plusDays(1), null, "system");
		}
		return id;
	}

	private void penaltiesAndComplaints(Random random, String zone, List<Enterprise> all, LocalDate today) {
		String[] reasons = { "未按规定贮存危险废物", "VOCs 废气未经处理直接排放", "未按规定对压力容器进行定期检验", "安全生产事故隐患逾期未整改", "雨污混排，违法排放水污染物" };
		for (int year = today.getYear() - 3; year <= today.getYear(); year++) {
			for (int i = 0; i < 6 + random.nextInt(6); i++) {
				LocalDate on = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
				if (on.isAfter(today)) {
					continue;
				}
				Enterprise e = all.get(random.nextInt(all.size()));
				BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(200)).divide(BigDecimal.TEN);
				long penalty = this.penalties.insertPenalty(zone, e.creditCode(), on, amount,
						reasons[random.nextInt(reasons.length)], "云环罚〔" + year + "〕" + (i + 1) + "号", List.of(),
						"safety");
				this.events.publishEvent(new PenaltyDecided(penalty, e.creditCode(), amount,
						on.atStartOfDay(ZoneTime.zone()).toInstant()));
			}
			for (int i = 0; i < 10 + random.nextInt(8); i++) {
				LocalDate on = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
				if (on.isAfter(today)) {
					continue;
				}
				long age = today.toEpochDay() - on.toEpochDay();
				complaint(random, zone, all, on, (age > 40) ? 3 : random.nextInt(4), today);
			}
		}
		// the last weeks: complaints in every state, two of them past their deadline
		for (int i = 0; i < 8; i++) {
			complaint(random, zone, all, today.minusDays(2 + i * 3), i % 4, today);
		}
	}

	private void complaint(Random random, String zone, List<Enterprise> all, LocalDate on, int stage, LocalDate today) {
		String[] contents = { "夜间化工企业方向有刺鼻异味", "企业夜间施工噪声扰民", "厂区雨水口排出有色废水", "园区道路渣土车遗撒扬尘严重", "企业烟囱冒黑烟" };
		String[] sources = { "12345政务服务热线", "信访转办", "群众来电来访", "网络舆情", "上级部门转办" };
		Enterprise e = all.get(random.nextInt(all.size()));
		long id = this.complaints.insertComplaint(zone, on, sources[random.nextInt(sources.length)],
				contents[random.nextInt(contents.length)], e.creditCode(), on.plusDays(this.properties.complaintDays()),
				"safety");
		long age = today.toEpochDay() - on.toEpochDay();
		if (stage >= 1) {
			this.complaints.moveComplaint(id, List.of("RECEIVED"), "HANDLING", "handled_on",
					on.plusDays(Math.min(1, age)), "handling_note", "安排巡查队现场核查，约谈企业负责人");
		}
		if (stage >= 2) {
			this.complaints.moveComplaint(id, List.of("HANDLING"), "ANSWERED", "answered_on",
					on.plusDays(Math.min(7, age)), "answer", "经核查，已督促企业整改并电话答复反映人");
		}
		if (stage >= 3) {
			this.complaints.moveComplaint(id, List.of("ANSWERED"), "CLOSED", "closed_on",
					on.plusDays(Math.min(12, age)), "reply", "企业已完成整改，回访反映人表示满意，予以销号");
		}
	}

}
