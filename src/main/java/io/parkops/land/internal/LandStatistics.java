package io.parkops.land.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parkops.land.internal.LandStore.SupplyRow;
import io.parkops.land.internal.LandViews.ApprovalFigures;
import io.parkops.land.internal.LandViews.ExpropriationFigures;
import io.parkops.land.internal.LandViews.IdleFigures;
import io.parkops.land.internal.LandViews.LandSummary;
import io.parkops.land.internal.LandViews.SupplyFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The land figures of a zone and period, as the API, the pages, the cockpit and the
 * report show them: 亩 summed exactly and rounded once to two decimals, half up. Checks no
 * user: callers check the zone.
 */
@Service
public class LandStatistics {

	private final JdbcClient jdbc;

	private final LandStore store;

	private final io.parkops.economy.EconomyStatistics economy;

	private final io.parkops.enterprise.EnterpriseRegistry enterprises;

	private final PerMuStore perMuStore;

	private final io.parkops.investment.EnterpriseInvestment investment;

	LandStatistics(JdbcClient jdbc, LandStore store, io.parkops.economy.EconomyStatistics economy,
			io.parkops.enterprise.EnterpriseRegistry enterprises, PerMuStore perMuStore,
			io.parkops.investment.EnterpriseInvestment investment) {
		this.perMuStore = perMuStore;
		this.investment = investment;
		this.jdbc = jdbc;
		this.store = store;
		this.economy = economy;
		this.enterprises = enterprises;
	}

	/**
	 * The 标准地 commitments due by {@code asOf} (达产 date passed), each control indicator
	 * checked against the buyer's actual figure of the last full calendar year before
	 * {@code asOf}: 亩均税收 from the economy module's tax, 投资强度 from the funds in place of
	 * its projects (investment module) up to {@code asOf}, 单位能耗 from the energy (tce) of
	 * the per-mu inputs over the value added (inputs, else economy), 容积率 and 建筑系数 as
	 * measured at acceptance. An indicator without an actual figure is not judged; the
	 * commitment is 达标 when every judged indicator is met.
	 */
	public List<LandViews.CommitmentCheck> commitments(String zone, LocalDate asOf) {
		List<LandViews.CommitmentCheck> checks = new ArrayList<>();
		List<SupplyRow> due = this.store.supplies(List.of(zone), null)
			.stream()
			.filter((r) -> r.indicators() != null && r.indicators().capacityOn() != null
					&& !r.indicators().capacityOn().isAfter(asOf))
			.toList();
		if (due.isEmpty()) {
			return checks;
		}
		List<String> buyers = due.stream().map(SupplyRow::buyerCreditCode).distinct().toList();
		Map<String, String> names = this.enterprises.names(buyers);
		int year = asOf.getYear() - 1;
		Map<String, Map<io.parkops.economy.Indicator, BigDecimal>> figures = this.economy
			.enterpriseYearFiguresForReport(zone, year);
		Map<String, PerMuViews.InputsView> inputs = this.perMuStore.inputsOf(year, buyers);
		Map<String, BigDecimal> funds = this.investment.fundsInPlace(zone, buyers, asOf);
		for (SupplyRow r : due) {
			LandViews.StandardLandView c = r.indicators();
			Map<io.parkops.economy.Indicator, BigDecimal> f = figures.getOrDefault(r.buyerCreditCode(), Map.of());
			PerMuViews.InputsView in = inputs.get(r.buyerCreditCode());
			BigDecimal tax = (in != null && in.tax() != null) ? in.tax() : f.get(io.parkops.economy.Indicator.TAX);
			BigDecimal actualTax = (tax != null) ? tax.divide(r.areaMu(), 2, RoundingMode.HALF_UP)
					: BigDecimal.ZERO.setScale(2);
			BigDecimal fund = funds.get(r.buyerCreditCode());
			BigDecimal actualInvestment = (fund != null) ? fund.divide(r.areaMu(), 2, RoundingMode.HALF_UP) : null;
			BigDecimal valueAdded = (in != null && in.valueAdded() != null) ? in.valueAdded()
					: f.get(io.parkops.economy.Indicator.VALUE_ADDED);
			BigDecimal actualEnergy = (in != null && in.energyTce() != null && valueAdded != null
					&& valueAdded.signum() > 0) ? in.energyTce().divide(valueAdded, 4, RoundingMode.HALF_UP) : null;
			List<LandViews.CheckItem> items = new ArrayList<>();
			item(items, "investment_intensity", c.investmentIntensity(), actualInvestment, true);
			item(items, "plot_ratio", c.plotRatio(), c.builtPlotRatio(), true);
			item(items, "building_coefficient", c.buildingCoefficient(), c.builtBuildingCoefficient(), true);
			item(items, "tax_per_mu", c.taxPerMu(), actualTax, true);
			item(items, "energy_per_value", c.energyPerValue(), actualEnergy, false);
			if (items.isEmpty()) {
				continue;
			}
			boolean met = items.stream().noneMatch((i) -> Boolean.FALSE.equals(i.met()));
			BigDecimal taxGap = items.stream()
				.filter((i) -> i.code().equals("tax_per_mu") && Boolean.FALSE.equals(i.met()))
				.map(LandViews.CheckItem::gap)
				.findFirst()
				.orElse(null);
			checks.add(new LandViews.CommitmentCheck(r.id(), r.parcelId(), r.parcelCode(), r.buyerCreditCode(),
					names.get(r.buyerCreditCode()), c.capacityOn(), year, c.taxPerMu(), actualTax,
					c.investmentIntensity(), actualInvestment, met, taxGap, items, c.remedy()));
		}
		return checks;
	}

	/**
	 * One committed indicator (none committed: nothing); met at or above the commitment
	 * when {@code higherBetter}, at or below otherwise.
	 */
	static void item(List<LandViews.CheckItem> items, String code, BigDecimal committed, BigDecimal actual,
			boolean higherBetter) {
		if (committed == null) {
			return;
		}
		if (actual == null) {
			items.add(new LandViews.CheckItem(code, committed, null, null, null));
			return;
		}
		int cmp = actual.compareTo(committed);
		boolean met = higherBetter ? cmp >= 0 : cmp <= 0;
		BigDecimal gap = met ? null : (higherBetter ? committed.subtract(actual) : actual.subtract(committed));
		items.add(new LandViews.CheckItem(code, committed, actual, met, gap));
	}

	/**
	 * The summary of {@code [from, to]}; idle land and batches in progress as of
	 * {@code to} (today when it lies ahead).
	 */
	public LandSummary summary(String zone, LocalDate from, LocalDate to) {
		LocalDate asOf = to.isAfter(LandScope.today()) ? LandScope.today() : to;
		Map<String, Object> e = this.jdbc.sql("""
				SELECT coalesce(sum(area_mu), 0) AS mu, coalesce(sum(graves), 0) AS graves,
				  coalesce(sum(houses_m2), 0) AS houses, coalesce(sum(households), 0) AS hh,
				  coalesce(sum(compensation), 0) AS comp
				FROM land_expropriation WHERE zone_code = :z AND on_date BETWEEN :f AND :t
				""").param("z", zone).param("f", from).param("t", to).query().singleRow();
		ExpropriationFigures expropriation = new ExpropriationFigures(LandUnits.mu((BigDecimal) e.get("mu")),
				((Number) e.get("graves")).longValue(), ((BigDecimal) e.get("houses")).setScale(2),
				((Number) e.get("hh")).longValue(), ((BigDecimal) e.get("comp")).setScale(2));
		Map<String, Object> a = this.jdbc
			.sql("""
					SELECT count(*) FILTER (WHERE status = 'APPROVED' AND approved_on BETWEEN :f AND :t) AS approved,
					  coalesce(sum(area_mu) FILTER (WHERE status = 'APPROVED' AND approved_on BETWEEN :f AND :t), 0) AS approved_mu,
					  count(*) FILTER (WHERE status <> 'APPROVED' AND coalesce(prepared_on, submitted_on) <= :asof) AS open,
					  coalesce(sum(area_mu) FILTER (WHERE status <> 'APPROVED'
					    AND coalesce(prepared_on, submitted_on) <= :asof), 0) AS open_mu,
					  coalesce(sum(area_mu) FILTER (WHERE status = 'APPROVED' AND approved_on <= :asof), 0) AS all_approved
					FROM land_approval_batch WHERE zone_code = :z
					""")
			.param("z", zone)
			.param("f", from)
			.param("t", to)
			.param("asof", asOf)
			.query()
			.singleRow();
		BigDecimal suppliedToDate = this.jdbc
			.sql("SELECT coalesce(sum(area_mu), 0) FROM land_supply WHERE zone_code = :z AND on_date <= :asof")
			.param("z", zone)
			.param("asof", asOf)
			.query(BigDecimal.class)
			.single();
		BigDecimal unsupplied = ((BigDecimal) a.get("all_approved")).subtract(suppliedToDate).max(BigDecimal.ZERO);
		ApprovalFigures approval = new ApprovalFigures(((Number) a.get("approved")).longValue(),
				LandUnits.mu((BigDecimal) a.get("approved_mu")), ((Number) a.get("open")).longValue(),
				LandUnits.mu((BigDecimal) a.get("open_mu")), LandUnits.mu(unsupplied));
		Map<String, Object> s = this.jdbc.sql("""
				SELECT count(*) AS n, coalesce(sum(area_mu), 0) AS mu, count(*) FILTER (WHERE standard_land) AS std
				FROM land_supply WHERE zone_code = :z AND on_date BETWEEN :f AND :t
				""").param("z", zone).param("f", from).param("t", to).query().singleRow();
		SupplyFigures supply = new SupplyFigures(((Number) s.get("n")).longValue(),
				LandUnits.mu((BigDecimal) s.get("mu")), ((Number) s.get("std")).longValue());
		Map<String, BigDecimal> disposals = LandService.zeroByKind();
		this.jdbc.sql("""
				SELECT kind, sum(area_mu) FROM land_disposal WHERE zone_code = :z AND on_date BETWEEN :f AND :t
				GROUP BY kind
				""").param("z", zone).param("f", from).param("t", to).query((rs) -> {
			disposals.put(rs.getString(1), LandUnits.mu(rs.getBigDecimal(2)));
		});
		return new LandSummary(expropriation, approval, supply, disposals, idle(zone, asOf));
	}

	/** Idle parcels of a zone on a day: counted by stage of their clock. */
	public IdleFigures idle(String zone, LocalDate asOf) {
		long parcels = 0;
		long fee = 0;
		long reclaim = 0;
		BigDecimal mu = BigDecimal.ZERO;
		for (SupplyRow r : this.store.supplies(List.of(zone), null)) {
			IdleLandClock.Clock clock = IdleLandClock.on(r.progress(), asOf);
			if (clock.idle()) {
				parcels++;
				mu = mu.add(r.areaMu());
				if (clock.stage() == IdleLandClock.Stage.FEE_DUE) {
					fee++;
				}
				else {
					reclaim++;
				}
			}
		}
		return new IdleFigures(parcels, LandUnits.mu(mu), fee, reclaim);
	}

	/**
	 * The idle supplies of a zone on a day whose notice of their stage is not issued yet.
	 */
	public List<Due> noticesDue(String zone, LocalDate asOf) {
		Map<Long, List<String>> issued = this.store.noticeKinds(List.of(zone));
		List<Due> due = new ArrayList<>();
		for (SupplyRow r : this.store.supplies(List.of(zone), null)) {
			IdleLandClock.Clock clock = IdleLandClock.on(r.progress(), asOf);
			List<String> kinds = issued.getOrDefault(r.id(), List.of());
			if (clock.stage() == IdleLandClock.Stage.RECLAIM_DUE && !kinds.contains("RECLAIM")) {
				due.add(new Due(r.id(), r.parcelId(), r.parcelCode(), r.buyerCreditCode(), "RECLAIM",
						clock.reclaimDueOn(), r.areaMu()));
			}
			else if (clock.idle() && !kinds.contains("FEE") && !kinds.contains("RECLAIM")) {
				due.add(new Due(r.id(), r.parcelId(), r.parcelCode(), r.buyerCreditCode(), "FEE", clock.feeDueOn(),
						r.areaMu()));
			}
		}
		return due;
	}

	/** An idle-land notice that is due. */
	public record Due(long supplyId, long parcelId, String parcelCode, String creditCode, String kind, LocalDate dueOn,
			BigDecimal areaMu) {
	}

}
