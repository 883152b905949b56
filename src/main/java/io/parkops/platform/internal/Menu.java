package io.parkops.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The left menu, built from every module's {@link MenuContributor}: the entries a user
 * may see, in order, under their group headings.
 */
@Component
class Menu {

	private final ObjectProvider<MenuContributor> contributors;

	private volatile List<MenuEntry> entries;

	Menu(ObjectProvider<MenuContributor> contributors) {
		this.contributors = contributors;
	}

	/** A heading (null for the entries above all groups) with its entries. */
	record Group(String labelKey, List<MenuEntry> entries) {
	}

	List<MenuEntry> entries() {
		List<MenuEntry> all = this.entries;
		if (all == null) {
			all = this.contributors.orderedStream()
				.flatMap((c) -> c.menuEntries().stream())
				.sorted(Comparator.comparingInt(MenuEntry::order))
				.toList();
			this.entries = all;
		}
		return all;
	}

	List<Group> visibleTo(CurrentUser user) {
		List<Group> groups = new ArrayList<>();
		String current = null;
		List<MenuEntry> run = null;
		for (MenuEntry entry : entries()) {
			if (!entry.visibleTo(user)) {
				continue;
			}
			if (run == null || !Objects.equals(current, entry.group())) {
				current = entry.group();
				run = new ArrayList<>();
				groups.add(new Group(current, run));
			}
			run.add(entry);
		}
		return groups;
	}

}
