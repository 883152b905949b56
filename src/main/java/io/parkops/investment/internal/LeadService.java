package io.parkops.investment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.parkops.investment.internal.InvestmentViews.ActivityView;
import io.parkops.investment.internal.InvestmentViews.LeadView;
import io.parkops.investment.internal.InvestmentViews.Page;
import io.parkops.investment.internal.InvestmentViews.ReviewItemView;
import io.parkops.investment.internal.InvestmentViews.ReviewView;
import io.parkops.investment.internal.InvestmentViews.Step;
import io.parkops.investment.internal.Kinds.LeadSource;
import io.parkops.investment.internal.Kinds.LeadStage;
import io.parkops.investment.internal.Kinds.ReviewResult;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ZoneDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead pipeline (招商线索): leads moved forward through their stages or dropped, their
 * follow-up deadlines, trips and receptions, and the admission review (预审联审) before
 * signing.
 */
@Service
public class LeadService {

	private static final BigDecimal ZERO = BigDecimal.ZERO;

	private final JdbcClient jdbc;

	private final io.parkops.enterprise.EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final AuditTrail audit;

	private final InvestmentProperties properties;

	LeadService(JdbcClient jdbc, ZoneDirectory zones, AuditTrail audit, InvestmentProperties properties,
			io.parkops.enterprise.EnterpriseRegistry enterprises) {
		this.enterprises = enterprises;
		this.jdbc = jdbc;
		this.zones = zones;
		this.audit = audit;
		this.properties = properties;
	}

	/** The follow-up due date of a lead, in SQL (see {@link InvestmentProperties}). */
	static final String DUE = "(CASE WHEN l.stage = 'NEW' THEN l.last_activity_on + :respondDays"
			+ " WHEN l.stage = 'CONTACTED' THEN l.last_activity_on + :assessDays"
			+ " WHEN coalesce(l.intended_amount, 0) >= :majorAmount THEN l.last_activity_on + :majorDays"
			+ " ELSE l.last_activity_on + :progressDays END)";

	private static final String LEAD = "SELECT l.*, " + DUE + " AS due FROM inv_lead l";

	JdbcClient.StatementSpec withDue(JdbcClient.StatementSpec spec) {
		return spec.param("respondDays", this.properties.respondDays())
			.param("assessDays", this.properties.assessDays())
			.param("majorAmount", this.properties.majorLeadAmount())
			.param("majorDays", this.properties.majorDays())
			.param("progressDays", this.properties.progressDays());
	}

	private LeadView lead(ResultSet rs, int n) throws SQLException {
		String stage = rs.getString("stage");
		LocalDate due = rs.getObject("due", LocalDate.class);
		boolean open = !LeadStage.valueOf(stage).closed();
		BigDecimal intended = rs.getBigDecimal("intended_amount");
		Long project = rs.getObject("project_id", Long.class);
		return new LeadView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("name"), rs.getString("investor"),
				rs.getString("source"), rs.getString("industry_code"), intended, rs.getBigDecimal("intended_usd"),
				rs.getBigDecimal("land_mu"), rs.getBigDecimal("factory_m2"), rs.getString("financing"),
				rs.getString("responsible"), stage, rs.getObject("stage_on", LocalDate.class),
				rs.getObject("created_on", LocalDate.class), rs.getObject("last_activity_on", LocalDate.class),
				open ? due : null, open && due.isBefore(Access.today()),
				intended != null && intended.compareTo(this.properties.majorLeadAmount()) >= 0,
				rs.getString("dropped_reason"), project, rs.getString("override_reason"), rs.getString("override_by"),
				rs.getLong("version"));
	}

	// ---- leads

	@Transactional
	public LeadView recordLead(InvestmentCommands.RecordLead cmd) {
		Access.requireStaff();
		Inputs in = new Inputs();
		String zone = Access.zone(in, this.zones, cmd.zoneCode());
		String name = in.text(cmd.name(), "name", 200, true);
		String investor = in.text(cmd.investor(), "investor", 200, true);
		LeadSource source = in.choice(LeadSource.class, cmd.source(), "source", true);
		String industry = industry(in, cmd.industryCode());
		BigDecimal amount = in.number(cmd.intendedAmount(), "intendedAmount", 14, 2, ZERO, false);
		BigDecimal usd = in.number(cmd.intendedUsd(), "intendedUsd", 14, 2, ZERO, false);
		BigDecimal land = in.number(cmd.landMu(), "landMu", 12, 2, ZERO, false);
		BigDecimal factory = in.number(cmd.factoryM2(), "factoryM2", 12, 2, ZERO, false);
		String financing = in.text(cmd.financing(), "financing", 200, false);
		String responsible = in.text(cmd.responsible(), "responsible", 64, true);
		LocalDate createdOn = Access.pastDate(in, cmd.createdOn(), "createdOn", false);
		in.check();
		LocalDate on = (createdOn != null) ? createdOn : Access.today();
		long id = insertLead(zone, name, investor, source.name(), industry, amount, usd, land, factory, financing,
				responsible, on, CurrentUser.usernameOrSystem());
		LeadView saved = find(id);
		this.audit.recordChange("CREATE", "inv_lead", Long.toString(id), null, saved);
		return saved;
	}

	long insertLead(String zone, String name, String investor, String source, String industry, BigDecimal amount,
			BigDecimal usd, BigDecimal land, BigDecimal factory, String financing, String responsible, LocalDate on,
			String by) {
		long id = this.jdbc
			.sql("""
					INSERT INTO inv_lead (zone_code, name, investor, source, industry_code, intended_amount, intended_usd,
					  land_mu, factory_m2, financing, responsible, stage, stage_on, created_on, last_activity_on, created_by)
					VALUES (:zone, :name, :investor, :source, :industry, :amount, :usd, :land, :factory, :financing,
					  :responsible, 'NEW', :on, :on, :on, :by) RETURNING id
					""")
			.param("zone", zone)
			.param("name", name)
			.param("investor", investor)
			.param("source", source)
			.param("industry", industry)
			.param("amount", amount)
			.param("usd", usd)
			.param("land", land)
			.param("factory", factory)
			.param("financing", financing)
			.param("responsible", responsible)
			.param("on", on)
			.param("by", by)
			.query(Long.class)
			.single();
		addStep(id, "NEW", on, null, by);
		return id;
	}

	/**
	 * A GB/T 4754 division (大类) code the platform ships with its enterprise registry: a
	 * section letter and two digits (C39).
	 */
	String industry(Inputs in, String given) {
		String code = in.text(given, "industryCode", 8, false);
		if (code != null) {
			code = code.toUpperCase(Locale.ROOT);
			if (!code.matches("[A-T][0-9]{2}") || !this.enterprises.industryDivisions().containsKey(code)) {
				in.problem("industryCode", "error.investment.industry", code);
				return null;
			}
		}
		return code;
	}

	LeadView find(long id) {
		return withDue(this.jdbc.sql(LEAD + " WHERE l.id = :id").param("id", id)).query((rs, n) -> lead(rs, n))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.investment.leadNotFound", id));
	}

	/** A lead the current user may see. */
	public LeadView lead(long id) {
		Access.requireStaff();
		LeadView lead = find(id);
		CurrentUser.get().checkZone(lead.zoneCode());
		return lead;
	}

	/**
	 * A page of leads, newest first; {@code overdue} keeps those past their follow-up.
	 */
	public Page<LeadView> leads(String zone, String stage, String source, Boolean overdue, String q, int page,
			int size) {
		Access.requireStaff();
		List<String> zoneList = Access.zones(this.zones, zone);
		Inputs in = new Inputs();
		LeadStage s = in.choice(LeadStage.class, stage, "stage", false);
		LeadSource src = in.choice(LeadSource.class, source, "source", false);
		in.check();
		String where = " " + """
				WHERE l.zone_code = ANY(:zones) AND (CAST(:stage AS text) IS NULL OR l.stage = :stage)
				  AND (CAST(:source AS text) IS NULL OR l.source = :source)
				  AND (CAST(:q AS text) IS NULL OR l.name ILIKE :like OR l.investor ILIKE :like
				       OR l.responsible ILIKE :like)
				  AND (NOT :overdue OR (l.stage NOT IN ('SIGNED', 'DROPPED') AND """ + DUE + " < :today))";
		String like = (q != null) ? "%" + q.replace("%", "\\%").replace("_", "\\_") + "%" : null;
		List<LeadView> items = bind(
				withDue(this.jdbc
					.sql(LEAD + where + " ORDER BY l.created_on DESC, l.id DESC LIMIT :limit OFFSET :offset")),
				zoneList, s, src, q, like, overdue)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> lead(rs, n))
			.list();
		long total = bind(withDue(this.jdbc.sql("SELECT count(*) FROM inv_lead l" + where)), zoneList, s, src, q, like,
				overdue)
			.query(Long.class)
			.single();
		return new Page<>(items, total);
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, List<String> zones, LeadStage stage,
			LeadSource source, String q, String like, Boolean overdue) {
		return spec.param("zones", zones.toArray(String[]::new))
			.param("stage", (stage != null) ? stage.name() : null)
			.param("source", (source != null) ? source.name() : null)
			.param("q", q)
			.param("like", like)
			.param("overdue", Boolean.TRUE.equals(overdue))
			.param("today", Access.today());
	}

	/**
	 * How many open leads of a zone are past their follow-up, and the earliest due date.
	 */
	public Due overdueFollowUps(String zone, String responsible, String displayName) {
		return withDue(this.jdbc.sql("SELECT count(*) AS n, min(" + DUE + ") AS oldest FROM inv_lead l"
				+ " WHERE l.zone_code = :zone AND l.stage NOT IN ('SIGNED', 'DROPPED') AND " + DUE + " < :today"
				+ " AND (CAST(:who AS text) IS NULL OR l.responsible IN (:who, :display))"))
			.param("zone", zone)
			.param("today", Access.today())
			.param("who", responsible)
			.param("display", (displayName != null) ? displayName : "")
			.query((rs, n) -> new Due(rs.getLong("n"), rs.getObject("oldest", LocalDate.class)))
			.single();
	}

	/** A count with the earliest due date among them. */
	public record Due(long count, LocalDate oldest) {
	}

	public List<Step> steps(long id) {
		lead(id);
		return this.jdbc
			.sql("SELECT stage, step_on, note, done_by FROM inv_lead_step WHERE lead_id = :id ORDER BY step_on, id")
			.param("id", id)
			.query((rs, n) -> new Step(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	void addStep(long leadId, String stage, LocalDate on, String note, String by) {
		this.jdbc.sql(
				"INSERT INTO inv_lead_step (lead_id, stage, step_on, note, done_by) VALUES (:id, :stage, :on, :note, :by)")
			.param("id", leadId)
			.param("stage", stage)
			.param("on", on)
			.param("note", note)
			.param("by", by)
			.update();
	}

	/**
	 * Whether a lead may go from one stage to another by a step: only forward (接洽 → 考察 →
	 * 洽谈) or to 放弃; signing has its own call; a signed or dropped lead moves no more.
	 */
	static boolean allowed(LeadStage from, LeadStage to) {
		if (from.closed() || to == LeadStage.SIGNED || to == LeadStage.NEW) {
			return false;
		}
		if (to == LeadStage.DROPPED) {
			return true;
		}
		return to.ordinal() > from.ordinal();
	}

	@Transactional
	public LeadView step(long id, InvestmentCommands.LeadStep cmd) {
		LeadView lead = lead(id);
		Inputs in = new Inputs();
		LeadStage to = in.choice(LeadStage.class, cmd.stage(), "stage", true);
		if (to == LeadStage.NEW || to == LeadStage.SIGNED) {
			in.problem("stage", "error.investment.leadStage", cmd.stage());
		}
		LocalDate on = Access.pastDate(in, cmd.on(), "on", false);
		String note = in.multiline(cmd.note(), "note", 500, to == LeadStage.DROPPED);
		in.check();
		LocalDate date = (on != null) ? on : Access.today();
		LeadStage from = LeadStage.valueOf(lead.stage());
		if (!allowed(from, to)) {
			throw new ConflictException("error.investment.leadStepRefused", from.name(), to.name());
		}
		int rows = this.jdbc.sql("""
				UPDATE inv_lead SET stage = :to, stage_on = :on, last_activity_on = greatest(last_activity_on, :on),
				  dropped_on = CASE WHEN :to = 'DROPPED' THEN CAST(:on AS date) END,
				  dropped_reason = CASE WHEN :to = 'DROPPED' THEN CAST(:note AS varchar) END, version = version + 1
				WHERE id = :id AND stage = :from
				""")
			.param("to", to.name())
			.param("on", date)
			.param("note", note)
			.param("id", id)
			.param("from", from.name())
			.update();
		if (rows == 0) {
			throw new ConflictException("error.investment.leadStepRefused", from.name(), to.name());
		}
		addStep(id, to.name(), date, note, CurrentUser.usernameOrSystem());
		LeadView saved = find(id);
		this.audit.recordChange("STAGE", "inv_lead", Long.toString(id), lead, saved);
		return saved;
	}

	@Transactional
	public LeadView note(long id, InvestmentCommands.LeadNote cmd) {
		LeadView lead = lead(id);
		Inputs in = new Inputs();
		LocalDate on = Access.pastDate(in, cmd.on(), "on", false);
		String note = in.multiline(cmd.note(), "note", 1000, true);
		in.check();
		if (LeadStage.valueOf(lead.stage()).closed()) {
			throw new ConflictException("error.investment.leadClosed");
		}
		LocalDate date = (on != null) ? on : Access.today();
		this.jdbc.sql("""
				UPDATE inv_lead SET last_activity_on = greatest(last_activity_on, :on), version = version + 1
				WHERE id = :id
				""").param("on", date).param("id", id).update();
		addStep(id, "NOTE", date, note, CurrentUser.usernameOrSystem());
		LeadView saved = find(id);
		this.audit.recordChange("NOTE", "inv_lead", Long.toString(id), lead, saved);
		return saved;
	}

	// ---- trips and receptions

	@Transactional
	public ActivityView recordTrip(InvestmentCommands.RecordTrip cmd) {
		Access.requireStaff();
		Inputs in = new Inputs();
		String zone = Access.zone(in, this.zones, cmd.zoneCode());
		LocalDate on = Access.pastDate(in, cmd.date(), "date", true);
		String destination = in.text(cmd.destination(), "destination", 100, true);
		List<String> people = in.texts(cmd.people(), "people", 50, 30);
		String note = in.multiline(cmd.note(), "note", 1000, false);
		Set<Long> leads = leadsOf(in, zone, cmd.leadIds());
		in.check();
		long id = this.jdbc.sql("""
				INSERT INTO inv_trip (zone_code, trip_on, destination, people, note, created_by)
				VALUES (:zone, :on, :destination, :people, :note, :by) RETURNING id
				""")
			.param("zone", zone)
			.param("on", on)
			.param("destination", destination)
			.param("people", (people != null) ? people.toArray(String[]::new) : new String[0])
			.param("note", note)
			.param("by", CurrentUser.usernameOrSystem())
			.query(Long.class)
			.single();
		for (Long lead : leads) {
			this.jdbc.sql("INSERT INTO inv_trip_lead (trip_id, lead_id) VALUES (:t, :l)")
				.param("t", id)
				.param("l", lead)
				.update();
			touch(lead, on);
		}
		ActivityView saved = trip(id);
		this.audit.recordChange("CREATE", "inv_trip", Long.toString(id), null, saved);
		return saved;
	}

	@Transactional
	public ActivityView recordReception(InvestmentCommands.RecordReception cmd) {
		Access.requireStaff();
		Inputs in = new Inputs();
		String zone = Access.zone(in, this.zones, cmd.zoneCode());
		LocalDate on = Access.pastDate(in, cmd.date(), "date", true);
		String visitors = in.text(cmd.visitors(), "visitors", 300, true);
		String note = in.multiline(cmd.note(), "note", 1000, false);
		Set<Long> leads = leadsOf(in, zone, cmd.leadIds());
		in.check();
		long id = this.jdbc.sql("""
				INSERT INTO inv_reception (zone_code, received_on, visitors, note, created_by)
				VALUES (:zone, :on, :visitors, :note, :by) RETURNING id
				""")
			.param("zone", zone)
			.param("on", on)
			.param("visitors", visitors)
			.param("note", note)
			.param("by", CurrentUser.usernameOrSystem())
			.query(Long.class)
			.single();
		for (Long lead : leads) {
			this.jdbc.sql("INSERT INTO inv_reception_lead (reception_id, lead_id) VALUES (:t, :l)")
				.param("t", id)
				.param("l", lead)
				.update();
			touch(lead, on);
		}
		ActivityView saved = reception(id);
		this.audit.recordChange("CREATE", "inv_reception", Long.toString(id), null, saved);
		return saved;
	}

	private void touch(long lead, LocalDate on) {
		this.jdbc
			.sql("UPDATE inv_lead SET last_activity_on = greatest(last_activity_on, :on) WHERE id = :id"
					+ " AND stage NOT IN ('SIGNED', 'DROPPED')")
			.param("on", on)
			.param("id", lead)
			.update();
	}

	private Set<Long> leadsOf(Inputs in, String zone, List<Long> ids) {
		Set<Long> found = new LinkedHashSet<>();
		if (ids == null) {
			return found;
		}
		if (ids.size() > 100) {
			in.problem("leadIds", "error.investment.tooMany", 100);
			return found;
		}
		for (Long id : ids) {
			if (id == null) {
				in.problem("leadIds", "error.required");
				continue;
			}
			String leadZone = this.jdbc.sql("SELECT zone_code FROM inv_lead WHERE id = :id")
				.param("id", id)
				.query(String.class)
				.optional()
				.orElse(null);
			if (leadZone == null || (zone != null && !leadZone.equals(zone))) {
				in.problem("leadIds", "error.investment.leadNotInZone", id);
			}
			else {
				found.add(id);
			}
		}
		return found;
	}

	ActivityView trip(long id) {
		return this.jdbc.sql("""
				SELECT t.*, ARRAY(SELECT lead_id FROM inv_trip_lead WHERE trip_id = t.id ORDER BY lead_id) AS leads
				FROM inv_trip t WHERE t.id = :id
				""").param("id", id).query((rs, n) -> activity(rs, "trip_on", "destination", true)).single();
	}

	ActivityView reception(long id) {
		return this.jdbc.sql("""
				SELECT r.*, ARRAY(SELECT lead_id FROM inv_reception_lead WHERE reception_id = r.id ORDER BY lead_id)
				  AS leads FROM inv_reception r WHERE r.id = :id
				""").param("id", id).query((rs, n) -> activity(rs, "received_on", "visitors", false)).single();
	}

	private static ActivityView activity(ResultSet rs, String dateColumn, String whereColumn, boolean trip)
			throws SQLException {
		List<Long> leads = new ArrayList<>();
		for (Object o : (Object[]) rs.getArray("leads").getArray()) {
			leads.add(((Number) o).longValue());
		}
		List<String> people = trip ? List.of((String[]) rs.getArray("people").getArray()) : List.of();
		return new ActivityView(rs.getLong("id"), rs.getString("zone_code"), rs.getObject(dateColumn, LocalDate.class),
				rs.getString(whereColumn), people, leads, rs.getString("note"));
	}

	public Page<ActivityView> trips(String zone, LocalDate from, LocalDate to, int page, int size) {
		Access.requireStaff();
		List<String> zoneList = Access.zones(this.zones, zone);
		List<ActivityView> items = this.jdbc
			.sql("""
					SELECT t.*, ARRAY(SELECT lead_id FROM inv_trip_lead WHERE trip_id = t.id ORDER BY lead_id) AS leads
					FROM inv_trip t WHERE t.zone_code = ANY(:zones)
					  AND (CAST(:from AS date) IS NULL OR t.trip_on >= :from) AND (CAST(:to AS date) IS NULL OR t.trip_on <= :to)
					ORDER BY t.trip_on DESC, t.id DESC LIMIT :limit OFFSET :offset
					""")
			.param("zones", zoneList.toArray(String[]::new))
			.param("from", from)
			.param("to", to)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> activity(rs, "trip_on", "destination", true))
			.list();
		long total = this.jdbc
			.sql("""
					SELECT count(*) FROM inv_trip t WHERE t.zone_code = ANY(:zones)
					  AND (CAST(:from AS date) IS NULL OR t.trip_on >= :from) AND (CAST(:to AS date) IS NULL OR t.trip_on <= :to)
					""")
			.param("zones", zoneList.toArray(String[]::new))
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
		return new Page<>(items, total);
	}

	public Page<ActivityView> receptions(String zone, LocalDate from, LocalDate to, int page, int size) {
		Access.requireStaff();
		List<String> zoneList = Access.zones(this.zones, zone);
		List<ActivityView> items = this.jdbc.sql("""
				SELECT r.*, ARRAY(SELECT lead_id FROM inv_reception_lead WHERE reception_id = r.id ORDER BY lead_id)
				  AS leads FROM inv_reception r WHERE r.zone_code = ANY(:zones)
				  AND (CAST(:from AS date) IS NULL OR r.received_on >= :from)
				  AND (CAST(:to AS date) IS NULL OR r.received_on <= :to)
				ORDER BY r.received_on DESC, r.id DESC LIMIT :limit OFFSET :offset
				""")
			.param("zones", zoneList.toArray(String[]::new))
			.param("from", from)
			.param("to", to)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> activity(rs, "received_on", "visitors", false))
			.list();
		long total = this.jdbc.sql("""
				SELECT count(*) FROM inv_reception r WHERE r.zone_code = ANY(:zones)
				  AND (CAST(:from AS date) IS NULL OR r.received_on >= :from)
				  AND (CAST(:to AS date) IS NULL OR r.received_on <= :to)
				""")
			.param("zones", zoneList.toArray(String[]::new))
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
		return new Page<>(items, total);
	}

	// ---- admission review (预审联审)

	public ReviewView review(long id) {
		LeadView lead = lead(id);
		Map<String, ReviewItemView> stored = new HashMap<>();
		this.jdbc.sql("SELECT * FROM inv_review_item WHERE lead_id = :id").param("id", id).query((rs, n) -> {
			String code = rs.getString("code");
			return new ReviewItemView(code, required(code), rs.getString("result"), rs.getString("note"),
					rs.getString("department"), rs.getString("reviewed_by"));
		}).list().forEach((item) -> stored.put(item.code(), item));
		List<ReviewItemView> items = new ArrayList<>();
		boolean blocking = false;
		for (String code : this.properties.reviewItems()) {
			ReviewItemView item = stored.getOrDefault(code,
					new ReviewItemView(code, required(code), null, null, null, null));
			items.add(item);
			blocking |= item.required() && "FAIL".equals(item.result());
		}
		return new ReviewView(id, items, blocking && lead.overrideReason() == null, lead.overrideReason(),
				lead.overrideBy());
	}

	private boolean required(String code) {
		return !this.properties.optionalReviewItems().contains(code);
	}

	@Transactional
	public ReviewView putReview(long id, InvestmentCommands.Review cmd) {
		LeadView lead = lead(id);
		ReviewView before = review(id);
		Inputs in = new Inputs();
		List<InvestmentCommands.ReviewItem> items = (cmd.items() != null) ? cmd.items() : List.of();
		if (cmd.items() == null) {
			in.problem("items", "error.required");
		}
		if (items.size() > 50) {
			in.problem("items", "error.investment.tooMany", 50);
			items = List.of();
		}
		Set<String> seen = new LinkedHashSet<>();
		List<Object[]> rows = new ArrayList<>();
		for (InvestmentCommands.ReviewItem item : items) {
			if (item == null) {
				in.problem("items", "error.required");
				continue;
			}
			String code = in.oneOf(item.code(), "items.code", this.properties.reviewItems(), true);
			ReviewResult result = in.choice(ReviewResult.class, item.result(), "items.result", true);
			String note = in.text(item.note(), "items.note", 500, false);
			String department = in.text(item.department(), "items.department", 100, false);
			if (code != null && !seen.add(code)) {
				in.problem("items.code", "error.investment.duplicate", code);
			}
			rows.add(new Object[] { code, result, note, department });
		}
		in.check();
		if (LeadStage.valueOf(lead.stage()).closed()) {
			throw new ConflictException("error.investment.leadClosed");
		}
		for (Object[] row : rows) {
			this.jdbc.sql("""
					INSERT INTO inv_review_item (lead_id, code, result, note, department, reviewed_by)
					VALUES (:id, :code, :result, :note, :department, :by)
					ON CONFLICT (lead_id, code) DO UPDATE SET result = EXCLUDED.result, note = EXCLUDED.note,
					  department = EXCLUDED.department, reviewed_by = EXCLUDED.reviewed_by, reviewed_at = now()
					""")
				.param("id", id)
				.param("code", row[0])
				.param("result", ((ReviewResult) row[1]).name())
				.param("note", row[2])
				.param("department", row[3])
				.param("by", CurrentUser.usernameOrSystem())
				.update();
		}
		ReviewView saved = review(id);
		this.audit.recordChange("REVIEW", "inv_lead", Long.toString(id), before, saved);
		return saved;
	}

	/**
	 * A leader lets a lead be signed although a required item failed, with the reason.
	 */
	@Transactional
	public ReviewView override(long id, InvestmentCommands.ReviewOverride cmd) {
		CurrentUser me = CurrentUser.get();
		if (!me.has("investment:review:override")) {
			throw new ForbiddenException("error.forbidden");
		}
		LeadView lead = lead(id);
		Inputs in = new Inputs();
		String reason = in.multiline(cmd.reason(), "reason", 500, true);
		in.check();
		if (LeadStage.valueOf(lead.stage()).closed()) {
			throw new ConflictException("error.investment.leadClosed");
		}
		this.jdbc.sql("""
				UPDATE inv_lead SET override_reason = :reason, override_by = :by, override_at = now(),
				  version = version + 1 WHERE id = :id
				""").param("reason", reason).param("by", me.username()).param("id", id).update();
		ReviewView saved = review(id);
		this.audit.recordChange("REVIEW_OVERRIDE", "inv_lead", Long.toString(id), lead, saved);
		return saved;
	}

	/** Marks a lead signed, once: a concurrent or repeated signing gets 409. */
	void markSigned(long id, String fromStage, LocalDate on, long projectId) {
		int rows = this.jdbc.sql("""
				UPDATE inv_lead SET stage = 'SIGNED', stage_on = :on, project_id = :project,
				  last_activity_on = greatest(last_activity_on, :on), version = version + 1
				WHERE id = :id AND stage = :from
				""").param("on", on).param("project", projectId).param("id", id).param("from", fromStage).update();
		if (rows == 0) {
			throw new ConflictException("error.investment.leadClosed");
		}
		addStep(id, "SIGNED", on, null, CurrentUser.usernameOrSystem());
	}

}
