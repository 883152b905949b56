package io.parkops.enterprise.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.parkops.platform.Inputs;
import io.parkops.enterprise.CreditCode;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseFlag;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.enterprise.OwnershipType;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.EnterpriseDirectory;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ParkOpsException.FieldProblem;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise registry (一企一档): registering and changing enterprises within the user's
 * data scope, their 规上 history, flags, status and timeline.
 */
@Service
public class EnterpriseService implements EnterpriseRegistry, EnterpriseDirectory {

	private final EnterpriseStore store;

	private final ZoneDirectory zones;

	private final AuditTrail audit;

	EnterpriseService(EnterpriseStore store, ZoneDirectory zones, AuditTrail audit) {
		this.store = store;
		this.zones = zones;
		this.audit = audit;
	}

	// ---- queries

	@Override
	public Optional<Enterprise> find(String creditCode) {
		return this.store.find(CreditCode.normalize(creditCode));
	}

	@Override
	public Optional<String> zoneOf(String creditCode) {
		return find(creditCode).map(Enterprise::zoneCode);
	}

	@Override
	public Enterprise requireVisible(String creditCode) {
		Enterprise e = find(creditCode)
			.orElseThrow(() -> new NotFoundException("error.enterpriseNotFound", creditCode));
		CurrentUser.get().checkEnterprise(e.creditCode(), e.zoneCode());
		return e;
	}

	@Override
	public List<Enterprise> aboveScaleIn(String zoneCode, YearMonth month) {
		return this.store.aboveScaleIn(zoneCode, month);
	}

	@Override
	public List<SetMember> aboveScaleMembers(String zoneCode, YearMonth month) {
		return this.store.aboveScaleMembers(zoneCode, month);
	}

	@Override
	public List<SetMember> membersOf(String zoneCode) {
		return this.store.membersOf(zoneCode);
	}

	@Override
	public List<Enterprise> ofZone(String zoneCode) {
		return this.store.ofZone(zoneCode);
	}

	@Override
	@Transactional
	public Enterprise assignServicePeople(String creditCode, String secretary, String leader) {
		Enterprise before = find(creditCode)
			.orElseThrow(() -> new NotFoundException("error.enterpriseNotFound", creditCode));
		CurrentUser.find().ifPresent((user) -> {
			if (user.isEnterpriseUser()) {
				throw ForbiddenException.ofField("secretary", "error.enterprise.contactFieldsOnly", "secretary");
			}
			user.checkEnterprise(before.creditCode(), before.zoneCode());
		});
		Inputs in = new Inputs();
		String s = (secretary != null) ? in.text(secretary, "secretary", 64, false) : before.secretary();
		String l = (leader != null) ? in.text(leader, "leader", 64, false) : before.leader();
		in.check();
		Enterprise changed = new Enterprise(before.id(), before.creditCode(), before.name(), before.zoneCode(),
				before.areaCode(), before.industryCode(), null, before.status(), before.ownershipType(),
				before.aboveScale(), before.aboveScaleSince(), before.legalRepresentative(), before.contactName(),
				before.contactPhone(), before.email(), before.address(), s, l, before.tags(), before.flags(),
				before.version());
		if (this.store.update(changed, before.version()) == 0) {
			throw new ConflictException("error.staleVersion");
		}
		Enterprise after = this.store.find(before.creditCode()).orElseThrow();
		this.audit.recordChange("UPDATE", "enterprise", before.creditCode(), before, after);
		return after;
	}

	@Override
	public List<String> creditCodesNamed(java.util.Collection<String> zoneCodes, String text, int limit) {
		if (zoneCodes.isEmpty() || text == null || text.isBlank()) {
			return List.of();
		}
		return this.store.codesNamed(zoneCodes, text.strip(), limit);
	}

	@Override
	public Map<String, EnterpriseStatus> statusesOn(String zoneCode, LocalDate date) {
		return this.store.statusesOn(zoneCode, date);
	}

	@Override
	public Map<String, String> names(java.util.Collection<String> creditCodes) {
		return this.store.names(creditCodes);
	}

	@Override
	public List<ScaleChange> scaleChanges(String zoneCode, YearMonth from, YearMonth to) {
		return this.store.scaleChanges(zoneCode, from, to)
			.stream()
			.map((r) -> new ScaleChange(r.creditCode(), YearMonth.from(r.month()), r.aboveScale()))
			.toList();
	}

	/** A page of enterprises the current user may see. */
	public record Page(List<Enterprise> items, long total) {
	}

	public Page list(EnterpriseQuery query) {
		Scope scope = scope(query.zone());
		return new Page(this.store.list(query, scope.zones(), scope.only()),
				this.store.count(query, scope.zones(), scope.only()));
	}

	void each(EnterpriseQuery query, java.util.function.Consumer<Enterprise> consumer) {
		Scope scope = scope(query.zone());
		this.store.each(query, scope.zones(), scope.only(), consumer);
	}

	private record Scope(List<String> zones, String only) {
	}

	private Scope scope(String zone) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			return new Scope(new ArrayList<>(me.zoneCodes()), me.enterpriseCreditCode());
		}
		if (zone != null) {
			me.checkZone(zone);
			return new Scope(List.of(zone), null);
		}
		return new Scope(this.zones.zones().stream().map(ZoneDirectory.Zone::code).filter(me::canSeeZone).toList(),
				null);
	}

	/** Everything on one enterprise's file. */
	public record EnterpriseFile(Enterprise enterprise, List<EnterpriseStore.ScaleRow> scaleHistory,
			List<EnterpriseStore.FlagRow> flags, List<EnterpriseStore.StatusRow> statusHistory,
			List<EnterpriseStore.EventRow> events, String zoneName, String areaName) {
	}

	public EnterpriseFile file(String creditCode) {
		Enterprise e = requireVisible(creditCode);
		ZoneDirectory.Zone zone = this.zones.require(e.zoneCode());
		String areaName = (e.areaCode() != null)
				? zone.area(e.areaCode()).map(ZoneDirectory.Area::label).orElse(e.areaCode()) : null;
		return new EnterpriseFile(e, this.store.scaleHistory(e.id()), this.store.flags(e.id()),
				this.store.statusHistory(e.id()), this.store.events(e.id(), 200), zone.name(), areaName);
	}

	List<String> existing(List<String> creditCodes) {
		return this.store.existingCreditCodes(creditCodes);
	}

	public List<EnterpriseStore.Division> divisions() {
		return this.store.divisions();
	}

	public List<EnterpriseStore.Count> countBy(String zone, String dimension) {
		CurrentUser.get().checkZone(zone);
		return this.store.countBy(zone, dimension);
	}

	// ---- changes

	@Transactional
	public Enterprise register(EnterpriseCommands.Register cmd) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Enterprise candidate = validateNew(cmd, problems, divisionIndex());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		me.checkZone(candidate.zoneCode());
		if (this.store.find(candidate.creditCode()).isPresent()) {
			throw new ConflictException("error.enterprise.duplicate", candidate.creditCode());
		}
		Enterprise saved = insert(candidate);
		this.audit.recordChange("CREATE", "enterprise", saved.creditCode(), null, saved);
		return saved;
	}

	@Override
	@Transactional
	public Enterprise register(EnterpriseRegistry.NewEnterprise e) {
		return register(
				new EnterpriseCommands.Register(e.creditCode(), e.name(), e.zoneCode(), e.areaCode(), e.industryCode(),
						false, null, EnterpriseStatus.BUILDING.name(), null, null, null, null, null, null, List.of()));
	}

	@Override
	public Map<String, String> industryDivisions() {
		Map<String, String> all = new java.util.LinkedHashMap<>();
		for (EnterpriseStore.Division d : this.store.divisions()) {
			all.put(d.code(), d.name());
		}
		return all;
	}

	/**
	 * Inserts a validated enterprise with its first status and, when 规上, its entry month.
	 */
	Enterprise insert(Enterprise candidate) {
		return insert(candidate, LocalDate.now(ZoneTime.zone()), Instant.now());
	}

	/**
	 * The same, registered on a day of the past at a given moment (demo data: a registry
	 * that has grown over the years, not at the moment of loading).
	 */
	Enterprise insert(Enterprise candidate, LocalDate registeredOn, Instant registeredAt) {
		long id = this.store.insert(candidate);
		this.store.insertStatus(id, candidate.status(), registeredOn, null);
		if (candidate.aboveScale()) {
			this.store.insertScaleChange(id, candidate.aboveScaleSince(), true, CurrentUser.usernameOrSystem());
		}
		this.store.insertEvent(id, registeredAt, "enterprise", "registered", CurrentUser.usernameOrSystem(), null);
		return this.store.find(candidate.creditCode()).orElseThrow();
	}

	Map<String, EnterpriseStore.Division> divisionIndex() {
		return this.store.divisions()
			.stream()
			.collect(Collectors.toMap(EnterpriseStore.Division::code, Function.identity()));
	}

	/**
	 * Checks a registration; problems are added to the list, the candidate is returned.
	 */
	Enterprise validateNew(EnterpriseCommands.Register cmd, List<FieldProblem> problems,
			Map<String, EnterpriseStore.Division> divisions) {
		String code = CreditCode.normalize(cmd.creditCode());
		if (code == null || code.isEmpty()) {
			problems.add(new FieldProblem("creditCode", "error.required"));
		}
		else if (!CreditCode.isValid(code)) {
			problems.add(new FieldProblem("creditCode", "error.creditCode.invalid", Inputs.shorten(code)));
		}
		Inputs in = new Inputs(problems);
		String name = in.text(cmd.name(), "name", 200, true);
		Optional<ZoneDirectory.Zone> zone = Optional.empty();
		String zoneCode = in.text(cmd.zoneCode(), "zoneCode", 32, true);
		if (zoneCode != null) {
			zone = this.zones.zone(zoneCode);
			if (zone.isEmpty()) {
				problems.add(new FieldProblem("zoneCode", "error.zoneNotFound", Inputs.shorten(zoneCode)));
			}
		}
		String area = in.text(cmd.areaCode(), "areaCode", 32, false);
		if (area != null && zone.isPresent() && zone.get().area(area).isEmpty()) {
			problems.add(new FieldProblem("areaCode", "error.area.notInZone", Inputs.shorten(area)));
		}
		String industry = industry(in, cmd.industryCode(), divisions);
		EnterpriseStatus status = parseStatus(cmd.status(), "status", problems, EnterpriseStatus.IN_PRODUCTION);
		OwnershipType ownership = parseOwnership(cmd.ownershipType(), problems, null);
		boolean above = Boolean.TRUE.equals(cmd.aboveScale());
		YearMonth since = null;
		if (above) {
			since = parseMonth(cmd.aboveScaleSince(), "aboveScaleSince", problems, true);
		}
		Contacts contacts = contacts(in, cmd.legalRepresentative(), cmd.contactName(), cmd.contactPhone(), cmd.email(),
				cmd.address(), cmd.secretary(), cmd.leader(), null);
		List<String> tags = in.texts(cmd.tags(), "tags", MAX_TAG, MAX_TAGS);
		return new Enterprise(0, code, name, (zone.isPresent()) ? zone.get().code() : null, area, industry, null,
				status, ownership, above, since, contacts.legalRepresentative(), contacts.contactName(),
				contacts.contactPhone(), contacts.email(), contacts.address(), contacts.secretary(), contacts.leader(),
				tags, List.of(), 0);
	}

	/** The longest tag and the most tags an enterprise carries. */
	static final int MAX_TAG = 32;

	static final int MAX_TAGS = 20;

	/** The contact fields, each within its column. */
	record Contacts(String legalRepresentative, String contactName, String contactPhone, String email, String address,
			String secretary, String leader) {
	}

	/**
	 * Reads the contact fields; a field not sent ({@code null}) keeps its value in
	 * {@code before} (when changing), a blank one clears it.
	 */
	static Contacts contacts(Inputs in, String legalRepresentative, String contactName, String contactPhone,
			String email, String address, String secretary, String leader, Enterprise before) {
		return new Contacts(
				field(in, legalRepresentative, "legalRepresentative", 64,
						(before != null) ? before.legalRepresentative() : null),
				field(in, contactName, "contactName", 64, (before != null) ? before.contactName() : null),
				field(in, contactPhone, "contactPhone", 32, (before != null) ? before.contactPhone() : null),
				email(in, email, (before != null) ? before.email() : null),
				field(in, address, "address", 200, (before != null) ? before.address() : null),
				field(in, secretary, "secretary", 64, (before != null) ? before.secretary() : null),
				field(in, leader, "leader", 64, (before != null) ? before.leader() : null));
	}

	/**
	 * An e-mail address as people write one: one {@code @}, a dotted domain, no spaces.
	 */
	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
		.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	private static String email(Inputs in, String given, String current) {
		String email = field(in, given, "email", 100, current);
		if (given != null && email != null && !EMAIL.matcher(email).matches()) {
			in.problem("email", "error.email.format", Inputs.shorten(email));
		}
		return email;
	}

	private static String field(Inputs in, String given, String name, int max, String current) {
		return (given != null) ? in.text(given, name, max, false) : current;
	}

	private static String industry(Inputs in, String given, Map<String, EnterpriseStore.Division> divisions) {
		String industry = in.text(given, "industryCode", 3, false);
		if (industry != null) {
			industry = industry.toUpperCase(java.util.Locale.ROOT);
			if (!divisions.containsKey(industry)) {
				in.problem("industryCode", "error.industry.unknown", industry);
			}
		}
		return industry;
	}

	@Transactional
	public Enterprise change(String creditCode, EnterpriseCommands.Change cmd) {
		Enterprise before = requireVisible(creditCode);
		if (CurrentUser.find().map(CurrentUser::isEnterpriseUser).orElse(false)) {
			refuseNonContactFields(cmd);
		}
		if (cmd.version() == null) {
			throw InvalidInputException.of("version", "error.required");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Inputs in = new Inputs(problems);
		String name = (cmd.name() != null) ? in.text(cmd.name(), "name", 200, true) : before.name();
		String area = (cmd.areaCode() != null) ? in.text(cmd.areaCode(), "areaCode", 32, false) : before.areaCode();
		if (area != null && this.zones.require(before.zoneCode()).area(area).isEmpty()) {
			problems.add(new FieldProblem("areaCode", "error.area.notInZone", Inputs.shorten(area)));
		}
		String industry = (cmd.industryCode() != null) ? industry(in, cmd.industryCode(), divisionIndex())
				: before.industryCode();
		EnterpriseStatus status = (cmd.status() != null) ? parseStatus(cmd.status(), "status", problems, null)
				: before.status();
		OwnershipType ownership = (cmd.ownershipType() != null)
				? parseOwnership(cmd.ownershipType(), problems, before.ownershipType()) : before.ownershipType();
		Contacts contacts = contacts(in, cmd.legalRepresentative(), cmd.contactName(), cmd.contactPhone(), cmd.email(),
				cmd.address(), cmd.secretary(), cmd.leader(), before);
		List<String> tags = (cmd.tags() != null) ? in.texts(cmd.tags(), "tags", MAX_TAG, MAX_TAGS) : before.tags();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Enterprise changed = new Enterprise(before.id(), before.creditCode(), name, before.zoneCode(), area, industry,
				null, status, ownership, before.aboveScale(), before.aboveScaleSince(), contacts.legalRepresentative(),
				contacts.contactName(), contacts.contactPhone(), contacts.email(), contacts.address(),
				contacts.secretary(), contacts.leader(), tags, before.flags(), before.version());
		if (this.store.update(changed, cmd.version()) == 0) {
			throw new ConflictException("error.staleVersion");
		}
		if (status != before.status()) {
			this.store.insertStatus(before.id(), status, LocalDate.now(ZoneTime.zone()), null);
		}
		Enterprise after = this.store.find(before.creditCode()).orElseThrow();
		this.audit.recordChange("UPDATE", "enterprise", before.creditCode(), before, after);
		return after;
	}

	/**
	 * An enterprise states only how to reach it (legal representative, contact, phone,
	 * address); the fields that decide which statistics it counts in are the staff's.
	 */
	/** What an enterprise user may send when changing its own enterprise. */
	public static final java.util.Set<String> ENTERPRISE_EDITABLE = java.util.Set.of("version", "legalRepresentative",
			"contactName", "contactPhone", "email", "address");

	private static void refuseNonContactFields(EnterpriseCommands.Change cmd) {
		java.util.Map<String, Object> staffOnly = new java.util.LinkedHashMap<>();
		staffOnly.put("name", cmd.name());
		staffOnly.put("areaCode", cmd.areaCode());
		staffOnly.put("industryCode", cmd.industryCode());
		staffOnly.put("status", cmd.status());
		staffOnly.put("ownershipType", cmd.ownershipType());
		staffOnly.put("secretary", cmd.secretary());
		staffOnly.put("leader", cmd.leader());
		staffOnly.put("tags", cmd.tags());
		for (java.util.Map.Entry<String, Object> field : staffOnly.entrySet()) {
			if (field.getValue() != null) {
				throw ForbiddenException.ofField(field.getKey(), "error.enterprise.contactFieldsOnly", field.getKey());
			}
		}
	}

	@Transactional
	public Enterprise recordScaleChange(String creditCode, EnterpriseCommands.ScaleChange cmd) {
		Enterprise before = requireVisible(creditCode);
		requireStaff();
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth month = parseMonth(cmd.month(), "month", problems, true);
		if (cmd.aboveScale() == null) {
			problems.add(new FieldProblem("aboveScale", "error.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (this.store.hasScaleChange(before.id(), month)) {
			throw new ConflictException("error.scale.duplicate", month.toString());
		}
		this.store.insertScaleChange(before.id(), month, cmd.aboveScale(), CurrentUser.usernameOrSystem());
		this.store.insertEvent(before.id(), Instant.now(), "enterprise",
				(cmd.aboveScale() ? "scale.entered:" : "scale.exited:") + month, CurrentUser.usernameOrSystem(), null);
		Enterprise after = this.store.find(before.creditCode()).orElseThrow();
		this.audit.recordChange("SCALE_CHANGE", "enterprise", before.creditCode(), before, after);
		return after;
	}

	@Transactional
	public long grantFlag(String creditCode, EnterpriseCommands.GrantFlag cmd) {
		Enterprise e = requireVisible(creditCode);
		requireStaff();
		List<FieldProblem> problems = new ArrayList<>();
		String kind = null;
		try {
			kind = EnterpriseFlag.valueOf(String.valueOf(cmd.kind()).trim()).name();
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("kind", "error.flag.unknown", Inputs.shorten(String.valueOf(cmd.kind()))));
		}
		LocalDate today = LocalDate.now(ZoneTime.zone());
		LocalDate granted = parseDate(cmd.grantedOn(), "grantedOn", problems, true, today);
		LocalDate expires = parseDate(cmd.expiresOn(), "expiresOn", problems, false, today.plusYears(30));
		String reference = new Inputs(problems).text(cmd.reference(), "reference", 100, false);
		if (granted != null && expires != null && expires.isBefore(granted)) {
			problems.add(new FieldProblem("expiresOn", "error.date.beforeStart"));
		}
		if (kind != null && EnterpriseFlag.HIGH_TECH.name().equals(kind) && granted != null && expires == null) {
			// 高新技术企业 certificates are valid for three years
			expires = granted.plusYears(3).minusDays(1);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = this.store.insertFlag(e.id(), kind, granted, expires, reference);
		this.store.insertEvent(e.id(), Instant.now(), "enterprise", "flag.granted:" + kind,
				CurrentUser.usernameOrSystem(), null);
		this.audit.recordChange("FLAG_GRANT", "enterprise", e.creditCode(), null,
				Map.of("kind", kind, "grantedOn", granted.toString()));
		return id;
	}

	@Transactional
	public void revokeFlag(String creditCode, long flagId) {
		Enterprise e = requireVisible(creditCode);
		requireStaff();
		if (this.store.revokeFlag(e.id(), flagId, LocalDate.now(ZoneTime.zone())) == 0) {
			throw new NotFoundException("error.flag.notFound", flagId);
		}
		this.store.insertEvent(e.id(), Instant.now(), "enterprise", "flag.revoked", CurrentUser.usernameOrSystem(),
				null);
		this.audit.recordChange("FLAG_REVOKE", "enterprise", e.creditCode(), Map.of("flagId", flagId), null);
	}

	@Transactional
	public Enterprise changeStatus(String creditCode, EnterpriseCommands.ChangeStatus cmd) {
		Enterprise before = requireVisible(creditCode);
		requireStaff();
		List<FieldProblem> problems = new ArrayList<>();
		EnterpriseStatus status = parseStatus(cmd.status(), "status", problems, null);
		LocalDate on = parseDate(cmd.changedOn(), "changedOn", problems, true, LocalDate.now(ZoneTime.zone()));
		String note = new Inputs(problems).text(cmd.note(), "note", 200, false);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Enterprise changed = new Enterprise(before.id(), before.creditCode(), before.name(), before.zoneCode(),
				before.areaCode(), before.industryCode(), null, status, before.ownershipType(), before.aboveScale(),
				before.aboveScaleSince(), before.legalRepresentative(), before.contactName(), before.contactPhone(),
				before.email(), before.address(), before.secretary(), before.leader(), before.tags(), before.flags(),
				before.version());
		if (this.store.update(changed, before.version()) == 0) {
			throw new ConflictException("error.staleVersion");
		}
		this.store.insertStatus(before.id(), status, on, note);
		this.store.insertEvent(before.id(), Instant.now(), "enterprise", "status.changed:" + status.name(),
				CurrentUser.usernameOrSystem(), null);
		Enterprise after = this.store.find(before.creditCode()).orElseThrow();
		this.audit.recordChange("STATUS_CHANGE", "enterprise", before.creditCode(), before, after);
		return after;
	}

	/** Adds an entry to the enterprise's timeline (see {@link TimelineListener}). */
	@Transactional
	void record(String creditCode, Instant occurredAt, String module, String summary, String link) {
		Enterprise e = find(creditCode)
			.orElseThrow(() -> new NotFoundException("error.enterpriseNotFound", creditCode));
		this.store.insertEvent(e.id(), occurredAt, module, summary, CurrentUser.usernameOrSystem(), link);
	}

	private static void requireStaff() {
		if (CurrentUser.get().isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
	}

	// ---- parsing helpers shared by the API, the pages and the import

	static EnterpriseStatus parseStatus(String text, String field, List<FieldProblem> problems,
			EnterpriseStatus fallback) {
		String value = Inputs.trim(text);
		if (value == null) {
			if (fallback == null) {
				problems.add(new FieldProblem(field, "error.required"));
			}
			return fallback;
		}
		for (EnterpriseStatus s : EnterpriseStatus.values()) {
			if (s.name().equalsIgnoreCase(value) || chineseStatus(s).equals(value)) {
				return s;
			}
		}
		problems.add(new FieldProblem(field, "error.status.unknown", Inputs.shorten(value)));
		return fallback;
	}

	/**
	 * An ownership type from its code or Chinese word; blank is 未填 (null). An unknown
	 * value is a problem naming {@code ownershipType}, and {@code fallback} is returned.
	 */
	static OwnershipType parseOwnership(String text, List<FieldProblem> problems, OwnershipType fallback) {
		String value = Inputs.trim(text);
		if (value == null) {
			return null;
		}
		java.util.Optional<OwnershipType> type = OwnershipType.parse(value);
		if (type.isEmpty()) {
			problems.add(new FieldProblem("ownershipType", "error.ownershipType.unknown", Inputs.shorten(value)));
			return fallback;
		}
		return type.get();
	}

	static String chineseStatus(EnterpriseStatus s) {
		return switch (s) {
			case BUILDING -> "在建";
			case IN_PRODUCTION -> "投产";
			case HALTED -> "停产";
			case MOVED_OUT -> "迁出";
		};
	}

	/**
	 * A month of the enterprise's history ({@code aboveScaleSince}, 入规/退规): not before
	 * 1950 and not after the current month.
	 */
	static YearMonth parseMonth(String text, String field, List<FieldProblem> problems, boolean required) {
		return new Inputs(problems).month(text, field, required, Inputs.EARLIEST_MONTH, YearMonth.now(ZoneTime.zone()));
	}

	/** A date from 1950 to {@code latest}. */
	static LocalDate parseDate(String text, String field, List<FieldProblem> problems, boolean required,
			LocalDate latest) {
		return new Inputs(problems).date(text, field, required, Inputs.EARLIEST_DATE, latest);
	}

}
