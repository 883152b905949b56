package io.parkops.platform;

import java.util.List;
import java.util.Optional;

/**
 * Read access to zones (开发区/园区) and their areas (片区) for every module.
 */
public interface ZoneDirectory {

	List<Zone> zones();

	Optional<Zone> zone(String code);

	default Zone require(String code) {
		return zone(code).orElseThrow(() -> new NotFoundException("error.zoneNotFound", code));
	}

	/** A zone with its areas. */
	record Zone(String code, String name, List<Area> areas) {

		public Optional<Area> area(String areaCode) {
			return this.areas.stream().filter((a) -> a.code().equals(areaCode)).findFirst();
		}

	}

	/** An area (片区) of a zone. */
	record Area(String code, String name) {
	}

}
