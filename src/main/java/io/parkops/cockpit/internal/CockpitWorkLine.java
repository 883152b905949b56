package io.parkops.cockpit.internal;

import java.util.List;

import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

/**
 * The leadership cockpit's (领导驾驶舱) menu entry and permission. What each part shows also
 * depends on the work line's own read permission.
 */
@Component
class CockpitWorkLine implements MenuContributor, PermissionContributor {

	@Override
	public List<MenuEntry> menuEntries() {
		return List.of(MenuEntry.of(null, 10, "◐", "menu.cockpit", "/cockpit", "cockpit:cockpit:read"));
	}

	@Override
	public List<PermissionDeclaration> permissions() {
		return List
			.of(PermissionDeclaration.of("cockpit:cockpit:read", "领导驾驶舱", "Leadership cockpit", "ADMIN", "LEADER",
					"ECONOMY_STAFF", "INVESTMENT_STAFF", "SAFETY_STAFF", "SERVICE_STAFF", "LAND_STAFF", "PARTY_STAFF"));
	}

}
