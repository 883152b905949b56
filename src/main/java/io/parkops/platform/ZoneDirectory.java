package io.parkops.platform;

import java.util.List;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;

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

	/**
	 * An area (片区) of a zone: its code, its Chinese name and, optionally, its English
	 * name (null when none was entered).
	 */
	record Area(String code, String name, String nameEn) {

		/** An area without an English name. */
		public Area(String code, String name) {
			this(code, name, null);
		}

		/**
		 * The name in the language of the current request: the English name on English
		 * pages and to English API callers when there is one, else the Chinese name (also
		 * outside a request, e.g. in the work report).
		 */
		public String label() {
			boolean english = LocaleContextHolder.getLocaleContext() != null
					&& "en".equals(LocaleContextHolder.getLocale().getLanguage());
			return (english && this.nameEn != null && !this.nameEn.isBlank()) ? this.nameEn : this.name;
		}

	}

}
