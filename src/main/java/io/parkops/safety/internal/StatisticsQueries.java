package io.parkops.safety.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.safety.MonthlyHazards;
import io.parkops.safety.RectificationRate;
import io.parkops.safety.SafetySummary.ComplaintFigures;
import io.parkops.safety.SafetySummary.LevelFigures;
import io.parkops.safety.SafetySummary;
import io.parkops.safety.internal.SafetyViews.CategoryFigures;
import io.parkops.safety.internal.SafetyViews.EnterpriseHazards;
import io.parkops.safety.internal.SafetyViews.HazardView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of the statistics page, the summary API and the report section, computed in
 * SQL for a zone, a date range and an as-of date. Scope checks are the caller's.
 * {@code codes}, when not null, narrows everything to those enterprises (an area's).
 */
@Component
public class StatisticsQueries {

	private final JdbcClient jdbc;

	private final SafetyProperties properties;

	private final EnterpriseRegistry enterprises;

	StatisticsQueries(JdbcClient jdbc, SafetyProperties properties, EnterpriseRegistry enterprises) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.enterprises = enterprises;
	}

	/** The levels configured, in order. */
	public List<String> levels() {
		return this.properties.levels();
	}

	/**
	 * The summary of hazards found in [from, to], accepted and overdue as of
	 * {@code asOf}.
	 */
	public SafetySummary summary(String zone, LocalDate from, LocalDate to, LocalDate asOf, Collection<String> codes) {
		String[] cc = (codes != null) ? codes.toArray(String[]::new) : null;
		long inspections = this.jdbc
			.sql("""
					SELECT count(*) FROM safety_inspection i WHERE i.zone_code = :zone AND i.inspected_on BETWEEN :from AND :to
					  AND (CAST(:codes AS text[]) IS NULL OR EXISTS (SELECT 1 FROM safety_inspection_enterprise e
					    WHERE e.inspection_id = i.id AND e.credit_code = ANY(:codes)))
					""")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.param("codes", cc)
			.query(Long.class)
			.single();
		long enterprisesInspected = visits(zone, from, to, cc, true);
		Map<String, long[]> byLevel = new LinkedHashMap<>();
		this.properties.levels().forEach((l) -> byLevel.put(l, new long[3]));
		this.jdbc.sql("""
				SELECT level, count(*) AS found,
				  count(*) FILTER (WHERE status = 'ACCEPTED' AND accepted_on <= :asOf) AS accepted,
				  count(*) FILTER (WHERE deadline < :asOf AND NOT (status = 'ACCEPTED' AND accepted_on <= :asOf))
				    AS overdue
				FROM safety_hazard WHERE zone_code = :zone AND found_on BETWEEN :from AND :to
				  AND (CAST(:codes AS text[]) IS NULL OR credit_code = ANY(:codes))
				GROUP BY level
				""")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.param("asOf", asOf)
			.param("codes", cc)
			.query((rs) -> {
				long[] f = byLevel.computeIfAbsent(rs.getString("level"), (k) -> new long[3]);
				f[0] += rs.getLong("found");
				f[1] += rs.getLong("accepted");
				f[2] += rs.getLong("overdue");
			});
		long found = 0;
		long accepted = 0;
		long overdue = 0;
		Map<String, LevelFigures> levels = new LinkedHashMap<>();
		for (Map.Entry<String, long[]> e : byLevel.entrySet()) {
			long[] f = e.getValue();
			found += f[0];
			accepted += f[1];
			overdue += f[2];
			levels.put(e.getKey(), new LevelFigures(f[0], f[1], RectificationRate.of(f[1], f[0])));
		}
		long notices = this.jdbc.sql("""
				SELECT count(*) FROM safety_notice WHERE zone_code = :zone AND issued_on BETWEEN :from AND :to
				  AND (CAST(:codes AS text[]) IS NULL OR credit_code = ANY(:codes))
				""")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.param("codes", cc)
			.query(Long.class)
			.single();
		BigDecimal penalties = penaltyAmount(zone, from, to, cc);
		ComplaintFigures complaints = this.jdbc.sql("""
				SELECT count(*) AS received, count(*) FILTER (WHERE status = 'CLOSED' AND closed_on <= :asOf) AS closed
				FROM safety_complaint WHERE zone_code = :zone AND received_on BETWEEN :from AND :to
				  AND (CAST(:codes AS text[]) IS NULL OR credit_code = ANY(:codes))
				""")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.param("asOf", asOf)
			.param("codes", cc)
			.query((rs, n) -> new ComplaintFigures(rs.getLong("received"), rs.getLong("closed")))
			.single();
		return new SafetySummary(inspections, enterprisesInspected, found, accepted,
				RectificationRate.of(accepted, found), overdue, levels, notices, penalties, complaints);
	}

	/** Enterprises visited by inspections in the range: distinct, or visits (家次). */
	public long visits(String zone, LocalDate from, LocalDate to, String[] codes, boolean distinct) {
		return this.jdbc.sql("SELECT count(" + (distinct ? "DISTINCT e.credit_code" : "*") + """
				) FROM safety_inspection i JOIN safety_inspection_enterprise e ON e.inspection_id = i.id
				WHERE i.zone_code = :zone AND i.inspected_on BETWEEN :from AND :to
				  AND (CAST(:codes AS text[]) IS NULL OR e.credit_code = ANY(:codes))
				""")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.param("codes", codes)
			.query(Long.class)
			.single();
	}

	/** Inspections in the range by kind. */
	public Map<String, Long> inspectionsByKind(String zone, LocalDate from, LocalDate to) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Kinds.InspectionKind k : Kinds.InspectionKind.values()) {
			counts.put(k.name(), 0L);
		}
		this.jdbc.sql("""
				SELECT kind, count(*) AS n FROM safety_inspection WHERE zone_code = :zone
				  AND inspected_on BETWEEN :from AND :to GROUP BY kind
				""").param("zone", zone).param("from", from).param("to", to).query((rs) -> {
			counts.put(rs.getString("kind"), rs.getLong("n"));
		});
		return counts;
	}

	public BigDecimal penaltyAmount(String zone, LocalDate from, LocalDate to, String[] codes) {
		BigDecimal sum = this.jdbc.sql("""
				SELECT COALESCE(sum(amount), 0) FROM safety_penalty WHERE zone_code = :zone
				  AND decided_on BETWEEN :from AND :to AND (CAST(:codes AS text[]) IS NULL OR credit_code = ANY(:codes))
				""")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.param("codes", codes)
			.query(BigDecimal.class)
			.single();
		return amount(sum);
	}

	public long penaltyCount(String zone, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT count(*) FROM safety_penalty WHERE zone_code = :zone AND decided_on BETWEEN :from AND :to")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
	}

	/** An amount in 万元 with at least two decimals, without trailing zeros beyond them. */
	static BigDecimal amount(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 2) ? stripped.setScale(2) : stripped;
	}

	/** Hazards found in the range and accepted by {@code asOf}, per category. */
	public List<CategoryFigures> byCategory(String zone, LocalDate from, LocalDate to, LocalDate asOf,
			Collection<String> codes) {
		return this.jdbc.sql("""
				SELECT category, count(*) AS found,
				  count(*) FILTER (WHERE status = 'ACCEPTED' AND accepted_on <= :asOf) AS accepted
				FROM safety_hazard WHERE zone_code = :zone AND found_on BETWEEN :from AND :to
				  AND (CAST(:codes AS text[]) IS NULL OR credit_code = ANY(:codes))
				GROUP BY category ORDER BY found DESC, category
				""")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.param("asOf", asOf)
			.param("codes", (codes != null) ? codes.toArray(String[]::new) : null)
			.query((rs, n) -> new CategoryFigures(rs.getString("category"), rs.getLong("found"), rs.getLong("accepted"),
					RectificationRate.of(rs.getLong("accepted"), rs.getLong("found"))))
			.list();
	}

	/** Enterprises with the most open hazards. */
	public List<EnterpriseHazards> ranking(String zone, LocalDate today, int limit, Collection<String> codes) {
		List<EnterpriseHazards> rows = this.jdbc.sql("""
				SELECT credit_code, count(*) AS open, count(*) FILTER (WHERE deadline < :today) AS overdue,
				  count(*) FILTER (WHERE level = ANY(:plan)) AS major
				FROM safety_hazard WHERE zone_code = :zone AND status <> 'ACCEPTED'
				  AND (CAST(:codes AS text[]) IS NULL OR credit_code = ANY(:codes))
				GROUP BY credit_code ORDER BY open DESC, overdue DESC, credit_code LIMIT :limit
				""")
			.param("zone", zone)
			.param("today", today)
			.param("plan", this.properties.planLevels().toArray(String[]::new))
			.param("codes", (codes != null) ? codes.toArray(String[]::new) : null)
			.param("limit", limit)
			.query((rs, n) -> new EnterpriseHazards(rs.getString("credit_code"), null, rs.getLong("open"),
					rs.getLong("overdue"), rs.getLong("major")))
			.list();
		Map<String, String> names = this.enterprises.names(rows.stream().map(EnterpriseHazards::creditCode).toList());
		return rows.stream()
			.map((r) -> new EnterpriseHazards(r.creditCode(), names.get(r.creditCode()), r.open(), r.overdue(),
					r.major()))
			.toList();
	}

	/**
	 * Per month of the year up to the month of {@code asOf}: found, accepted, open past
	 * the deadline at the month's end (or on {@code asOf}), and the cumulative rate.
	 */
	public List<MonthlyHazards> monthly(String zone, int year, LocalDate asOf) {
		List<MonthlyHazards> months = new ArrayList<>();
		LocalDate jan = LocalDate.of(year, 1, 1);
		for (int m = 1; m <= 12; m++) {
			YearMonth month = YearMonth.of(year, m);
			if (month.atDay(1).isAfter(asOf)) {
				break;
			}
			LocalDate end = month.atEndOfMonth().isAfter(asOf) ? asOf : month.atEndOfMonth();
			MonthlyHazards row = this.jdbc.sql("""
					SELECT count(*) FILTER (WHERE found_on BETWEEN :start AND :end) AS found,
					  count(*) FILTER (WHERE status = 'ACCEPTED' AND accepted_on BETWEEN :start AND :end) AS accepted,
					  count(*) FILTER (WHERE found_on <= :end AND deadline < :end
					    AND NOT (status = 'ACCEPTED' AND accepted_on <= :end)) AS overdue,
					  count(*) FILTER (WHERE found_on BETWEEN :jan AND :end) AS ytd_found,
					  count(*) FILTER (WHERE found_on BETWEEN :jan AND :end AND status = 'ACCEPTED'
					    AND accepted_on <= :end) AS ytd_accepted
					FROM safety_hazard WHERE zone_code = :zone AND (found_on <= :end)
					  AND (status <> 'ACCEPTED' OR accepted_on >= :jan OR found_on >= :jan)
					""")
				.param("zone", zone)
				.param("start", month.atDay(1))
				.param("end", end)
				.param("jan", jan)
				.query((rs, n) -> new MonthlyHazards(month, rs.getLong("found"), rs.getLong("accepted"),
						rs.getLong("overdue"),
						RectificationRate.of(rs.getLong("ytd_accepted"), rs.getLong("ytd_found"))))
				.single();
			months.add(row);
		}
		return months;
	}

	public long open(String zone, LocalDate asOf) {
		return this.jdbc.sql("""
				SELECT count(*) FROM safety_hazard WHERE zone_code = :zone AND found_on <= :asOf
				  AND NOT (status = 'ACCEPTED' AND accepted_on <= :asOf)
				""").param("zone", zone).param("asOf", asOf).query(Long.class).single();
	}

	public long overdue(String zone, LocalDate asOf) {
		return this.jdbc.sql("""
				SELECT count(*) FROM safety_hazard WHERE zone_code = :zone AND found_on <= :asOf AND deadline < :asOf
				  AND NOT (status = 'ACCEPTED' AND accepted_on <= :asOf)
				""").param("zone", zone).param("asOf", asOf).query(Long.class).single();
	}

	/** Hazards of the plan levels (重大) open on {@code asOf}, oldest first. */
	public List<HazardView> openMajor(String zone, LocalDate asOf) {
		List<HazardView> rows = this.jdbc.sql(HazardStore.HAZARD + """
				 WHERE h.zone_code = :zone AND h.level = ANY(:plan) AND h.found_on <= :asOf
				   AND NOT (h.status = 'ACCEPTED' AND h.accepted_on <= :asOf) ORDER BY h.deadline, h.id
				""")
			.param("zone", zone)
			.param("plan", this.properties.planLevels().toArray(String[]::new))
			.param("asOf", asOf)
			.param("today", asOf)
			.query(new HazardStore.RowMapperWithLevels(this.properties.planLevels()))
			.list();
		Map<String, String> names = this.enterprises
			.names(rows.stream().map(HazardView::enterpriseCreditCode).distinct().toList());
		return rows.stream().map((h) -> h.withName(names.get(h.enterpriseCreditCode()))).toList();
	}

	/**
	 * Complaints received by {@code asOf}, not answered nor closed by then, past their
	 * deadline.
	 */
	public long lateComplaints(String zone, LocalDate asOf) {
		return this.jdbc.sql("""
				SELECT count(*) FROM safety_complaint WHERE zone_code = :zone AND received_on <= :asOf
				  AND deadline < :asOf AND (answered_on IS NULL OR answered_on > :asOf)
				  AND (closed_on IS NULL OR closed_on > :asOf)
				""").param("zone", zone).param("asOf", asOf).query(Long.class).single();
	}

	/** Open hazards due within the next days (not yet overdue), for the reminders. */
	public long dueSoon(String zone, String creditCode, LocalDate today) {
		return this.jdbc.sql("""
				SELECT count(*) FROM safety_hazard WHERE (CAST(:zone AS text) IS NULL OR zone_code = :zone)
				  AND (CAST(:cc AS text) IS NULL OR credit_code = :cc)
				  AND status <> 'ACCEPTED' AND deadline >= :today AND deadline <= :soon
				""")
			.param("zone", zone)
			.param("cc", creditCode)
			.param("today", today)
			.param("soon", today.plusDays(this.properties.dueSoonDays()))
			.query(Long.class)
			.single();
	}

	/** Open hazards past their deadline, of a zone or of one enterprise. */
	public long overdueNow(String zone, String creditCode, LocalDate today) {
		return this.jdbc.sql("""
				SELECT count(*) FROM safety_hazard WHERE (CAST(:zone AS text) IS NULL OR zone_code = :zone)
				  AND (CAST(:cc AS text) IS NULL OR credit_code = :cc)
				  AND status <> 'ACCEPTED' AND deadline < :today
				""").param("zone", zone).param("cc", creditCode).param("today", today).query(Long.class).single();
	}

}
