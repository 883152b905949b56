package io.parkops.safety.internal;

import java.time.LocalDate;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;

/**
 * The platform's input convention with the safety module's dates (Chinese dates), and the
 * data scope of the current user.
 */
public final class Inputs extends io.parkops.platform.Inputs {

	/**
	 * Dates are the zone's dates: a deadline passes at midnight in the zone's time zone
	 * ({@link ZoneTime}).
	 */
	public static LocalDate today() {
		return LocalDate.now(ZoneTime.zone());
	}

	/** A date in the plausible window (see {@link io.parkops.platform.Inputs#date}). */
	@Override
	public LocalDate date(String text, String field, boolean required) {
		return date(text, field, required, EARLIEST_DATE, today().plusYears(10));
	}

	/** The zones and enterprise the current user may see, narrowed to a zone if given. */
	static Scope scope(ZoneDirectory zones, String zone) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			return new Scope(zones.zones().stream().map(ZoneDirectory.Zone::code).toList(), me.enterpriseCreditCode());
		}
		if (zone != null) {
			me.checkZone(zone);
			return new Scope(List.of(zone), null);
		}
		return new Scope(zones.zones().stream().map(ZoneDirectory.Zone::code).filter(me::canSeeZone).toList(), null);
	}

	static void requireStaff() {
		if (CurrentUser.get().isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
	}

}
