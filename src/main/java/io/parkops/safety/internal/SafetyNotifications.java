package io.parkops.safety.internal;

import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.NotificationSource;

import org.springframework.stereotype.Component;

/**
 * Reminders in the top bar: hazards past their deadline and hazards due soon, of the
 * current zone for staff, of their own enterprise for enterprise users.
 */
@Component
class SafetyNotifications implements NotificationSource {

	private final StatisticsQueries queries;

	SafetyNotifications(StatisticsQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<Notification> notificationsFor(CurrentUser user, String zoneCode) {
		if (!user.has("safety:hazard:read")) {
			return List.of();
		}
		String creditCode = user.isEnterpriseUser() ? user.enterpriseCreditCode() : null;
		if (creditCode == null && zoneCode == null) {
			return List.of();
		}
		String zone = (creditCode != null) ? null : zoneCode;
		List<Notification> reminders = new ArrayList<>();
		long overdue = this.queries.overdueNow(zone, creditCode, Inputs.today());
		if (overdue > 0) {
			reminders
				.add(new Notification("safety.reminder.overdue", overdue, "/safety/hazards?overdue=true", "danger"));
		}
		long soon = this.queries.dueSoon(zone, creditCode, Inputs.today());
		if (soon > 0) {
			reminders.add(new Notification("safety.reminder.dueSoon", soon, "/safety/hazards?dueSoon=true", "warn"));
		}
		return reminders;
	}

}
