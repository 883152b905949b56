package io.parkops.monitoring.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

// The cockpit's tile of online monitoring: points online of all points (by kind) and the
// open alarms (by kind, exceedances red), from the same figures as the report section.
@Component
class MonitoringCockpitTiles implements CockpitTileSource {

	private final MonitoringFigures figures;

	private final MessageSource messages;

	MonitoringCockpitTiles(MonitoringFigures figures, MessageSource messages) {
		this.figures = figures;
		this.messages = messages;
	}

	@Override
	public int order() {
		// right after safety (50)
		return 55;
	}

	@Override
	public String permission() {
		return "monitoring:alarm:read";
	}

	@Override
	public List<CockpitTile> tiles(String zoneCode, LocalDate today, Locale locale) {
		MonitoringFigures.Now now = this.figures.now(zoneCode);
		if (now.points() == 0) {
			return List.of();
		}
		CockpitTile.Figure online = CockpitTile.Figure.of(text(locale, "monitoring.cockpit.online"),
				Long.toString(now.online()), text(locale, "monitoring.cockpit.ofPoints", now.points()),
				text(locale, "monitoring.cockpit.onlineHint", now.water(), now.air(), now.voc()),
				now.online() < now.points());
		CockpitTile.Figure alarms = CockpitTile.Figure.of(text(locale, "monitoring.cockpit.openAlarms"),
				Long.toString(now.openExceedances() + now.openOffline() + now.openInstrument()),
				text(locale, "monitoring.cockpit.count"), text(locale, "monitoring.cockpit.alarmsHint",
						now.openExceedances(), now.openOffline(), now.openInstrument()),
				now.openExceedances() > 0);
		return List.of(new CockpitTile("monitoring.overview", text(locale, "monitoring.cockpit.title"),
				List.of(online, alarms), (CockpitTile.Chart) null, "/monitoring/points"));
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}
