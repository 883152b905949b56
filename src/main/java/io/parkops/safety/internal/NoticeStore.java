package io.parkops.safety.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.parkops.safety.internal.SafetyViews.NoticeView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of rectification notices (整改通知书) and their per-zone numbering.
 */
@Repository
class NoticeStore {

	private final JdbcClient jdbc;

	NoticeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

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
				rs.getString("issuer"), SqlArrays.longs(rs.getArray("hazard_ids")));
	}

	Optional<NoticeView> findNotice(long id) {
		return this.jdbc.sql(NOTICE + " WHERE n.id = :id").param("id", id).query(NoticeStore::notice).optional();
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
			.query(NoticeStore::notice)
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

}
