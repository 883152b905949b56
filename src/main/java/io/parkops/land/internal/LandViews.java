package io.parkops.land.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the land and assets API answers (areas in 亩 with their m² and 公顷, money in 万元,
 * rent in 元).
 */
public final class LandViews {

	private LandViews() {
	}

	/** A page of a list. */
	public record Page<T>(List<T> items, long total) {
	}

	/** A parcel (地块) with its boundary and, once supplied, its supply. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ParcelView(long id, String zoneCode, String code, BigDecimal areaMu, BigDecimal areaM2,
			BigDecimal areaHectares, String use, String status, String ownerCreditCode, String ownerName,
			String location, Map<String, Object> geometry, boolean inefficient, long version) {

		public ParcelView withOwnerName(String name) {
			return new ParcelView(this.id, this.zoneCode, this.code, this.areaMu, this.areaM2, this.areaHectares,
					this.use, this.status, this.ownerCreditCode, name, this.location, this.geometry, this.inefficient,
					this.version);
		}

	}

	/** An expropriation (征地). */
	public record ExpropriationView(long id, String zoneCode, LocalDate on, BigDecimal areaMu, int households,
			int graves, BigDecimal housesM2, BigDecimal compensation) {
	}

	/** An approval batch (组卷报批). */
	public record BatchView(long id, String zoneCode, String name, BigDecimal areaMu, String status,
			LocalDate preparedOn, LocalDate submittedOn, LocalDate approvedOn, long version) {
	}

	/** The 标准地 control indicators of a supply. */
	public record StandardLandView(BigDecimal investmentIntensity, BigDecimal plotRatio, BigDecimal buildingCoefficient,
			BigDecimal taxPerMu, BigDecimal energyPerValue, LocalDate capacityOn, String remedy,
			BigDecimal builtPlotRatio, BigDecimal builtBuildingCoefficient, LocalDate builtOn) {
	}

	/**
	 * Where a supplied parcel's idle-land clock stands today, with the fee it would owe.
	 */
	public record ClockView(String stage, LocalDate runsFrom, LocalDate feeDueOn, LocalDate reclaimDueOn, long days,
			BigDecimal fee) {
	}

	/** An idle-land notice (闲置土地征缴 / 无偿收回). */
	public record NoticeView(long id, long supplyId, String kind, String number, LocalDate issuedOn, BigDecimal fee) {
	}

	/** A supply (供地) by 宗. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SupplyView(long id, String zoneCode, long parcelId, String parcelCode, String kind, BigDecimal areaMu,
			BigDecimal price, String buyerCreditCode, String buyerName, LocalDate on, LocalDate agreedStartOn,
			StandardLandView standardLand, LocalDate startedOn, BigDecimal developedPct, BigDecimal investedPct,
			LocalDate stoppedOn, LocalDate closedOn, ClockView idle, List<NoticeView> notices, long version) {
	}

	/** A disposal (处置). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record DisposalView(long id, String zoneCode, String kind, String method, BigDecimal areaMu, LocalDate on,
			String parcelCode, String note) {
	}

	/** The land summary of a zone and period. */
	public record LandSummary(ExpropriationFigures expropriation, ApprovalFigures approval, SupplyFigures supply,
			Map<String, BigDecimal> disposals, IdleFigures idle) {
	}

	/** 征地 within the period. */
	public record ExpropriationFigures(BigDecimal areaMu, long graves, BigDecimal housesM2, long households,
			BigDecimal compensation) {
	}

	/**
	 * 组卷报批: batches approved within the period, batches in progress at its end, and the
	 * approved area not yet supplied (批而未供) at its end.
	 */
	public record ApprovalFigures(long approvedBatches, BigDecimal approvedMu, long inProgressBatches,
			BigDecimal inProgressMu, BigDecimal approvedUnsuppliedMu) {
	}

	/** Supplies within the period. */
	public record SupplyFigures(long parcels, BigDecimal areaMu, long standardLand) {
	}

	/** Idle parcels at the period's end (or today, if earlier). */
	public record IdleFigures(long parcels, BigDecimal areaMu, long feeDue, long reclaimDue) {
	}

	/**
	 * A 标准地 commitment checked at its 达产 date against the enterprise's actual figures:
	 * each control indicator committed with its actual value (null: no figure in the
	 * system), whether it is met and the gap; {@code met} when every indicator with a
	 * figure is met; the contract's remedy for a commitment not met.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CommitmentCheck(long supplyId, long parcelId, String parcelCode, String buyerCreditCode,
			String buyerName, LocalDate capacityOn, int year, BigDecimal committedTaxPerMu, BigDecimal actualTaxPerMu,
			BigDecimal committedInvestmentIntensity, BigDecimal actualInvestmentIntensity, boolean met,
			BigDecimal taxGap, List<CheckItem> items, String remedy) {

		/** The indicators not met. */
		public List<CheckItem> unmet() {
			return this.items.stream().filter((i) -> Boolean.FALSE.equals(i.met())).toList();
		}

	}

	/**
	 * One control indicator of a 标准地 check: {@code investment_intensity} (万元/亩),
	 * {@code plot_ratio}, {@code building_coefficient} (%), {@code tax_per_mu} (万元/亩) —
	 * met at or above the commitment — and {@code energy_per_value} (tce/万元) — met at or
	 * below; {@code met} null when the system has no actual figure; {@code gap} the
	 * shortfall (or excess of energy) when not met.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CheckItem(String code, BigDecimal committed, BigDecimal actual, Boolean met, BigDecimal gap) {
	}

	/** A parcel as the map draws it: its boundary as stored (GeoJSON text). */
	public record MapParcel(long id, String code, BigDecimal areaMu, String status, String ownerCreditCode,
			boolean inefficient, String geometry) {
	}

}
