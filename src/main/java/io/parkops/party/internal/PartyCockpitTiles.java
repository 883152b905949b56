package io.parkops.party.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;
import io.parkops.party.internal.PartyViews.Coverage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The cockpit's party tile: 组织覆盖率 against its target, 单独组建率, 应建未建 and the coverage of the
 * last twelve month ends — the same figures as the party pages and the report.
 */
@Component
class PartyCockpitTiles implements CockpitTileSource {

	private final CoverageService coverage;

	private final PartyStore store;

	private final PartyProperties properties;

	private final MessageSource messages;

	PartyCockpitTiles(CoverageService coverage, PartyStore store, PartyProperties properties, MessageSource messages) {
		this.coverage = coverage;
		this.store = store;
		this.properties = properties;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 80;
	}

	@Override
	public String permission() {
		return "party:coverage:read";
	}

	private String t(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	@Override
	public List<CockpitTile> tiles(String zoneCode, LocalDate today, Locale locale) {
		if (this.store.allOrganisations(zoneCode).isEmpty()) {
			return List.of();
		}
		Coverage c = this.coverage.coverage(zoneCode, today);
		BigDecimal target = this.properties.coverageTarget();
		List<CockpitTile.Figure> figures = new ArrayList<>();
		boolean behind = c.coveragePct() != null && c.coveragePct().compareTo(target) < 0;
		figures.add(new CockpitTile.Figure(t(locale, "party.kpi.coverage"),
				(c.coveragePct() != null) ? c.coveragePct().toPlainString() : "-", "%",
				t(locale, "party.tile.coverageHint", target.stripTrailingZeros().toPlainString(),
						c.coveredEnterprises(), c.enterprisesInScope()),
				behind, c.coveragePct(), target));
		figures.add(CockpitTile.Figure.of(t(locale, "party.kpi.ownRate"),
				(c.ownRatePct() != null) ? c.ownRatePct().toPlainString() : "-", "%",
				t(locale, "party.kpi.ownOf", c.ownBranchEnterprises(), c.jointBranchEnterprises()), false));
		figures.add(CockpitTile.Figure.of(t(locale, "party.tile.branches"), Long.toString(c.organisations().branches()),
				t(locale, "party.unit.branch"),
				t(locale, "party.kpi.membersOf", c.members().total(), c.members().probationary()), false));
		figures.add(CockpitTile.Figure.of(t(locale, "party.tile.shouldBuild"), Integer.toString(c.shouldBuild().size()),
				t(locale, "party.unit.enterprise"), "", !c.shouldBuild().isEmpty()));
		List<String> months = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (int i = 11; i >= 0; i--) {
			YearMonth m = YearMonth.from(today).minusMonths(i);
			LocalDate end = m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
			BigDecimal pct = this.coverage.coverage(zoneCode, end).coveragePct();
			months.add(m.toString());
			values.add((pct != null) ? pct : BigDecimal.ZERO);
			labels.add((pct != null) ? pct.toPlainString() + "%" : "-");
		}
		CockpitTile.Chart chart = new CockpitTile.Chart(false, months,
				List.of(new CockpitTile.Series(t(locale, "party.kpi.coverage"), values, labels)));
		return List.of(new CockpitTile("party.coverage", t(locale, "menu.group.party"), figures, chart, "/party"));
	}

}
