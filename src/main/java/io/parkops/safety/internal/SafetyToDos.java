package io.parkops.safety.internal;

import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ToDoSource;

import org.springframework.stereotype.Component;

/**
 * The safety work waiting for the signed-in user (我的待办): for safety staff the hazards
 * waiting for their acceptance and the complaints due within the due-soon window or late;
 * for an enterprise user its hazards still to rectify.
 */
@Component
class SafetyToDos implements ToDoSource {

	private final HazardStore hazards;

	private final ComplaintStore complaints;

	private final SafetyProperties properties;

	SafetyToDos(HazardStore hazards, ComplaintStore complaints, SafetyProperties properties) {
		this.hazards = hazards;
		this.complaints = complaints;
		this.properties = properties;
	}

	@Override
	public List<ToDo> toDosFor(CurrentUser user, String zoneCode) {
		List<ToDo> items = new ArrayList<>();
		if (user.isEnterpriseUser()) {
			if (user.has("safety:hazard:rectify") && user.enterpriseCreditCode() != null) {
				HazardStore.Due due = this.hazards.due(null, user.enterpriseCreditCode(),
						List.of("PENDING", "RECTIFYING"));
				items.add(new ToDo("todo.safety.rectify", due.count(), due.oldest(), "/safety/hazards"));
			}
			return items;
		}
		if (zoneCode == null) {
			return items;
		}
		if (user.has("safety:hazard:accept")) {
			HazardStore.Due due = this.hazards.due(zoneCode, null, List.of("AWAITING_ACCEPTANCE"));
			items.add(new ToDo("todo.safety.accept", due.count(), due.oldest(),
					"/safety/hazards?status=AWAITING_ACCEPTANCE"));
		}
		if (user.has("safety:complaint:edit")) {
			HazardStore.Due due = this.complaints.due(zoneCode, Inputs.today().plusDays(this.properties.dueSoonDays()));
			items.add(new ToDo("todo.safety.complaints", due.count(), due.oldest(), "/safety/complaints"));
		}
		return items;
	}

}
