package io.parkops.monitoring.internal;

import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ToDoSource;

import org.springframework.stereotype.Component;

// 我的待办 of online monitoring: open exceedance, instrument and offline alarms not yet
// turned into a hazard — for safety staff those of the current zone, for an enterprise
// user those of its own points. An alarm has no due date, so the items carry none.
@Component
class MonitoringToDos implements ToDoSource {

	static final String LINK = "/monitoring/alarms?unhandled=true";

	private final MonitoringPages pages;

	MonitoringToDos(MonitoringPages pages) {
		this.pages = pages;
	}

	@Override
	public List<ToDo> toDosFor(CurrentUser user, String zoneCode) {
		if (user.isEnterpriseUser()) {
			if (!user.has("monitoring:alarm:read") || user.enterpriseCreditCode() == null) {
				return List.of();
			}
			long count = this.pages.waiting(null, user.enterpriseCreditCode());
			return List.of(new ToDo("todo.monitoring.ownAlarms", count, null, LINK));
		}
		if (zoneCode == null || !user.has("monitoring:alarm:handle") || !user.canSeeZone(zoneCode)) {
			return List.of();
		}
		long count = this.pages.waiting(zoneCode, null);
		return List.of(new ToDo("todo.monitoring.alarms", count, null, LINK));
	}

}
