package io.parkops.land.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The rent bills of a lease and their arrears (拖欠) by age, computed from the lease and
 * its payments: one bill per month of the term from its first day (a last, shorter period
 * pays its share of the month by days), due on the period's {@code dueDay}-th day;
 * payments settle the oldest bills first; what is unpaid on a day is aged by the days
 * past its due date: current (not yet past), 1–30, 31–60, 61–90, over 90.
 */
public final class RentLedger {

	private RentLedger() {
	}

	/** One rent bill (账单) and what of it is paid on the day asked. */
	public record Bill(LocalDate periodFrom, LocalDate periodTo, LocalDate dueOn, BigDecimal amount, BigDecimal paid,
			BigDecimal outstanding, long daysOverdue) {
	}

	/** Outstanding rent by age (元). */
	public record Buckets(BigDecimal current, BigDecimal d1_30, BigDecimal d31_60, BigDecimal d61_90,
			BigDecimal d90plus) {

		public static Buckets zero() {
			return new Buckets(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
		}

		public BigDecimal total() {
			return this.current.add(this.d1_30).add(this.d31_60).add(this.d61_90).add(this.d90plus);
		}

		public Buckets plus(Buckets o) {
			return new Buckets(this.current.add(o.current), this.d1_30.add(o.d1_30), this.d31_60.add(o.d31_60),
					this.d61_90.add(o.d61_90), this.d90plus.add(o.d90plus));
		}

		Buckets plus(long daysOverdue, BigDecimal amount) {
			if (daysOverdue <= 0) {
				return new Buckets(this.current.add(amount), this.d1_30, this.d31_60, this.d61_90, this.d90plus);
			}
			if (daysOverdue <= 30) {
				return new Buckets(this.current, this.d1_30.add(amount), this.d31_60, this.d61_90, this.d90plus);
			}
			if (daysOverdue <= 60) {
				return new Buckets(this.current, this.d1_30, this.d31_60.add(amount), this.d61_90, this.d90plus);
			}
			if (daysOverdue <= 90) {
				return new Buckets(this.current, this.d1_30, this.d31_60, this.d61_90.add(amount), this.d90plus);
			}
			return new Buckets(this.current, this.d1_30, this.d31_60, this.d61_90, this.d90plus.add(amount));
		}

	}

	/** A payment received. */
	public record Payment(LocalDate on, BigDecimal amount) {
	}

	/**
	 * The bills of the term that have begun by {@code asOf}, with the payments received
	 * by then settling the oldest first.
	 */
	public static List<Bill> bills(LocalDate from, LocalDate to, BigDecimal monthlyRent, List<Payment> payments,
			LocalDate asOf, int dueDay) {
		BigDecimal paid = BigDecimal.ZERO;
		for (Payment p : payments) {
			if (!p.on().isAfter(asOf)) {
				paid = paid.add(p.amount());
			}
		}
		List<Bill> bills = new ArrayList<>();
		LocalDate last = to.isBefore(asOf) ? to : asOf;
		for (int k = 0;; k++) {
			LocalDate start = from.plusMonths(k);
			if (start.isAfter(last)) {
				break;
			}
			LocalDate fullEnd = from.plusMonths(k + 1L).minusDays(1);
			LocalDate end = fullEnd.isAfter(to) ? to : fullEnd;
			BigDecimal amount = monthlyRent;
			if (end.isBefore(fullEnd)) {
				long days = ChronoUnit.DAYS.between(start, end) + 1;
				long full = ChronoUnit.DAYS.between(start, fullEnd) + 1;
				amount = monthlyRent.multiply(BigDecimal.valueOf(days))
					.divide(BigDecimal.valueOf(full), 2, RoundingMode.HALF_UP);
			}
			BigDecimal settled = paid.min(amount);
			paid = paid.subtract(settled);
			LocalDate due = start.plusDays(Math.max(dueDay, 1) - 1L);
			bills.add(new Bill(start, end, due, amount, settled, amount.subtract(settled),
					Math.max(0, ChronoUnit.DAYS.between(due, asOf))));
		}
		return bills;
	}

	/** The outstanding rent of the bills by age on {@code asOf}. */
	public static Buckets arrears(List<Bill> bills) {
		Buckets b = Buckets.zero();
		for (Bill bill : bills) {
			if (bill.outstanding().signum() > 0) {
				b = b.plus(bill.daysOverdue(), bill.outstanding());
			}
		}
		return b;
	}

	/** The monthly rent of a unit: area × rent per m² and month, two decimals half up. */
	public static BigDecimal monthlyRent(BigDecimal areaM2, BigDecimal rentPerM2Month) {
		return areaM2.multiply(rentPerM2Month).setScale(2, RoundingMode.HALF_UP);
	}

}
