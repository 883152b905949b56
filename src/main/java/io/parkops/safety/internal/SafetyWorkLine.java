package io.parkops.safety.internal;

import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

/**
 * Safety and environment supervision's (安全环保) menu entries and permissions: safety staff
 * hold all of them, leaders read, an enterprise reads its own hazards, notices and
 * penalties and reports the rectification of its hazards.
 */
@Component
class SafetyWorkLine implements MenuContributor, PermissionContributor {

	private static final String SAFETY = "menu.group.safety";

	@Override
	public List<MenuEntry> menuEntries() {
		return List.of(
				new MenuEntry(SAFETY, 300, "⚠", "menu.safety.home", "/safety", "safety:inspection:read", List.of(),
						MenuEntry.Audience.ANYONE),
				MenuEntry.of(SAFETY, 310, "🔍", "menu.safety.inspections", "/safety/inspections",
						"safety:inspection:read"),
				MenuEntry.of(SAFETY, 320, "⚑", "menu.safety.hazards", "/safety/hazards", "safety:hazard:read"),
				MenuEntry.of(SAFETY, 330, "✉", "menu.safety.notices", "/safety/notices", "safety:notice:read"),
				MenuEntry.of(SAFETY, 340, "⚖", "menu.safety.penalties", "/safety/penalties", "safety:penalty:read"),
				MenuEntry.of(SAFETY, 350, "☎", "menu.safety.complaints", "/safety/complaints", "safety:complaint:read"),
				new MenuEntry(SAFETY, 360, "⏱", "menu.safety.patrols", "/safety/patrols", "safety:patrol:read",
						List.of("/safety/patrols", "/safety/duty"), MenuEntry.Audience.ANYONE),
				MenuEntry.of(SAFETY, 370, "▤", "menu.safety.statistics", "/safety/statistics",
						"safety:statistics:read"));
	}

	@Override
	public List<PermissionDeclaration> permissions() {
		List<PermissionDeclaration> all = new ArrayList<>();
		all.add(declare("inspection:read", "安全检查查看", "View inspections", "LEADER"));
		all.add(declare("inspection:edit", "安全检查登记", "Record inspections"));
		all.add(declare("hazard:read", "隐患查看", "View hazards", "LEADER", "ENTERPRISE"));
		all.add(declare("hazard:edit", "隐患登记", "Record hazards"));
		all.add(declare("hazard:rectify", "隐患整改上报", "Report rectification", "ENTERPRISE"));
		all.add(declare("hazard:accept", "隐患验收销号", "Accept rectification"));
		all.add(declare("notice:read", "整改通知书查看", "View notices", "LEADER", "ENTERPRISE"));
		all.add(declare("notice:edit", "整改通知书下达", "Issue notices"));
		all.add(declare("penalty:read", "行政处罚查看", "View penalties", "LEADER", "ENTERPRISE"));
		all.add(declare("penalty:edit", "行政处罚登记", "Record penalties"));
		all.add(declare("complaint:read", "信访件查看", "View complaints", "LEADER"));
		all.add(declare("complaint:edit", "信访件办理", "Handle complaints"));
		all.add(declare("patrol:read", "巡查与值班查看", "View patrols and duty roster", "LEADER"));
		all.add(declare("patrol:edit", "巡查与值班维护", "Keep patrols and duty roster"));
		all.add(declare("statistics:read", "安全环保统计", "Safety statistics", "LEADER"));
		all.add(declare("data:export", "安全环保导出", "Export safety lists", "LEADER"));
		return all;
	}

	/** Safety staff get every safety permission; the other roles are named. */
	private static PermissionDeclaration declare(String resourceAction, String zh, String en, String... others) {
		List<String> roles = new ArrayList<>(List.of(others));
		roles.add("SAFETY_STAFF");
		return PermissionDeclaration.of("safety:" + resourceAction, zh, en, roles.toArray(String[]::new));
	}

}
