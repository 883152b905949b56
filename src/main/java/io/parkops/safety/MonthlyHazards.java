package io.parkops.safety;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Hazard figures of one month of a zone.
 *
 * @param month the month
 * @param found hazards found in the month
 * @param accepted hazards accepted (销号) in the month, whenever they were found
 * @param overdueOpen hazards open at the month's end (or today, for the current month)
 * whose deadline had passed by then
 * @param cumulativeRatePct 整改完成率 of the hazards found from January to this month,
 * accepted by the month's end; null when none was found
 */
public record MonthlyHazards(YearMonth month, long found, long accepted, long overdueOpen,
		BigDecimal cumulativeRatePct) {
}
