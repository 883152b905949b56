package io.parkops.economy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.parkops.ParkOpsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running sums the database keeps per enterprise, year and month N (table
 * {@code economy_running}, maintained by triggers on {@code economy_monthly}) are, after
 * every kind of write, exactly what working them out from the months gives: the 1–N sums
 * (employees averaged), the like-for-like bases, whether month N was reported and whether
 * there is any base. The reference below works them out from the months the way the
 * summary statement did before the table existed.
 */
@ParkOpsTest
class EconomyRunningSumsTests {

	static final String ZONE = "runtest";

	static final Indicator[] INDICATORS = Indicator.values();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@AfterEach
	void cleanUp() {
		this.jdbc.update("DELETE FROM economy_monthly WHERE zone_code = ?", ZONE);
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM economy_running WHERE zone_code = ?", Long.class, ZONE))
			.as("deleting every month removes the running sums")
			.isZero();
	}

	static String code(int n) {
		return String.format("RUNTEST%011d", n);
	}

	/** Inserts months with figures derived from the enterprise, the month and a seed. */
	void insert(int enterprise, String month, int seed) {
		insert(enterprise, month, seed, false);
	}

	void insert(int enterprise, String month, int seed, boolean withPrior) {
		List<Object> args = new ArrayList<>(List.of(code(enterprise), java.sql.Date.valueOf(month + "-01"), ZONE));
		StringBuilder columns = new StringBuilder("credit_code, month, zone_code");
		StringBuilder values = new StringBuilder("?, ?, ?");
		for (int k = 0; k < INDICATORS.length; k++) {
			// a few figures left out, so that like-for-like and averages have gaps
			boolean missing = (seed + k) % 7 == 0;
			columns.append(", ").append(INDICATORS[k].code());
			values.append(", ?");
			args.add(missing ? null : new BigDecimal(seed * 10 + k).add(new BigDecimal("0.37")));
			if (withPrior) {
				columns.append(", prior_").append(INDICATORS[k].code());
				values.append(", ?");
				args.add(((seed + k) % 5 == 0) ? null : new BigDecimal(seed * 9 + k).add(new BigDecimal("0.11")));
			}
		}
		this.jdbc.update("INSERT INTO economy_monthly (" + columns + ", submitted_by, updated_by) VALUES (" + values
				+ ", 'test', 'test')", args.toArray());
	}

	/** Every enterprise's sums of months 1–N worked out from the months. */
	Map<String, List<Object>> reference(int year, int n) {
		StringBuilder select = new StringBuilder("SELECT coalesce(c.credit_code, p.credit_code) AS cc");
		for (Indicator i : INDICATORS) {
			String c = i.code();
			String agg = i.averaged() ? "avg" : "sum";
			select.append(", ").append(agg).append("(c.").append(c).append(")");
			select.append(", ")
				.append(agg)
				.append("(CASE WHEN c.")
				.append(c)
				.append(" IS NOT NULL THEN coalesce(p.")
				.append(c)
				.append(", c.prior_")
				.append(c)
				.append(") END)");
		}
		select.append(", coalesce(bool_or(c.month = ?), false), bool_or(p.credit_code IS NOT NULL OR num_nonnulls(")
			.append(Arrays.stream(INDICATORS).map((i) -> "c.prior_" + i.code()).collect(Collectors.joining(", ")))
			.append(") > 0)");
		String sql = "WITH cur AS (SELECT * FROM economy_monthly WHERE zone_code = ? AND month BETWEEN ? AND ?),"
				+ " pri AS (SELECT * FROM economy_monthly WHERE zone_code = ? AND month BETWEEN ? AND ?) " + select
				+ " FROM cur c FULL JOIN pri p ON p.credit_code = c.credit_code"
				+ " AND p.month = (c.month - INTERVAL '1 year')::date GROUP BY 1";
		return rows(sql, ZONE, date(year, 1), date(year, n), ZONE, date(year - 1, 1), date(year - 1, n), date(year, n));
	}

	/**
	 * The kept sums as the summary reads them: an enterprise without a row has no sums,
	 * did not report month N, and has a base when a month 1–N of the year before is
	 * stored.
	 */
	Map<String, List<Object>> kept(int year, int n) {
		String columns = Arrays.stream(INDICATORS)
			.map((i) -> "c_" + i.code() + ", b_" + i.code())
			.collect(Collectors.joining(", "));
		Map<String, List<Object>> kept = rows("SELECT credit_code, " + columns
				+ ", reported_last, has_base FROM economy_running WHERE zone_code = ? AND year = ? AND upto = ?", ZONE,
				year, n);
		List<String> priorOnly = this.jdbc.queryForList(
				"SELECT DISTINCT credit_code FROM economy_monthly" + " WHERE zone_code = ? AND month BETWEEN ? AND ?",
				String.class, ZONE, date(year - 1, 1), date(year - 1, n));
		for (String cc : priorOnly) {
			kept.computeIfAbsent(cc, (k) -> {
				List<Object> row = new ArrayList<>();
				for (int i = 0; i < 2 * INDICATORS.length; i++) {
					row.add(null);
				}
				row.add(false);
				row.add(true);
				return row;
			});
		}
		return kept;
	}

	Map<String, List<Object>> rows(String sql, Object... args) {
		Map<String, List<Object>> rows = new HashMap<>();
		this.jdbc.query(sql, (rs) -> {
			List<Object> row = new ArrayList<>();
			for (int c = 2; c <= 2 * INDICATORS.length + 1; c++) {
				row.add(rs.getBigDecimal(c));
			}
			row.add(rs.getBoolean(2 * INDICATORS.length + 2));
			row.add(rs.getBoolean(2 * INDICATORS.length + 3));
			rows.put(rs.getString(1), row);
		}, args);
		// an enterprise with no sums, not reporting month N and without a base is the
		// same
		// as no row at all
		rows.values().removeIf((row) -> row.stream().allMatch((v) -> v == null || Boolean.FALSE.equals(v)));
		return rows;
	}

	static java.sql.Date date(int year, int month) {
		return java.sql.Date.valueOf(java.time.LocalDate.of(year, month, 1));
	}

	/** The kept sums equal the reference for every year touched and every N. */
	void assertKeptAsWorkedOut() {
		int compared = 0;
		for (int year = 2023; year <= 2026; year++) {
			for (int n = 1; n <= 12; n++) {
				Map<String, List<Object>> reference = reference(year, n);
				Map<String, List<Object>> kept = kept(year, n);
				assertThat(kept.keySet()).as("enterprises of %d 1-%d月", year, n).isEqualTo(reference.keySet());
				for (String cc : reference.keySet()) {
					assertThat(same(kept.get(cc), reference.get(cc)))
						.as("%s %d 1-%d月: kept %s, worked out %s", cc, year, n, kept.get(cc), reference.get(cc))
						.isTrue();
					compared++;
				}
			}
		}
		assertThat(compared).isPositive();
	}

	static boolean same(List<Object> a, List<Object> b) {
		for (int i = 0; i < a.size(); i++) {
			Object x = a.get(i);
			Object y = b.get(i);
			if (x instanceof BigDecimal d && y instanceof BigDecimal e) {
				if (d.compareTo(e) != 0) {
					return false;
				}
			}
			else if (!Objects.equals(x, y)) {
				return false;
			}
		}
		return true;
	}

	@Test
	void keptSumsFollowEveryKindOfWrite() {
		// enterprise 1: all of 2024, 2025 to May; enterprise 2: 2025 with reported
		// 上年同月 figures and no 2024 stored; enterprise 3: only 2024 (a base, no
		// current figures in 2025); enterprise 4: 2025 from April on
		for (int m = 1; m <= 12; m++) {
			insert(1, String.format("2024-%02d", m), 100 + m);
			insert(3, String.format("2024-%02d", m), 300 + m);
		}
		for (int m = 1; m <= 5; m++) {
			insert(1, String.format("2025-%02d", m), 120 + m);
			insert(2, String.format("2025-%02d", m), 220 + m, true);
		}
		for (int m = 4; m <= 8; m++) {
			insert(4, String.format("2025-%02d", m), 440 + m);
		}
		assertKeptAsWorkedOut();

		// a prior-year month corrected: next year's bases change
		this.jdbc.update("UPDATE economy_monthly SET output = output + 1000, employees = NULL"
				+ " WHERE zone_code = ? AND credit_code = ? AND month = DATE '2024-03-01'", ZONE, code(1));
		// a month replaced as an import does (insert, or update on conflict)
		this.jdbc.update("INSERT INTO economy_monthly (credit_code, month, zone_code, output, employees, submitted_by,"
				+ " updated_by) VALUES (?, DATE '2025-02-01', ?, 5.55, 7, 'test', 'test'), (?, DATE '2025-06-01', ?,"
				+ " 6.66, 8, 'test', 'test') ON CONFLICT (credit_code, month) DO UPDATE SET output = EXCLUDED.output,"
				+ " employees = EXCLUDED.employees", code(1), ZONE, code(1), ZONE);
		// a note changes no figure
		this.jdbc.update("UPDATE economy_monthly SET note = '已核实' WHERE zone_code = ? AND credit_code = ?", ZONE,
				code(2));
		assertKeptAsWorkedOut();

		// months deleted, one enterprise's whole year
		this.jdbc.update("DELETE FROM economy_monthly WHERE zone_code = ? AND credit_code = ? AND month >= DATE"
				+ " '2024-11-01'", ZONE, code(1));
		this.jdbc.update("DELETE FROM economy_monthly WHERE zone_code = ? AND credit_code = ?", ZONE, code(4));
		assertKeptAsWorkedOut();
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM economy_running WHERE zone_code = ? AND credit_code = ?",
						Long.class, ZONE, code(4)))
			.isZero();
	}

	@Test
	void manyEnterprisesInOneStatement() {
		// more than 64 enterprises of a zone: the statement takes the zone's lock
		this.jdbc.update("""
				INSERT INTO economy_monthly (credit_code, month, zone_code, output, revenue, employees, prior_output,
				  submitted_by, updated_by)
				SELECT 'RUNTEST' || lpad(e::text, 11, '0'), m::date, ?, e * 10 + extract(month FROM m),
				  CASE WHEN e % 3 = 0 THEN NULL ELSE e + 0.5 END, 50 + e % 7,
				  CASE WHEN extract(year FROM m) = 2025 AND e % 4 = 0 THEN e * 9 END, 'test', 'test'
				FROM generate_series(1, 100) e
				CROSS JOIN generate_series(DATE '2024-01-01', DATE '2025-09-01', INTERVAL '1 month') m
				WHERE NOT (e % 5 = 0 AND m < DATE '2025-01-01')""", ZONE);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(DISTINCT credit_code) FROM economy_running WHERE zone_code = ? AND year = 2025",
				Long.class, ZONE))
			.isEqualTo(100);
		assertKeptAsWorkedOut();
	}

	@Test
	void twoTransactionsWritingOneEnterpriseAtOnce() throws Exception {
		insert(7, "2025-01", 71);
		Set<String> done = new HashSet<>();
		try (Connection first = this.dataSource.getConnection()) {
			first.setAutoCommit(false);
			try (var statement = first.prepareStatement("INSERT INTO economy_monthly (credit_code, month, zone_code,"
					+ " output, submitted_by, updated_by) VALUES (?, DATE '2025-10-01', ?, 10.5, 'test', 'test')")) {
				statement.setString(1, code(7));
				statement.setString(2, ZONE);
				statement.executeUpdate();
			}
			// the second writes another month of the same enterprise; without the lock it
			// would work out its sums without the first's month, not yet committed
			CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
				this.jdbc.update(
						"INSERT INTO economy_monthly (credit_code, month, zone_code, output, submitted_by,"
								+ " updated_by) VALUES (?, DATE '2025-11-01', ?, 20.25, 'test', 'test')",
						code(7), ZONE);
				synchronized (done) {
					done.add("second");
				}
			});
			Thread.sleep(500);
			synchronized (done) {
				assertThat(done).as("the second waits for the first to end").isEmpty();
			}
			first.commit();
			second.get(30, TimeUnit.SECONDS);
		}
		assertThat(this.jdbc.queryForObject("SELECT c_output FROM economy_running WHERE zone_code = ? AND year = 2025"
				+ " AND upto = 11 AND credit_code = ?", BigDecimal.class, ZONE, code(7)))
			.isEqualByComparingTo("741.12");
		assertKeptAsWorkedOut();
	}

	@Test
	void everyIndicatorHasItsColumns() {
		Set<String> columns = new HashSet<>(this.jdbc.queryForList(
				"SELECT column_name FROM information_schema.columns WHERE table_name = 'economy_running'",
				String.class));
		for (Indicator i : INDICATORS) {
			assertThat(columns).as(i.code()).contains("c_" + i.code(), "b_" + i.code());
		}
	}

}
