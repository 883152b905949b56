package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.parkops.economy.Indicator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statistics SQL of a summary: a period's cumulative figures and like-for-like base,
 * summed by group inside the database. Column names are built only from the
 * {@link Indicator} codes, never from input.
 */
@Repository
class StatisticsStore {

	private static final Indicator[] INDICATORS = Indicator.values();

	private static final String SQL = build();

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
	 * The sums of the enterprises {@code codes} by {@code keys} (same length; an
	 * enterprise may appear under several keys, and under a null key only in the whole).
	 */
	GroupSums groupSums(String zone, int year, int month, String[] codes, String[] keys) {
		Map<String, Part> groups = new LinkedHashMap<>();
		Part[] whole = new Part[1];
		int[] counts = new int[2];
		this.jdbc.sql(SQL)
			.param("z", zone)
			.param("cs", LocalDate.of(year, 1, 1))
			.param("ce", LocalDate.of(year, month, 1))
			.param("ps", LocalDate.of(year - 1, 1, 1))
			.param("pe", LocalDate.of(year - 1, month, 1))
			.param("codes", codes)
			.param("keys", keys)
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
				}
				else {
					groups.put(rs.getString("g"), part);
				}
			});
		return new GroupSums(groups, whole[0], counts[0], counts[1]);
	}

	private static String build() {
		String columns = Arrays.stream(INDICATORS).map(Indicator::code).collect(Collectors.joining(", "));
		String prior = Arrays.stream(INDICATORS).map((i) -> "prior_" + i.code()).collect(Collectors.joining(", "));
		StringBuilder per = new StringBuilder("SELECT coalesce(c.credit_code, p.credit_code) AS cc");
		StringBuilder sums = new StringBuilder();
		for (Indicator i : INDICATORS) {
			String c = i.code();
			// like for like: a prior-year month enters the base only when the same month
			// of this year has a value
			String base = "CASE WHEN c." + c + " IS NOT NULL THEN coalesce(p." + c + ", c.prior_" + c + ") END";
			if (i.averaged()) {
				per.append(", sum(c.")
					.append(c)
					.append(") / nullif(count(c.")
					.append(c)
					.append("), 0) AS c_")
					.append(c);
				per.append(", sum(")
					.append(base)
					.append(") / nullif(count(")
					.append(base)
					.append("), 0) AS b_")
					.append(c);
			}
			else {
				per.append(", sum(c.").append(c).append(") AS c_").append(c);
				per.append(", sum(").append(base).append(") AS b_").append(c);
			}
			sums.append(", coalesce(sum(s.c_").append(c).append("), 0) AS c_").append(c);
			sums.append(", coalesce(sum(s.b_").append(c).append("), 0) AS b_").append(c);
		}
		per.append(", bool_or(c.month = :ce) AS reported_last");
		per.append(", bool_or(p.credit_code IS NOT NULL OR num_nonnulls(")
			.append(Arrays.stream(INDICATORS).map((i) -> "c.prior_" + i.code()).collect(Collectors.joining(", ")))
			.append(") > 0) AS has_base");
		return "WITH m AS (SELECT * FROM unnest(CAST(:codes AS char(18)[]), CAST(:keys AS text[])) AS m(cc, g)),"
				+ " u AS (SELECT DISTINCT cc FROM m)," + " cur AS (SELECT credit_code, month, " + columns + ", " + prior
				+ " FROM economy_monthly"
				+ " WHERE zone_code = :z AND month BETWEEN :cs AND :ce AND credit_code IN (SELECT cc FROM u)),"
				+ " pri AS (SELECT credit_code, month, " + columns + " FROM economy_monthly"
				+ " WHERE zone_code = :z AND month BETWEEN :ps AND :pe AND credit_code IN (SELECT cc FROM u)),"
				+ " per AS (" + per + " FROM cur c FULL JOIN pri p ON p.credit_code = c.credit_code"
				+ " AND p.month = (c.month - INTERVAL '1 year')::date GROUP BY 1)"
				+ " SELECT false AS whole, m.g, count(*) AS n" + sums + ", 0 AS without_base, 0 AS reported"
				+ " FROM m LEFT JOIN per s ON s.cc = m.cc WHERE m.g IS NOT NULL GROUP BY m.g"
				+ " UNION ALL SELECT true, NULL, count(*)" + sums
				+ ", count(*) FILTER (WHERE NOT coalesce(s.has_base, false)),"
				+ " count(*) FILTER (WHERE coalesce(s.reported_last, false))"
				+ " FROM u LEFT JOIN per s ON s.cc = u.cc";
	}

}
