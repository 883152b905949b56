package io.parkops.service.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;
import io.parkops.report.ReportNumbers;
import io.parkops.service.internal.ServiceStatistics.Summary;
import io.parkops.service.internal.ServiceStatistics.Totals;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The cockpit tile of enterprise services: requests open and overdue today, this year's
 * satisfaction and resolution rate, and this year's financing by kind — the figures of
 * {@link ServiceStatistics}, rounded once here.
 */
@Component
class ServiceCockpitTiles implements CockpitTileSource {

	private final ServiceStatistics statistics;

	private final RequestStore requests;

	private final MessageSource messages;

	ServiceCockpitTiles(ServiceStatistics statistics, RequestStore requests, MessageSource messages) {
		this.statistics = statistics;
		this.requests = requests;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public String permission() {
		return "service:statistics:read";
	}

	private String t(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	@Override
	public List<CockpitTile> tiles(String zoneCode, LocalDate today, Locale locale) {
		Summary s = this.statistics.compute(zoneCode, today.withDayOfYear(1), today);
		RequestStore.Due open = this.requests.due(zoneCode, null, RequestStore.OPEN, false, today);
		RequestStore.Due overdue = this.requests.due(zoneCode, null, RequestStore.OPEN, true, today);
		long financed = s.financing().values().stream().mapToLong(Totals::count).sum();
		if (s.requests().received() == 0 && open.count() == 0 && financed == 0) {
			return List.of();
		}
		List<CockpitTile.Figure> figures = new ArrayList<>();
		figures.add(CockpitTile.Figure.of(t("service.tile.open", locale), Long.toString(open.count()),
				t("service.tile.unit.requests", locale),
				t("service.tile.received", locale, s.requests().received(), s.requests().resolved()), false));
		figures.add(CockpitTile.Figure.of(t("service.tile.overdue", locale), Long.toString(overdue.count()),
				t("service.tile.unit.requests", locale), "", overdue.count() > 0));
		BigDecimal avg = s.requests().satisfactionAvg();
		figures.add(CockpitTile.Figure.of(t("service.tile.satisfaction", locale),
				(avg != null) ? avg.toPlainString() : "—", t("service.tile.unit.points", locale),
				(s.requests().resolvedRatePct() != null)
						? t("service.tile.rate", locale, ReportNumbers.rate(s.requests().resolvedRatePct())) : "",
				avg != null && avg.compareTo(new BigDecimal("3")) < 0));
		Totals bridge = s.financing().get("BRIDGE");
		BigDecimal amount = s.financing()
			.values()
			.stream()
			.map(Totals::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2, java.math.RoundingMode.HALF_UP);
		figures.add(CockpitTile.Figure.of(t("service.tile.financing", locale), amount.toPlainString(),
				t("service.tile.unit.wan", locale),
				t("service.tile.bridge", locale, bridge.count(), bridge.amount().toPlainString()), false));
		List<String> categories = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		s.financing().forEach((kind, totals) -> {
			categories.add(t("service.financing." + kind, locale));
			values.add(totals.amount());
			labels.add(totals.amount().toPlainString());
		});
		CockpitTile.Chart chart = new CockpitTile.Chart(true, categories,
				List.of(new CockpitTile.Series(t("service.tile.financingSeries", locale), values, labels)));
		return List.of(new CockpitTile("service.requests", t("service.tile.title", locale), figures, chart,
				"/services/statistics"));
	}

}
