package io.parkops.platform;

import java.time.LocalDate;
import java.util.List;

/**
 * Implemented by modules that have work waiting for the signed-in user (hazards to
 * accept, anomalies to confirm, a month to report); the home page starts with the items
 * of all sources (我的待办).
 */
public interface ToDoSource {

	/**
	 * The user's open work, in the given zone (null for an enterprise user); items with a
	 * count of zero are left out by the platform.
	 */
	List<ToDo> toDosFor(CurrentUser user, String zoneCode);

	/**
	 * One kind of waiting work: a message key for its label, how many there are, the
	 * oldest due date (null when none applies) and the list to work through.
	 */
	record ToDo(String messageKey, long count, LocalDate oldestDue, String link) {
	}

}
