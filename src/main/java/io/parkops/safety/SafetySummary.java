package io.parkops.safety;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The safety figures of a zone for a date range, as {@code GET /api/v1/safety/summary}
 * answers them. Hazards counted are those found within the range; {@code hazardsAccepted}
 * counts those of them accepted (销号) by the as-of date; {@code overdue} counts those of
 * them still open after their deadline on the as-of date.
 *
 * @param inspections inspections held within the range
 * @param enterprisesInspected distinct enterprises visited by those inspections (家次 are
 * in the report section)
 * @param hazardsFound hazards found within the range
 * @param hazardsAccepted of them, accepted by the as-of date
 * @param rectificationRatePct 整改完成率 = accepted ÷ found × 100, two decimals half-up; null
 * when nothing was found
 * @param overdue of them, not accepted and past their deadline on the as-of date
 * @param byLevel the same per configured level, every level present
 * @param noticesIssued notices issued within the range
 * @param penaltyAmount the sum of penalties decided within the range, in 万元
 * @param complaints complaints received within the range and those of them closed
 */
public record SafetySummary(long inspections, long enterprisesInspected, long hazardsFound, long hazardsAccepted,
		BigDecimal rectificationRatePct, long overdue, Map<String, LevelFigures> byLevel, long noticesIssued,
		BigDecimal penaltyAmount, ComplaintFigures complaints) {

	/** Hazards of one level. */
	public record LevelFigures(long found, long accepted, BigDecimal ratePct) {
	}

	/** Complaints (信访件) received and, of them, closed. */
	public record ComplaintFigures(long received, long closed) {
	}

}
