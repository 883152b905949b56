package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.parkops.economy.Indicator;
import io.parkops.economy.ZoneIndicator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of economic operation monitoring. Column names are built only from the
 * {@link Indicator} and {@link ZoneIndicator} codes, never from input.
 */
@Repository
public class EconomyStore {

	private static final Indicator[] INDICATORS = Indicator.values();

	static final String COLUMNS = java.util.Arrays.stream(INDICATORS)
		.map(Indicator::code)
		.collect(Collectors.joining(", "));

	static final String PRIOR_COLUMNS = java.util.Arrays.stream(INDICATORS)
		.map((i) -> "prior_" + i.code())
		.collect(Collectors.joining(", "));

	private static final String SELECT_MONTHLY = "SELECT credit_code, month, zone_code, " + COLUMNS + ", "
			+ PRIOR_COLUMNS + ", anomalies, note, revision, submitted_by, submitted_at, updated_by, updated_at"
			+ " FROM economy_monthly";

	private static final TypeReference<List<MonthlyFigures.Anomaly>> ANOMALIES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	EconomyStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	// ---- enterprise months

	private MonthlyFigures mapMonthly(ResultSet rs, int n) throws SQLException {
		Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
		Map<Indicator, BigDecimal> prior = new EnumMap<>(Indicator.class);
		for (Indicator i : INDICATORS) {
			BigDecimal v = rs.getBigDecimal(i.code());
			if (v != null) {
				values.put(i, v);
			}
			BigDecimal p = rs.getBigDecimal("prior_" + i.code());
			if (p != null) {
				prior.put(i, p);
			}
		}
		String anomalies = rs.getString("anomalies");
		return new MonthlyFigures(rs.getString("credit_code"), YearMonth.from(rs.getObject("month", LocalDate.class)),
				rs.getString("zone_code"), values, prior,
				(anomalies != null) ? this.json.readValue(anomalies, ANOMALIES) : List.of(), rs.getString("note"),
				rs.getInt("revision"), rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class),
				rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class));
	}

	Optional<MonthlyFigures> find(String creditCode, YearMonth month) {
		return this.jdbc.sql(SELECT_MONTHLY + " WHERE credit_code = :c AND month = :m")
			.param("c", creditCode)
			.param("m", month.atDay(1))
			.query(this::mapMonthly)
			.optional();
	}

	/**
	 * Holds the enterprise-month until the transaction ends, whether or not it has been
	 * reported yet (a transaction-scoped advisory lock, so even the first report is
	 * serialised).
	 */
	void lockMonth(String creditCode, YearMonth month) {
		this.jdbc
			.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('economy_monthly:' || :c || ':'"
					+ " || :m, 0))) AS locked")
			.param("c", creditCode)
			.param("m", month.toString())
			.query(Integer.class)
			.single();
	}

	/** The reports of one month of the given enterprises, by credit code. */
	Map<String, MonthlyFigures> findAll(Collection<String> creditCodes, YearMonth month) {
		Map<String, MonthlyFigures> found = new HashMap<>();
		for (List<String> chunk : chunks(creditCodes)) {
			this.jdbc.sql(SELECT_MONTHLY + " WHERE month = :m AND credit_code = ANY(CAST(:c AS char(18)[]))")
				.param("m", month.atDay(1))
				.param("c", chunk.toArray(String[]::new))
				.query(this::mapMonthly)
				.list()
				.forEach((f) -> found.put(f.creditCode(), f));
		}
		return found;
	}

	/** An enterprise's reports in [from, to], newest first. */
	List<MonthlyFigures> history(String creditCode, YearMonth from, YearMonth to) {
		return this.jdbc.sql(SELECT_MONTHLY + " WHERE credit_code = :c AND month BETWEEN :f AND :t ORDER BY month DESC")
			.param("c", creditCode)
			.param("f", from.atDay(1))
			.param("t", to.atDay(1))
			.query(this::mapMonthly)
			.list();
	}

	/** Inserts or replaces the reports, all in one batch. */
	void save(List<MonthlyFigures> figures) {
		// one statement per chunk, its rows passed as arrays: far faster than a JDBC
		// batch
		List<String> columns = new ArrayList<>(List.of("credit_code", "month", "zone_code"));
		for (Indicator i : INDICATORS) {
			columns.add(i.code());
		}
		for (Indicator i : INDICATORS) {
			columns.add("prior_" + i.code());
		}
		columns.addAll(
				List.of("anomalies", "note", "revision", "submitted_by", "submitted_at", "updated_by", "updated_at"));
		StringBuilder select = new StringBuilder();
		StringBuilder arrays = new StringBuilder();
		for (int c = 0; c < columns.size(); c++) {
			String column = columns.get(c);
			String type = switch (column) {
				case "month" -> "date";
				case "revision" -> "int";
				case "submitted_at", "updated_at" -> "timestamptz";
				case "credit_code", "zone_code", "anomalies", "note", "submitted_by", "updated_by" -> null;
				default -> "numeric";
			};
			select.append((c > 0) ? ", " : "").append("c").append(c).append((type != null) ? "::" + type : "");
			arrays.append((c > 0) ? ", " : "").append("?::text[]");
		}
		String sql = "INSERT INTO economy_monthly (" + String.join(", ", columns) + ") SELECT " + select
				+ " FROM unnest(" + arrays + ") AS u("
				+ java.util.stream.IntStream.range(0, columns.size())
					.mapToObj((c) -> "c" + c)
					.collect(Collectors.joining(", "))
				+ ") ON CONFLICT (credit_code, month) DO UPDATE SET "
				+ columns.subList(3, columns.size())
					.stream()
					.filter((c) -> !c.equals("submitted_by") && !c.equals("submitted_at"))
					.map((c) -> c + " = EXCLUDED." + c)
					.collect(Collectors.joining(", "));
		for (int from = 0; from < figures.size(); from += 5000) {
			List<MonthlyFigures> chunk = figures.subList(from, Math.min(figures.size(), from + 5000));
			String[][] values = new String[columns.size()][chunk.size()];
			for (int r = 0; r < chunk.size(); r++) {
				MonthlyFigures f = chunk.get(r);
				int k = 0;
				values[k++][r] = f.creditCode();
				values[k++][r] = f.month().atDay(1).toString();
				values[k++][r] = f.zoneCode();
				for (Indicator i : INDICATORS) {
					values[k++][r] = text(f.values().get(i));
				}
				for (Indicator i : INDICATORS) {
					values[k++][r] = text(f.priorYear().get(i));
				}
				values[k++][r] = f.anomalies().isEmpty() ? null : this.json.writeValueAsString(f.anomalies());
				values[k++][r] = f.note();
				values[k++][r] = Integer.toString(f.revision());
				values[k++][r] = f.submittedBy();
				values[k++][r] = f.submittedAt().toString();
				values[k++][r] = f.updatedBy();
				values[k][r] = f.updatedAt().toString();
			}
			this.template.execute((java.sql.Connection connection) -> {
				try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
					for (int c = 0; c < values.length; c++) {
						statement.setArray(c + 1, connection.createArrayOf("text", values[c]));
					}
					return statement.executeUpdate();
				}
			});
		}
		figures.stream().map(MonthlyFigures::zoneCode).distinct().forEach(this::bumpVersion);
	}

	private static String text(BigDecimal value) {
		return (value != null) ? value.toPlainString() : null;
	}

	private void bumpVersion(String zone) {
		this.jdbc.sql("""
				INSERT INTO economy_data_version (zone_code, version) VALUES (:z, 1)
				ON CONFLICT (zone_code) DO UPDATE SET version = economy_data_version.version + 1
				""").param("z", zone).update();
	}

	/** The version of a zone's monthly figures: it changes with every change of them. */
	long version(String zone) {
		return this.jdbc.sql("SELECT version FROM economy_data_version WHERE zone_code = :z")
			.param("z", zone)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	void confirm(String creditCode, YearMonth month, String note, String by) {
		this.jdbc.sql("""
				UPDATE economy_monthly SET note = :n, updated_by = :by, updated_at = now()
				WHERE credit_code = :c AND month = :m
				""").param("n", note).param("by", by).param("c", creditCode).param("m", month.atDay(1)).update();
	}

	/** One kept revision: the figures as they were before a correction. */
	public record Revision(int revision, Map<String, BigDecimal> values, Map<String, BigDecimal> priorYear,
			String changedBy, OffsetDateTime changedAt, String reason) {
	}

	void saveRevisions(List<MonthlyFigures> previous, String by, String reason) {
		for (int from = 0; from < previous.size(); from += 5000) {
			List<MonthlyFigures> chunk = previous.subList(from, Math.min(previous.size(), from + 5000));
			String[][] values = new String[5][chunk.size()];
			for (int r = 0; r < chunk.size(); r++) {
				MonthlyFigures f = chunk.get(r);
				values[0][r] = f.creditCode();
				values[1][r] = f.month().atDay(1).toString();
				values[2][r] = Integer.toString(f.revision());
				values[3][r] = this.json.writeValueAsString(codes(f.values()));
				values[4][r] = this.json.writeValueAsString(codes(f.priorYear()));
			}
			this.template.execute((java.sql.Connection connection) -> {
				try (java.sql.PreparedStatement statement = connection.prepareStatement("""
						INSERT INTO economy_monthly_revision (credit_code, month, revision, values_json, prior_json,
						  changed_by, reason)
						SELECT c0, c1::date, c2::int, c3, c4, ?, ? FROM unnest(?::text[], ?::text[], ?::text[],
						  ?::text[], ?::text[]) AS u(c0, c1, c2, c3, c4)
						""")) {
					statement.setString(1, by);
					statement.setString(2, reason);
					for (int c = 0; c < values.length; c++) {
						statement.setArray(c + 3, connection.createArrayOf("text", values[c]));
					}
					return statement.executeUpdate();
				}
			});
		}
	}

	List<Revision> revisions(String creditCode, YearMonth month) {
		TypeReference<LinkedHashMap<String, BigDecimal>> type = new TypeReference<>() {
		};
		return this.jdbc.sql("""
				SELECT revision, values_json, prior_json, changed_by, changed_at, reason FROM economy_monthly_revision
				WHERE credit_code = :c AND month = :m ORDER BY revision DESC, id DESC
				""")
			.param("c", creditCode)
			.param("m", month.atDay(1))
			.query((rs, n) -> new Revision(rs.getInt("revision"),
					this.json.readValue(rs.getString("values_json"), type),
					this.json.readValue(rs.getString("prior_json"), type), rs.getString("changed_by"),
					rs.getObject("changed_at", OffsetDateTime.class), rs.getString("reason")))
			.list();
	}

	/** Figures by indicator code, in the indicators' order. */
	public static Map<String, BigDecimal> codes(Map<Indicator, BigDecimal> values) {
		Map<String, BigDecimal> byCode = new LinkedHashMap<>();
		values.forEach((k, v) -> byCode.put(k.code(), v));
		return byCode;
	}

	/**
	 * The usual level of each indicator of each enterprise before a month: the average of
	 * its positive values over the twelve months before, where it has at least three.
	 */
	Map<String, Map<Indicator, BigDecimal>> usualLevels(Collection<String> creditCodes, YearMonth month) {
		String averages = java.util.Arrays.stream(INDICATORS)
			.map((i) -> "CASE WHEN count(" + i.code() + ") FILTER (WHERE " + i.code() + " > 0) >= 3 THEN avg("
					+ i.code() + ") FILTER (WHERE " + i.code() + " > 0) END AS " + i.code())
			.collect(Collectors.joining(", "));
		Map<String, Map<Indicator, BigDecimal>> levels = new HashMap<>();
		for (List<String> chunk : chunks(creditCodes)) {
			this.jdbc.sql("SELECT credit_code, " + averages + " FROM economy_monthly"
					+ " WHERE credit_code = ANY(CAST(:c AS char(18)[])) AND month >= :f AND month < :t GROUP BY credit_code")
				.param("c", chunk.toArray(String[]::new))
				.param("f", month.minusMonths(12).atDay(1))
				.param("t", month.atDay(1))
				.query((rs) -> {
					Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
					for (Indicator i : INDICATORS) {
						BigDecimal v = rs.getBigDecimal(i.code());
						if (v != null) {
							values.put(i, v);
						}
					}
					levels.put(rs.getString("credit_code"), values);
				});
		}
		return levels;
	}

	private static List<List<String>> chunks(Collection<String> codes) {
		List<String> all = new ArrayList<>(codes);
		List<List<String>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += 5000) {
			chunks.add(all.subList(i, Math.min(all.size(), i + 5000)));
		}
		return chunks;
	}

	// ---- statistics

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

	private static final String JOINED_MONTHS = "WITH cur AS (SELECT credit_code, month, " + COLUMNS + ", "
			+ PRIOR_COLUMNS + " FROM economy_monthly WHERE zone_code = :z AND month BETWEEN :cs AND :ce),"
			+ " pri AS (SELECT credit_code, month, " + COLUMNS
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
			.append(java.util.Arrays.stream(INDICATORS)
				.map((i) -> "c.prior_" + i.code())
				.collect(Collectors.joining(", ")))
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
	 * The latest month in which an enterprise of the zone reported, or a zone figure was
	 * entered.
	 */
	Optional<YearMonth> latestMonth(String zone) {
		LocalDate latest = this.jdbc.sql("""
				SELECT greatest((SELECT max(month) FROM economy_monthly WHERE zone_code = :z),
				                (SELECT max(month) FROM economy_zone_figure WHERE zone_code = :z))
				""").param("z", zone).query(LocalDate.class).optional().orElse(null);
		return Optional.ofNullable(latest).map(YearMonth::from);
	}

	/** The enterprises of the zone that reported a month. */
	java.util.Set<String> reporters(String zone, YearMonth month) {
		return new java.util.HashSet<>(
				this.jdbc.sql("SELECT credit_code FROM economy_monthly WHERE zone_code = :z AND month = :m")
					.param("z", zone)
					.param("m", month.atDay(1))
					.query(String.class)
					.list());
	}

	/** Who reported a month, and when: one row per enterprise of the zone that did. */
	public record Submission(String creditCode, OffsetDateTime submittedAt, OffsetDateTime updatedAt, int revision,
			boolean anomalies, boolean confirmed) {
	}

	Map<String, Submission> submissions(String zone, YearMonth month) {
		Map<String, Submission> found = new HashMap<>();
		this.jdbc.sql("""
				SELECT credit_code, submitted_at, updated_at, revision, anomalies IS NOT NULL AS anomalies,
				  (anomalies IS NULL OR coalesce(note, '') <> '') AS confirmed
				FROM economy_monthly WHERE zone_code = :z AND month = :m
				""").param("z", zone).param("m", month.atDay(1)).query((rs) -> {
			found.put(rs.getString(1), new Submission(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
					rs.getObject(3, OffsetDateTime.class), rs.getInt(4), rs.getBoolean(5), rs.getBoolean(6)));
		});
		return found;
	}

	/** The reports of a zone with anomalies not yet confirmed by a note, newest first. */
	List<MonthlyFigures> unconfirmed(String zone) {
		return this.jdbc
			.sql(SELECT_MONTHLY + " WHERE zone_code = :z AND anomalies IS NOT NULL AND coalesce(note, '') = ''"
					+ " ORDER BY month DESC, credit_code LIMIT 500")
			.param("z", zone)
			.query(this::mapMonthly)
			.list();
	}

	/** Each enterprise's revenue over the twelve months ending with {@code month}. */
	Map<String, BigDecimal> trailingRevenue(String zone, YearMonth month) {
		Map<String, BigDecimal> revenue = new HashMap<>();
		this.jdbc.sql("""
				SELECT credit_code, sum(revenue) FROM economy_monthly
				WHERE zone_code = :z AND month > :f AND month <= :t AND revenue IS NOT NULL GROUP BY credit_code
				""")
			.param("z", zone)
			.param("f", month.minusMonths(12).atDay(1))
			.param("t", month.atDay(1))
			.query((rs) -> {
				revenue.put(rs.getString(1), rs.getBigDecimal(2));
			});
		return revenue;
	}

	// ---- reminders

	void remind(Collection<String> creditCodes, YearMonth month, String by) {
		List<Object[]> rows = creditCodes.stream().map((c) -> new Object[] { c, month.atDay(1), by }).toList();
		this.template.batchUpdate("INSERT INTO economy_reminder (credit_code, month, reminded_by) VALUES (?, ?, ?)",
				rows);
	}

	/** Reminders sent for a month: how many and the last one, per enterprise. */
	public record Reminders(int count, OffsetDateTime last) {
	}

	Map<String, Reminders> reminders(Collection<String> creditCodes, YearMonth month) {
		Map<String, Reminders> found = new HashMap<>();
		for (List<String> chunk : chunks(creditCodes)) {
			this.jdbc.sql("""
					SELECT credit_code, count(*), max(reminded_at) FROM economy_reminder
					WHERE month = :m AND credit_code = ANY(CAST(:c AS char(18)[])) GROUP BY credit_code
					""").param("m", month.atDay(1)).param("c", chunk.toArray(String[]::new)).query((rs) -> {
				found.put(rs.getString(1), new Reminders(rs.getInt(2), rs.getObject(3, OffsetDateTime.class)));
			});
		}
		return found;
	}

	/** The months an enterprise was reminded of and has not reported yet. */
	List<YearMonth> openReminders(String creditCode) {
		return this.jdbc.sql("""
				SELECT DISTINCT r.month FROM economy_reminder r
				WHERE r.credit_code = :c AND NOT EXISTS (SELECT 1 FROM economy_monthly m
				  WHERE m.credit_code = r.credit_code AND m.month = r.month)
				ORDER BY r.month
				""").param("c", creditCode).query(LocalDate.class).list().stream().map(YearMonth::from).toList();
	}

	// ---- zone figures, targets, price indices

	void saveZoneFigures(String zone, YearMonth month, Map<ZoneIndicator, BigDecimal> values, String by) {
		this.jdbc.sql("""
				INSERT INTO economy_zone_figure (zone_code, month, budget_revenue, fixed_asset_investment,
				  tech_investment, updated_by) VALUES (:z, :m, :b, :f, :t, :by)
				ON CONFLICT (zone_code, month) DO UPDATE SET budget_revenue = EXCLUDED.budget_revenue,
				  fixed_asset_investment = EXCLUDED.fixed_asset_investment, tech_investment = EXCLUDED.tech_investment,
				  updated_by = EXCLUDED.updated_by, updated_at = now()
				""")
			.param("z", zone)
			.param("m", month.atDay(1))
			.param("b", values.get(ZoneIndicator.BUDGET_REVENUE))
			.param("f", values.get(ZoneIndicator.FIXED_ASSET_INVESTMENT))
			.param("t", values.get(ZoneIndicator.TECH_INVESTMENT))
			.param("by", by)
			.update();
	}

	/**
	 * A zone's figures of each month of a year (1–12); months without a row are absent.
	 */
	Map<Integer, Map<ZoneIndicator, BigDecimal>> zoneFigures(String zone, int year) {
		return zoneFigures(zone, year, year).getOrDefault(year, Map.of());
	}

	/** A zone's figures by year and month (1–12) for the years [from, to]. */
	Map<Integer, Map<Integer, Map<ZoneIndicator, BigDecimal>>> zoneFigures(String zone, int from, int to) {
		Map<Integer, Map<Integer, Map<ZoneIndicator, BigDecimal>>> years = new HashMap<>();
		this.jdbc.sql("""
				SELECT month, budget_revenue, fixed_asset_investment, tech_investment FROM economy_zone_figure
				WHERE zone_code = :z AND month BETWEEN :f AND :t
				""")
			.param("z", zone)
			.param("f", LocalDate.of(from, 1, 1))
			.param("t", LocalDate.of(to, 12, 1))
			.query((rs) -> {
				Map<ZoneIndicator, BigDecimal> values = new EnumMap<>(ZoneIndicator.class);
				for (ZoneIndicator i : ZoneIndicator.values()) {
					BigDecimal v = rs.getBigDecimal(i.code());
					if (v != null) {
						values.put(i, v);
					}
				}
				LocalDate month = rs.getObject(1, LocalDate.class);
				years.computeIfAbsent(month.getYear(), (y) -> new HashMap<>()).put(month.getMonthValue(), values);
			});
		return years;
	}

	/** A stored target: kind AMOUNT, GROWTH or COUNT. */
	public record TargetRow(String code, String kind, BigDecimal value) {
	}

	void replaceTargets(String zone, int year, List<TargetRow> targets) {
		this.jdbc.sql("DELETE FROM economy_target WHERE zone_code = :z AND year = :y")
			.param("z", zone)
			.param("y", year)
			.update();
		for (TargetRow t : targets) {
			this.jdbc.sql("""
					INSERT INTO economy_target (zone_code, year, code, kind, value) VALUES (:z, :y, :c, :k, :v)
					""")
				.param("z", zone)
				.param("y", year)
				.param("c", t.code())
				.param("k", t.kind())
				.param("v", t.value())
				.update();
		}
	}

	Map<String, TargetRow> targets(String zone, int year) {
		Map<String, TargetRow> targets = new LinkedHashMap<>();
		this.jdbc.sql("SELECT code, kind, value FROM economy_target WHERE zone_code = :z AND year = :y ORDER BY code")
			.param("z", zone)
			.param("y", year)
			.query(TargetRow.class)
			.list()
			.forEach((t) -> targets.put(t.code(), t));
		return targets;
	}

	void savePriceIndex(int year, BigDecimal index, String by) {
		this.jdbc.sql("""
				INSERT INTO economy_price_index (year, index, updated_by) VALUES (:y, :i, :by)
				ON CONFLICT (year) DO UPDATE SET index = EXCLUDED.index, updated_by = EXCLUDED.updated_by,
				  updated_at = now()
				""").param("y", year).param("i", index).param("by", by).update();
	}

	Optional<BigDecimal> priceIndex(int year) {
		return this.jdbc.sql("SELECT index FROM economy_price_index WHERE year = :y")
			.param("y", year)
			.query(BigDecimal.class)
			.optional();
	}

	/** Every price index entered, by year. */
	Map<Integer, BigDecimal> priceIndices() {
		Map<Integer, BigDecimal> all = new java.util.TreeMap<>();
		this.jdbc.sql("SELECT year, index FROM economy_price_index").query((rs) -> {
			all.put(rs.getInt(1), rs.getBigDecimal(2));
		});
		return all;
	}

	/**
	 * Each enterprise's figures of a calendar year: flows summed, employees averaged over
	 * the months reported.
	 */
	public Map<String, Map<Indicator, BigDecimal>> yearFigures(String zone, int year) {
		String columns = java.util.Arrays.stream(INDICATORS)
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
				Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
				for (Indicator i : INDICATORS) {
					BigDecimal v = rs.getBigDecimal(i.code());
					if (v != null) {
						values.put(i, v);
					}
				}
				figures.put(rs.getString("credit_code"), values);
			});
		return figures;
	}

	/**
	 * Each enterprise's figure of one indicator in a year with the same months'
	 * prior-year base (last year's stored month, else the 上年同月 reported with this
	 * year's).
	 */
	public Map<String, io.parkops.economy.EnterpriseYearOnYear> yearOnYear(String zone, Indicator indicator, int year) {
		String x = indicator.code();
		String agg = indicator.averaged() ? "avg" : "sum";
		String sql = "SELECT c.credit_code, " + agg + "(c." + x + ") AS cur, " + agg + "(c." + x
				+ ") FILTER (WHERE coalesce(p." + x + ", c.prior_" + x + ") IS NOT NULL) AS same, " + agg
				+ "(coalesce(p." + x + ", c.prior_" + x + ")) AS base, max(extract(month FROM c.month))::int AS last"
				+ " FROM economy_monthly c LEFT JOIN economy_monthly p ON p.credit_code = c.credit_code"
				+ " AND p.month = (c.month - interval '1 year')::date"
				+ " WHERE c.zone_code = :zone AND c.month >= :from AND c.month < :to AND c." + x + " IS NOT NULL"
				+ " GROUP BY c.credit_code";
		Map<String, io.parkops.economy.EnterpriseYearOnYear> result = new HashMap<>();
		this.jdbc.sql(sql)
			.param("zone", zone)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs) -> {
				result.put(rs.getString("credit_code").trim(),
						new io.parkops.economy.EnterpriseYearOnYear(rs.getBigDecimal("cur"), rs.getBigDecimal("same"),
								rs.getBigDecimal("base"), rs.getInt("last")));
			});
		return result;
	}

}
