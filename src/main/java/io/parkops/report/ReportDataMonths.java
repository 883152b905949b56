package io.parkops.report;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Tells the report which month is the latest with data in a zone, so that a report
 * written in June uses the 1-5月 figures (the default data month of a report). Implemented
 * by the work lines that hold monthly statistics; with none, or no data in the report's
 * year, a report uses its period's last month.
 */
public interface ReportDataMonths {

	/** The latest month of the zone with data, if any. */
	Optional<YearMonth> latestMonthWithData(String zoneCode);

}
