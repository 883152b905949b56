package io.parkops.land.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The requests of the land and assets work line, as the API and the pages send them.
 * Dates are ISO-8601 text so that a wrong one is reported on its field; areas in 亩, money
 * in 万元 (rent and deposits in 元).
 */
public final class LandCommands {

	private LandCommands() {
	}

	/** Registers a parcel (地块) with its boundary as a GeoJSON Polygon or MultiPolygon. */
	public record RegisterParcel(String zoneCode, String code, BigDecimal areaMu, String use, String status,
			String ownerCreditCode, String location, Map<String, Object> geometry) {
	}

	/** Changes a parcel's status, owner or the staff's 低效用地 flag. */
	public record ChangeParcel(String status, String ownerCreditCode, Boolean inefficient, Long version) {
	}

	/** Records an expropriation (征地). */
	public record RecordExpropriation(String zoneCode, String on, BigDecimal areaMu, Integer households, Integer graves,
			BigDecimal housesM2, BigDecimal compensation) {
	}

	/** Registers an approval batch (组卷报批). */
	public record RegisterBatch(String zoneCode, String name, BigDecimal areaMu, String status, String on) {
	}

	/** Moves an approval batch on (组卷中 → 已上报 → 已批复). */
	public record BatchStatus(String status, String on) {
	}

	/** The 标准地 control indicators of a supply. */
	public record StandardLand(BigDecimal investmentIntensity, BigDecimal plotRatio, BigDecimal buildingCoefficient,
			BigDecimal taxPerMu, BigDecimal energyPerValue, String capacityOn, String remedy) {
	}

	/** The plot ratio and building coefficient of a 标准地 measured at acceptance (竣工验收). */
	public record RecordAsBuilt(BigDecimal plotRatio, BigDecimal buildingCoefficient, String on, Long version) {
	}

	/** Supplies a parcel (供地): listing sale (挂牌出让) or allocation (划拨). */
	public record RecordSupply(String zoneCode, String parcelCode, String kind, BigDecimal areaMu, BigDecimal price,
			String buyerCreditCode, String on, String agreedStartOn, StandardLand standardLand) {
	}

	/** The development of a supplied parcel, as the idle-land clock reads it. */
	public record RecordProgress(String startedOn, BigDecimal developedPct, BigDecimal investedPct, String stoppedOn,
			Long version) {
	}

	/** Issues an idle-land notice: the fee (征缴土地闲置费) or reclaiming (无偿收回). */
	public record IssueIdleNotice(String kind, String on) {
	}

	/** Records a disposal (处置) of inefficient land. */
	public record RecordDisposal(String zoneCode, String kind, String method, BigDecimal areaMu, String on,
			String parcelCode, String note) {
	}

	/** The per-mu scheme of a year. */
	public record SchemeRequest(ItemSetRequest aboveScale, ItemSetRequest belowScale, Map<String, BigDecimal> classCuts,
			Map<String, List<String>> policies, Map<String, Map<String, String>> measures, Long version) {
	}

	/** One indicator set of a scheme. */
	public record ItemSetRequest(List<ItemRequest> items) {
	}

	/** One indicator of a scheme. */
	public record ItemRequest(String code, BigDecimal weight, BigDecimal benchmark, BigDecimal cap) {
	}

	/**
	 * Manual inputs of an enterprise's year; a field given overrides the system's own
	 * figure.
	 */
	public record PerMuInputs(BigDecimal landMu, BigDecimal tax, BigDecimal valueAdded, BigDecimal revenue,
			BigDecimal electricity, BigDecimal energyTce, BigDecimal emissions, BigDecimal employees,
			BigDecimal rdExpense, Boolean notGraded, Long version) {
	}

	/** Evaluates a zone's year (a new draft). */
	public record Evaluate(String zoneCode, Integer year) {
	}

	/** Publishes an evaluation (公示) with its objection window in days. */
	public record Publish(Integer objectionDays) {
	}

	/** An enterprise's objection (异议) to its published result. */
	public record Objection(String text, String evidence) {
	}

	/** The decision on an objection. */
	public record ObjectionDecision(Boolean accepted, String reply) {
	}

	/** Registers a unit of the platform company (资产). */
	public record RegisterUnit(String zoneCode, String building, String unit, String kind, BigDecimal areaM2) {
	}

	/** Signs a lease (租赁合同). */
	public record SignLease(Long unitId, String tenantCreditCode, String from, String to, BigDecimal rentPerM2Month,
			BigDecimal deposit) {
	}

	/**
	 * Records a rent payment (元): against a bill ({@code billId} and the bill's
	 * {@code version}), else against the lease's oldest open bills.
	 */
	public record RecordPayment(Long leaseId, Long billId, String on, BigDecimal amount, Long version) {
	}

	/** Records litigation (诉讼) over a lease's arrears. */
	public record RecordLitigation(String on, String note) {
	}

	/** Ends a lease before its term (退租). */
	public record TerminateLease(String on, String reason) {
	}

}
