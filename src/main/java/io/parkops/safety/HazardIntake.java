package io.parkops.safety;

import java.time.LocalDate;

/**
 * Lets another work line hand a finding to hazard management (隐患排查治理) without knowing its
 * internals: an online-monitoring alarm, a complaint found true. The hazard starts as 待整改
 * with a deadline and is then driven like any other; the answer is its id, so the caller
 * can link both ways ({@code /safety/hazards/{id}}, and the hazard back to the finding's
 * page through {@link Report#sourceLink()}).
 */
public interface HazardIntake {

	/**
	 * Records the hazard. With a signed-in user it is recorded as that user and within
	 * the user's scope (another zone's enterprise → 403/404); without one (a scheduled
	 * job) as {@code system}.
	 * @param report what was found
	 * @return the new hazard's id
	 */
	long report(Report report);

	/**
	 * A finding to record.
	 *
	 * @param enterpriseCreditCode the enterprise concerned
	 * @param category one of the configured hazard categories
	 * ({@code parkops.safety.categories})
	 * @param description what was found (at most 2000 characters)
	 * @param location where (at most 200 characters), or null
	 * @param foundOn the day it was found
	 * @param deadline the rectification deadline
	 * @param sourceLink the page of the finding in this application (a path such as
	 * {@code /monitoring/alarms/12}, at most 200 characters), shown as a link on the
	 * hazard's page and answered as the hazard's {@code sourceLink}; or null
	 */
	record Report(String enterpriseCreditCode, String category, String description, String location, LocalDate foundOn,
			LocalDate deadline, String sourceLink) {

		/** A finding without a page to link back to. */
		public Report(String enterpriseCreditCode, String category, String description, String location,
				LocalDate foundOn, LocalDate deadline) {
			this(enterpriseCreditCode, category, description, location, foundOn, deadline, null);
		}

	}

}
