package io.parkops.platform.internal;

import java.util.List;

import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

/**
 * The platform's own menu entries (home, system administration, help) and permissions.
 */
@Component
class PlatformWorkLine implements MenuContributor, PermissionContributor {

	private static final String SYSTEM = "menu.group.system";

	@Override
	public List<MenuEntry> menuEntries() {
		return List.of(new MenuEntry(null, 0, "⌂", "menu.home", "/", null, List.of(), MenuEntry.Audience.ANYONE),
				MenuEntry.of(SYSTEM, 900, "⚑", "menu.zones", "/system/zones", "system:zone:read"),
				MenuEntry.of(SYSTEM, 910, "☻", "menu.users", "/system/users", "system:user:read"),
				MenuEntry.of(SYSTEM, 920, "⚙", "menu.roles", "/system/roles", "system:role:read"),
				MenuEntry.of(SYSTEM, 930, "✎", "menu.audit", "/audit", "audit:record:read"),
				new MenuEntry("menu.group.help", 1000, "❖", "menu.apiDocs", "/swagger-ui.html", null, List.of(),
						MenuEntry.Audience.ANYONE));
	}

	@Override
	public List<PermissionDeclaration> permissions() {
		return List.of(PermissionDeclaration.of("system:user:read", "用户查看", "View users", "ADMIN", "SECURITY_ADMIN"),
				PermissionDeclaration.of("system:user:edit", "用户管理", "Manage users", "ADMIN"),
				PermissionDeclaration.of("system:user:reset", "重置用户密码", "Reset user passwords", "ADMIN",
						"SECURITY_ADMIN"),
				PermissionDeclaration.of("system:zone:read", "园区查看", "View zones", "ADMIN", "LEADER"),
				PermissionDeclaration.of("system:zone:edit", "园区管理", "Manage zones", "ADMIN"),
				PermissionDeclaration.of("system:role:read", "角色查看", "View roles", "SECURITY_ADMIN"),
				PermissionDeclaration.of("system:role:edit", "角色权限管理", "Manage roles and permissions",
						"SECURITY_ADMIN"),
				PermissionDeclaration.of("audit:record:read", "审计日志查看", "Read the audit trail", "AUDITOR"));
	}

}
