package io.parkops.economy.internal;

import java.time.YearMonth;
import java.util.Optional;

import io.parkops.economy.EconomyStatistics;
import io.parkops.report.ReportDataMonths;

import org.springframework.stereotype.Component;

/**
 * Tells the work report the latest month with economic data, so that a half-year report
 * written in June states the 1-5月 figures, as the reference reports do.
 */
@Component
class EconomyReportDataMonths implements ReportDataMonths {

	private final EconomyStatistics statistics;

	EconomyReportDataMonths(EconomyStatistics statistics) {
		this.statistics = statistics;
	}

	@Override
	public Optional<YearMonth> latestMonthWithData(String zoneCode) {
		return this.statistics.defaultMonthForReport(zoneCode);
	}

}
