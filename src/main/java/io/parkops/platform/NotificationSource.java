package io.parkops.platform;

import java.util.List;

/**
 * Implemented by modules that have something to remind the signed-in user of (overdue
 * hazards, late reports, requests due); the page layout shows the reminders in the
 * notification area of the top bar.
 */
public interface NotificationSource {

	/**
	 * The reminders for the user, who works in the given zone (null for an enterprise
	 * user); empty when there is nothing to remind of.
	 */
	List<Notification> notificationsFor(CurrentUser user, String zoneCode);

	/**
	 * One reminder: a message key with its count as the only argument, a link to the list
	 * behind it and a severity ({@code danger}, {@code warn} or {@code info}).
	 */
	record Notification(String messageKey, long count, String link, String severity) {
	}

}
