package io.parkops.safety;

import java.time.LocalDate;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.safety.internal.Inputs;
import io.parkops.safety.internal.StatisticsQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety figures other modules (leadership cockpit, work report) may ask for. Methods
 * without a suffix check the current user's data scope when there is a signed-in user (a
 * zone outside it is refused); {@code …ForReport} is for system use without a request and
 * checks nothing.
 */
@Service
@Transactional(readOnly = true)
public class SafetyStatistics {

	private final StatisticsQueries queries;

	private final ZoneDirectory zones;

	SafetyStatistics(StatisticsQueries queries, ZoneDirectory zones) {
		this.queries = queries;
		this.zones = zones;
	}

	/**
	 * The figures of {@code GET /api/v1/safety/summary}: hazards found within [from, to],
	 * of them accepted by now and overdue now, for a zone the current user may see.
	 */
	public SafetySummary summary(String zoneCode, LocalDate from, LocalDate to) {
		checkZone(zoneCode);
		checkRange(from, to);
		return this.queries.summary(zoneCode, from, to, Inputs.today(), null);
	}

	/**
	 * The same figures as they stood on {@code asOf}: hazards found within [from, to], of
	 * them accepted by {@code asOf} and overdue on {@code asOf}. No scope check.
	 */
	public SafetySummary summaryForReport(String zoneCode, LocalDate from, LocalDate to, LocalDate asOf) {
		checkRange(from, to);
		return this.queries.summary(zoneCode, from, to, asOf, null);
	}

	/**
	 * Per month of the year, up to the current month: hazards found in the month,
	 * accepted in the month (whenever found), open past their deadline at the month's end
	 * (today, for the current month) and the rate of the year to that month.
	 */
	public List<MonthlyHazards> monthlyTrend(String zoneCode, int year) {
		checkZone(zoneCode);
		return this.queries.monthly(zoneCode, year, Inputs.today());
	}

	/** Hazards of the zone not yet accepted (销号), today. */
	public long openHazards(String zoneCode) {
		checkZone(zoneCode);
		return this.queries.open(zoneCode, Inputs.today());
	}

	/** Hazards of the zone not yet accepted whose deadline has passed, today. */
	public long overdueHazards(String zoneCode) {
		checkZone(zoneCode);
		return this.queries.overdue(zoneCode, Inputs.today());
	}

	private void checkZone(String zoneCode) {
		this.zones.require(zoneCode);
		CurrentUser.find().ifPresent((me) -> me.checkZone(zoneCode));
	}

	private static void checkRange(LocalDate from, LocalDate to) {
		if (from == null) {
			throw InvalidInputException.of("from", "error.required");
		}
		if (to == null) {
			throw InvalidInputException.of("to", "error.required");
		}
		if (to.isBefore(from)) {
			throw InvalidInputException.of("to", "error.date.beforeStart");
		}
	}

}
