package io.parkops.land.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;
import io.parkops.land.internal.AssetViews.AssetSummary;
import io.parkops.land.internal.LandViews.LandSummary;
import io.parkops.land.internal.PerMuViews.EvaluationView;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The cockpit's tile of land and assets (要素保障): land supplied and disposed this year,
 * idle land, the latest per-mu classes as a chart, and rent collection with arrears; the
 * same figures as the statistics page and the report.
 */
@Component
class LandCockpitTiles implements CockpitTileSource {

	private final LandStatistics statistics;

	private final AssetService assets;

	private final PerMuService perMu;

	private final MessageSource messages;

	LandCockpitTiles(LandStatistics statistics, AssetService assets, PerMuService perMu, MessageSource messages) {
		this.statistics = statistics;
		this.assets = assets;
		this.perMu = perMu;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public String permission() {
		return "land:statistics:read";
	}

	@Override
	public List<CockpitTile> tiles(String zoneCode, LocalDate today, Locale locale) {
		LocalDate from = today.withDayOfYear(1);
		LandSummary s = this.statistics.summary(zoneCode, from, today);
		AssetSummary a = this.assets.summary(zoneCode, from, today);
		EvaluationView e = this.perMu.latestEvaluationForReport(zoneCode, today.getYear()).orElse(null);
		BigDecimal disposed = s.disposals().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		if (s.supply().parcels() == 0 && disposed.signum() == 0 && s.idle().parcels() == 0 && e == null
				&& a.rentCollected().signum() == 0 && a.arrears().amount().signum() == 0) {
			return List.of();
		}
		List<CockpitTile.Figure> figures = new ArrayList<>();
		figures.add(CockpitTile.Figure.of(text(locale, "land.cockpit.supplied"), plain(s.supply().areaMu()),
				text(locale, "land.cockpit.mu"),
				text(locale, "land.cockpit.suppliedHint", s.supply().parcels(), s.supply().standardLand()), false));
		figures.add(CockpitTile.Figure.of(text(locale, "land.cockpit.disposed"), plain(LandUnits.mu(disposed)),
				text(locale, "land.cockpit.mu"),
				text(locale, "land.cockpit.disposedHint", plain(s.disposals().get("APPROVED_UNSUPPLIED")),
						plain(s.disposals().get("IDLE")), plain(s.disposals().get("INEFFICIENT"))),
				false));
		figures.add(CockpitTile.Figure.of(text(locale, "land.cockpit.idle"), Long.toString(s.idle().parcels()),
				text(locale, "land.cockpit.parcels", s.idle().parcels()),
				text(locale, "land.cockpit.idleHint", plain(s.idle().areaMu()), s.idle().reclaimDue()),
				s.idle().reclaimDue() > 0));
		BigDecimal wan = a.rentCollected().divide(BigDecimal.valueOf(10000), 2, RoundingMode.HALF_UP);
		BigDecimal arrears = a.arrears().amount().divide(BigDecimal.valueOf(10000), 2, RoundingMode.HALF_UP);
		figures.add(CockpitTile.Figure.of(text(locale, "land.cockpit.rent"), wan.toPlainString(),
				text(locale, "land.cockpit.wan"), text(locale, "land.cockpit.rentHint", arrears.toPlainString(),
						a.arrears().enterprises(), a.occupancyPct().toPlainString()),
				a.arrears().buckets().d90plus().signum() > 0));
		CockpitTile.Chart chart = null;
		if (e != null) {
			List<String> categories = new ArrayList<>();
			List<BigDecimal> values = new ArrayList<>();
			List<String> labels = new ArrayList<>();
			for (String c : PerMuScheme.CLASSES) {
				long n = e.classes().getOrDefault(c, 0L);
				categories.add(text(locale, "land.class." + c));
				values.add(BigDecimal.valueOf(n));
				labels.add(Long.toString(n));
			}
			chart = new CockpitTile.Chart(true, categories,
					List.of(new CockpitTile.Series(text(locale, "land.perMu.yearTitle", e.year()), values, labels)));
		}
		return List
			.of(new CockpitTile("land.overview", text(locale, "menu.group.land"), figures, chart, "/land/statistics"));
	}

	private static String plain(BigDecimal v) {
		return LandUnits.mu(v).toPlainString();
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}
