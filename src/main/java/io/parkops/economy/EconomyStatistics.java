package io.parkops.economy;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.economy.internal.StatisticsStore;
import io.parkops.economy.internal.StatisticsEngine;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;

import org.springframework.stereotype.Service;

/**
 * The statistics of economic operation (经济运行) for other modules, such as the cockpit and
 * the work report: the same figures the economy pages and
 * {@code GET /api/v1/economy/summary} show.
 * <p>
 * The plain methods act for the signed-in user and check, like the endpoints, that the
 * user holds {@code economy:statistics:read} and may see the zone (403 otherwise). The
 * {@code …ForReport} variants check nothing: they are for system work without a request
 * (report generation, scheduled jobs), whose caller has done its own checks.
 */
@Service
public class EconomyStatistics {

	/** The permission the plain methods require. */
	public static final String READ = "economy:statistics:read";

	private final StatisticsEngine engine;

	private final StatisticsStore store;

	EconomyStatistics(StatisticsEngine engine, StatisticsStore store) {
		this.engine = engine;
		this.store = store;
	}

	/**
	 * Each enterprise's figures of one calendar year as reported month by month, by
	 * credit code: flow indicators summed over the reported months,
	 * {@link Indicator#EMPLOYEES} averaged over them; enterprises of the zone without a
	 * reported month are left out. For system use (per-mu evaluation, report sections):
	 * it checks no user.
	 */
	public Map<String, Map<Indicator, java.math.BigDecimal>> enterpriseYearFiguresForReport(String zoneCode, int year) {
		return this.store.yearFigures(zoneCode, year);
	}

	/**
	 * Each enterprise's figure of one indicator in a calendar year with the same months'
	 * prior-year base, by credit code (enterprises of the zone without a reported month
	 * are left out). For system use (policy matching): it checks no user.
	 */
	public Map<String, EnterpriseYearOnYear> enterpriseYearOnYearForReport(String zoneCode, Indicator indicator,
			int year) {
		return this.store.yearOnYear(zoneCode, indicator, year);
	}

	/**
	 * The summary of {@code GET /api/v1/economy/summary} with exact figures (round with
	 * {@link EconomySummary#rounded()} or at the precision shown): the 1–{@code month}
	 * cumulative figures of the zone's 规上 set valid in that month, same-set growth,
	 * targets and, with {@code groupBy} {@code industry}, {@code area} (or {@code chain},
	 * by industry chain tag), the groups with share, pull and contribution.
	 * @param area only this area (片区), or null
	 * @param industry only this industry division ({@code C39}) or section ({@code C}),
	 * or null; with either filter no targets are shown (they are the whole zone's)
	 * @throws io.parkops.platform.InvalidInputException for a bad month, grouping or area
	 * @throws io.parkops.platform.NotFoundException for an unknown zone
	 */
	public EconomySummary summary(String zoneCode, int year, int month, String groupBy, String area, String industry) {
		checkScope(zoneCode);
		return this.engine.summary(zoneCode, year, month, groupBy, area, industry);
	}

	/** {@link #summary} without any check of the current user, for system use. */
	public EconomySummary summaryForReport(String zoneCode, int year, int month, String groupBy, String area,
			String industry) {
		return this.engine.summary(zoneCode, year, month, groupBy, area, industry);
	}

	/**
	 * Months 1–12 of a year for this-year-vs-last-year trend lines of an indicator
	 * ({@code output}, …, {@code employees}) or a zone figure ({@code budget_revenue},
	 * {@code fixed_asset_investment}, {@code tech_investment}).
	 */
	public List<MonthlyPoint> monthlyTrend(String zoneCode, int year, String indicatorCode) {
		checkScope(zoneCode);
		return this.engine.monthlyTrend(zoneCode, year, indicatorCode);
	}

	/** {@link #monthlyTrend} without any check of the current user, for system use. */
	public List<MonthlyPoint> monthlyTrendForReport(String zoneCode, int year, String indicatorCode) {
		return this.engine.monthlyTrend(zoneCode, year, indicatorCode);
	}

	/**
	 * The latest month for which an enterprise of the zone reported figures or a zone
	 * figure was entered: the default data month of reports and the cockpit.
	 */
	public Optional<YearMonth> latestMonthWithData(String zoneCode) {
		checkScope(zoneCode);
		return this.engine.latestMonthWithData(zoneCode);
	}

	/**
	 * {@link #latestMonthWithData} without any check of the current user, for system use.
	 */
	public Optional<YearMonth> latestMonthWithDataForReport(String zoneCode) {
		return this.engine.latestMonthWithData(zoneCode);
	}

	/**
	 * The month pages, the cockpit and the report show by default: the latest month whose
	 * reported share of the 规上 set reaches {@code parkops.economy.complete-share} (90 %),
	 * else the latest month with data. A later month is shown only when chosen.
	 */
	public Optional<YearMonth> defaultMonth(String zoneCode) {
		checkScope(zoneCode);
		return this.engine.defaultMonth(zoneCode);
	}

	/** {@link #defaultMonth} without any check of the current user, for system use. */
	public Optional<YearMonth> defaultMonthForReport(String zoneCode) {
		return this.engine.defaultMonth(zoneCode);
	}

	/**
	 * The enterprises of the set ranked by {@code by} = {@code growth} or
	 * {@code contribution} for one indicator, the first {@code limit} of them.
	 */
	public List<EnterpriseRank> ranking(String zoneCode, int year, int month, String indicatorCode, String by,
			int limit) {
		checkScope(zoneCode);
		return this.engine.ranking(zoneCode, year, month, indicatorCode, by, limit);
	}

	private static void checkScope(String zoneCode) {
		CurrentUser me = CurrentUser.get();
		if (!me.has(READ)) {
			throw new ForbiddenException("error.forbidden");
		}
		me.checkZone(zoneCode);
	}

}
