package io.parkops.investment.internal;

import java.time.LocalDate;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;

/**
 * The data scope of the current user in this work line, and today's date in China.
 */
public final class Access {

	/** Dates are Chinese dates: a deadline passes at midnight in China. */
	private Access() {
	}

	public static LocalDate today() {
		return LocalDate.now(ZoneTime.zone());
	}

	/** A date from 1950 to ten years ahead. */
	static LocalDate date(Inputs in, String text, String field, boolean required) {
		return in.date(text, field, required, Inputs.EARLIEST_DATE, today().plusYears(10));
	}

	/** A date that has happened: from 1950 to today. */
	static LocalDate pastDate(Inputs in, String text, String field, boolean required) {
		return in.date(text, field, required, Inputs.EARLIEST_DATE, today());
	}

	static void requireStaff() {
		if (CurrentUser.get().isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
	}

	/** The zones the current staff user may see, narrowed to one if given. */
	static List<String> zones(ZoneDirectory zones, String zone) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			return zones.zones().stream().map(ZoneDirectory.Zone::code).toList();
		}
		if (zone != null) {
			me.checkZone(zone);
			return List.of(zone);
		}
		return zones.zones().stream().map(ZoneDirectory.Zone::code).filter(me::canSeeZone).toList();
	}

	/** A zone code sent in a request: known and within the user's zones. */
	static String zone(Inputs in, ZoneDirectory zones, String code) {
		String zone = in.text(code, "zoneCode", 32, true);
		if (zone != null) {
			if (zones.zone(zone).isEmpty()) {
				in.problem("zoneCode", "error.zoneNotFound", zone);
				return null;
			}
			CurrentUser.get().checkZone(zone);
		}
		return zone;
	}

}
