package io.parkops.party.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.parkops.enterprise.CreditCode;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.party.BranchFounded;
import io.parkops.party.InstructorVisited;
import io.parkops.party.internal.Kinds.ActivityKind;
import io.parkops.party.internal.Kinds.BranchType;
import io.parkops.party.internal.Kinds.MemberStatus;
import io.parkops.party.internal.Kinds.OrganisationKind;
import io.parkops.party.internal.Kinds.Stage;
import io.parkops.party.internal.PartyStore.AssignmentRow;
import io.parkops.party.internal.PartyStore.InstructorRow;
import io.parkops.party.internal.PartyStore.Link;
import io.parkops.party.internal.PartyStore.MemberRow;
import io.parkops.party.internal.PartyStore.OrgRow;
import io.parkops.party.internal.PartyViews.ActivityView;
import io.parkops.party.internal.PartyViews.Assignment;
import io.parkops.party.internal.PartyViews.CoveredEnterprise;
import io.parkops.party.internal.PartyViews.DevelopmentCounts;
import io.parkops.party.internal.PartyViews.DevelopmentView;
import io.parkops.party.internal.PartyViews.DuesView;
import io.parkops.party.internal.PartyViews.InstructorView;
import io.parkops.party.internal.PartyViews.MemberView;
import io.parkops.party.internal.PartyViews.OrganisationView;
import io.parkops.party.internal.PartyViews.Page;
import io.parkops.party.internal.PartyViews.ServiceTeamView;
import io.parkops.party.internal.PartyViews.VisitView;
import io.parkops.platform.SealedBox;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Party building's records: organisations with their history, members, the development
 * pipeline, instructors and their visits, activities and dues — each within the user's
 * zones (enterprise users reach none of it).
 */
@Service
public class PartyService {

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");

	private final PartyStore store;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final ZoneTime time;

	private final PhoneCipher cipher;

	private final PartyProperties properties;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	PartyService(PartyStore store, EnterpriseRegistry enterprises, ZoneDirectory zones, ZoneTime time,
			PhoneCipher cipher, PartyProperties properties, ApplicationEventPublisher events, AuditTrail audit) {
		this.store = store;
		this.enterprises = enterprises;
		this.zones = zones;
		this.time = time;
		this.cipher = cipher;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
	}

	public LocalDate today() {
		return this.time.today();
	}

	/**
	 * The zone a staff user asks about: given, known and theirs (enterprise users: 403).
	 */
	public String zone(String zone) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
		String z = Inputs.trim(zone);
		if (z == null) {
			throw InvalidInputException.of("zone", "error.required");
		}
		if (z.length() > 32 || this.zones.zone(z).isEmpty()) {
			throw new NotFoundException("error.zoneNotFound", Inputs.shorten(z));
		}
		me.checkZone(z);
		return z;
	}

	/** A date parameter: today when absent. */
	public LocalDate asOf(String text, String field) {
		Inputs in = new Inputs();
		LocalDate d = in.date(text, field, false, Inputs.EARLIEST_DATE, today().plusYears(10));
		in.check();
		return (d != null) ? d : today();
	}

	private LocalDate date(Inputs in, String text, String field, boolean required) {
		return in.date(text, field, required, Inputs.EARLIEST_DATE, today());
	}

	private Instant instant(LocalDate day) {
		return day.atStartOfDay(this.time.zoneId()).toInstant();
	}

	private OrgRow organisationInScope(long id) {
		OrgRow org = this.store.organisation(id)
			.orElseThrow(() -> new NotFoundException("error.party.organisationNotFound", id));
		CurrentUser.get().checkZone(org.zoneCode());
		return org;
	}

	private Enterprise enterpriseOfZone(Inputs in, String code, String field, String zone) {
		String normalized = CreditCode.normalize(code);
		Enterprise e = (normalized != null) ? this.enterprises.find(normalized).orElse(null) : null;
		if (e == null) {
			in.problem(field, "error.enterpriseNotFound", Inputs.shorten(String.valueOf(code)));
			return null;
		}
		if (zone != null && !e.zoneCode().equals(zone)) {
			in.problem(field, "error.party.enterpriseNotInZone", e.name());
			return null;
		}
		return e;
	}

	private List<Enterprise> enterprisesOfZone(Inputs in, List<String> codes, String field, String zone) {
		if (codes != null && codes.size() > 500) {
			in.problem(field, "error.party.tooMany", 500);
			return List.of();
		}
		Set<String> seen = new LinkedHashSet<>();
		List<Enterprise> result = new ArrayList<>();
		for (String code : (codes != null) ? codes : List.<String>of()) {
			if (code == null) {
				in.problem(field, "error.required");
				continue;
			}
			Enterprise e = enterpriseOfZone(in, code, field, zone);
			if (e != null && seen.add(e.creditCode())) {
				result.add(e);
			}
		}
		return result;
	}

	// ---- organisations

	@Transactional
	public long foundOrganisation(PartyCommands.FoundOrganisation cmd) {
		requireStaff();
		Inputs in = new Inputs();
		String zone = in.text(cmd.zoneCode(), "zoneCode", 32, true);
		if (zone != null) {
			if (this.zones.zone(zone).isEmpty()) {
				in.problem("zoneCode", "error.zoneNotFound", zone);
				zone = null;
			}
			else {
				CurrentUser.get().checkZone(zone);
			}
		}
		String name = in.text(cmd.name(), "name", 100, true);
		OrganisationKind kind = in.choice(OrganisationKind.class, cmd.kind(), "kind", true);
		BranchType type = in.choice(BranchType.class, cmd.branchType(), "branchType", kind == OrganisationKind.BRANCH);
		if (kind != null && kind != OrganisationKind.BRANCH && type != null) {
			in.problem("branchType", "error.party.branchTypeOnlyForBranch");
		}
		LocalDate founded = date(in, cmd.foundedOn(), "foundedOn", true);
		String secretary = in.text(cmd.secretary(), "secretary", 50, false);
		Integer years = in.whole(cmd.termYears(), "termYears", 1, 10, false);
		OrgRow parent = null;
		if (cmd.parentId() != null) {
			parent = this.store.organisation(cmd.parentId()).orElse(null);
			if (parent == null || (zone != null && !parent.zoneCode().equals(zone))) {
				in.problem("parentId", "error.party.organisationNotFound", cmd.parentId());
				parent = null;
			}
			else if (OrganisationKind.BRANCH.name().equals(parent.kind())) {
				in.problem("parentId", "error.party.parentIsBranch");
			}
			else if (founded != null && !parent.activeOn(founded)) {
				in.problem("parentId", "error.party.parentNotActive", parent.name());
			}
		}
		List<Enterprise> covered = enterprisesOfZone(in, cmd.enterpriseCreditCodes(), "enterpriseCreditCodes", zone);
		if (kind != null && kind != OrganisationKind.BRANCH && !covered.isEmpty()) {
			in.problem("enterpriseCreditCodes", "error.party.enterprisesOnlyForBranch");
		}
		if (type == BranchType.OWN && !in.has("enterpriseCreditCodes")
				&& (cmd.enterpriseCreditCodes() == null || cmd.enterpriseCreditCodes().size() != 1)) {
			in.problem("enterpriseCreditCodes", "error.party.ownNeedsOne");
		}
		if (type == BranchType.JOINT && !in.has("enterpriseCreditCodes") && covered.size() < 2) {
			in.problem("enterpriseCreditCodes", "error.party.jointNeedsSeveral");
		}
		in.check();
		// an enterprise is covered by one own or joint branch at a time
		for (Enterprise e : covered) {
			for (Link link : this.store.openLinks(e.creditCode(), founded)) {
				BranchType held = BranchType.valueOf(link.branchType());
				boolean strong = held == BranchType.OWN || this.properties.jointTypes().contains(held);
				if (held == BranchType.OWN || (strong && type != BranchType.OWN)) {
					throw new ConflictException("error.party.alreadyCovered", e.name(), link.organisationName());
				}
			}
		}
		long id = this.store.insertOrganisation(zone, name, kind.name(), (type != null) ? type.name() : null,
				(parent != null) ? parent.id() : null, secretary, founded,
				(years != null) ? years : this.properties.termYears(), CurrentUser.usernameOrSystem());
		for (Enterprise e : covered) {
			if (type == BranchType.OWN) {
				// the enterprise leaves its joint or regional branch for its own
				this.store.endEnterpriseLinks(e.creditCode(), List.of("JOINT", "INCUBATOR", "REGIONAL"), founded);
			}
			else if (type != BranchType.REGIONAL) {
				this.store.endEnterpriseLinks(e.creditCode(), List.of("REGIONAL"), founded);
			}
			this.store.addEnterprise(id, e.creditCode(), founded);
			this.events.publishEvent(new BranchFounded(e.creditCode(), instant(founded), name, id));
		}
		this.audit.recordChange("CREATE", "party_organisation", Long.toString(id), null, organisation(id));
		return id;
	}

	public OrganisationView organisation(long id) {
		return view(organisationInScope(id), true);
	}

	private OrganisationView view(OrgRow o, boolean withEnterprises) {
		List<CoveredEnterprise> covered = List.of();
		if (withEnterprises) {
			List<CoveredEnterprise> raw = this.store.coveredEnterprises(o.id());
			Map<String, String> names = this.enterprises
				.names(raw.stream().map(CoveredEnterprise::creditCode).toList());
			covered = raw.stream()
				.map((c) -> new CoveredEnterprise(c.creditCode(), names.getOrDefault(c.creditCode(), c.creditCode()),
						c.from(), c.to()))
				.toList();
		}
		LocalDate today = today();
		return new OrganisationView(o.id(), o.zoneCode(), o.name(), o.kind(), o.branchType(), o.parentId(),
				o.parentName(), o.secretary(), o.foundedOn(), o.termYears(), o.termStartedOn(), o.termEndsOn(),
				o.endedOn(), o.endReason(), o.mergedIntoId(), o.activeOn(today),
				this.store.activeMembersOf(o.id(), today), covered, o.version());
	}

	public Page<OrganisationView> organisations(String zone, String kind, String type, String q, Boolean active,
			int page, int size) {
		String z = zone(zone);
		Inputs in = new Inputs();
		OrganisationKind k = in.choice(OrganisationKind.class, kind, "kind", false);
		BranchType t = in.choice(BranchType.class, type, "type", false);
		String query = in.text(q, "q", 100, false);
		in.check();
		String ks = (k != null) ? k.name() : null;
		String ts = (t != null) ? t.name() : null;
		LocalDate today = today();
		List<OrganisationView> items = this.store.organisations(z, ks, ts, query, active, today, page * size, size)
			.stream()
			.map((o) -> view(o, true))
			.toList();
		return new Page<>(items, this.store.countOrganisations(z, ks, ts, query, active, today));
	}

	/** Every organisation of the zone, for the tree and the forms. */
	public List<OrganisationView> allOrganisations(String zone) {
		String z = zone(zone);
		return this.store.allOrganisations(z).stream().map((o) -> view(o, false)).toList();
	}

	@Transactional
	public OrganisationView edit(long id, PartyCommands.EditOrganisation cmd) {
		OrgRow before = organisationInScope(id);
		Inputs in = new Inputs();
		String name = in.text(cmd.name(), "name", 100, true);
		String secretary = in.text(cmd.secretary(), "secretary", 50, false);
		Integer years = in.whole(cmd.termYears(), "termYears", 1, 10, false);
		LocalDate start = date(in, cmd.termStartedOn(), "termStartedOn", false);
		if (start != null && start.isBefore(before.foundedOn())) {
			in.problem("termStartedOn", "error.party.beforeFounded", before.foundedOn());
		}
		in.check();
		long version = Versions.required(cmd.version());
		Versions
			.updated(this.store.updateOrganisation(id, name, secretary, (years != null) ? years : before.termYears(),
					(start != null) ? start : before.termStartedOn(), version));
		OrganisationView after = organisation(id);
		this.audit.recordChange("UPDATE", "party_organisation", Long.toString(id), before, after);
		return after;
	}

	@Transactional
	public OrganisationView dissolve(long id, PartyCommands.Dissolve cmd) {
		OrgRow org = organisationInScope(id);
		Inputs in = new Inputs();
		LocalDate on = date(in, cmd.on(), "on", true);
		if (on != null && on.isBefore(org.foundedOn())) {
			in.problem("on", "error.party.beforeFounded", org.foundedOn());
		}
		in.check();
		if (this.store.end(id, on, "DISSOLVED", null) == 0) {
			throw new ConflictException("error.party.alreadyEnded", org.name());
		}
		this.store.endLinks(id, on);
		OrganisationView after = organisation(id);
		this.audit.recordChange("DISSOLVE", "party_organisation", Long.toString(id), org, after);
		return after;
	}

	@Transactional
	public OrganisationView merge(long id, PartyCommands.Merge cmd) {
		OrgRow org = organisationInScope(id);
		Inputs in = new Inputs();
		LocalDate on = date(in, cmd.on(), "on", true);
		OrgRow into = null;
		if (cmd.intoId() == null) {
			in.problem("intoId", "error.required");
		}
		else {
			into = this.store.organisation(cmd.intoId()).orElse(null);
			if (into == null || !into.zoneCode().equals(org.zoneCode()) || into.id() == id) {
				in.problem("intoId", "error.party.organisationNotFound", cmd.intoId());
				into = null;
			}
		}
		if (on != null && on.isBefore(org.foundedOn())) {
			in.problem("on", "error.party.beforeFounded", org.foundedOn());
		}
		if (on != null && into != null && !into.activeOn(on)) {
			in.problem("intoId", "error.party.parentNotActive", into.name());
		}
		in.check();
		if (this.store.end(id, on, "MERGED", into.id()) == 0) {
			throw new ConflictException("error.party.alreadyEnded", org.name());
		}
		for (String code : this.store.endLinks(id, on)) {
			this.store.addEnterprise(into.id(), code, on);
		}
		this.store.moveMembers(id, into.id());
		OrganisationView after = organisation(id);
		this.audit.recordChange("MERGE", "party_organisation", Long.toString(id), org, after);
		return after;
	}

	@Transactional
	public OrganisationView addEnterprise(long id, PartyCommands.AddEnterprise cmd) {
		OrgRow org = organisationInScope(id);
		Inputs in = new Inputs();
		Enterprise e = null;
		if (Inputs.trim(cmd.enterpriseCreditCode()) == null) {
			in.problem("enterpriseCreditCode", "error.required");
		}
		else {
			e = enterpriseOfZone(in, cmd.enterpriseCreditCode(), "enterpriseCreditCode", org.zoneCode());
		}
		LocalDate from = date(in, cmd.from(), "from", true);
		if (from != null && from.isBefore(org.foundedOn())) {
			in.problem("from", "error.party.beforeFounded", org.foundedOn());
		}
		in.check();
		if (org.branchType() == null || BranchType.OWN.name().equals(org.branchType())) {
			throw new ConflictException("error.party.notJoint", org.name());
		}
		if (!org.activeOn(from)) {
			throw new ConflictException("error.party.alreadyEnded", org.name());
		}
		for (Link link : this.store.openLinks(e.creditCode(), from)) {
			if (!BranchType.REGIONAL.name().equals(link.branchType())) {
				throw new ConflictException("error.party.alreadyCovered", e.name(), link.organisationName());
			}
		}
		this.store.endEnterpriseLinks(e.creditCode(), List.of("REGIONAL"), from);
		this.store.addEnterprise(id, e.creditCode(), from);
		OrganisationView after = organisation(id);
		this.audit.recordChange("ADD_ENTERPRISE", "party_organisation", Long.toString(id), org, after);
		return after;
	}

	/** Active organisations whose term ends within the reminder window (换届). */
	public List<OrganisationView> termsDue(String zone) {
		String z = zone(zone);
		LocalDate today = today();
		return this.store.termsDue(z, today.plusDays(this.properties.termDueDays()), today)
			.stream()
			.map((o) -> view(o, false))
			.toList();
	}

	// ---- members

	@Transactional
	public long recordMember(PartyCommands.RecordMember cmd) {
		requireStaff();
		Inputs in = new Inputs();
		OrgRow org = null;
		if (cmd.organisationId() == null) {
			in.problem("organisationId", "error.required");
		}
		else {
			org = this.store.organisation(cmd.organisationId()).orElse(null);
			if (org == null) {
				in.problem("organisationId", "error.party.organisationNotFound", cmd.organisationId());
			}
			else {
				CurrentUser.get().checkZone(org.zoneCode());
				if (!org.activeOn(today())) {
					in.problem("organisationId", "error.party.parentNotActive", org.name());
				}
			}
		}
		String name = in.text(cmd.name(), "name", 50, true);
		String gender = gender(in, cmd.gender());
		Integer birthYear = in.whole(cmd.birthYear(), "birthYear", 1900, today().getYear() - 16, true);
		MemberStatus status = in.choice(MemberStatus.class, cmd.status(), "status", true);
		LocalDate joined = date(in, cmd.joinedOn(), "joinedOn", true);
		if (joined != null && birthYear != null && joined.getYear() < birthYear + 16) {
			in.problem("joinedOn", "error.party.joinedTooYoung");
		}
		String creditCode = null;
		if (Inputs.trim(cmd.enterpriseCreditCode()) != null) {
			Enterprise e = enterpriseOfZone(in, cmd.enterpriseCreditCode(), "enterpriseCreditCode",
					(org != null) ? org.zoneCode() : null);
			creditCode = (e != null) ? e.creditCode() : null;
		}
		String phone = in.text(cmd.phone(), "phone", 20, false);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			in.problem("phone", "error.party.phone");
		}
		LocalDate movedIn = date(in, cmd.movedInOn(), "movedInOn", false);
		in.check();
		long id = this.store.insertMember(org.id(), name, gender, birthYear, status.name(), joined, creditCode,
				this.cipher.encrypt((phone != null) ? phone.replaceAll("[ -]", "") : null), movedIn,
				CurrentUser.usernameOrSystem());
		this.audit.recordChange("CREATE", "party_member", Long.toString(id), null, member(id, false));
		return id;
	}

	private static String gender(Inputs in, String value) {
		String g = Inputs.trim(value);
		if (g == null) {
			in.problem("gender", "error.required");
			return null;
		}
		return switch (g.toUpperCase(Locale.ROOT)) {
			case "MALE", "M", "男" -> "MALE";
			case "FEMALE", "F", "女" -> "FEMALE";
			default -> {
				in.problem("gender", "error.party.unknownValue", Inputs.shorten(g));
				yield null;
			}
		};
	}

	/** One member; the phone in full only here ({@code fullPhone}), masked otherwise. */
	public MemberView member(long id, boolean fullPhone) {
		MemberRow m = this.store.member(id).orElseThrow(() -> new NotFoundException("error.party.memberNotFound", id));
		CurrentUser.get().checkZone(m.zoneCode());
		return memberView(m, fullPhone, null);
	}

	private MemberView memberView(MemberRow m, boolean fullPhone, Map<String, String> names) {
		String phone = this.cipher.decrypt(m.phoneCipher());
		String enterpriseName = null;
		if (m.creditCode() != null) {
			enterpriseName = (names != null) ? names.get(m.creditCode())
					: this.enterprises.names(List.of(m.creditCode())).get(m.creditCode());
		}
		return new MemberView(m.id(), m.organisationId(), m.organisationName(), m.name(), m.gender(), m.birthYear(),
				m.status(), m.joinedOn(), m.fullOn(), m.creditCode(), enterpriseName,
				fullPhone ? phone : SealedBox.maskPhone(phone), m.movedInOn(), m.movedOutOn(), m.movedOutTo(),
				m.version());
	}

	public Page<MemberView> members(String zone, Long organisation, String status, String q, Boolean current, int page,
			int size) {
		String z = zone(zone);
		Inputs in = new Inputs();
		MemberStatus s = in.choice(MemberStatus.class, status, "status", false);
		String query = in.text(q, "q", 50, false);
		in.check();
		String ss = (s != null) ? s.name() : null;
		List<MemberRow> rows = this.store.members(z, organisation, ss, query, current, page * size, size);
		Map<String, String> names = this.enterprises
			.names(rows.stream().map(MemberRow::creditCode).filter((c) -> c != null).toList());
		return new Page<>(rows.stream().map((m) -> memberView(m, false, names)).toList(),
				this.store.countMembers(z, organisation, ss, query, current));
	}

	/**
	 * Corrects a member's recorded values (not the organisation: a transfer is a move-out
	 * and a new record); stale version → 409.
	 */
	@Transactional
	public MemberView editMember(long id, PartyCommands.EditMember cmd) {
		MemberView before = member(id, false);
		MemberRow row = this.store.member(id).orElseThrow();
		Inputs in = new Inputs();
		String name = in.text(cmd.name(), "name", 50, true);
		String gender = gender(in, cmd.gender());
		Integer birthYear = in.whole(cmd.birthYear(), "birthYear", 1900, today().getYear() - 16, true);
		LocalDate joined = date(in, cmd.joinedOn(), "joinedOn", true);
		if (joined != null && birthYear != null && joined.getYear() < birthYear + 16) {
			in.problem("joinedOn", "error.party.joinedTooYoung");
		}
		if (joined != null && before.fullOn() != null && joined.isAfter(before.fullOn())) {
			in.problem("joinedOn", "error.party.joinedAfterFull", before.fullOn());
		}
		String creditCode = null;
		if (Inputs.trim(cmd.enterpriseCreditCode()) != null) {
			Enterprise e = enterpriseOfZone(in, cmd.enterpriseCreditCode(), "enterpriseCreditCode", row.zoneCode());
			creditCode = (e != null) ? e.creditCode() : null;
		}
		String phone = in.text(cmd.phone(), "phone", 20, false);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			in.problem("phone", "error.party.phone");
		}
		in.check();
		boolean remove = Boolean.TRUE.equals(cmd.removePhone());
		boolean keep = phone == null && !remove;
		byte[] cipher = (phone != null) ? this.cipher.encrypt(phone.replaceAll("[ -]", "")) : null;
		Versions.updated(this.store.updateMember(id, name, gender, birthYear, joined, creditCode, cipher, keep,
				Versions.required(cmd.version())));
		MemberView after = member(id, false);
		this.audit.recordChange("UPDATE", "party_member", Long.toString(id), before, after);
		return after;
	}

	@Transactional
	public MemberView confirmMember(long id, PartyCommands.ConfirmMember cmd) {
		MemberView before = member(id, false);
		Inputs in = new Inputs();
		LocalDate on = date(in, cmd.on(), "on", true);
		if (on != null && on.isBefore(before.joinedOn())) {
			in.problem("on", "error.party.beforeJoined", before.joinedOn());
		}
		in.check();
		if (this.store.confirmMember(id, on) == 0) {
			throw new ConflictException("error.party.notProbationary", before.name());
		}
		MemberView after = member(id, false);
		this.audit.recordChange("CONFIRM", "party_member", Long.toString(id), before, after);
		return after;
	}

	@Transactional
	public MemberView moveOut(long id, PartyCommands.MoveOut cmd) {
		MemberView before = member(id, false);
		Inputs in = new Inputs();
		LocalDate on = date(in, cmd.on(), "on", true);
		String to = in.text(cmd.to(), "to", 100, false);
		if (on != null && on.isBefore(before.joinedOn())) {
			in.problem("on", "error.party.beforeJoined", before.joinedOn());
		}
		in.check();
		if (this.store.moveOut(id, on, to) == 0) {
			throw new ConflictException("error.party.alreadyMovedOut", before.name());
		}
		MemberView after = member(id, false);
		this.audit.recordChange("MOVE_OUT", "party_member", Long.toString(id), before, after);
		return after;
	}

	// ---- development

	@Transactional
	public long recordApplicant(PartyCommands.RecordApplicant cmd) {
		requireStaff();
		Inputs in = new Inputs();
		OrgRow org = null;
		if (cmd.organisationId() == null) {
			in.problem("organisationId", "error.required");
		}
		else {
			org = this.store.organisation(cmd.organisationId()).orElse(null);
			if (org == null) {
				in.problem("organisationId", "error.party.organisationNotFound", cmd.organisationId());
			}
			else {
				CurrentUser.get().checkZone(org.zoneCode());
			}
		}
		String name = in.text(cmd.name(), "name", 50, true);
		LocalDate on = date(in, cmd.appliedOn(), "appliedOn", true);
		in.check();
		long id = this.store.insertApplicant(org.id(), name, on, CurrentUser.usernameOrSystem());
		this.audit.recordChange("CREATE", "party_development", Long.toString(id), null,
				this.store.development(id).orElseThrow());
		return id;
	}

	@Transactional
	public DevelopmentView advance(long id, PartyCommands.Advance cmd) {
		DevelopmentView before = this.store.development(id)
			.orElseThrow(() -> new NotFoundException("error.party.developmentNotFound", id));
		CurrentUser.get().checkZone(this.store.zoneOfDevelopment(id));
		Inputs in = new Inputs();
		Stage stage = in.choice(Stage.class, cmd.stage(), "stage", true);
		LocalDate on = date(in, cmd.on(), "on", true);
		LocalDate last = lastDate(before);
		if (on != null && last != null && on.isBefore(last)) {
			in.problem("on", "error.party.beforePreviousStage", last);
		}
		if (stage == Stage.APPLICANT) {
			in.problem("stage", "error.party.unknownValue", stage.name());
		}
		in.check();
		Stage current = Stage.valueOf(before.stage());
		if (current.ordinal() + 1 != stage.ordinal()) {
			throw new ConflictException("error.party.stageOutOfOrder", before.name());
		}
		String column = switch (stage) {
			case ACTIVIST -> "activist_on";
			case CANDIDATE -> "candidate_on";
			case PROBATIONARY -> "probationary_on";
			default -> "full_on";
		};
		if (this.store.advance(id, current.name(), stage.name(), column, on) == 0) {
			throw new ConflictException("error.party.stageOutOfOrder", before.name());
		}
		DevelopmentView after = this.store.development(id).orElseThrow();
		this.audit.recordChange("ADVANCE", "party_development", Long.toString(id), before, after);
		return after;
	}

	private static LocalDate lastDate(DevelopmentView d) {
		for (LocalDate x : new LocalDate[] { d.fullOn(), d.probationaryOn(), d.candidateOn(), d.activistOn() }) {
			if (x != null) {
				return x;
			}
		}
		return d.appliedOn();
	}

	public DevelopmentView development(long id) {
		DevelopmentView d = this.store.development(id)
			.orElseThrow(() -> new NotFoundException("error.party.developmentNotFound", id));
		CurrentUser.get().checkZone(this.store.zoneOfDevelopment(id));
		return d;
	}

	public ActivityView activity(long id) {
		ActivityView a = this.store.activity(id)
			.orElseThrow(() -> new NotFoundException("error.party.activityNotFound", id));
		CurrentUser.get().checkZone(this.store.zoneOfOrganisation(a.organisationId()));
		return a.withParticipants(this.store.participants(List.of(id)).getOrDefault(id, List.of()));
	}

	public List<DevelopmentView> developments(String zone) {
		return this.store.developments(zone(zone));
	}

	public DevelopmentCounts developmentCounts(String zone, LocalDate from, LocalDate to) {
		String z = zone(zone);
		return new DevelopmentCounts(from, to, this.store.enteredStages(z, from, to), this.store.currentStages(z));
	}

	// ---- instructors

	@Transactional
	public long recordInstructor(PartyCommands.RecordInstructor cmd) {
		requireStaff();
		Inputs in = new Inputs();
		String zone = in.text(cmd.zoneCode(), "zoneCode", 32, true);
		if (zone != null) {
			if (this.zones.zone(zone).isEmpty()) {
				in.problem("zoneCode", "error.zoneNotFound", zone);
				zone = null;
			}
			else {
				CurrentUser.get().checkZone(zone);
			}
		}
		String name = in.text(cmd.name(), "name", 50, true);
		List<Enterprise> assigned = enterprisesOfZone(in, cmd.enterpriseCreditCodes(), "enterpriseCreditCodes", zone);
		LocalDate on = date(in, cmd.assignedOn(), "assignedOn", false);
		in.check();
		long id = this.store.insertInstructor(zone, name, CurrentUser.usernameOrSystem());
		for (Enterprise e : assigned) {
			this.store.assign(id, e.creditCode(), (on != null) ? on : today());
		}
		this.audit.recordChange("CREATE", "party_instructor", Long.toString(id), null, instructor(id));
		return id;
	}

	public InstructorView instructor(long id) {
		InstructorRow row = this.store.instructor(id)
			.orElseThrow(() -> new NotFoundException("error.party.instructorNotFound", id));
		CurrentUser.get().checkZone(row.zoneCode());
		InstructorView v = instructorView(row, this.store.assignments(row.zoneCode(), row.id(), today()));
		List<AssignmentRow> all = this.store.assignmentHistory(row.id());
		Map<String, String> names = this.enterprises.names(all.stream().map(AssignmentRow::creditCode).toList());
		List<Assignment> history = all.stream()
			.map((a) -> new Assignment(a.creditCode(), names.getOrDefault(a.creditCode(), a.creditCode()),
					a.assignedOn(), a.releasedOn(), a.lastVisit(), null, false))
			.toList();
		return new InstructorView(v.id(), v.zoneCode(), v.name(), v.enterprises(), v.overdue(), history, v.version());
	}

	/**
	 * Releases (解除) an instructor's assignment to an enterprise on a date: from then it
	 * no longer counts for work coverage nor asks for visits; the assignment stays in the
	 * history.
	 */
	@Transactional
	public InstructorView release(long id, PartyCommands.Release cmd) {
		InstructorRow row = instructorInScope(id);
		Inputs in = new Inputs();
		String code = CreditCode.normalize(cmd.enterpriseCreditCode());
		if (Inputs.trim(cmd.enterpriseCreditCode()) == null) {
			in.problem("enterpriseCreditCode", "error.required");
		}
		LocalDate on = date(in, cmd.on(), "on", true);
		in.check();
		if (code == null || !this.store.hasOpenAssignment(id, code)) {
			// never assigned, or released already: one release wins
			throw new ConflictException("error.party.notAssigned", Inputs.shorten(cmd.enterpriseCreditCode()));
		}
		if (this.store.release(id, code, on) == 0) {
			throw InvalidInputException.of("on", "error.party.releaseBeforeAssigned");
		}
		InstructorView after = instructor(id);
		this.audit.recordChange("RELEASE", "party_instructor", Long.toString(id), row,
				Map.of("creditCode", code, "on", on.toString()));
		return after;
	}

	/** Assigns a further enterprise to an instructor from a date. */
	@Transactional
	public InstructorView assign(long id, PartyCommands.Assign cmd) {
		InstructorRow row = instructorInScope(id);
		Inputs in = new Inputs();
		Enterprise e = null;
		if (Inputs.trim(cmd.enterpriseCreditCode()) == null) {
			in.problem("enterpriseCreditCode", "error.required");
		}
		else {
			e = enterpriseOfZone(in, cmd.enterpriseCreditCode(), "enterpriseCreditCode", row.zoneCode());
		}
		LocalDate from = date(in, cmd.from(), "from", false);
		in.check();
		if (this.store.hasOpenAssignment(id, e.creditCode())) {
			throw new ConflictException("error.party.alreadyAssigned", e.name(), row.name());
		}
		this.store.assign(id, e.creditCode(), (from != null) ? from : today());
		InstructorView after = instructor(id);
		this.audit.recordChange("ASSIGN", "party_instructor", Long.toString(id), row,
				Map.of("creditCode", e.creditCode()));
		return after;
	}

	private InstructorRow instructorInScope(long id) {
		InstructorRow row = this.store.instructor(id)
			.orElseThrow(() -> new NotFoundException("error.party.instructorNotFound", id));
		CurrentUser.get().checkZone(row.zoneCode());
		return row;
	}

	private InstructorView instructorView(InstructorRow row, List<AssignmentRow> rows) {
		Map<String, String> names = this.enterprises.names(rows.stream().map(AssignmentRow::creditCode).toList());
		LocalDate today = today();
		List<Assignment> list = new ArrayList<>();
		long overdue = 0;
		for (AssignmentRow a : rows) {
			LocalDate next = nextDue(a);
			boolean late = next.isBefore(today);
			overdue += late ? 1 : 0;
			list.add(new Assignment(a.creditCode(), names.getOrDefault(a.creditCode(), a.creditCode()), a.assignedOn(),
					a.releasedOn(), a.lastVisit(), next, late));
		}
		return new InstructorView(row.id(), row.zoneCode(), row.name(), list, overdue, List.of(), row.version());
	}

	/**
	 * The day the next visit is due: the rhythm after the last visit or the assignment.
	 */
	LocalDate nextDue(AssignmentRow a) {
		LocalDate from = (a.lastVisit() != null) ? a.lastVisit() : a.assignedOn();
		return from.plusDays(this.properties.visitDays());
	}

	public List<InstructorView> instructors(String zone) {
		String z = zone(zone);
		List<AssignmentRow> all = this.store.assignments(z, null, today());
		return this.store.instructors(z)
			.stream()
			.map((i) -> instructorView(i, all.stream().filter((a) -> a.instructorId() == i.id()).toList()))
			.toList();
	}

	/** The assignments whose visit is overdue today, with the enterprises' names. */
	public List<PartyViews.OverdueVisit> overdueVisits(String zone) {
		LocalDate today = today();
		List<AssignmentRow> rows = this.store.assignments(zone, null, today)
			.stream()
			.filter((a) -> nextDue(a).isBefore(today))
			.toList();
		Map<String, String> names = this.enterprises.names(rows.stream().map(AssignmentRow::creditCode).toList());
		return rows.stream()
			.map((a) -> new PartyViews.OverdueVisit(a.instructorId(), a.instructorName(), a.creditCode(),
					names.getOrDefault(a.creditCode(), a.creditCode()), a.lastVisit(), nextDue(a)))
			.toList();
	}

	@Transactional
	public long recordVisit(PartyCommands.RecordVisit cmd) {
		requireStaff();
		Inputs in = new Inputs();
		InstructorRow instructor = null;
		if (cmd.instructorId() == null) {
			in.problem("instructorId", "error.required");
		}
		else {
			instructor = this.store.instructor(cmd.instructorId()).orElse(null);
			if (instructor == null) {
				in.problem("instructorId", "error.party.instructorNotFound", cmd.instructorId());
			}
			else {
				CurrentUser.get().checkZone(instructor.zoneCode());
			}
		}
		Enterprise e = null;
		if (Inputs.trim(cmd.enterpriseCreditCode()) == null) {
			in.problem("enterpriseCreditCode", "error.required");
		}
		else {
			e = enterpriseOfZone(in, cmd.enterpriseCreditCode(), "enterpriseCreditCode",
					(instructor != null) ? instructor.zoneCode() : null);
		}
		LocalDate on = date(in, cmd.on(), "on", true);
		String notes = in.multiline(cmd.notes(), "notes", 2000, false);
		in.check();
		long id = this.store.insertVisit(instructor.id(), e.creditCode(), on, notes, CurrentUser.usernameOrSystem());
		this.events
			.publishEvent(new InstructorVisited(e.creditCode(), instant(on), instructor.name(), instructor.id()));
		this.audit.recordChange("CREATE", "party_instructor_visit", Long.toString(id), null,
				Map.of("instructorId", instructor.id(), "creditCode", e.creditCode(), "on", on.toString()));
		return id;
	}

	public List<VisitView> visits(String zone, Long instructor, LocalDate from, LocalDate to) {
		String z = zone(zone);
		List<VisitView> rows = this.store.visits(z, instructor, from, to, 500);
		Map<String, String> names = this.enterprises.names(rows.stream().map(VisitView::creditCode).toList());
		return rows.stream()
			.map((v) -> new VisitView(v.id(), v.instructorId(), v.instructorName(), v.creditCode(),
					names.getOrDefault(v.creditCode(), v.creditCode()), v.on(), v.notes()))
			.toList();
	}

	// ---- activities and dues

	@Transactional
	public long recordActivity(PartyCommands.RecordActivity cmd) {
		requireStaff();
		Inputs in = new Inputs();
		OrgRow org = null;
		if (cmd.organisationId() == null) {
			in.problem("organisationId", "error.required");
		}
		else {
			org = this.store.organisation(cmd.organisationId()).orElse(null);
			if (org == null) {
				in.problem("organisationId", "error.party.organisationNotFound", cmd.organisationId());
			}
			else {
				CurrentUser.get().checkZone(org.zoneCode());
			}
		}
		ActivityValues v = activityValues(in, org, cmd.kind(), cmd.on(), cmd.title(), cmd.participants(), cmd.notes(),
				cmd.serviceTeamId(), cmd.participantMemberIds(), cmd.participantNames());
		in.check();
		long id = this.store.insertActivity(org.id(), v.kind().name(), v.on(), v.title(), v.count(), v.notes(),
				v.team(), CurrentUser.usernameOrSystem());
		this.store.replaceParticipants(id, v.participants());
		this.audit.recordChange("CREATE", "party_activity", Long.toString(id), null, activity(id));
		return id;
	}

	/** Changes a recorded activity; stale version → 409. */
	@Transactional
	public ActivityView editActivity(long id, PartyCommands.EditActivity cmd) {
		ActivityView before = activity(id);
		OrgRow org = organisationInScope(before.organisationId());
		Inputs in = new Inputs();
		ActivityValues v = activityValues(in, org, cmd.kind(), cmd.on(), cmd.title(), cmd.participants(), cmd.notes(),
				cmd.serviceTeamId(), cmd.participantMemberIds(), cmd.participantNames());
		in.check();
		long version = Versions.required(cmd.version());
		Versions.updated(this.store.updateActivity(id, v.kind().name(), v.on(), v.title(), v.count(), v.notes(),
				v.team(), version));
		this.store.replaceParticipants(id, v.participants());
		ActivityView after = activity(id);
		this.audit.recordChange("UPDATE", "party_activity", Long.toString(id), before, after);
		return after;
	}

	private record ActivityValues(ActivityKind kind, LocalDate on, String title, int count, String notes, Long team,
			List<PartyViews.Participant> participants) {
	}

	private ActivityValues activityValues(Inputs in, OrgRow org, String kindText, String onText, String titleText,
			Integer count, String notesText, Long teamId, List<Long> memberIds, List<String> names) {
		ActivityKind kind = in.choice(ActivityKind.class, kindText, "kind", true);
		LocalDate on = date(in, onText, "on", true);
		String title = in.text(titleText, "title", 200, true);
		Integer participants = in.whole(count, "participants", 0, 100_000, false);
		String notes = in.multiline(notesText, "notes", 2000, false);
		if (org != null && on != null && !org.activeOn(on)) {
			in.problem("on", "error.party.organisationNotActiveOn", org.name());
		}
		List<PartyViews.Participant> list = new ArrayList<>();
		if (memberIds != null && memberIds.size() + ((names != null) ? names.size() : 0) > 2000) {
			in.problem("participantMemberIds", "error.party.tooMany", 2000);
		}
		else {
			Set<Long> ids = new LinkedHashSet<>();
			for (Long m : (memberIds != null) ? memberIds : List.<Long>of()) {
				if (m == null) {
					in.problem("participantMemberIds", "error.required");
				}
				else {
					ids.add(m);
				}
			}
			Map<Long, String> known = (org != null) ? this.store.memberNames(org.zoneCode(), ids) : Map.of();
			for (Long m : ids) {
				if (org != null && !known.containsKey(m)) {
					in.problem("participantMemberIds", "error.party.memberNotFound", m);
				}
				else if (org != null) {
					list.add(new PartyViews.Participant(m, known.get(m)));
				}
			}
			if (names != null && names.size() > 2000) {
				in.problem("participantNames", "error.party.tooMany", 2000);
			}
			else {
				for (String n : (names != null) ? names : List.<String>of()) {
					String name = in.text(n, "participantNames", 50, true);
					if (name != null) {
						list.add(new PartyViews.Participant(null, name));
					}
				}
			}
		}
		if (participants != null && participants < list.size()) {
			in.problem("participants", "error.party.fewerThanListed", list.size());
		}
		Long team = null;
		if (teamId != null) {
			ServiceTeamView t = this.store.serviceTeam(teamId, today()).orElse(null);
			if (t == null || (org != null && !t.zoneCode().equals(org.zoneCode()))) {
				in.problem("serviceTeamId", "error.party.serviceTeamNotFound", teamId);
			}
			else if (kind != null && kind != ActivityKind.VOLUNTEER) {
				in.problem("serviceTeamId", "error.party.teamOnlyForVolunteer");
			}
			else if (on != null
					&& (on.isBefore(t.foundedOn()) || (t.disbandedOn() != null && !on.isBefore(t.disbandedOn())))) {
				in.problem("serviceTeamId", "error.party.teamNotActiveOn", t.name());
			}
			else {
				team = t.id();
			}
		}
		return new ActivityValues(kind, on, title, (participants != null) ? participants : list.size(), notes, team,
				list);
	}

	public Page<ActivityView> activities(String zone, String kind, Long org, LocalDate from, LocalDate to, int page,
			int size) {
		String z = zone(zone);
		Inputs in = new Inputs();
		ActivityKind k = in.choice(ActivityKind.class, kind, "kind", false);
		in.check();
		LocalDate f = (from != null) ? from : Inputs.EARLIEST_DATE;
		LocalDate t = (to != null) ? to : today().plusYears(10);
		String ks = (k != null) ? k.name() : null;
		List<ActivityView> rows = this.store.activities(z, ks, org, f, t, page * size, size);
		Map<Long, List<PartyViews.Participant>> people = this.store
			.participants(rows.stream().map(ActivityView::id).toList());
		return new Page<>(rows.stream().map((a) -> a.withParticipants(people.getOrDefault(a.id(), List.of()))).toList(),
				this.store.countActivities(z, ks, org, f, t));
	}

	// ---- service teams

	@Transactional
	public long recordServiceTeam(PartyCommands.RecordServiceTeam cmd) {
		requireStaff();
		Inputs in = new Inputs();
		String zone = in.text(cmd.zoneCode(), "zoneCode", 32, true);
		if (zone != null) {
			if (this.zones.zone(zone).isEmpty()) {
				in.problem("zoneCode", "error.zoneNotFound", zone);
				zone = null;
			}
			else {
				CurrentUser.get().checkZone(zone);
			}
		}
		String name = in.text(cmd.name(), "name", 100, true);
		String leader = in.text(cmd.leader(), "leader", 50, false);
		LocalDate founded = date(in, cmd.foundedOn(), "foundedOn", true);
		OrgRow org = null;
		if (cmd.organisationId() != null) {
			org = this.store.organisation(cmd.organisationId()).orElse(null);
			if (org == null || (zone != null && !org.zoneCode().equals(zone))) {
				in.problem("organisationId", "error.party.organisationNotFound", cmd.organisationId());
				org = null;
			}
		}
		in.check();
		long id = this.store.insertServiceTeam(zone, name, (org != null) ? org.id() : null, leader, founded,
				CurrentUser.usernameOrSystem());
		this.audit.recordChange("CREATE", "party_service_team", Long.toString(id), null, serviceTeam(id));
		return id;
	}

	public ServiceTeamView serviceTeam(long id) {
		ServiceTeamView t = this.store.serviceTeam(id, today())
			.orElseThrow(() -> new NotFoundException("error.party.serviceTeamNotFound", id));
		CurrentUser.get().checkZone(t.zoneCode());
		return t;
	}

	public List<ServiceTeamView> serviceTeams(String zone) {
		return this.store.serviceTeams(zone(zone), today());
	}

	@Transactional
	public ServiceTeamView editServiceTeam(long id, PartyCommands.EditServiceTeam cmd) {
		ServiceTeamView before = serviceTeam(id);
		Inputs in = new Inputs();
		String name = in.text(cmd.name(), "name", 100, true);
		String leader = in.text(cmd.leader(), "leader", 50, false);
		LocalDate disbanded = date(in, cmd.disbandedOn(), "disbandedOn", false);
		if (disbanded != null && disbanded.isBefore(before.foundedOn())) {
			in.problem("disbandedOn", "error.party.beforeFounded", before.foundedOn());
		}
		in.check();
		Versions.updated(this.store.updateServiceTeam(id, name, leader, disbanded, Versions.required(cmd.version())));
		ServiceTeamView after = serviceTeam(id);
		this.audit.recordChange("UPDATE", "party_service_team", Long.toString(id), before, after);
		return after;
	}

	@Transactional
	public DuesView recordDues(long organisationId, String month, PartyCommands.RecordDues cmd) {
		OrgRow org = organisationInScope(organisationId);
		Inputs in = new Inputs();
		YearMonth m = in.month(month, "month", true, Inputs.EARLIEST_MONTH, YearMonth.from(today()));
		BigDecimal collected = in.number(cmd.collected(), "collected", 12, 2, BigDecimal.ZERO, true);
		BigDecimal returned = in.number(cmd.returned(), "returned", 12, 2, BigDecimal.ZERO, false);
		in.check();
		BigDecimal r = (returned != null) ? returned : BigDecimal.ZERO;
		if (r.compareTo(collected) > 0) {
			throw InvalidInputException.of("returned", "error.party.returnedOverCollected");
		}
		String ms = m.toString();
		var current = this.store.duesVersion(org.id(), ms);
		if (current.isEmpty()) {
			if (cmd.version() != null || this.store.insertDues(org.id(), ms, collected, r) == 0) {
				throw Versions.stale();
			}
		}
		else {
			Versions.expect(current.get(), Versions.required(cmd.version()));
			Versions.updated(this.store.updateDues(org.id(), ms, collected, r, cmd.version()));
		}
		DuesView after = this.store.dues(org.zoneCode(), ms, ms)
			.stream()
			.filter((d) -> d.organisationId() == org.id())
			.findFirst()
			.orElseThrow();
		this.audit.recordChange("SAVE", "party_dues", org.id() + ":" + ms, null, after);
		return after;
	}

	public List<DuesView> dues(String zone, int year) {
		String z = zone(zone);
		return this.store.dues(z, year + "-01", year + "-12");
	}

	private static void requireStaff() {
		if (CurrentUser.get().isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
	}

}
