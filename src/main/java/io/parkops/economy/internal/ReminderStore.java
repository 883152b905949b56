package io.parkops.economy.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the reminders to report a month (催报): sending them, how many each enterprise
 * got, and the months an enterprise was reminded of and has not reported.
 */
@Repository
public class ReminderStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ReminderStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

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
		for (List<String> chunk : MonthlyFiguresStore.chunks(creditCodes)) {
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

}
