package io.parkops.service.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseFlag;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.service.PolicyApplied;
import io.parkops.service.internal.Kinds.ApplicationStatus;
import io.parkops.service.internal.Kinds.CriterionKind;
import io.parkops.service.internal.Kinds.Indicator;
import io.parkops.service.internal.Kinds.IssuerLevel;
import io.parkops.service.internal.ServiceCommands.Criterion;
import io.parkops.service.internal.ServiceViews.ApplicationView;
import io.parkops.service.internal.ServiceViews.AutoLine;
import io.parkops.service.internal.ServiceViews.AutoList;
import io.parkops.service.internal.ServiceViews.MatchView;
import io.parkops.service.internal.ServiceViews.Page;
import io.parkops.service.internal.ServiceViews.PolicyView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Policies (惠企政策) with criteria on the data the system holds, the enterprises they find
 * (政策找企业), applications 申报 → 审核 → 兑现 and the 免申即享 payout list.
 */
@Service
public class PolicyService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final BigDecimal MIN_PCT = new BigDecimal("-100000");

	private static final List<String> PER_MU_CLASSES = List.of("A", "B", "C", "D");

	private final JdbcClient jdbc;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final PolicyMatcher matcher;

	private final ServiceProperties properties;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final MessageSource messages;

	PolicyService(JdbcClient jdbc, EnterpriseRegistry enterprises, ZoneDirectory zones, PolicyMatcher matcher,
			ServiceProperties properties, ApplicationEventPublisher events, AuditTrail audit, MessageSource messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.zones = zones;
		this.matcher = matcher;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
	}

	// ---- policies

	@Transactional
	public PolicyView create(ServiceCommands.CreatePolicy cmd) {
		Scopes.requireStaff();
		Inputs in = new Inputs();
		String zone = in.text(cmd.zoneCode(), "zoneCode", 32, true);
		if (zone != null) {
			if (this.zones.zone(zone).isEmpty()) {
				in.problem("zoneCode", "error.zoneNotFound", zone);
			}
			else {
				CurrentUser.get().checkZone(zone);
			}
		}
		String title = in.text(cmd.title(), "title", 200, true);
		String issuer = in.text(cmd.issuer(), "issuer", 100, true);
		IssuerLevel level = in.choice(IssuerLevel.class, cmd.issuerLevel(), "issuerLevel", false);
		String number = in.text(cmd.documentNumber(), "documentNumber", 100, false);
		LocalDate validFrom = Scopes.date(in, cmd.validFrom(), "validFrom", false);
		LocalDate validTo = Scopes.date(in, cmd.validTo(), "validTo", false);
		if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
			in.problem("validTo", "error.service.endBeforeStart");
		}
		LocalDate windowFrom = null;
		LocalDate windowTo = null;
		if (cmd.window() != null) {
			windowFrom = Scopes.date(in, cmd.window().from(), "window.from", false);
			windowTo = Scopes.date(in, cmd.window().to(), "window.to", false);
			if (windowFrom != null && windowTo != null && windowTo.isBefore(windowFrom)) {
				in.problem("window.to", "error.service.endBeforeStart");
			}
		}
		String rule = in.multiline(cmd.amountRule(), "amountRule", 1000, false);
		List<Criterion> criteria = criteria(in, cmd.criteria());
		in.check();
		long id = this.jdbc.sql("""
				INSERT INTO service_policy (zone_code, title, issuer, issuer_level, document_number, valid_from,
				  valid_to, window_from, window_to, amount_rule, criteria, created_by)
				VALUES (:zone, :title, :issuer, :level, :number, :vf, :vt, :wf, :wt, :rule, :criteria, :by)
				RETURNING id""")
			.param("zone", zone)
			.param("title", title)
			.param("issuer", issuer)
			.param("level", (level != null) ? level.name() : null)
			.param("number", number)
			.param("vf", validFrom)
			.param("vt", validTo)
			.param("wf", windowFrom)
			.param("wt", windowTo)
			.param("rule", rule)
			.param("criteria", JSON.writeValueAsString(criteria))
			.param("by", CurrentUser.get().username())
			.query(Long.class)
			.single();
		PolicyView saved = policy(id);
		this.audit.recordChange("CREATE", "service_policy", Long.toString(id), null, saved);
		return saved;
	}

	/** Checks the criteria and writes them with their kind and indicator normalised. */
	private static List<Criterion> criteria(Inputs in, List<Criterion> given) {
		List<Criterion> result = new ArrayList<>();
		if (given == null || given.isEmpty()) {
			in.problem("criteria", "error.required");
			return result;
		}
		if (given.size() > 30) {
			in.problem("criteria", "error.tooMany", 30);
			return result;
		}
		Set<String> flags = java.util.Arrays.stream(EnterpriseFlag.values())
			.map(Enum::name)
			.collect(Collectors.toSet());
		int maxYear = Scopes.today().getYear();
		for (int i = 0; i < given.size(); i++) {
			Criterion c = given.get(i);
			String f = "criteria[" + i + "]";
			if (c == null) {
				in.problem(f, "error.required");
				continue;
			}
			CriterionKind kind = in.choice(CriterionKind.class, c.kind(), f + ".kind");
			String text = in.text(c.text(), f + ".text", 200, kind == CriterionKind.MANUAL);
			if (kind == null) {
				continue;
			}
			String flag = null;
			List<String> industries = null;
			String indicator = null;
			BigDecimal minPct = null;
			BigDecimal min = null;
			Integer year = null;
			String measure = null;
			List<String> classes = null;
			switch (kind) {
				case FLAG -> flag = in.oneOf(c.flag(), f + ".flag", flags, true);
				case INDUSTRY -> {
					industries = in.texts(c.industries(), f + ".industries", 4, 100);
					if (industries.isEmpty()) {
						in.problem(f + ".industries", "error.required");
					}
					for (String code : industries) {
						if (!code.matches("[A-Z][0-9]{0,3}")) {
							in.problem(f + ".industries", "error.service.industryCode", code);
						}
					}
				}
				case INDICATOR_GROWTH, INDICATOR_AMOUNT -> {
					Indicator ind = indicator(in, c.indicator(), f + ".indicator");
					indicator = (ind != null) ? ind.column : null;
					year = in.whole(c.year(), f + ".year", 2000, maxYear, false);
					if (kind == CriterionKind.INDICATOR_GROWTH) {
						minPct = in.number(c.minPct(), f + ".minPct", 9, 2, MIN_PCT, true);
					}
					else {
						min = in.number(c.min(), f + ".min", 16, 2, BigDecimal.ZERO, true);
					}
				}
				case SERVICE -> {
					Kinds.ServiceMeasure m = in.choice(Kinds.ServiceMeasure.class, c.measure(), f + ".measure");
					measure = (m != null) ? m.name() : null;
					if (m != null && m != Kinds.ServiceMeasure.NO_OVERDUE_BRIDGE) {
						year = in.whole(c.year(), f + ".year", 2000, maxYear, false);
						min = in.number(c.min(), f + ".min", 9, 0, BigDecimal.ONE, true);
					}
				}
				case LAND -> {
					Kinds.LandMeasure m = in.choice(Kinds.LandMeasure.class, c.measure(), f + ".measure");
					measure = (m != null) ? m.name() : null;
					if (m == Kinds.LandMeasure.PER_MU_CLASS) {
						classes = perMuClasses(in, c.classes(), f + ".classes");
					}
					if (m == Kinds.LandMeasure.LAND_AREA) {
						min = in.number(c.min(), f + ".min", 12, 4, BigDecimal.ZERO, true);
					}
				}
				default -> {
				}
			}
			result.add(
					new Criterion(kind.name(), flag, industries, indicator, minPct, min, year, text, measure, classes));
		}
		return result;
	}

	/** The 亩均 classes of a criterion: A–D, each once, in their order; at least one. */
	private static List<String> perMuClasses(Inputs in, List<String> given, String field) {
		List<String> classes = in.texts(given, field, 8, 4);
		if (classes.isEmpty()) {
			in.problem(field, "error.required");
		}
		for (String c : classes) {
			if (!PER_MU_CLASSES.contains(c.toUpperCase(Locale.ROOT))) {
				in.problem(field, "error.unknownValue", c, String.join(", ", PER_MU_CLASSES));
			}
		}
		return PER_MU_CLASSES.stream().filter((k) -> classes.stream().anyMatch((c) -> c.equalsIgnoreCase(k))).toList();
	}

	private static Indicator indicator(Inputs in, String code, String field) {
		String v = in.text(code, field, 32, true);
		if (v == null) {
			return null;
		}
		Indicator i = Indicator.of(v);
		if (i == null) {
			in.problem(field, "error.unknownValue", v,
					"output, value_added, revenue, profit, tax, electricity," + " employees, export");
		}
		return i;
	}

	private PolicyView map(ResultSet rs) throws SQLException {
		List<Criterion> criteria = JSON.readValue(rs.getString("criteria"), new TypeReference<List<Criterion>>() {
		});
		LocalDate today = Scopes.today();
		Map<String, LocalDate> window = new LinkedHashMap<>();
		window.put("from", rs.getObject("window_from", LocalDate.class));
		window.put("to", rs.getObject("window_to", LocalDate.class));
		return new PolicyView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("title"),
				rs.getString("issuer"), rs.getString("issuer_level"), rs.getString("document_number"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), window,
				rs.getString("amount_rule"), criteria,
				this.matcher.texts(criteria, today, LocaleContextHolder.getLocale()),
				criteria.stream().noneMatch((c) -> CriterionKind.MANUAL.name().equals(c.kind())),
				rs.getLong("version"));
	}

	/** A policy of a zone the current user sees (an enterprise user: of its own zone). */
	public PolicyView policy(long id) {
		PolicyView p = this.jdbc.sql("SELECT * FROM service_policy WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.service.policyNotFound", id));
		checkPolicyZone(p);
		return p;
	}

	private void checkPolicyZone(PolicyView p) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			Enterprise own = this.enterprises.requireVisible(me.enterpriseCreditCode());
			if (!own.zoneCode().equals(p.zoneCode())) {
				throw new io.parkops.platform.ForbiddenException("error.zoneOutOfScope");
			}
		}
		else {
			me.checkZone(p.zoneCode());
		}
	}

	public Page<PolicyView> policies(String zone, String q, int page, int size) {
		CurrentUser me = CurrentUser.get();
		List<String> zoneCodes;
		if (me.isEnterpriseUser()) {
			zoneCodes = List.of(this.enterprises.requireVisible(me.enterpriseCreditCode()).zoneCode());
		}
		else {
			zoneCodes = ActivityService.nonEmpty(Scopes.of(this.zones, zone).zones());
		}
		Inputs in = new Inputs();
		String text = in.text(q, "q", 100, false);
		in.check();
		String where = " WHERE zone_code IN (:zones)" + ((text != null) ? " AND title ILIKE :q" : "");
		Map<String, Object> p = new HashMap<>();
		p.put("zones", zoneCodes);
		p.put("q", (text != null) ? "%" + text + "%" : null);
		p.put("limit", size);
		p.put("offset", (long) page * size);
		List<PolicyView> items = this.jdbc
			.sql("SELECT * FROM service_policy" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.params(p)
			.query((rs, n) -> map(rs))
			.list();
		long total = this.jdbc.sql("SELECT count(*) FROM service_policy" + where).params(p).query(Long.class).single();
		return new Page<>(items, total);
	}

	/** 政策找企业: every enterprise of the policy's zone with each criterion met or missed. */
	public List<MatchView> matches(long id) {
		Scopes.requireStaff();
		PolicyView p = policy(id);
		return this.matcher.matches(p.criteria(), () -> this.enterprises.ofZone(p.zoneCode()), p.zoneCode(),
				Scopes.today(), LocaleContextHolder.getLocale());
	}

	/** The policies of an enterprise's zone, each with why it qualifies or not. */
	public List<Eligibility> eligibleFor(String creditCode) {
		Enterprise e = this.enterprises.requireVisible(creditCode);
		LocalDate today = Scopes.today();
		List<PolicyView> policies = this.jdbc
			.sql("SELECT * FROM service_policy WHERE zone_code = :zone AND (valid_to IS NULL OR valid_to >= :today)"
					+ " ORDER BY id DESC")
			.param("zone", e.zoneCode())
			.param("today", today)
			.query((rs, n) -> map(rs))
			.list();
		// one matching for all the policies: each kind of data is read once for the
		// enterprise
		List<List<MatchView>> matches = this.matcher.matchesAll(policies.stream().map(PolicyView::criteria).toList(),
				() -> List.of(e), e.zoneCode(), today, LocaleContextHolder.getLocale());
		List<Eligibility> result = new ArrayList<>();
		for (int i = 0; i < policies.size(); i++) {
			PolicyView p = policies.get(i);
			MatchView m = matches.get(i)
				.stream()
				.findFirst()
				.orElse(new MatchView(e.creditCode(), e.name(), false, List.of()));
			boolean open = (p.window().get("from") == null || !today.isBefore(p.window().get("from")))
					&& (p.window().get("to") == null || !today.isAfter(p.window().get("to")));
			result.add(new Eligibility(p, m, open));
		}
		result.sort((a, b) -> Boolean.compare(b.match().qualifies(), a.match().qualifies()));
		return result;
	}

	/**
	 * A policy for one enterprise: whether it qualifies and why, and whether it is open.
	 */
	public record Eligibility(PolicyView policy, MatchView match, boolean windowOpen) {
	}

	// ---- 免申即享

	/**
	 * The payout list proposed for a policy whose criteria are all data-determined: the
	 * qualifying enterprises without an application, each with the data and the clause.
	 */
	public AutoList autoList(long id) {
		Scopes.requireStaff();
		PolicyView p = policy(id);
		List<String> manual = new ArrayList<>();
		for (int i = 0; i < p.criteria().size(); i++) {
			if (CriterionKind.MANUAL.name().equals(p.criteria().get(i).kind())) {
				manual.add(p.criteriaTexts().get(i));
			}
		}
		if (!manual.isEmpty()) {
			return new AutoList(id, false, manual, List.of());
		}
		Set<String> applied = new java.util.HashSet<>(this.jdbc
			.sql("SELECT credit_code FROM service_application WHERE policy_id = :id AND status <> 'REJECTED'")
			.param("id", id)
			.query(String.class)
			.list()
			.stream()
			.map(String::trim)
			.toList());
		Locale locale = LocaleContextHolder.getLocale();
		String criteriaText = String.join(this.messages.getMessage("service.sep.clause", null, locale),
				p.criteriaTexts());
		String clause = (p.documentNumber() != null)
				? this.messages.getMessage("service.crit.clauseNumbered",
						new Object[] { p.title(), p.documentNumber(), criteriaText }, locale)
				: this.messages.getMessage("service.crit.clause", new Object[] { p.title(), criteriaText }, locale);
		List<AutoLine> lines = new ArrayList<>();
		for (MatchView m : this.matcher.matches(p.criteria(), () -> this.enterprises.ofZone(p.zoneCode()), p.zoneCode(),
				Scopes.today(), locale)) {
			if (m.qualifies() && !applied.contains(m.creditCode())) {
				lines.add(new AutoLine(m.creditCode(), m.name(), m.criteria(), clause));
			}
		}
		return new AutoList(id, true, manual, lines);
	}

	/**
	 * Approves the proposed list: each enterprise gets an approved application (免申即享)
	 * whose payment waits for the objection window.
	 */
	@Transactional
	public List<ApplicationView> approveAutoList(long id, ServiceCommands.AutoPayout cmd) {
		Scopes.requireStaff();
		Inputs in = new Inputs();
		LocalDate on = Scopes.past(in, cmd.on(), "on", false);
		BigDecimal amount = in.number(cmd.amount(), "amount", 14, 2, BigDecimal.ZERO, true);
		in.check();
		AutoList list = autoList(id);
		if (!list.automatic()) {
			throw new ConflictException("error.service.notAutomatic");
		}
		if (list.items().isEmpty()) {
			throw new ConflictException("error.service.autoListEmpty");
		}
		LocalDate day = (on != null) ? on : Scopes.today();
		PolicyView p = policy(id);
		List<ApplicationView> created = new ArrayList<>();
		for (AutoLine line : list.items()) {
			long appId = this.jdbc.sql("""
					INSERT INTO service_application (policy_id, zone_code, credit_code, amount, applied_on, status,
					  reviewed_on, approved_amount, automatic, publicity_from, publicity_to, created_by)
					VALUES (:p, :zone, :cc, :amount, :on, 'APPROVED', :on, :amount, true, :on, :until, :by)
					RETURNING id""")
				.param("until", day.plusDays(this.properties.objectionDays()))
				.param("p", id)
				.param("zone", p.zoneCode())
				.param("cc", line.creditCode())
				.param("amount", amount)
				.param("on", day)
				.param("by", CurrentUser.get().username())
				.query(Long.class)
				.single();
			ApplicationView a = application(appId);
			this.audit.recordChange("AUTO_APPROVE", "service_application", Long.toString(appId), null, a);
			this.events.publishEvent(new PolicyApplied(appId, line.creditCode(), p.title(), Instant.now()));
			created.add(a);
		}
		return created;
	}

	// ---- applications

	@Transactional
	public ApplicationView apply(long policyId, ServiceCommands.Apply cmd) {
		PolicyView p = policy(policyId);
		CurrentUser me = CurrentUser.get();
		Inputs in = new Inputs();
		String code = in.text(cmd.enterpriseCreditCode(), "enterpriseCreditCode", 18, !me.isEnterpriseUser());
		if (code == null && me.isEnterpriseUser()) {
			code = me.enterpriseCreditCode();
		}
		Enterprise e = null;
		if (code != null) {
			e = this.enterprises.find(code.toUpperCase(Locale.ROOT)).orElse(null);
			if (e == null) {
				in.problem("enterpriseCreditCode", "error.enterpriseNotFound", code);
			}
			else {
				me.checkEnterprise(e.creditCode(), e.zoneCode());
				if (!e.zoneCode().equals(p.zoneCode())) {
					in.problem("enterpriseCreditCode", "error.service.enterpriseNotInZone", code);
				}
			}
		}
		BigDecimal amount = in.number(cmd.amount(), "amount", 14, 2, BigDecimal.ZERO, true);
		LocalDate on = Scopes.past(in, cmd.appliedOn(), "appliedOn", false);
		LocalDate day = (on != null) ? on : Scopes.today();
		LocalDate wf = p.window().get("from");
		LocalDate wt = p.window().get("to");
		if ((wf != null && day.isBefore(wf)) || (wt != null && day.isAfter(wt))) {
			in.problem("appliedOn", "error.service.outsideWindow", (wf != null) ? wf : "", (wt != null) ? wt : "");
		}
		in.check();
		Long open = this.jdbc
			.sql("SELECT count(*) FROM service_application WHERE policy_id = :p AND credit_code = :cc"
					+ " AND status <> 'REJECTED'")
			.param("p", policyId)
			.param("cc", e.creditCode())
			.query(Long.class)
			.single();
		if (open > 0) {
			throw new ConflictException("error.service.alreadyApplied");
		}
		long id = this.jdbc.sql("""
				INSERT INTO service_application (policy_id, zone_code, credit_code, amount, applied_on, status,
				  created_by) VALUES (:p, :zone, :cc, :amount, :on, 'APPLIED', :by) RETURNING id""")
			.param("p", policyId)
			.param("zone", p.zoneCode())
			.param("cc", e.creditCode())
			.param("amount", amount)
			.param("on", day)
			.param("by", me.username())
			.query(Long.class)
			.single();
		ApplicationView saved = application(id);
		this.events.publishEvent(new PolicyApplied(id, e.creditCode(), p.title(), Instant.now()));
		this.audit.recordChange("CREATE", "service_application", Long.toString(id), null, saved);
		return saved;
	}

	@Transactional
	public ApplicationView review(Long policyId, long id, ServiceCommands.Review cmd) {
		Scopes.requireStaff();
		ApplicationView before = application(id);
		if (policyId != null && before.policyId() != policyId) {
			throw new NotFoundException("error.service.notFound", id);
		}
		Inputs in = new Inputs();
		if (cmd.approved() == null) {
			in.problem("approved", "error.required");
		}
		BigDecimal amount = in.number(cmd.amount(), "amount", 14, 2, BigDecimal.ZERO, false);
		LocalDate on = Scopes.past(in, cmd.on(), "on", true);
		if (on != null && on.isBefore(before.appliedOn())) {
			in.problem("on", "error.service.beforeApplied", before.appliedOn());
		}
		in.check();
		boolean approved = cmd.approved();
		BigDecimal approvedAmount = approved ? ((amount != null) ? amount : before.amount()) : null;
		int rows = this.jdbc
			.sql("UPDATE service_application SET status = :st, reviewed_on = :on, approved_amount = :amount,"
					+ " version = version + 1 WHERE id = :id AND status = 'APPLIED'")
			.param("st", approved ? ApplicationStatus.APPROVED.name() : ApplicationStatus.REJECTED.name())
			.param("on", on)
			.param("amount", approvedAmount)
			.param("id", id)
			.update();
		if (rows == 0) {
			throw new ConflictException("error.service.wrongStatus", before.status());
		}
		ApplicationView saved = application(id);
		this.audit.recordChange("REVIEW", "service_application", Long.toString(id), before, saved);
		return saved;
	}

	/**
	 * 公示: puts an approved application on public notice from {@code from} to {@code to}
	 * (default: the objection window of {@code parkops.service.objection-days}); it is
	 * paid only after the notice ends. Once only (409).
	 */
	@Transactional
	public ApplicationView publicize(Long policyId, long id, ServiceCommands.Publicity cmd) {
		Scopes.requireStaff();
		ApplicationView before = application(id);
		if (policyId != null && before.policyId() != policyId) {
			throw new NotFoundException("error.service.notFound", id);
		}
		Inputs in = new Inputs();
		LocalDate from = Scopes.date(in, (cmd != null) ? cmd.from() : null, "from", true);
		LocalDate to = Scopes.date(in, (cmd != null) ? cmd.to() : null, "to", false);
		if (from != null && before.reviewedOn() != null && from.isBefore(before.reviewedOn())) {
			in.problem("from", "error.service.beforeReviewed", before.reviewedOn());
		}
		if (from != null && to != null && to.isBefore(from)) {
			in.problem("to", "error.service.endBeforeStart");
		}
		in.check();
		LocalDate until = (to != null) ? to : from.plusDays(this.properties.objectionDays());
		int rows = this.jdbc
			.sql("UPDATE service_application SET publicity_from = :from, publicity_to = :to, version = version + 1"
					+ " WHERE id = :id AND status = 'APPROVED' AND publicity_from IS NULL")
			.param("from", from)
			.param("to", until)
			.param("id", id)
			.update();
		if (rows == 0) {
			throw new ConflictException("APPROVED".equals(before.status()) ? "error.service.alreadyPublicized"
					: "error.service.wrongStatus", before.status());
		}
		ApplicationView saved = application(id);
		this.audit.recordChange("PUBLICIZE", "service_application", Long.toString(id), before, saved);
		return saved;
	}

	/** 公示 of every approved application of a policy not yet on notice. */
	@Transactional
	public List<ApplicationView> publicizeApproved(long policyId, ServiceCommands.Publicity cmd) {
		Scopes.requireStaff();
		PolicyView p = policy(policyId);
		List<Long> ids = this.jdbc
			.sql("SELECT id FROM service_application WHERE policy_id = :p AND status = 'APPROVED'"
					+ " AND publicity_from IS NULL ORDER BY id")
			.param("p", p.id())
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			throw new ConflictException("error.service.nothingToPublicize");
		}
		List<ApplicationView> result = new ArrayList<>();
		for (long id : ids) {
			result.add(publicize(policyId, id, cmd));
		}
		return result;
	}

	@Transactional
	public ApplicationView pay(Long policyId, long id, ServiceCommands.Payment cmd) {
		Scopes.requireStaff();
		ApplicationView before = application(id);
		if (policyId != null && before.policyId() != policyId) {
			throw new NotFoundException("error.service.notFound", id);
		}
		Inputs in = new Inputs();
		LocalDate on = Scopes.past(in, cmd.on(), "on", true);
		BigDecimal amount = in.number(cmd.amount(), "amount", 14, 2, BigDecimal.ZERO, false);
		if (amount != null && before.approvedAmount() != null && amount.compareTo(before.approvedAmount()) > 0) {
			in.problem("amount", "error.service.moreThanApproved", before.approvedAmount().toPlainString());
		}
		if (on != null && before.reviewedOn() != null && on.isBefore(before.reviewedOn())) {
			in.problem("on", "error.service.beforeReviewed", before.reviewedOn());
		}
		in.check();
		// 申报 → 审核 → 公示 → 兑现: an approved application never put on public notice is not
		// paid
		if ("APPROVED".equals(before.status()) && before.publicityFrom() == null) {
			throw new ConflictException("error.service.notPublicized");
		}
		if (before.objectionUntil() != null && !on.isAfter(before.objectionUntil())
				&& "APPROVED".equals(before.status())) {
			throw new ConflictException("error.service.objectionWindow", before.objectionUntil());
		}
		int rows = this.jdbc
			.sql("UPDATE service_application SET status = 'PAID', paid_on = :on, paid_amount = :amount,"
					+ " version = version + 1 WHERE id = :id AND status = 'APPROVED'")
			.param("on", on)
			.param("amount", (amount != null) ? amount : before.approvedAmount())
			.param("id", id)
			.update();
		if (rows == 0) {
			throw new ConflictException("error.service.wrongStatus", before.status());
		}
		ApplicationView saved = application(id);
		this.audit.recordChange("PAY", "service_application", Long.toString(id), before, saved);
		return saved;
	}

	private static final String APPLICATION = "SELECT a.*, p.title AS policy_title FROM service_application a"
			+ " JOIN service_policy p ON p.id = a.policy_id";

	private ApplicationView mapApplication(ResultSet rs) throws SQLException {
		LocalDate reviewed = rs.getObject("reviewed_on", LocalDate.class);
		boolean automatic = rs.getBoolean("automatic");
		return new ApplicationView(rs.getLong("id"), rs.getLong("policy_id"), rs.getString("policy_title"),
				rs.getString("zone_code"), rs.getString("credit_code"), null, rs.getBigDecimal("amount"),
				rs.getObject("applied_on", LocalDate.class), rs.getString("status"), reviewed,
				rs.getBigDecimal("approved_amount"), rs.getObject("paid_on", LocalDate.class),
				rs.getBigDecimal("paid_amount"), automatic, rs.getObject("publicity_from", LocalDate.class),
				rs.getObject("publicity_to", LocalDate.class), rs.getLong("version"));
	}

	private ApplicationView named(ApplicationView a, Map<String, String> names) {
		return new ApplicationView(a.id(), a.policyId(), a.policyTitle(), a.zoneCode(), a.enterpriseCreditCode(),
				names.get(a.enterpriseCreditCode()), a.amount(), a.appliedOn(), a.status(), a.reviewedOn(),
				a.approvedAmount(), a.paidOn(), a.paidAmount(), a.automatic(), a.publicityFrom(), a.objectionUntil(),
				a.version());
	}

	public ApplicationView application(long id) {
		ApplicationView a = this.jdbc.sql(APPLICATION + " WHERE a.id = :id")
			.param("id", id)
			.query((rs, n) -> mapApplication(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.service.notFound", id));
		CurrentUser.get().checkEnterprise(a.enterpriseCreditCode(), a.zoneCode());
		return named(a, this.enterprises.names(List.of(a.enterpriseCreditCode())));
	}

	public Page<ApplicationView> applications(String zone, Long policyId, String status, int page, int size) {
		Inputs in = new Inputs();
		ApplicationStatus st = in.choice(ApplicationStatus.class, status, "status", false);
		in.check();
		Scopes scope = Scopes.of(this.zones, CurrentUser.get().isEnterpriseUser() ? null : zone);
		String where = ((scope.onlyCreditCode() != null) ? " WHERE a.credit_code = :only"
				: " WHERE a.zone_code IN (:zones)") + ((policyId != null) ? " AND a.policy_id = :p" : "")
				+ ((st != null) ? " AND a.status = :st" : "");
		Map<String, Object> p = new HashMap<>();
		p.put("only", scope.onlyCreditCode());
		p.put("zones", ActivityService.nonEmpty(scope.zones()));
		p.put("p", policyId);
		p.put("st", (st != null) ? st.name() : null);
		p.put("limit", size);
		p.put("offset", (long) page * size);
		List<ApplicationView> raw = this.jdbc
			.sql(APPLICATION + where + " ORDER BY a.applied_on DESC, a.id DESC LIMIT :limit OFFSET :offset")
			.params(p)
			.query((rs, n) -> mapApplication(rs))
			.list();
		Map<String, String> names = this.enterprises
			.names(raw.stream().map(ApplicationView::enterpriseCreditCode).distinct().toList());
		long total = this.jdbc.sql("SELECT count(*) FROM service_application a" + where)
			.params(p)
			.query(Long.class)
			.single();
		return new Page<>(raw.stream().map((a) -> named(a, names)).toList(), total);
	}

}
