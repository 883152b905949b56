package io.parkops.safety.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.parkops.safety.internal.SafetyViews.InspectionView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of inspections (安全检查) and the enterprises each visited.
 */
@Repository
class InspectionStore {

	private final JdbcClient jdbc;

	InspectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

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
				SqlArrays.strings(rs.getArray("agencies")), rs.getString("people"), rs.getString("notes"),
				SqlArrays.strings(rs.getArray("codes")), rs.getLong("hazards"), rs.getString("created_by"),
				rs.getLong("version"));
	}

	Optional<InspectionView> findInspection(long id) {
		return this.jdbc.sql(INSPECTION + " WHERE i.id = :id")
			.param("id", id)
			.query(InspectionStore::inspection)
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
			.query(InspectionStore::inspection)
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

}
