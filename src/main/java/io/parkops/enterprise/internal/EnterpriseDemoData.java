package io.parkops.enterprise.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.parkops.enterprise.CreditCode;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseFlag;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.enterprise.OwnershipType;
import io.parkops.platform.DemoDataContributor;
import io.parkops.platform.UserAccounts;
import io.parkops.platform.ZoneTime;

import org.springframework.stereotype.Component;

/**
 * About 300 fictional enterprises of the demo zone over its three areas, about 120 of
 * them 规上, mostly 民营 with some 外商, 港澳台, 国有 and 集体 ones, with flags, status history and
 * five enterprise accounts ({@code ent001}…{@code ent005}).
 */
@Component
class EnterpriseDemoData implements DemoDataContributor {

	/**
	 * 挂点领导: the committee's leaders by name, as a zone writes them (not account names).
	 */
	private static final String[] LEADERS = { "王主任", "副主任 邱明", "副主任 程丽华" };

	private static final String[] AREAS = { "east", "west", "south" };

	/**
	 * Industry divisions of the demo zone, weighted towards its 主导产业 (electronics, new
	 * materials).
	 */
	private static final String[][] INDUSTRIES = { { "C39", "电子", "光电", "智能终端", "电路", "通信" },
			{ "C38", "电气", "电机", "新能源", "储能" }, { "C30", "新材料", "建材", "陶瓷" }, { "C26", "化工", "涂料" },
			{ "C34", "机械", "装备", "精密" }, { "C35", "专用设备", "智能装备" }, { "C33", "金属制品", "五金" }, { "C29", "塑胶", "橡塑" },
			{ "C13", "食品", "粮油" }, { "C18", "服饰", "纺织" }, { "C27", "医药", "生物" }, { "C36", "汽车零部件", "汽配" },
			{ "C22", "纸业", "包装" }, { "C41", "工艺品" }, { "F51", "商贸", "物流" }, { "I65", "软件", "信息" } };

	private static final String[] PREFIXES = { "云溪", "赣江", "鑫源", "华瑞", "宏达", "德润", "恒通", "嘉禾", "金泰", "明阳", "天宇", "博远",
			"盛世", "瑞丰", "永兴", "正邦", "联创", "中科", "新锐", "宇航", "佳禾", "凯盛", "远景", "东恒", "福安", "顺昌", "润泽", "汇川", "海川",
			"立信" };

	private final EnterpriseService enterprises;

	private final EnterpriseStore store;

	private final UserAccounts users;

	EnterpriseDemoData(EnterpriseService enterprises, EnterpriseStore store, UserAccounts users) {
		this.enterprises = enterprises;
		this.store = store;
		this.users = users;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void contribute(DemoContext context) {
		Random random = context.random();
		// a source of its own, so the rest of the demo data stays as it was
		Random owners = new Random(20261201L);
		// registration days from their own sequence, so the rest of the demo stays as it
		// was
		Random registrations = new Random(20100101L);
		Set<String> names = new HashSet<>();
		List<Enterprise> created = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			String[] industry = INDUSTRIES[weightedIndustry(random)];
			String name;
			do {
				name = PREFIXES[random.nextInt(PREFIXES.length)] + industry[1 + random.nextInt(industry.length - 1)]
						+ ((random.nextInt(3) == 0) ? "科技" : "") + "有限公司";
			}
			while (!names.add(name));
			boolean industrial = industry[0].startsWith("C");
			boolean above = industrial && (i % 5 < 2 || (i % 5 == 2 && random.nextBoolean()));
			EnterpriseStatus status = (i % 23 == 0) ? EnterpriseStatus.BUILDING
					: (i % 37 == 0) ? EnterpriseStatus.HALTED
							: (i % 97 == 0) ? EnterpriseStatus.MOVED_OUT : EnterpriseStatus.IN_PRODUCTION;
			if (status != EnterpriseStatus.IN_PRODUCTION) {
				above = false;
			}
			YearMonth since = above ? YearMonth.of(2015 + random.nextInt(9), 1 + random.nextInt(12)) : null;
			List<String> tags = new ArrayList<>();
			if (industry[0].equals("C39") || industry[0].equals("C38")) {
				tags.add("电子信息");
			}
			if (industry[0].equals("C30") || industry[0].equals("C26")) {
				tags.add("新材料");
			}
			// registered on a day of 2010 to mid-2023, before it entered the 规上 set
			LocalDate registered = LocalDate.of(2010, 1, 1).plusDays(registrations.nextInt(4900));
			if (since != null && !registered.isBefore(since.atDay(1))) {
				registered = since.atDay(1).minusDays(200 + registrations.nextInt(700));
			}
			Enterprise e = this.enterprises.insert(
					new Enterprise(0, creditCode(random), name, context.zoneCode(), AREAS[i % 3], industry[0], null,
							status, ownership(owners), above, since, surname(random) + "总", surname(random) + "经理",
							"13" + (100000000 + random.nextInt(899999999)), null,
							"云溪经济开发区" + AREAS_ZH[i % 3] + "工业大道" + (1 + random.nextInt(300)) + "号", "李经发",
							LEADERS[i % LEADERS.length], tags, List.of(), 0),
					registered, ZoneTime.at(registered, 9 + registrations.nextInt(8)));
			created.add(e);
			if (above && random.nextInt(6) == 0) {
				// some entered, left and came back: the set of a period must follow the
				// history
				YearMonth exit = since.plusMonths(12 + random.nextInt(24));
				if (exit.isBefore(YearMonth.of(2024, 1))) {
					this.store.insertScaleChange(e.id(), exit, false, "economy");
					this.store.insertScaleChange(e.id(), exit.plusMonths(6 + random.nextInt(12)), true, "economy");
				}
			}
			if (above && random.nextInt(3) == 0) {
				LocalDate granted = LocalDate.of(2021 + random.nextInt(4), 1 + random.nextInt(12), 1);
				this.store.insertFlag(e.id(), EnterpriseFlag.HIGH_TECH.name(), granted,
						granted.plusYears(3).minusDays(1),
						"GR20" + (21 + random.nextInt(4)) + "36" + (100000 + random.nextInt(899999)));
			}
			if (above && random.nextInt(8) == 0) {
				this.store.insertFlag(e.id(), EnterpriseFlag.SPECIALIZED.name(), LocalDate.of(2023, 6, 1), null, null);
			}
			if (above && random.nextInt(40) == 0) {
				this.store.insertFlag(e.id(), EnterpriseFlag.LITTLE_GIANT.name(), LocalDate.of(2024, 7, 1), null, null);
			}
			if (random.nextInt(25) == 0) {
				this.store.insertFlag(e.id(), EnterpriseFlag.FOREIGN.name(), LocalDate.of(2018, 1, 1), null, null);
				if (e.ownershipType() == OwnershipType.PRIVATE) {
					this.store.setOwnership(e.id(), OwnershipType.FOREIGN);
				}
			}
			if (status != EnterpriseStatus.IN_PRODUCTION) {
				this.store.insertStatus(e.id(), status, LocalDate.of(2024, 1 + random.nextInt(12), 1), null);
			}
		}
		recentScaleChanges(created);
		for (int i = 1; i <= 5; i++) {
			Enterprise e = created.get(i * 5);
			this.users.create(new UserAccounts.NewUser(String.format("ent%03d", i), context.demoPassword(),
					e.name() + "填报员", List.of("ENTERPRISE"), List.of(), e.creditCode(), false));
		}
	}

	/**
	 * Entries (入规) and exits (退规) over the last three years, so that the year's 新增规上 and
	 * 退规 counts of the statistics have something to count. A random source of its own
	 * keeps the rest of the demo data as it was.
	 */
	private void recentScaleChanges(List<Enterprise> created) {
		Random random = new Random(20260101L);
		YearMonth first = YearMonth.now(ZoneTime.zone()).minusYears(2).withMonth(1);
		int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(first, YearMonth.now(ZoneTime.zone()));
		int entries = 0;
		int exits = 0;
		for (Enterprise e : created) {
			boolean industrial = e.industryCode() != null && e.industryCode().startsWith("C");
			if (!industrial || e.status() != EnterpriseStatus.IN_PRODUCTION) {
				continue;
			}
			if (!e.aboveScale() && entries < 18 && random.nextInt(3) == 0) {
				this.store.insertScaleChange(e.id(), first.plusMonths(random.nextInt(months)), true, "economy");
				entries++;
			}
			else if (e.aboveScale() && exits < 5 && random.nextInt(20) == 0) {
				YearMonth exit = first.plusMonths(12 + random.nextInt(months - 12));
				List<EnterpriseStore.ScaleRow> history = this.store.scaleHistory(e.id());
				EnterpriseStore.ScaleRow last = history.get(history.size() - 1);
				if (last.aboveScale() && YearMonth.from(last.month()).isBefore(exit)) {
					this.store.insertScaleChange(e.id(), exit, false, "economy");
					exits++;
				}
			}
		}
	}

	/**
	 * A realistic mix of ownership in a Chinese industrial park: mostly 民营, a few 外商 and
	 * 港澳台, a handful of 国有, 集体 and 其他, and some not recorded (未填).
	 */
	private static OwnershipType ownership(Random random) {
		int r = random.nextInt(1000);
		if (r < 25) {
			return OwnershipType.STATE_OWNED;
		}
		if (r < 40) {
			return OwnershipType.COLLECTIVE;
		}
		if (r < 70) {
			return OwnershipType.HONG_KONG_MACAO_TAIWAN;
		}
		if (r < 100) {
			return OwnershipType.FOREIGN;
		}
		if (r < 120) {
			return OwnershipType.OTHER;
		}
		if (r < 135) {
			return null;
		}
		return OwnershipType.PRIVATE;
	}

	private static final String[] AREAS_ZH = { "东区", "西区", "南区" };

	private static int weightedIndustry(Random random) {
		int r = random.nextInt(100);
		if (r < 22) {
			return 0;
		}
		if (r < 34) {
			return 1;
		}
		if (r < 44) {
			return 2;
		}
		return 3 + random.nextInt(INDUSTRIES.length - 3);
	}

	private static String surname(Random random) {
		String s = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高";
		return String.valueOf(s.charAt(random.nextInt(s.length())));
	}

	static String creditCode(Random random) {
		StringBuilder sb = new StringBuilder("91360");
		for (int i = 0; i < 12; i++) {
			sb.append(CreditCode_CHARS.charAt(random.nextInt(CreditCode_CHARS.length())));
		}
		return sb.toString() + CreditCode.checkCharacter(sb.toString());
	}

	private static final String CreditCode_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

}
