package io.parkops.service.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.service.internal.Kinds.FinancingKind;
import io.parkops.service.internal.Kinds.LoanProduct;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of enterprise services for a zone and period, as the API, the pages, the
 * report section and the cockpit tile show them. Requests counted for a period are those
 * raised in it; resolved = of them, resolved by the as-of date (the period's end, or
 * today if earlier); overdue = of them, still open after their deadline on the as-of
 * date; enterprises are counted distinct; amounts in 万元, two decimals half up.
 */
@Service
public class ServiceStatistics {

	private final JdbcClient jdbc;

	private final EnterpriseRegistry enterprises;

	private final ZoneDirectory zones;

	private final ServiceProperties properties;

	ServiceStatistics(JdbcClient jdbc, EnterpriseRegistry enterprises, ZoneDirectory zones,
			ServiceProperties properties) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.zones = zones;
		this.properties = properties;
	}

	public record Requests(long received, long resolved, long overdue, BigDecimal resolvedRatePct,
			BigDecimal satisfactionAvg) {
	}

	public record Visits(long count, long enterprises) {
	}

	public record Secretaries(long count, long enterprisesCovered) {
	}

	public record Totals(long count, long enterprises, BigDecimal amount) {
	}

	/**
	 * Job fairs held and the hires they made; {@code reportedHires} the hires enterprises
	 * reported for the months of the period ({@code reportingEnterprises} distinct).
	 */
	public record JobFairs(long count, long hires, long reportedHires, long reportingEnterprises) {
	}

	/** 代办 items started in the period, those finished, distinct enterprises served. */
	public record Agency(long count, long finished, long enterprises) {
	}

	public record Applications(long count, long enterprises, BigDecimal amountApplied, BigDecimal amountPaid) {
	}

	/**
	 * The figures of a period; {@code parkLoanProducts} the park-backed loans
	 * ({@code financing.PARK_LOAN}) by product, every product listed.
	 */
	public record Summary(Requests requests, Visits visits, long deeds, Secretaries secretaries,
			Map<String, Totals> financing, JobFairs jobFairs, Applications applications, Agency agency,
			Map<String, Totals> parkLoanProducts) {
	}

	/** The summary for a zone the current user sees. */
	public Summary summary(String zone, LocalDate from, LocalDate to) {
		if (this.zones.zone(zone).isEmpty()) {
			throw new NotFoundException("error.zoneNotFound", zone);
		}
		CurrentUser.get().checkZone(zone);
		return compute(zone, from, to);
	}

	/** The same without the user's scope (report and cockpit check it themselves). */
	public Summary compute(String zone, LocalDate from, LocalDate to) {
		LocalDate today = Scopes.today();
		LocalDate asOf = to.isBefore(today) ? to : today;
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("zone", zone);
		p.put("from", from);
		p.put("to", to);
		p.put("asOf", asOf);
		Requests requests = this.jdbc.sql("""
				SELECT count(*) AS received,
				  count(*) FILTER (WHERE status IN ('RESOLVED','RATED') AND resolved_on <= :asOf) AS resolved,
				  count(*) FILTER (WHERE status IN ('SUBMITTED','IN_PROGRESS') AND deadline < :asOf) AS overdue,
				  avg(satisfaction) AS satisfaction
				FROM service_request WHERE zone_code = :zone AND raised_on BETWEEN :from AND :to""")
			.params(p)
			.query((rs, n) -> {
				long received = rs.getLong("received");
				long resolved = rs.getLong("resolved");
				BigDecimal rate = (received == 0) ? null : BigDecimal.valueOf(resolved * 100L)
					.divide(BigDecimal.valueOf(received), 2, RoundingMode.HALF_UP);
				BigDecimal sat = rs.getBigDecimal("satisfaction");
				return new Requests(received, resolved, rs.getLong("overdue"), rate,
						(sat != null) ? sat.setScale(2, RoundingMode.HALF_UP) : null);
			})
			.single();
		Visits visits = this.jdbc.sql("""
				SELECT count(DISTINCT v.id) AS n, count(DISTINCT ve.credit_code) AS e
				FROM service_visit v LEFT JOIN service_visit_enterprise ve ON ve.visit_id = v.id
				WHERE v.zone_code = :zone AND v.visited_on BETWEEN :from AND :to""")
			.params(p)
			.query((rs, n) -> new Visits(rs.getLong("n"), rs.getLong("e")))
			.single();
		long deeds = this.jdbc.sql("""
				SELECT (SELECT coalesce(sum(deeds), 0) FROM service_visit
				         WHERE zone_code = :zone AND visited_on BETWEEN :from AND :to)
				     + (SELECT count(*) FROM service_request WHERE zone_code = :zone AND channel = 'VISIT'
				         AND status IN ('RESOLVED','RATED') AND resolved_on BETWEEN :from AND :to)""")
			.params(p)
			.query(Long.class)
			.single();
		Map<String, Totals> financing = financingTotals("kind", "", FinancingKind.values(), p);
		Map<String, Totals> products = financingTotals("product", " AND kind = 'PARK_LOAN'", LoanProduct.values(), p);
		long[] fairRow = this.jdbc.sql("""
				SELECT count(*) AS n, coalesce(sum(hires), 0) AS hires FROM service_job_fair
				WHERE zone_code = :zone AND held_on BETWEEN :from AND :to""")
			.params(p)
			.query((rs, n) -> new long[] { rs.getLong("n"), rs.getLong("hires") })
			.single();
		long[] reported = this.jdbc.sql("""
				SELECT coalesce(sum(hires), 0) AS hires, count(DISTINCT credit_code) AS e FROM service_hire
				WHERE zone_code = :zone AND month BETWEEN date_trunc('month', CAST(:from AS date)) AND :to""")
			.params(p)
			.query((rs, n) -> new long[] { rs.getLong("hires"), rs.getLong("e") })
			.single();
		Agency agency = this.jdbc.sql("""
				SELECT count(*) AS n, count(*) FILTER (WHERE finished_on <= :asOf) AS done,
				  count(DISTINCT credit_code) AS e
				FROM service_agency WHERE zone_code = :zone AND started_on BETWEEN :from AND :to""")
			.params(p)
			.query((rs, n) -> new Agency(rs.getLong("n"), rs.getLong("done"), rs.getLong("e")))
			.single();
		Applications applications = this.jdbc.sql("""
				SELECT count(*) AS n, count(DISTINCT credit_code) AS e, coalesce(sum(amount), 0) AS applied,
				  coalesce(sum(paid_amount) FILTER (WHERE paid_on <= :asOf), 0) AS paid
				FROM service_application WHERE zone_code = :zone AND applied_on BETWEEN :from AND :to""")
			.params(p)
			.query((rs, n) -> new Applications(rs.getLong("n"), rs.getLong("e"),
					rs.getBigDecimal("applied").setScale(2, RoundingMode.HALF_UP),
					rs.getBigDecimal("paid").setScale(2, RoundingMode.HALF_UP)))
			.single();
		JobFairs fairs = new JobFairs(fairRow[0], fairRow[1], reported[0], reported[1]);
		return new Summary(requests, visits, deeds, secretaries(zone), financing, fairs, applications, agency,
				products);
	}

	/**
	 * Service people of the zone's enterprises (those not moved out), from the registry.
	 */
	public Secretaries secretaries(String zone) {
		List<Enterprise> all = active(zone);
		long covered = all.stream().filter((e) -> e.secretary() != null && !e.secretary().isBlank()).count();
		long people = all.stream()
			.map(Enterprise::secretary)
			.filter(Objects::nonNull)
			.filter((s) -> !s.isBlank())
			.distinct()
			.count();
		return new Secretaries(people, covered);
	}

	/** The enterprises of the zone not moved out. */
	public long activeCount(String zone) {
		return active(zone).size();
	}

	/**
	 * Enterprises with a secretary ÷ enterprises × 100, two decimals; null without
	 * enterprises.
	 */
	public BigDecimal coveragePct(String zone) {
		long all = activeCount(zone);
		if (all == 0) {
			return null;
		}
		return BigDecimal.valueOf(secretaries(zone).enterprisesCovered() * 100L)
			.divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_UP);
	}

	public int visitRhythmDays() {
		return this.properties.visitRhythmDays();
	}

	List<Enterprise> active(String zone) {
		return this.enterprises.ofZone(zone).stream().filter((e) -> e.status() != EnterpriseStatus.MOVED_OUT).toList();
	}

	/**
	 * A secretary with the enterprises in their care and the visits to them in the
	 * period.
	 */
	public record SecretaryLoad(String secretary, long enterprises, long visited, List<String> names) {
	}

	/**
	 * An enterprise not visited within the rhythm as of the date, with its last visit.
	 */
	public record VisitDue(String creditCode, String name, String secretary, LocalDate lastVisit) {
	}

	/**
	 * The enterprises (not moved out) without a visit in the {@code visitRhythmDays} up
	 * to {@code asOf}.
	 */
	public List<VisitDue> visitsDue(String zone, LocalDate asOf) {
		Map<String, LocalDate> last = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT ve.credit_code, max(v.visited_on) AS last FROM service_visit v
				JOIN service_visit_enterprise ve ON ve.visit_id = v.id
				WHERE v.zone_code = :zone AND v.visited_on <= :asOf GROUP BY ve.credit_code""")
			.param("zone", zone)
			.param("asOf", asOf)
			.query((rs) -> {
				last.put(rs.getString("credit_code"), rs.getObject("last", LocalDate.class));
			});
		LocalDate since = asOf.minusDays(this.properties.visitRhythmDays());
		return active(zone).stream().filter((e) -> {
			LocalDate l = last.get(e.creditCode());
			return l == null || l.isBefore(since);
		}).map((e) -> new VisitDue(e.creditCode(), e.name(), e.secretary(), last.get(e.creditCode()))).toList();
	}

	public List<SecretaryLoad> secretaryLoads(String zone, LocalDate from, LocalDate to) {
		List<String> visited = this.jdbc
			.sql("""
					SELECT DISTINCT ve.credit_code FROM service_visit v JOIN service_visit_enterprise ve ON ve.visit_id = v.id
					WHERE v.zone_code = :zone AND v.visited_on BETWEEN :from AND :to""")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.query(String.class)
			.list();
		java.util.Set<String> seen = new java.util.HashSet<>(visited);
		Map<String, List<Enterprise>> bySecretary = new java.util.TreeMap<>();
		for (Enterprise e : active(zone)) {
			if (e.secretary() != null && !e.secretary().isBlank()) {
				bySecretary.computeIfAbsent(e.secretary(), (k) -> new java.util.ArrayList<>()).add(e);
			}
		}
		return bySecretary.entrySet()
			.stream()
			.map((en) -> new SecretaryLoad(en.getKey(), en.getValue().size(),
					en.getValue().stream().filter((e) -> seen.contains(e.creditCode())).count(),
					en.getValue().stream().map(Enterprise::name).toList()))
			.toList();
	}

	/**
	 * Bridge loans not repaid and past their due date on {@code asOf}, with their amount.
	 */
	public record Overdue(long count, BigDecimal amount, LocalDate oldest) {
	}

	public Overdue bridgeLoansDue(String zone, LocalDate before) {
		return this.jdbc.sql("""
				SELECT count(*) AS n, coalesce(sum(amount), 0) AS amount, min(due_on) AS oldest FROM service_financing
				WHERE zone_code = :zone AND kind = 'BRIDGE' AND repaid_on IS NULL AND due_on <= :before""")
			.param("zone", zone)
			.param("before", before)
			.query((rs, n) -> new Overdue(rs.getLong("n"), rs.getBigDecimal("amount").setScale(2, RoundingMode.HALF_UP),
					rs.getObject("oldest", LocalDate.class)))
			.single();
	}

	/** Requests of the period whose latest rating was 2 or less. */
	public long lowRatings(String zone, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT count(*) FROM service_request WHERE zone_code = :zone AND raised_on BETWEEN :from AND :to"
					+ " AND satisfaction <= 2")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
	}

	/**
	 * Open requests past their deadline on {@code asOf} (any raised date), oldest
	 * deadline first.
	 */
	public List<Map<String, Object>> overdueRequests(String zone, LocalDate asOf, int limit) {
		return named(this.jdbc.sql("""
				SELECT r.id, r.title, r.credit_code, r.category, r.raised_on, r.deadline, r.department
				FROM service_request r
				WHERE r.zone_code = :zone AND r.raised_on <= :asOf AND r.deadline < :asOf
				  AND (r.status IN ('SUBMITTED','IN_PROGRESS') OR (r.resolved_on > :asOf)) AND r.withdrawn_on IS NULL
				ORDER BY r.deadline, r.id LIMIT :limit""")
			.param("zone", zone)
			.param("asOf", asOf)
			.param("limit", limit)
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("number", rs.getLong("id"));
				m.put("name", null);
				m.put("creditCode", rs.getString("credit_code"));
				m.put("title", rs.getString("title"));
				m.put("raisedOn", rs.getObject("raised_on", LocalDate.class).toString());
				m.put("deadline", rs.getObject("deadline", LocalDate.class).toString());
				m.put("department", rs.getString("department"));
				return m;
			})
			.list());
	}

	/** Bridge loans not repaid on {@code asOf} and past their due date. */
	public List<Map<String, Object>> overdueLoans(String zone, LocalDate asOf) {
		return named(this.jdbc.sql("""
				SELECT f.id, f.credit_code, f.granted_on, f.amount, f.due_on FROM service_financing f
				WHERE f.zone_code = :zone AND f.kind = 'BRIDGE' AND f.due_on < :asOf
				  AND (f.repaid_on IS NULL OR f.repaid_on > :asOf) ORDER BY f.due_on, f.id LIMIT 200""")
			.param("zone", zone)
			.param("asOf", asOf)
			.query((rs, n) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("number", rs.getLong("id"));
				m.put("name", null);
				m.put("creditCode", rs.getString("credit_code"));
				m.put("grantedOn", rs.getObject("granted_on", LocalDate.class).toString());
				m.put("amount", rs.getBigDecimal("amount"));
				m.put("dueOn", rs.getObject("due_on", LocalDate.class).toString());
				return m;
			})
			.list());
	}

	/** Fills each row's {@code name} from the registry by its {@code creditCode}. */
	private List<Map<String, Object>> named(List<Map<String, Object>> rows) {
		Map<String, String> names = this.enterprises
			.names(rows.stream().map((m) -> ((String) m.get("creditCode")).trim()).distinct().toList());
		for (Map<String, Object> m : rows) {
			m.put("name", names.get(((String) m.get("creditCode")).trim()));
		}
		return rows;
	}

	/**
	 * The financing of the period by {@code column} (a column name, never input), each of
	 * {@code keys} present (zero when none).
	 */
	private Map<String, Totals> financingTotals(String column, String only, Enum<?>[] keys, Map<String, ?> params) {
		Map<String, Totals> totals = new LinkedHashMap<>();
		for (Enum<?> key : keys) {
			totals.put(key.name(), new Totals(0, 0, BigDecimal.ZERO.setScale(2)));
		}
		this.jdbc
			.sql("SELECT " + column + " AS k, count(*) AS n, count(DISTINCT credit_code) AS e, sum(amount) AS amount"
					+ " FROM service_financing WHERE zone_code = :zone AND granted_on BETWEEN :from AND :to" + only
					+ " GROUP BY " + column)
			.params(params)
			.query((rs) -> {
				totals.put(rs.getString("k"), new Totals(rs.getLong("n"), rs.getLong("e"),
						rs.getBigDecimal("amount").setScale(2, RoundingMode.HALF_UP)));
			});
		return totals;
	}

}
