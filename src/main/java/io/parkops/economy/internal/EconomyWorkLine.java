package io.parkops.economy.internal;

import java.util.List;

import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

/**
 * Economic monitoring's (经济运行) menu entries and permissions.
 */
@Component
class EconomyWorkLine implements MenuContributor, PermissionContributor {

	private static final String WORK = "menu.group.work";

	@Override
	public List<MenuEntry> menuEntries() {
		return List.of(
				new MenuEntry(WORK, 110, "📈", "menu.economy", "/economy", "economy:statistics:read",
						List.of("/economy/candidates", "/economy/plan"), MenuEntry.Audience.ANYONE),
				new MenuEntry(WORK, 120, "☑", "menu.economyCollection", "/economy/completeness",
						"economy:monthly:import",
						List.of("/economy/completeness", "/economy/import", "/economy/monthly"),
						MenuEntry.Audience.ANYONE),
				new MenuEntry(WORK, 130, "✎", "menu.economyMonthly", "/economy/monthly", "economy:monthly:submit",
						List.of("/economy/monthly"), MenuEntry.Audience.ENTERPRISE));
	}

	@Override
	public List<PermissionDeclaration> permissions() {
		return List.of(
				PermissionDeclaration.of("economy:monthly:read", "企业月报查看", "View monthly figures", "ADMIN",
						"ECONOMY_STAFF", "LEADER", "ENTERPRISE"),
				PermissionDeclaration.of("economy:monthly:submit", "企业月报填报/更正", "Submit and correct monthly figures",
						"ADMIN", "ECONOMY_STAFF", "ENTERPRISE"),
				PermissionDeclaration.of("economy:monthly:import", "企业月报导入", "Import monthly figures", "ADMIN",
						"ECONOMY_STAFF"),
				PermissionDeclaration.of("economy:statistics:read", "经济运行统计查看", "View economic statistics", "ADMIN",
						"ECONOMY_STAFF", "LEADER", "INVESTMENT_STAFF", "SERVICE_STAFF"),
				PermissionDeclaration.of("economy:statistics:export", "经济运行统计导出", "Export economic statistics", "ADMIN",
						"ECONOMY_STAFF", "LEADER"),
				PermissionDeclaration.of("economy:plan:edit", "园区指标、目标与价格指数维护",
						"Edit zone figures, targets and price indices", "ADMIN", "ECONOMY_STAFF"));
	}

}
