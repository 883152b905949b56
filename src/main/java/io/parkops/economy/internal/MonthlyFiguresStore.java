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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the enterprises' monthly figures (月报): reading, saving and confirming them, the
 * zone's data version, who reported a month and the levels anomalies are checked against.
 * Revisions, reminders, targets and the statistics have their own stores. Column names
 * are built only from the {@link Indicator} codes, never from input.
 */
@Repository
public class MonthlyFiguresStore {

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

	MonthlyFiguresStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
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
					levels.put(rs.getString("credit_code"), indicatorValues(rs));
				});
		}
		return levels;
	}

	/** The indicators' values of a row (columns named by code), without the nulls. */
	static Map<Indicator, BigDecimal> indicatorValues(ResultSet rs) throws SQLException {
		Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
		for (Indicator i : INDICATORS) {
			BigDecimal v = rs.getBigDecimal(i.code());
			if (v != null) {
				values.put(i, v);
			}
		}
		return values;
	}

	static List<List<String>> chunks(Collection<String> codes) {
		List<String> all = new ArrayList<>(codes);
		List<List<String>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += 5000) {
			chunks.add(all.subList(i, Math.min(all.size(), i + 5000)));
		}
		return chunks;
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

}
