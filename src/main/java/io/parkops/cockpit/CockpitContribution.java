package io.parkops.cockpit;

import java.util.List;

/**
 * What a {@link CockpitTileSource} adds to the cockpit of a zone: its tiles and,
 * optionally, its figures in its own shape for programs, which
 * {@code GET /api/v1/cockpit} answers under {@code key} beside the tiles.
 *
 * @param tiles the tiles, in order; possibly none
 * @param key the API field of the figures ({@code economy}), or null for none
 * @param figures the figures, or null for none
 */
public record CockpitContribution(List<CockpitTile> tiles, String key, Object figures) {

	public CockpitContribution {
		tiles = (tiles != null) ? List.copyOf(tiles) : List.of();
	}

	/** Tiles only. */
	public static CockpitContribution of(List<CockpitTile> tiles) {
		return new CockpitContribution(tiles, null, null);
	}

}
