package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.economy.Indicator;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ParkOpsException.FieldProblem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Correction requests (更正申请): an enterprise rewrites a month older than the correction
 * window ({@code parkops.economy.correction-months}) only through a request that economy
 * staff accept; accepting applies it as a correction with its revision, rejecting keeps
 * the month as it is. Every step is audited.
 */
@Service
public class CorrectionRequests {

	private static final TypeReference<LinkedHashMap<String, BigDecimal>> FIGURES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final EnterpriseRegistry registry;

	private final MonthlyReporting reporting;

	private final AuditTrail audit;

	CorrectionRequests(JdbcClient jdbc, JsonMapper json, EnterpriseRegistry registry, MonthlyReporting reporting,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.registry = registry;
		this.reporting = reporting;
		this.audit = audit;
	}

	/** A request as the API answers it. */
	public record CorrectionRequest(long id, String creditCode, String name, String month,
			Map<String, BigDecimal> values, Map<String, BigDecimal> priorYear, String reason, String status,
			String requestedBy, OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt,
			String decisionNote) {
	}

	/** Asks for a correction of a month; the month stays as it is until staff accept. */
	@Transactional
	public CorrectionRequest request(String creditCode, String monthText, MonthlyReporting.Submission submission) {
		CurrentUser me = CurrentUser.get();
		if (!me.has(MonthlyReporting.SUBMIT)) {
			throw new ForbiddenException("error.forbidden");
		}
		Enterprise enterprise = this.registry.requireVisible(creditCode);
		YearMonth month = Months.parseReported(monthText, "month");
		if (submission == null) {
			throw InvalidInputException.of("values", "error.required");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<Indicator, BigDecimal> values = MonthlyReporting.parse(submission.values(), "values", problems);
		Map<Indicator, BigDecimal> prior = MonthlyReporting.parse(submission.priorYear(), "priorYear", problems);
		if (values.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("values", "error.economy.noFigures"));
		}
		String reason = (submission.reason() != null) ? submission.reason().trim() : "";
		if (reason.isEmpty()) {
			problems.add(new FieldProblem("reason", "error.required"));
		}
		else if (reason.length() > 500) {
			problems.add(new FieldProblem("reason", "error.economy.tooLong", 500));
		}
		else if (Inputs.hasControlCharacters(reason, true)) {
			problems.add(new FieldProblem("reason", "error.controlCharacters"));
		}
		String note = Inputs.trim(submission.note());
		if (note != null && note.length() > 500) {
			problems.add(new FieldProblem("note", "error.economy.tooLong", 500));
		}
		else if (note != null && Inputs.hasControlCharacters(note, true)) {
			problems.add(new FieldProblem("note", "error.controlCharacters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = this.jdbc.sql("""
				INSERT INTO economy_correction_request (credit_code, month, zone_code, values_json, prior_json, reason,
				  requested_by) VALUES (:c, :m, :z, :v, :p, :r, :by) RETURNING id
				""")
			.param("c", enterprise.creditCode())
			.param("m", month.atDay(1))
			.param("z", enterprise.zoneCode())
			.param("v", this.json.writeValueAsString(MonthlyFiguresStore.codes(values)))
			.param("p", this.json.writeValueAsString(MonthlyFiguresStore.codes(prior)))
			.param("r", reason)
			.param("by", me.username())
			.query(Long.class)
			.single();
		CorrectionRequest saved = find(id);
		this.audit.recordChange("REQUEST_CORRECTION", "economy_correction_request", Long.toString(id), null,
				auditView(saved));
		return saved;
	}

	/** The requests of a zone, pending ones first, newest first. */
	@Transactional(readOnly = true)
	public List<CorrectionRequest> list(String zoneCode, String status) {
		CurrentUser me = staff();
		me.checkZone(zoneCode);
		String wanted = Inputs.trim(status);
		return this.jdbc
			.sql(SELECT + " WHERE zone_code = :z AND (CAST(:s AS text) IS NULL OR status = :s)"
					+ " ORDER BY (status = 'PENDING') DESC, requested_at DESC LIMIT 500")
			.param("z", zoneCode)
			.param("s", (wanted == null) ? null : wanted.toUpperCase(java.util.Locale.ROOT))
			.query(this::map)
			.list();
	}

	/** Accepts a pending request: the month is corrected as asked, with its revision. */
	@Transactional
	public CorrectionRequest accept(long id, String note) {
		CurrentUser me = staff();
		CorrectionRequest request = pending(id, me);
		MonthlyReporting.Submission submission = new MonthlyReporting.Submission(request.values(), request.priorYear(),
				null, "更正申请#" + id + "：" + request.reason());
		this.reporting.correctApproved(request.creditCode(), request.month(), submission);
		return decide(request, "ACCEPTED", note, me);
	}

	/** Rejects a pending request: the month stays as it is. */
	@Transactional
	public CorrectionRequest reject(long id, String note) {
		CurrentUser me = staff();
		CorrectionRequest request = pending(id, me);
		if (note == null || note.isBlank()) {
			throw InvalidInputException.of("note", "error.required");
		}
		return decide(request, "REJECTED", note, me);
	}

	private CorrectionRequest decide(CorrectionRequest request, String status, String note, CurrentUser me) {
		String text = Inputs.trim(note);
		if (text != null && text.length() > 500) {
			throw InvalidInputException.of("note", "error.economy.tooLong", 500);
		}
		this.jdbc.sql("""
				UPDATE economy_correction_request SET status = :s, decided_by = :by, decided_at = now(),
				  decision_note = :n WHERE id = :id
				""").param("s", status).param("by", me.username()).param("n", text).param("id", request.id()).update();
		CorrectionRequest decided = find(request.id());
		this.audit.recordChange("ACCEPTED".equals(status) ? "ACCEPT_CORRECTION" : "REJECT_CORRECTION",
				"economy_correction_request", Long.toString(request.id()), auditView(request), auditView(decided));
		return decided;
	}

	private CorrectionRequest pending(long id, CurrentUser me) {
		CorrectionRequest request = this.jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("error.economy.correctionNotFound", id));
		me.checkZone(this.registry.requireVisible(request.creditCode()).zoneCode());
		if (!"PENDING".equals(request.status())) {
			throw new ConflictException("error.economy.correctionDecided", id);
		}
		return request;
	}

	private CorrectionRequest find(long id) {
		return this.jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).single();
	}

	/** Economy staff decide: not the enterprise itself. */
	private static CurrentUser staff() {
		CurrentUser me = CurrentUser.get();
		if (!me.has(MonthlyReporting.SUBMIT) || me.isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
		return me;
	}

	private static final String SELECT = "SELECT id, credit_code, month, values_json, prior_json, reason, status,"
			+ " requested_by, requested_at, decided_by, decided_at, decision_note FROM economy_correction_request";

	private CorrectionRequest map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String code = rs.getString("credit_code");
		String name = this.registry.find(code).map(Enterprise::name).orElse(code);
		return new CorrectionRequest(rs.getLong("id"), code, name,
				YearMonth.from(rs.getObject("month", java.time.LocalDate.class)).toString(),
				this.json.readValue(rs.getString("values_json"), FIGURES),
				this.json.readValue(rs.getString("prior_json"), FIGURES), rs.getString("reason"),
				rs.getString("status"), rs.getString("requested_by"),
				rs.getObject("requested_at", OffsetDateTime.class), rs.getString("decided_by"),
				rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_note"));
	}

	private static Map<String, Object> auditView(CorrectionRequest r) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("enterprise", r.creditCode());
		view.put("month", r.month());
		view.put("values", r.values());
		view.put("priorYear", r.priorYear());
		view.put("reason", r.reason());
		view.put("status", r.status());
		if (r.decisionNote() != null) {
			view.put("decisionNote", r.decisionNote());
		}
		return view;
	}

}
