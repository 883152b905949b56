package io.parkops.land.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.land.internal.AssetViews.LitigationView;
import io.parkops.land.internal.AssetViews.PaymentView;
import io.parkops.land.internal.AssetViews.UnitView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of units, leases, payments and litigation.
 */
@Repository
class AssetStore {

	private final JdbcClient jdbc;

	AssetStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static UnitView unit(ResultSet rs, int n) throws SQLException {
		return new UnitView(rs.getLong("id"), rs.getString("zone_code"), rs.getString("building"), rs.getString("unit"),
				rs.getString("kind"), rs.getBigDecimal("area_m2"), rs.getBoolean("leased"), rs.getLong("version"));
	}

	private static final String UNIT = """
			SELECT u.*, EXISTS (SELECT 1 FROM asset_lease l WHERE l.unit_id = u.id AND l.from_on <= :today
			  AND l.to_on >= :today) AS leased FROM asset_unit u
			""";

	Optional<Long> insertUnit(String zone, String building, String unit, String kind, BigDecimal areaM2, String by) {
		return this.jdbc.sql("""
				INSERT INTO asset_unit (zone_code, building, unit, kind, area_m2, created_by)
				VALUES (:z, :b, :u, :k, :a, :by) ON CONFLICT (zone_code, building, unit) DO NOTHING RETURNING id
				""")
			.param("z", zone)
			.param("b", building)
			.param("u", unit)
			.param("k", kind)
			.param("a", areaM2)
			.param("by", by)
			.query(Long.class)
			.optional();
	}

	Optional<UnitView> unit(long id, LocalDate today) {
		return this.jdbc.sql(UNIT + " WHERE u.id = :id")
			.param("id", id)
			.param("today", today)
			.query(AssetStore::unit)
			.optional();
	}

	/** Locks a unit's row while a lease is signed for it. */
	void lockUnit(long id) {
		this.jdbc.sql("SELECT id FROM asset_unit WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).list();
	}

	List<UnitView> units(List<String> zones, LocalDate today) {
		return this.jdbc.sql(UNIT + " WHERE u.zone_code = ANY(:z) ORDER BY u.building, u.unit")
			.param("z", zones.toArray(String[]::new))
			.param("today", today)
			.query(AssetStore::unit)
			.list();
	}

	/** A lease row. */
	record LeaseRow(long id, long unitId, String zoneCode, String building, String unit, String unitKind,
			BigDecimal areaM2, String tenant, LocalDate from, LocalDate to, BigDecimal rentPerM2Month,
			BigDecimal monthlyRent, BigDecimal deposit, LocalDate terminatedOn, String terminationReason,
			long version) {
	}

	private static LeaseRow lease(ResultSet rs, int n) throws SQLException {
		return new LeaseRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("zone_code"),
				rs.getString("building"), rs.getString("unit"), rs.getString("kind"), rs.getBigDecimal("area_m2"),
				rs.getString("tenant_credit_code"), rs.getObject("from_on", LocalDate.class),
				rs.getObject("to_on", LocalDate.class), rs.getBigDecimal("rent_per_m2_month"),
				rs.getBigDecimal("monthly_rent"), rs.getBigDecimal("deposit"),
				rs.getObject("terminated_on", LocalDate.class), rs.getString("termination_reason"),
				rs.getLong("version"));
	}

	private static final String LEASE = """
			SELECT l.*, u.building, u.unit, u.kind, u.area_m2 FROM asset_lease l JOIN asset_unit u ON u.id = l.unit_id
			""";

	boolean overlaps(long unitId, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM asset_lease WHERE unit_id = :u AND from_on <= :t AND to_on >= :f)
				""").param("u", unitId).param("f", from).param("t", to).query(Boolean.class).single();
	}

	long insertLease(long unitId, String zone, String tenant, LocalDate from, LocalDate to, BigDecimal rent,
			BigDecimal deposit, BigDecimal monthly, String by) {
		return this.jdbc.sql("""
				INSERT INTO asset_lease (unit_id, zone_code, tenant_credit_code, from_on, to_on, rent_per_m2_month,
				  deposit, monthly_rent, created_by) VALUES (:u, :z, :t, :f, :to, :r, :d, :m, :by) RETURNING id
				""")
			.param("u", unitId)
			.param("z", zone)
			.param("t", tenant)
			.param("f", from)
			.param("to", to)
			.param("r", rent)
			.param("d", deposit)
			.param("m", monthly)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	/**
	 * Ends a lease early (退租) on the day: its effective end moves to the day, the agreed
	 * end is kept; one winner (a lease already ended → 0).
	 */
	int terminate(long id, LocalDate on, String reason) {
		return this.jdbc.sql("""
				UPDATE asset_lease SET agreed_to_on = to_on, to_on = :on, terminated_on = :on,
				  termination_reason = :reason, version = version + 1
				WHERE id = :id AND terminated_on IS NULL AND to_on >= :on AND from_on <= :on
				""").param("id", id).param("on", on).param("reason", reason).update();
	}

	Optional<LeaseRow> lease(long id) {
		return this.jdbc.sql(LEASE + " WHERE l.id = :id").param("id", id).query(AssetStore::lease).optional();
	}

	List<LeaseRow> leases(List<String> zones, String tenant) {
		return this.jdbc
			.sql(LEASE + " WHERE l.zone_code = ANY(:z)" + ((tenant != null) ? " AND l.tenant_credit_code = :t" : "")
					+ " ORDER BY l.to_on DESC, l.id DESC")
			.param("z", zones.toArray(String[]::new))
			.param("t", tenant)
			.query(AssetStore::lease)
			.list();
	}

	List<LeaseRow> leasesOfTenant(String tenant) {
		return this.jdbc.sql(LEASE + " WHERE l.tenant_credit_code = :t ORDER BY l.to_on DESC, l.id DESC")
			.param("t", tenant)
			.query(AssetStore::lease)
			.list();
	}

	static PaymentView payment(ResultSet rs, int n) throws SQLException {
		long bill = rs.getLong("bill_id");
		return new PaymentView(rs.getLong("id"), rs.getLong("lease_id"), rs.wasNull() ? null : bill,
				rs.getObject("on_date", LocalDate.class), rs.getBigDecimal("amount"));
	}

	/**
	 * The leases begun by the day whose bills do not reach the day (or their end): the
	 * ones the billing job has bills to issue for.
	 */
	List<LeaseRow> leasesToBill(LocalDate today) {
		return this.jdbc.sql(LEASE + """
				 WHERE l.from_on <= :today AND NOT EXISTS (SELECT 1 FROM asset_bill b WHERE b.lease_id = l.id
				   AND b.period_to >= LEAST(l.to_on, :today)) ORDER BY l.id
				""").param("today", today).query(AssetStore::lease).list();
	}

	/** The payments of the leases, by lease. */
	Map<Long, List<PaymentView>> payments(List<Long> leaseIds) {
		Map<Long, List<PaymentView>> map = new HashMap<>();
		this.jdbc.sql("SELECT * FROM asset_payment WHERE lease_id = ANY(:l) ORDER BY on_date, id")
			.param("l", leaseIds.toArray(Long[]::new))
			.query(AssetStore::payment)
			.list()
			.forEach((p) -> map.computeIfAbsent(p.leaseId(), (k) -> new java.util.ArrayList<>()).add(p));
		return map;
	}

	PaymentView payment(long id) {
		return this.jdbc.sql("SELECT * FROM asset_payment WHERE id = :id")
			.param("id", id)
			.query(AssetStore::payment)
			.single();
	}

	BigDecimal collected(String zone, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT coalesce(sum(p.amount), 0) FROM asset_payment p JOIN asset_lease l ON l.id = p.lease_id
				WHERE l.zone_code = :z AND p.on_date BETWEEN :f AND :t
				""").param("z", zone).param("f", from).param("t", to).query(BigDecimal.class).single();
	}

	long insertLitigation(long leaseId, LocalDate on, String note, String by) {
		return this.jdbc.sql("""
				INSERT INTO asset_litigation (lease_id, on_date, note, created_by) VALUES (:l, :on, :n, :by)
				RETURNING id
				""").param("l", leaseId).param("on", on).param("n", note).param("by", by).query(Long.class).single();
	}

	LitigationView litigation(long id) {
		return this.jdbc.sql("SELECT * FROM asset_litigation WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new LitigationView(rs.getLong("id"), rs.getLong("lease_id"),
					rs.getObject("on_date", LocalDate.class), rs.getString("note")))
			.single();
	}

	List<Long> leasesInLitigation(List<Long> leaseIds) {
		return this.jdbc.sql("SELECT DISTINCT lease_id FROM asset_litigation WHERE lease_id = ANY(:l)")
			.param("l", leaseIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	long litigationEnterprises(String zone, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("""
					SELECT count(DISTINCT l.tenant_credit_code) FROM asset_litigation g JOIN asset_lease l ON l.id = g.lease_id
					WHERE l.zone_code = :z AND g.on_date BETWEEN :f AND :t
					""")
			.param("z", zone)
			.param("f", from)
			.param("t", to)
			.query(Long.class)
			.single();
	}

	/** Area of all units and of the units leased on a day (m²). */
	BigDecimal[] occupancy(String zone, LocalDate on) {
		return this.jdbc.sql("""
				SELECT coalesce(sum(area_m2), 0) AS total,
				  coalesce(sum(area_m2) FILTER (WHERE EXISTS (SELECT 1 FROM asset_lease l WHERE l.unit_id = u.id
				    AND l.from_on <= :on AND l.to_on >= :on)), 0) AS leased
				FROM asset_unit u WHERE u.zone_code = :z
				""")
			.param("z", zone)
			.param("on", on)
			.query((rs, n) -> new BigDecimal[] { rs.getBigDecimal("total"), rs.getBigDecimal("leased") })
			.single();
	}

}
