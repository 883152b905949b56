package io.parkops.land.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.land.internal.AssetViews.PaymentView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the stored rent bills (租金账单) and of the payments recorded against them.
 */
@Repository
class BillStore {

	private final JdbcClient jdbc;

	BillStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stored bill; {@code paidAsOf} is what its payments dated up to the day asked sum
	 * to ({@code paid} when no day was asked).
	 */
	record BillRow(long id, long leaseId, String zoneCode, String building, String unit, String tenant,
			LocalDate periodFrom, LocalDate periodTo, LocalDate dueOn, BigDecimal amount, BigDecimal paid,
			BigDecimal paidAsOf, String status, long version) {
	}

	private static final String BILL = """
			SELECT b.*, u.building, u.unit, %s AS paid_as_of FROM asset_bill b
			JOIN asset_lease l ON l.id = b.lease_id JOIN asset_unit u ON u.id = l.unit_id
			""";

	/**
	 * A bill's status on {@code :today}, whatever the billing job last stored (it marks
	 * 逾期 once a day): as {@link RentBills#status}.
	 */
	private static final String STATUS_ON = """
			CASE WHEN b.paid >= b.amount THEN 'PAID' WHEN b.due_on < :today THEN 'OVERDUE'
			WHEN b.paid > 0 THEN 'PARTIAL' ELSE 'UNPAID' END""";

	private static final String PAID_AS_OF = """
			coalesce((SELECT sum(p.amount) FROM asset_payment p WHERE p.bill_id = b.id AND p.on_date <= :asOf), 0)""";

	private static BillRow bill(ResultSet rs, int n) throws SQLException {
		return new BillRow(rs.getLong("id"), rs.getLong("lease_id"), rs.getString("zone_code"),
				rs.getString("building"), rs.getString("unit"), rs.getString("tenant_credit_code"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				rs.getObject("due_on", LocalDate.class), rs.getBigDecimal("amount"), rs.getBigDecimal("paid"),
				rs.getBigDecimal("paid_as_of"), rs.getString("status"), rs.getLong("version"));
	}

	/**
	 * The bills of the leases whose period has begun by the day, by lease, oldest first.
	 */
	Map<Long, List<BillRow>> bills(List<Long> leaseIds, LocalDate asOf) {
		Map<Long, List<BillRow>> map = new HashMap<>();
		this.jdbc
			.sql(BILL.formatted(PAID_AS_OF)
					+ " WHERE b.lease_id = ANY(:l) AND b.period_from <= :asOf ORDER BY b.lease_id, b.period_from")
			.param("l", leaseIds.toArray(Long[]::new))
			.param("asOf", asOf)
			.query(BillStore::bill)
			.list()
			.forEach((b) -> map.computeIfAbsent(b.leaseId(), (k) -> new ArrayList<>()).add(b));
		return map;
	}

	/** Every stored bill of a lease, oldest first. */
	List<BillRow> billsOfLease(long leaseId) {
		return this.jdbc.sql(BILL.formatted("b.paid") + " WHERE b.lease_id = :l ORDER BY b.period_from")
			.param("l", leaseId)
			.query(BillStore::bill)
			.list();
	}

	Optional<BillRow> bill(long id) {
		return this.jdbc.sql(BILL.formatted("b.paid") + " WHERE b.id = :id")
			.param("id", id)
			.query(BillStore::bill)
			.optional();
	}

	/** Locks a bill's row while a payment is recorded against it. */
	Optional<BillRow> lockBill(long id) {
		return this.jdbc.sql(BILL.formatted("b.paid") + " WHERE b.id = :id FOR UPDATE OF b")
			.param("id", id)
			.query(BillStore::bill)
			.optional();
	}

	/** Locks the bills of a lease not paid in full, oldest first. */
	List<BillRow> lockOpenBills(long leaseId) {
		return this.jdbc
			.sql(BILL.formatted("b.paid")
					+ " WHERE b.lease_id = :l AND b.paid < b.amount ORDER BY b.period_from FOR UPDATE OF b")
			.param("l", leaseId)
			.query(BillStore::bill)
			.list();
	}

	/** Issues a bill; nothing when the lease has one for the period already. */
	Optional<Long> insertBill(long leaseId, String zone, String tenant, LocalDate from, LocalDate to, LocalDate due,
			BigDecimal amount, String status, String by) {
		return this.jdbc.sql("""
				INSERT INTO asset_bill (lease_id, zone_code, tenant_credit_code, period_from, period_to, due_on, amount,
				  status, created_by) VALUES (:l, :z, :t, :f, :to, :d, :a, :s, :by)
				ON CONFLICT (lease_id, period_from) DO NOTHING RETURNING id
				""")
			.param("l", leaseId)
			.param("z", zone)
			.param("t", tenant)
			.param("f", from)
			.param("to", to)
			.param("d", due)
			.param("a", amount)
			.param("s", status)
			.param("by", by)
			.query(Long.class)
			.optional();
	}

	/** Changes a bill's period end and amount (a lease ended early). */
	void changeTerms(long id, LocalDate to, BigDecimal amount, String status) {
		this.jdbc.sql("""
				UPDATE asset_bill SET period_to = :to, amount = :a, status = :s, version = version + 1 WHERE id = :id
				""").param("id", id).param("to", to).param("a", amount).param("s", status).update();
	}

	void deleteBill(long id) {
		this.jdbc.sql("DELETE FROM asset_bill WHERE id = :id AND paid = 0").param("id", id).update();
	}

	/** Adds a payment to a bill locked by the caller, with the bill's new status. */
	void settle(long id, BigDecimal amount, String status) {
		this.jdbc.sql("UPDATE asset_bill SET paid = paid + :a, status = :s, version = version + 1 WHERE id = :id")
			.param("id", id)
			.param("a", amount)
			.param("s", status)
			.update();
	}

	long insertPayment(long leaseId, long billId, LocalDate on, BigDecimal amount, String by) {
		return this.jdbc.sql("""
				INSERT INTO asset_payment (lease_id, bill_id, on_date, amount, created_by)
				VALUES (:l, :b, :on, :a, :by) RETURNING id
				""")
			.param("l", leaseId)
			.param("b", billId)
			.param("on", on)
			.param("a", amount)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	/** Marks the bills past their due day and not paid in full 逾期; the count marked. */
	int markOverdue(LocalDate today) {
		return this.jdbc.sql("""
				UPDATE asset_bill SET status = 'OVERDUE', version = version + 1
				WHERE status IN ('UNPAID', 'PARTIAL') AND due_on < :today AND paid < amount
				""").param("today", today).update();
	}

	/** Payments recorded before bills were stored: not yet against a bill. */
	List<PaymentView> unassignedPayments() {
		return this.jdbc.sql("SELECT * FROM asset_payment WHERE bill_id IS NULL ORDER BY lease_id, on_date, id")
			.query(AssetStore::payment)
			.list();
	}

	/** Puts a payment against a bill (the part of it the bill takes). */
	void assign(long paymentId, long billId, BigDecimal amount) {
		this.jdbc.sql("UPDATE asset_payment SET bill_id = :b, amount = :a WHERE id = :id")
			.param("id", paymentId)
			.param("b", billId)
			.param("a", amount)
			.update();
	}

	/** Records the rest of a split payment as a payment of its own against a bill. */
	void insertPart(PaymentView p, Long billId, BigDecimal amount) {
		this.jdbc.sql("""
				INSERT INTO asset_payment (lease_id, bill_id, on_date, amount, created_by, created_at)
				SELECT lease_id, :b, on_date, :a, created_by, created_at FROM asset_payment WHERE id = :id
				""").param("id", p.id()).param("b", billId).param("a", amount).update();
	}

	/** The payments against a bill. */
	List<PaymentView> paymentsOfBill(long billId) {
		return this.jdbc.sql("SELECT * FROM asset_payment WHERE bill_id = :b ORDER BY on_date, id")
			.param("b", billId)
			.query(AssetStore::payment)
			.list();
	}

	/**
	 * What the bills search filters by; null leaves a filter out. {@code status} is a
	 * bill's status on {@code today}.
	 */
	record Filter(List<String> zones, String tenant, String status, LocalDate periodFrom, LocalDate periodTo, String q,
			List<String> tenantsNamed, LocalDate today) {
	}

	private static String where(Filter f) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (f.zones() != null) {
			where.append(" AND b.zone_code = ANY(:zones)");
		}
		if (f.tenant() != null) {
			where.append(" AND b.tenant_credit_code = :tenant");
		}
		if (f.status() != null) {
			where.append(" AND ").append(STATUS_ON).append(" = :status");
		}
		if (f.periodFrom() != null) {
			where.append(" AND b.period_from >= :pf");
		}
		if (f.periodTo() != null) {
			where.append(" AND b.period_from <= :pt");
		}
		if (f.q() != null) {
			where.append(" AND (u.building ILIKE :q ESCAPE '\\' OR u.unit ILIKE :q ESCAPE '\\'"
					+ " OR b.tenant_credit_code ILIKE :q ESCAPE '\\' OR b.tenant_credit_code = ANY(:named))");
		}
		return where.toString();
	}

	private static Map<String, Object> params(Filter f) {
		Map<String, Object> p = new HashMap<>();
		p.put("zones", (f.zones() != null) ? f.zones().toArray(String[]::new) : null);
		p.put("tenant", f.tenant());
		p.put("status", f.status());
		p.put("today", f.today());
		p.put("pf", f.periodFrom());
		p.put("pt", f.periodTo());
		p.put("q", (f.q() != null) ? "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
				: null);
		p.put("named", f.tenantsNamed().toArray(String[]::new));
		return p;
	}

	List<BillRow> search(Filter f, int offset, int limit) {
		return this.jdbc
			.sql(BILL.formatted("b.paid") + where(f)
					+ " ORDER BY b.period_from DESC, u.building, u.unit, b.id LIMIT :limit OFFSET :offset")
			.params(params(f))
			.param("limit", limit)
			.param("offset", offset)
			.query(BillStore::bill)
			.list();
	}

	long count(Filter f) {
		return this.jdbc
			.sql("SELECT count(*) FROM asset_bill b JOIN asset_lease l ON l.id = b.lease_id"
					+ " JOIN asset_unit u ON u.id = l.unit_id" + where(f))
			.params(params(f))
			.query(Long.class)
			.single();
	}

	/** The amount, paid and outstanding of the bills the filter finds (元). */
	BigDecimal[] totals(Filter f) {
		return this.jdbc
			.sql("SELECT coalesce(sum(b.amount), 0) AS amount, coalesce(sum(b.paid), 0) AS paid FROM asset_bill b"
					+ " JOIN asset_lease l ON l.id = b.lease_id JOIN asset_unit u ON u.id = l.unit_id" + where(f))
			.params(params(f))
			.query((rs, n) -> new BigDecimal[] { rs.getBigDecimal("amount"), rs.getBigDecimal("paid") })
			.single();
	}

}
