package io.parkops.cockpit;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Implemented by a work line that shows tiles on the leadership cockpit (领导驾驶舱) and its
 * wall display. Registering a bean is all a module does: the cockpit asks every source
 * whose {@link #permission()} the user holds, in {@link #order()}, and draws what it
 * answers; it never names a work line.
 * <p>
 * Sources compute nothing for the cockpit alone: they answer from the same statistics
 * their pages and report section use, round each figure once on the server and send it as
 * text, so the cockpit formats no number.
 */
public interface CockpitTileSource {

	/**
	 * Position on the page: the economy's main indicators lead (economy 20, investment
	 * 40, safety 50, monitoring 55, service 60, land 70, party 80, …).
	 */
	int order();

	/**
	 * The read permission a user needs to see the tiles, e.g.
	 * {@code party:coverage:read}.
	 */
	String permission();

	/**
	 * The tiles of a zone as of {@code today} (the zone's date), with every text in
	 * {@code locale}; empty when the work line has nothing to show.
	 */
	List<CockpitTile> tiles(String zoneCode, LocalDate today, Locale locale);

	/**
	 * The tiles and, for a work line whose figures {@code GET /api/v1/cockpit} also
	 * answers in their own shape (economy and safety, for the programs written against
	 * them), those figures; by default the {@link #tiles} alone. The cockpit calls this
	 * method only.
	 */
	default CockpitContribution contribution(String zoneCode, LocalDate today, Locale locale) {
		return CockpitContribution.of(tiles(zoneCode, today, locale));
	}

}
