package io.parkops.service.internal;

import java.time.LocalDate;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneTime;

/**
 * Which records the current user reaches (some zones; an enterprise user only its own
 * enterprise), and the date of the zone (dates are Chinese dates).
 */
public record Scopes(List<String> zones, String onlyCreditCode) {

	public static LocalDate today() {
		return LocalDate.now(ZoneTime.zone());
	}

	static Scopes of(ZoneDirectory zones, String zone) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			return new Scopes(zones.zones().stream().map(ZoneDirectory.Zone::code).toList(), me.enterpriseCreditCode());
		}
		if (zone != null) {
			if (zones.zone(zone).isEmpty()) {
				throw new io.parkops.platform.NotFoundException("error.zoneNotFound", zone);
			}
			me.checkZone(zone);
			return new Scopes(List.of(zone), null);
		}
		return new Scopes(zones.zones().stream().map(ZoneDirectory.Zone::code).filter(me::canSeeZone).toList(), null);
	}

	/** For the API: enterprise users may not call staff routes. */
	public static void requireStaffCall() {
		requireStaff();
	}

	static void requireStaff() {
		if (CurrentUser.get().isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
	}

	/** A date from 1950 up to ten years ahead. */
	static LocalDate date(io.parkops.platform.Inputs in, String value, String field, boolean required) {
		return in.date(value, field, required, io.parkops.platform.Inputs.EARLIEST_DATE, today().plusYears(10));
	}

	/** A date of something that happened: not after today. */
	static LocalDate past(io.parkops.platform.Inputs in, String value, String field, boolean required) {
		return in.date(value, field, required, io.parkops.platform.Inputs.EARLIEST_DATE, today());
	}

}
