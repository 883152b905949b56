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

	/** A payment. */
	public record PaymentView(long id, long leaseId, LocalDate on, BigDecimal amount) {
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

	/** A lease's bills. */
	public record Bills(long leaseId, List<RentLedger.Bill> bills, RentLedger.Buckets arrears) {
	}

}
