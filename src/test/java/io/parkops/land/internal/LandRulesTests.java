package io.parkops.land.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit conversions of domain.md §7, the idle-land rule with its legal clock, and the
 * rent ledger with its ageing of arrears.
 */
class LandRulesTests {

	// ---- units

	@Test
	void muConvertsToSquareMetresHectaresAndSquareKilometres() {
		assertThat(LandUnits.squareMetres(BigDecimal.ONE)).isEqualByComparingTo("666.67");
		assertThat(LandUnits.squareMetres(new BigDecimal("15"))).isEqualByComparingTo("10000.00");
		assertThat(LandUnits.hectares(new BigDecimal("15"))).isEqualByComparingTo("1.0000");
		assertThat(LandUnits.hectares(new BigDecimal("580.82"))).isEqualByComparingTo("38.7213");
		assertThat(LandUnits.squareKilometres(new BigDecimal("1500"))).isEqualByComparingTo("1.0000");
		assertThat(LandUnits.muOfSquareMetres(new BigDecimal("10000"))).isEqualByComparingTo("15.0000");
		assertThat(LandUnits.muOfSquareMetres(new BigDecimal("666.67"))).isEqualByComparingTo("1.0000");
		assertThat(LandUnits.muOfHectares(new BigDecimal("2.5"))).isEqualByComparingTo("37.5");
		// 亩 as reports show them: two decimals, half up
		assertThat(LandUnits.mu(new BigDecimal("335.442"))).isEqualByComparingTo("335.44");
		assertThat(LandUnits.mu(new BigDecimal("50.405"))).isEqualByComparingTo("50.41");
	}

	// ---- idle land

	private static IdleLandClock.Progress notStarted(LocalDate agreed) {
		return new IdleLandClock.Progress(agreed, null, null, null, null, null);
	}

	@Test
	void landNotStartedOneFullYearAfterTheAgreedDateIsIdleAndOwesTheFee() {
		LocalDate agreed = LocalDate.of(2023, 3, 1);
		assertThat(IdleLandClock.on(notStarted(agreed), LocalDate.of(2023, 2, 28)).stage())
			.isEqualTo(IdleLandClock.Stage.NONE);
		assertThat(IdleLandClock.on(notStarted(agreed), LocalDate.of(2024, 2, 29)).stage())
			.isEqualTo(IdleLandClock.Stage.RUNNING);
		IdleLandClock.Clock year = IdleLandClock.on(notStarted(agreed), LocalDate.of(2024, 3, 1));
		assertThat(year.stage()).isEqualTo(IdleLandClock.Stage.FEE_DUE);
		assertThat(year.idle()).isTrue();
		assertThat(year.feeDueOn()).isEqualTo(LocalDate.of(2024, 3, 1));
		assertThat(year.reclaimDueOn()).isEqualTo(LocalDate.of(2025, 3, 1));
		assertThat(IdleLandClock.on(notStarted(agreed), LocalDate.of(2025, 2, 28)).stage())
			.isEqualTo(IdleLandClock.Stage.FEE_DUE);
		assertThat(IdleLandClock.on(notStarted(agreed), LocalDate.of(2025, 3, 1)).stage())
			.isEqualTo(IdleLandClock.Stage.RECLAIM_DUE);
		// the fee: 20 % of the land price
		assertThat(IdleLandClock.fee(new BigDecimal("1234.56"))).isEqualByComparingTo("246.91");
	}

	@Test
	void startedLandIsIdleOnlyWhenUnderdevelopedAndStoppedForAYear() {
		LocalDate agreed = LocalDate.of(2022, 1, 1);
		LocalDate started = LocalDate.of(2022, 2, 1);
		LocalDate stopped = LocalDate.of(2023, 6, 1);
		LocalDate asOf = LocalDate.of(2024, 6, 1);
		// started, under one third developed, stopped a full year: idle from the stop
		IdleLandClock.Clock a = IdleLandClock.on(
				new IdleLandClock.Progress(agreed, started, new BigDecimal("30"), new BigDecimal("40"), stopped, null),
				asOf);
		assertThat(a.stage()).isEqualTo(IdleLandClock.Stage.FEE_DUE);
		assertThat(a.runsFrom()).isEqualTo(stopped);
		// exactly one third developed and 25 % invested: not idle, however long it
		// stopped
		assertThat(IdleLandClock
			.on(new IdleLandClock.Progress(agreed, started, new BigDecimal("33.34"), new BigDecimal("25"), stopped,
					null), asOf)
			.stage()).isEqualTo(IdleLandClock.Stage.NONE);
		// developed enough but under 25 % invested: idle
		assertThat(IdleLandClock
			.on(new IdleLandClock.Progress(agreed, started, new BigDecimal("60"), new BigDecimal("24.99"), stopped,
					null), asOf)
			.stage()).isEqualTo(IdleLandClock.Stage.FEE_DUE);
		// under-developed but still working: not idle
		assertThat(IdleLandClock
			.on(new IdleLandClock.Progress(agreed, started, new BigDecimal("10"), new BigDecimal("10"), null, null),
					asOf)
			.stage()).isEqualTo(IdleLandClock.Stage.NONE);
		// stopped less than a year: the clock runs
		assertThat(IdleLandClock
			.on(new IdleLandClock.Progress(agreed, started, new BigDecimal("10"), new BigDecimal("10"), stopped, null),
					LocalDate.of(2024, 5, 31))
			.stage()).isEqualTo(IdleLandClock.Stage.RUNNING);
		// a disposal closes the clock
		assertThat(IdleLandClock
			.on(new IdleLandClock.Progress(agreed, null, null, null, null, LocalDate.of(2024, 1, 1)), asOf)
			.stage()).isEqualTo(IdleLandClock.Stage.NONE);
		// no agreed date, not started: no clock
		assertThat(IdleLandClock.on(notStarted(null), asOf).stage()).isEqualTo(IdleLandClock.Stage.NONE);
	}

	// ---- rent

	@Test
	void billsAreMonthlyPaymentsSettleTheOldestAndArrearsAreAged() {
		BigDecimal monthly = RentLedger.monthlyRent(new BigDecimal("500"), new BigDecimal("12"));
		assertThat(monthly).isEqualByComparingTo("6000.00");
		LocalDate from = LocalDate.of(2024, 1, 1);
		LocalDate to = LocalDate.of(2024, 12, 31);
		List<RentLedger.Payment> paid = List
			.of(new RentLedger.Payment(LocalDate.of(2024, 1, 5), new BigDecimal("9000")));
		List<RentLedger.Bill> bills = RentLedger.bills(from, to, monthly, paid, LocalDate.of(2024, 6, 5), 10);
		assertThat(bills).hasSize(6);
		assertThat(bills.get(0).outstanding()).isEqualByComparingTo("0");
		assertThat(bills.get(1).paid()).isEqualByComparingTo("3000");
		RentLedger.Buckets b = RentLedger.arrears(bills);
		// February: 3000 left, due 10 Feb, 116 days → 90+; March due 10 Mar (87 days) →
		// 61–90; April (56) →
		// 31–60; May (26) → 1–30; June, due 10 June → current
		assertThat(b.d90plus()).isEqualByComparingTo("3000");
		assertThat(b.d61_90()).isEqualByComparingTo("6000");
		assertThat(b.d31_60()).isEqualByComparingTo("6000");
		assertThat(b.d1_30()).isEqualByComparingTo("6000");
		assertThat(b.current()).isEqualByComparingTo("6000");
		assertThat(b.total()).isEqualByComparingTo("27000");
	}

	@Test
	void aShortLastPeriodPaysItsShareOfTheMonth() {
		List<RentLedger.Bill> bills = RentLedger.bills(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 15),
				new BigDecimal("2900"), List.of(), LocalDate.of(2024, 12, 31), 1);
		assertThat(bills).hasSize(2);
		// February 2024 has 29 days: 15 of them
		assertThat(bills.get(1).amount()).isEqualByComparingTo("1500.00");
	}

}
