package io.parkops.party.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ToDoSource;
import io.parkops.platform.ZoneTime;

import org.springframework.stereotype.Component;

/**
 * Party work waiting for party staff (我的待办): the instructors' visits past their rhythm
 * and the organisations whose term is due for 换届.
 */
@Component
class PartyToDos implements ToDoSource {

	private final PartyStore store;

	private final PartyProperties properties;

	private final ZoneTime time;

	PartyToDos(PartyStore store, PartyProperties properties, ZoneTime time) {
		this.store = store;
		this.properties = properties;
		this.time = time;
	}

	@Override
	public List<ToDo> toDosFor(CurrentUser user, String zoneCode) {
		List<ToDo> items = new ArrayList<>();
		if (user.isEnterpriseUser() || zoneCode == null || !user.canSeeZone(zoneCode)) {
			return items;
		}
		LocalDate today = this.time.today();
		if (user.has("party:instructor:edit")) {
			List<LocalDate> due = this.store.assignments(zoneCode, null, today)
				.stream()
				.map((a) -> ((a.lastVisit() != null) ? a.lastVisit() : a.assignedOn())
					.plusDays(this.properties.visitDays()))
				.filter((d) -> d.isBefore(today))
				.sorted()
				.toList();
			items.add(
					new ToDo("todo.party.visits", due.size(), due.isEmpty() ? null : due.get(0), "/party/instructors"));
		}
		if (user.has("party:organisation:edit")) {
			var terms = this.store.termsDue(zoneCode, today.plusDays(this.properties.termDueDays()), today);
			items.add(new ToDo("todo.party.terms", terms.size(), terms.isEmpty() ? null : terms.get(0).termEndsOn(),
					"/party"));
		}
		return items;
	}

}
