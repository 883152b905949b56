package io.parkops.service.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.platform.DemoDataContributor;
import io.parkops.platform.ZoneTime;
import io.parkops.service.RequestRaised;
import io.parkops.service.RequestResolved;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A year of enterprise services in the demo zone: secretaries for most enterprises,
 * requests in every state (rated, reopened, resolved awaiting the enterprise's rating, in
 * progress and overdue, new, withdrawn) — the demo enterprise accounts' own among them —
 * visits with deeds, bridge loans (repaid, due, overdue), park loans and renewals, job
 * fairs, four policies whose criteria find enterprises, and applications in every state.
 */
@Component
class ServiceDemoData implements DemoDataContributor {

	private static final String[] SECRETARIES = { "王晓明", "李红梅", "张建国", "刘芳", "陈志强", "杨丽", "赵磊", "黄小燕", "周涛", "吴静", "徐斌",
			"孙婷", "胡军", "朱敏", "高峰", "林娟", "何勇", "郭琳", "马超", "罗慧" };

	private static final String[] LEADERS = { "管委会主任 钟卫东", "党工委书记 许建平", "副主任 邱明", "副主任 程丽华" };

	private static final String[][] REQUESTS = { { "LABOUR", "新产线投产缺普工", "二季度新产线投产，缺普工约60人，请协助组织招聘。" },
			{ "LABOUR", "技术工人招聘难", "数控、焊接等技术工人招聘困难，请协调职业院校定向培养。" },
			{ "LAND", "扩建项目用地指标", "二期扩建需新增用地约20亩，请协调用地指标和规划手续。" },
			{ "FINANCING", "流动资金周转困难", "原材料集中采购，流动资金缺口约500万元，申请过桥资金支持。" },
			{ "UTILITIES", "厂区频繁停电", "近一个月厂区停电4次，影响连续生产，请协调供电部门排查。" },
			{ "UTILITIES", "天然气管道接入", "新建车间需接入天然气，请协调燃气公司加快施工。" }, { "APPROVAL", "环评审批代办", "技改项目环评手续办理进度慢，请求代办帮办。" },
			{ "APPROVAL", "施工许可办理", "新建厂房施工许可证办理中，请协调住建部门加快审批。" }, { "POLICY", "高新技术企业认定咨询", "拟申报高新技术企业，请求政策辅导。" },
			{ "POLICY", "技改补贴申报", "今年完成设备更新，咨询技改补贴申报条件和流程。" }, { "LOGISTICS", "物流通道拥堵", "园区主干道早晚高峰货车拥堵，影响发货，请协调交通疏导。" },
			{ "SECURITY", "厂区周边治安", "厂区周边夜间有车辆盗窃现象，请协调派出所加强巡逻。" }, { "OTHER", "员工子女入学", "外地员工子女入学需协调学位。" },
			{ "OTHER", "员工公寓不足", "员工宿舍紧张，请协调园区人才公寓。" } };

	private static final String[][] HANDLERS = { { "园区企业服务局", "钱科长" }, { "县人社局", "孙股长" }, { "县自然资源局", "周主任" },
			{ "县供电公司", "吴经理" }, { "县行政审批局", "郑科长" }, { "园区规划建设局", "冯工" }, { "县公安局园区派出所", "陈所长" } };

	/**
	 * The park-backed loans' products drawn with the weight they have in the reports: 园区贷
	 * most, then 财园信贷通, then 纾困园区贷, 科贷通, 助保贷, now and then another.
	 */
	private static final String[] PRODUCTS = { "PARK_LOAN", "PARK_LOAN", "PARK_LOAN", "PARK_LOAN", "CAIYUAN_CREDIT",
			"CAIYUAN_CREDIT", "CAIYUAN_CREDIT", "RELIEF_PARK_LOAN", "TECH_CREDIT", "GUARANTEE_POOL", "OTHER" };

	private static final String[] BANKS = { "县农商银行", "中国银行县支行", "工商银行县支行", "九江银行", "邮储银行县支行" };

	private final JdbcClient jdbc;

	private final EnterpriseRegistry enterprises;

	private final ServiceProperties properties;

	private final ApplicationEventPublisher events;

	ServiceDemoData(JdbcClient jdbc, EnterpriseRegistry enterprises, ServiceProperties properties,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.properties = properties;
		this.events = events;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void contribute(DemoContext context) {
		Random random = context.random();
		String zone = context.zoneCode();
		LocalDate today = Scopes.today();
		List<Enterprise> all = this.enterprises.ofZone(zone)
			.stream()
			.filter((e) -> e.status() != EnterpriseStatus.MOVED_OUT)
			.toList();
		if (all.isEmpty()) {
			return;
		}
		secretaries(all, random);
		List<String> demoAccounts = this.jdbc
			.sql("SELECT enterprise_credit_code FROM app_user WHERE enterprise_credit_code IS NOT NULL"
					+ " AND username LIKE 'ent%' ORDER BY username")
			.query(String.class)
			.list()
			.stream()
			.filter((code) -> all.stream().anyMatch((e) -> e.creditCode().equals(code)))
			.toList();
		requests(zone, all, demoAccounts, random, today);
		visits(zone, all, random, today);
		financing(zone, all, random, today);
		fairs(zone, all, random, today);
		policies(zone, all, random, today);
		agencyHiresAndChiefs(zone, all, random, today);
	}

	/** 企业秘书 for nine in ten enterprises, about fifteen enterprises each. */
	private void secretaries(List<Enterprise> all, Random random) {
		for (int i = 0; i < all.size(); i++) {
			if (random.nextInt(10) == 0) {
				continue;
			}
			// through the registry's published API: checked, versioned and audited there
			this.enterprises.assignServicePeople(all.get(i).creditCode(), SECRETARIES[i % SECRETARIES.length], null);
		}
	}

	private void requests(String zone, List<Enterprise> all, List<String> demoAccounts, Random random,
			LocalDate today) {
		String[] channels = { "PORTAL", "PORTAL", "VISIT", "VISIT", "MEETING", "PHONE", "HOTLINE" };
		for (int n = 0; n < 320; n++) {
			int ago = (n < 20) ? random.nextInt(25) : random.nextInt(365);
			String code = (n < demoAccounts.size() * 3) ? demoAccounts.get(n % demoAccounts.size())
					: all.get(random.nextInt(all.size())).creditCode();
			String[] r = REQUESTS[random.nextInt(REQUESTS.length)];
			LocalDate raised = today.minusDays(ago);
			LocalDate deadline = raised.plusDays(this.properties.slaDays(r[0]));
			String channel = channels[random.nextInt(channels.length)];
			long id = this.jdbc.sql("""
					INSERT INTO service_request (zone_code, credit_code, channel, category, title, content, raised_on,
					  deadline, status, created_by) VALUES (:z, :cc, :ch, :cat, :t, :c, :r, :d, 'SUBMITTED', :by)
					RETURNING id""")
				.param("z", zone)
				.param("cc", code)
				.param("ch", channel)
				.param("cat", r[0])
				.param("t", r[1])
				.param("c", r[2])
				.param("r", raised)
				.param("d", deadline)
				.param("by", channel.equals("PORTAL") ? "ent" : "service")
				.query(Long.class)
				.single();
			step(id, "SUBMITTED", raised, channel.equals("PORTAL") ? "ent" : "service", r[1]);
			this.events.publishEvent(new RequestRaised(id, code, r[1], ZoneTime.at(raised, 9)));
			// the demo accounts' first requests: one of each state worth showing
			int kind = (n < demoAccounts.size() * 3) ? n / demoAccounts.size() : random.nextInt(20);
			if (n >= demoAccounts.size() * 3 && ago < 4) {
				continue; // new: still 已受理
			}
			if (kind == 19 && ago > 10) {
				this.jdbc.sql("UPDATE service_request SET status = 'WITHDRAWN', withdrawn_on = :on WHERE id = :id")
					.param("on", raised.plusDays(2))
					.param("id", id)
					.update();
				step(id, "WITHDRAWN", raised.plusDays(2), "ent", "问题已自行解决");
				continue;
			}
			String[] h = HANDLERS[random.nextInt(HANDLERS.length)];
			LocalDate handled = min(raised.plusDays(1 + random.nextInt(3)), today);
			String level = (random.nextInt(6) == 0) ? "CHAIN" : (random.nextInt(3) == 0) ? "COUNTY" : "ZONE";
			this.jdbc
				.sql("UPDATE service_request SET status = 'IN_PROGRESS', handled_on = :on, department = :dep,"
						+ " handler = :h, level = :lvl WHERE id = :id")
				.param("on", handled)
				.param("dep", h[0])
				.param("h", h[1])
				.param("lvl", level)
				.param("id", id)
				.update();
			step(id, "IN_PROGRESS", handled, "service", h[0] + " · " + h[1]);
			boolean staysOpen = (kind == 1) || (kind >= 3 && kind <= 4 && ago < 120) || ago < 8;
			if (staysOpen) {
				if (deadline.isBefore(today)) {
					this.jdbc.sql("UPDATE service_request SET escalated_on = :on WHERE id = :id")
						.param("on", deadline.plusDays(1))
						.param("id", id)
						.update();
					step(id, "ESCALATED", deadline.plusDays(1), "system", null);
				}
				continue;
			}
			int late = (random.nextInt(8) == 0) ? 3 + random.nextInt(10) : 0;
			LocalDate resolved = min(handled
				.plusDays(Math.max(1, random.nextInt(Math.max(2, this.properties.slaDays(r[0]) - 1)) + late)), today);
			String result = "已协调" + h[0] + "办理：" + r[1] + "问题已解决，企业确认。";
			resolve(id, code, r[1], resolved, result);
			if (kind == 2 || (ago < 20 && random.nextBoolean())) {
				continue; // 已办结, awaiting the enterprise's rating
			}
			int satisfaction = (random.nextInt(12) == 0) ? 2 : 3 + random.nextInt(3);
			LocalDate rated = min(resolved.plusDays(1 + random.nextInt(3)), today);
			if (satisfaction <= 2) {
				rate(id, satisfaction, "问题未根本解决", rated, true);
				LocalDate again = min(rated.plusDays(5 + random.nextInt(10)), today);
				resolve(id, code, r[1], again, result + "经复查，已彻底解决。");
				if (again.isBefore(today)) {
					rate(id, 4, "复查后解决到位", min(again.plusDays(1), today), false);
				}
				continue;
			}
			rate(id, satisfaction, (satisfaction == 5) ? "办理高效，非常满意" : null, rated, false);
		}
	}

	private void resolve(long id, String code, String title, LocalDate on, String result) {
		this.jdbc.sql("UPDATE service_request SET status = 'RESOLVED', resolved_on = :on, result = :r WHERE id = :id")
			.param("on", on)
			.param("r", result)
			.param("id", id)
			.update();
		step(id, "RESOLVED", on, "service", result);
		this.events.publishEvent(new RequestResolved(id, code, title, ZoneTime.at(on, 16)));
	}

	private void rate(long id, int satisfaction, String comment, LocalDate on, boolean reopen) {
		this.jdbc
			.sql("UPDATE service_request SET status = :st, satisfaction = :s, rating_comment = :c, rated_on = :on"
					+ (reopen ? ", resolved_on = NULL, reopened = reopened + 1" : "") + " WHERE id = :id")
			.param("st", reopen ? "IN_PROGRESS" : "RATED")
			.param("s", satisfaction)
			.param("c", comment)
			.param("on", on)
			.param("id", id)
			.update();
		step(id, "RATED", on, "ent", satisfaction + ((comment != null) ? " · " + comment : ""));
		if (reopen) {
			step(id, "REOPENED", on, "ent", null);
		}
	}

	private void step(long id, String step, LocalDate on, String actor, String text) {
		this.jdbc
			.sql("INSERT INTO service_request_step (request_id, step, on_date, actor, text)"
					+ " VALUES (:id, :s, :on, :a, :t)")
			.param("id", id)
			.param("s", step)
			.param("on", on)
			.param("a", actor)
			.param("t", text)
			.update();
	}

	private void visits(String zone, List<Enterprise> all, Random random, LocalDate today) {
		String[] notes = { "了解企业生产经营和用工情况，宣传惠企政策。", "实地查看新产线建设进度，协调解决水电接入问题。", "召开企业座谈会，收集融资、用地需求。",
				"走访了解订单和原材料价格情况，企业反映物流成本偏高。", "陪同企业对接银行，介绍过桥资金和园区贷产品。" };
		for (int n = 0; n < 130; n++) {
			LocalDate on = today.minusDays(random.nextInt(365));
			List<String> codes = new ArrayList<>();
			int k = 1 + random.nextInt(3);
			for (int i = 0; i < k; i++) {
				String cc = all.get(random.nextInt(all.size())).creditCode();
				if (!codes.contains(cc)) {
					codes.add(cc);
				}
			}
			List<String> visitors = new ArrayList<>();
			visitors.add(SECRETARIES[random.nextInt(SECRETARIES.length)]);
			if (random.nextInt(3) == 0) {
				visitors.add(LEADERS[random.nextInt(LEADERS.length)]);
			}
			long id = this.jdbc.sql("""
					INSERT INTO service_visit (zone_code, visited_on, visitors, notes, deeds, created_by)
					VALUES (:z, :on, :v, :n, :d, 'service') RETURNING id""")
				.param("z", zone)
				.param("on", on)
				.param("v", visitors.toArray(String[]::new))
				.param("n", notes[random.nextInt(notes.length)])
				.param("d", (random.nextInt(3) == 0) ? 1 + random.nextInt(2) : 0)
				.query(Long.class)
				.single();
			for (String cc : codes) {
				this.jdbc.sql("INSERT INTO service_visit_enterprise (visit_id, credit_code) VALUES (:id, :cc)")
					.param("id", id)
					.param("cc", cc)
					.update();
			}
		}
	}

	private void financing(String zone, List<Enterprise> all, Random random, LocalDate today) {
		for (int n = 0; n < 70; n++) {
			String kind = (n < 25) ? "BRIDGE" : (n < 40) ? "PARK_LOAN" : "RENEWAL";
			Enterprise e = all.get(random.nextInt(Math.min(all.size(), 120)));
			LocalDate on = today.minusDays(5 + random.nextInt(360));
			BigDecimal amount = BigDecimal.valueOf((kind.equals("BRIDGE") ? 100 : 200) + random.nextInt(20) * 50L)
				.setScale(2);
			LocalDate due = kind.equals("BRIDGE") ? on.plusDays(30 + random.nextInt(60)) : null;
			String product = kind.equals("PARK_LOAN") ? PRODUCTS[random.nextInt(PRODUCTS.length)] : null;
			LocalDate repaid = null;
			if (due != null && due.isBefore(today) && n % 12 != 0) {
				repaid = due.minusDays(random.nextInt(5));
			}
			this.jdbc.sql("""
					INSERT INTO service_financing (zone_code, credit_code, kind, product, granted_on, amount, bank,
					  due_on, repaid_on, fee, created_by)
					VALUES (:z, :cc, :k, :product, :on, :a, :b, :due, :rep, :fee, 'service')""")
				.param("z", zone)
				.param("cc", e.creditCode())
				.param("k", kind)
				.param("product", product)
				.param("on", on)
				.param("a", amount)
				.param("b", BANKS[random.nextInt(BANKS.length)])
				.param("due", due)
				.param("rep", repaid)
				.param("fee", kind.equals("BRIDGE") ? amount.multiply(new BigDecimal("0.001")).setScale(2) : null)
				.update();
		}
	}

	private void fairs(String zone, List<Enterprise> all, Random random, LocalDate today) {
		String[][] fairs = { { "SPECIAL", "“春风行动”专场招聘会" }, { "SPECIAL", "“万名大招工”专场招聘会" }, { "CAMPUS", "职业技术学院校园招聘会" },
				{ "ONLINE", "“云招聘”线上招聘会" }, { "SPECIAL", "退役军人专场招聘会" } };
		for (int n = 0; n < 13; n++) {
			String[] f = fairs[n % fairs.length];
			long id = this.jdbc.sql("""
					INSERT INTO service_job_fair (zone_code, held_on, kind, title, visitors, hires, created_by)
					VALUES (:z, :on, :k, :t, :v, :h, 'service') RETURNING id""")
				.param("z", zone)
				.param("on", today.minusDays(10 + random.nextInt(350)))
				.param("k", f[0])
				.param("t", f[1])
				.param("v", 300 + random.nextInt(1500))
				.param("h", 60 + random.nextInt(260))
				.query(Long.class)
				.single();
			List<String> codes = new ArrayList<>();
			for (int i = 0; i < 8 + random.nextInt(20); i++) {
				String cc = all.get(random.nextInt(all.size())).creditCode();
				if (!codes.contains(cc)) {
					codes.add(cc);
					this.jdbc.sql("INSERT INTO service_job_fair_enterprise (fair_id, credit_code) VALUES (:id, :cc)")
						.param("id", id)
						.param("cc", cc)
						.update();
				}
			}
		}
	}

	private void policies(String zone, List<Enterprise> all, Random random, LocalDate today) {
		JsonMapper json = JsonMapper.builder().build();
		int year = today.getYear();
		long highTech = policy(zone, "高新技术企业认定奖励", "园区管委会", "ZONE", "云管发〔" + year + "〕6号", today,
				"首次认定奖励20万元，重新认定奖励10万元", json.writeValueAsString(List
					.of(new ServiceCommands.Criterion("FLAG", "HIGH_TECH", null, null, null, null, null, null))));
		long growth = policy(zone, "规上工业企业稳增长奖励", "县人民政府", "COUNTY", "县府发〔" + year + "〕12号", today,
				"营业收入增长10%以上的，按增量的1%给予奖励，最高50万元",
				json.writeValueAsString(
						List.of(new ServiceCommands.Criterion("ABOVE_SCALE", null, null, null, null, null, null, null),
								new ServiceCommands.Criterion("INDICATOR_GROWTH", null, null, "revenue",
										new BigDecimal("10"), null, null, null))));
		long electronic = policy(zone, "电子信息产业高质量发展扶持", "市工业和信息化局", "CITY", "市工信字〔" + year + "〕21号", today,
				"按研发投入的10%给予补助",
				json.writeValueAsString(List.of(
						new ServiceCommands.Criterion("INDUSTRY", null, List.of("C39", "C38"), null, null, null, null,
								null),
						new ServiceCommands.Criterion("INDICATOR_AMOUNT", null, null, "revenue", null,
								new BigDecimal("2000"), null, null),
						new ServiceCommands.Criterion("MANUAL", null, null, null, null, null, null,
								"研发投入占营业收入比例不低于3%"))));
		long jobs = policy(zone, "稳岗返还", "县人力资源和社会保障局", "COUNTY", "县人社发〔" + year + "〕3号", today, "按上年度缴纳失业保险费的60%返还",
				json.writeValueAsString(List.of(new ServiceCommands.Criterion("MANUAL", null, null, null, null, null,
						null, "上年度未裁员或裁员率低于全国城镇调查失业率控制目标"))));
		// 亩均论英雄: the land work line's data decides it (免申即享)
		policy(zone, "亩均效益领跑企业奖励", "园区管委会", "ZONE", "云管发〔" + year + "〕15号", today,
				"亩均效益评价A类、B类且持有土地50亩以上的工业企业，按上年度亩均税收增量给予奖励，最高30万元",
				json.writeValueAsString(List.of(
						new ServiceCommands.Criterion("LAND", null, null, null, null, null, null, null,
								Kinds.LandMeasure.PER_MU_CLASS.name(), List.of("A", "B")),
						new ServiceCommands.Criterion("LAND", null, null, null, null, new BigDecimal("50"), null, null,
								Kinds.LandMeasure.LAND_AREA.name(), null))));
		long[] ids = { highTech, growth, electronic, jobs };
		String[] statuses = { "APPLIED", "APPROVED", "PAID", "PAID", "PAID", "REJECTED" };
		List<String> used = new ArrayList<>();
		for (int n = 0; n < 45; n++) {
			long policy = ids[n % ids.length];
			Enterprise e = all.get(random.nextInt(all.size()));
			if (used.contains(policy + e.creditCode())) {
				continue;
			}
			used.add(policy + e.creditCode());
			String status = statuses[random.nextInt(statuses.length)];
			LocalDate applied = today.minusDays(20 + random.nextInt(300));
			BigDecimal amount = BigDecimal.valueOf(5 + random.nextInt(40)).setScale(2);
			boolean reviewed = !status.equals("APPLIED");
			boolean paid = status.equals("PAID");
			this.jdbc.sql("""
					INSERT INTO service_application (policy_id, zone_code, credit_code, amount, applied_on, status,
					  reviewed_on, approved_amount, paid_on, paid_amount, publicity_from, publicity_to, created_by)
					VALUES (:p, :z, :cc, :a, :on, :st, :rev, :appr, :paidOn, :paid, :pubFrom, :pubTo, 'service')""")
				.param("p", policy)
				.param("z", zone)
				.param("cc", e.creditCode())
				.param("a", amount)
				.param("on", applied)
				.param("st", status)
				.param("rev", reviewed ? applied.plusDays(10) : null)
				.param("appr", (reviewed && !status.equals("REJECTED")) ? amount : null)
				.param("paidOn", paid ? applied.plusDays(15) : null)
				.param("paid", paid ? amount : null)
				// paid only after its 公示 ended; an approved one on notice every other
				// time
				.param("pubFrom", (paid || (status.equals("APPROVED") && n % 2 == 0)) ? applied.plusDays(11) : null)
				.param("pubTo", (paid || (status.equals("APPROVED") && n % 2 == 0)) ? applied.plusDays(14) : null)
				.update();
		}
	}

	private long policy(String zone, String title, String issuer, String level, String number, LocalDate today,
			String rule, String criteria) {
		return this.jdbc.sql("""
				INSERT INTO service_policy (zone_code, title, issuer, issuer_level, document_number, valid_from,
				  valid_to, window_from, window_to, amount_rule, criteria, created_by)
				VALUES (:z, :t, :i, :l, :n, :vf, :vt, :wf, :wt, :r, :c, 'service') RETURNING id""")
			.param("z", zone)
			.param("t", title)
			.param("i", issuer)
			.param("l", level)
			.param("n", number)
			.param("vf", today.minusDays(330))
			.param("vt", today.plusYears(2))
			.param("wf", today.minusDays(330))
			.param("wt", today.plusDays(60))
			.param("r", rule)
			.param("c", criteria)
			.query(Long.class)
			.single();
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * 代办 items of the last year (most finished), hires reported by a third of the
	 * enterprises for the last six months, and a 首席服务员 for the larger enterprises.
	 */
	private void agencyHiresAndChiefs(String zone, List<Enterprise> all, Random random, LocalDate today) {
		String[][] items = { { "施工许可证", "县住建局" }, { "环境影响评价批复", "市生态环境局" }, { "排污许可证", "市生态环境局" }, { "消防设计审查", "县住建局" },
				{ "不动产权证", "县自然资源局" }, { "食品生产许可证", "县市场监管局" }, { "企业投资项目备案", "县发改委" } };
		String[] handlers = { "周代办员", "孙代办员", "郑代办员" };
		for (int n = 0; n < 42; n++) {
			String[] item = items[n % items.length];
			LocalDate started = today.minusDays(5 + random.nextInt(360));
			LocalDate finished = (random.nextInt(6) == 0) ? null : started.plusDays(3 + random.nextInt(40));
			if (finished != null && finished.isAfter(today)) {
				finished = null;
			}
			this.jdbc.sql("""
					INSERT INTO service_agency (zone_code, credit_code, item, department, handler, started_on,
					  finished_on, result, created_by) VALUES (:z, :cc, :item, :dept, :h, :s, :f, :r, 'service')""")
				.param("z", zone)
				.param("cc", all.get(random.nextInt(all.size())).creditCode())
				.param("item", item[0])
				.param("dept", item[1])
				.param("h", handlers[n % handlers.length])
				.param("s", started)
				.param("f", finished)
				.param("r", (finished != null) ? "已取得" + item[0] : null)
				.update();
		}
		java.time.YearMonth now = java.time.YearMonth.from(today);
		for (int i = 0; i < all.size(); i += 3) {
			for (int m = 1; m <= 6; m++) {
				this.jdbc.sql("""
						INSERT INTO service_hire (zone_code, credit_code, month, hires, created_by)
						VALUES (:z, :cc, :m, :h, 'service')""")
					.param("z", zone)
					.param("cc", all.get(i).creditCode())
					.param("m", now.minusMonths(m).atDay(1))
					.param("h", 2 + random.nextInt(30))
					.update();
			}
		}
		String[] chiefs = { "钱卫东", "孙丽华", "李志刚", "周敏", "吴海军", "郑秀英", "王志勇", "冯春燕" };
		for (int i = 0; i < all.size(); i++) {
			if (!all.get(i).aboveScale()) {
				continue;
			}
			this.jdbc.sql("""
					INSERT INTO service_people (credit_code, zone_code, chief_server, updated_by, version)
					VALUES (:cc, :z, :c, 'service', 1) ON CONFLICT (credit_code) DO NOTHING""")
				.param("cc", all.get(i).creditCode())
				.param("z", zone)
				.param("c", chiefs[i % chiefs.length])
				.update();
		}
	}

}
