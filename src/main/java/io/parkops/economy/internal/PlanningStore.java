package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.economy.ZoneIndicator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of 目标与园区指标: the zone-level figures month by month, the year's targets and the price
 * indices.
 */
@Repository
public class PlanningStore {

	private final JdbcClient jdbc;

	PlanningStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void saveZoneFigures(String zone, YearMonth month, Map<ZoneIndicator, BigDecimal> values, String by) {
		this.jdbc.sql("""
				INSERT INTO economy_zone_figure (zone_code, month, budget_revenue, fixed_asset_investment,
				  tech_investment, updated_by) VALUES (:z, :m, :b, :f, :t, :by)
				ON CONFLICT (zone_code, month) DO UPDATE SET budget_revenue = EXCLUDED.budget_revenue,
				  fixed_asset_investment = EXCLUDED.fixed_asset_investment, tech_investment = EXCLUDED.tech_investment,
				  updated_by = EXCLUDED.updated_by, updated_at = now()
				""")
			.param("z", zone)
			.param("m", month.atDay(1))
			.param("b", values.get(ZoneIndicator.BUDGET_REVENUE))
			.param("f", values.get(ZoneIndicator.FIXED_ASSET_INVESTMENT))
			.param("t", values.get(ZoneIndicator.TECH_INVESTMENT))
			.param("by", by)
			.update();
	}

	/**
	 * A zone's figures of each month of a year (1–12); months without a row are absent.
	 */
	Map<Integer, Map<ZoneIndicator, BigDecimal>> zoneFigures(String zone, int year) {
		return zoneFigures(zone, year, year).getOrDefault(year, Map.of());
	}

	/** A zone's figures by year and month (1–12) for the years [from, to]. */
	Map<Integer, Map<Integer, Map<ZoneIndicator, BigDecimal>>> zoneFigures(String zone, int from, int to) {
		Map<Integer, Map<Integer, Map<ZoneIndicator, BigDecimal>>> years = new HashMap<>();
		this.jdbc.sql("""
				SELECT month, budget_revenue, fixed_asset_investment, tech_investment FROM economy_zone_figure
				WHERE zone_code = :z AND month BETWEEN :f AND :t
				""")
			.param("z", zone)
			.param("f", LocalDate.of(from, 1, 1))
			.param("t", LocalDate.of(to, 12, 1))
			.query((rs) -> {
				Map<ZoneIndicator, BigDecimal> values = new EnumMap<>(ZoneIndicator.class);
				for (ZoneIndicator i : ZoneIndicator.values()) {
					BigDecimal v = rs.getBigDecimal(i.code());
					if (v != null) {
						values.put(i, v);
					}
				}
				LocalDate month = rs.getObject(1, LocalDate.class);
				years.computeIfAbsent(month.getYear(), (y) -> new HashMap<>()).put(month.getMonthValue(), values);
			});
		return years;
	}

	/** A stored target: kind AMOUNT, GROWTH or COUNT. */
	public record TargetRow(String code, String kind, BigDecimal value) {
	}

	void replaceTargets(String zone, int year, List<TargetRow> targets) {
		this.jdbc.sql("DELETE FROM economy_target WHERE zone_code = :z AND year = :y")
			.param("z", zone)
			.param("y", year)
			.update();
		for (TargetRow t : targets) {
			this.jdbc.sql("""
					INSERT INTO economy_target (zone_code, year, code, kind, value) VALUES (:z, :y, :c, :k, :v)
					""")
				.param("z", zone)
				.param("y", year)
				.param("c", t.code())
				.param("k", t.kind())
				.param("v", t.value())
				.update();
		}
	}

	Map<String, TargetRow> targets(String zone, int year) {
		Map<String, TargetRow> targets = new LinkedHashMap<>();
		this.jdbc.sql("SELECT code, kind, value FROM economy_target WHERE zone_code = :z AND year = :y ORDER BY code")
			.param("z", zone)
			.param("y", year)
			.query(TargetRow.class)
			.list()
			.forEach((t) -> targets.put(t.code(), t));
		return targets;
	}

	void savePriceIndex(int year, BigDecimal index, String by) {
		this.jdbc.sql("""
				INSERT INTO economy_price_index (year, index, updated_by) VALUES (:y, :i, :by)
				ON CONFLICT (year) DO UPDATE SET index = EXCLUDED.index, updated_by = EXCLUDED.updated_by,
				  updated_at = now()
				""").param("y", year).param("i", index).param("by", by).update();
	}

	Optional<BigDecimal> priceIndex(int year) {
		return this.jdbc.sql("SELECT index FROM economy_price_index WHERE year = :y")
			.param("y", year)
			.query(BigDecimal.class)
			.optional();
	}

	/** Every price index entered, by year. */
	Map<Integer, BigDecimal> priceIndices() {
		Map<Integer, BigDecimal> all = new java.util.TreeMap<>();
		this.jdbc.sql("SELECT year, index FROM economy_price_index").query((rs) -> {
			all.put(rs.getInt(1), rs.getBigDecimal(2));
		});
		return all;
	}

}
