package io.parkops.party.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.party.internal.PartyViews.ActivityView;
import io.parkops.party.internal.PartyViews.Participant;
import io.parkops.party.internal.PartyViews.ServiceTeamView;
import io.parkops.party.internal.PartyViews.CoveredEnterprise;
import io.parkops.party.internal.PartyViews.DevelopmentView;
import io.parkops.party.internal.PartyViews.DuesView;
import io.parkops.party.internal.PartyViews.VisitView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of party building.
 */
@Repository
class PartyStore {

	private final JdbcClient jdbc;

	PartyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** "Active as of :d" for an organisation aliased {@code o}. */
	static final String ORG_ACTIVE = " o.founded_on <= :d AND (o.ended_on IS NULL OR o.ended_on > :d) ";

	// ---- organisations

	/**
	 * An organisation row as stored (enterprise names and counts are added by the
	 * service).
	 */
	record OrgRow(long id, String zoneCode, String name, String kind, String branchType, Long parentId,
			String parentName, String secretary, LocalDate foundedOn, int termYears, LocalDate termStartedOn,
			LocalDate endedOn, String endReason, Long mergedIntoId, long version) {

		boolean activeOn(LocalDate d) {
			return !this.foundedOn.isAfter(d) && (this.endedOn == null || this.endedOn.isAfter(d));
		}

		LocalDate termEndsOn() {
			return this.termStartedOn.plusYears(this.termYears);
		}

	}

	private static final String ORG = """
			SELECT o.*, p.name AS parent_name FROM party_organisation o
			LEFT JOIN party_organisation p ON p.id = o.parent_id
			""";

	private static OrgRow org(ResultSet rs, int n) throws SQLException {
		return new OrgRow(rs.getLong("id"), rs.getString("zone_code"), rs.getString("name"), rs.getString("kind"),
				rs.getString("branch_type"), (Long) rs.getObject("parent_id", Long.class), rs.getString("parent_name"),
				rs.getString("secretary"), rs.getObject("founded_on", LocalDate.class), rs.getInt("term_years"),
				rs.getObject("term_started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
				rs.getString("end_reason"), (Long) rs.getObject("merged_into_id", Long.class), rs.getLong("version"));
	}

	long insertOrganisation(String zone, String name, String kind, String branchType, Long parentId, String secretary,
			LocalDate foundedOn, int termYears, String by) {
		return this.jdbc.sql("""
				INSERT INTO party_organisation (zone_code, name, kind, branch_type, parent_id, secretary, founded_on,
				  term_years, term_started_on, created_by)
				VALUES (:zone, :name, :kind, :type, :parent, :secretary, :founded, :years, :founded, :by) RETURNING id
				""")
			.param("zone", zone)
			.param("name", name)
			.param("kind", kind)
			.param("type", branchType)
			.param("parent", parentId)
			.param("secretary", secretary)
			.param("founded", foundedOn)
			.param("years", termYears)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Optional<OrgRow> organisation(long id) {
		return this.jdbc.sql(ORG + " WHERE o.id = :id").param("id", id).query(PartyStore::org).optional();
	}

	Optional<OrgRow> organisationForUpdate(long id) {
		this.jdbc.sql("SELECT id FROM party_organisation WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query()
			.listOfRows();
		return organisation(id);
	}

	List<OrgRow> organisations(String zone, String kind, String type, String q, Boolean active, LocalDate d, int offset,
			int limit) {
		return this.jdbc.sql(ORG + orgWhere(kind, type, q, active)
				+ " ORDER BY CASE o.kind WHEN 'WORKING_COMMITTEE' THEN 0 WHEN 'GENERAL_COMMITTEE' THEN 1 ELSE 2 END,"
				+ " o.founded_on, o.id OFFSET :offset LIMIT :limit")
			.params(orgParams(zone, kind, type, q, d))
			.param("offset", offset)
			.param("limit", limit)
			.query(PartyStore::org)
			.list();
	}

	long countOrganisations(String zone, String kind, String type, String q, Boolean active, LocalDate d) {
		return this.jdbc.sql("SELECT count(*) FROM party_organisation o " + orgWhere(kind, type, q, active))
			.params(orgParams(zone, kind, type, q, d))
			.query(Long.class)
			.single();
	}

	private static String orgWhere(String kind, String type, String q, Boolean active) {
		StringBuilder w = new StringBuilder(" WHERE o.zone_code = :zone");
		if (kind != null) {
			w.append(" AND o.kind = :kind");
		}
		if (type != null) {
			w.append(" AND o.branch_type = :type");
		}
		if (q != null) {
			w.append(
					" AND (o.name ILIKE :q OR o.secretary ILIKE :q OR EXISTS (SELECT 1 FROM party_organisation_enterprise l")
				.append(" WHERE l.organisation_id = o.id AND l.credit_code = :code))");
		}
		if (Boolean.TRUE.equals(active)) {
			w.append(" AND ").append(ORG_ACTIVE);
		}
		else if (Boolean.FALSE.equals(active)) {
			w.append(" AND NOT (").append(ORG_ACTIVE).append(")");
		}
		return w.toString();
	}

	private static Map<String, Object> orgParams(String zone, String kind, String type, String q, LocalDate d) {
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("zone", zone);
		p.put("kind", kind);
		p.put("type", type);
		p.put("q", (q != null) ? "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" : null);
		p.put("code", (q != null) ? q.toUpperCase(java.util.Locale.ROOT) : null);
		p.put("d", d);
		return p;
	}

	/** Every organisation of a zone (the tree). */
	List<OrgRow> allOrganisations(String zone) {
		return this.jdbc.sql(ORG + " WHERE o.zone_code = :zone ORDER BY o.founded_on, o.id")
			.param("zone", zone)
			.query(PartyStore::org)
			.list();
	}

	int updateOrganisation(long id, String name, String secretary, int termYears, LocalDate termStartedOn,
			long version) {
		return this.jdbc.sql("""
				UPDATE party_organisation SET name = :name, secretary = :secretary, term_years = :years,
				  term_started_on = :start, version = version + 1 WHERE id = :id AND version = :v
				""")
			.param("name", name)
			.param("secretary", secretary)
			.param("years", termYears)
			.param("start", termStartedOn)
			.param("id", id)
			.param("v", version)
			.update();
	}

	/** Ends an active organisation; 0 when it had already ended. */
	int end(long id, LocalDate on, String reason, Long mergedInto) {
		return this.jdbc.sql("""
				UPDATE party_organisation SET ended_on = :on, end_reason = :reason, merged_into_id = :into,
				  version = version + 1 WHERE id = :id AND ended_on IS NULL
				""").param("on", on).param("reason", reason).param("into", mergedInto).param("id", id).update();
	}

	void addEnterprise(long org, String creditCode, LocalDate from) {
		this.jdbc.sql(
				"INSERT INTO party_organisation_enterprise (organisation_id, credit_code, covered_from) VALUES (:o, :c, :f)")
			.param("o", org)
			.param("c", creditCode)
			.param("f", from)
			.update();
	}

	/** The enterprise links of an organisation open on a date, ended then. */
	List<String> endLinks(long org, LocalDate on) {
		return this.jdbc.sql("""
				UPDATE party_organisation_enterprise SET covered_to = greatest(covered_from, :on)
				WHERE organisation_id = :o AND covered_to IS NULL RETURNING credit_code
				""").param("o", org).param("on", on).query(String.class).list();
	}

	/** Ends the open links of an enterprise to branches of these types. */
	void endEnterpriseLinks(String creditCode, List<String> types, LocalDate on) {
		this.jdbc.sql("""
				UPDATE party_organisation_enterprise l SET covered_to = greatest(l.covered_from, :on)
				FROM party_organisation o WHERE o.id = l.organisation_id AND l.credit_code = :c
				  AND l.covered_to IS NULL AND o.branch_type IN (:types)
				""").param("c", creditCode).param("types", types).param("on", on).update();
	}

	/** The open links of an enterprise as of a date: branch id, name and type. */
	List<Link> openLinks(String creditCode, LocalDate d) {
		return this.jdbc.sql("""
				SELECT l.credit_code, o.id, o.name, o.branch_type FROM party_organisation_enterprise l
				JOIN party_organisation o ON o.id = l.organisation_id
				WHERE l.credit_code = :c AND l.covered_from <= :d AND (l.covered_to IS NULL OR l.covered_to > :d)
				  AND""" + ORG_ACTIVE).param("c", creditCode).param("d", d).query(PartyStore::link).list();
	}

	List<CoveredEnterprise> coveredEnterprises(long org) {
		return this.jdbc.sql("""
				SELECT credit_code, covered_from, covered_to FROM party_organisation_enterprise
				WHERE organisation_id = :o ORDER BY covered_from, id
				""")
			.param("o", org)
			.query((rs, n) -> new CoveredEnterprise(rs.getString("credit_code"), null,
					rs.getObject("covered_from", LocalDate.class), rs.getObject("covered_to", LocalDate.class)))
			.list();
	}

	/** A link of an enterprise to an active branch. */
	record Link(String creditCode, long organisationId, String organisationName, String branchType) {
	}

	private static Link link(ResultSet rs, int n) throws SQLException {
		return new Link(rs.getString("credit_code"), rs.getLong("id"), rs.getString("name"),
				rs.getString("branch_type"));
	}

	/** Every link of a zone's branches active as of a date. */
	List<Link> links(String zone, LocalDate d) {
		return this.jdbc.sql("""
				SELECT l.credit_code, o.id, o.name, o.branch_type FROM party_organisation_enterprise l
				JOIN party_organisation o ON o.id = l.organisation_id
				WHERE o.zone_code = :zone AND l.covered_from <= :d AND (l.covered_to IS NULL OR l.covered_to > :d)
				  AND""" + ORG_ACTIVE + " ORDER BY o.id")
			.param("zone", zone)
			.param("d", d)
			.query(PartyStore::link)
			.list();
	}

	/** Active branches by type as of a date. */
	Map<String, Long> branchesByType(String zone, LocalDate d) {
		Map<String, Long> result = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("SELECT o.branch_type, count(*) AS n FROM party_organisation o WHERE o.zone_code = :zone"
					+ " AND o.kind = 'BRANCH' AND" + ORG_ACTIVE + " GROUP BY o.branch_type")
			.param("zone", zone)
			.param("d", d)
			.query((rs) -> {
				result.put(rs.getString("branch_type"), rs.getLong("n"));
			});
		return result;
	}

	/** Branches founded within [from, to]. */
	List<OrgRow> foundedBetween(String zone, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql(ORG + " WHERE o.zone_code = :zone AND o.kind = 'BRANCH' AND o.founded_on BETWEEN :f AND :t"
					+ " ORDER BY o.founded_on, o.id")
			.param("zone", zone)
			.param("f", from)
			.param("t", to)
			.query(PartyStore::org)
			.list();
	}

	/** Active organisations whose term ends on or before a date. */
	List<OrgRow> termsDue(String zone, LocalDate until, LocalDate d) {
		return this.jdbc
			.sql(ORG + " WHERE o.zone_code = :zone AND o.kind <> 'WORKING_COMMITTEE' AND" + ORG_ACTIVE
					+ " AND o.term_started_on + make_interval(years => o.term_years) <= :until"
					+ " ORDER BY o.term_started_on + make_interval(years => o.term_years), o.id")
			.param("zone", zone)
			.param("until", until)
			.param("d", d)
			.query(PartyStore::org)
			.list();
	}

	// ---- members

	/** A member row as stored, the phone still encrypted. */
	record MemberRow(long id, long organisationId, String organisationName, String zoneCode, String name, String gender,
			int birthYear, String status, LocalDate joinedOn, LocalDate fullOn, String creditCode, byte[] phoneCipher,
			LocalDate movedInOn, LocalDate movedOutOn, String movedOutTo, long version) {
	}

	private static final String MEMBER = """
			SELECT m.*, o.name AS organisation_name, o.zone_code FROM party_member m
			JOIN party_organisation o ON o.id = m.organisation_id
			""";

	private static MemberRow member(ResultSet rs, int n) throws SQLException {
		return new MemberRow(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
				rs.getString("zone_code"), rs.getString("name"), rs.getString("gender"), rs.getInt("birth_year"),
				rs.getString("status"), rs.getObject("joined_on", LocalDate.class),
				rs.getObject("full_on", LocalDate.class), rs.getString("credit_code"), rs.getBytes("phone_cipher"),
				rs.getObject("moved_in_on", LocalDate.class), rs.getObject("moved_out_on", LocalDate.class),
				rs.getString("moved_out_to"), rs.getLong("version"));
	}

	long insertMember(long org, String name, String gender, int birthYear, String status, LocalDate joinedOn,
			String creditCode, byte[] phone, LocalDate movedInOn, String by) {
		return this.jdbc.sql("""
				INSERT INTO party_member (organisation_id, name, gender, birth_year, status, joined_on, credit_code,
				  phone_cipher, moved_in_on, created_by)
				VALUES (:o, :name, :gender, :year, :status, :joined, :cc, :phone, :movedIn, :by) RETURNING id
				""")
			.param("o", org)
			.param("name", name)
			.param("gender", gender)
			.param("year", birthYear)
			.param("status", status)
			.param("joined", joinedOn)
			.param("cc", creditCode)
			.param("phone", phone)
			.param("movedIn", movedInOn)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Optional<MemberRow> member(long id) {
		return this.jdbc.sql(MEMBER + " WHERE m.id = :id").param("id", id).query(PartyStore::member).optional();
	}

	private static String memberWhere(Long org, String status, String q, Boolean current) {
		StringBuilder w = new StringBuilder(" WHERE o.zone_code = :zone");
		if (org != null) {
			w.append(" AND m.organisation_id = :org");
		}
		if (status != null) {
			w.append(" AND m.status = :status");
		}
		if (q != null) {
			w.append(" AND m.name ILIKE :q");
		}
		if (Boolean.TRUE.equals(current)) {
			w.append(" AND m.moved_out_on IS NULL");
		}
		return w.toString();
	}

	List<MemberRow> members(String zone, Long org, String status, String q, Boolean current, int offset, int limit) {
		return this.jdbc
			.sql(MEMBER + memberWhere(org, status, q, current) + " ORDER BY o.id, m.name, m.id"
					+ " OFFSET :offset LIMIT :limit")
			.param("zone", zone)
			.param("org", org)
			.param("status", status)
			.param("q", (q != null) ? "%" + q + "%" : null)
			.param("offset", offset)
			.param("limit", limit)
			.query(PartyStore::member)
			.list();
	}

	long countMembers(String zone, Long org, String status, String q, Boolean current) {
		return this.jdbc
			.sql("SELECT count(*) FROM party_member m JOIN party_organisation o ON o.id = m.organisation_id"
					+ memberWhere(org, status, q, current))
			.param("zone", zone)
			.param("org", org)
			.param("status", status)
			.param("q", (q != null) ? "%" + q + "%" : null)
			.query(Long.class)
			.single();
	}

	/** A member present as of a date: whether probationary then, and their enterprise. */
	record MemberOn(long id, long organisationId, String creditCode, boolean probationary) {
	}

	List<MemberOn> membersOn(String zone, LocalDate d) {
		return this.jdbc.sql("""
				SELECT m.id, m.organisation_id, m.credit_code,
				  (m.status = 'PROBATIONARY' OR (m.full_on IS NOT NULL AND m.full_on > :d)) AS probationary
				FROM party_member m JOIN party_organisation o ON o.id = m.organisation_id
				WHERE o.zone_code = :zone AND coalesce(m.moved_in_on, m.joined_on) <= :d
				  AND (m.moved_out_on IS NULL OR m.moved_out_on > :d)
				""")
			.param("zone", zone)
			.param("d", d)
			.query((rs, n) -> new MemberOn(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("credit_code"),
					rs.getBoolean("probationary")))
			.list();
	}

	long activeMembersOf(long org, LocalDate d) {
		return this.jdbc.sql("""
				SELECT count(*) FROM party_member m WHERE m.organisation_id = :o
				  AND coalesce(m.moved_in_on, m.joined_on) <= :d AND (m.moved_out_on IS NULL OR m.moved_out_on > :d)
				""").param("o", org).param("d", d).query(Long.class).single();
	}

	int updateMember(long id, String name, String gender, int birthYear, LocalDate joinedOn, String creditCode,
			byte[] phone, boolean keepPhone, long version) {
		return this.jdbc.sql("""
				UPDATE party_member SET name = :name, gender = :gender, birth_year = :year, joined_on = :joined,
				  credit_code = :cc, phone_cipher = CASE WHEN :keep THEN phone_cipher ELSE :phone END,
				  version = version + 1
				WHERE id = :id AND version = :v
				""")
			.param("id", id)
			.param("name", name)
			.param("gender", gender)
			.param("year", birthYear)
			.param("joined", joinedOn)
			.param("cc", creditCode)
			.param("phone", phone)
			.param("keep", keepPhone)
			.param("v", version)
			.update();
	}

	int confirmMember(long id, LocalDate on) {
		return this.jdbc.sql("""
				UPDATE party_member SET status = 'FULL', full_on = :on, version = version + 1
				WHERE id = :id AND status = 'PROBATIONARY' AND moved_out_on IS NULL
				""").param("id", id).param("on", on).update();
	}

	int moveOut(long id, LocalDate on, String to) {
		return this.jdbc.sql("""
				UPDATE party_member SET moved_out_on = :on, moved_out_to = :to, version = version + 1
				WHERE id = :id AND moved_out_on IS NULL
				""").param("id", id).param("on", on).param("to", to).update();
	}

	/** Moves the current members of a merged organisation to the one it merged into. */
	int moveMembers(long from, long into) {
		return this.jdbc
			.sql("UPDATE party_member SET organisation_id = :into, version = version + 1"
					+ " WHERE organisation_id = :from AND moved_out_on IS NULL")
			.param("from", from)
			.param("into", into)
			.update();
	}

	// ---- development

	long insertApplicant(long org, String name, LocalDate appliedOn, String by) {
		return this.jdbc.sql("""
				INSERT INTO party_development (organisation_id, name, stage, applied_on, created_by)
				VALUES (:o, :name, 'APPLICANT', :on, :by) RETURNING id
				""")
			.param("o", org)
			.param("name", name)
			.param("on", appliedOn)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	private static final String DEVELOPMENT = """
			SELECT d.*, o.name AS organisation_name, o.zone_code FROM party_development d
			JOIN party_organisation o ON o.id = d.organisation_id
			""";

	private static DevelopmentView development(ResultSet rs, int n) throws SQLException {
		return new DevelopmentView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
				rs.getString("name"), rs.getString("stage"), rs.getObject("applied_on", LocalDate.class),
				rs.getObject("activist_on", LocalDate.class), rs.getObject("candidate_on", LocalDate.class),
				rs.getObject("probationary_on", LocalDate.class), rs.getObject("full_on", LocalDate.class),
				rs.getLong("version"));
	}

	Optional<DevelopmentView> development(long id) {
		return this.jdbc.sql(DEVELOPMENT + " WHERE d.id = :id")
			.param("id", id)
			.query(PartyStore::development)
			.optional();
	}

	String zoneOfDevelopment(long id) {
		return this.jdbc.sql(
				"SELECT o.zone_code FROM party_development d JOIN party_organisation o ON o.id = d.organisation_id WHERE d.id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	List<DevelopmentView> developments(String zone) {
		return this.jdbc.sql(DEVELOPMENT + " WHERE o.zone_code = :zone ORDER BY d.applied_on DESC, d.id DESC LIMIT 500")
			.param("zone", zone)
			.query(PartyStore::development)
			.list();
	}

	/**
	 * Moves a person to the next stage, conditional on the stage they are in (one
	 * winner).
	 */
	int advance(long id, String from, String to, String column, LocalDate on) {
		return this.jdbc
			.sql("UPDATE party_development SET stage = :to, " + column + " = :on, version = version + 1"
					+ " WHERE id = :id AND stage = :from")
			.param("to", to)
			.param("on", on)
			.param("id", id)
			.param("from", from)
			.update();
	}

	/** How many entered each stage within [from, to]. */
	Map<String, Long> enteredStages(String zone, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE applied_on BETWEEN :f AND :t) AS applicant,
				  count(*) FILTER (WHERE activist_on BETWEEN :f AND :t) AS activist,
				  count(*) FILTER (WHERE candidate_on BETWEEN :f AND :t) AS candidate,
				  count(*) FILTER (WHERE probationary_on BETWEEN :f AND :t) AS probationary,
				  count(*) FILTER (WHERE full_on BETWEEN :f AND :t) AS full
				FROM party_development d JOIN party_organisation o ON o.id = d.organisation_id WHERE o.zone_code = :zone
				""").param("zone", zone).param("f", from).param("t", to).query((rs, n) -> {
			Map<String, Long> m = new java.util.LinkedHashMap<>();
			m.put("APPLICANT", rs.getLong("applicant"));
			m.put("ACTIVIST", rs.getLong("activist"));
			m.put("CANDIDATE", rs.getLong("candidate"));
			m.put("PROBATIONARY", rs.getLong("probationary"));
			m.put("FULL", rs.getLong("full"));
			return m;
		}).single();
	}

	Map<String, Long> currentStages(String zone) {
		Map<String, Long> m = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("SELECT d.stage, count(*) AS n FROM party_development d JOIN party_organisation o"
					+ " ON o.id = d.organisation_id WHERE o.zone_code = :zone GROUP BY d.stage")
			.param("zone", zone)
			.query((rs) -> {
				m.put(rs.getString("stage"), rs.getLong("n"));
			});
		return m;
	}

	// ---- instructors

	long insertInstructor(String zone, String name, String by) {
		return this.jdbc
			.sql("INSERT INTO party_instructor (zone_code, name, created_by) VALUES (:zone, :name, :by) RETURNING id")
			.param("zone", zone)
			.param("name", name)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	void assign(long instructor, String creditCode, LocalDate on) {
		this.jdbc.sql("""
				INSERT INTO party_instructor_enterprise (instructor_id, credit_code, assigned_on) VALUES (:i, :c, :on)
				""").param("i", instructor).param("c", creditCode).param("on", on).update();
	}

	record InstructorRow(long id, String zoneCode, String name, long version) {
	}

	Optional<InstructorRow> instructor(long id) {
		return this.jdbc.sql("SELECT * FROM party_instructor WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new InstructorRow(rs.getLong("id"), rs.getString("zone_code"), rs.getString("name"),
					rs.getLong("version")))
			.optional();
	}

	List<InstructorRow> instructors(String zone) {
		return this.jdbc.sql("SELECT * FROM party_instructor WHERE zone_code = :zone ORDER BY name, id")
			.param("zone", zone)
			.query((rs, n) -> new InstructorRow(rs.getLong("id"), rs.getString("zone_code"), rs.getString("name"),
					rs.getLong("version")))
			.list();
	}

	/** An assignment with its last visit up to a date. */
	record AssignmentRow(long instructorId, String instructorName, String creditCode, LocalDate assignedOn,
			LocalDate releasedOn, LocalDate lastVisit) {
	}

	List<AssignmentRow> assignments(String zone, Long instructor, LocalDate d) {
		return this.jdbc.sql("""
				SELECT i.id, i.name, a.credit_code, a.assigned_on, a.released_on,
				  (SELECT max(v.visited_on) FROM party_instructor_visit v WHERE v.instructor_id = i.id
				     AND v.credit_code = a.credit_code AND v.visited_on <= :d) AS last_visit
				FROM party_instructor_enterprise a JOIN party_instructor i ON i.id = a.instructor_id
				WHERE i.zone_code = :zone AND (CAST(:instructor AS bigint) IS NULL OR i.id = :instructor)
				  AND a.assigned_on <= :d AND (a.released_on IS NULL OR a.released_on > :d)
				ORDER BY i.name, i.id, a.credit_code
				""")
			.param("zone", zone)
			.param("instructor", instructor)
			.param("d", d)
			.query((rs, n) -> new AssignmentRow(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
					rs.getObject("assigned_on", LocalDate.class), rs.getObject("released_on", LocalDate.class),
					rs.getObject("last_visit", LocalDate.class)))
			.list();
	}

	/** Every assignment of an instructor, released ones too (history), newest first. */
	List<AssignmentRow> assignmentHistory(long instructor) {
		return this.jdbc.sql("""
				SELECT i.id, i.name, a.credit_code, a.assigned_on, a.released_on,
				  (SELECT max(v.visited_on) FROM party_instructor_visit v WHERE v.instructor_id = i.id
				     AND v.credit_code = a.credit_code) AS last_visit
				FROM party_instructor_enterprise a JOIN party_instructor i ON i.id = a.instructor_id
				WHERE i.id = :i ORDER BY a.assigned_on DESC, a.id DESC
				""")
			.param("i", instructor)
			.query((rs, n) -> new AssignmentRow(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
					rs.getObject("assigned_on", LocalDate.class), rs.getObject("released_on", LocalDate.class),
					rs.getObject("last_visit", LocalDate.class)))
			.list();
	}

	/** Ends an open assignment on a date (one winner: 0 when none is open then). */
	int release(long instructor, String creditCode, LocalDate on) {
		return this.jdbc.sql("""
				UPDATE party_instructor_enterprise SET released_on = :on
				WHERE instructor_id = :i AND credit_code = :c AND released_on IS NULL AND assigned_on <= :on
				""").param("i", instructor).param("c", creditCode).param("on", on).update();
	}

	boolean hasOpenAssignment(long instructor, String creditCode) {
		return this.jdbc.sql("""
				SELECT count(*) FROM party_instructor_enterprise WHERE instructor_id = :i AND credit_code = :c
				  AND released_on IS NULL
				""").param("i", instructor).param("c", creditCode).query(Long.class).single() > 0;
	}

	boolean isAssigned(long instructor, String creditCode, LocalDate d) {
		return this.jdbc.sql("""
				SELECT count(*) FROM party_instructor_enterprise WHERE instructor_id = :i AND credit_code = :c
				  AND assigned_on <= :d AND (released_on IS NULL OR released_on > :d)
				""").param("i", instructor).param("c", creditCode).param("d", d).query(Long.class).single() > 0;
	}

	long insertVisit(long instructor, String creditCode, LocalDate on, String notes, String by) {
		return this.jdbc.sql("""
				INSERT INTO party_instructor_visit (instructor_id, credit_code, visited_on, notes, created_by)
				VALUES (:i, :c, :on, :notes, :by) RETURNING id
				""")
			.param("i", instructor)
			.param("c", creditCode)
			.param("on", on)
			.param("notes", notes)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	List<VisitView> visits(String zone, Long instructor, LocalDate from, LocalDate to, int limit) {
		return this.jdbc.sql("""
				SELECT v.*, i.name AS instructor_name FROM party_instructor_visit v
				JOIN party_instructor i ON i.id = v.instructor_id
				WHERE i.zone_code = :zone AND (CAST(:instructor AS bigint) IS NULL OR i.id = :instructor)
				  AND v.visited_on BETWEEN :f AND :t
				ORDER BY v.visited_on DESC, v.id DESC LIMIT :limit
				""")
			.param("zone", zone)
			.param("instructor", instructor)
			.param("f", from)
			.param("t", to)
			.param("limit", limit)
			.query((rs, n) -> new VisitView(rs.getLong("id"), rs.getLong("instructor_id"),
					rs.getString("instructor_name"), rs.getString("credit_code"), null,
					rs.getObject("visited_on", LocalDate.class), rs.getString("notes")))
			.list();
	}

	long countVisits(String zone, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT count(*) FROM party_instructor_visit v JOIN party_instructor i ON i.id = v.instructor_id
				WHERE i.zone_code = :zone AND v.visited_on BETWEEN :f AND :t
				""").param("zone", zone).param("f", from).param("t", to).query(Long.class).single();
	}

	// ---- activities and dues

	long insertActivity(long org, String kind, LocalDate on, String title, int participants, String notes, String by) {
		return this.jdbc.sql("""
				INSERT INTO party_activity (organisation_id, kind, held_on, title, participants, notes, created_by)
				VALUES (:o, :kind, :on, :title, :p, :notes, :by) RETURNING id
				""")
			.param("o", org)
			.param("kind", kind)
			.param("on", on)
			.param("title", title)
			.param("p", participants)
			.param("notes", notes)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	private static ActivityView activity(ResultSet rs, int n) throws SQLException {
		return new ActivityView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
				rs.getString("kind"), rs.getObject("held_on", LocalDate.class), rs.getString("title"),
				rs.getInt("participants"), rs.getString("notes"), rs.getObject("service_team_id", Long.class),
				rs.getString("service_team_name"), List.of(), rs.getLong("version"));
	}

	long insertActivity(long org, String kind, LocalDate on, String title, int participants, String notes,
			Long serviceTeam, String by) {
		return this.jdbc.sql("""
				INSERT INTO party_activity (organisation_id, kind, held_on, title, participants, notes, service_team_id,
				  created_by)
				VALUES (:o, :kind, :on, :title, :p, :notes, :team, :by) RETURNING id
				""")
			.param("o", org)
			.param("kind", kind)
			.param("on", on)
			.param("title", title)
			.param("p", participants)
			.param("notes", notes)
			.param("team", serviceTeam)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	int updateActivity(long id, String kind, LocalDate on, String title, int participants, String notes,
			Long serviceTeam, long version) {
		return this.jdbc
			.sql("""
					UPDATE party_activity SET kind = :kind, held_on = :on, title = :title, participants = :p, notes = :notes,
					  service_team_id = :team, version = version + 1
					WHERE id = :id AND version = :v
					""")
			.param("id", id)
			.param("kind", kind)
			.param("on", on)
			.param("title", title)
			.param("p", participants)
			.param("notes", notes)
			.param("team", serviceTeam)
			.param("v", version)
			.update();
	}

	void replaceParticipants(long activity, List<Participant> participants) {
		this.jdbc.sql("DELETE FROM party_activity_participant WHERE activity_id = :a").param("a", activity).update();
		for (Participant p : participants) {
			this.jdbc.sql("""
					INSERT INTO party_activity_participant (activity_id, member_id, name) VALUES (:a, :m, :n)
					""").param("a", activity).param("m", p.memberId()).param("n", p.name()).update();
		}
	}

	/**
	 * The participants of the activities given, by activity id, in the order recorded.
	 */
	Map<Long, List<Participant>> participants(java.util.Collection<Long> activities) {
		Map<Long, List<Participant>> m = new java.util.HashMap<>();
		if (activities.isEmpty()) {
			return m;
		}
		this.jdbc.sql("""
				SELECT activity_id, member_id, name FROM party_activity_participant WHERE activity_id IN (:ids)
				ORDER BY activity_id, id
				""").param("ids", activities).query((rs) -> {
			m.computeIfAbsent(rs.getLong("activity_id"), (k) -> new java.util.ArrayList<>())
				.add(new Participant(rs.getObject("member_id", Long.class), rs.getString("name")));
		});
		return m;
	}

	/** Members of a zone by id, with their names, for participant lists. */
	Map<Long, String> memberNames(String zone, java.util.Collection<Long> ids) {
		Map<Long, String> m = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return m;
		}
		this.jdbc.sql("""
				SELECT m.id, m.name FROM party_member m JOIN party_organisation o ON o.id = m.organisation_id
				WHERE o.zone_code = :zone AND m.id IN (:ids)
				""").param("zone", zone).param("ids", ids).query((rs) -> {
			m.put(rs.getLong("id"), rs.getString("name"));
		});
		return m;
	}

	// ---- service teams

	private static final String TEAM = """
			SELECT t.*, o.name AS organisation_name,
			  (SELECT count(*) FROM party_activity a WHERE a.service_team_id = t.id) AS activities,
			  (SELECT coalesce(sum(a.participants), 0) FROM party_activity a WHERE a.service_team_id = t.id)
			    AS participants
			FROM party_service_team t LEFT JOIN party_organisation o ON o.id = t.organisation_id
			""";

	private static ServiceTeamView team(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate disbanded = rs.getObject("disbanded_on", LocalDate.class);
		LocalDate founded = rs.getObject("founded_on", LocalDate.class);
		return new ServiceTeamView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("name"),
				rs.getObject("organisation_id", Long.class), rs.getString("organisation_name"), rs.getString("leader"),
				founded, disbanded, !founded.isAfter(today) && (disbanded == null || disbanded.isAfter(today)),
				rs.getLong("activities"), rs.getLong("participants"), rs.getLong("version"));
	}

	long insertServiceTeam(String zone, String name, Long org, String leader, LocalDate founded, String by) {
		return this.jdbc.sql("""
				INSERT INTO party_service_team (zone_code, name, organisation_id, leader, founded_on, created_by)
				VALUES (:zone, :name, :o, :leader, :f, :by) RETURNING id
				""")
			.param("zone", zone)
			.param("name", name)
			.param("o", org)
			.param("leader", leader)
			.param("f", founded)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Optional<ServiceTeamView> serviceTeam(long id, LocalDate today) {
		return this.jdbc.sql(TEAM + " WHERE t.id = :id").param("id", id).query((rs, n) -> team(rs, today)).optional();
	}

	List<ServiceTeamView> serviceTeams(String zone, LocalDate today) {
		return this.jdbc.sql(TEAM + " WHERE t.zone_code = :zone ORDER BY t.disbanded_on NULLS FIRST, t.name, t.id")
			.param("zone", zone)
			.query((rs, n) -> team(rs, today))
			.list();
	}

	int updateServiceTeam(long id, String name, String leader, LocalDate disbanded, long version) {
		return this.jdbc.sql("""
				UPDATE party_service_team SET name = :name, leader = :leader, disbanded_on = :d, version = version + 1
				WHERE id = :id AND version = :v
				""")
			.param("id", id)
			.param("name", name)
			.param("leader", leader)
			.param("d", disbanded)
			.param("v", version)
			.update();
	}

	List<ActivityView> activities(String zone, String kind, Long org, LocalDate from, LocalDate to, int offset,
			int limit) {
		return this.jdbc.sql("""
				SELECT a.*, o.name AS organisation_name, t.name AS service_team_name FROM party_activity a
				JOIN party_organisation o ON o.id = a.organisation_id
				LEFT JOIN party_service_team t ON t.id = a.service_team_id
				WHERE o.zone_code = :zone AND (CAST(:kind AS varchar) IS NULL OR a.kind = :kind)
				  AND (CAST(:org AS bigint) IS NULL OR o.id = :org) AND a.held_on BETWEEN :f AND :t
				ORDER BY a.held_on DESC, a.id DESC OFFSET :offset LIMIT :limit
				""")
			.param("zone", zone)
			.param("kind", kind)
			.param("org", org)
			.param("f", from)
			.param("t", to)
			.param("offset", offset)
			.param("limit", limit)
			.query(PartyStore::activity)
			.list();
	}

	Optional<ActivityView> activity(long id) {
		return this.jdbc.sql("""
				SELECT a.*, o.name AS organisation_name, o.zone_code, t.name AS service_team_name FROM party_activity a
				JOIN party_organisation o ON o.id = a.organisation_id
				LEFT JOIN party_service_team t ON t.id = a.service_team_id WHERE a.id = :id
				""").param("id", id).query(PartyStore::activity).optional();
	}

	String zoneOfOrganisation(long id) {
		return this.jdbc.sql("SELECT zone_code FROM party_organisation WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Activities by kind within [from, to]: count and participants. */
	Map<String, long[]> activityTotals(String zone, LocalDate from, LocalDate to) {
		Map<String, long[]> m = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT a.kind, count(*) AS n, sum(a.participants) AS p FROM party_activity a
				JOIN party_organisation o ON o.id = a.organisation_id
				WHERE o.zone_code = :zone AND a.held_on BETWEEN :f AND :t GROUP BY a.kind
				""").param("zone", zone).param("f", from).param("t", to).query((rs) -> {
			m.put(rs.getString("kind"), new long[] { rs.getLong("n"), rs.getLong("p") });
		});
		return m;
	}

	long countActivities(String zone, String kind, Long org, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT count(*) FROM party_activity a JOIN party_organisation o ON o.id = a.organisation_id
				WHERE o.zone_code = :zone AND (CAST(:kind AS varchar) IS NULL OR a.kind = :kind)
				  AND (CAST(:org AS bigint) IS NULL OR o.id = :org) AND a.held_on BETWEEN :f AND :t
				""")
			.param("zone", zone)
			.param("kind", kind)
			.param("org", org)
			.param("f", from)
			.param("t", to)
			.query(Long.class)
			.single();
	}

	Optional<Long> duesVersion(long org, String month) {
		return this.jdbc.sql("SELECT version FROM party_dues WHERE organisation_id = :o AND month = :m FOR UPDATE")
			.param("o", org)
			.param("m", month)
			.query(Long.class)
			.optional();
	}

	int insertDues(long org, String month, BigDecimal collected, BigDecimal returned) {
		return this.jdbc.sql("""
				INSERT INTO party_dues (organisation_id, month, collected, returned) VALUES (:o, :m, :c, :r)
				ON CONFLICT (organisation_id, month) DO NOTHING
				""").param("o", org).param("m", month).param("c", collected).param("r", returned).update();
	}

	int updateDues(long org, String month, BigDecimal collected, BigDecimal returned, long version) {
		return this.jdbc.sql("""
				UPDATE party_dues SET collected = :c, returned = :r, version = version + 1
				WHERE organisation_id = :o AND month = :m AND version = :v
				""")
			.param("o", org)
			.param("m", month)
			.param("c", collected)
			.param("r", returned)
			.param("v", version)
			.update();
	}

	List<DuesView> dues(String zone, String fromMonth, String toMonth) {
		return this.jdbc.sql("""
				SELECT d.*, o.name AS organisation_name FROM party_dues d JOIN party_organisation o
				  ON o.id = d.organisation_id
				WHERE o.zone_code = :zone AND d.month BETWEEN :f AND :t ORDER BY d.month DESC, o.name
				""")
			.param("zone", zone)
			.param("f", fromMonth)
			.param("t", toMonth)
			.query((rs, n) -> new DuesView(rs.getLong("organisation_id"), rs.getString("organisation_name"),
					rs.getString("month"), rs.getBigDecimal("collected"), rs.getBigDecimal("returned"),
					rs.getLong("version")))
			.list();
	}

}
