package io.parkops.investment.internal;

import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

/**
 * Investment attraction's and project construction's (招商引资, 项目建设) menu entries and
 * permissions: investment staff hold all of them, leaders read and override a failed
 * review, an enterprise reads its own projects and raises problems on them.
 */
@Component
class InvestmentWorkLine implements MenuContributor, PermissionContributor {

	private static final String GROUP = "menu.group.investment";

	@Override
	public List<MenuEntry> menuEntries() {
		return List.of(
				new MenuEntry(GROUP, 400, "◎", "menu.investment.dashboard", "/investment", "investment:statistics:read",
						List.of(), MenuEntry.Audience.STAFF),
				MenuEntry.of(GROUP, 410, "☍", "menu.investment.leads", "/investment/leads", "investment:lead:read"),
				MenuEntry.of(GROUP, 420, "▦", "menu.investment.projects", "/investment/projects",
						"investment:project:read"),
				MenuEntry.of(GROUP, 430, "⚐", "menu.investment.problems", "/investment/problems",
						"investment:problem:read"));
	}

	@Override
	public List<PermissionDeclaration> permissions() {
		List<PermissionDeclaration> all = new ArrayList<>();
		all.add(declare("lead:read", "招商线索查看", "View leads", "LEADER"));
		all.add(declare("lead:edit", "招商线索维护", "Keep leads, trips and receptions"));
		all.add(declare("review:override", "预审联审领导特批", "Override a failed admission review", "LEADER"));
		all.add(declare("project:read", "项目查看", "View projects", "LEADER", "ENTERPRISE"));
		all.add(declare("project:edit", "项目维护", "Keep projects"));
		all.add(declare("problem:read", "项目问题查看", "View project problems", "LEADER", "ENTERPRISE"));
		all.add(declare("problem:raise", "项目问题提报", "Raise project problems", "ENTERPRISE"));
		all.add(declare("problem:close", "项目问题办结", "Handle and close project problems"));
		all.add(declare("target:edit", "招商目标设定", "Set investment targets"));
		all.add(declare("statistics:read", "招商与项目统计", "Investment statistics", "LEADER"));
		all.add(declare("data:export", "招商与项目导出", "Export investment lists", "LEADER"));
		return all;
	}

	/**
	 * Investment staff get every permission of the work line; the other roles are named.
	 */
	private static PermissionDeclaration declare(String resourceAction, String zh, String en, String... others) {
		List<String> roles = new ArrayList<>(List.of(others));
		if (!resourceAction.equals("review:override")) {
			roles.add("INVESTMENT_STAFF");
		}
		return PermissionDeclaration.of("investment:" + resourceAction, zh, en, roles.toArray(String[]::new));
	}

}
