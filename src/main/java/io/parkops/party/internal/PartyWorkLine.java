package io.parkops.party.internal;

import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

/**
 * Party building's (党的建设) menu entries and permissions: party staff hold all of them,
 * leaders read; enterprise users hold none (no member list, nothing of other
 * enterprises).
 */
@Component
class PartyWorkLine implements MenuContributor, PermissionContributor {

	private static final String PARTY = "menu.group.party";

	@Override
	public List<MenuEntry> menuEntries() {
		return List.of(
				new MenuEntry(PARTY, 700, "☆", "menu.party.coverage", "/party", "party:coverage:read", List.of(),
						MenuEntry.Audience.ANYONE),
				MenuEntry.of(PARTY, 710, "⌂", "menu.party.organisations", "/party/organisations",
						"party:organisation:read"),
				MenuEntry.of(PARTY, 720, "☺", "menu.party.members", "/party/members", "party:member:read"),
				MenuEntry.of(PARTY, 730, "✎", "menu.party.instructors", "/party/instructors", "party:instructor:read"),
				MenuEntry.of(PARTY, 740, "✿", "menu.party.activities", "/party/activities", "party:activity:read"),
				MenuEntry.of(PARTY, 750, "⚑", "menu.party.screening", "/party/screening", "party:coverage:read"));
	}

	@Override
	public List<PermissionDeclaration> permissions() {
		List<PermissionDeclaration> all = new ArrayList<>();
		all.add(declare("organisation:read", "党组织查看", "View party organisations", "LEADER"));
		all.add(declare("organisation:edit", "党组织维护", "Keep party organisations"));
		all.add(declare("member:read", "党员查看", "View party members", "LEADER"));
		all.add(declare("member:edit", "党员维护", "Keep party members"));
		all.add(declare("instructor:read", "党建指导员查看", "View party instructors", "LEADER"));
		all.add(declare("instructor:edit", "党建指导员维护", "Keep party instructors and visits"));
		all.add(declare("activity:read", "党建活动查看", "View party activities and dues", "LEADER"));
		all.add(declare("activity:edit", "党建活动登记", "Record party activities and dues"));
		all.add(declare("coverage:read", "党组织覆盖与排查", "Party coverage and screening", "LEADER"));
		all.add(declare("data:export", "党建导出", "Export party lists", "LEADER"));
		return all;
	}

	private static PermissionDeclaration declare(String resourceAction, String zh, String en, String... others) {
		List<String> roles = new ArrayList<>(List.of(others));
		roles.add("PARTY_STAFF");
		return PermissionDeclaration.of("party:" + resourceAction, zh, en, roles.toArray(String[]::new));
	}

}
