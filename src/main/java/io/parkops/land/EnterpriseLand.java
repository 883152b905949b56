package io.parkops.land;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * What the land work line knows of an enterprise, for other work lines (the policy
 * criteria of enterprise services): its latest final 亩均 class and the land it holds.
 * Checks no user: callers check the zone.
 */
public interface EnterpriseLand {

	/**
	 * The land facts of the given enterprises by credit code, in one query; an enterprise
	 * without a final 亩均 result and without a parcel is left out.
	 */
	Map<String, Facts> of(Collection<String> creditCodes);

	/**
	 * One enterprise's land facts.
	 *
	 * @param creditCode the enterprise
	 * @param perMuClass the class ({@code A}–{@code D}) of its result in the latest final
	 * (定级) 亩均 evaluation, or null when no final evaluation holds a result for it
	 * @param perMuYear the year of that evaluation, or null
	 * @param perMuGraded false when it was not graded (在建 or set so: class B, no rank)
	 * @param landMu the area of the parcels it holds as land user (亩, exact; zero when
	 * none)
	 * @param parcels how many parcels it holds
	 */
	record Facts(String creditCode, String perMuClass, Integer perMuYear, boolean perMuGraded, BigDecimal landMu,
			int parcels) {
	}

}
