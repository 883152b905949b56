package io.parkops.party.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.party.BranchFounded;
import io.parkops.party.InstructorVisited;
import io.parkops.platform.DemoDataContributor;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The demo zone's party building: a working committee with a general committee and about
 * forty branches of every kind, founded over the years so that coverage rises over the
 * last two (one joint branch dissolved, one merged), about 250 members (some phones,
 * encrypted), the development pipeline, eight instructors with a year of visits (some
 * behind their rhythm), a year of activities and of dues.
 */
@Component
class PartyDemoData implements DemoDataContributor {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文斌辉鹏飞晓燕海波宇浩然婷雪梅";

	private static final String[] THEMES = { "学习贯彻党的二十大精神", "重温入党誓词", "党史学习教育", "安全生产主题党日", "走进红色教育基地", "廉洁从业警示教育",
			"党员先锋岗评比", "“我为群众办实事”" };

	private final PartyStore store;

	private final PhoneCipher cipher;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final ZoneTime time;

	private final ApplicationEventPublisher events;

	PartyDemoData(PartyStore store, PhoneCipher cipher, EnterpriseRegistry enterprises, ZoneDirectory zones,
			ZoneTime time, ApplicationEventPublisher events) {
		this.store = store;
		this.cipher = cipher;
		this.enterprises = enterprises;
		this.zones = zones;
		this.time = time;
		this.events = events;
	}

	@Override
	public int order() {
		return 70;
	}

	private static String name(Random r) {
		String n = String.valueOf(SURNAMES.charAt(r.nextInt(SURNAMES.length())))
				+ GIVEN.charAt(r.nextInt(GIVEN.length()));
		return r.nextBoolean() ? n + GIVEN.charAt(r.nextInt(GIVEN.length())) : n;
	}

	private static String shortName(String enterprise) {
		return enterprise.replace("有限责任公司", "").replace("股份有限公司", "").replace("有限公司", "");
	}

	private static LocalDate between(Random r, LocalDate from, LocalDate to) {
		long days = Math.max(1, to.toEpochDay() - from.toEpochDay());
		return from.plusDays((long) (r.nextDouble() * days));
	}

	@Override
	public void contribute(DemoContext context) {
		Random r = context.random();
		String zone = context.zoneCode();
		LocalDate today = this.time.today();
		String zoneName = this.zones.require(zone).name();
		List<Enterprise> operating = new ArrayList<>(this.enterprises.ofZone(zone)
			.stream()
			.filter((e) -> e.status() == EnterpriseStatus.IN_PRODUCTION)
			.toList());
		if (operating.size() < 60) {
			return;
		}
		java.util.Collections.shuffle(operating, r);
		int next = 0;
		LocalDate twoYears = today.minusYears(2);
		long committee = this.store.insertOrganisation(zone, zoneName + "党工委", "WORKING_COMMITTEE", null, null, name(r),
				LocalDate.of(2012, 3, 1), 5, "party");
		long general = this.store.insertOrganisation(zone, zoneName + "非公经济组织综合党委", "GENERAL_COMMITTEE", null,
				committee, name(r), LocalDate.of(2019, 5, 16), 5, "party");
		List<Long> branches = new ArrayList<>();
		List<long[]> memberSlots = new ArrayList<>();
		// organ, incubator, state-owned, social
		long organ = branch(zone, "管委会机关党支部", "ORGAN", committee, LocalDate.of(2012, 4, 10), List.of(), r);
		branches.add(organ);
		memberSlots.add(new long[] { organ, 14 });
		List<Enterprise> incubated = operating.subList(next, next + 4);
		next += 4;
		long incubator = branch(zone, "科创孵化器党支部", "INCUBATOR", general, LocalDate.of(2020, 7, 1), incubated, r);
		branches.add(incubator);
		memberSlots.add(new long[] { incubator, 7 });
		for (String state : List.of("园区城投集团党支部", "园区水务公司党支部")) {
			// a state-owned enterprise of the registry where there is one
			for (int j = next; j < operating.size(); j++) {
				if (operating.get(j).ownershipType() == io.parkops.enterprise.OwnershipType.STATE_OWNED) {
					java.util.Collections.swap(operating, next, j);
					break;
				}
			}
			Enterprise e = operating.get(next++);
			long id = branch(zone, state, "STATE_OWNED", committee, LocalDate.of(2014, 9, 1), List.of(e), r);
			branches.add(id);
			memberSlots.add(new long[] { id, 9 });
		}
		long social = branch(zone, "园区商会党支部", "SOCIAL", general, LocalDate.of(2018, 11, 20), List.of(), r);
		branches.add(social);
		memberSlots.add(new long[] { social, 5 });
		// own branches: a third before two years ago, the rest rising since
		List<Long> ownBranches = new ArrayList<>();
		for (int i = 0; i < 26; i++) {
			Enterprise e = operating.get(next++);
			LocalDate founded = (i < 9) ? between(r, LocalDate.of(2016, 1, 1), twoYears)
					: between(r, twoYears, today.minusDays(5));
			long id = branch(zone, shortName(e.name()) + "党支部", "OWN", general, founded, List.of(e), r);
			branches.add(id);
			ownBranches.add(id);
			memberSlots.add(new long[] { id, 3 + r.nextInt(5), 0, e.id() });
		}
		// joint branches of 3-5 enterprises each
		List<Long> jointBranches = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			int size = 3 + r.nextInt(3);
			List<Enterprise> group = new ArrayList<>(operating.subList(next, next + size));
			next += size;
			LocalDate founded = (i < 3) ? between(r, LocalDate.of(2017, 1, 1), twoYears)
					: between(r, twoYears, today.minusDays(5));
			long id = branch(zone, "联合党支部（第" + "一二三四五六七八九".charAt(i) + "片）", "JOINT", general, founded, group, r);
			branches.add(id);
			jointBranches.add(id);
			memberSlots.add(new long[] { id, size + r.nextInt(4) });
		}
		// history: the first joint branch is merged into the second ten months ago
		LocalDate merged = today.minusMonths(10);
		if (this.store.end(jointBranches.get(0), merged, "MERGED", jointBranches.get(1)) == 1) {
			for (String code : this.store.endLinks(jointBranches.get(0), merged)) {
				this.store.addEnterprise(jointBranches.get(1), code, merged);
			}
		}
		// a regional branch for members of enterprises without a branch
		long regional = branch(zone, "园区区域党支部", "REGIONAL", general, LocalDate.of(2021, 6, 28), List.of(), r);
		branches.add(regional);
		// enterprises without a branch: some with members (three have 3+ full members:
		// 应建未建)
		List<Enterprise> uncovered = new ArrayList<>(operating.subList(next, operating.size()));
		// members
		int members = 0;
		for (long[] slot : memberSlots) {
			OrgInfo org = new OrgInfo(slot[0], this.store.organisation(slot[0]).orElseThrow().foundedOn());
			List<String> codes = this.store.coveredEnterprises(slot[0])
				.stream()
				.map(PartyViews.CoveredEnterprise::creditCode)
				.toList();
			for (int i = 0; i < slot[1]; i++) {
				String code = codes.isEmpty() ? null : codes.get(i % codes.size());
				member(r, org, code, today);
				members++;
			}
		}
		for (int i = 0; i < 18 && i < uncovered.size(); i++) {
			Enterprise e = uncovered.get(i);
			int n = (i < 3) ? 3 + r.nextInt(2) : 1 + r.nextInt(2);
			for (int k = 0; k < n; k++) {
				member(r, new OrgInfo(regional, LocalDate.of(2021, 6, 28)), e.creditCode(), today);
				members++;
			}
		}
		// development pipeline
		String[] stages = { "APPLICANT", "ACTIVIST", "CANDIDATE", "PROBATIONARY", "FULL" };
		String[] columns = { null, "activist_on", "candidate_on", "probationary_on", "full_on" };
		for (int i = 0; i < 24; i++) {
			long org = branches.get(r.nextInt(branches.size()));
			LocalDate applied = between(r, today.minusYears(3), today.minusDays(20));
			long id = this.store.insertApplicant(org, name(r), applied, "party");
			int reach = r.nextInt(stages.length);
			LocalDate on = applied;
			for (int s = 1; s <= reach; s++) {
				on = on.plusDays(90 + r.nextInt(200));
				if (on.isAfter(today)) {
					break;
				}
				this.store.advance(id, stages[s - 1], stages[s], columns[s], on);
			}
		}
		// instructors for enterprises without a branch, assigned a year ago, visiting
		// about every half month
		String[] instructors = { "周建华", "吴晓燕", "郑海波", "孙玉兰", "冯志强", "陈文斌", "何丽娟", "罗国平" };
		int cursor = 0;
		for (int i = 0; i < instructors.length && cursor < uncovered.size(); i++) {
			long id = this.store.insertInstructor(zone, instructors[i], "party");
			int count = 3 + r.nextInt(3);
			boolean lagging = i >= 6;
			for (int k = 0; k < count && cursor < uncovered.size(); k++) {
				Enterprise e = uncovered.get(cursor++);
				LocalDate assigned = today.minusMonths(12 + r.nextInt(6));
				this.store.assign(id, e.creditCode(), assigned);
				LocalDate v = assigned.plusDays(5 + r.nextInt(10));
				LocalDate stop = lagging ? today.minusDays(25 + r.nextInt(20)) : today;
				while (!v.isAfter(stop)) {
					this.store.insertVisit(id, e.creditCode(), v, "宣讲党的政策，了解企业党员和生产经营情况", "party");
					v = v.plusDays(10 + r.nextInt(6));
				}
				this.events.publishEvent(new InstructorVisited(e.creditCode(),
						v.minusDays(12).atStartOfDay(this.time.zoneId()).toInstant(), instructors[i], id));
			}
		}
		// a year of activities and dues for every branch still active
		for (long id : branches) {
			OrgInfo org = new OrgInfo(id, this.store.organisation(id).orElseThrow().foundedOn());
			if (this.store.organisation(id).orElseThrow().endedOn() != null) {
				continue;
			}
			int people = Math.max(3, (int) this.store.activeMembersOf(id, today));
			for (int m = 11; m >= 0; m--) {
				YearMonth month = YearMonth.from(today).minusMonths(m);
				LocalDate day = month.atDay(Math.min(month.lengthOfMonth(), 8 + r.nextInt(15)));
				if (day.isAfter(today) || day.isBefore(org.founded())) {
					continue;
				}
				this.store.insertActivity(id, "THREE_MEETINGS", day, "支部党员大会暨" + month.getMonthValue() + "月主题学习",
						people - r.nextInt(2), null, "party");
				if (m % 3 == 0) {
					this.store.insertActivity(id, "PARTY_LESSON",
							day.plusDays(1).isAfter(today) ? day : day.plusDays(1),
							"书记讲党课：" + THEMES[r.nextInt(THEMES.length)], people, null, "party");
				}
				if (r.nextInt(3) == 0) {
					this.store.insertActivity(id, "THEME_DAY", day, "主题党日：" + THEMES[r.nextInt(THEMES.length)],
							people + r.nextInt(5), null, "party");
				}
				BigDecimal collected = BigDecimal.valueOf(people * (20 + r.nextInt(40)));
				this.store.insertDues(id, month.toString(), collected,
						(m % 6 == 0) ? collected.multiply(new BigDecimal("0.3")).setScale(2) : BigDecimal.ZERO);
			}
		}
		LocalDate yearAgo = today.minusMonths(11);
		for (int i = 0; i < 4; i++) {
			this.store.insertActivity(organ, "STUDY", between(r, yearAgo, today), "非公企业党组织书记轮训班（第" + (i + 1) + "期）",
					30 + r.nextInt(30), null, "party");
		}
		// two service teams; their volunteer activities list the branch's members who
		// took part
		long[] teams = { this.store.insertServiceTeam(zone, "党员先锋志愿服务队", organ, name(r), today.minusYears(2), "party"),
				this.store.insertServiceTeam(zone, "非公企业青年志愿服务队", ownBranches.get(0), name(r), today.minusMonths(18),
						"party") };
		String[] services = { "党员志愿服务队进社区", "园区道路清扫志愿服务", "助企政策宣讲志愿服务" };
		for (int i = 0; i < 6; i++) {
			long branch = ownBranches.get(r.nextInt(ownBranches.size()));
			List<PartyViews.Participant> present = this.store.members(zone, branch, null, null, true, 0, 30)
				.stream()
				.filter((m) -> r.nextInt(4) > 0)
				.map((m) -> new PartyViews.Participant(m.id(), m.name()))
				.collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
			present.add(new PartyViews.Participant(null, name(r)));
			long activity = this.store.insertActivity(branch, "VOLUNTEER", between(r, yearAgo, today),
					services[i % services.length], present.size() + r.nextInt(8), null, teams[i % 2], "party");
			this.store.replaceParticipants(activity, present);
		}
		for (int i = 0; i < 3; i++) {
			this.store.insertActivity(jointBranches.get(1 + r.nextInt(jointBranches.size() - 1)), "SECRETARY_PROJECT",
					between(r, yearAgo, today), "书记项目：党建引领企业技能提升", 15 + r.nextInt(15), null, "party");
		}
		// one term due for 换届 soon
		var first = this.store.organisation(ownBranches.get(0)).orElseThrow();
		this.store.updateOrganisation(first.id(), first.name(), first.secretary(), 3,
				today.minusYears(3).plusDays(20).isBefore(first.foundedOn()) ? first.foundedOn()
						: today.minusYears(3).plusDays(20),
				first.version());
		org.slf4j.LoggerFactory.getLogger(PartyDemoData.class)
			.info("Party demo data: {} branches, {} members", branches.size(), members);
	}

	private record OrgInfo(long id, LocalDate founded) {
	}

	private long branch(String zone, String name, String type, long parent, LocalDate founded, List<Enterprise> covered,
			Random r) {
		long id = this.store.insertOrganisation(zone, name, "BRANCH", type, parent, name(r), founded, 3, "party");
		for (Enterprise e : covered) {
			this.store.addEnterprise(id, e.creditCode(), founded);
			this.events.publishEvent(
					new BranchFounded(e.creditCode(), founded.atStartOfDay(this.time.zoneId()).toInstant(), name, id));
		}
		return id;
	}

	private void member(Random r, OrgInfo org, String creditCode, LocalDate today) {
		int birth = 1965 + r.nextInt(38);
		LocalDate joined = between(r, LocalDate.of(Math.max(birth + 20, 1990), 1, 1), today.minusMonths(2));
		boolean probationary = joined.isAfter(today.minusYears(1)) || r.nextInt(12) == 0;
		String phone = (r.nextInt(3) == 0) ? "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000))
				: null;
		LocalDate movedIn = joined.isBefore(org.founded()) ? org.founded() : null;
		this.store.insertMember(org.id(), name(r), r.nextInt(3) == 0 ? "FEMALE" : "MALE", birth,
				probationary ? "PROBATIONARY" : "FULL", joined, creditCode, this.cipher.encrypt(phone), movedIn,
				"party");
	}

}
