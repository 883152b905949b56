package io.parkops.platform;

import java.util.List;

/**
 * One entry of the left menu, declared by the module that owns the page. The platform
 * sorts entries by {@link #order()}, groups them under their {@link #group()} heading
 * (groups follow their first entry) and shows an entry only to users holding its
 * permission.
 *
 * @param group message key of the group heading (e.g. {@code menu.group.safety}), or null
 * for an entry above all groups
 * @param order position in the menu: home 0, cockpit 10, enterprises 100, economy
 * 110-130, reports 190, safety 300-370, new work lines 400-800, system 900-930, help 1000
 * @param icon one glyph shown before the label
 * @param labelKey message key of the label (in both message bundles of the module)
 * @param path the page, e.g. {@code /safety/hazards}
 * @param permission the authority needed to see the entry, or null for everyone signed in
 * @param activePrefixes path prefixes under which the entry is highlighted besides its
 * own path; empty for an exact match only
 * @param audience which kind of account sees the entry
 */
public record MenuEntry(String group, int order, String icon, String labelKey, String path, String permission,
		List<String> activePrefixes, Audience audience) {

	public MenuEntry {
		activePrefixes = (activePrefixes != null) ? List.copyOf(activePrefixes) : List.of();
		audience = (audience != null) ? audience : Audience.ANYONE;
	}

	/** An entry for anyone holding the permission, active on its path and below it. */
	public static MenuEntry of(String group, int order, String icon, String labelKey, String path, String permission) {
		return new MenuEntry(group, order, icon, labelKey, path, permission, List.of(path + "/"), Audience.ANYONE);
	}

	/** Whether the entry is the current page's (highlighted). */
	public boolean activeFor(String currentPath) {
		return currentPath != null
				&& (currentPath.equals(this.path) || this.activePrefixes.stream().anyMatch(currentPath::startsWith));
	}

	/** Whether the user sees the entry. */
	public boolean visibleTo(CurrentUser user) {
		boolean kind = switch (this.audience) {
			case ANYONE -> true;
			case STAFF -> !user.isEnterpriseUser();
			case ENTERPRISE -> user.isEnterpriseUser();
		};
		return kind && (this.permission == null || user.has(this.permission));
	}

	/** Which accounts an entry is for, besides its permission. */
	public enum Audience {

		ANYONE, STAFF, ENTERPRISE

	}

}
