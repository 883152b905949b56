package io.parkops.enterprise.internal;

import java.util.List;

import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

/**
 * The enterprise registry's (一企一档) menu entry and permissions.
 */
@Component
class EnterpriseWorkLine implements MenuContributor, PermissionContributor {

	@Override
	public List<MenuEntry> menuEntries() {
		return List.of(MenuEntry.of("menu.group.work", 100, "▣", "menu.enterprises", "/enterprises",
				"enterprise:enterprise:read"));
	}

	@Override
	public List<PermissionDeclaration> permissions() {
		return List.of(
				PermissionDeclaration.of("enterprise:enterprise:read", "企业档案查看", "View enterprises", "ADMIN", "LEADER",
						"ECONOMY_STAFF", "INVESTMENT_STAFF", "SAFETY_STAFF", "SERVICE_STAFF", "LAND_STAFF",
						"PARTY_STAFF", "ENTERPRISE"),
				PermissionDeclaration.of("enterprise:enterprise:edit", "企业档案维护", "Edit enterprises", "ADMIN",
						"ECONOMY_STAFF", "INVESTMENT_STAFF", "SERVICE_STAFF", "ENTERPRISE"),
				PermissionDeclaration.of("enterprise:enterprise:import", "企业档案导入", "Import enterprises", "ADMIN",
						"ECONOMY_STAFF"),
				PermissionDeclaration.of("enterprise:enterprise:export", "企业档案导出", "Export enterprises", "ADMIN",
						"LEADER", "ECONOMY_STAFF", "INVESTMENT_STAFF", "SAFETY_STAFF", "SERVICE_STAFF"));
	}

}
