package io.parkops.cockpit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.parkops.cockpit.CockpitContribution;
import io.parkops.cockpit.CockpitTile;
import io.parkops.cockpit.CockpitTileSource;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Gathers the cockpit from the work lines' {@link CockpitTileSource}s; it computes no
 * figure and names no work line, so the cockpit shows exactly what the work lines' pages
 * and the work report show.
 */
@Service
public class CockpitService {

	private final ZoneDirectory zones;

	private final ZoneTime time;

	private final ObjectProvider<CockpitTileSource> sources;

	CockpitService(ZoneDirectory zones, ZoneTime time, ObjectProvider<CockpitTileSource> sources) {
		this.zones = zones;
		this.time = time;
		this.sources = sources;
	}

	/**
	 * The cockpit of a zone the current user may see, in the language of the request.
	 */
	public CockpitData cockpit(String zoneCode) {
		CurrentUser me = CurrentUser.get();
		me.checkZone(zoneCode);
		ZoneDirectory.Zone zone = this.zones.require(zoneCode);
		LocalDate today = this.time.today();
		Locale locale = LocaleContextHolder.getLocale();
		List<CockpitTile> tiles = new ArrayList<>();
		Map<String, Object> parts = new LinkedHashMap<>();
		List<CockpitTileSource> sources = this.sources.orderedStream()
			.sorted(Comparator.comparingInt(CockpitTileSource::order))
			.toList();
		for (CockpitTileSource source : sources) {
			if (me.has(source.permission())) {
				CockpitContribution c = source.contribution(zone.code(), today, locale);
				tiles.addAll(c.tiles());
				if (c.key() != null && c.figures() != null) {
					parts.put(c.key(), c.figures());
				}
			}
		}
		return new CockpitData(zone.code(), zone.name(), today, tiles, parts);
	}

}
