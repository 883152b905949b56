package io.parkops.enterprise.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parkops.platform.Inputs;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseFlag;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.enterprise.internal.EnterpriseCommands;
import io.parkops.enterprise.internal.EnterpriseImport;
import io.parkops.enterprise.internal.EnterpriseQuery;
import io.parkops.enterprise.internal.EnterpriseService;
import io.parkops.enterprise.internal.EnterpriseStore;
import io.parkops.platform.AccessScope;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ParkOpsException;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.UserAccounts;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneSelection;
import io.parkops.platform.ZoneTime;
import io.parkops.platform.excel.ImportJobs;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the enterprise registry and the home page with the registry's figures.
 */
@Controller
class EnterprisePagesController {

	private final EnterpriseService enterprises;

	private final EnterpriseImport imports;

	private final ImportJobs jobs;

	private final ZoneSelection zones;

	private final ZoneDirectory zoneDirectory;

	private final UserAccounts users;

	private final MessageSource messages;

	private final ZoneTime zoneTime;

	EnterprisePagesController(EnterpriseService enterprises, EnterpriseImport imports, ImportJobs jobs,
			ZoneSelection zones, ZoneDirectory zoneDirectory, UserAccounts users, MessageSource messages,
			ZoneTime zoneTime) {
		this.enterprises = enterprises;
		this.imports = imports;
		this.jobs = jobs;
		this.zones = zones;
		this.zoneDirectory = zoneDirectory;
		this.users = users;
		this.messages = messages;
		this.zoneTime = zoneTime;
	}

	@GetMapping("/")
	@RouteAccess(scope = AccessScope.AUTHENTICATED)
	String home(Model model) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			// the to-do list first, then the way to the enterprise's own file
			model.addAttribute("myFile", "/enterprises/" + me.enterpriseCreditCode());
			return "enterprise/home";
		}
		String zone = this.zones.current();
		model.addAttribute("zone", (zone != null) ? this.zoneDirectory.zone(zone).orElse(null) : null);
		if (zone != null && me.has("enterprise:enterprise:read")) {
			List<EnterpriseStore.Count> scale = this.enterprises.countBy(zone, "scale");
			long total = scale.stream().mapToLong(EnterpriseStore.Count::count).sum();
			long above = scale.stream()
				.filter((c) -> "true".equals(c.key()))
				.mapToLong(EnterpriseStore.Count::count)
				.sum();
			model.addAttribute("total", total);
			model.addAttribute("aboveScale", above);
			model.addAttribute("byStatus", this.enterprises.countBy(zone, "status"));
		}
		return "enterprise/home";
	}

	/** Chart data for the home page: counts by area, industry, 规上 and status. */
	@GetMapping("/home/stats.json")
	@ResponseBody
	@RouteAccess(permission = "enterprise:enterprise:read", scope = AccessScope.ZONE)
	Map<String, Object> homeStats() {
		String zone = this.zones.current();
		Map<String, Object> stats = new LinkedHashMap<>();
		if (zone == null) {
			return stats;
		}
		stats.put("byArea", this.enterprises.countBy(zone, "area"));
		stats.put("byIndustry", this.enterprises.countBy(zone, "industry"));
		stats.put("byScale", this.enterprises.countBy(zone, "scale")
			.stream()
			.map((c) -> new EnterpriseStore.Count(c.key(),
					text("true".equals(c.key()) ? "enterprise.aboveScale.yes" : "enterprise.aboveScale.no"), c.count()))
			.toList());
		stats.put("byStatus",
				this.enterprises.countBy(zone, "status")
					.stream()
					.map((c) -> new EnterpriseStore.Count(c.key(), text("enterprise.status." + c.key()), c.count()))
					.toList());
		return stats;
	}

	@GetMapping("/enterprises")
	@RouteAccess(permission = "enterprise:enterprise:read", scope = AccessScope.ENTERPRISE)
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String area,
			@RequestParam(required = false) String industry, @RequestParam(required = false) Boolean aboveScale,
			@RequestParam(required = false) String flag, @RequestParam(required = false) String status,
			@RequestParam(required = false) String tag, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Model model) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			return "redirect:/enterprises/" + me.enterpriseCreditCode();
		}
		String zone = this.zones.current();
		EnterpriseQuery query = EnterpriseApiController.query(zone, q, area, industry, aboveScale, flag, status, tag,
				page, Math.min(Math.max(size, 10), 100));
		EnterpriseService.Page result = (zone != null) ? this.enterprises.list(query)
				: new EnterpriseService.Page(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("query", query);
		model.addAttribute("pages", Math.max(1, (result.total() + query.size() - 1) / query.size()));
		model.addAttribute("areas", (zone != null) ? this.zoneDirectory.require(zone).areas() : List.of());
		model.addAttribute("areaNames",
				(zone != null)
						? this.zoneDirectory.require(zone)
							.areas()
							.stream()
							.collect(java.util.stream.Collectors.toMap((a) -> a.code(), (a) -> a.label(), (a, b) -> a))
						: Map.of());
		model.addAttribute("divisions", this.enterprises.divisions());
		model.addAttribute("flags", EnterpriseFlag.values());
		model.addAttribute("statuses", EnterpriseStatus.values());
		model.addAttribute("exportQuery", exportQuery(zone, q, area, industry, aboveScale, flag, status, tag));
		return "enterprise/list";
	}

	private static String exportQuery(String zone, String q, String area, String industry, Boolean aboveScale,
			String flag, String status, String tag) {
		org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder
			.fromPath("/enterprises/export");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("zone", zone);
		params.put("q", q);
		params.put("area", area);
		params.put("industry", industry);
		params.put("aboveScale", aboveScale);
		params.put("flag", flag);
		params.put("status", status);
		params.put("tag", tag);
		params.forEach((k, v) -> {
			if (v != null && !v.toString().isBlank()) {
				b.queryParam(k, v);
			}
		});
		return b.build().encode().toUriString();
	}

	@GetMapping("/enterprises/export")
	@RouteAccess(permission = "enterprise:enterprise:export", scope = AccessScope.ENTERPRISE)
	void export(@RequestParam(required = false) String zone, @RequestParam(required = false) String q,
			@RequestParam(required = false) String area, @RequestParam(required = false) String industry,
			@RequestParam(required = false) Boolean aboveScale, @RequestParam(required = false) String flag,
			@RequestParam(required = false) String status, @RequestParam(required = false) String tag,
			HttpServletResponse response) throws IOException {
		byte[] workbook = this.imports
			.export(EnterpriseApiController.query(zone, q, area, industry, aboveScale, flag, status, tag, 0, 1));
		EnterpriseApiController.excel(response, "enterprises.xlsx");
		response.getOutputStream().write(workbook);
	}

	@GetMapping("/enterprises/import/template")
	@RouteAccess(permission = "enterprise:enterprise:import", scope = AccessScope.ENTERPRISE)
	void template(HttpServletResponse response) throws IOException {
		EnterpriseApiController.excel(response, "enterprise-import-template.xlsx");
		this.imports.writeTemplate(response.getOutputStream());
	}

	@GetMapping("/enterprises/import")
	@RouteAccess(permission = "enterprise:enterprise:import", scope = AccessScope.ENTERPRISE)
	String importPage(Model model) {
		model.addAttribute("headers", this.imports.headers());
		return "enterprise/import";
	}

	/**
	 * Starts an import in the background and answers with the polling progress fragment.
	 */
	@PostMapping("/enterprises/import")
	@RouteAccess(permission = "enterprise:enterprise:import", scope = AccessScope.ENTERPRISE)
	String startImport(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		String zone = this.zones.current();
		if (file.isEmpty() || zone == null) {
			model.addAttribute("job", null);
			model.addAttribute("emptyFile", true);
			return "enterprise/import :: progress";
		}
		byte[] bytes;
		try (InputStream in = file.getInputStream()) {
			bytes = in.readAllBytes();
		}
		UUID id = this.jobs.start(this.imports.kind(), ImportJobs.ImportFile.of(file.getOriginalFilename(), bytes),
				Map.of("zone", zone));
		model.addAttribute("job", this.jobs.find(id).orElseThrow());
		return "enterprise/import :: progress";
	}

	@GetMapping("/enterprises/import/{id}")
	@RouteAccess(permission = "enterprise:enterprise:import", scope = AccessScope.ENTERPRISE)
	String importProgress(@PathVariable UUID id, Model model) {
		ImportJobs.Job job = this.jobs.find(id).orElseThrow(() -> new NotFoundException("error.import.notFound"));
		model.addAttribute("job", job);
		if ("FAILED".equals(job.status())) {
			model.addAttribute("errors", job.errors()
				.stream()
				.map((e) -> new io.parkops.platform.excel.ImportError(e.row(), e.column(),
						this.messages.getMessage(e.message(), null, e.message(), LocaleContextHolder.getLocale())))
				.toList());
		}
		return "enterprise/import :: progress";
	}

	@GetMapping("/enterprises/{creditCode}")
	@RouteAccess(permission = "enterprise:enterprise:read", scope = AccessScope.ENTERPRISE)
	String detail(@PathVariable String creditCode, Model model) {
		EnterpriseService.EnterpriseFile file = this.enterprises.file(creditCode);
		model.addAttribute("file", file);
		model.addAttribute("timeline", file.events().stream().map(this::timelineEntry).toList());
		model.addAttribute("e", file.enterprise());
		model.addAttribute("flagKinds", EnterpriseFlag.values());
		model.addAttribute("statuses", EnterpriseStatus.values());
		model.addAttribute("today", this.zoneTime.today());
		return "enterprise/detail";
	}

	/** One line of the enterprise's timeline as people read it. */
	record TimelineEntry(String when, String module, String actor, String text, String link) {
	}

	/**
	 * A timeline summary is {@code key} or {@code key:argument} (the argument may itself
	 * contain colons); the text is the message {@code event.<key>} with the argument, an
	 * argument that is a code of a known vocabulary (status, flag) shown by its name.
	 */
	TimelineEntry timelineEntry(EnterpriseStore.EventRow event) {
		java.util.Locale locale = LocaleContextHolder.getLocale();
		String summary = (event.summary() != null) ? event.summary() : "";
		int colon = summary.indexOf(':');
		String key = (colon < 0) ? summary : summary.substring(0, colon);
		Object[] args = null;
		if (colon >= 0) {
			String arg = summary.substring(colon + 1);
			for (String vocabulary : List.of("enterprise.status.", "enterprise.flag.")) {
				arg = this.messages.getMessage(vocabulary + arg, null, arg, locale);
			}
			args = new Object[] { arg };
		}
		String text = this.messages.getMessage("event." + key, args, summary, locale);
		String module = this.messages.getMessage("module." + event.module(), null, event.module(), locale);
		return new TimelineEntry(this.zoneTime.format(event.occurredAt()), module, event.actor(), text, event.link());
	}

	/** The enterprise form's fields. */
	record EnterpriseForm(String creditCode, String name, String areaCode, String industryCode, Boolean aboveScale,
			String aboveScaleSince, String status, String legalRepresentative, String contactName, String contactPhone,
			String email, String address, String secretary, String leader, String tags, String ownershipType,
			Long version) {
	}

	@GetMapping("/enterprises/new")
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	String newForm(Model model) {
		return form(model, new EnterpriseForm("", "", "", "", false, "", "IN_PRODUCTION", "", "", "", "", "", "", "",
				"", "", null), List.of(), true);
	}

	@GetMapping("/enterprises/{creditCode}/edit")
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE)
	String editForm(@PathVariable String creditCode, Model model) {
		Enterprise e = this.enterprises.requireVisible(creditCode);
		return form(model,
				new EnterpriseForm(e.creditCode(), e.name(), e.areaCode(), e.industryCode(), e.aboveScale(),
						(e.aboveScaleSince() != null) ? e.aboveScaleSince().toString() : "", e.status().name(),
						e.legalRepresentative(), e.contactName(), e.contactPhone(), e.email(), e.address(),
						e.secretary(), e.leader(), String.join("、", e.tags()),
						(e.ownershipType() != null) ? e.ownershipType().name() : "", e.version()),
				List.of(), false);
	}

	private String form(Model model, EnterpriseForm form, List<ParkOpsException.FieldProblem> problems,
			boolean creating) {
		CurrentUser me = CurrentUser.get();
		String zone = me.isEnterpriseUser() ? this.enterprises.requireVisible(me.enterpriseCreditCode()).zoneCode()
				: this.zones.current();
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("creating", creating);
		model.addAttribute("areas", (zone != null) ? this.zoneDirectory.require(zone).areas() : List.of());
		model.addAttribute("divisions", this.enterprises.divisions());
		model.addAttribute("statuses", EnterpriseStatus.values());
		model.addAttribute("ownershipTypes", io.parkops.enterprise.OwnershipType.values());
		model.addAttribute("staff",
				(zone != null && !me.isEnterpriseUser()) ? this.users.staffOfZone(zone) : List.of());
		return "enterprise/form";
	}

	@PostMapping("/enterprises")
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE)
	String save(EnterpriseForm form, @RequestParam(defaultValue = "false") boolean creating, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Enterprise saved;
		try {
			if (creating) {
				saved = this.enterprises.register(new EnterpriseCommands.Register(form.creditCode(), form.name(),
						this.zones.current(), form.areaCode(), form.industryCode(), form.aboveScale(),
						form.aboveScaleSince(), form.status(), form.legalRepresentative(), form.contactName(),
						form.contactPhone(), form.email(), form.address(), form.secretary(), form.leader(),
						tags(form.tags()), form.ownershipType()));
			}
			else {
				saved = this.enterprises.change(form.creditCode(), CurrentUser.get().isEnterpriseUser()
						// an enterprise user's form has its contact fields only
						? new EnterpriseCommands.Change(form.version(), null, null, null, null,
								Inputs.orEmpty(form.legalRepresentative()), Inputs.orEmpty(form.contactName()),
								Inputs.orEmpty(form.contactPhone()), Inputs.orEmpty(form.email()),
								Inputs.orEmpty(form.address()), null, null, null)
						: new EnterpriseCommands.Change(form.version(), form.name(), Inputs.orEmpty(form.areaCode()),
								Inputs.orEmpty(form.industryCode()), form.status(),
								Inputs.orEmpty(form.legalRepresentative()), Inputs.orEmpty(form.contactName()),
								Inputs.orEmpty(form.contactPhone()), Inputs.orEmpty(form.email()),
								Inputs.orEmpty(form.address()), Inputs.orEmpty(form.secretary()),
								Inputs.orEmpty(form.leader()), tags(form.tags()),
								Inputs.orEmpty(form.ownershipType())));
			}
		}
		catch (InvalidInputException ex) {
			return form(model, form, ex.fieldProblems(), creating);
		}
		catch (io.parkops.platform.ConflictException ex) {
			if (io.parkops.platform.Versions.isStale(ex)) {
				io.parkops.platform.Versions.showStale(model, response);
				return form(model, form, List.of(), creating);
			}
			return form(model, form, List.of(new ParkOpsException.FieldProblem("", ex.messageKey(), ex.args())),
					creating);
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return "redirect:/enterprises/" + saved.creditCode();
	}

	@PostMapping("/enterprises/{creditCode}/scale-changes")
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	String scaleChange(@PathVariable String creditCode, @RequestParam String month, @RequestParam boolean aboveScale,
			RedirectAttributes redirect) {
		return act(creditCode, redirect, () -> this.enterprises.recordScaleChange(creditCode,
				new EnterpriseCommands.ScaleChange(month, aboveScale)));
	}

	@PostMapping("/enterprises/{creditCode}/flags")
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	String grantFlag(@PathVariable String creditCode, @RequestParam String kind, @RequestParam String grantedOn,
			@RequestParam(required = false) String expiresOn, @RequestParam(required = false) String reference,
			RedirectAttributes redirect) {
		return act(creditCode, redirect, () -> this.enterprises.grantFlag(creditCode,
				new EnterpriseCommands.GrantFlag(kind, grantedOn, expiresOn, reference)));
	}

	@PostMapping("/enterprises/{creditCode}/flags/{id}/revoke")
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	String revokeFlag(@PathVariable String creditCode, @PathVariable long id, RedirectAttributes redirect) {
		return act(creditCode, redirect, () -> {
			this.enterprises.revokeFlag(creditCode, id);
			return null;
		});
	}

	@PostMapping("/enterprises/{creditCode}/status-changes")
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	String statusChange(@PathVariable String creditCode, @RequestParam String status, @RequestParam String changedOn,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(creditCode, redirect, () -> this.enterprises.changeStatus(creditCode,
				new EnterpriseCommands.ChangeStatus(status, changedOn, note)));
	}

	private String act(String creditCode, RedirectAttributes redirect, java.util.function.Supplier<Object> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", "notice.saved");
		}
		catch (InvalidInputException ex) {
			List<String> texts = new ArrayList<>();
			ex.fieldProblems().forEach((p) -> texts.add(text(p.messageKey(), p.args())));
			redirect.addFlashAttribute("problemTexts", texts);
		}
		catch (io.parkops.platform.ConflictException ex) {
			redirect.addFlashAttribute("problemTexts", List.of(text(ex.messageKey(), ex.args())));
		}
		return "redirect:/enterprises/" + creditCode;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static List<String> tags(String text) {
		return EnterpriseStore.splitTags(text);
	}

	/**
	 * Empty form fields clear the value; the service treats "" as "clear" and null as
	 * "keep".
	 */

}
