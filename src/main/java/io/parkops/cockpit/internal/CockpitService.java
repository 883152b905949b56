package io.parkops.cockpit.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ZoneDirectory;
import io.parkops.safety.MonthlyHazards;
import io.parkops.safety.SafetyStatistics;
import io.parkops.safety.SafetySummary;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Gathers the cockpit's figures from the work lines' public statistics; it computes none
 * of its own, so the cockpit shows exactly what the work lines' pages and the work report
 * show.
 */
@Service
public class CockpitService {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String SAFETY_READ = "safety:statistics:read";

	private final ZoneDirectory zones;

	private final SafetyStatistics safety;

	private final CockpitEconomy economy;

	private final ObjectProvider<CockpitTileSource> sources;

	CockpitService(ZoneDirectory zones, SafetyStatistics safety, CockpitEconomy economy,
			ObjectProvider<CockpitTileSource> sources) {
		this.zones = zones;
		this.safety = safety;
		this.economy = economy;
		this.sources = sources;
	}

	/** The cockpit of a zone the current user may see. */
	public CockpitData cockpit(String zoneCode) {
		CurrentUser me = CurrentUser.get();
		me.checkZone(zoneCode);
		ZoneDirectory.Zone zone = this.zones.require(zoneCode);
		LocalDate today = LocalDate.now(CHINA);
		return new CockpitData(zone.code(), zone.name(), today, this.economy.economy(me, zone.code()),
				me.has(SAFETY_READ) ? safety(zone.code(), today) : null, tiles(me, zone.code(), today));
	}

	/** The tiles of the work lines whose read permission the user holds. */
	private List<CockpitTile> tiles(CurrentUser me, String zone, LocalDate today) {
		Locale locale = LocaleContextHolder.getLocale();
		List<CockpitTile> tiles = new ArrayList<>();
		List<CockpitTileSource> sources = this.sources.orderedStream()
			.sorted(Comparator.comparingInt(CockpitTileSource::order))
			.toList();
		for (CockpitTileSource source : sources) {
			if (me.has(source.permission())) {
				tiles.addAll(source.tiles(zone, today, locale));
			}
		}
		return tiles;
	}

	private CockpitData.Safety safety(String zone, LocalDate today) {
		SafetySummary year = this.safety.summary(zone, today.withDayOfYear(1), today);
		List<MonthlyHazards> trend = this.safety.monthlyTrend(zone, today.getYear())
			.stream()
			.filter((m) -> !m.month().atDay(1).isAfter(today))
			.toList();
		return new CockpitData.Safety(today.getYear(), year.hazardsFound(), year.hazardsAccepted(),
				year.rectificationRatePct(), this.safety.openHazards(zone), this.safety.overdueHazards(zone),
				trend.stream().map((m) -> m.month().getMonthValue()).toList(),
				trend.stream().map(MonthlyHazards::found).toList(),
				trend.stream().map(MonthlyHazards::accepted).toList(),
				trend.stream().map(MonthlyHazards::overdueOpen).toList());
	}

}
