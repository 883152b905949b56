package io.parkops.service.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.service.EnterpriseVisited;
import io.parkops.service.FinancingGranted;
import io.parkops.service.internal.Kinds.FairKind;
import io.parkops.service.internal.Kinds.FinancingKind;
import io.parkops.service.internal.Kinds.LoanProduct;
import io.parkops.service.internal.ServiceViews.FinancingView;
import io.parkops.service.internal.ServiceViews.JobFairView;
import io.parkops.service.internal.ServiceViews.Page;
import io.parkops.service.internal.ServiceViews.VisitView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits (走访) with the deeds done (实事), financing (过桥应急周转金, 园区贷, 续贷) and job fairs (招聘会).
 */
@Service
public class ActivityService {

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	private final JdbcClient jdbc;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	ActivityService(JdbcClient jdbc, EnterpriseRegistry enterprises, ZoneDirectory zones,
			ApplicationEventPublisher events, AuditTrail audit) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.zones = zones;
		this.events = events;
		this.audit = audit;
	}

	// ---- visits

	@Transactional
	public VisitView recordVisit(ServiceCommands.RecordVisit cmd) {
		Scopes.requireStaff();
		Inputs in = new Inputs();
		String zone = zone(in, cmd.zoneCode());
		LocalDate date = Scopes.past(in, cmd.date(), "date", true);
		List<String> codes = enterprisesOfZone(in, zone, cmd.enterpriseCreditCodes(), true);
		List<String> visitors = in.texts(cmd.visitors(), "visitors", 64, 50);
		if (visitors.isEmpty() && (cmd.visitors() == null || cmd.visitors().size() <= 50)) {
			in.problem("visitors", "error.required");
		}
		String notes = in.multiline(cmd.notes(), "notes", 4000, false);
		Integer deeds = in.whole(cmd.deeds(), "deeds", 0, 1000, false);
		in.check();
		String by = CurrentUser.get().username();
		long id = this.jdbc.sql("""
				INSERT INTO service_visit (zone_code, visited_on, visitors, notes, deeds, created_by)
				VALUES (:zone, :on, :visitors, :notes, :deeds, :by) RETURNING id""")
			.param("zone", zone)
			.param("on", date)
			.param("visitors", visitors.toArray(String[]::new))
			.param("notes", notes)
			.param("deeds", (deeds != null) ? deeds : 0)
			.param("by", by)
			.query(Long.class)
			.single();
		for (String code : codes) {
			this.jdbc.sql("INSERT INTO service_visit_enterprise (visit_id, credit_code) VALUES (:id, :cc)")
				.param("id", id)
				.param("cc", code)
				.update();
			this.events.publishEvent(new EnterpriseVisited(id, code, String.join("、", visitors), Instant.now()));
		}
		VisitView saved = visit(id);
		this.audit.recordChange("CREATE", "service_visit", Long.toString(id), null, saved);
		return saved;
	}

	private static final String VISIT = """
			SELECT v.*, ARRAY(SELECT ve.credit_code FROM service_visit_enterprise ve WHERE ve.visit_id = v.id
			  ORDER BY ve.credit_code) AS codes,
			  ARRAY(SELECT r.id FROM service_request r WHERE r.visit_id = v.id ORDER BY r.id) AS request_ids
			FROM service_visit v""";

	private VisitView mapVisit(ResultSet rs) throws SQLException {
		List<String> codes = strings(rs.getArray("codes"));
		Map<String, String> names = this.enterprises.names(codes);
		return new VisitView(rs.getLong("id"), rs.getString("zone_code"), rs.getObject("visited_on", LocalDate.class),
				codes, codes.stream().map((c) -> names.getOrDefault(c, c)).toList(), strings(rs.getArray("visitors")),
				rs.getString("notes"), rs.getInt("deeds"), rs.getString("created_by"), rs.getLong("version"),
				ids(rs.getArray("request_ids")));
	}

	public VisitView visit(long id) {
		VisitView v = this.jdbc.sql(VISIT + " WHERE v.id = :id")
			.param("id", id)
			.query((rs, n) -> mapVisit(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.service.notFound", id));
		CurrentUser.get().checkZone(v.zoneCode());
		return v;
	}

	public Page<VisitView> visits(String zone, String enterprise, LocalDate from, LocalDate to, int page, int size) {
		Scopes.requireStaff();
		Scopes scope = Scopes.of(this.zones, zone);
		String where = " WHERE v.zone_code IN (:zones)"
				+ ((enterprise != null) ? " AND EXISTS (SELECT 1 FROM service_visit_enterprise x WHERE"
						+ " x.visit_id = v.id AND x.credit_code = :cc)" : "")
				+ ((from != null) ? " AND v.visited_on >= :from" : "")
				+ ((to != null) ? " AND v.visited_on <= :to" : "");
		Map<String, Object> p = new HashMap<>();
		p.put("zones", nonEmpty(scope.zones()));
		p.put("cc", enterprise);
		p.put("from", from);
		p.put("to", to);
		p.put("limit", size);
		p.put("offset", (long) page * size);
		List<VisitView> items = this.jdbc
			.sql(VISIT + where + " ORDER BY v.visited_on DESC, v.id DESC LIMIT :limit OFFSET :offset")
			.params(p)
			.query((rs, n) -> mapVisit(rs))
			.list();
		long total = this.jdbc.sql("SELECT count(*) FROM service_visit v" + where).params(p).query(Long.class).single();
		return new Page<>(items, total);
	}

	// ---- financing

	@Transactional
	public FinancingView recordFinancing(ServiceCommands.RecordFinancing cmd) {
		Scopes.requireStaff();
		Inputs in = new Inputs();
		Enterprise enterprise = enterprise(in, cmd.enterpriseCreditCode(), "enterpriseCreditCode");
		FinancingKind kind = in.choice(FinancingKind.class, cmd.kind(), "kind");
		LocalDate on = Scopes.past(in, cmd.on(), "on", true);
		BigDecimal amount = in.number(cmd.amount(), "amount", 14, 2, new BigDecimal("0.01"), true);
		String bank = in.text(cmd.bank(), "bank", 100, false);
		LocalDate due = Scopes.date(in, cmd.dueOn(), "dueOn", kind == FinancingKind.BRIDGE);
		BigDecimal fee = in.number(cmd.fee(), "fee", 12, 2, BigDecimal.ZERO, false);
		if (on != null && due != null && due.isBefore(on)) {
			in.problem("dueOn", "error.service.dueBeforeStart");
		}
		LoanProduct product = product(in, cmd.product(), kind);
		in.check();
		if (kind == FinancingKind.PARK_LOAN && product == null) {
			product = LoanProduct.PARK_LOAN;
		}
		long id = this.jdbc.sql("""
				INSERT INTO service_financing (zone_code, credit_code, kind, product, granted_on, amount, bank, due_on,
				  fee, created_by) VALUES (:zone, :cc, :kind, :product, :on, :amount, :bank, :due, :fee, :by)
				RETURNING id""")
			.param("zone", enterprise.zoneCode())
			.param("cc", enterprise.creditCode())
			.param("kind", kind.name())
			.param("product", (product != null) ? product.name() : null)
			.param("on", on)
			.param("amount", amount)
			.param("bank", bank)
			.param("due", due)
			.param("fee", fee)
			.param("by", CurrentUser.get().username())
			.query(Long.class)
			.single();
		FinancingView saved = financing(id);
		this.events.publishEvent(new FinancingGranted(id, enterprise.creditCode(), kind.name(), amount, Instant.now()));
		this.audit.recordChange("CREATE", "service_financing", Long.toString(id), null, saved);
		return saved;
	}

	/** Corrects a financing record; the version is the one read (a stale one → 409). */
	@Transactional
	public FinancingView editFinancing(long id, ServiceCommands.EditFinancing cmd) {
		Scopes.requireStaff();
		FinancingView before = financing(id);
		Inputs in = new Inputs();
		BigDecimal amount = in.number(cmd.amount(), "amount", 14, 2, new BigDecimal("0.01"), true);
		String bank = in.text(cmd.bank(), "bank", 100, false);
		LocalDate due = Scopes.date(in, cmd.dueOn(), "dueOn", FinancingKind.BRIDGE.name().equals(before.kind()));
		BigDecimal fee = in.number(cmd.fee(), "fee", 12, 2, BigDecimal.ZERO, false);
		if (due != null && due.isBefore(before.on())) {
			in.problem("dueOn", "error.service.dueBeforeStart");
		}
		if (cmd.version() == null) {
			in.problem("version", "error.required");
		}
		LoanProduct product = product(in, cmd.product(), FinancingKind.valueOf(before.kind()));
		in.check();
		io.parkops.platform.Versions.updated(this.jdbc.sql("""
				UPDATE service_financing SET amount = :amount, bank = :bank, due_on = :due, fee = :fee,
				  product = coalesce(:product, product), version = version + 1 WHERE id = :id AND version = :v""")
			.param("product", (product != null) ? product.name() : null)
			.param("amount", amount)
			.param("bank", bank)
			.param("due", due)
			.param("fee", fee)
			.param("id", id)
			.param("v", cmd.version())
			.update());
		FinancingView saved = financing(id);
		this.audit.recordChange("UPDATE", "service_financing", Long.toString(id), before, saved);
		return saved;
	}

	/**
	 * The product of a park-backed loan: one of {@link LoanProduct}, and only for kind
	 * {@code PARK_LOAN} (400 naming {@code product} otherwise).
	 */
	private static LoanProduct product(Inputs in, String given, FinancingKind kind) {
		LoanProduct product = in.choice(LoanProduct.class, given, "product", false);
		if (product != null && kind != null && kind != FinancingKind.PARK_LOAN) {
			in.problem("product", "error.service.productOnlyParkLoan");
		}
		return product;
	}

	@Transactional
	public FinancingView repay(long id, ServiceCommands.Repayment cmd) {
		Scopes.requireStaff();
		FinancingView before = financing(id);
		Inputs in = new Inputs();
		LocalDate on = Scopes.past(in, (cmd != null) ? cmd.on() : null, "on", true);
		if (on != null && on.isBefore(before.on())) {
			in.problem("on", "error.service.beforeStart");
		}
		in.check();
		int rows = this.jdbc
			.sql("UPDATE service_financing SET repaid_on = :on, version = version + 1 WHERE id = :id"
					+ " AND repaid_on IS NULL")
			.param("on", on)
			.param("id", id)
			.update();
		if (rows == 0) {
			throw new ConflictException("error.service.alreadyRepaid");
		}
		FinancingView saved = financing(id);
		this.audit.recordChange("REPAY", "service_financing", Long.toString(id), before, saved);
		return saved;
	}

	private static final String FINANCING = "SELECT f.*, (f.repaid_on IS NULL AND f.due_on < :today) AS is_overdue"
			+ " FROM service_financing f";

	private static FinancingView mapFinancing(ResultSet rs, Map<String, String> names) throws SQLException {
		String cc = rs.getString("credit_code");
		return new FinancingView(rs.getLong("id"), rs.getString("zone_code"), cc,
				(names != null) ? names.get(cc) : null, rs.getString("kind"), rs.getString("product"),
				rs.getObject("granted_on", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("bank"),
				rs.getObject("due_on", LocalDate.class), rs.getObject("repaid_on", LocalDate.class),
				rs.getBigDecimal("fee"), rs.getBoolean("is_overdue"), rs.getLong("version"));
	}

	public FinancingView financing(long id) {
		FinancingView f = this.jdbc.sql(FINANCING + " WHERE f.id = :id")
			.param("id", id)
			.param("today", Scopes.today())
			.query((rs, n) -> mapFinancing(rs, null))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.service.notFound", id));
		CurrentUser.get().checkEnterprise(f.enterpriseCreditCode(), f.zoneCode());
		return withName(f);
	}

	private FinancingView withName(FinancingView f) {
		String name = this.enterprises.names(List.of(f.enterpriseCreditCode())).get(f.enterpriseCreditCode());
		return new FinancingView(f.id(), f.zoneCode(), f.enterpriseCreditCode(), name, f.kind(), f.product(), f.on(),
				f.amount(), f.bank(), f.dueOn(), f.repaidOn(), f.fee(), f.overdue(), f.version());
	}

	/** Financing records, newest first; {@code product} only park-backed loans of it. */
	public Page<FinancingView> financings(String zone, String kind, String product, Boolean open, LocalDate from,
			LocalDate to, int page, int size) {
		Inputs in = new Inputs();
		FinancingKind k = in.choice(FinancingKind.class, kind, "kind", false);
		LoanProduct pr = in.choice(LoanProduct.class, product, "product", false);
		in.check();
		Scopes scope = Scopes.of(this.zones, CurrentUser.get().isEnterpriseUser() ? null : zone);
		String where = ((scope.onlyCreditCode() != null) ? " WHERE f.credit_code = :only"
				: " WHERE f.zone_code IN (:zones)") + ((k != null) ? " AND f.kind = :kind" : "")
				+ ((pr != null) ? " AND f.product = :product" : "")
				+ (Boolean.TRUE.equals(open) ? " AND f.repaid_on IS NULL AND f.kind = 'BRIDGE'" : "")
				+ ((from != null) ? " AND f.granted_on >= :from" : "")
				+ ((to != null) ? " AND f.granted_on <= :to" : "");
		Map<String, Object> p = new HashMap<>();
		p.put("only", scope.onlyCreditCode());
		p.put("zones", nonEmpty(scope.zones()));
		p.put("kind", (k != null) ? k.name() : null);
		p.put("product", (pr != null) ? pr.name() : null);
		p.put("from", from);
		p.put("to", to);
		p.put("today", Scopes.today());
		p.put("limit", size);
		p.put("offset", (long) page * size);
		List<FinancingView> raw = this.jdbc
			.sql(FINANCING + where + " ORDER BY f.granted_on DESC, f.id DESC LIMIT :limit OFFSET :offset")
			.params(p)
			.query((rs, n) -> mapFinancing(rs, null))
			.list();
		Map<String, String> names = this.enterprises
			.names(raw.stream().map(FinancingView::enterpriseCreditCode).distinct().toList());
		List<FinancingView> items = raw.stream()
			.map((f) -> new FinancingView(f.id(), f.zoneCode(), f.enterpriseCreditCode(),
					names.get(f.enterpriseCreditCode()), f.kind(), f.product(), f.on(), f.amount(), f.bank(), f.dueOn(),
					f.repaidOn(), f.fee(), f.overdue(), f.version()))
			.toList();
		long total = this.jdbc.sql("SELECT count(*) FROM service_financing f" + where)
			.params(p)
			.query(Long.class)
			.single();
		return new Page<>(items, total);
	}

	// ---- job fairs

	@Transactional
	public JobFairView recordJobFair(ServiceCommands.RecordJobFair cmd) {
		Scopes.requireStaff();
		Inputs in = new Inputs();
		String zone = zone(in, cmd.zoneCode());
		LocalDate date = Scopes.past(in, cmd.date(), "date", true);
		FairKind kind = in.choice(FairKind.class, cmd.kind(), "kind");
		String title = in.text(cmd.title(), "title", 200, false);
		List<String> codes = enterprisesOfZone(in, zone, cmd.enterpriseCreditCodes(), false);
		Integer visitors = in.whole(cmd.visitors(), "visitors", 0, 10_000_000, false);
		Integer hires = in.whole(cmd.hires(), "hires", 0, 10_000_000, false);
		in.check();
		long id = this.jdbc.sql("""
				INSERT INTO service_job_fair (zone_code, held_on, kind, title, visitors, hires, created_by)
				VALUES (:zone, :on, :kind, :title, :visitors, :hires, :by) RETURNING id""")
			.param("zone", zone)
			.param("on", date)
			.param("kind", kind.name())
			.param("title", title)
			.param("visitors", (visitors != null) ? visitors : 0)
			.param("hires", (hires != null) ? hires : 0)
			.param("by", CurrentUser.get().username())
			.query(Long.class)
			.single();
		for (String code : codes) {
			this.jdbc.sql("INSERT INTO service_job_fair_enterprise (fair_id, credit_code) VALUES (:id, :cc)")
				.param("id", id)
				.param("cc", code)
				.update();
		}
		JobFairView saved = jobFair(id);
		this.audit.recordChange("CREATE", "service_job_fair", Long.toString(id), null, saved);
		return saved;
	}

	private static final String FAIR = """
			SELECT j.*, ARRAY(SELECT x.credit_code FROM service_job_fair_enterprise x WHERE x.fair_id = j.id
			  ORDER BY x.credit_code) AS codes FROM service_job_fair j""";

	private JobFairView mapFair(ResultSet rs) throws SQLException {
		List<String> codes = strings(rs.getArray("codes"));
		Map<String, String> names = this.enterprises.names(codes);
		return new JobFairView(rs.getLong("id"), rs.getString("zone_code"), rs.getObject("held_on", LocalDate.class),
				rs.getString("kind"), rs.getString("title"), codes,
				codes.stream().map((c) -> names.getOrDefault(c, c)).toList(), rs.getInt("visitors"), rs.getInt("hires"),
				rs.getLong("version"));
	}

	public JobFairView jobFair(long id) {
		JobFairView j = this.jdbc.sql(FAIR + " WHERE j.id = :id")
			.param("id", id)
			.query((rs, n) -> mapFair(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.service.notFound", id));
		CurrentUser.get().checkZone(j.zoneCode());
		return j;
	}

	public Page<JobFairView> jobFairs(String zone, LocalDate from, LocalDate to, int page, int size) {
		Scopes.requireStaff();
		Scopes scope = Scopes.of(this.zones, zone);
		String where = " WHERE j.zone_code IN (:zones)" + ((from != null) ? " AND j.held_on >= :from" : "")
				+ ((to != null) ? " AND j.held_on <= :to" : "");
		Map<String, Object> p = new HashMap<>();
		p.put("zones", nonEmpty(scope.zones()));
		p.put("from", from);
		p.put("to", to);
		p.put("limit", size);
		p.put("offset", (long) page * size);
		List<JobFairView> items = this.jdbc
			.sql(FAIR + where + " ORDER BY j.held_on DESC, j.id DESC LIMIT :limit OFFSET :offset")
			.params(p)
			.query((rs, n) -> mapFair(rs))
			.list();
		long total = this.jdbc.sql("SELECT count(*) FROM service_job_fair j" + where)
			.params(p)
			.query(Long.class)
			.single();
		return new Page<>(items, total);
	}

	// ---- helpers

	String zone(Inputs in, String value) {
		String zone = in.text(value, "zoneCode", 32, true);
		if (zone != null) {
			if (this.zones.zone(zone).isEmpty()) {
				in.problem("zoneCode", "error.zoneNotFound", zone);
				return null;
			}
			CurrentUser.get().checkZone(zone);
		}
		return zone;
	}

	Enterprise enterprise(Inputs in, String value, String field) {
		String code = in.text(value, field, 18, true);
		if (code == null) {
			return null;
		}
		Enterprise e = this.enterprises.find(code.toUpperCase(java.util.Locale.ROOT)).orElse(null);
		if (e == null) {
			in.problem(field, "error.enterpriseNotFound", code);
			return null;
		}
		CurrentUser.get().checkEnterprise(e.creditCode(), e.zoneCode());
		return e;
	}

	List<String> enterprisesOfZone(Inputs in, String zone, List<String> values, boolean required) {
		List<String> codes = in.texts(values, "enterpriseCreditCodes", 18, 500);
		if (required && codes.isEmpty() && (values == null || values.size() <= 500)) {
			in.problem("enterpriseCreditCodes", "error.required");
		}
		List<String> result = new ArrayList<>();
		for (String code : codes) {
			Enterprise e = this.enterprises.find(code.toUpperCase(java.util.Locale.ROOT)).orElse(null);
			if (e == null || (zone != null && !e.zoneCode().equals(zone))) {
				in.problem("enterpriseCreditCodes", "error.service.enterpriseNotInZone", code);
			}
			else if (!result.contains(e.creditCode())) {
				result.add(e.creditCode());
			}
		}
		return result;
	}

	static List<String> nonEmpty(List<String> zones) {
		return zones.isEmpty() ? List.of("-") : zones;
	}

	static List<Long> ids(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.asList((Long[]) array.getArray());
	}

	/**
	 * Whether the visit (of the zone) went to the enterprise: a request raised on the
	 * spot names it.
	 */
	boolean visited(long visitId, String zoneCode, String creditCode) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM service_visit v JOIN service_visit_enterprise ve ON ve.visit_id = v.id
				  WHERE v.id = :id AND v.zone_code = :zone AND ve.credit_code = :cc)""")
			.param("id", visitId)
			.param("zone", zoneCode)
			.param("cc", creditCode)
			.query(Boolean.class)
			.single();
	}

	static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.asList((String[]) array.getArray());
	}

}
