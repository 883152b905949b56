package io.parkops.investment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.investment.ProjectSigned;
import io.parkops.investment.ProjectStageChanged;
import io.parkops.investment.internal.Kinds.ProjectStage;
import io.parkops.platform.DemoDataContributor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A believable pipeline for the demo zone: about 60 leads in every stage with trips and
 * receptions, 25 projects in every stage with schedules, buildings in every phase, funds
 * over three years, problems open and closed, and this year's targets.
 */
@Component
class InvestmentDemoData implements DemoDataContributor {

	private static final String[] PRODUCTS = { "新能源电池", "锂电隔膜", "智能装备", "精密模具", "电子元器件", "光伏组件", "新型建材", "高端纺织", "食品加工",
			"医疗器械", "汽车零部件", "铜基新材料", "PCB电路板", "LED照明", "数控机床", "生物医药", "家居智造", "冷链物流", "服装智造", "工业机器人" };

	private static final String[] INVESTORS = { "深圳", "东莞", "苏州", "宁波", "厦门", "温州", "上海", "杭州", "广州", "佛山", "香港",
			"台湾" };

	private static final String[] PEOPLE = { "张招商", "李主任", "王科长", "赵专员", "陈副局长" };

	private static final String[] BUILDINGS = { "1#厂房", "2#厂房", "3#厂房", "综合楼", "1#宿舍", "研发楼" };

	private static final String[][] PROBLEMS = { { "LAND", "项目红线内有2户房屋待征收", "自然资源局" },
			{ "UTILITIES", "施工用电尚未接入，需增容", "供电公司" }, { "APPROVAL", "施工许可证办理材料待补正", "行政审批局" },
			{ "PLANNING", "规划方案容积率需调整", "规划局" }, { "FUNDING", "企业申请流动资金贷款", "金融办" },
			{ "UTILITIES", "天然气管道未铺设到厂区", "燃气公司" }, { "OTHER", "进场道路未硬化", "建设局" } };

	private static final String[] STAGES = { "PLANNED", "SIGNED", "SIGNED", "PREPARING", "PREPARING", "STARTED",
			"STARTED", "STARTED", "STARTED", "STARTED", "STARTED", "COMPLETED", "COMPLETED", "IN_PRODUCTION",
			"IN_PRODUCTION", "IN_PRODUCTION", "IN_PRODUCTION", "AT_CAPACITY", "AT_CAPACITY", "STALLED", "CANCELLED",
			"STARTED", "SIGNED", "STARTED", "PREPARING" };

	private final LeadService leads;

	private final ProjectService projects;

	private final EnterpriseRegistry enterprises;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final InvestmentProperties properties;

	private final TaskForceStore taskForces;

	/** The departments a 专班 draws on, the 专班长's first. */
	private static final String[][] TASK_FORCE = { { "王建国", "招商局", "LEAD" }, { "李晓红", "自然资源局", "DEPUTY" },
			{ "陈志强", "建设局", "MEMBER" }, { "赵敏", "行政审批局", "MEMBER" }, { "孙磊", "招商局", "LIAISON" },
			{ "周海涛", "经济发展局", "LEAD" }, { "吴静", "生态环境分局", "MEMBER" }, { "郑伟", "应急管理局", "MEMBER" } };

	InvestmentDemoData(LeadService leads, ProjectService projects, EnterpriseRegistry enterprises, JdbcClient jdbc,
			ApplicationEventPublisher events, InvestmentProperties properties, TaskForceStore taskForces) {
		this.leads = leads;
		this.projects = projects;
		this.enterprises = enterprises;
		this.jdbc = jdbc;
		this.events = events;
		this.properties = properties;
		this.taskForces = taskForces;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void contribute(DemoContext context) {
		Random random = context.random();
		String zone = context.zoneCode();
		LocalDate today = Access.today();
		List<Enterprise> all = this.enterprises.ofZone(zone)
			.stream()
			.filter((e) -> e.status() != EnterpriseStatus.MOVED_OUT)
			.toList();
		String[] sources = { "BUSINESS_REFERRAL", "OUTBOUND", "AGENT", "ASSIGNED", "OTHER" };
		String[] stages = { "NEW", "CONTACTED", "VISITED", "NEGOTIATING" };
		long[] leadIds = new long[60];
		for (int i = 0; i < 60; i++) {
			String product = PRODUCTS[i % PRODUCTS.length];
			String city = INVESTORS[random.nextInt(INVESTORS.length)];
			LocalDate created = today.minusDays(5 + random.nextInt(700));
			BigDecimal amount = BigDecimal.valueOf(2000 + random.nextInt(60) * 1000L);
			long id = this.leads.insertLead(zone, "年产" + (i % 9 + 1) + "万件" + product + "项目", city + product + "科技有限公司",
					sources[random.nextInt(sources.length)], "C" + (30 + random.nextInt(10)), amount, null,
					BigDecimal.valueOf(20 + random.nextInt(200)), BigDecimal.valueOf(5000 + random.nextInt(40) * 1000L),
					(random.nextInt(3) == 0) ? "需流动资金贷款" : null, PEOPLE[random.nextInt(PEOPLE.length)], created,
					"investment");
			leadIds[i] = id;
			int target = (i < 40) ? random.nextInt(stages.length) : -1;
			LocalDate on = created;
			for (int s = 1; s <= target; s++) {
				on = on.plusDays(2 + random.nextInt(20));
				if (on.isAfter(today)) {
					on = today;
				}
				this.jdbc.sql("UPDATE inv_lead SET stage = :s, stage_on = :on, last_activity_on = :on WHERE id = :id")
					.param("s", stages[s])
					.param("on", on)
					.param("id", id)
					.update();
				this.leads.addStep(id, stages[s], on, null, "investment");
			}
			if (i >= 40 && i < 48) {
				LocalDate dropped = created.plusDays(10 + random.nextInt(60));
				if (dropped.isAfter(today)) {
					dropped = today;
				}
				this.jdbc.sql("""
						UPDATE inv_lead SET stage = 'DROPPED', stage_on = :on, dropped_on = :on, last_activity_on = :on,
						  dropped_reason = '投资方调整投资计划' WHERE id = :id
						""").param("on", dropped).param("id", id).update();
				this.leads.addStep(id, "DROPPED", dropped, "投资方调整投资计划", "investment");
			}
			else if (i >= 48 && random.nextBoolean()) {
				// some open leads with a recent note, others left to go overdue
				LocalDate note = today.minusDays(random.nextInt(10));
				this.jdbc.sql("UPDATE inv_lead SET last_activity_on = greatest(last_activity_on, :on) WHERE id = :id")
					.param("on", note)
					.param("id", id)
					.update();
				this.leads.addStep(id, "NOTE", note, "电话跟进，对方正在内部评估", "investment");
			}
		}
		// review items of the negotiating leads
		for (int i = 0; i < 40; i += 3) {
			for (String code : this.properties.reviewItems()) {
				this.jdbc.sql("""
						INSERT INTO inv_review_item (lead_id, code, result, department, reviewed_by)
						VALUES (:id, :code, :r, :dep, 'investment') ON CONFLICT DO NOTHING
						""")
					.param("id", leadIds[i])
					.param("code", code)
					.param("r", (code.equals("NOT_TWO_HIGH") && i % 9 == 0) ? "FAIL" : "PASS")
					.param("dep", "发改局")
					.update();
			}
		}
		// trips and receptions over two years
		for (int m = 0; m < 24; m++) {
			LocalDate month = today.withDayOfMonth(1).minusMonths(m);
			for (int n = 0; n < 1 + random.nextInt(3); n++) {
				LocalDate on = month.plusDays(random.nextInt(27));
				if (on.isAfter(today)) {
					on = today;
				}
				long trip = this.jdbc.sql("""
						INSERT INTO inv_trip (zone_code, trip_on, destination, people, created_by)
						VALUES (:z, :on, :d, :p, 'investment') RETURNING id
						""")
					.param("z", zone)
					.param("on", on)
					.param("d", INVESTORS[random.nextInt(INVESTORS.length)])
					.param("p", new String[] { PEOPLE[0], PEOPLE[random.nextInt(PEOPLE.length)] })
					.query(Long.class)
					.single();
				this.jdbc.sql("INSERT INTO inv_trip_lead (trip_id, lead_id) VALUES (:t, :l) ON CONFLICT DO NOTHING")
					.param("t", trip)
					.param("l", leadIds[random.nextInt(60)])
					.update();
				long reception = this.jdbc.sql("""
						INSERT INTO inv_reception (zone_code, received_on, visitors, created_by)
						VALUES (:z, :on, :v, 'investment') RETURNING id
						""")
					.param("z", zone)
					.param("on", on)
					.param("v", INVESTORS[random.nextInt(INVESTORS.length)] + "客商考察团")
					.query(Long.class)
					.single();
				this.jdbc.sql(
						"INSERT INTO inv_reception_lead (reception_id, lead_id) VALUES (:t, :l) ON CONFLICT DO NOTHING")
					.param("t", reception)
					.param("l", leadIds[random.nextInt(60)])
					.update();
			}
		}
		// projects in every stage
		for (int i = 0; i < STAGES.length; i++) {
			ProjectStage stage = ProjectStage.valueOf(STAGES[i]);
			long total = (i % 5 == 0) ? 100000 + random.nextInt(5) * 50000L : 10000 + random.nextInt(40) * 2000L;
			if (i % 7 == 3) {
				total = 3000 + random.nextInt(5) * 1000L;
			}
			boolean mfg = i % 6 != 5;
			LocalDate signed = today.minusDays(60 + random.nextInt(900));
			if (i >= 21) {
				signed = today.minusDays(20 + random.nextInt(120));
			}
			Enterprise e = (!all.isEmpty() && i % 4 != 1) ? all.get(random.nextInt(all.size())) : null;
			String cc = (e != null) ? e.creditCode() : null;
			String name = PRODUCTS[(i * 7) % PRODUCTS.length] + ((i % 3 == 0) ? "产业园项目" : "生产基地项目");
			Long lead = (i < 12) ? leadIds[48 + i] : null;
			long id = this.projects.insertProject(zone, name, cc, null, ProjectStage.SIGNED, signed, null,
					BigDecimal.valueOf(total), BigDecimal.valueOf(total), BigDecimal.valueOf(total * 8 / 10),
					BigDecimal.valueOf((i % 8 == 0) ? 500 + random.nextInt(1500) : 0), random.nextBoolean(), mfg,
					"investment");
			if (lead != null) {
				this.jdbc.sql("UPDATE inv_lead SET stage = 'SIGNED', stage_on = :on, project_id = :p WHERE id = :id")
					.param("on", signed)
					.param("p", id)
					.param("id", lead)
					.update();
				this.jdbc.sql("UPDATE inv_project SET lead_id = :l WHERE id = :p")
					.param("l", lead)
					.param("p", id)
					.update();
			}
			if (stage == ProjectStage.PLANNED) {
				this.jdbc.sql("""
						UPDATE inv_project SET stage = 'PLANNED', signed_on = NULL, planned_on = :on WHERE id = :id
						""").param("on", signed).param("id", id).update();
				continue;
			}
			if (cc != null) {
				this.events.publishEvent(new ProjectSigned(id, cc, name, ProjectService.instant(signed)));
			}
			this.jdbc.sql("UPDATE inv_project SET leader = :l WHERE id = :id")
				.param("l", (i % 2 == 0) ? "刘主任" : "周副主任")
				.param("id", id)
				.update();
			taskForce(id, i, random);
			LocalDate target = signed.plusDays(540 + random.nextInt(120));
			List<Schedule.Milestone> plan = Schedule.plan(target, this.properties.milestoneTemplate());
			LocalDate on = signed;
			int rank = (stage == ProjectStage.STALLED) ? ProjectStage.STARTED.rank()
					: (stage == ProjectStage.CANCELLED) ? ProjectStage.PREPARING.rank() : stage.rank();
			for (ProjectStage s : List.of(ProjectStage.PREPARING, ProjectStage.STARTED, ProjectStage.COMPLETED,
					ProjectStage.IN_PRODUCTION, ProjectStage.AT_CAPACITY)) {
				if (s.rank() > rank) {
					break;
				}
				on = on.plusDays(20 + random.nextInt(120));
				if (on.isAfter(today)) {
					on = today;
				}
				step(id, s, on, cc, name);
			}
			if (stage == ProjectStage.STALLED || stage == ProjectStage.CANCELLED) {
				on = on.plusDays(30);
				if (on.isAfter(today)) {
					on = today;
				}
				this.jdbc.sql("""
						UPDATE inv_project SET stage = :s, stage_before_stall = CASE WHEN :s = 'STALLED' THEN stage END,
						  stalled_on = CASE WHEN :s = 'STALLED' THEN CAST(:on AS date) END,
						  cancelled_on = CASE WHEN :s = 'CANCELLED' THEN CAST(:on AS date) END WHERE id = :id
						""").param("s", stage.name()).param("on", on).param("id", id).update();
				this.jdbc.sql("""
						INSERT INTO inv_project_step (project_id, stage, step_on, note, done_by)
						VALUES (:id, :s, :on, :n, 'investment')
						""")
					.param("id", id)
					.param("s", stage.name())
					.param("on", on)
					.param("n", (stage == ProjectStage.STALLED) ? "企业资金紧张，暂缓建设" : "投资方战略调整，解除合同")
					.update();
			}
			this.jdbc.sql("UPDATE inv_project SET target_production_on = :t WHERE id = :id")
				.param("t", target)
				.param("id", id)
				.update();
			for (Schedule.Milestone m : plan) {
				LocalDate done = null;
				boolean reached = switch (m.code()) {
					case "LAND", "PLANNING_PERMIT", "CONSTRUCTION_PERMIT" ->
						rank >= ProjectStage.PREPARING.rank() && random.nextInt(4) > 0
								|| rank >= ProjectStage.STARTED.rank();
					case "START" -> rank >= ProjectStage.STARTED.rank();
					case "TOPPED_OUT" -> rank >= ProjectStage.COMPLETED.rank()
							|| (rank == ProjectStage.STARTED.rank() && random.nextBoolean());
					case "COMPLETION", "EQUIPMENT" -> rank >= ProjectStage.COMPLETED.rank();
					default -> rank >= ProjectStage.IN_PRODUCTION.rank();
				};
				if (reached) {
					done = m.plannedOn().plusDays(random.nextInt(40) - 20);
					if (done.isAfter(today)) {
						done = today;
					}
				}
				this.jdbc.sql("""
						INSERT INTO inv_milestone (project_id, code, seq, planned_on, done_on)
						VALUES (:id, :c, :s, :p, :d)
						""")
					.param("id", id)
					.param("c", m.code())
					.param("s", m.seq())
					.param("p", m.plannedOn())
					.param("d", done)
					.update();
			}
			// buildings of projects under construction and later
			if (rank >= ProjectStage.STARTED.rank()) {
				int count = 1 + random.nextInt(3);
				for (int b = 0; b < count; b++) {
					Kinds.BuildingPhase phase = (rank >= ProjectStage.COMPLETED.rank()) ? Kinds.BuildingPhase.COMPLETED
							: Kinds.BuildingPhase.values()[(i + b) % 6];
					Integer floors = (phase == Kinds.BuildingPhase.STRUCTURE) ? 3 + random.nextInt(4) : null;
					Integer done = (floors != null) ? random.nextInt(floors) : null;
					BigDecimal pct = switch (phase) {
						case MASONRY, DECORATION, INSTALLATION -> BigDecimal.valueOf(20 + random.nextInt(8) * 10);
						default -> null;
					};
					LocalDate bOn = today.minusDays(random.nextInt(30));
					this.jdbc.sql("""
							INSERT INTO inv_building_progress (project_id, building, progress_on, phase, floors_done,
							  floors_total, percent, created_by) VALUES (:id, :b, :on, :ph, :d, :t, :p, 'investment')
							""")
						.param("id", id)
						.param("b", BUILDINGS[b])
						.param("on", bOn)
						.param("ph", phase.name())
						.param("d", done)
						.param("t", floors)
						.param("p", pct)
						.update();
				}
			}
			// funds over three years
			BigDecimal contract = BigDecimal.valueOf(total);
			for (int n = 0; n < 6; n++) {
				LocalDate fundOn = signed.plusDays(30 + n * 90L + random.nextInt(60));
				if (fundOn.isAfter(today) || fundOn.isBefore(today.minusYears(3))) {
					continue;
				}
				BigDecimal amount = contract.multiply(BigDecimal.valueOf(3 + random.nextInt(8)))
					.divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
				String origin = (n % 3 == 0) ? "OUTSIDE_PROVINCE" : (n % 3 == 1) ? "IN_PROVINCE" : "FOREIGN";
				this.jdbc.sql("""
						INSERT INTO inv_fund (project_id, fund_on, amount, origin, usd_amount, created_by)
						VALUES (:id, :on, :a, :o, :u, 'investment')
						""")
					.param("id", id)
					.param("on", fundOn)
					.param("a", amount)
					.param("o", origin)
					.param("u",
							origin.equals("FOREIGN")
									? amount.divide(BigDecimal.valueOf(7), 2, java.math.RoundingMode.HALF_UP) : null)
					.update();
			}
			// problems, open and closed
			if (i % 2 == 0 && stage != ProjectStage.CANCELLED) {
				String[] p = PROBLEMS[i % PROBLEMS.length];
				LocalDate raised = today.minusDays(5 + random.nextInt(60));
				LocalDate deadline = raised.plusDays(15 + random.nextInt(30));
				boolean closed = i % 4 == 0;
				this.jdbc
					.sql("""
							INSERT INTO inv_problem (project_id, category, description, department, raised_on, deadline, status,
							  closed_on, result, raised_by) VALUES (:id, :c, :d, :dep, :r, :dl, :s, :co, :res, 'investment')
							""")
					.param("id", id)
					.param("c", p[0])
					.param("d", p[1])
					.param("dep", p[2])
					.param("r", raised)
					.param("dl", deadline)
					.param("s", closed ? "CLOSED" : ((i % 3 == 0) ? "HANDLING" : "OPEN"))
					.param("co", closed ? raised.plusDays(7) : null)
					.param("res", closed ? "已协调解决" : null)
					.update();
			}
		}
		// this year's and last year's targets
		for (int year : List.of(today.getYear() - 1, today.getYear())) {
			Object[][] targets = { { "signed_100m", 30 }, { "contract_amount", 1500000 }, { "started_100m", 25 },
					{ "in_production_mfg", 20 }, { "outside_funds", 800000 }, { "fdi_usd", 3000 } };
			for (Object[] t : targets) {
				this.jdbc.sql("""
						INSERT INTO inv_target (zone_code, year, code, value) VALUES (:z, :y, :c, :v)
						ON CONFLICT DO NOTHING
						""").param("z", zone).param("y", year).param("c", t[0]).param("v", t[1]).update();
			}
		}
	}

	private void step(long id, ProjectStage stage, LocalDate on, String cc, String name) {
		String column = switch (stage) {
			case PREPARING -> "preparing_on";
			case STARTED -> "started_on";
			case COMPLETED -> "completed_on";
			case IN_PRODUCTION -> "in_production_on";
			default -> "at_capacity_on";
		};
		this.jdbc.sql("UPDATE inv_project SET stage = :s, " + column + " = :on WHERE id = :id")
			.param("s", stage.name())
			.param("on", on)
			.param("id", id)
			.update();
		this.jdbc.sql("""
				INSERT INTO inv_project_step (project_id, stage, step_on, done_by) VALUES (:id, :s, :on, 'investment')
				""").param("id", id).param("s", stage.name()).param("on", on).update();
		if (cc != null) {
			this.events.publishEvent(new ProjectStageChanged(id, cc, stage.name(), name, ProjectService.instant(on)));
		}
	}

	/**
	 * A 专班 of three to five people: a 专班长 from 招商局 or 经济发展局, the others from the
	 * departments the project needs; some with a phone.
	 */
	private void taskForce(long project, int i, Random random) {
		int first = (i % 2 == 0) ? 0 : 5;
		List<String[]> people = new java.util.ArrayList<>();
		people.add(TASK_FORCE[first]);
		for (int k = 1; k < TASK_FORCE.length && people.size() < 3 + i % 3; k++) {
			String[] m = TASK_FORCE[(first + k) % TASK_FORCE.length];
			if (!"LEAD".equals(m[2])) {
				people.add(m);
			}
		}
		int seq = 1;
		for (String[] m : people) {
			String phone = (random.nextInt(3) != 0)
					? "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000)) : null;
			this.jdbc
				.sql("""
						INSERT INTO inv_task_force_member (project_id, name, department, role, phone_cipher, seq, created_by)
						VALUES (:p, :name, :dep, :role, :phone, :seq, 'investment')
						""")
				.param("p", project)
				.param("name", m[0])
				.param("dep", m[1])
				.param("role", m[2])
				.param("phone", this.taskForces.encrypt(phone))
				.param("seq", seq++)
				.update();
		}
	}

}
