package io.parkops.investment.internal;

import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.NotificationSource;

import org.springframework.stereotype.Component;

/**
 * Reminders in the top bar: the responsible person's leads past their follow-up, a
 * leader's projects with problems past their deadline (they escalate to the project's
 * leader), and an enterprise user's own projects' overdue problems.
 */
@Component
class InvestmentNotifications implements NotificationSource {

	private final LeadService leads;

	private final ProjectService projects;

	InvestmentNotifications(LeadService leads, ProjectService projects) {
		this.leads = leads;
		this.projects = projects;
	}

	@Override
	public List<Notification> notificationsFor(CurrentUser user, String zoneCode) {
		List<Notification> reminders = new ArrayList<>();
		if (user.isEnterpriseUser()) {
			if (user.has("investment:problem:read")) {
				long n = this.projects.overdueProblems(null, user.enterpriseCreditCode()).count();
				if (n > 0) {
					reminders.add(new Notification("investment.reminder.problems", n,
							"/investment/problems?overdue=true", "danger"));
				}
			}
			return reminders;
		}
		if (zoneCode == null) {
			return reminders;
		}
		if (user.has("investment:lead:edit")) {
			long n = this.leads.overdueFollowUps(zoneCode, user.username(), user.displayName()).count();
			if (n > 0) {
				reminders.add(new Notification("investment.reminder.followUps", n,
						"/investment/leads?overdue=true&q=" + java.net.URLEncoder.encode(
								(user.displayName() != null) ? user.displayName() : user.username(),
								java.nio.charset.StandardCharsets.UTF_8),
						"warn"));
			}
		}
		if (user.has("investment:review:override")) {
			long n = this.projects.overdueProblems(zoneCode, null, user.username(), user.displayName()).count();
			if (n > 0) {
				reminders.add(new Notification("investment.reminder.myProblems", n, "/investment/problems?overdue=true",
						"danger"));
			}
		}
		return reminders;
	}

}
