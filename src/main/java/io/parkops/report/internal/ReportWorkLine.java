package io.parkops.report.internal;

import java.util.List;

import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

/**
 * The work reports' (工作总结) menu entry and permissions.
 */
@Component
class ReportWorkLine implements MenuContributor, PermissionContributor {

	@Override
	public List<MenuEntry> menuEntries() {
		return List.of(MenuEntry.of("menu.group.work", 190, "☰", "menu.reports", "/reports", "report:report:read"));
	}

	@Override
	public List<PermissionDeclaration> permissions() {
		return List.of(PermissionDeclaration.of("report:report:read", "工作总结查看", "View work reports", "ADMIN", "LEADER",
				"ECONOMY_STAFF", "INVESTMENT_STAFF", "SAFETY_STAFF", "SERVICE_STAFF", "LAND_STAFF", "PARTY_STAFF"),
				PermissionDeclaration.of("report:report:edit", "工作总结生成与编辑", "Generate and edit work reports", "ADMIN",
						"LEADER", "ECONOMY_STAFF", "INVESTMENT_STAFF", "SAFETY_STAFF", "SERVICE_STAFF", "LAND_STAFF",
						"PARTY_STAFF"),
				PermissionDeclaration.of("report:report:finalize", "工作总结定稿", "Finalise work reports", "ADMIN",
						"LEADER"));
	}

}
