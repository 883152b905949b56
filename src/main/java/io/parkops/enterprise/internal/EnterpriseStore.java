package io.parkops.enterprise.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseStatus;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the enterprise registry.
 */
@Repository
public class EnterpriseStore {

	static final String SELECT = """
			SELECT e.id, e.credit_code, e.name, e.zone_code, e.area_code, e.industry_code, d.name AS industry_name,
			  d.name_en AS industry_name_en,
			  e.status, e.ownership_type, e.above_scale,
			  (SELECT max(s.month) FROM enterprise_scale_change s WHERE s.enterprise_id = e.id AND s.above_scale)
			    AS above_scale_since,
			  e.legal_representative, e.contact_name, e.contact_phone, e.email, e.address, e.secretary, e.leader, e.tags,
			  ARRAY(SELECT DISTINCT f.kind FROM enterprise_flag f WHERE f.enterprise_id = e.id
			        AND f.revoked_on IS NULL AND (f.expires_on IS NULL OR f.expires_on >= current_date)
			        ORDER BY f.kind) AS flags,
			  e.version
			FROM enterprise e LEFT JOIN industry_division d ON d.code = e.industry_code
			""";

	private final JdbcClient jdbc;

	EnterpriseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the current request asks for English: industry names then come in English.
	 * Outside a request (jobs, reports) the Chinese names stay.
	 */
	static boolean english() {
		return LocaleContextHolder.getLocaleContext() != null
				&& "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

	/**
	 * The industry name of a row in the current language (columns industry_name and
	 * industry_name_en).
	 */
	private static String industryName(ResultSet rs) throws SQLException {
		String zh = rs.getString("industry_name");
		String en = rs.getString("industry_name_en");
		return (english() && en != null) ? en : zh;
	}

	static Enterprise map(ResultSet rs, int n) throws SQLException {
		LocalDate since = rs.getObject("above_scale_since", LocalDate.class);
		return new Enterprise(rs.getLong("id"), rs.getString("credit_code"), rs.getString("name"),
				rs.getString("zone_code"), rs.getString("area_code"), rs.getString("industry_code"), industryName(rs),
				EnterpriseStatus.valueOf(rs.getString("status")), ownership(rs.getString("ownership_type")),
				rs.getBoolean("above_scale"),
				(since != null && rs.getBoolean("above_scale")) ? YearMonth.from(since) : null,
				rs.getString("legal_representative"), rs.getString("contact_name"), rs.getString("contact_phone"),
				rs.getString("email"), rs.getString("address"), rs.getString("secretary"), rs.getString("leader"),
				strings(rs.getArray("tags")), strings(rs.getArray("flags")), rs.getLong("version"));
	}

	private static io.parkops.enterprise.OwnershipType ownership(String code) {
		return (code != null) ? io.parkops.enterprise.OwnershipType.valueOf(code) : null;
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return List.of((String[]) array.getArray());
	}

	Optional<Enterprise> find(String creditCode) {
		return this.jdbc.sql(SELECT + " WHERE e.credit_code = :c")
			.param("c", creditCode)
			.query(EnterpriseStore::map)
			.optional();
	}

	List<Enterprise> aboveScaleIn(String zone, YearMonth month) {
		return this.jdbc.sql(SELECT + """
				 WHERE e.zone_code = :z AND (SELECT s.above_scale FROM enterprise_scale_change s
				   WHERE s.enterprise_id = e.id AND s.month <= :m ORDER BY s.month DESC LIMIT 1) IS TRUE
				 ORDER BY e.credit_code
				""").param("z", zone).param("m", month.atDay(1)).query(EnterpriseStore::map).list();
	}

	Map<String, String> names(java.util.Collection<String> creditCodes) {
		Map<String, String> names = new java.util.HashMap<>();
		if (creditCodes.isEmpty()) {
			return names;
		}
		this.jdbc.sql("SELECT credit_code, name FROM enterprise WHERE credit_code = ANY(:codes)")
			.param("codes", creditCodes.stream().distinct().toArray(String[]::new))
			.query((rs) -> {
				names.put(rs.getString("credit_code"), rs.getString("name"));
			});
		return names;
	}

	List<io.parkops.enterprise.EnterpriseRegistry.SetMember> aboveScaleMembers(String zone, YearMonth month) {
		return this.jdbc
			.sql("""
					SELECT e.credit_code, e.name, e.area_code, e.industry_code, d.name AS industry_name, d.name_en AS industry_name_en, e.tags
					FROM enterprise_above_scale_set(:z, :m) s JOIN enterprise e ON e.id = s.enterprise_id
					LEFT JOIN industry_division d ON d.code = e.industry_code
					""")
			.param("z", zone)
			.param("m", month.atDay(1))
			.query((rs, n) -> new io.parkops.enterprise.EnterpriseRegistry.SetMember(rs.getString("credit_code"),
					rs.getString("name"), rs.getString("area_code"), rs.getString("industry_code"), industryName(rs),
					strings(rs.getArray("tags"))))
			.list();
	}

	List<io.parkops.enterprise.EnterpriseRegistry.SetMember> membersOf(String zone) {
		return this.jdbc
			.sql("""
					SELECT e.credit_code, e.name, e.area_code, e.industry_code, d.name AS industry_name, d.name_en AS industry_name_en, e.tags
					FROM enterprise e LEFT JOIN industry_division d ON d.code = e.industry_code
					WHERE e.zone_code = :z
					""")
			.param("z", zone)
			.query((rs, n) -> new io.parkops.enterprise.EnterpriseRegistry.SetMember(rs.getString("credit_code"),
					rs.getString("name"), rs.getString("area_code"), rs.getString("industry_code"), industryName(rs),
					strings(rs.getArray("tags"))))
			.list();
	}

	Map<String, EnterpriseStatus> statusesOn(String zone, LocalDate date) {
		Map<String, EnterpriseStatus> result = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT e.credit_code, coalesce(
				  (SELECT s.status FROM enterprise_status_change s WHERE s.enterprise_id = e.id AND s.changed_on <= :d
				   ORDER BY s.changed_on DESC, s.id DESC LIMIT 1),
				  (SELECT s.status FROM enterprise_status_change s WHERE s.enterprise_id = e.id
				   ORDER BY s.changed_on, s.id LIMIT 1),
				  e.status) AS status
				FROM enterprise e WHERE e.zone_code = :z
				""").param("z", zone).param("d", date).query((rs) -> {
			result.put(rs.getString("credit_code"), EnterpriseStatus.valueOf(rs.getString("status")));
		});
		return result;
	}

	List<String> codesNamed(java.util.Collection<String> zones, String text, int limit) {
		return this.jdbc
			.sql("SELECT credit_code FROM enterprise WHERE zone_code = ANY(:zones) AND name ILIKE :q"
					+ " ORDER BY credit_code LIMIT :limit")
			.param("zones", zones.stream().distinct().toArray(String[]::new))
			.param("q", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	List<Enterprise> ofZone(String zone) {
		return this.jdbc.sql(SELECT + " WHERE e.zone_code = :z ORDER BY e.credit_code")
			.param("z", zone)
			.query(EnterpriseStore::map)
			.list();
	}

	/**
	 * Finds a page of the list; {@code onlyCreditCode} restricts an enterprise user to
	 * its own.
	 */
	List<Enterprise> list(EnterpriseQuery query, List<String> zones, String onlyCreditCode) {
		Filter f = filter(query, zones, onlyCreditCode);
		return bind(
				this.jdbc.sql(SELECT + f.where() + " ORDER BY e.above_scale DESC, e.name LIMIT :limit OFFSET :offset"),
				f.params())
			.param("limit", query.size())
			.param("offset", (long) query.page() * query.size())
			.query(EnterpriseStore::map)
			.list();
	}

	void each(EnterpriseQuery query, List<String> zones, String onlyCreditCode, Consumer<Enterprise> consumer) {
		Filter f = filter(query, zones, onlyCreditCode);
		// the stream holds its connection until closed
		try (java.util.stream.Stream<Enterprise> rows = bind(
				this.jdbc.sql(SELECT + f.where() + " ORDER BY e.above_scale DESC, e.name"), f.params())
			.query(EnterpriseStore::map)
			.stream()) {
			rows.forEach(consumer);
		}
	}

	long count(EnterpriseQuery query, List<String> zones, String onlyCreditCode) {
		Filter f = filter(query, zones, onlyCreditCode);
		return bind(this.jdbc.sql("SELECT count(*) FROM enterprise e" + f.where()), f.params()).query(Long.class)
			.single();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> params) {
		params.forEach(spec::param);
		return spec;
	}

	private record Filter(String where, Map<String, Object> params) {
	}

	private static Filter filter(EnterpriseQuery q, List<String> zones, String onlyCreditCode) {
		StringBuilder where = new StringBuilder(" WHERE e.zone_code = ANY(:zones)");
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("zones", zones.toArray(String[]::new));
		if (onlyCreditCode != null) {
			where.append(" AND e.credit_code = :only");
			params.put("only", onlyCreditCode);
		}
		if (q.q() != null) {
			where.append(" AND (e.name ILIKE :q OR e.credit_code LIKE :prefix)");
			params.put("q", "%" + q.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.put("prefix", q.q().toUpperCase(java.util.Locale.ROOT).replace("%", "") + "%");
		}
		if (q.area() != null) {
			where.append(" AND e.area_code = :area");
			params.put("area", q.area());
		}
		if (q.industry() != null) {
			if (q.industry().length() == 1) {
				where.append(" AND e.industry_code LIKE :industry");
				params.put("industry", q.industry() + "%");
			}
			else {
				where.append(" AND e.industry_code = :industry");
				params.put("industry", q.industry());
			}
		}
		if (q.aboveScale() != null) {
			where.append(" AND e.above_scale = :above");
			params.put("above", q.aboveScale());
		}
		if (q.status() != null) {
			where.append(" AND e.status = :status");
			params.put("status", q.status());
		}
		if (q.tag() != null) {
			where.append(" AND :tag = ANY(e.tags)");
			params.put("tag", q.tag());
		}
		if (q.flag() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM enterprise_flag f WHERE f.enterprise_id = e.id AND f.kind = :flag"
					+ " AND f.revoked_on IS NULL AND (f.expires_on IS NULL OR f.expires_on >= current_date))");
			params.put("flag", q.flag());
		}
		return new Filter(where.toString(), params);
	}

	/** An industry division of GB/T 4754-2017. */
	public record Division(String code, String section, String sectionName, String name, boolean industrial) {
	}

	/** The divisions, with their section and division names in the current language. */
	List<Division> divisions() {
		boolean en = english();
		return this.jdbc
			.sql("SELECT code, section, section_name, section_name_en, name, name_en, industrial FROM industry_division"
					+ " ORDER BY code")
			.query((rs, n) -> new Division(rs.getString("code"), rs.getString("section"),
					rs.getString(en ? "section_name_en" : "section_name"), rs.getString(en ? "name_en" : "name"),
					rs.getBoolean("industrial")))
			.list();
	}

	long insert(Enterprise e) {
		return this.jdbc
			.sql("""
					INSERT INTO enterprise (credit_code, name, zone_code, area_code, industry_code, status, ownership_type,
					  above_scale, legal_representative, contact_name, contact_phone, email, address, secretary, leader, tags)
					VALUES (:cc, :name, :zone, :area, :industry, :status, :ownership, :above, :legal, :contact, :phone, :email,
					  :address, :secretary, :leader, :tags)
					RETURNING id
					""")
			.param("cc", e.creditCode())
			.param("name", e.name())
			.param("zone", e.zoneCode())
			.param("area", e.areaCode())
			.param("industry", e.industryCode())
			.param("status", e.status().name())
			.param("ownership", (e.ownershipType() != null) ? e.ownershipType().name() : null)
			.param("above", e.aboveScale())
			.param("legal", e.legalRepresentative())
			.param("contact", e.contactName())
			.param("phone", e.contactPhone())
			.param("email", e.email())
			.param("address", e.address())
			.param("secretary", e.secretary())
			.param("leader", e.leader())
			.param("tags", e.tags().toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	int update(Enterprise e, long expectedVersion) {
		return this.jdbc
			.sql("""
					UPDATE enterprise SET name = :name, area_code = :area, industry_code = :industry, status = :status,
					  ownership_type = :ownership, legal_representative = :legal, contact_name = :contact, contact_phone = :phone, email = :email, address = :address,
					  secretary = :secretary, leader = :leader, tags = :tags, updated_at = now(), version = version + 1
					WHERE id = :id AND version = :v
					""")
			.param("name", e.name())
			.param("area", e.areaCode())
			.param("industry", e.industryCode())
			.param("status", e.status().name())
			.param("ownership", (e.ownershipType() != null) ? e.ownershipType().name() : null)
			.param("legal", e.legalRepresentative())
			.param("contact", e.contactName())
			.param("phone", e.contactPhone())
			.param("email", e.email())
			.param("address", e.address())
			.param("secretary", e.secretary())
			.param("leader", e.leader())
			.param("tags", e.tags().toArray(String[]::new))
			.param("id", e.id())
			.param("v", expectedVersion)
			.update();
	}

	/** Sets the ownership type of a demo enterprise as its flags are granted. */
	void setOwnership(long enterpriseId, io.parkops.enterprise.OwnershipType type) {
		this.jdbc.sql("UPDATE enterprise SET ownership_type = :t WHERE id = :id")
			.param("t", type.name())
			.param("id", enterpriseId)
			.update();
	}

	void insertScaleChange(long enterpriseId, YearMonth month, boolean aboveScale, String by) {
		this.jdbc.sql("""
				INSERT INTO enterprise_scale_change (enterprise_id, month, above_scale, recorded_by)
				VALUES (:id, :m, :a, :by)
				""")
			.param("id", enterpriseId)
			.param("m", month.atDay(1))
			.param("a", aboveScale)
			.param("by", by)
			.update();
		this.jdbc.sql("""
				UPDATE enterprise SET above_scale = (SELECT s.above_scale FROM enterprise_scale_change s
				  WHERE s.enterprise_id = :id ORDER BY s.month DESC LIMIT 1), version = version + 1, updated_at = now()
				WHERE id = :id
				""").param("id", enterpriseId).update();
	}

	boolean hasScaleChange(long enterpriseId, YearMonth month) {
		return this.jdbc.sql("SELECT count(*) FROM enterprise_scale_change WHERE enterprise_id = :id AND month = :m")
			.param("id", enterpriseId)
			.param("m", month.atDay(1))
			.query(Long.class)
			.single() > 0;
	}

	/** One recorded 规上 change. */
	public record ScaleRow(String creditCode, LocalDate month, boolean aboveScale, String recordedBy) {
	}

	List<ScaleRow> scaleHistory(long enterpriseId) {
		return this.jdbc.sql("""
				SELECT e.credit_code, s.month, s.above_scale, s.recorded_by FROM enterprise_scale_change s
				JOIN enterprise e ON e.id = s.enterprise_id WHERE s.enterprise_id = :id ORDER BY s.month
				""").param("id", enterpriseId).query(ScaleRow.class).list();
	}

	List<ScaleRow> scaleChanges(String zone, YearMonth from, YearMonth to) {
		return this.jdbc.sql("""
				SELECT e.credit_code, s.month, s.above_scale, s.recorded_by FROM enterprise_scale_change s
				JOIN enterprise e ON e.id = s.enterprise_id
				WHERE e.zone_code = :z AND s.month BETWEEN :from AND :to ORDER BY s.month, e.credit_code
				""")
			.param("z", zone)
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.query(ScaleRow.class)
			.list();
	}

	/** A dated flag. */
	public record FlagRow(long id, String kind, LocalDate grantedOn, LocalDate expiresOn, String reference,
			LocalDate revokedOn) {

		public boolean active(LocalDate today) {
			return this.revokedOn == null && (this.expiresOn == null || !this.expiresOn.isBefore(today));
		}

	}

	List<FlagRow> flags(long enterpriseId) {
		return this.jdbc.sql("""
				SELECT id, kind, granted_on, expires_on, reference, revoked_on FROM enterprise_flag
				WHERE enterprise_id = :id ORDER BY granted_on DESC
				""").param("id", enterpriseId).query(FlagRow.class).list();
	}

	long insertFlag(long enterpriseId, String kind, LocalDate grantedOn, LocalDate expiresOn, String reference) {
		return this.jdbc.sql("""
				INSERT INTO enterprise_flag (enterprise_id, kind, granted_on, expires_on, reference)
				VALUES (:id, :k, :g, :e, :r) RETURNING id
				""")
			.param("id", enterpriseId)
			.param("k", kind)
			.param("g", grantedOn)
			.param("e", expiresOn)
			.param("r", reference)
			.query(Long.class)
			.single();
	}

	int revokeFlag(long enterpriseId, long flagId, LocalDate on) {
		return this.jdbc.sql("""
				UPDATE enterprise_flag SET revoked_on = :on
				WHERE id = :f AND enterprise_id = :id AND revoked_on IS NULL
				""").param("on", on).param("f", flagId).param("id", enterpriseId).update();
	}

	/** One recorded status. */
	public record StatusRow(String status, LocalDate changedOn, String note) {
	}

	List<StatusRow> statusHistory(long enterpriseId) {
		return this.jdbc.sql("""
				SELECT status, changed_on, note FROM enterprise_status_change WHERE enterprise_id = :id
				ORDER BY changed_on DESC, id DESC
				""").param("id", enterpriseId).query(StatusRow.class).list();
	}

	void insertStatus(long enterpriseId, EnterpriseStatus status, LocalDate on, String note) {
		this.jdbc.sql("""
				INSERT INTO enterprise_status_change (enterprise_id, status, changed_on, note) VALUES (:id, :s, :d, :n)
				""").param("id", enterpriseId).param("s", status.name()).param("d", on).param("n", note).update();
	}

	/** One event of the timeline. */
	public record EventRow(java.time.OffsetDateTime occurredAt, String module, String summary, String actor,
			String link) {
	}

	List<EventRow> events(long enterpriseId, int limit) {
		return this.jdbc.sql("""
				SELECT occurred_at, module, summary, actor, link FROM enterprise_event WHERE enterprise_id = :id
				ORDER BY occurred_at DESC, id DESC LIMIT :limit
				""").param("id", enterpriseId).param("limit", limit).query(EventRow.class).list();
	}

	void insertEvent(long enterpriseId, java.time.Instant at, String module, String summary, String actor,
			String link) {
		this.jdbc.sql("""
				INSERT INTO enterprise_event (enterprise_id, occurred_at, module, summary, actor, link)
				VALUES (:id, :at, :m, :s, :a, :l)
				""")
			.param("id", enterpriseId)
			.param("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
			.param("m", module)
			.param("s", summary)
			.param("a", actor)
			.param("l", link)
			.update();
	}

	/** A count per key, for the home page charts. */
	public record Count(String key, String label, long count) {
	}

	List<Count> countBy(String zone, String dimension) {
		String sql = switch (dimension) {
			case "area" -> """
					SELECT coalesce(e.area_code, '-') AS key, coalesce(%s, '-') AS label, count(*) AS count
					FROM enterprise e LEFT JOIN area a ON a.zone_code = e.zone_code AND a.code = e.area_code
					WHERE e.zone_code = :z AND e.status <> 'MOVED_OUT' GROUP BY 1, 2 ORDER BY 3 DESC"""
				.formatted(english() ? "coalesce(nullif(a.name_en, ''), a.name)" : "a.name");
			case "industry" -> """
					SELECT coalesce(e.industry_code, '-') AS key, coalesce(%s, '-') AS label, count(*) AS count
					FROM enterprise e LEFT JOIN industry_division d ON d.code = e.industry_code
					WHERE e.zone_code = :z AND e.status <> 'MOVED_OUT' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 12"""
				.formatted(english() ? "d.name_en" : "d.name");
			case "status" -> """
					SELECT e.status AS key, e.status AS label, count(*) AS count FROM enterprise e
					WHERE e.zone_code = :z GROUP BY 1, 2 ORDER BY 1""";
			default -> """
					SELECT e.above_scale::text AS key, e.above_scale::text AS label, count(*) AS count FROM enterprise e
					WHERE e.zone_code = :z AND e.status <> 'MOVED_OUT' GROUP BY 1, 2 ORDER BY 1 DESC""";
		};
		return this.jdbc.sql(sql).param("z", zone).query(Count.class).list();
	}

	List<String> existingCreditCodes(List<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		List<String> found = new ArrayList<>();
		for (int i = 0; i < codes.size(); i += 1000) {
			List<String> chunk = codes.subList(i, Math.min(codes.size(), i + 1000));
			found.addAll(this.jdbc.sql("SELECT credit_code FROM enterprise WHERE credit_code = ANY(:c)")
				.param("c", chunk.toArray(String[]::new))
				.query(String.class)
				.list());
		}
		return found;
	}

	/** Tags as people type them: separated by 、 , ， ; ； or spaces. */
	public static List<String> splitTags(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[、,，;；\\s]+"))
			.map(String::trim)
			.filter((s) -> !s.isEmpty())
			.distinct()
			.toList();
	}

}
