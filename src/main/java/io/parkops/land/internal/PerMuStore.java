package io.parkops.land.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.land.internal.PerMuViews.InputsView;
import io.parkops.land.internal.PerMuViews.ObjectionView;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the per-mu evaluation: schemes, manual inputs, evaluations, results and
 * objections.
 */
@Repository
class PerMuStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	PerMuStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	record SchemeRow(String scheme, long version) {
	}

	Optional<SchemeRow> scheme(int year) {
		return this.jdbc.sql("SELECT scheme, version FROM land_permu_scheme WHERE year = :y")
			.param("y", year)
			.query((rs, n) -> new SchemeRow(rs.getString(1), rs.getLong(2)))
			.optional();
	}

	boolean insertScheme(int year, String scheme, String by) {
		return this.jdbc.sql("""
				INSERT INTO land_permu_scheme (year, scheme, updated_by) VALUES (:y, :s, :by)
				ON CONFLICT (year) DO NOTHING
				""").param("y", year).param("s", scheme).param("by", by).update() == 1;
	}

	int updateScheme(int year, String scheme, Long version, String by) {
		return this.jdbc
			.sql("UPDATE land_permu_scheme SET scheme = :s, updated_by = :by, updated_at = now(), version = version + 1"
					+ " WHERE year = :y" + ((version != null) ? " AND version = :v" : ""))
			.param("y", year)
			.param("s", scheme)
			.param("by", by)
			.param("v", version)
			.update();
	}

	// ---- inputs

	private static InputsView inputs(ResultSet rs, int n) throws SQLException {
		Object notGraded = rs.getObject("not_graded");
		return new InputsView(rs.getInt("year"), rs.getString("credit_code"), rs.getBigDecimal("land_mu"),
				rs.getBigDecimal("tax"), rs.getBigDecimal("value_added"), rs.getBigDecimal("revenue"),
				rs.getBigDecimal("electricity"), rs.getBigDecimal("energy_tce"), rs.getBigDecimal("emissions"),
				rs.getBigDecimal("employees"), rs.getBigDecimal("rd_expense"), (Boolean) notGraded,
				rs.getLong("version"));
	}

	Optional<InputsView> inputs(int year, String creditCode) {
		return this.jdbc.sql("SELECT * FROM land_permu_input WHERE year = :y AND credit_code = :c")
			.param("y", year)
			.param("c", creditCode)
			.query(PerMuStore::inputs)
			.optional();
	}

	Map<String, InputsView> inputsOf(int year, List<String> creditCodes) {
		Map<String, InputsView> map = new HashMap<>();
		this.jdbc.sql("SELECT * FROM land_permu_input WHERE year = :y AND credit_code = ANY(:c)")
			.param("y", year)
			.param("c", creditCodes.toArray(String[]::new))
			.query(PerMuStore::inputs)
			.list()
			.forEach((i) -> map.put(i.creditCode(), i));
		return map;
	}

	/** Writes the inputs: a new row, or a change of the row at the given version. */
	int saveInputs(InputsView v, Long version, String by) {
		String values = ":land, :tax, :va, :rev, :el, :en, :em, :emp, :rd, :ng";
		if (version == null) {
			return bind(this.jdbc.sql("INSERT INTO land_permu_input (year, credit_code, land_mu, tax, value_added,"
					+ " revenue, electricity, energy_tce, emissions, employees, rd_expense, not_graded, updated_by)"
					+ " VALUES (:y, :c, " + values + ", :by) ON CONFLICT (year, credit_code) DO UPDATE SET"
					+ " land_mu = excluded.land_mu, tax = excluded.tax, value_added = excluded.value_added,"
					+ " revenue = excluded.revenue, electricity = excluded.electricity,"
					+ " energy_tce = excluded.energy_tce, emissions = excluded.emissions,"
					+ " employees = excluded.employees, rd_expense = excluded.rd_expense,"
					+ " not_graded = excluded.not_graded, updated_by = excluded.updated_by, updated_at = now(),"
					+ " version = land_permu_input.version + 1"), v, by)
				.update();
		}
		return bind(this.jdbc.sql("""
				UPDATE land_permu_input SET land_mu = :land, tax = :tax, value_added = :va, revenue = :rev,
				  electricity = :el, energy_tce = :en, emissions = :em, employees = :emp, rd_expense = :rd,
				  not_graded = :ng, updated_by = :by, updated_at = now(), version = version + 1
				WHERE year = :y AND credit_code = :c AND version = :v
				"""), v, by).param("v", version).update();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, InputsView v, String by) {
		return spec.param("y", v.year())
			.param("c", v.creditCode())
			.param("land", v.landMu())
			.param("tax", v.tax())
			.param("va", v.valueAdded())
			.param("rev", v.revenue())
			.param("el", v.electricity())
			.param("en", v.energyTce())
			.param("em", v.emissions())
			.param("emp", v.employees())
			.param("rd", v.rdExpense())
			.param("ng", v.notGraded())
			.param("by", by);
	}

	// ---- evaluations

	record EvaluationRow(long id, String zoneCode, int year, String status, String scheme, LocalDate publishedOn,
			LocalDate objectionUntil, LocalDate finalizedOn, long version) {
	}

	private static EvaluationRow evaluation(ResultSet rs, int n) throws SQLException {
		return new EvaluationRow(rs.getLong("id"), rs.getString("zone_code"), rs.getInt("year"), rs.getString("status"),
				rs.getString("scheme"), rs.getObject("published_on", LocalDate.class),
				rs.getObject("objection_until", LocalDate.class), rs.getObject("finalized_on", LocalDate.class),
				rs.getLong("version"));
	}

	Optional<EvaluationRow> evaluation(long id) {
		return this.jdbc.sql("SELECT * FROM land_permu_evaluation WHERE id = :id")
			.param("id", id)
			.query(PerMuStore::evaluation)
			.optional();
	}

	Optional<EvaluationRow> evaluation(String zone, int year) {
		return this.jdbc.sql("SELECT * FROM land_permu_evaluation WHERE zone_code = :z AND year = :y")
			.param("z", zone)
			.param("y", year)
			.query(PerMuStore::evaluation)
			.optional();
	}

	List<EvaluationRow> evaluations(List<String> zones) {
		return this.jdbc
			.sql("SELECT * FROM land_permu_evaluation WHERE zone_code = ANY(:z) ORDER BY year DESC, id DESC")
			.param("z", zones.toArray(String[]::new))
			.query(PerMuStore::evaluation)
			.list();
	}

	/** Deletes a zone's draft of a year (re-evaluating replaces it). */
	void deleteDraft(String zone, int year) {
		this.jdbc.sql("DELETE FROM land_permu_evaluation WHERE zone_code = :z AND year = :y AND status = 'DRAFT'")
			.param("z", zone)
			.param("y", year)
			.update();
	}

	Optional<Long> insertEvaluation(String zone, int year, String scheme, String by) {
		return this.jdbc.sql("""
				INSERT INTO land_permu_evaluation (zone_code, year, status, scheme, created_by)
				VALUES (:z, :y, 'DRAFT', :s, :by) ON CONFLICT (zone_code, year) DO NOTHING RETURNING id
				""").param("z", zone).param("y", year).param("s", scheme).param("by", by).query(Long.class).optional();
	}

	record ResultRow(String creditCode, String name, boolean aboveScale, boolean graded, BigDecimal landMu,
			BigDecimal score, Integer rank, String cls, String items, String toNext) {
	}

	void insertResults(long evaluationId, List<ResultRow> rows) {
		this.template.batchUpdate("""
				INSERT INTO land_permu_result (evaluation_id, credit_code, name, above_scale, graded, land_mu, score,
				  rank, class, items, to_next) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows, 500, (ps, r) -> {
			ps.setLong(1, evaluationId);
			ps.setString(2, r.creditCode());
			ps.setString(3, r.name());
			ps.setBoolean(4, r.aboveScale());
			ps.setBoolean(5, r.graded());
			ps.setBigDecimal(6, r.landMu());
			ps.setBigDecimal(7, r.score());
			ps.setObject(8, r.rank());
			ps.setString(9, r.cls());
			ps.setString(10, r.items());
			ps.setString(11, r.toNext());
		});
	}

	private static ResultRow result(ResultSet rs, int n) throws SQLException {
		return new ResultRow(rs.getString("credit_code"), rs.getString("name"), rs.getBoolean("above_scale"),
				rs.getBoolean("graded"), rs.getBigDecimal("land_mu"), rs.getBigDecimal("score"),
				(Integer) rs.getObject("rank"), rs.getString("class"), rs.getString("items"), rs.getString("to_next"));
	}

	List<ResultRow> results(long evaluationId, String onlyCreditCode) {
		return this.jdbc
			.sql("SELECT * FROM land_permu_result WHERE evaluation_id = :e"
					+ ((onlyCreditCode != null) ? " AND credit_code = :c" : "")
					+ " ORDER BY graded DESC, rank NULLS LAST, credit_code")
			.param("e", evaluationId)
			.param("c", onlyCreditCode)
			.query(PerMuStore::result)
			.list();
	}

	Map<String, Long> classCounts(long evaluationId) {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		for (String c : PerMuScheme.CLASSES) {
			counts.put(c, 0L);
		}
		this.jdbc.sql("SELECT class, count(*) FROM land_permu_result WHERE evaluation_id = :e GROUP BY class")
			.param("e", evaluationId)
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	long gradedCount(long evaluationId) {
		return this.jdbc.sql("SELECT count(*) FROM land_permu_result WHERE evaluation_id = :e AND graded")
			.param("e", evaluationId)
			.query(Long.class)
			.single();
	}

	int publish(long id, LocalDate on, LocalDate until) {
		return this.jdbc.sql("""
				UPDATE land_permu_evaluation SET status = 'PUBLISHED', published_on = :on, objection_until = :until,
				  version = version + 1 WHERE id = :id AND status = 'DRAFT'
				""").param("on", on).param("until", until).param("id", id).update();
	}

	int finalizeEvaluation(long id, LocalDate on) {
		return this.jdbc.sql("""
				UPDATE land_permu_evaluation SET status = 'FINAL', finalized_on = :on, version = version + 1
				WHERE id = :id AND status = 'PUBLISHED'
				""").param("on", on).param("id", id).update();
	}

	// ---- objections

	private static ObjectionView objection(ResultSet rs, int n) throws SQLException {
		return new ObjectionView(rs.getLong("id"), rs.getLong("evaluation_id"), rs.getString("credit_code"),
				rs.getString("name"), rs.getString("text"), rs.getString("evidence"),
				rs.getObject("submitted_on", LocalDate.class), rs.getString("status"), rs.getString("reply"));
	}

	private static final String OBJECTION = """
			SELECT o.*, r.name FROM land_permu_objection o
			LEFT JOIN land_permu_result r ON r.evaluation_id = o.evaluation_id AND r.credit_code = o.credit_code
			""";

	long insertObjection(long evaluationId, String creditCode, String text, String evidence, LocalDate on, String by) {
		return this.jdbc.sql("""
				INSERT INTO land_permu_objection (evaluation_id, credit_code, text, evidence, submitted_on, created_by)
				VALUES (:e, :c, :t, :ev, :on, :by) RETURNING id
				""")
			.param("e", evaluationId)
			.param("c", creditCode)
			.param("t", text)
			.param("ev", evidence)
			.param("on", on)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Optional<ObjectionView> objection(long id) {
		return this.jdbc.sql(OBJECTION + " WHERE o.id = :id").param("id", id).query(PerMuStore::objection).optional();
	}

	List<ObjectionView> objections(long evaluationId, String onlyCreditCode) {
		return this.jdbc
			.sql(OBJECTION + " WHERE o.evaluation_id = :e" + ((onlyCreditCode != null) ? " AND o.credit_code = :c" : "")
					+ " ORDER BY o.id")
			.param("e", evaluationId)
			.param("c", onlyCreditCode)
			.query(PerMuStore::objection)
			.list();
	}

	int decide(long id, boolean accepted, String reply) {
		return this.jdbc
			.sql("UPDATE land_permu_objection SET status = :s, reply = :r WHERE id = :id AND status = 'OPEN'")
			.param("s", accepted ? "ACCEPTED" : "REJECTED")
			.param("r", reply)
			.param("id", id)
			.update();
	}

	long openObjections(List<String> zones) {
		return this.jdbc.sql("""
				SELECT count(*) FROM land_permu_objection o JOIN land_permu_evaluation e ON e.id = o.evaluation_id
				WHERE e.zone_code = ANY(:z) AND o.status = 'OPEN'
				""").param("z", zones.toArray(String[]::new)).query(Long.class).single();
	}

	/** The published and final results of an enterprise, newest year first. */
	List<Map.Entry<EvaluationRow, ResultRow>> resultsOf(String creditCode) {
		List<Map.Entry<EvaluationRow, ResultRow>> list = new ArrayList<>();
		for (EvaluationRow e : this.jdbc.sql("""
				SELECT e.* FROM land_permu_evaluation e JOIN land_permu_result r ON r.evaluation_id = e.id
				WHERE r.credit_code = :c AND e.status <> 'DRAFT' ORDER BY e.year DESC
				""").param("c", creditCode).query(PerMuStore::evaluation).list()) {
			results(e.id(), creditCode).forEach((r) -> list.add(Map.entry(e, r)));
		}
		return list;
	}

	List<LocalDate> openWindowsOf(String creditCode, LocalDate today) {
		return this.jdbc.sql("""
				SELECT e.objection_until FROM land_permu_evaluation e JOIN land_permu_result r ON r.evaluation_id = e.id
				WHERE r.credit_code = :c AND e.status = 'PUBLISHED' AND e.objection_until >= :today
				""").param("c", creditCode).param("today", today).query(LocalDate.class).list();
	}

}
