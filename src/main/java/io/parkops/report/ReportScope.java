package io.parkops.report;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a section is written for.
 *
 * @param zoneCode the zone
 * @param zoneName the zone's name, as the report's sentences name it
 * @param period the period of the report
 * @param dataMonth the last month of cumulative statistics (1-N月), at most the period's
 * last month
 * @param asOf the date up to which events are counted (hazards found, accepted, …)
 */
public record ReportScope(String zoneCode, String zoneName, ReportPeriod period, YearMonth dataMonth, LocalDate asOf) {

	/**
	 * The last day whose events the report counts: the period's end, or {@code asOf} when
	 * that comes first (a report about a period still running).
	 */
	public LocalDate countedUntil() {
		return this.period.end().isAfter(this.asOf) ? this.asOf : this.period.end();
	}

	/** The first month of cumulative statistics: January of the period's year. */
	public YearMonth cumulativeFrom() {
		return YearMonth.of(this.dataMonth.getYear(), 1);
	}

	/**
	 * The cumulative period as the reports open their sentences: {@code 1-5月份}, or
	 * {@code 1月份} when the data month is January.
	 */
	public String cumulativeLabel() {
		int m = this.dataMonth.getMonthValue();
		return (m == 1) ? "1月份" : "1-" + m + "月份";
	}

}
