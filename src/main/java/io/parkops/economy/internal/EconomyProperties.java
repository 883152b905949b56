package io.parkops.economy.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of economic operation monitoring ({@code parkops.economy.*}).
 *
 * @param dueDay the day of the following month by which enterprises report a month; later
 * is late (逾期)
 * @param aboveScaleRevenue the 规上 threshold of annual operating revenue, in 万元 (2000
 * since 2011)
 * @param candidateRevenue the 12-month revenue, in 万元, from which an enterprise below
 * scale is listed as 拟入规
 * @param anomalyFactor a month more than this many times the enterprise's usual level (or
 * under its inverse) is flagged
 * @param anomalyGrowthPct a year-on-year growth above this percentage is flagged
 * @param completeShare the share of the set (percent) that must have reported a month
 * before pages, cockpit and report show it by default
 * @param correctionMonths how many months before the current one an enterprise may still
 * correct by itself (1: the current and the previous month); older months need a
 * correction request that staff accept
 */
@ConfigurationProperties("parkops.economy")
public record EconomyProperties(@DefaultValue("10") int dueDay, @DefaultValue("2000") BigDecimal aboveScaleRevenue,
		@DefaultValue("1500") BigDecimal candidateRevenue, @DefaultValue("3") BigDecimal anomalyFactor,
		@DefaultValue("200") BigDecimal anomalyGrowthPct, @DefaultValue("90") BigDecimal completeShare,
		@DefaultValue("1") int correctionMonths) {
}
