package io.parkops.report;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The period a report covers: 上半年 (months 1-6), 年度 (1-12), 1-N月, or a quarter (the
 * quarter that holds {@code month}).
 *
 * @param kind the kind of report
 * @param year the year
 * @param month the last month, for {@link Kind#MONTHS}, or any month of the quarter, for
 * {@link Kind#QUARTER}; ignored otherwise
 */
public record ReportPeriod(Kind kind, int year, Integer month) {

	private static final String[] QUARTERS = { "一", "二", "三", "四" };

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
			case QUARTER -> YearMonth.of(this.year, quarter() * 3);
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

	/** The quarter (1-4) of a {@link Kind#QUARTER} period, else of its last month. */
	public int quarter() {
		int m = (this.kind == Kind.QUARTER) ? this.month : lastMonth().getMonthValue();
		return (m - 1) / 3 + 1;
	}

	/**
	 * The period as the reports name it, without the year: {@code 上半年}, {@code 全年},
	 * {@code 1-5月} ({@code 1月} for January alone), {@code 第二季度}.
	 */
	public String label() {
		return switch (this.kind) {
			case HALF_YEAR -> "上半年";
			case ANNUAL -> "全年";
			case MONTHS -> (this.month == 1) ? "1月" : "1-" + this.month + "月";
			case QUARTER -> "第" + QUARTERS[quarter() - 1] + "季度";
		};
	}

}
