package io.parkops.service.internal;

import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.MenuContributor;
import io.parkops.platform.MenuEntry;
import io.parkops.platform.PermissionContributor;
import io.parkops.platform.PermissionDeclaration;

import org.springframework.stereotype.Component;

/**
 * Enterprise services' (企业服务) menu entries and permissions: service staff hold all of
 * them, leaders read (and are escalated overdue requests), an enterprise raises, rates
 * and withdraws its own requests, reads the policies it qualifies for and applies, and
 * reads its own applications and financing.
 */
@Component
class ServiceWorkLine implements MenuContributor, PermissionContributor {

	private static final String GROUP = "menu.group.service";

	@Override
	public List<MenuEntry> menuEntries() {
		MenuEntry.Audience staff = MenuEntry.Audience.STAFF;
		MenuEntry.Audience enterprise = MenuEntry.Audience.ENTERPRISE;
		return List.of(
				new MenuEntry(GROUP, 500, "☏", "menu.service.requests", "/services/requests", "service:request:read",
						List.of("/services/requests"), staff),
				new MenuEntry(GROUP, 500, "☏", "menu.service.myRequests", "/services/requests", "service:request:read",
						List.of("/services/requests"), enterprise),
				MenuEntry.of(GROUP, 510, "⚐", "menu.service.visits", "/services/visits", "service:visit:read"),
				new MenuEntry(GROUP, 520, "✦", "menu.service.policies", "/services/policies", "service:policy:read",
						List.of("/services/policies", "/services/applications"), staff),
				new MenuEntry(GROUP, 520, "✦", "menu.service.eligible", "/services/policies", "service:policy:read",
						List.of("/services/policies"), enterprise),
				new MenuEntry(GROUP, 525, "✎", "menu.service.myApplications", "/services/applications",
						"service:application:read", List.of("/services/applications"), enterprise),
				new MenuEntry(GROUP, 530, "¥", "menu.service.financing", "/services/financing",
						"service:financing:read", List.of("/services/financing"), staff),
				new MenuEntry(GROUP, 530, "¥", "menu.service.myFinancing", "/services/financing",
						"service:financing:read", List.of("/services/financing"), enterprise),
				MenuEntry.of(GROUP, 540, "☺", "menu.service.fairs", "/services/job-fairs", "service:fair:read"),
				MenuEntry.of(GROUP, 512, "☷", "menu.service.people", "/services/people", "service:people:read"),
				new MenuEntry(GROUP, 535, "⎘", "menu.service.agency", "/services/agency", "service:agency:read",
						List.of("/services/agency"), staff),
				new MenuEntry(GROUP, 535, "⎘", "menu.service.myAgency", "/services/agency", "service:agency:read",
						List.of("/services/agency"), enterprise),
				new MenuEntry(GROUP, 545, "☻", "menu.service.hires", "/services/hires", "service:hire:read",
						List.of("/services/hires"), staff),
				new MenuEntry(GROUP, 545, "☻", "menu.service.myHires", "/services/hires", "service:hire:read",
						List.of("/services/hires"), enterprise),
				MenuEntry.of(GROUP, 550, "▤", "menu.service.statistics", "/services/statistics",
						"service:statistics:read"));
	}

	@Override
	public List<PermissionDeclaration> permissions() {
		List<PermissionDeclaration> all = new ArrayList<>();
		all.add(declare("request:read", "企业诉求查看", "View requests", "LEADER", "ENTERPRISE"));
		all.add(declare("request:raise", "企业诉求提交", "Raise requests", "ENTERPRISE"));
		all.add(declare("request:handle", "企业诉求办理", "Handle and resolve requests"));
		all.add(PermissionDeclaration.of("service:request:rate", "诉求办理评价", "Rate the result of own requests",
				"ENTERPRISE"));
		all.add(PermissionDeclaration.of("service:request:withdraw", "诉求撤回", "Withdraw own requests", "ENTERPRISE"));
		all.add(PermissionDeclaration.of("service:request:supervise", "逾期诉求督办", "Supervise overdue requests",
				"LEADER"));
		all.add(declare("visit:read", "走访记录查看", "View visits", "LEADER"));
		all.add(declare("visit:edit", "走访记录登记", "Record visits"));
		all.add(declare("policy:read", "惠企政策查看", "View policies", "LEADER", "ENTERPRISE"));
		all.add(declare("policy:edit", "惠企政策维护", "Keep policies"));
		all.add(declare("policy:match", "政策找企业", "Match policies to enterprises", "LEADER"));
		all.add(declare("application:read", "政策申报查看", "View applications", "LEADER", "ENTERPRISE"));
		all.add(declare("application:apply", "政策申报", "Apply for policies", "ENTERPRISE"));
		all.add(declare("application:review", "申报审核兑现", "Review and pay applications"));
		all.add(declare("financing:read", "融资服务查看", "View financing", "LEADER", "ENTERPRISE"));
		all.add(declare("financing:edit", "融资服务登记", "Record financing"));
		all.add(declare("fair:read", "招聘会查看", "View job fairs", "LEADER"));
		all.add(declare("fair:edit", "招聘会登记", "Record job fairs"));
		all.add(declare("agency:read", "代办事项查看", "View agency services", "LEADER", "ENTERPRISE"));
		all.add(declare("agency:edit", "代办事项登记", "Record agency services"));
		all.add(declare("hire:read", "企业招工查看", "View reported hires", "LEADER", "ENTERPRISE"));
		all.add(declare("hire:report", "企业招工填报", "Report hires", "ENTERPRISE"));
		all.add(declare("people:read", "企业服务人员查看", "View service people", "LEADER"));
		all.add(declare("people:edit", "企业服务人员维护", "Keep service people"));
		all.add(declare("statistics:read", "企业服务统计", "Service statistics", "LEADER"));
		all.add(declare("data:export", "企业服务导出", "Export service lists", "LEADER"));
		return all;
	}

	private static PermissionDeclaration declare(String resourceAction, String zh, String en, String... others) {
		List<String> roles = new ArrayList<>(List.of(others));
		roles.add("SERVICE_STAFF");
		return PermissionDeclaration.of("service:" + resourceAction, zh, en, roles.toArray(String[]::new));
	}

}
