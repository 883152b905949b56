package io.parkops.land.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the assets API answers (areas in m², money in 元).
 */
public final class AssetViews {

	private AssetViews() {
	}

	/** A unit of the platform company (厂房, 公寓, 门面房). */
	public record UnitView(long id, String zoneCode, String building, String unit, String kind, BigDecimal areaM2,
			boolean leased, long version) {
	}

	/** A lease (租赁合同) with what is owed on it today. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record LeaseView(long id, long unitId, String zoneCode, String building, String unit, String unitKind,
			BigDecimal areaM2, String tenantCreditCode, String tenantName, LocalDate from, LocalDate to,
			BigDecimal rentPerM2Month, BigDecimal monthlyRent, BigDecimal deposit, BigDecimal billed, BigDecimal paid,
			BigDecimal arrears, RentLedger.Buckets buckets, boolean litigation, LocalDate terminatedOn,
			String terminationReason, long version) {
	}

	/** A payment, against the bill it settles. */
	public record PaymentView(long id, long leaseId, Long billId, LocalDate on, BigDecimal amount) {
	}

	/**
	 * A payment received: one payment per bill it settles (a payment of a lease settles
	 * its oldest open bills first); {@code id} is the first of them.
	 */
	public record Receipt(long id, long leaseId, LocalDate on, BigDecimal amount, List<PaymentView> payments) {
	}

	/**
	 * A stored rent bill (租金账单, 元): {@code status} UNPAID 未缴, PARTIAL 部分缴纳, PAID 已缴清 or
	 * OVERDUE 逾期; {@code paid}, {@code outstanding} and {@code daysOverdue} as of the day
	 * asked (today unless said).
	 */
	public record BillView(long id, long leaseId, String zoneCode, String building, String unit,
			String tenantCreditCode, String tenantName, LocalDate periodFrom, LocalDate periodTo, LocalDate dueOn,
			BigDecimal amount, BigDecimal paid, BigDecimal outstanding, long daysOverdue, String status, long version) {
	}

	/** A page of bills with the totals of all the filter finds (元). */
	public record BillPage(List<BillView> items, long total, BigDecimal amount, BigDecimal paid,
			BigDecimal outstanding) {
	}

	/** A litigation record. */
	public record LitigationView(long id, long leaseId, LocalDate on, String note) {
	}

	/** The assets summary of a zone and period. */
	public record AssetSummary(BigDecimal rentCollected, BigDecimal occupancyPct, Arrears arrears,
			long litigationEnterprises, long expiringIn90Days) {
	}

	/** Arrears on the day: enterprises owing, the amount and its ageing. */
	public record Arrears(long enterprises, BigDecimal amount, RentLedger.Buckets buckets) {
	}

	/** A lease's bills with its arrears by age. */
	public record Bills(long leaseId, List<BillView> bills, RentLedger.Buckets arrears) {
	}

}
