package io.parkops.economy;

import java.math.BigDecimal;

/**
 * One enterprise's figure of one indicator in a calendar year as reported month by month,
 * with the base of the same months a year earlier.
 *
 * @param current the 1–{@code lastMonth} figure of the months reported (summed; averaged
 * for {@link Indicator#EMPLOYEES})
 * @param sameMonths the figure of those reported months whose prior-year month is known
 * @param base the prior-year figure of those same months (last year's stored month, or
 * the 上年同月 reported with this year's); null when none is known
 * @param lastMonth the last month reported (1–12)
 */
public record EnterpriseYearOnYear(BigDecimal current, BigDecimal sameMonths, BigDecimal base, int lastMonth) {
}
