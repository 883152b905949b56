package io.parkops.monitoring.internal;

import java.util.List;

import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

// Online monitoring's menu entries (in the 安全环保 group, after its statistics) and
// permissions: safety staff (安全环保) hold all of them, leaders read, an enterprise reads
// its own points and alarms.
@Component
class MonitoringWorkLine implements MenuContributor, PermissionContributor {

	private static final String SAFETY = "menu.group.safety";

	@Override
	public List<MenuEntry> menuEntries() {
		return List.of(
				MenuEntry.of(SAFETY, 380, "◉", "menu.monitoring.points", "/monitoring/points", "monitoring:point:read"),
				MenuEntry.of(SAFETY, 382, "⌖", "menu.monitoring.map", "/monitoring/map", "monitoring:point:read"),
				MenuEntry.of(SAFETY, 385, "⚡", "menu.monitoring.alarms", "/monitoring/alarms", "monitoring:alarm:read"),
				MenuEntry.of(SAFETY, 390, "⇆", "menu.monitoring.receiver", "/monitoring/receiver",
						"monitoring:receiver:read"));
	}

	@Override
	public List<PermissionDeclaration> permissions() {
		return List.of(
				PermissionDeclaration.of("monitoring:point:read", "监测点位查看", "View monitoring points", "SAFETY_STAFF",
						"LEADER", "ENTERPRISE"),
				PermissionDeclaration.of("monitoring:point:edit", "监测点位管理", "Manage monitoring points", "SAFETY_STAFF"),
				PermissionDeclaration.of("monitoring:alarm:read", "监测报警查看", "View monitoring alarms", "SAFETY_STAFF",
						"LEADER", "ENTERPRISE"),
				PermissionDeclaration.of("monitoring:alarm:handle", "监测报警处置", "Handle monitoring alarms",
						"SAFETY_STAFF"),
				PermissionDeclaration.of("monitoring:receiver:read", "数据接收状态", "View the HJ 212 receiver",
						"SAFETY_STAFF", "LEADER"));
	}

}
