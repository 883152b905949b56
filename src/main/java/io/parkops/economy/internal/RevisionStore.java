package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the kept revisions of enterprise months: the figures as they were before each
 * correction, with who changed them and why.
 */
@Repository
public class RevisionStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	RevisionStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
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
				values[3][r] = this.json.writeValueAsString(MonthlyFiguresStore.codes(f.values()));
				values[4][r] = this.json.writeValueAsString(MonthlyFiguresStore.codes(f.priorYear()));
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

}
