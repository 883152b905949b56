package io.parkops.service.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.service.internal.ServiceViews.RequestView;
import io.parkops.service.internal.ServiceViews.StepView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of requests (诉求) and their steps.
 */
@Repository
class RequestStore {

	static final List<String> OPEN = List.of("SUBMITTED", "IN_PROGRESS");

	private final JdbcClient jdbc;

	private final io.parkops.enterprise.EnterpriseRegistry enterprises;

	RequestStore(JdbcClient jdbc, io.parkops.enterprise.EnterpriseRegistry enterprises) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
	}

	/** A text for ILIKE with its wildcards escaped. */
	static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** At most this many enterprises found by name take part in a search. */
	static final int NAMED_LIMIT = 20_000;

	/**
	 * A list's total is counted up to this many rows past the page shown; beyond, the
	 * page says "more than" (counting every one of 100,000 rows took most of the list's
	 * time).
	 */
	static final int COUNT_AHEAD = 10_000;

	/** A list filter; null fields do not filter. */
	record Filter(Scopes scope, String status, String category, String enterprise, Boolean overdue, String q,
			LocalDate from, LocalDate to, int page, int size) {
	}

	long insert(String zone, String creditCode, String channel, String category, String title, String content,
			LocalDate raisedOn, LocalDate deadline, String by, Long visitId) {
		return this.jdbc.sql("""
				INSERT INTO service_request (zone_code, credit_code, channel, category, title, content, raised_on,
				  deadline, status, created_by, visit_id)
				VALUES (:zone, :cc, :channel, :category, :title, :content, :raised, :deadline, 'SUBMITTED', :by, :visit)
				RETURNING id""")
			.param("visit", visitId, java.sql.Types.BIGINT)
			.param("zone", zone)
			.param("cc", creditCode)
			.param("channel", channel)
			.param("category", category)
			.param("title", title)
			.param("content", content)
			.param("raised", raisedOn)
			.param("deadline", deadline)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	void step(long id, String step, LocalDate on, String actor, String text) {
		this.jdbc
			.sql("INSERT INTO service_request_step (request_id, step, on_date, actor, text)"
					+ " VALUES (:id, :step, :on, :actor, :text)")
			.param("id", id)
			.param("step", step)
			.param("on", on)
			.param("actor", actor)
			.param("text", text)
			.update();
	}

	/**
	 * Changes a request when it is in one of {@code from}; the number of rows changed.
	 */
	int transition(long id, List<String> from, String set, Map<String, Object> params) {
		var spec = this.jdbc
			.sql("UPDATE service_request SET " + set + ", version = version + 1 WHERE id = :id AND status IN (:from)")
			.param("id", id)
			.param("from", from);
		for (Map.Entry<String, Object> p : params.entrySet()) {
			spec = spec.param(p.getKey(), p.getValue());
		}
		return spec.update();
	}

	private static final String SELECT = "SELECT r.*, (r.status IN ('SUBMITTED','IN_PROGRESS') AND r.deadline < :today)"
			+ " AS is_overdue FROM service_request r";

	static RequestView map(ResultSet rs, int n) throws SQLException {
		return new RequestView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("credit_code"), null,
				rs.getString("channel"), rs.getString("category"), rs.getString("title"), rs.getString("content"),
				rs.getObject("raised_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
				rs.getString("status"), rs.getBoolean("is_overdue"), rs.getString("level"), rs.getString("department"),
				rs.getString("handler"), rs.getObject("handled_on", LocalDate.class),
				rs.getObject("resolved_on", LocalDate.class), rs.getString("result"),
				(Integer) rs.getObject("satisfaction", Integer.class), rs.getString("rating_comment"),
				rs.getObject("rated_on", LocalDate.class), rs.getInt("reopened"),
				rs.getObject("withdrawn_on", LocalDate.class), rs.getObject("escalated_on", LocalDate.class),
				rs.getString("created_by"), rs.getLong("version"), (Long) rs.getObject("visit_id", Long.class));
	}

	Optional<RequestView> find(long id, LocalDate today) {
		return this.jdbc.sql(SELECT + " WHERE r.id = :id")
			.param("id", id)
			.param("today", today)
			.query(RequestStore::map)
			.optional();
	}

	List<StepView> steps(long id) {
		return this.jdbc.sql("SELECT * FROM service_request_step WHERE request_id = :id ORDER BY id")
			.param("id", id)
			.query((rs, n) -> new StepView(rs.getString("step"), rs.getObject("on_date", LocalDate.class),
					rs.getString("actor"), rs.getString("text")))
			.list();
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private Where where(Filter f, LocalDate today) {
		List<String> clauses = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("today", today);
		if (f.scope().onlyCreditCode() != null) {
			clauses.add("r.credit_code = :only");
			params.put("only", f.scope().onlyCreditCode());
		}
		else {
			clauses.add("r.zone_code IN (:zones)");
			params.put("zones", f.scope().zones().isEmpty() ? List.of("-") : f.scope().zones());
		}
		if (f.status() != null) {
			clauses.add("r.status = :status");
			params.put("status", f.status());
		}
		if (f.category() != null) {
			clauses.add("r.category = :category");
			params.put("category", f.category());
		}
		if (f.enterprise() != null) {
			clauses.add("r.credit_code = :cc");
			params.put("cc", f.enterprise());
		}
		if (Boolean.TRUE.equals(f.overdue())) {
			clauses.add("r.status IN ('SUBMITTED','IN_PROGRESS') AND r.deadline < :today");
		}
		else if (Boolean.FALSE.equals(f.overdue())) {
			clauses.add("NOT (r.status IN ('SUBMITTED','IN_PROGRESS') AND r.deadline < :today)");
		}
		if (f.from() != null) {
			clauses.add("r.raised_on >= :from");
			params.put("from", f.from());
		}
		if (f.to() != null) {
			clauses.add("r.raised_on <= :to");
			params.put("to", f.to());
		}
		if (f.q() != null) {
			// the registry answers the names from its trigram index; title and content
			// have
			// their own (V3), so the three conditions combine as one bitmap scan
			List<String> named = this.enterprises.creditCodesNamed(f.scope().zones(), f.q(), NAMED_LIMIT);
			clauses.add("(r.title ILIKE :q OR r.content ILIKE :q OR r.credit_code = ANY(:named))");
			params.put("q", "%" + like(f.q()) + "%");
			params.put("named", named.toArray(String[]::new));
		}
		return new Where(" WHERE " + String.join(" AND ", clauses), params);
	}

	List<RequestView> list(Filter f, LocalDate today) {
		Where w = where(f, today);
		var spec = this.jdbc.sql(SELECT + w.sql() + " ORDER BY r.raised_on DESC, r.id DESC LIMIT :limit OFFSET :offset")
			.param("limit", f.size())
			.param("offset", (long) f.page() * f.size());
		for (Map.Entry<String, Object> p : w.params().entrySet()) {
			spec = spec.param(p.getKey(), p.getValue());
		}
		return spec.query(RequestStore::map).list();
	}

	/**
	 * How many requests match, counted up to {@code cap} (the count stops there: the
	 * caller shows "more than").
	 */
	long count(Filter f, LocalDate today, long cap) {
		Where w = where(f, today);
		var spec = this.jdbc
			.sql("SELECT count(*) FROM (SELECT 1 FROM service_request r" + w.sql() + " LIMIT :cap) AS counted")
			.param("cap", cap);
		for (Map.Entry<String, Object> p : w.params().entrySet()) {
			spec = spec.param(p.getKey(), p.getValue());
		}
		return spec.query(Long.class).single();
	}

	/**
	 * Open requests past their deadline not yet escalated: marks them escalated today.
	 */
	List<Long> escalate(String zone, LocalDate today) {
		return this.jdbc.sql("""
				UPDATE service_request SET escalated_on = :today
				WHERE status IN ('SUBMITTED','IN_PROGRESS') AND deadline < :today AND escalated_on IS NULL
				""" + ((zone != null) ? " AND zone_code = :zone" : "") + " RETURNING id")
			.param("today", today)
			.param("zone", zone)
			.query(Long.class)
			.list();
	}

	/** How many and the oldest deadline of a zone's (or an enterprise's) requests. */
	record Due(long count, LocalDate oldest) {
	}

	Due due(String zone, String creditCode, List<String> statuses, boolean overdueOnly, LocalDate today) {
		String sql = "SELECT count(*) AS n, min(deadline) AS oldest FROM service_request WHERE status IN (:st)"
				+ ((zone != null) ? " AND zone_code = :zone" : "")
				+ ((creditCode != null) ? " AND credit_code = :cc" : "")
				+ (overdueOnly ? " AND deadline < :today" : "");
		var spec = this.jdbc.sql(sql).param("st", statuses).param("today", today);
		if (zone != null) {
			spec = spec.param("zone", zone);
		}
		if (creditCode != null) {
			spec = spec.param("cc", creditCode);
		}
		return spec.query((rs, n) -> new Due(rs.getLong("n"), rs.getObject("oldest", LocalDate.class))).single();
	}

}
