package io.parkops.investment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The cockpit's investment tiles: the year's targets against 时序进度, the projects under way
 * by light, and funds in place this year — from the same figures as the summary.
 */
@Component
class InvestmentCockpitTiles implements CockpitTileSource {

	private final SummaryService summaries;

	private final MessageSource messages;

	InvestmentCockpitTiles(SummaryService summaries, MessageSource messages) {
		this.summaries = summaries;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public String permission() {
		return "investment:statistics:read";
	}

	private String t(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	@Override
	public List<CockpitTile> tiles(String zoneCode, LocalDate today, Locale locale) {
		InvestmentSummary s = this.summaries.summary(zoneCode, today.withDayOfYear(1), today, today);
		List<CockpitTile> tiles = new ArrayList<>();
		BigDecimal time = s.timeProgressPct();
		List<CockpitTile.Figure> targetFigures = new ArrayList<>();
		for (InvestmentSummary.Target target : s.targets()) {
			boolean behind = target.aheadPoints() != null && target.aheadPoints().signum() < 0;
			String hint = t(locale, behind ? "investment.cockpit.behind" : "investment.cockpit.ahead",
					target.progressPct().toPlainString(),
					target.aheadPoints().abs().setScale(1, RoundingMode.HALF_UP).toPlainString());
			boolean count = SummaryService.COUNT_TARGETS.contains(target.code());
			String unit = count ? t(locale, "investment.unit.count")
					: t(locale, target.code().equals("fdi_usd") ? "investment.unit.usd" : "investment.unit.wan");
			targetFigures.add(
					new CockpitTile.Figure(t(locale, "investment.target." + target.code()), target.current().toString(),
							unit, hint, behind, target.progressPct().min(BigDecimal.valueOf(100)), time));
		}
		if (!targetFigures.isEmpty()) {
			tiles.add(new CockpitTile("investment.targets",
					t(locale, "investment.cockpit.targets", time.toPlainString()), targetFigures, null, "/investment"));
		}
		InvestmentSummary.Lights lights = s.projects();
		if (lights.green() + lights.amber() + lights.red() > 0) {
			List<String> names = List.of(t(locale, "investment.light.GREEN"), t(locale, "investment.light.AMBER"),
					t(locale, "investment.light.RED"));
			List<BigDecimal> values = List.of(BigDecimal.valueOf(lights.green()), BigDecimal.valueOf(lights.amber()),
					BigDecimal.valueOf(lights.red()));
			tiles.add(new CockpitTile("investment.lights", t(locale, "investment.dashboard.lights"),
					List.of(CockpitTile.Figure.of(t(locale, "investment.light.RED"), Long.toString(lights.red()),
							t(locale, "investment.unit.count"), "", lights.red() > 0)),
					new CockpitTile.Chart(true, names,
							List.of(new CockpitTile.Series(t(locale, "investment.dashboard.lights"), values,
									values.stream().map(BigDecimal::toPlainString).toList()))),
					"/investment/projects"));
		}
		tiles.add(new CockpitTile("investment.funds", t(locale, "investment.dashboard.funds"), List.of(
				CockpitTile.Figure.of(t(locale, "investment.cockpit.fundsYear"),
						chinese(locale) ? io.parkops.report.ReportNumbers.amount(s.fundsInPlace().amount())
								: s.fundsInPlace().amount().toPlainString(),
						chinese(locale) ? "" : t(locale, "investment.unit.wan"),
						t(locale, "investment.cockpit.fundsHint",
								s.fundsInPlace().outsideProvinceAbove100m().toPlainString(),
								s.fundsInPlace().fdiUsd().toPlainString()),
						false),
				CockpitTile.Figure.of(t(locale, "investment.dashboard.signed"), Long.toString(s.signed().count()),
						t(locale, "investment.unit.count"),
						t(locale, "investment.cockpit.signedHint", Long.toString(s.signed().above100m())), false)),
				null, "/investment/projects"));
		return tiles;
	}

	/** Chinese pages write amounts as the reports do (23.26亿元). */
	private static boolean chinese(java.util.Locale locale) {
		return "zh".equals(locale.getLanguage());
	}

}
