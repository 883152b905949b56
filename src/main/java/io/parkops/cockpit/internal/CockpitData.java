package io.parkops.cockpit.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import io.parkops.cockpit.CockpitTile;

/**
 * What the cockpit shows for a zone: the tiles of the work lines the user may read, in
 * their order. For programs, a work line may also publish its figures in its own shape
 * beside the tiles (the economy under {@code economy}, the hazards under {@code safety}).
 *
 * @param zone the zone code
 * @param zoneName the zone's name
 * @param asOf today, for event counts
 * @param tiles the work lines' tiles the user may read, in their order
 * @param parts the work lines' own figures by their key, written as fields of the JSON
 */
public record CockpitData(String zone, String zoneName, LocalDate asOf, List<CockpitTile> tiles,
		@JsonAnyGetter Map<String, Object> parts) {

	public CockpitData {
		tiles = List.copyOf(tiles);
		parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
	}

}
