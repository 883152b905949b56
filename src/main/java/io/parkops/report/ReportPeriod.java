package io.parkops.report;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The period a report covers: 上半年 (months 1-6), 年度 (1-12), 1-N月, or a quarter (the
 * quarter ending in {@code month}).
 *
 * @param kind the kind of report
 * @param year the year
 * @param month the last month, for {@link Kind#MONTHS} and {@link Kind#QUARTER}; ignored
 * otherwise
 */
public record ReportPeriod(Kind kind, int year, Integer month) {

	/** The kinds of report. */
	public enum Kind {

		HALF_YEAR, ANNUAL, MONTHS, QUARTER

	}

	/** The last month of the period. */
	public YearMonth lastMonth() {
		return switch (this.kind) {
			case HALF_YEAR -> YearMonth.of(this.year, 6);
			case ANNUAL -> YearMonth.of(this.year, 12);
			case MONTHS -> YearMonth.of(this.year, this.month);
			case QUARTER -> YearMonth.of(this.year, ((this.month - 1) / 3 + 1) * 3);
		};
	}

	/** The first month of the period. */
	public YearMonth firstMonth() {
		return (this.kind == Kind.QUARTER) ? lastMonth().minusMonths(2) : YearMonth.of(this.year, 1);
	}

	public LocalDate start() {
		return firstMonth().atDay(1);
	}

	public LocalDate end() {
		return lastMonth().atEndOfMonth();
	}

}
