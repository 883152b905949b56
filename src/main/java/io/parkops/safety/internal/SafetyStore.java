package io.parkops.safety.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.parkops.safety.internal.SafetyViews.ComplaintView;
import io.parkops.safety.internal.SafetyViews.DutyView;
import io.parkops.safety.internal.SafetyViews.HazardStep;
import io.parkops.safety.internal.SafetyViews.HazardView;
import io.parkops.safety.internal.SafetyViews.InspectionView;
import io.parkops.safety.internal.SafetyViews.NoticeView;
import io.parkops.safety.internal.SafetyViews.PatrolView;
import io.parkops.safety.internal.SafetyViews.PenaltyView;
import io.parkops.safety.internal.SafetyViews.PhotoInfo;
import io.parkops.safety.internal.SafetyViews.PlanView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the safety module's records (never another module's tables).
 */
@Repository
public class SafetyStore {

	private final JdbcClient jdbc;

	SafetyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Which rows a user may see: some zones, and for an enterprise user one enterprise.
	 */
	public record Scope(List<String> zones, String onlyCreditCode) {
	}

	// ---- inspections

	long insertInspection(String zone, String kind, LocalDate on, String organizer, List<String> agencies,
			String people, String notes, String by) {
		return this.jdbc.sql("""
				INSERT INTO safety_inspection (zone_code, kind, inspected_on, organizer, agencies, people, notes,
				  created_by) VALUES (:zone, :kind, :on, :organizer, :agencies, :people, :notes, :by) RETURNING id
				""")
			.param("zone", zone)
			.param("kind", kind)
			.param("on", on)
			.param("organizer", organizer)
			.param("agencies", agencies.toArray(String[]::new))
			.param("people", people)
			.param("notes", notes)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	void addInspectedEnterprise(long inspectionId, String creditCode) {
		this.jdbc.sql("""
				INSERT INTO safety_inspection_enterprise (inspection_id, credit_code) VALUES (:id, :cc)
				ON CONFLICT DO NOTHING
				""").param("id", inspectionId).param("cc", creditCode).update();
	}

	private static final String INSPECTION = """
			SELECT i.*, ARRAY(SELECT e.credit_code FROM safety_inspection_enterprise e WHERE e.inspection_id = i.id
			  ORDER BY e.credit_code) AS codes,
			  (SELECT count(*) FROM safety_hazard h WHERE h.inspection_id = i.id) AS hazards
			FROM safety_inspection i
			""";

	private static InspectionView inspection(ResultSet rs, int n) throws SQLException {
		return new InspectionView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("kind"),
				rs.getObject("inspected_on", LocalDate.class), rs.getString("organizer"),
				strings(rs.getArray("agencies")), rs.getString("people"), rs.getString("notes"),
				strings(rs.getArray("codes")), rs.getLong("hazards"), rs.getString("created_by"));
	}

	Optional<InspectionView> findInspection(long id) {
		return this.jdbc.sql(INSPECTION + " WHERE i.id = :id")
			.param("id", id)
			.query(SafetyStore::inspection)
			.optional();
	}

	List<InspectionView> inspections(List<String> zones, String kind, LocalDate from, LocalDate to, int page,
			int size) {
		return this.jdbc.sql(INSPECTION + """
				 WHERE i.zone_code = ANY(:zones) AND (CAST(:kind AS text) IS NULL OR i.kind = :kind)
				   AND (CAST(:from AS date) IS NULL OR i.inspected_on >= :from)
				   AND (CAST(:to AS date) IS NULL OR i.inspected_on <= :to)
				 ORDER BY i.inspected_on DESC, i.id DESC LIMIT :limit OFFSET :offset
				""")
			.param("zones", zones.toArray(String[]::new))
			.param("kind", kind)
			.param("from", from)
			.param("to", to)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(SafetyStore::inspection)
			.list();
	}

	long countInspections(List<String> zones, String kind, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT count(*) FROM safety_inspection i WHERE i.zone_code = ANY(:zones)
				   AND (CAST(:kind AS text) IS NULL OR i.kind = :kind)
				   AND (CAST(:from AS date) IS NULL OR i.inspected_on >= :from)
				   AND (CAST(:to AS date) IS NULL OR i.inspected_on <= :to)
				""")
			.param("zones", zones.toArray(String[]::new))
			.param("kind", kind)
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
	}

	// ---- hazards

	static final String HAZARD = """
			SELECT h.*, (h.status <> 'ACCEPTED' AND h.deadline < :today) AS is_overdue,
			  EXISTS (SELECT 1 FROM safety_hazard_plan p WHERE p.hazard_id = h.id) AS has_plan
			FROM safety_hazard h
			""";

	private RowMapperWithLevels hazardMapper(List<String> planLevels) {
		return new RowMapperWithLevels(planLevels);
	}

	/** Maps hazard rows, knowing which levels need a plan. */
	record RowMapperWithLevels(List<String> planLevels) implements org.springframework.jdbc.core.RowMapper<HazardView> {

		@Override
		public HazardView mapRow(ResultSet rs, int n) throws SQLException {
			long inspection = rs.getLong("inspection_id");
			return new HazardView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("credit_code"), null,
					rs.wasNull() ? null : inspection, rs.getString("level"), rs.getString("category"),
					rs.getString("description"), rs.getString("location"), rs.getString("rectification_type"),
					rs.getObject("found_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
					rs.getString("responsible_person"), rs.getString("status"), rs.getBoolean("is_overdue"),
					rs.getObject("overdue_since", LocalDate.class), rs.getObject("rectified_on", LocalDate.class),
					rs.getString("measures"), rs.getObject("accepted_on", LocalDate.class),
					this.planLevels.contains(rs.getString("level")), rs.getBoolean("has_plan"), rs.getLong("version"));
		}

	}

	long insertHazard(String zone, String creditCode, Long inspectionId, String level, String category,
			String description, String location, String type, LocalDate foundOn, LocalDate deadline, String responsible,
			String by) {
		return this.jdbc.sql("""
				INSERT INTO safety_hazard (zone_code, credit_code, inspection_id, level, category, description,
				  location, rectification_type, found_on, deadline, responsible_person, status, created_by)
				VALUES (:zone, :cc, :inspection, :level, :category, :description, :location, :type, :found,
				  :deadline, :responsible, 'PENDING', :by) RETURNING id
				""")
			.param("zone", zone)
			.param("cc", creditCode)
			.param("inspection", inspectionId)
			.param("level", level)
			.param("category", category)
			.param("description", description)
			.param("location", location)
			.param("type", type)
			.param("found", foundOn)
			.param("deadline", deadline)
			.param("responsible", responsible)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Optional<HazardView> findHazard(long id, LocalDate today, List<String> planLevels) {
		return this.jdbc.sql(HAZARD + " WHERE h.id = :id")
			.param("id", id)
			.param("today", today)
			.query(hazardMapper(planLevels))
			.optional();
	}

	List<HazardView> hazardsByIds(List<Long> ids, LocalDate today, List<String> planLevels) {
		return this.jdbc.sql(HAZARD + " WHERE h.id = ANY(:ids) ORDER BY h.id")
			.param("ids", ids.toArray(Long[]::new))
			.param("today", today)
			.query(hazardMapper(planLevels))
			.list();
	}

	/** Moves a hazard to a new status if it is still in one of the expected ones. */
	int moveHazard(long id, List<String> from, String to, LocalDate rectifiedOn, String measures,
			LocalDate acceptedOn) {
		return this.jdbc.sql("""
				UPDATE safety_hazard SET status = :to, rectified_on = COALESCE(:rectified, rectified_on),
				  measures = COALESCE(:measures, measures), accepted_on = :accepted, updated_at = now(),
				  version = version + 1
				WHERE id = :id AND status = ANY(:from)
				""")
			.param("to", to)
			.param("rectified", rectifiedOn)
			.param("measures", measures)
			.param("accepted", acceptedOn)
			.param("id", id)
			.param("from", from.toArray(String[]::new))
			.update();
	}

	void insertStep(long hazardId, String action, String status, LocalDate on, String note, String actor) {
		this.jdbc.sql("""
				INSERT INTO safety_hazard_step (hazard_id, action, status, step_on, note, actor)
				VALUES (:id, :action, :status, :on, :note, :actor)
				""")
			.param("id", hazardId)
			.param("action", action)
			.param("status", status)
			.param("on", on)
			.param("note", note)
			.param("actor", actor)
			.update();
	}

	List<HazardStep> steps(long hazardId) {
		return this.jdbc.sql("SELECT * FROM safety_hazard_step WHERE hazard_id = :id ORDER BY id")
			.param("id", hazardId)
			.query((rs, n) -> new HazardStep(rs.getLong("id"), rs.getString("action"), rs.getString("status"),
					rs.getObject("step_on", LocalDate.class), rs.getString("note"), rs.getString("actor"),
					rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** The filters of the hazard list; null means any. */
	public record HazardFilter(String zone, String enterprise, String status, Boolean overdue, Boolean dueSoon,
			String level, String category, Long inspectionId, String q, int page, int size) {

		public HazardFilter {
			page = Math.max(page, 0);
			size = Math.min(Math.max(size, 1), 500);
		}

	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private static Where where(HazardFilter f, Scope scope, LocalDate today, int dueSoonDays) {
		// one zone (the usual case) as an equality, so the index also gives the order
		StringBuilder sql = new StringBuilder(
				(scope.zones().size() == 1) ? " WHERE h.zone_code = :zone" : " WHERE h.zone_code = ANY(:zones)");
		Map<String, Object> params = new HashMap<>();
		if (scope.zones().size() == 1) {
			params.put("zone", scope.zones().get(0));
		}
		else {
			params.put("zones", scope.zones().toArray(String[]::new));
		}
		params.put("today", today);
		String enterprise = (scope.onlyCreditCode() != null) ? scope.onlyCreditCode() : f.enterprise();
		if (enterprise != null) {
			sql.append(" AND h.credit_code = :cc");
			params.put("cc", enterprise);
		}
		if (f.status() != null) {
			sql.append(" AND h.status = :status");
			params.put("status", f.status());
		}
		if (Boolean.TRUE.equals(f.overdue())) {
			sql.append(" AND h.status <> 'ACCEPTED' AND h.deadline < :today");
		}
		else if (Boolean.FALSE.equals(f.overdue())) {
			sql.append(" AND NOT (h.status <> 'ACCEPTED' AND h.deadline < :today)");
		}
		if (Boolean.TRUE.equals(f.dueSoon())) {
			sql.append(" AND h.status <> 'ACCEPTED' AND h.deadline >= :today AND h.deadline <= :soon");
			params.put("soon", today.plusDays(dueSoonDays));
		}
		if (f.level() != null) {
			sql.append(" AND h.level = :level");
			params.put("level", f.level());
		}
		if (f.category() != null) {
			sql.append(" AND h.category = :category");
			params.put("category", f.category());
		}
		if (f.inspectionId() != null) {
			sql.append(" AND h.inspection_id = :inspection");
			params.put("inspection", f.inspectionId());
		}
		if (f.q() != null) {
			sql.append(" AND (h.description ILIKE :q OR h.location ILIKE :q)");
			params.put("q", "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return new Where(sql.toString(), params);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
		params.forEach(spec::param);
		return spec;
	}

	List<HazardView> hazards(HazardFilter f, Scope scope, LocalDate today, int dueSoonDays, List<String> planLevels) {
		Where w = where(f, scope, today, dueSoonDays);
		String order = (Boolean.TRUE.equals(f.overdue()) || Boolean.TRUE.equals(f.dueSoon()))
				? " ORDER BY h.deadline, h.id" : " ORDER BY h.found_on DESC, h.id DESC";
		return bind(this.jdbc.sql(HAZARD + w.sql() + order + " LIMIT :limit OFFSET :offset"), w.params())
			.param("limit", f.size())
			.param("offset", (long) f.page() * f.size())
			.query(hazardMapper(planLevels))
			.list();
	}

	void eachHazard(HazardFilter f, Scope scope, LocalDate today, int dueSoonDays, List<String> planLevels,
			Consumer<HazardView> consumer) {
		Where w = where(f, scope, today, dueSoonDays);
		// the stream holds its connection until closed
		try (java.util.stream.Stream<HazardView> rows = bind(
				this.jdbc.sql(HAZARD + w.sql() + " ORDER BY h.found_on DESC, h.id DESC"), w.params())
			.query(hazardMapper(planLevels))
			.stream()) {
			rows.forEach(consumer);
		}
	}

	long countHazards(HazardFilter f, Scope scope, LocalDate today, int dueSoonDays) {
		if (scope.onlyCreditCode() == null && f.enterprise() == null && f.overdue() == null && f.dueSoon() == null
				&& f.level() == null && f.category() == null && f.inspectionId() == null && f.q() == null) {
			// zones and status only: the tally the trigger keeps
			return this.jdbc.sql("""
					SELECT COALESCE(sum(n), 0) FROM safety_hazard_tally WHERE zone_code = ANY(:zones)
					  AND (CAST(:status AS text) IS NULL OR status = :status)
					""")
				.param("zones", scope.zones().toArray(String[]::new))
				.param("status", f.status())
				.query(Long.class)
				.single();
		}
		Where w = where(f, scope, today, dueSoonDays);
		return bind(this.jdbc.sql("SELECT count(*) FROM safety_hazard h" + w.sql()), w.params()).query(Long.class)
			.single();
	}

	/** Open hazards past their deadline not yet marked overdue on the given day. */
	List<Long> unmarkedOverdue(LocalDate today) {
		return this.jdbc.sql("""
				SELECT id FROM safety_hazard WHERE status <> 'ACCEPTED' AND deadline < :today AND overdue_since IS NULL
				ORDER BY id
				""").param("today", today).query(Long.class).list();
	}

	int markOverdue(long id, LocalDate today) {
		return this.jdbc.sql("""
				UPDATE safety_hazard SET overdue_since = deadline + 1, updated_at = now(), version = version + 1
				WHERE id = :id AND overdue_since IS NULL AND status <> 'ACCEPTED' AND deadline < :today
				""").param("id", id).param("today", today).update();
	}

	// ---- plans

	Optional<PlanView> plan(long hazardId) {
		return this.jdbc.sql("SELECT * FROM safety_hazard_plan WHERE hazard_id = :id")
			.param("id", hazardId)
			.query((rs, n) -> new PlanView(rs.getString("target"), rs.getString("measures"), rs.getBigDecimal("funds"),
					rs.getString("people"), rs.getObject("deadline", LocalDate.class), rs.getString("safety_measures"),
					rs.getString("updated_by"), rs.getLong("version")))
			.optional();
	}

	void savePlan(long hazardId, SafetyCommands.RemediationPlan p, LocalDate deadline, String by) {
		this.jdbc.sql("""
				INSERT INTO safety_hazard_plan (hazard_id, target, measures, funds, people, deadline, safety_measures,
				  updated_by) VALUES (:id, :target, :measures, :funds, :people, :deadline, :safety, :by)
				ON CONFLICT (hazard_id) DO UPDATE SET target = EXCLUDED.target, measures = EXCLUDED.measures,
				  funds = EXCLUDED.funds, people = EXCLUDED.people, deadline = EXCLUDED.deadline,
				  safety_measures = EXCLUDED.safety_measures, updated_by = EXCLUDED.updated_by, updated_at = now(),
				  version = safety_hazard_plan.version + 1
				""")
			.param("id", hazardId)
			.param("target", p.target().trim())
			.param("measures", p.measures().trim())
			.param("funds", p.funds())
			.param("people", p.people())
			.param("deadline", deadline)
			.param("safety", p.safetyMeasures())
			.param("by", by)
			.update();
	}

	// ---- photos

	long insertPhoto(String ownerType, long ownerId, String stage, String contentType, byte[] bytes, String fileName,
			String by) {
		return this.jdbc.sql("""
				INSERT INTO safety_photo (owner_type, owner_id, stage, content_type, size_bytes, file_name, bytes,
				  uploaded_by) VALUES (:type, :owner, :stage, :ct, :size, :name, :bytes, :by) RETURNING id
				""")
			.param("type", ownerType)
			.param("owner", ownerId)
			.param("stage", stage)
			.param("ct", contentType)
			.param("size", bytes.length)
			.param("name", fileName)
			.param("bytes", bytes)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	private static PhotoInfo photoInfo(ResultSet rs, int n) throws SQLException {
		return new PhotoInfo(rs.getLong("id"), rs.getString("owner_type"), rs.getLong("owner_id"),
				rs.getString("stage"), rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("file_name"),
				rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
	}

	List<PhotoInfo> photos(String ownerType, long ownerId) {
		return this.jdbc.sql("""
				SELECT id, owner_type, owner_id, stage, content_type, size_bytes, file_name, uploaded_by, uploaded_at
				FROM safety_photo WHERE owner_type = :type AND owner_id = :owner ORDER BY id
				""").param("type", ownerType).param("owner", ownerId).query(SafetyStore::photoInfo).list();
	}

	Optional<SafetyViews.Photo> photo(long id) {
		return this.jdbc.sql("SELECT * FROM safety_photo WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new SafetyViews.Photo(photoInfo(rs, n), rs.getBytes("bytes")))
			.optional();
	}

	// ---- notices

	/**
	 * The next number of a zone's notices in a year. The upsert takes the counter row's
	 * lock until the transaction ends, so two nodes never get the same number.
	 */
	int nextNoticeNumber(String zone, int year) {
		return this.jdbc.sql("""
				INSERT INTO safety_notice_counter (zone_code, year, last_no) VALUES (:zone, :year, 1)
				ON CONFLICT (zone_code, year) DO UPDATE SET last_no = safety_notice_counter.last_no + 1
				RETURNING last_no
				""").param("zone", zone).param("year", year).query(Integer.class).single();
	}

	long insertNotice(String zone, String creditCode, String kind, int year, int seq, String number, LocalDate issuedOn,
			LocalDate deadline, String issuer, List<Long> hazardIds, String by) {
		long id = this.jdbc.sql("""
				INSERT INTO safety_notice (zone_code, credit_code, kind, year, seq, number, issued_on, deadline, issuer,
				  created_by) VALUES (:zone, :cc, :kind, :year, :seq, :number, :issued, :deadline, :issuer, :by)
				RETURNING id
				""")
			.param("zone", zone)
			.param("cc", creditCode)
			.param("kind", kind)
			.param("year", year)
			.param("seq", seq)
			.param("number", number)
			.param("issued", issuedOn)
			.param("deadline", deadline)
			.param("issuer", issuer)
			.param("by", by)
			.query(Long.class)
			.single();
		for (Long hazard : hazardIds) {
			this.jdbc
				.sql("INSERT INTO safety_notice_hazard (notice_id, hazard_id) VALUES (:n, :h) ON CONFLICT DO NOTHING")
				.param("n", id)
				.param("h", hazard)
				.update();
		}
		return id;
	}

	private static final String NOTICE = """
			SELECT n.*, ARRAY(SELECT nh.hazard_id FROM safety_notice_hazard nh WHERE nh.notice_id = n.id
			  ORDER BY nh.hazard_id) AS hazard_ids FROM safety_notice n
			""";

	private static NoticeView notice(ResultSet rs, int n) throws SQLException {
		return new NoticeView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("credit_code"), null,
				rs.getString("kind"), rs.getString("number"), rs.getInt("year"), rs.getInt("seq"),
				rs.getObject("issued_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
				rs.getString("issuer"), longs(rs.getArray("hazard_ids")));
	}

	Optional<NoticeView> findNotice(long id) {
		return this.jdbc.sql(NOTICE + " WHERE n.id = :id").param("id", id).query(SafetyStore::notice).optional();
	}

	List<NoticeView> notices(Scope scope, Long hazardId, int page, int size) {
		return this.jdbc.sql(NOTICE + """
				 WHERE n.zone_code = ANY(:zones) AND (CAST(:cc AS text) IS NULL OR n.credit_code = :cc)
				   AND (CAST(:hazard AS bigint) IS NULL OR EXISTS (SELECT 1 FROM safety_notice_hazard x
				     WHERE x.notice_id = n.id AND x.hazard_id = :hazard))
				 ORDER BY n.issued_on DESC, n.id DESC LIMIT :limit OFFSET :offset
				""")
			.param("zones", scope.zones().toArray(String[]::new))
			.param("cc", scope.onlyCreditCode())
			.param("hazard", hazardId)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(SafetyStore::notice)
			.list();
	}

	long countNotices(Scope scope) {
		return this.jdbc.sql("""
				SELECT count(*) FROM safety_notice n WHERE n.zone_code = ANY(:zones)
				  AND (CAST(:cc AS text) IS NULL OR n.credit_code = :cc)
				""")
			.param("zones", scope.zones().toArray(String[]::new))
			.param("cc", scope.onlyCreditCode())
			.query(Long.class)
			.single();
	}

	// ---- penalties

	long insertPenalty(String zone, String creditCode, LocalDate decidedOn, BigDecimal amount, String reason,
			String decisionNumber, List<Long> hazardIds, String by) {
		long id = this.jdbc.sql("""
				INSERT INTO safety_penalty (zone_code, credit_code, decided_on, amount, reason, decision_number,
				  created_by) VALUES (:zone, :cc, :on, :amount, :reason, :number, :by) RETURNING id
				""")
			.param("zone", zone)
			.param("cc", creditCode)
			.param("on", decidedOn)
			.param("amount", amount)
			.param("reason", reason)
			.param("number", decisionNumber)
			.param("by", by)
			.query(Long.class)
			.single();
		for (Long hazard : hazardIds) {
			this.jdbc
				.sql("INSERT INTO safety_penalty_hazard (penalty_id, hazard_id) VALUES (:p, :h) ON CONFLICT DO NOTHING")
				.param("p", id)
				.param("h", hazard)
				.update();
		}
		return id;
	}

	private static final String PENALTY = """
			SELECT p.*, ARRAY(SELECT ph.hazard_id FROM safety_penalty_hazard ph WHERE ph.penalty_id = p.id
			  ORDER BY ph.hazard_id) AS hazard_ids FROM safety_penalty p
			""";

	private static PenaltyView penalty(ResultSet rs, int n) throws SQLException {
		return new PenaltyView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("credit_code"), null,
				rs.getObject("decided_on", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("reason"),
				rs.getString("decision_number"), longs(rs.getArray("hazard_ids")));
	}

	Optional<PenaltyView> findPenalty(long id) {
		return this.jdbc.sql(PENALTY + " WHERE p.id = :id").param("id", id).query(SafetyStore::penalty).optional();
	}

	List<PenaltyView> penalties(Scope scope, int page, int size) {
		return this.jdbc.sql(PENALTY + """
				 WHERE p.zone_code = ANY(:zones) AND (CAST(:cc AS text) IS NULL OR p.credit_code = :cc)
				 ORDER BY p.decided_on DESC, p.id DESC LIMIT :limit OFFSET :offset
				""")
			.param("zones", scope.zones().toArray(String[]::new))
			.param("cc", scope.onlyCreditCode())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(SafetyStore::penalty)
			.list();
	}

	long countPenalties(Scope scope) {
		return this.jdbc.sql("""
				SELECT count(*) FROM safety_penalty p WHERE p.zone_code = ANY(:zones)
				  AND (CAST(:cc AS text) IS NULL OR p.credit_code = :cc)
				""")
			.param("zones", scope.zones().toArray(String[]::new))
			.param("cc", scope.onlyCreditCode())
			.query(Long.class)
			.single();
	}

	// ---- complaints

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
			.query(SafetyStore::complaint)
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
			.query(SafetyStore::complaint)
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

	// ---- patrols and duty

	long insertPatrol(String zone, LocalDate on, String route, String patrollers, String findings, Long complaintId,
			String by) {
		return this.jdbc.sql("""
				INSERT INTO safety_patrol (zone_code, patrol_on, route, patrollers, findings, complaint_id, created_by)
				VALUES (:zone, :on, :route, :patrollers, :findings, :complaint, :by) RETURNING id
				""")
			.param("zone", zone)
			.param("on", on)
			.param("route", route)
			.param("patrollers", patrollers)
			.param("findings", findings)
			.param("complaint", complaintId)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	List<PatrolView> patrols(List<String> zones, LocalDate from, LocalDate to, int page, int size) {
		return this.jdbc.sql("""
				SELECT * FROM safety_patrol WHERE zone_code = ANY(:zones) AND patrol_on BETWEEN :from AND :to
				ORDER BY patrol_on DESC, id DESC LIMIT :limit OFFSET :offset
				""")
			.param("zones", zones.toArray(String[]::new))
			.param("from", from)
			.param("to", to)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> {
				long complaint = rs.getLong("complaint_id");
				return new PatrolView(rs.getLong("id"), rs.getString("zone_code"),
						rs.getObject("patrol_on", LocalDate.class), rs.getString("route"), rs.getString("patrollers"),
						rs.getString("findings"), rs.wasNull() ? null : complaint, rs.getString("created_by"));
			})
			.list();
	}

	long countPatrols(List<String> zones, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT count(*) FROM safety_patrol WHERE zone_code = ANY(:zones) AND patrol_on BETWEEN :from AND :to")
			.param("zones", zones.toArray(String[]::new))
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
	}

	void saveDuty(String zone, LocalDate on, String leader, String staff, String phone, String by) {
		this.jdbc.sql("""
				INSERT INTO safety_duty (zone_code, duty_on, leader, staff, phone, updated_by)
				VALUES (:zone, :on, :leader, :staff, :phone, :by)
				ON CONFLICT (zone_code, duty_on) DO UPDATE SET leader = EXCLUDED.leader, staff = EXCLUDED.staff,
				  phone = EXCLUDED.phone, updated_by = EXCLUDED.updated_by, version = safety_duty.version + 1
				""")
			.param("zone", zone)
			.param("on", on)
			.param("leader", leader)
			.param("staff", staff)
			.param("phone", phone)
			.param("by", by)
			.update();
	}

	Optional<DutyView> duty(String zone, LocalDate on) {
		return roster(zone, on, on).stream().findFirst();
	}

	List<DutyView> roster(String zone, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT * FROM safety_duty WHERE zone_code = :zone AND duty_on BETWEEN :from AND :to ORDER BY duty_on
				""")
			.param("zone", zone)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new DutyView(rs.getString("zone_code"), rs.getObject("duty_on", LocalDate.class),
					rs.getString("leader"), rs.getString("staff"), rs.getString("phone")))
			.list();
	}

	static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return List.of((String[]) array.getArray());
	}

	static List<Long> longs(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<Long> values = new ArrayList<>();
		for (Object o : (Object[]) array.getArray()) {
			values.add(((Number) o).longValue());
		}
		return values;
	}

}
