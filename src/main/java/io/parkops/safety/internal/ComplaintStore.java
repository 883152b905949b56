package io.parkops.safety.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.parkops.safety.internal.SafetyViews.ComplaintView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of complaints from the public (信访件).
 */
@Repository
class ComplaintStore {

	private final JdbcClient jdbc;

	ComplaintStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertComplaint(String zone, LocalDate receivedOn, String source, String content, String creditCode,
			LocalDate deadline, String by) {
		return this.jdbc.sql("""
				INSERT INTO safety_complaint (zone_code, received_on, source, content, credit_code, deadline, status,
				  created_by) VALUES (:zone, :on, :source, :content, :cc, :deadline, 'RECEIVED', :by) RETURNING id
				""")
			.param("zone", zone)
			.param("on", receivedOn)
			.param("source", source)
			.param("content", content)
			.param("cc", creditCode)
			.param("deadline", deadline)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	private static final String COMPLAINT = "SELECT c.*, (c.status <> 'CLOSED' AND c.deadline < :today) AS is_late"
			+ " FROM safety_complaint c";

	private static ComplaintView complaint(ResultSet rs, int n) throws SQLException {
		return new ComplaintView(rs.getLong("id"), rs.getString("zone_code"),
				rs.getObject("received_on", LocalDate.class), rs.getString("source"), rs.getString("content"),
				rs.getString("credit_code"), rs.getObject("deadline", LocalDate.class), rs.getString("status"),
				rs.getBoolean("is_late"), rs.getObject("handled_on", LocalDate.class), rs.getString("handling_note"),
				rs.getObject("answered_on", LocalDate.class), rs.getString("answer"),
				rs.getObject("closed_on", LocalDate.class), rs.getString("reply"), rs.getLong("version"));
	}

	Optional<ComplaintView> findComplaint(long id, LocalDate today) {
		return this.jdbc.sql(COMPLAINT + " WHERE c.id = :id")
			.param("id", id)
			.param("today", today)
			.query(ComplaintStore::complaint)
			.optional();
	}

	List<ComplaintView> complaints(List<String> zones, String status, LocalDate today, int page, int size) {
		return this.jdbc.sql(COMPLAINT + """
				 WHERE c.zone_code = ANY(:zones) AND (CAST(:status AS text) IS NULL OR c.status = :status)
				 ORDER BY c.received_on DESC, c.id DESC LIMIT :limit OFFSET :offset
				""")
			.param("zones", zones.toArray(String[]::new))
			.param("status", status)
			.param("today", today)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(ComplaintStore::complaint)
			.list();
	}

	long countComplaints(List<String> zones, String status) {
		return this.jdbc.sql("""
				SELECT count(*) FROM safety_complaint c WHERE c.zone_code = ANY(:zones)
				  AND (CAST(:status AS text) IS NULL OR c.status = :status)
				""").param("zones", zones.toArray(String[]::new)).param("status", status).query(Long.class).single();
	}

	int moveComplaint(long id, List<String> from, String to, String column, LocalDate on, String textColumn,
			String text) {
		// column names come from the service's constants, never from input
		return this.jdbc
			.sql("UPDATE safety_complaint SET status = :to, " + column + " = :on, " + textColumn
					+ " = :text, version = version + 1 WHERE id = :id AND status = ANY(:from)")
			.param("to", to)
			.param("on", on)
			.param("text", text)
			.param("id", id)
			.param("from", from.toArray(String[]::new))
			.update();
	}

}
