package io.parkops.service.internal;

import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ToDoSource;

import org.springframework.stereotype.Component;

/**
 * The service work waiting for the signed-in user (我的待办): for leaders the overdue
 * requests escalated to them; for service staff the requests to take up, the overdue ones
 * and the bridge loans due within the reminder window or overdue; for an enterprise user
 * its resolved requests waiting for its rating.
 */
@Component
class ServiceToDos implements ToDoSource {

	private final RequestStore requests;

	private final ServiceStatistics statistics;

	private final ServiceProperties properties;

	ServiceToDos(RequestStore requests, ServiceStatistics statistics, ServiceProperties properties) {
		this.requests = requests;
		this.statistics = statistics;
		this.properties = properties;
	}

	@Override
	public List<ToDo> toDosFor(CurrentUser user, String zoneCode) {
		List<ToDo> items = new ArrayList<>();
		var today = Scopes.today();
		if (user.isEnterpriseUser()) {
			if (user.has("service:request:rate")) {
				RequestStore.Due due = this.requests.due(null, user.enterpriseCreditCode(), List.of("RESOLVED"), false,
						today);
				items.add(new ToDo("todo.service.rate", due.count(), null, "/services/requests?status=RESOLVED"));
			}
			return items;
		}
		if (zoneCode == null) {
			return items;
		}
		if (user.has("service:request:supervise")) {
			RequestStore.Due due = this.requests.due(zoneCode, null, RequestStore.OPEN, true, today);
			items.add(new ToDo("todo.service.overdue", due.count(), due.oldest(), "/services/requests?overdue=true"));
		}
		if (user.has("service:request:handle")) {
			RequestStore.Due fresh = this.requests.due(zoneCode, null, List.of("SUBMITTED"), false, today);
			items.add(new ToDo("todo.service.take", fresh.count(), fresh.oldest(),
					"/services/requests?status=SUBMITTED"));
			if (!user.has("service:request:supervise")) {
				RequestStore.Due due = this.requests.due(zoneCode, null, RequestStore.OPEN, true, today);
				items.add(
						new ToDo("todo.service.overdue", due.count(), due.oldest(), "/services/requests?overdue=true"));
			}
		}
		if (user.has("service:financing:edit")) {
			ServiceStatistics.Overdue loans = this.statistics.bridgeLoansDue(zoneCode,
					today.plusDays(this.properties.bridgeDueSoonDays()));
			items.add(
					new ToDo("todo.service.bridgeDue", loans.count(), loans.oldest(), "/services/financing?open=true"));
		}
		return items;
	}

}
