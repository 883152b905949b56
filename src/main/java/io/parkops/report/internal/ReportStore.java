package io.parkops.report.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.report.ReportFigure;
import io.parkops.report.internal.ReportDocument.Header;
import io.parkops.report.internal.ReportDocument.Plan;
import io.parkops.report.internal.ReportDocument.Section;
import io.parkops.report.internal.ReportDocument.Version;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report tables, by hand-written SQL.
 */
@Repository
class ReportStore {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ReportStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insertReport(String zoneCode, String kind, int year, Integer month, String title, Integer requestedDataMonth,
			LocalDate requestedAsOf, String user) {
		return this.jdbc.sql("""
				INSERT INTO report (zone_code, kind, year, month, title, requested_data_month, requested_as_of,
				  created_by)
				VALUES (:zone, :kind, :year, :month, :title, :dataMonth, :asOf, :user)
				RETURNING id""")
			.param("zone", zoneCode)
			.param("kind", kind)
			.param("year", year)
			.param("month", month)
			.param("title", title)
			.param("dataMonth", requestedDataMonth)
			.param("asOf", requestedAsOf)
			.param("user", user)
			.query(Long.class)
			.single();
	}

	void insertVersion(long reportId, int version, LocalDate dataMonth, LocalDate asOf, List<String> contributorPlans,
			String changesJson, String user) {
		this.jdbc.sql("""
				INSERT INTO report_version (report_id, version, data_month, as_of, contributor_plans, changes,
				  generated_by)
				VALUES (:id, :version, :dataMonth, :asOf, CAST(:plans AS jsonb), CAST(:changes AS jsonb), :user)""")
			.param("id", reportId)
			.param("version", version)
			.param("dataMonth", dataMonth)
			.param("asOf", asOf)
			.param("plans", this.json.writeValueAsString(contributorPlans))
			.param("changes", changesJson)
			.param("user", user)
			.update();
	}

	void insertSection(long reportId, int version, Section s) {
		this.jdbc.sql("""
				INSERT INTO report_section (report_id, version, key, position, title, generated, edited, edited_by,
				  edited_at, edit_version)
				VALUES (:id, :version, :key, :position, :title, CAST(:generated AS jsonb), CAST(:edited AS jsonb),
				  :editedBy, :editedAt, :editVersion)""")
			.param("editVersion", s.editVersion())
			.param("id", reportId)
			.param("version", version)
			.param("key", s.key())
			.param("position", s.position())
			.param("title", s.title())
			.param("generated", this.json.writeValueAsString(s.generated()))
			.param("edited", (s.edited() != null) ? this.json.writeValueAsString(s.edited()) : null)
			.param("editedBy", s.editedBy())
			.param("editedAt", (s.editedAt() != null) ? OffsetDateTime.ofInstant(s.editedAt(), ZoneOffset.UTC) : null)
			.update();
	}

	void insertFigures(long reportId, int version, List<ReportFigure> figures) {
		int position = 0;
		for (ReportFigure f : figures) {
			this.jdbc.sql("""
					INSERT INTO report_figure (report_id, version, figure_id, position, text, explanation, source)
					VALUES (:id, :version, :figure, :position, :text, :explanation, CAST(:source AS jsonb))""")
				.param("id", reportId)
				.param("version", version)
				.param("figure", f.id())
				.param("position", position++)
				.param("text", f.text())
				.param("explanation", (f.explanation() != null) ? f.explanation() : "")
				.param("source", this.json.writeValueAsString(f.source()))
				.update();
		}
	}

	Optional<Header> find(long id) {
		return this.jdbc.sql("SELECT * FROM report WHERE id = :id")
			.param("id", id)
			.query(ReportStore::report)
			.optional();
	}

	/** The report row, locked for a change. */
	Optional<Header> lock(long id) {
		return this.jdbc.sql("SELECT * FROM report WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(ReportStore::report)
			.optional();
	}

	Optional<Version> version(long reportId, int version) {
		return this.jdbc.sql("SELECT * FROM report_version WHERE report_id = :id AND version = :version")
			.param("id", reportId)
			.param("version", version)
			.query(this::version)
			.optional();
	}

	List<Version> versions(long reportId) {
		return this.jdbc.sql("SELECT * FROM report_version WHERE report_id = :id ORDER BY version DESC")
			.param("id", reportId)
			.query(this::version)
			.list();
	}

	List<Section> sections(long reportId, int version) {
		return this.jdbc
			.sql("SELECT * FROM report_section WHERE report_id = :id AND version = :version ORDER BY position")
			.param("id", reportId)
			.param("version", version)
			.query((rs, n) -> new Section(rs.getString("key"), rs.getInt("position"), rs.getString("title"),
					strings(rs.getString("generated")), strings(rs.getString("edited")), rs.getString("edited_by"),
					instant(rs, "edited_at"), rs.getLong("edit_version")))
			.list();
	}

	List<ReportFigure> figures(long reportId, int version) {
		return this.jdbc
			.sql("SELECT * FROM report_figure WHERE report_id = :id AND version = :version ORDER BY position")
			.param("id", reportId)
			.param("version", version)
			.query((rs, n) -> new ReportFigure(rs.getString("figure_id"), rs.getString("text"),
					rs.getString("explanation"), this.json.readValue(rs.getString("source"), MAP)))
			.list();
	}

	List<Plan> plans(long reportId) {
		return this.jdbc.sql("SELECT * FROM report_plan WHERE report_id = :id ORDER BY id")
			.param("id", reportId)
			.query((rs, n) -> new Plan(rs.getLong("id"), rs.getString("text"), rs.getString("added_by"),
					instant(rs, "added_at")))
			.list();
	}

	long insertPlan(long reportId, String text, String user) {
		return this.jdbc
			.sql("INSERT INTO report_plan (report_id, text, added_by) VALUES (:id, :text, :user) RETURNING id")
			.param("id", reportId)
			.param("text", text)
			.param("user", user)
			.query(Long.class)
			.single();
	}

	int deletePlan(long reportId, long planId) {
		return this.jdbc.sql("DELETE FROM report_plan WHERE report_id = :id AND id = :plan")
			.param("id", reportId)
			.param("plan", planId)
			.update();
	}

	void updateGenerated(long reportId, int version, String key, List<String> generated) {
		this.jdbc.sql("""
				UPDATE report_section SET generated = CAST(:generated AS jsonb)
				WHERE report_id = :id AND version = :version AND key = :key""")
			.param("generated", this.json.writeValueAsString(generated))
			.param("id", reportId)
			.param("version", version)
			.param("key", key)
			.update();
	}

	/**
	 * Replaces the staff's text of a section if it is still at {@code expected}.
	 * @return 1, or 0 when someone else changed the section meanwhile
	 */
	int updateEdit(long reportId, int version, String key, List<String> edited, String user, long expected) {
		int n = this.jdbc.sql("""
				UPDATE report_section SET edited = CAST(:edited AS jsonb), edited_by = :user, edited_at = :at,
				  edit_version = edit_version + 1
				WHERE report_id = :id AND version = :version AND key = :key AND edit_version = :expected""")
			.param("expected", expected)
			.param("edited", (edited != null) ? this.json.writeValueAsString(edited) : null)
			.param("user", (edited != null) ? user : null)
			.param("at", (edited != null) ? OffsetDateTime.now(ZoneOffset.UTC) : null)
			.param("id", reportId)
			.param("version", version)
			.param("key", key)
			.update();
		touch(reportId);
		return n;
	}

	/**
	 * Counts a change of the staff's plans if they are still at {@code expected}.
	 * @return 1, or 0 when someone else changed them meanwhile
	 */
	int bumpPlansVersion(long reportId, long expected) {
		return this.jdbc
			.sql("UPDATE report SET plans_version = plans_version + 1 WHERE id = :id AND plans_version = :v")
			.param("id", reportId)
			.param("v", expected)
			.update();
	}

	void newVersion(long reportId, int version, String title, Integer requestedDataMonth, LocalDate requestedAsOf) {
		this.jdbc.sql("""
				UPDATE report SET current_version = :version, title = :title, requested_data_month = :dataMonth,
				  requested_as_of = :asOf, updated_at = now() WHERE id = :id""")
			.param("version", version)
			.param("title", title)
			.param("dataMonth", requestedDataMonth)
			.param("asOf", requestedAsOf)
			.param("id", reportId)
			.update();
	}

	void finalize(long reportId, String user) {
		this.jdbc.sql("""
				UPDATE report SET status = 'FINAL', finalized_by = :user, finalized_at = now(), updated_at = now()
				WHERE id = :id""").param("user", user).param("id", reportId).update();
	}

	void touch(long reportId) {
		this.jdbc.sql("UPDATE report SET updated_at = now() WHERE id = :id").param("id", reportId).update();
	}

	/** Search criteria of the report list; null fields are not filtered on. */
	record Query(List<String> zones, String kind, Integer year, String status, int page, int size) {
	}

	List<Header> list(Query q) {
		StringBuilder where = new StringBuilder();
		JdbcClient.StatementSpec spec = this.jdbc.sql("SELECT * FROM report" + where(q, where)
				+ " ORDER BY year DESC, created_at DESC, id DESC LIMIT :limit OFFSET :offset");
		bind(spec, q);
		return spec.param("limit", q.size())
			.param("offset", (long) q.page() * q.size())
			.query(ReportStore::report)
			.list();
	}

	long count(Query q) {
		JdbcClient.StatementSpec spec = this.jdbc.sql("SELECT count(*) FROM report" + where(q, new StringBuilder()));
		bind(spec, q);
		return spec.query(Long.class).single();
	}

	private static String where(Query q, StringBuilder where) {
		where.append(" WHERE zone_code IN (:zones)");
		if (q.kind() != null) {
			where.append(" AND kind = :kind");
		}
		if (q.year() != null) {
			where.append(" AND year = :year");
		}
		if (q.status() != null) {
			where.append(" AND status = :status");
		}
		return where.toString();
	}

	private static void bind(JdbcClient.StatementSpec spec, Query q) {
		spec.param("zones", q.zones());
		if (q.kind() != null) {
			spec.param("kind", q.kind());
		}
		if (q.year() != null) {
			spec.param("year", q.year());
		}
		if (q.status() != null) {
			spec.param("status", q.status());
		}
	}

	private static Header report(ResultSet rs, int n) throws SQLException {
		return new Header(rs.getLong("id"), rs.getString("zone_code"), rs.getString("kind"), rs.getInt("year"),
				(Integer) rs.getObject("month"), rs.getString("title"), rs.getString("status"),
				rs.getInt("current_version"), (Integer) rs.getObject("requested_data_month"),
				rs.getObject("requested_as_of", LocalDate.class), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getString("finalized_by"), instant(rs, "finalized_at"),
				rs.getLong("plans_version"));
	}

	private Version version(ResultSet rs, int n) throws SQLException {
		return new Version(rs.getInt("version"), rs.getObject("data_month", LocalDate.class),
				rs.getObject("as_of", LocalDate.class), strings(rs.getString("contributor_plans")),
				rs.getString("changes"), rs.getString("generated_by"), instant(rs, "generated_at"));
	}

	private List<String> strings(String value) {
		return (value != null) ? new ArrayList<>(this.json.readValue(value, STRINGS)) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return (t != null) ? t.toInstant() : null;
	}

}
