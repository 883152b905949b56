package io.parkops.investment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The investment figures of a zone for a period, in the shape of
 * {@code GET /api/v1/investment/summary}: amounts in 万元 (FDI in 万美元) and percentages
 * rounded once, half up, to two decimals.
 */
public record InvestmentSummary(String zone, LocalDate from, LocalDate to, BigDecimal timeProgressPct, Leads leads,
		long trips, long receptions, Signed signed, Started started, InProduction inProduction, Funds fundsInPlace,
		Rates rates, List<Target> targets, Lights projects, Problems problems) {

	public record Leads(@JsonProperty("new") long newLeads, long active, long dropped, long overdueFollowUps) {
	}

	public record Signed(long count, BigDecimal contractAmount, long above100m, long above1b) {
	}

	public record Started(long count, long above100m) {
	}

	public record InProduction(long count, long manufacturingAbove20m) {
	}

	public record Funds(BigDecimal amount, BigDecimal outsideProvinceAbove100m, BigDecimal fdiUsd) {
	}

	public record Rates(BigDecimal performancePct, BigDecimal startPct, BigDecimal fundsPct) {
	}

	/**
	 * A target of the year against the year to date: {@code current} and {@code target}
	 * are counts (whole numbers) or amounts; {@code aheadPoints} is progress minus 时序进度.
	 */
	public record Target(String code, Number current, Number target, BigDecimal progressPct, BigDecimal aheadPoints) {
	}

	public record Lights(long green, long amber, long red) {
	}

	public record Problems(long raised, long closed, long overdue) {
	}

}
