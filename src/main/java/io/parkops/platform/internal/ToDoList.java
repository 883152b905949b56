package io.parkops.platform.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ToDoSource;
import io.parkops.platform.ZoneSelection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's to-do list (我的待办) across work lines, gathered from every
 * {@link ToDoSource}; the home page shows it through {@code fragments/todo}.
 */
@Component("toDoList")
public class ToDoList {

	private final ObjectProvider<ToDoSource> sources;

	private final ZoneSelection zones;

	ToDoList(ObjectProvider<ToDoSource> sources, ZoneSelection zones) {
		this.sources = sources;
		this.zones = zones;
	}

	/** The current user's open items, the oldest due first; empty when signed out. */
	public List<ToDoSource.ToDo> forCurrentUser() {
		return CurrentUser.find()
			.map((me) -> of(me, me.isEnterpriseUser() ? null : this.zones.current()))
			.orElse(List.of());
	}

	List<ToDoSource.ToDo> of(CurrentUser user, String zoneCode) {
		List<ToDoSource.ToDo> items = new ArrayList<>();
		this.sources.orderedStream()
			.forEach((s) -> s.toDosFor(user, zoneCode).stream().filter((t) -> t.count() > 0).forEach(items::add));
		items.sort(Comparator.comparing(ToDoSource.ToDo::oldestDue, Comparator.nullsLast(LocalDate::compareTo)));
		return items;
	}

}
