package io.parkops.monitoring.internal;

import java.util.List;

import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

// Online monitoring's permissions (its pages are not built yet, so it declares no menu
// entries): safety staff (安全环保) hold all of them, leaders read, an enterprise reads its
// own points and alarms.
@Component
class MonitoringWorkLine implements PermissionContributor {

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
