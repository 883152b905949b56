package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.parkops.economy.Indicator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statistics SQL: a period's cumulative figures and like-for-like base, summed by
 * group inside the database (summaries) or per enterprise (rankings, trends), and
 * enterprises' calendar-year figures. Column names are built only from the
 * {@link Indicator} codes, never from input.
 */
@Repository
public class StatisticsStore {

	private static final Indicator[] INDICATORS = Indicator.values();

	/** The summary statement by grouping ("" for none). */
	private static final Map<String, String> SUMMARY = Map.of("", summarySql(null), "industry", summarySql("industry"),
			"area", summarySql("area"), "chain", summarySql("chain"));

	private final JdbcClient jdbc;

	StatisticsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A part of a period: its enterprises and, by indicator, their 1–N cumulative and
	 * base (sums of the enterprises' sums, or of their averages for employees).
	 */
	record Part(int enterprises, BigDecimal[] current, BigDecimal[] base) {
	}

	/**
	 * A period's sums by group and for the whole (each enterprise counted once), with how
	 * many enterprises have no base at all and how many reported the last month.
	 */
	record GroupSums(Map<String, Part> groups, Part whole, int withoutBase, int reported) {
	}

	/**
	 * A period's sums (see {@link GroupSums}) with the fingerprint of the whole 规上 set
	 * they were computed for (see {@link #setFingerprint}).
	 */
	record SetSums(GroupSums sums, String fingerprint) {
	}

	/**
	 * The 规上 set of the month (as the enterprise registry defines it, through its SQL
	 * function {@code enterprise_above_scale_set}), optionally only one area or one
	 * industry division or section, and its sums by group and for the whole, in one
	 * statement.
	 * @param grouping {@code industry}, {@code area}, {@code chain} (an enterprise under
	 * each of its chain tags) or null for the whole only
	 */
	SetSums summarySums(String zone, int year, int month, String grouping, String area, String industry) {
		Map<String, Part> groups = new LinkedHashMap<>();
		Part[] whole = new Part[1];
		int[] counts = new int[2];
		String[] fingerprint = new String[1];
		String sql = SUMMARY.get((grouping != null) ? grouping : "");
		// planned for the values at hand, never as a generic plan: with the zone and the
		// months unknown the planner took the ranges for a few rows (nested loops, sorts
		// spilling to disk) when this statement read the months, and a zone's set and
		// running sums differ as much in size; for the rest of the (read-only)
		// transaction
		this.jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
		this.jdbc.sql(sql)
			.param("z", zone)
			.param("m", LocalDate.of(year, month, 1))
			.param("y", year)
			.param("n", month)
			.param("ps", LocalDate.of(year - 1, 1, 1))
			.param("pe", LocalDate.of(year - 1, month, 1))
			.param("area", area)
			.param("industry", industry)
			.query((rs) -> {
				BigDecimal[] current = new BigDecimal[INDICATORS.length];
				BigDecimal[] base = new BigDecimal[INDICATORS.length];
				for (int k = 0; k < INDICATORS.length; k++) {
					current[k] = rs.getBigDecimal("c_" + INDICATORS[k].code());
					base[k] = rs.getBigDecimal("b_" + INDICATORS[k].code());
				}
				Part part = new Part(rs.getInt("n"), current, base);
				if (rs.getBoolean("whole")) {
					whole[0] = part;
					counts[0] = rs.getInt("without_base");
					counts[1] = rs.getInt("reported");
					fingerprint[0] = rs.getString("fingerprint");
				}
				else {
					groups.put(rs.getString("g"), part);
				}
			});
		return new SetSums(new GroupSums(groups, whole[0], counts[0], counts[1]), fingerprint[0]);
	}

	/**
	 * A digest of the zone's 规上 set of the month with what it is grouped by (credit code,
	 * area, industry division, chain tags): equal digests, equal sets and groups. Cheaper
	 * than reading the set, it tells whether sums kept for the zone's data version still
	 * hold (the set changes with the enterprise registry, not with the figures).
	 */
	String setFingerprint(String zone, int year, int month) {
		return this.jdbc.sql("SELECT " + FINGERPRINT + " FROM enterprise_above_scale_set(:z, :m) s")
			.param("z", zone)
			.param("m", LocalDate.of(year, month, 1))
			.query(String.class)
			.single();
	}

	// in byte order (the codes are unique): no comparison by the database's locale
	private static final String FINGERPRINT = "md5(coalesce(string_agg(s.credit_code || '|' || coalesce(s.area_code, '')"
			+ " || '|' || coalesce(s.industry_code, '') || '|' || array_to_string(s.tags, ','), ';'"
			+ " ORDER BY s.credit_code COLLATE \"C\"), ''))";

	/**
	 * One enterprise's sums over months 1–N of a year: for each indicator the sum of its
	 * current-year months and how many had a value (for flows only whether any had), and
	 * the same for its base. The base of a month is the stored prior-year month when the
	 * system has it, else the prior-year figure the enterprise reported, else nothing; it
	 * enters the base only when the same month of this year has a value (like for like
	 * while a month is still being reported).
	 *
	 * @param hasBase whether any prior-year figure was found at all
	 * @param reportedLast whether the enterprise reported month N itself
	 */
	public record EnterpriseSums(String creditCode, BigDecimal[] current, int[] currentMonths, BigDecimal[] base,
			int[] baseMonths, boolean hasBase, boolean reportedLast) {
	}

	private static final String JOINED_MONTHS = "WITH cur AS (SELECT credit_code, month, " + MonthlyFiguresStore.COLUMNS
			+ ", " + MonthlyFiguresStore.PRIOR_COLUMNS
			+ " FROM economy_monthly WHERE zone_code = :z AND month BETWEEN :cs AND :ce),"
			+ " pri AS (SELECT credit_code, month, " + MonthlyFiguresStore.COLUMNS
			+ " FROM economy_monthly WHERE zone_code = :z AND month BETWEEN :ps AND :pe) ";

	private static final String JOIN = " FROM cur c FULL JOIN pri p ON p.credit_code = c.credit_code"
			+ " AND p.month = (c.month - INTERVAL '1 year')::date";

	/** The sums of every enterprise of the zone that has figures in months 1–N. */
	Map<String, EnterpriseSums> sums(String zone, int year, int month) {
		StringBuilder select = new StringBuilder("SELECT coalesce(c.credit_code, p.credit_code) AS cc");
		for (Indicator i : INDICATORS) {
			String c = i.code();
			select.append(", sum(c.").append(c).append(") AS c_").append(c);
			// like for like: a prior-year month enters the base only when the same month
			// of this year has a value
			String base = "CASE WHEN c." + c + " IS NOT NULL THEN coalesce(p." + c + ", c.prior_" + c + ") END";
			select.append(", sum(").append(base).append(") AS b_").append(c);
			if (i.averaged()) {
				// only an average needs to know how many months had a value
				select.append(", count(c.").append(c).append(") AS cn_").append(c);
				select.append(", count(").append(base).append(") AS bn_").append(c);
			}
		}
		select.append(", bool_or(c.month = :ce) AS reported_last");
		select.append(", bool_or(p.credit_code IS NOT NULL OR num_nonnulls(")
			.append(Arrays.stream(INDICATORS).map((i) -> "c.prior_" + i.code()).collect(Collectors.joining(", ")))
			.append(") > 0) AS has_base");
		Map<String, EnterpriseSums> sums = new HashMap<>();
		bindPeriod(this.jdbc.sql(JOINED_MONTHS + select + JOIN + " GROUP BY 1"), zone, year, 1, month).query((rs) -> {
			int n = INDICATORS.length;
			BigDecimal[] current = new BigDecimal[n];
			int[] currentMonths = new int[n];
			BigDecimal[] base = new BigDecimal[n];
			int[] baseMonths = new int[n];
			for (int k = 0; k < n; k++) {
				String c = INDICATORS[k].code();
				current[k] = rs.getBigDecimal("c_" + c);
				base[k] = rs.getBigDecimal("b_" + c);
				boolean averaged = INDICATORS[k].averaged();
				currentMonths[k] = averaged ? rs.getInt("cn_" + c) : (current[k] != null) ? 1 : 0;
				baseMonths[k] = averaged ? rs.getInt("bn_" + c) : (base[k] != null) ? 1 : 0;
			}
			String cc = rs.getString("cc");
			sums.put(cc, new EnterpriseSums(cc, current, currentMonths, base, baseMonths, rs.getBoolean("has_base"),
					rs.getBoolean("reported_last")));
		});
		return sums;
	}

	/**
	 * One enterprise's figure of one month of a year and its base (see {@link #sums}).
	 */
	public record MonthValue(String creditCode, int month, BigDecimal current, BigDecimal base) {
	}

	/**
	 * Every enterprise month of the zone in the year for one indicator, with its base.
	 */
	List<MonthValue> monthValues(String zone, int year, Indicator indicator) {
		String c = indicator.code();
		return bindPeriod(this.jdbc.sql(JOINED_MONTHS + "SELECT coalesce(c.credit_code, p.credit_code) AS cc,"
				+ " extract(month FROM coalesce(c.month, (p.month + INTERVAL '1 year')::date))::int AS m, c." + c
				+ " AS cur, coalesce(p." + c + ", c.prior_" + c + ") AS base" + JOIN), zone, year, 1, 12)
			.query((rs, n) -> new MonthValue(rs.getString("cc"), rs.getInt("m"), rs.getBigDecimal("cur"),
					rs.getBigDecimal("base")))
			.list();
	}

	private static JdbcClient.StatementSpec bindPeriod(JdbcClient.StatementSpec spec, String zone, int year, int from,
			int to) {
		return spec.param("z", zone)
			.param("cs", LocalDate.of(year, from, 1))
			.param("ce", LocalDate.of(year, to, 1))
			.param("ps", LocalDate.of(year - 1, from, 1))
			.param("pe", LocalDate.of(year - 1, to, 1));
	}

	/**
	 * Each enterprise's figures of a calendar year: flows summed, employees averaged over
	 * the months reported.
	 */
	public Map<String, Map<Indicator, BigDecimal>> yearFigures(String zone, int year) {
		String columns = Arrays.stream(INDICATORS)
			.map((i) -> (i.averaged() ? "avg(" : "sum(") + i.code() + ") AS " + i.code())
			.collect(Collectors.joining(", "));
		Map<String, Map<Indicator, BigDecimal>> figures = new HashMap<>();
		this.jdbc
			.sql("SELECT credit_code, " + columns
					+ " FROM economy_monthly WHERE zone_code = :z AND month BETWEEN :a AND :b GROUP BY credit_code")
			.param("z", zone)
			.param("a", LocalDate.of(year, 1, 1))
			.param("b", LocalDate.of(year, 12, 1))
			.query((rs) -> {
				figures.put(rs.getString("credit_code"), MonthlyFiguresStore.indicatorValues(rs));
			});
		return figures;
	}

	/**
	 * Each enterprise's figure of one indicator in a year with the same months'
	 * prior-year base (last year's stored month, else the 上年同月 reported with this
	 * year's). Both years are read by zone and month range through the zone's index and
	 * joined by hash: a month's row carries its enterprise's zone (the registry never
	 * moves an enterprise), so last year's stored months of the zone's enterprises are
	 * the zone's rows of last year, as in the summary statement. Joined without the zone
	 * and months, the prior year was the whole table (hashed, spilling to disk, or probed
	 * 60,000 times by key under a generic plan).
	 */
	public Map<String, io.parkops.economy.EnterpriseYearOnYear> yearOnYear(String zone, Indicator indicator, int year) {
		String x = indicator.code();
		String agg = indicator.averaged() ? "avg" : "sum";
		String sql = "SELECT c.credit_code, " + agg + "(c." + x + ") AS cur, " + agg + "(c." + x
				+ ") FILTER (WHERE coalesce(p." + x + ", c.prior_" + x + ") IS NOT NULL) AS same, " + agg
				+ "(coalesce(p." + x + ", c.prior_" + x + ")) AS base, max(extract(month FROM c.month))::int AS last"
				+ " FROM economy_monthly c LEFT JOIN economy_monthly p ON p.credit_code = c.credit_code"
				+ " AND p.month = (c.month - interval '1 year')::date AND p.zone_code = :zone"
				+ " AND p.month >= :priorFrom AND p.month < :from"
				+ " WHERE c.zone_code = :zone AND c.month >= :from AND c.month < :to AND c." + x + " IS NOT NULL"
				+ " GROUP BY c.credit_code";
		Map<String, io.parkops.economy.EnterpriseYearOnYear> result = new HashMap<>();
		this.jdbc.sql(sql)
			.param("zone", zone)
			.param("priorFrom", LocalDate.of(year - 1, 1, 1))
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs) -> {
				result.put(rs.getString("credit_code").trim(),
						new io.parkops.economy.EnterpriseYearOnYear(rs.getBigDecimal("cur"), rs.getBigDecimal("same"),
								rs.getBigDecimal("base"), rs.getInt("last")));
			});
		return result;
	}

	/**
	 * The summary statement: the set (filtered by {@code :area} and {@code :industry}),
	 * its members' 1–N sums and like-for-like bases, read one row per enterprise from the
	 * running sums the database keeps as the months are written (table
	 * {@code economy_running}, economy migration V62: a prior-year month enters the base
	 * only when the same month of this year has a value), and the sums by group and for
	 * the whole with the set's fingerprint. A member without a row has no month in the
	 * year; it has a base when a month 1–N of the year before is stored. With
	 * {@code industry} or {@code area} the groups and the whole are one pass
	 * ({@code ROLLUP}).
	 */
	private static String summarySql(String grouping) {
		StringBuilder per = new StringBuilder("SELECT f.cc, f.area_code, f.industry_code, f.tags");
		StringBuilder sums = new StringBuilder();
		for (Indicator i : INDICATORS) {
			String c = i.code();
			per.append(", r.c_").append(c).append(", r.b_").append(c);
			sums.append(", coalesce(sum(s.c_").append(c).append("), 0) AS c_").append(c);
			sums.append(", coalesce(sum(s.b_").append(c).append("), 0) AS b_").append(c);
		}
		per.append(", coalesce(r.reported_last, false) AS reported_last")
			.append(", coalesce(r.has_base, EXISTS (SELECT 1 FROM economy_monthly p")
			.append(" WHERE p.credit_code = f.cc AND p.zone_code = :z AND p.month BETWEEN :ps AND :pe)) AS has_base");
		String set = "s AS (SELECT credit_code, area_code, industry_code, tags FROM enterprise_above_scale_set(:z, :m)),"
				+ " f AS (SELECT s.credit_code AS cc, s.area_code, s.industry_code, s.tags FROM s"
				+ " WHERE (CAST(:area AS text) IS NULL OR s.area_code = CAST(:area AS text))"
				+ " AND (CAST(:industry AS text) IS NULL OR s.industry_code = CAST(:industry AS text)"
				+ " OR length(CAST(:industry AS text)) = 1 AND left(s.industry_code, 1) = CAST(:industry AS text))),";
		// one row per member: its groups and its sums
		String members = " per AS (" + per + " FROM f LEFT JOIN economy_running r ON r.zone_code = :z"
				+ " AND r.year = :y AND r.upto = :n AND r.credit_code = f.cc)";
		String counts = ", count(*) FILTER (WHERE NOT s.has_base) AS without_base,"
				+ " count(*) FILTER (WHERE s.reported_last) AS reported";
		String fingerprint = "(SELECT " + FINGERPRINT + " FROM s)";
		String wholeRow = "SELECT true AS whole, NULL AS g, count(*) AS n" + sums + counts + ", " + fingerprint
				+ " AS fingerprint FROM per s";
		if (grouping == null) {
			return "WITH " + set + members + " " + wholeRow;
		}
		if (!grouping.equals("chain")) {
			// each member in one group: the groups and the whole in one pass
			String key = grouping.equals("industry") ? "industry_code" : "area_code";
			return "WITH " + set + members + " SELECT GROUPING(s.g) = 1 AS whole, s.g, count(*) AS n" + sums + counts
					+ ", CASE WHEN GROUPING(s.g) = 1 THEN " + fingerprint + " END AS fingerprint"
					+ " FROM (SELECT per.*, coalesce(" + key + ", '-') AS g FROM per) s GROUP BY ROLLUP (s.g)";
		}
		// an enterprise under each of its tags, and once in the whole
		return "WITH " + set + members + " SELECT false AS whole, t.g, count(*) AS n" + sums
				+ ", 0 AS without_base, 0 AS reported, NULL AS fingerprint"
				+ " FROM per s CROSS JOIN LATERAL unnest(s.tags) AS t(g) GROUP BY t.g UNION ALL " + wholeRow;
	}

}
