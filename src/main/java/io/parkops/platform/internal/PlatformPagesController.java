package io.parkops.platform.internal;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.parkops.platform.Inputs;
import io.parkops.platform.AuditTrail;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.UserAccounts.NewUser;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneDirectory.Area;
import io.parkops.platform.ZoneDirectory.Zone;
import io.parkops.platform.ZoneSelection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform's pages: sign-in, own password, zone switch, and 系统管理 (zones, users,
 * roles) and 审计 (audit trail).
 */
@Controller
class PlatformPagesController {

	private final ZoneService zones;

	private final UserService users;

	private final UserStore store;

	private final RoleService roles;

	private final AuditTrail audit;

	private final ZoneSelection selection;

	private final ParkOpsUserDetailsService details;

	private final AuditView auditView;

	PlatformPagesController(ZoneService zones, UserService users, UserStore store, RoleService roles, AuditTrail audit,
			ZoneSelection selection, ParkOpsUserDetailsService details, AuditView auditView) {
		this.zones = zones;
		this.users = users;
		this.store = store;
		this.roles = roles;
		this.audit = audit;
		this.selection = selection;
		this.details = details;
		this.auditView = auditView;
	}

	@GetMapping("/login")
	@RouteAccess(scope = AccessScope.PUBLIC)
	String login(@RequestParam(required = false) String error, Model model) {
		// one message for every failure except a lock shown after the right password
		model.addAttribute("error", (error == null) ? null : "locked".equals(error) ? "locked" : "bad");
		return "platform/login";
	}

	@GetMapping("/account/password")
	@RouteAccess(scope = AccessScope.SELF)
	String passwordForm() {
		return "platform/password";
	}

	@PostMapping("/account/password")
	@RouteAccess(scope = AccessScope.SELF)
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw InvalidInputException.of("confirmPassword", "error.password.mismatch");
			}
			this.users.changeOwnPassword(me.id(), currentPassword, newPassword);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems", ex.fieldProblems());
			return "platform/password";
		}
		ParkOpsPrincipal refreshed = this.details.loadUserByUsername(me.username());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		redirect.addFlashAttribute("notice", "notice.passwordChanged");
		return "redirect:/";
	}

	@PostMapping("/zone-switch")
	@RouteAccess(scope = AccessScope.AUTHENTICATED, enterpriseUsers = false)
	String switchZone(@RequestParam String zone, @RequestParam(defaultValue = "/") String back) {
		this.selection.choose(zone);
		return "redirect:" + (back.startsWith("/") && !back.startsWith("//") ? back : "/");
	}

	// 系统管理: zones

	@GetMapping("/system/zones")
	@RouteAccess(permission = "system:zone:read", scope = AccessScope.GLOBAL)
	String zoneList(Model model) {
		CurrentUser me = CurrentUser.get();
		model.addAttribute("zones", this.zones.zones().stream().filter((z) -> me.canSeeZone(z.code())).toList());
		model.addAttribute("departments", this.zones.allDepartments());
		return "platform/zones";
	}

	@GetMapping("/system/zones/new")
	@RouteAccess(permission = "system:zone:edit", scope = AccessScope.GLOBAL)
	String newZone(Model model) {
		model.addAttribute("form", new ZoneForm("", "", "", "", null));
		model.addAttribute("creating", true);
		return "platform/zone-form";
	}

	@GetMapping("/system/zones/{code}/edit")
	@RouteAccess(permission = "system:zone:edit", scope = AccessScope.GLOBAL)
	String editZone(@PathVariable String code, Model model) {
		ZoneService.ZoneView zone = this.zones.view(code)
			.orElseThrow(() -> new io.parkops.platform.NotFoundException("error.zoneNotFound", code));
		StringBuilder areas = new StringBuilder();
		zone.areas().forEach((a) -> {
			areas.append(a.code()).append(' ').append(a.name());
			if (a.nameEn() != null) {
				areas.append(" | ").append(a.nameEn());
			}
			areas.append('\n');
		});
		StringBuilder depts = new StringBuilder();
		zone.departments().forEach((d) -> depts.append(d).append('\n'));
		model.addAttribute("form",
				new ZoneForm(zone.code(), zone.name(), areas.toString(), depts.toString(), zone.version()));
		model.addAttribute("creating", false);
		return "platform/zone-form";
	}

	/**
	 * The zone form: areas one per line as "code name" or "code name | English name",
	 * departments one per line, and the version it was read at.
	 */
	record ZoneForm(String code, String name, String areas, String departments, Long version) {
	}

	@PostMapping("/system/zones")
	@RouteAccess(permission = "system:zone:edit", scope = AccessScope.GLOBAL)
	String saveZone(ZoneForm form, @RequestParam(defaultValue = "false") boolean creating, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			List<Area> areas = parseAreas(form.areas());
			List<String> departments = lines(form.departments());
			if (creating) {
				this.zones.create(Inputs.trim(form.code()), Inputs.trim(form.name()), areas, departments);
			}
			else {
				this.zones.update(Inputs.trim(form.code()), form.version(), Inputs.trim(form.name()), areas,
						departments);
			}
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("creating", creating);
			model.addAttribute("problems", ex.fieldProblems());
			return "platform/zone-form";
		}
		catch (io.parkops.platform.ConflictException ex) {
			model.addAttribute("form", form);
			model.addAttribute("creating", creating);
			if (Versions.isStale(ex)) {
				Versions.showStale(model, response);
			}
			else {
				model.addAttribute("problems", List
					.of(new io.parkops.platform.ParkOpsException.FieldProblem("code", ex.messageKey(), ex.args())));
			}
			return "platform/zone-form";
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return "redirect:/system/zones";
	}

	private static List<Area> parseAreas(String text) {
		List<Area> areas = new ArrayList<>();
		for (String line : lines(text)) {
			String[] parts = line.split("[\\s,，]+", 2);
			String rest = (parts.length > 1) ? parts[1] : "";
			// the English name, if any, after a bar: "east 东区 | East Area"
			String[] names = rest.split("[|｜]", 2);
			areas.add(new Area(parts[0], names[0].trim(), (names.length > 1) ? Inputs.trim(names[1]) : null));
		}
		return areas;
	}

	private static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\\R")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	// 系统管理: users

	@GetMapping("/system/users")
	@RouteAccess(permission = "system:user:read", scope = AccessScope.GLOBAL)
	String userList(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) String zone, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Model model) {
		String query = Inputs.trim(q);
		int pageSize = Math.min(Math.max(size, 10), 100);
		model.addAttribute("users",
				this.store.list(query, Inputs.trim(role), Inputs.trim(zone), Math.max(page, 0), pageSize));
		long total = this.store.count(query, Inputs.trim(role), Inputs.trim(zone));
		model.addAttribute("total", total);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("size", pageSize);
		model.addAttribute("pages", Math.max(1, (total + pageSize - 1) / pageSize));
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("zone", zone);
		model.addAttribute("roles", this.roles.roles());
		model.addAttribute("zones", this.zones.zones());
		model.addAttribute("roleNames", roleNames());
		model.addAttribute("zoneNames", zoneNames());
		return "platform/users";
	}

	/** The user form; roles and zones as chosen in the form's checkboxes. */
	record UserForm(Long id, Long version, String username, String password, String displayName, String phone,
			Long departmentId, List<String> roles, List<String> zoneCodes, String enterpriseCreditCode, boolean enabled,
			boolean mustChangePassword) {
	}

	@GetMapping("/system/users/new")
	@RouteAccess(permission = "system:user:edit", scope = AccessScope.GLOBAL)
	String newUser(Model model) {
		return userForm(model, new UserForm(null, null, "", "", "", "", null, List.of(), List.of(), "", true, true),
				List.of());
	}

	@GetMapping("/system/users/{id}/edit")
	@RouteAccess(permission = "system:user:edit", scope = AccessScope.GLOBAL)
	String editUser(@PathVariable long id, Model model) {
		UserService.UserView u = this.users.view(id);
		return userForm(model,
				new UserForm(u.id(), u.version(), u.username(), "", u.displayName(), u.phone(), u.departmentId(),
						u.roles(), u.zoneCodes(), u.enterpriseCreditCode(), u.enabled(), u.mustChangePassword()),
				List.of());
	}

	private String userForm(Model model, UserForm form, List<?> problems) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("roles", this.roles.roles());
		model.addAttribute("zones", this.zones.zones());
		model.addAttribute("zoneNames", zoneNames());
		model.addAttribute("departments", this.zones.allDepartments());
		if (form.id() != null) {
			UserService.UserView account = this.users.view(form.id());
			model.addAttribute("account", account);
			model.addAttribute("mayReset", mayReset(account));
		}
		return "platform/user-form";
	}

	@PostMapping("/system/users")
	@RouteAccess(permission = "system:user:edit", scope = AccessScope.GLOBAL)
	String saveUser(UserForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		List<String> roleList = (form.roles() != null) ? form.roles() : List.of();
		List<String> zoneList = (form.zoneCodes() != null) ? form.zoneCodes() : List.of();
		try {
			if (form.id() == null) {
				this.users.create(new NewUser(Inputs.trim(form.username()), form.password(), form.displayName(),
						roleList, zoneList, form.enterpriseCreditCode(), form.mustChangePassword()));
			}
			else {
				this.users.update(form.id(),
						new UserService.UserChange((form.version() != null) ? form.version() : -1, form.displayName(),
								form.phone(), form.departmentId(), roleList, zoneList, form.enterpriseCreditCode(),
								form.enabled(), form.mustChangePassword()));
			}
		}
		catch (InvalidInputException ex) {
			response.setStatus(ex.status().value());
			return userForm(model, form, ex.fieldProblems());
		}
		catch (io.parkops.platform.ParkOpsException ex) {
			response.setStatus(ex.status().value());
			return userForm(model, form,
					List.of(new io.parkops.platform.ParkOpsException.FieldProblem("", ex.messageKey(), ex.args())));
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return "redirect:/system/users";
	}

	@PostMapping("/system/users/{id}/unlock")
	@RouteAccess(permission = "system:user:edit", scope = AccessScope.GLOBAL)
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		this.users.unlock(id);
		redirect.addFlashAttribute("notice", "notice.unlocked");
		return "redirect:/system/users/" + id + "/edit";
	}

	/** Whether the signed-in user may reset this account's password (三员分立). */
	private static boolean mayReset(UserService.UserView account) {
		CurrentUser me = CurrentUser.get();
		return me.id() != account.id() && me.has("system:user:reset")
				&& me.hasRole(UserService.mayReset(account.roles()));
	}

	@GetMapping("/system/users/{id}/password")
	@RouteAccess(permission = "system:user:reset", scope = AccessScope.GLOBAL)
	String resetPasswordForm(@PathVariable long id, Model model) {
		UserService.UserView account = this.users.view(id);
		model.addAttribute("account", account);
		model.addAttribute("mayReset", mayReset(account));
		return "platform/user-reset";
	}

	@PostMapping("/system/users/{id}/password")
	@RouteAccess(permission = "system:user:reset", scope = AccessScope.GLOBAL)
	String resetPassword(@PathVariable long id, @RequestParam String password, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.users.resetPassword(id, password);
		}
		catch (InvalidInputException ex) {
			response.setStatus(ex.status().value());
			UserService.UserView account = this.users.view(id);
			model.addAttribute("account", account);
			model.addAttribute("mayReset", mayReset(account));
			model.addAttribute("problems", ex.fieldProblems());
			return "platform/user-reset";
		}
		redirect.addFlashAttribute("notice", "notice.passwordReset");
		return CurrentUser.get().has("system:user:edit") ? "redirect:/system/users/" + id + "/edit"
				: "redirect:/system/users";
	}

	// 系统管理: roles

	@GetMapping("/system/roles")
	@RouteAccess(permission = "system:role:read", scope = AccessScope.GLOBAL)
	String roleList(Model model) {
		List<RoleService.Role> all = this.roles.roles();
		CurrentUser me = CurrentUser.get();
		model.addAttribute("roles", all);
		model.addAttribute("fixed", List.copyOf(RoleService.ADMINISTRATORS));
		model.addAttribute("editable",
				all.stream().map(RoleService.Role::code).filter((c) -> RoleService.editable(c, me)).toList());
		model.addAttribute("permissionNames", permissionNames());
		return "platform/roles";
	}

	@GetMapping("/system/roles/{code}")
	@RouteAccess(permission = "system:role:edit", scope = AccessScope.GLOBAL)
	String editRole(@PathVariable String code, Model model) {
		RoleService.Role role = this.roles.role(code);
		return roleForm(model, role, role.permissions(), role.version());
	}

	/** The role form with the permissions ticked and the version it was read at. */
	private String roleForm(Model model, RoleService.Role role, Set<String> checked, long version) {
		model.addAttribute("role", role);
		model.addAttribute("checked", checked);
		model.addAttribute("version", version);
		model.addAttribute("catalogue", this.roles.catalogue());
		model.addAttribute("editable", RoleService.editable(role.code(), CurrentUser.get()));
		return "platform/role-form";
	}

	@PostMapping("/system/roles/{code}")
	@RouteAccess(permission = "system:role:edit", scope = AccessScope.GLOBAL)
	String saveRole(@PathVariable String code, @RequestParam(required = false) List<String> permissions,
			@RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Set<String> granted = new LinkedHashSet<>((permissions != null) ? permissions : List.of());
		try {
			this.roles.grant(code, version, granted);
		}
		catch (InvalidInputException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("problems", ex.fieldProblems());
			return roleForm(model, this.roles.role(code), granted, (version != null) ? version : -1);
		}
		catch (io.parkops.platform.ConflictException ex) {
			if (!Versions.isStale(ex)) {
				// a fixed role: the page says why
				response.setStatus(ex.status().value());
				model.addAttribute("problems",
						List.of(new io.parkops.platform.ParkOpsException.FieldProblem("", ex.messageKey(), ex.args())));
				return roleForm(model, this.roles.role(code), granted, (version != null) ? version : -1);
			}
			Versions.showStale(model, response);
			return roleForm(model, this.roles.role(code), granted, (version != null) ? version : -1);
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return "redirect:/system/roles";
	}

	// 审计

	@GetMapping("/audit")
	@RouteAccess(permission = "audit:record:read", scope = AccessScope.GLOBAL)
	String auditList(@RequestParam(required = false) String user, @RequestParam(required = false) String entity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		int size = 30;
		AuditTrail.AuditPage result = this.audit.search(new AuditTrail.AuditQuery(Inputs.trim(user),
				Inputs.trim(entity), null, PlatformApiController.startOf(from),
				(to != null) ? PlatformApiController.startOf(to.plusDays(1)) : null, Math.max(page, 0), size));
		model.addAttribute("records", this.auditView.rows(result.items()));
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", Math.max(1, (result.total() + size - 1) / size));
		model.addAttribute("user", user);
		model.addAttribute("entity", entity);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "platform/audit";
	}

	@PostMapping("/audit/verify")
	@RouteAccess(permission = "audit:record:read", scope = AccessScope.GLOBAL)
	String auditVerify(Model model) {
		model.addAttribute("verification", this.audit.verify());
		return "platform/audit-verify";
	}

	/** Zone codes → names. */
	private java.util.Map<String, String> zoneNames() {
		return this.zones.zones()
			.stream()
			.collect(java.util.stream.Collectors.toMap(io.parkops.platform.ZoneDirectory.Zone::code,
					io.parkops.platform.ZoneDirectory.Zone::name, (a, b) -> a));
	}

	/** Role codes → names in the page's language. */
	private java.util.Map<String, String> roleNames() {
		boolean en = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
		java.util.Map<String, String> names = new java.util.HashMap<>();
		this.roles.roles().forEach((r) -> names.put(r.code(), en ? r.nameEn() : r.nameZh()));
		return names;
	}

	/** Permission codes → names in the page's language. */
	private java.util.Map<String, String> permissionNames() {
		boolean en = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
		java.util.Map<String, String> names = new java.util.HashMap<>();
		this.roles.catalogue().forEach((p) -> names.put(p.code(), en ? p.nameEn() : p.nameZh()));
		return names;
	}

}
