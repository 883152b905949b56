package io.parkops.land.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The legal clock of idle land (闲置土地, domain.md §7): land is idle when it is not started
 * one full year after the agreed start date, or when it was started but is under one
 * third developed or under 25 % invested and has stopped for a year. From one year of
 * idleness the idle-land fee (20 % of the land price) is due; from two years the land is
 * reclaimed without compensation (无偿收回). The clock runs from the agreed start date, or
 * from the day development stopped.
 */
public final class IdleLandClock {

	/** The idle-land fee: 20 % of the land price. */
	public static final BigDecimal FEE_RATE = new BigDecimal("0.20");

	private IdleLandClock() {
	}

	/** Where a parcel's clock stands. */
	public enum Stage {

		/** No clock runs (started and developing, no agreed date, or closed). */
		NONE,
		/** The clock runs but the year is not full yet. */
		RUNNING,
		/** Idle for a full year: the fee notice is due. */
		FEE_DUE,
		/** Idle for two full years: reclaim without compensation. */
		RECLAIM_DUE

	}

	/**
	 * The development of a supplied parcel as the clock reads it.
	 *
	 * @param agreedStartOn the start date agreed in the contract (约定动工日期)
	 * @param startedOn when work started, or null
	 * @param developedPct share of the area developed (%), or null
	 * @param investedPct share of the agreed investment made (%), or null
	 * @param stoppedOn since when work has stopped, or null
	 * @param closedOn when the case was closed by a disposal, or null
	 */
	public record Progress(LocalDate agreedStartOn, LocalDate startedOn, BigDecimal developedPct,
			BigDecimal investedPct, LocalDate stoppedOn, LocalDate closedOn) {
	}

	/**
	 * The clock of one parcel on a day.
	 *
	 * @param stage where it stands
	 * @param runsFrom the day the clock started, or null
	 * @param feeDueOn the day the fee falls due (one full year), or null
	 * @param reclaimDueOn the day reclaiming falls due (two full years), or null
	 * @param days days since the clock started (0 when none runs)
	 */
	public record Clock(Stage stage, LocalDate runsFrom, LocalDate feeDueOn, LocalDate reclaimDueOn, long days) {

		public boolean idle() {
			return this.stage == Stage.FEE_DUE || this.stage == Stage.RECLAIM_DUE;
		}

	}

	/** The clock of a parcel on {@code asOf}. */
	public static Clock on(Progress p, LocalDate asOf) {
		if (p.closedOn() != null && !p.closedOn().isAfter(asOf)) {
			return none();
		}
		LocalDate from = runsFrom(p, asOf);
		if (from == null || from.isAfter(asOf)) {
			return none();
		}
		LocalDate fee = from.plusYears(1);
		LocalDate reclaim = from.plusYears(2);
		Stage stage = !asOf.isBefore(reclaim) ? Stage.RECLAIM_DUE : !asOf.isBefore(fee) ? Stage.FEE_DUE : Stage.RUNNING;
		return new Clock(stage, from, fee, reclaim, ChronoUnit.DAYS.between(from, asOf));
	}

	private static LocalDate runsFrom(Progress p, LocalDate asOf) {
		boolean started = p.startedOn() != null && !p.startedOn().isAfter(asOf);
		if (!started) {
			return p.agreedStartOn();
		}
		if (p.stoppedOn() != null && underDeveloped(p.developedPct(), p.investedPct())) {
			return p.stoppedOn();
		}
		return null;
	}

	/**
	 * Under one third developed or under 25 % invested (an unknown share counts as 0).
	 */
	static boolean underDeveloped(BigDecimal developedPct, BigDecimal investedPct) {
		BigDecimal developed = (developedPct != null) ? developedPct : BigDecimal.ZERO;
		BigDecimal invested = (investedPct != null) ? investedPct : BigDecimal.ZERO;
		return developed.multiply(BigDecimal.valueOf(3)).compareTo(BigDecimal.valueOf(100)) < 0
				|| invested.compareTo(BigDecimal.valueOf(25)) < 0;
	}

	/** The idle-land fee of a land price (万元): 20 %, two decimals half up. */
	public static BigDecimal fee(BigDecimal price) {
		return price.multiply(FEE_RATE).setScale(2, RoundingMode.HALF_UP);
	}

	private static Clock none() {
		return new Clock(Stage.NONE, null, null, null, 0);
	}

}
