package io.parkops.investment.internal;

import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ToDoSource;

import org.springframework.stereotype.Component;

/**
 * The investment work waiting for the signed-in user (我的待办): leads past their follow-up
 * (the responsible person's own first, then the zone's for investment staff) and problems
 * to coordinate past their deadline, which escalate to leaders; an enterprise user sees
 * the overdue problems of its own projects.
 */
@Component
class InvestmentToDos implements ToDoSource {

	private final LeadService leads;

	private final ProjectService projects;

	InvestmentToDos(LeadService leads, ProjectService projects) {
		this.leads = leads;
		this.projects = projects;
	}

	@Override
	public List<ToDo> toDosFor(CurrentUser user, String zoneCode) {
		List<ToDo> items = new ArrayList<>();
		if (user.isEnterpriseUser()) {
			if (user.has("investment:problem:read")) {
				LeadService.Due due = this.projects.overdueProblems(null, user.enterpriseCreditCode());
				items.add(new ToDo("todo.investment.problems", due.count(), due.oldest(),
						"/investment/problems?overdue=true"));
			}
			return items;
		}
		if (zoneCode == null) {
			return items;
		}
		if (user.has("investment:lead:edit")) {
			LeadService.Due mine = this.leads.overdueFollowUps(zoneCode, user.username(), user.displayName());
			items.add(new ToDo("todo.investment.myFollowUps", mine.count(), mine.oldest(),
					"/investment/leads?overdue=true&q=" + java.net.URLEncoder.encode(
							(user.displayName() != null) ? user.displayName() : user.username(),
							java.nio.charset.StandardCharsets.UTF_8)));
			LeadService.Due all = this.leads.overdueFollowUps(zoneCode, null, null);
			items.add(
					new ToDo("todo.investment.followUps", all.count(), all.oldest(), "/investment/leads?overdue=true"));
		}
		if (user.has("investment:review:override")) {
			LeadService.Due mine = this.projects.overdueProblems(zoneCode, null, user.username(), user.displayName());
			items.add(new ToDo("todo.investment.myProblems", mine.count(), mine.oldest(),
					"/investment/problems?overdue=true"));
		}
		if (user.has("investment:problem:close") || user.has("investment:review:override")) {
			LeadService.Due due = this.projects.overdueProblems(zoneCode, null);
			items.add(new ToDo("todo.investment.problems", due.count(), due.oldest(),
					"/investment/problems?overdue=true"));
		}
		return items;
	}

}
