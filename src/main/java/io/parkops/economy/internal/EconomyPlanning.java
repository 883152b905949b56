package io.parkops.economy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.economy.EconomySummary;
import io.parkops.economy.Indicator;
import io.parkops.economy.ZoneIndicator;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ParkOpsException.FieldProblem;
import io.parkops.platform.ZoneDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the economy department enters besides the enterprises' months: zone-level monthly
 * figures (一般公共预算收入, 固定资产投资, 技改投资), the year's targets (目标任务) and the producer price
 * index that deflates 工业增加值.
 */
@Service
public class EconomyPlanning {

	static final String EDIT = "economy:plan:edit";

	private final PlanningStore store;

	private final ZoneDirectory zones;

	private final AuditTrail audit;

	private final PlanVersions versions;

	EconomyPlanning(PlanningStore store, ZoneDirectory zones, AuditTrail audit, PlanVersions versions) {
		this.store = store;
		this.zones = zones;
		this.audit = audit;
		this.versions = versions;
	}

	/** What a save stored and the record's version after it. */
	public record Saved<T>(T value, long version) {
	}

	/** The version of a month's zone figures (0 before the first save). */
	@Transactional(readOnly = true)
	public long zoneFiguresVersion(String zoneCode, YearMonth month) {
		return this.versions.current(PlanVersions.Kind.ZONE_FIGURES, zoneCode, month.toString());
	}

	/** The version of a year's targets (0 before the first save). */
	@Transactional(readOnly = true)
	public long targetsVersion(String zoneCode, int year) {
		return this.versions.current(PlanVersions.Kind.TARGETS, zoneCode, Integer.toString(year));
	}

	/**
	 * Stores a month's zone figures; a missing or null figure is cleared. {@code version}
	 * is the one last read: another → 409.
	 */
	@Transactional
	public Saved<Map<String, BigDecimal>> putZoneFigures(String zoneCode, String monthText,
			Map<String, BigDecimal> body, Long version) {
		String by = checkEdit(zoneCode);
		YearMonth month = Months.parseReported(monthText, "month");
		List<FieldProblem> problems = new ArrayList<>();
		Map<ZoneIndicator, BigDecimal> values = new EnumMap<>(ZoneIndicator.class);
		if (body == null) {
			throw InvalidInputException.of("budget_revenue", "error.required");
		}
		body.forEach((code, value) -> {
			ZoneIndicator indicator = ZoneIndicator.ofCode(code).orElse(null);
			if (indicator == null) {
				problems.add(new FieldProblem(code, "error.economy.zoneIndicator", code));
			}
			else if (value != null && value.signum() < 0) {
				problems.add(new FieldProblem(code, "error.economy.negative", value.toPlainString()));
			}
			else if (value != null && value.compareTo(MonthlyReporting.MAX) > 0) {
				problems.add(new FieldProblem(code, "error.economy.tooLarge", value.toPlainString()));
			}
			else if (value != null && !Inputs.fits(value, 16, 2)) {
				problems.add(new FieldProblem(code, "error.number.precision", 14, 2));
			}
			else if (value != null) {
				values.put(indicator, value.setScale(2, RoundingMode.HALF_UP));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long next = this.versions.advance(PlanVersions.Kind.ZONE_FIGURES, zoneCode, month.toString(), version);
		Map<String, BigDecimal> before = zoneFigures(zoneCode, month);
		this.store.saveZoneFigures(zoneCode, month, values, by);
		Map<String, BigDecimal> after = zoneFigures(zoneCode, month);
		this.audit.recordChange("UPDATE", "economy_zone_figure", zoneCode + "/" + month, before, after);
		return new Saved<>(after, next);
	}

	/** A month's zone figures by code (absent ones as null). */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> zoneFigures(String zoneCode, YearMonth month) {
		Map<ZoneIndicator, BigDecimal> values = this.store.zoneFigures(zoneCode, month.getYear())
			.getOrDefault(month.getMonthValue(), Map.of());
		Map<String, BigDecimal> byCode = new LinkedHashMap<>();
		for (ZoneIndicator i : ZoneIndicator.values()) {
			byCode.put(i.code(), values.get(i));
		}
		return byCode;
	}

	/** One target as the API sends it: exactly one of the three. */
	public record TargetSpec(BigDecimal growthPct, BigDecimal amount, BigDecimal count) {
	}

	/**
	 * Replaces the year's targets of the zone with the given ones; {@code version} is the
	 * one last read: another → 409.
	 */
	@Transactional
	public Saved<Map<String, TargetSpec>> putTargets(String zoneCode, int year, Map<String, TargetSpec> body,
			Long version) {
		String by = checkEdit(zoneCode);
		StatisticsEngine.checkPeriod(year, 1);
		List<FieldProblem> problems = new ArrayList<>();
		List<PlanningStore.TargetRow> rows = new ArrayList<>();
		(body != null ? body : Map.<String, TargetSpec>of()).forEach((code, spec) -> {
			boolean count = EconomySummary.NEW_ABOVE_SCALE.equals(code);
			boolean known = count || Indicator.ofCode(code).isPresent() || ZoneIndicator.ofCode(code).isPresent();
			if (!known) {
				problems.add(new FieldProblem(code, "error.economy.targetCode", code));
				return;
			}
			int given = (spec == null) ? 0 : ((spec.growthPct() != null) ? 1 : 0) + ((spec.amount() != null) ? 1 : 0)
					+ ((spec.count() != null) ? 1 : 0);
			if (given != 1) {
				problems.add(new FieldProblem(code, "error.economy.targetKind"));
				return;
			}
			if (count != (spec.count() != null)) {
				problems.add(new FieldProblem(code, count ? "error.economy.countTargetOnly" : "error.economy.noCount"));
				return;
			}
			if (spec.growthPct() != null) {
				if (spec.growthPct().compareTo(new BigDecimal("-100")) < 0
						|| spec.growthPct().compareTo(new BigDecimal("1000")) > 0) {
					problems.add(new FieldProblem(code, "error.economy.growthRange", spec.growthPct().toPlainString()));
					return;
				}
				if (!Inputs.fits(spec.growthPct(), 16, 2)) {
					problems.add(new FieldProblem(code, "error.number.precision", 14, 2));
					return;
				}
				rows.add(new PlanningStore.TargetRow(code, "GROWTH",
						spec.growthPct().setScale(2, RoundingMode.HALF_UP)));
			}
			else if (spec.amount() != null) {
				if (spec.amount().signum() <= 0 || spec.amount().compareTo(MonthlyReporting.MAX) > 0) {
					problems.add(new FieldProblem(code, "error.economy.positive", spec.amount().toPlainString()));
					return;
				}
				if (!Inputs.fits(spec.amount(), 16, 2)) {
					problems.add(new FieldProblem(code, "error.number.precision", 14, 2));
					return;
				}
				rows.add(new PlanningStore.TargetRow(code, "AMOUNT", spec.amount().setScale(2, RoundingMode.HALF_UP)));
			}
			else {
				if (spec.count().signum() <= 0 || spec.count().stripTrailingZeros().scale() > 0
						|| spec.count().compareTo(new BigDecimal("1000000")) > 0) {
					problems.add(new FieldProblem(code, "error.economy.count", spec.count().toPlainString()));
					return;
				}
				rows.add(
						new PlanningStore.TargetRow(code, "COUNT", spec.count().setScale(0, RoundingMode.UNNECESSARY)));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long next = this.versions.advance(PlanVersions.Kind.TARGETS, zoneCode, Integer.toString(year), version);
		Map<String, TargetSpec> before = targets(zoneCode, year);
		this.store.replaceTargets(zoneCode, year, rows);
		Map<String, TargetSpec> after = targets(zoneCode, year);
		this.audit.recordChange("UPDATE", "economy_target", zoneCode + "/" + year, before, after);
		return new Saved<>(after, next);
	}

	@Transactional(readOnly = true)
	public Map<String, TargetSpec> targets(String zoneCode, int year) {
		Map<String, TargetSpec> targets = new LinkedHashMap<>();
		this.store.targets(zoneCode, year).forEach((code, row) -> targets.put(code, switch (row.kind()) {
			case "GROWTH" -> new TargetSpec(row.value(), null, null);
			case "COUNT" -> new TargetSpec(null, null, row.value().setScale(0, RoundingMode.HALF_UP));
			default -> new TargetSpec(null, row.value(), null);
		}));
		return targets;
	}

	/**
	 * A year's price index with its version ({@code index} null and version 0 before the
	 * first save).
	 */
	public record PriceIndex(int year, BigDecimal index, long version) {
	}

	@Transactional(readOnly = true)
	public PriceIndex priceIndex(int year) {
		StatisticsEngine.checkPeriod(year, 1);
		return new PriceIndex(year, this.store.priceIndex(year).orElse(null),
				this.versions.current(PlanVersions.Kind.PRICE_INDEX, "", Integer.toString(year)));
	}

	/** Sets a year's price index; {@code version} is the one last read: another → 409. */
	@Transactional
	public PriceIndex putPriceIndex(int year, BigDecimal index, Long version) {
		CurrentUser me = CurrentUser.get();
		if (!me.has(EDIT) || me.isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
		StatisticsEngine.checkPeriod(year, 1);
		if (index == null) {
			throw InvalidInputException.of("index", "error.required");
		}
		if (index.compareTo(new BigDecimal("50")) < 0 || index.compareTo(new BigDecimal("200")) > 0) {
			throw InvalidInputException.of("index", "error.economy.priceIndex", index.toPlainString());
		}
		if (!Inputs.fits(index, 7, 2)) {
			throw InvalidInputException.of("index", "error.number.precision", 5, 2);
		}
		long next = this.versions.advance(PlanVersions.Kind.PRICE_INDEX, "", Integer.toString(year), version);
		BigDecimal before = this.store.priceIndex(year).orElse(null);
		BigDecimal value = index.setScale(2, RoundingMode.HALF_UP);
		this.store.savePriceIndex(year, value, me.username());
		this.audit.recordChange("UPDATE", "economy_price_index", Integer.toString(year),
				(before != null) ? Map.of("index", before) : null, Map.of("index", value));
		return new PriceIndex(year, value, next);
	}

	@Transactional(readOnly = true)
	public Map<Integer, BigDecimal> priceIndices() {
		return this.store.priceIndices();
	}

	private String checkEdit(String zoneCode) {
		CurrentUser me = CurrentUser.get();
		if (!me.has(EDIT)) {
			throw new ForbiddenException("error.forbidden");
		}
		me.checkZone(zoneCode);
		this.zones.require(zoneCode);
		return me.username();
	}

}
