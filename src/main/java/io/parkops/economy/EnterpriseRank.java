package io.parkops.economy;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One enterprise of the 规上 set in a ranking by growth or by contribution: its 1–N
 * cumulative figure of one indicator, the same-set base, growth, share of the whole, pull
 * (百分点 of the whole's growth) and contribution (% of the whole's increase).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnterpriseRank(int rank, String creditCode, String name, String areaCode, String industryCode,
		String industryName, String indicator, BigDecimal current, BigDecimal base, BigDecimal growthPct,
		BigDecimal sharePct, BigDecimal pullPoints, BigDecimal contributionPct) {
}
