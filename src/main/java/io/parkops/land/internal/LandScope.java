package io.parkops.land.internal;

import java.time.LocalDate;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;

/**
 * The data scope of the current user and the zone's date: staff see the zones they are
 * assigned to, an enterprise user only its own enterprise's records.
 */
final class LandScope {

	/** Dates are Chinese dates. */
	private LandScope() {
	}

	static LocalDate today() {
		return LocalDate.now(ZoneTime.zone());
	}

	/** The zones a staff member may see, narrowed to one if given (403 outside). */
	static List<String> zones(ZoneDirectory zones, String zone) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
		String z = Inputs.trim(zone);
		if (z != null) {
			me.checkZone(z);
			zones.require(z);
			return List.of(z);
		}
		return zones.zones().stream().map(ZoneDirectory.Zone::code).filter(me::canSeeZone).toList();
	}

	/** A zone a staff member writes to: it must exist and be in scope. */
	static String zone(ZoneDirectory zones, Inputs in, String value) {
		String zone = in.text(value, "zoneCode", 32, true);
		if (zone == null) {
			return null;
		}
		if (zones.zone(zone).isEmpty()) {
			in.problem("zoneCode", "error.zoneNotFound", Inputs.shorten(zone));
			return null;
		}
		CurrentUser.get().checkZone(zone);
		return zone;
	}

	static void requireStaff() {
		if (CurrentUser.get().isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
	}

	/** A date in the product's window (1950 to ten years ahead, Chinese dates). */
	static LocalDate date(Inputs in, String value, String field, boolean required) {
		return in.date(value, field, required, Inputs.EARLIEST_DATE, today().plusYears(10));
	}

	/** A date that has happened (1950 to today). */
	static LocalDate pastDate(Inputs in, String value, String field, boolean required) {
		return in.date(value, field, required, Inputs.EARLIEST_DATE, today());
	}

}
