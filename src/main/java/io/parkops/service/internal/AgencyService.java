package io.parkops.service.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneDirectory;
import io.parkops.service.internal.ServiceViews.AgencyView;
import io.parkops.service.internal.ServiceViews.HireView;
import io.parkops.service.internal.ServiceViews.Page;
import io.parkops.service.internal.ServiceViews.PeopleView;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 代办 (approvals handled on an enterprise's behalf), the hires enterprises report (招工) and
 * each enterprise's service people (企业秘书 and 挂点领导 from the registry, 首席服务员 kept here).
 */
@Service
public class AgencyService {

	private final JdbcClient jdbc;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final AuditTrail audit;

	private final ActivityService activities;

	private final ServiceProperties properties;

	AgencyService(JdbcClient jdbc, EnterpriseRegistry enterprises, ZoneDirectory zones, AuditTrail audit,
			ActivityService activities, ServiceProperties properties) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.zones = zones;
		this.audit = audit;
		this.activities = activities;
		this.properties = properties;
	}

	// ---- 代办

	@Transactional
	public AgencyView recordAgency(ServiceCommands.RecordAgency cmd) {
		Scopes.requireStaff();
		Inputs in = new Inputs();
		Enterprise e = this.activities.enterprise(in, cmd.enterpriseCreditCode(), "enterpriseCreditCode");
		String item = in.text(cmd.item(), "item", 200, true);
		String department = in.text(cmd.department(), "department", 100, true);
		String handler = in.text(cmd.handler(), "handler", 64, false);
		LocalDate started = Scopes.past(in, cmd.startedOn(), "startedOn", true);
		if (cmd.requestId() != null && e != null) {
			String owner = this.jdbc.sql("SELECT credit_code FROM service_request WHERE id = :id")
				.param("id", cmd.requestId())
				.query(String.class)
				.optional()
				.map(String::trim)
				.orElse(null);
			if (owner == null || !owner.equals(e.creditCode())) {
				in.problem("requestId", "error.service.requestNotOfEnterprise", cmd.requestId());
			}
		}
		in.check();
		long id = this.jdbc.sql("""
				INSERT INTO service_agency (zone_code, credit_code, item, department, handler, started_on, request_id,
				  created_by) VALUES (:zone, :cc, :item, :dept, :handler, :on, :req, :by) RETURNING id""")
			.param("zone", e.zoneCode())
			.param("cc", e.creditCode())
			.param("item", item)
			.param("dept", department)
			.param("handler", handler)
			.param("on", started)
			.param("req", cmd.requestId())
			.param("by", CurrentUser.get().username())
			.query(Long.class)
			.single();
		AgencyView saved = agency(id);
		this.audit.recordChange("CREATE", "service_agency", Long.toString(id), null, saved);
		return saved;
	}

	@Transactional
	public AgencyView editAgency(long id, ServiceCommands.EditAgency cmd) {
		Scopes.requireStaff();
		AgencyView before = agency(id);
		Inputs in = new Inputs();
		String item = in.text(cmd.item(), "item", 200, true);
		String department = in.text(cmd.department(), "department", 100, true);
		String handler = in.text(cmd.handler(), "handler", 64, false);
		LocalDate started = Scopes.past(in, cmd.startedOn(), "startedOn", true);
		if (started != null && before.finishedOn() != null && before.finishedOn().isBefore(started)) {
			in.problem("startedOn", "error.service.afterFinished", before.finishedOn());
		}
		if (cmd.version() == null) {
			in.problem("version", "error.required");
		}
		in.check();
		Versions.updated(this.jdbc.sql("""
				UPDATE service_agency SET item = :item, department = :dept, handler = :handler, started_on = :on,
				  version = version + 1 WHERE id = :id AND version = :v""")
			.param("item", item)
			.param("dept", department)
			.param("handler", handler)
			.param("on", started)
			.param("id", id)
			.param("v", cmd.version())
			.update());
		AgencyView saved = agency(id);
		this.audit.recordChange("UPDATE", "service_agency", Long.toString(id), before, saved);
		return saved;
	}

	@Transactional
	public AgencyView finishAgency(long id, ServiceCommands.FinishAgency cmd) {
		Scopes.requireStaff();
		AgencyView before = agency(id);
		Inputs in = new Inputs();
		LocalDate on = Scopes.past(in, (cmd != null) ? cmd.on() : null, "on", true);
		String result = in.text((cmd != null) ? cmd.result() : null, "result", 1000, true);
		if (on != null && on.isBefore(before.startedOn())) {
			in.problem("on", "error.service.beforeStarted", before.startedOn());
		}
		in.check();
		int rows = this.jdbc
			.sql("UPDATE service_agency SET finished_on = :on, result = :result, version = version + 1"
					+ " WHERE id = :id AND finished_on IS NULL")
			.param("on", on)
			.param("result", result)
			.param("id", id)
			.update();
		if (rows == 0) {
			throw new ConflictException("error.service.alreadyFinished");
		}
		AgencyView saved = agency(id);
		this.audit.recordChange("FINISH", "service_agency", Long.toString(id), before, saved);
		return saved;
	}

	private AgencyView mapAgency(ResultSet rs) throws SQLException {
		LocalDate started = rs.getObject("started_on", LocalDate.class);
		LocalDate finished = rs.getObject("finished_on", LocalDate.class);
		long days = Math.max(0, ChronoUnit.DAYS.between(started, (finished != null) ? finished : Scopes.today()));
		long req = rs.getLong("request_id");
		return new AgencyView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("credit_code").trim(), null,
				rs.getString("item"), rs.getString("department"), rs.getString("handler"), started, finished,
				rs.getString("result"), rs.wasNull() ? null : req, days, rs.getString("created_by"),
				rs.getLong("version"));
	}

	private List<AgencyView> namedAgencies(List<AgencyView> raw) {
		Map<String, String> names = this.enterprises
			.names(raw.stream().map(AgencyView::enterpriseCreditCode).distinct().toList());
		return raw.stream()
			.map((a) -> new AgencyView(a.id(), a.zoneCode(), a.enterpriseCreditCode(),
					names.get(a.enterpriseCreditCode()), a.item(), a.department(), a.handler(), a.startedOn(),
					a.finishedOn(), a.result(), a.requestId(), a.days(), a.createdBy(), a.version()))
			.toList();
	}

	public AgencyView agency(long id) {
		AgencyView a = this.jdbc.sql("SELECT * FROM service_agency WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> mapAgency(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.service.notFound", id));
		CurrentUser.get().checkEnterprise(a.enterpriseCreditCode(), a.zoneCode());
		return namedAgencies(List.of(a)).get(0);
	}

	public Page<AgencyView> agencies(String zone, Boolean open, String q, LocalDate from, LocalDate to, int page,
			int size) {
		Scopes scope = Scopes.of(this.zones, CurrentUser.get().isEnterpriseUser() ? null : zone);
		String query = Inputs.trim(q);
		String where = ((scope.onlyCreditCode() != null) ? " WHERE a.credit_code = :only"
				: " WHERE a.zone_code IN (:zones)") + (Boolean.TRUE.equals(open) ? " AND a.finished_on IS NULL" : "")
				+ (Boolean.FALSE.equals(open) ? " AND a.finished_on IS NOT NULL" : "")
				+ ((from != null) ? " AND a.started_on >= :from" : "")
				+ ((to != null) ? " AND a.started_on <= :to" : "")
				+ ((query != null) ? " AND (a.item ILIKE :q OR a.department ILIKE :q)" : "");
		Map<String, Object> p = new HashMap<>();
		p.put("only", scope.onlyCreditCode());
		p.put("zones", ActivityService.nonEmpty(scope.zones()));
		p.put("from", from);
		p.put("to", to);
		p.put("q", (query != null) ? "%" + RequestStore.like(query) + "%" : null);
		p.put("limit", size);
		p.put("offset", (long) page * size);
		List<AgencyView> items = namedAgencies(this.jdbc
			.sql("SELECT a.* FROM service_agency a" + where
					+ " ORDER BY a.started_on DESC, a.id DESC LIMIT :limit OFFSET :offset")
			.params(p)
			.query((rs, n) -> mapAgency(rs))
			.list());
		long total = this.jdbc.sql("SELECT count(*) FROM service_agency a" + where)
			.params(p)
			.query(Long.class)
			.single();
		return new Page<>(items, total);
	}

	// ---- hires reported by enterprises

	@Transactional
	public HireView reportHires(ServiceCommands.ReportHires cmd) {
		CurrentUser me = CurrentUser.get();
		Inputs in = new Inputs();
		String code = me.isEnterpriseUser() && Inputs.trim(cmd.enterpriseCreditCode()) == null
				? me.enterpriseCreditCode() : cmd.enterpriseCreditCode();
		Enterprise e = this.activities.enterprise(in, code, "enterpriseCreditCode");
		LocalDate month = month(in, cmd.month());
		Integer hires = in.whole(cmd.hires(), "hires", 0, 100_000, true);
		String notes = in.text(cmd.notes(), "notes", 1000, false);
		String fairTitle = null;
		if (cmd.fairId() != null && e != null) {
			String fairZone = this.jdbc.sql("SELECT zone_code FROM service_job_fair WHERE id = :id")
				.param("id", cmd.fairId())
				.query(String.class)
				.optional()
				.orElse(null);
			if (fairZone == null || !fairZone.equals(e.zoneCode())) {
				in.problem("fairId", "error.service.fairNotInZone", cmd.fairId());
			}
		}
		in.check();
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO service_hire (zone_code, credit_code, month, hires, fair_id, notes, created_by)
					VALUES (:zone, :cc, :month, :hires, :fair, :notes, :by) RETURNING id""")
				.param("zone", e.zoneCode())
				.param("cc", e.creditCode())
				.param("month", month)
				.param("hires", hires)
				.param("fair", cmd.fairId())
				.param("notes", notes)
				.param("by", me.username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("error.service.hiresReported", YearMonth.from(month).toString());
		}
		HireView saved = hire(id);
		this.audit.recordChange("CREATE", "service_hire", Long.toString(id), fairTitle, saved);
		return saved;
	}

	@Transactional
	public HireView editHires(long id, ServiceCommands.EditHires cmd) {
		HireView before = hire(id);
		Inputs in = new Inputs();
		Integer hires = in.whole(cmd.hires(), "hires", 0, 100_000, true);
		String notes = in.text(cmd.notes(), "notes", 1000, false);
		if (cmd.version() == null) {
			in.problem("version", "error.required");
		}
		in.check();
		Versions.updated(this.jdbc
			.sql("UPDATE service_hire SET hires = :hires, notes = :notes, version = version + 1"
					+ " WHERE id = :id AND version = :v")
			.param("hires", hires)
			.param("notes", notes)
			.param("id", id)
			.param("v", cmd.version())
			.update());
		HireView saved = hire(id);
		this.audit.recordChange("UPDATE", "service_hire", Long.toString(id), before, saved);
		return saved;
	}

	private static LocalDate month(Inputs in, String value) {
		String v = in.text(value, "month", 10, true);
		if (v == null) {
			return null;
		}
		try {
			YearMonth m = YearMonth.parse(v.length() > 7 ? v.substring(0, 7) : v);
			if (m.isAfter(YearMonth.from(Scopes.today())) || m.getYear() < 1950) {
				in.problem("month", "error.service.monthOutOfRange", v);
				return null;
			}
			return m.atDay(1);
		}
		catch (DateTimeParseException ex) {
			in.problem("month", "error.badValue");
			return null;
		}
	}

	private static final String HIRE = "SELECT h.*, j.title AS fair_title, j.held_on AS fair_on, j.kind AS fair_kind"
			+ " FROM service_hire h LEFT JOIN service_job_fair j ON j.id = h.fair_id";

	private static HireView mapHire(ResultSet rs) throws SQLException {
		long fair = rs.getLong("fair_id");
		boolean noFair = rs.wasNull();
		String title = rs.getString("fair_title");
		if (!noFair && title == null) {
			title = rs.getObject("fair_on", LocalDate.class).toString();
		}
		return new HireView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("credit_code").trim(), null,
				YearMonth.from(rs.getObject("month", LocalDate.class)).toString(), rs.getInt("hires"),
				noFair ? null : fair, title, rs.getString("notes"), rs.getString("created_by"), rs.getLong("version"));
	}

	private List<HireView> namedHires(List<HireView> raw) {
		Map<String, String> names = this.enterprises
			.names(raw.stream().map(HireView::enterpriseCreditCode).distinct().toList());
		return raw.stream()
			.map((h) -> new HireView(h.id(), h.zoneCode(), h.enterpriseCreditCode(),
					names.get(h.enterpriseCreditCode()), h.month(), h.hires(), h.fairId(), h.fairTitle(), h.notes(),
					h.createdBy(), h.version()))
			.toList();
	}

	public HireView hire(long id) {
		HireView h = this.jdbc.sql(HIRE + " WHERE h.id = :id")
			.param("id", id)
			.query((rs, n) -> mapHire(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("error.service.notFound", id));
		CurrentUser.get().checkEnterprise(h.enterpriseCreditCode(), h.zoneCode());
		return namedHires(List.of(h)).get(0);
	}

	public Page<HireView> hires(String zone, LocalDate from, LocalDate to, int page, int size) {
		Scopes scope = Scopes.of(this.zones, CurrentUser.get().isEnterpriseUser() ? null : zone);
		String where = ((scope.onlyCreditCode() != null) ? " WHERE h.credit_code = :only"
				: " WHERE h.zone_code IN (:zones)") + ((from != null) ? " AND h.month >= :from" : "")
				+ ((to != null) ? " AND h.month <= :to" : "");
		Map<String, Object> p = new HashMap<>();
		p.put("only", scope.onlyCreditCode());
		p.put("zones", ActivityService.nonEmpty(scope.zones()));
		p.put("from", (from != null) ? from.withDayOfMonth(1) : null);
		p.put("to", to);
		p.put("limit", size);
		p.put("offset", (long) page * size);
		List<HireView> items = namedHires(
				this.jdbc.sql(HIRE + where + " ORDER BY h.month DESC, h.id DESC LIMIT :limit OFFSET :offset")
					.params(p)
					.query((rs, n) -> mapHire(rs))
					.list());
		long total = this.jdbc.sql("SELECT count(*) FROM service_hire h" + where).params(p).query(Long.class).single();
		return new Page<>(items, total);
	}

	// ---- service people

	/**
	 * The zone's enterprises (not moved out) with their service people, filtered by a
	 * word of the name or of a person's name and, with {@code missing}, those lacking a
	 * secretary, a 首席服务员 or a 挂点领导.
	 */
	public Page<PeopleView> people(String zone, String q, Boolean missing, int page, int size) {
		Scopes.requireStaff();
		Scopes scope = Scopes.of(this.zones, zone);
		String query = Inputs.trim(q);
		Map<String, String[]> chiefs = new HashMap<>();
		Map<String, Long> versions = new HashMap<>();
		this.jdbc.sql("SELECT * FROM service_people WHERE zone_code IN (:zones)")
			.param("zones", ActivityService.nonEmpty(scope.zones()))
			.query((rs) -> {
				String cc = rs.getString("credit_code").trim();
				chiefs.put(cc, new String[] { rs.getString("chief_server"), rs.getString("chief_phone") });
				versions.put(cc, rs.getLong("version"));
			});
		Map<String, LocalDate> last = lastVisits(scope.zones());
		LocalDate since = Scopes.today().minusDays(this.properties.visitRhythmDays());
		List<PeopleView> all = new ArrayList<>();
		for (String z : scope.zones()) {
			for (Enterprise e : this.enterprises.ofZone(z)) {
				if (e.status() == EnterpriseStatus.MOVED_OUT) {
					continue;
				}
				String[] chief = chiefs.getOrDefault(e.creditCode(), new String[2]);
				LocalDate l = last.get(e.creditCode());
				PeopleView v = new PeopleView(e.creditCode(), e.name(), Inputs.trim(e.secretary()), chief[0], chief[1],
						Inputs.trim(e.leader()), l, l == null || l.isBefore(since),
						versions.getOrDefault(e.creditCode(), 0L));
				if (Boolean.TRUE.equals(missing) && v.secretary() != null && v.chiefServer() != null
						&& v.leader() != null) {
					continue;
				}
				if (query != null && !contains(query, v.name(), v.secretary(), v.chiefServer(), v.leader())) {
					continue;
				}
				all.add(v);
			}
		}
		all.sort((a, b) -> a.name().compareTo(b.name()));
		int fromIndex = Math.min(all.size(), page * size);
		return new Page<>(all.subList(fromIndex, Math.min(all.size(), fromIndex + size)), all.size());
	}

	public PeopleView peopleOf(String creditCode) {
		Scopes.requireStaff();
		Enterprise e = this.enterprises.find(creditCode.trim().toUpperCase(Locale.ROOT))
			.orElseThrow(() -> new NotFoundException("error.enterpriseNotFound", creditCode));
		CurrentUser.get().checkZone(e.zoneCode());
		String[] chief = new String[2];
		long[] version = { 0 };
		this.jdbc.sql("SELECT * FROM service_people WHERE credit_code = :cc")
			.param("cc", e.creditCode())
			.query((rs) -> {
				chief[0] = rs.getString("chief_server");
				chief[1] = rs.getString("chief_phone");
				version[0] = rs.getLong("version");
			});
		LocalDate l = lastVisits(List.of(e.zoneCode())).get(e.creditCode());
		return new PeopleView(e.creditCode(), e.name(), Inputs.trim(e.secretary()), chief[0], chief[1],
				Inputs.trim(e.leader()), l,
				l == null || l.isBefore(Scopes.today().minusDays(this.properties.visitRhythmDays())), version[0]);
	}

	/**
	 * Sets an enterprise's 首席服务员 (blank: none). The version is the one read (0 while none
	 * was ever set); a stale one → 409.
	 */
	@Transactional
	public PeopleView assign(String creditCode, ServiceCommands.AssignPeople cmd) {
		PeopleView before = peopleOf(creditCode);
		Enterprise e = this.enterprises.find(before.creditCode()).orElseThrow();
		Inputs in = new Inputs();
		String chief = in.text(cmd.chiefServer(), "chiefServer", 64, false);
		String phone = in.text(cmd.chiefPhone(), "chiefPhone", 32, false);
		if (phone != null && !phone.matches("[0-9+\\- ]{5,32}")) {
			in.problem("chiefPhone", "error.badValue");
		}
		if (cmd.version() == null) {
			in.problem("version", "error.required");
		}
		in.check();
		int rows;
		if (cmd.version() == 0) {
			rows = this.jdbc.sql("""
					INSERT INTO service_people (credit_code, zone_code, chief_server, chief_phone, updated_by, version)
					VALUES (:cc, :zone, :chief, :phone, :by, 1) ON CONFLICT (credit_code) DO NOTHING""")
				.param("cc", e.creditCode())
				.param("zone", e.zoneCode())
				.param("chief", chief)
				.param("phone", phone)
				.param("by", CurrentUser.get().username())
				.update();
		}
		else {
			rows = this.jdbc.sql("""
					UPDATE service_people SET chief_server = :chief, chief_phone = :phone, updated_by = :by,
					  updated_at = now(), version = version + 1 WHERE credit_code = :cc AND version = :v""")
				.param("cc", e.creditCode())
				.param("chief", chief)
				.param("phone", phone)
				.param("by", CurrentUser.get().username())
				.param("v", cmd.version())
				.update();
		}
		Versions.updated(rows);
		PeopleView saved = peopleOf(e.creditCode());
		this.audit.recordChange("UPDATE", "service_people", e.creditCode(), before, saved);
		return saved;
	}

	/** Enterprises with a 首席服务员 in a zone, and the distinct people. */
	public long[] chiefServers(String zone) {
		return this.jdbc.sql("""
				SELECT count(*) AS enterprises, count(DISTINCT chief_server) AS people FROM service_people
				WHERE zone_code = :zone AND chief_server IS NOT NULL""")
			.param("zone", zone)
			.query((rs, n) -> new long[] { rs.getLong("enterprises"), rs.getLong("people") })
			.single();
	}

	private Map<String, LocalDate> lastVisits(List<String> zones) {
		Map<String, LocalDate> last = new HashMap<>();
		this.jdbc.sql("""
				SELECT ve.credit_code, max(v.visited_on) AS last FROM service_visit v
				JOIN service_visit_enterprise ve ON ve.visit_id = v.id
				WHERE v.zone_code IN (:zones) GROUP BY ve.credit_code""")
			.param("zones", ActivityService.nonEmpty(zones))
			.query((rs) -> {
				last.put(rs.getString("credit_code").trim(), rs.getObject("last", LocalDate.class));
			});
		return last;
	}

	private static boolean contains(String q, String... values) {
		String needle = q.toLowerCase(Locale.ROOT);
		for (String v : values) {
			if (v != null && v.toLowerCase(Locale.ROOT).contains(needle)) {
				return true;
			}
		}
		return false;
	}

}
