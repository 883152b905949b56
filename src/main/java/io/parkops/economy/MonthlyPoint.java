package io.parkops.economy;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One month of a this-year-vs-last-year trend line. Each month uses the 规上 set valid in
 * that month, so {@code cumulative}, {@code priorCumulative} and {@code growthPct} equal
 * the summary of that month. Values of months without any current-year figure are null.
 *
 * @param month 1–12
 * @param value the month's own figure (本月)
 * @param cumulative the 1–month cumulative (average for employees)
 * @param priorValue the same enterprises' figure of the same month a year earlier
 * @param priorCumulative the same enterprises' prior-year 1–month cumulative
 * @param growthPct same-set growth of the cumulative figure (comparable prices for value
 * added), null without a base
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MonthlyPoint(int month, BigDecimal value, BigDecimal cumulative, BigDecimal priorValue,
		BigDecimal priorCumulative, BigDecimal growthPct) {
}
