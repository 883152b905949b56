package io.parkops.investment.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.investment.internal.Access;
import io.parkops.investment.internal.BuildingPhotoService;
import io.parkops.investment.internal.InvestmentCommands;
import io.parkops.investment.internal.InvestmentProperties;
import io.parkops.investment.internal.InvestmentSummary;
import io.parkops.investment.internal.InvestmentViews.LeadView;
import io.parkops.investment.internal.InvestmentViews.Page;
import io.parkops.investment.internal.InvestmentViews.ProblemView;
import io.parkops.investment.internal.InvestmentViews.ProjectView;
import io.parkops.investment.internal.InvestmentViews.RankView;
import io.parkops.investment.internal.Kinds;
import io.parkops.investment.internal.LeadService;
import io.parkops.investment.internal.ProjectService;
import io.parkops.investment.internal.SummaryService;
import io.parkops.investment.internal.TaskForceService;
import io.parkops.platform.AccessScope;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneSelection;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of investment attraction and project construction: the dashboard, the lead
 * pipeline with a lead's review and signing, trips and receptions, the project list and a
 * project's page with its schedule, funds, buildings and problems, and the problems to
 * coordinate.
 */
@Controller
class InvestmentPagesController {

	private static final int SIZE = 20;

	private final LeadService leads;

	private final ProjectService projects;

	private final SummaryService summaries;

	private final EnterpriseRegistry enterprises;

	private final ZoneSelection zones;

	private final MessageSource messages;

	private final InvestmentProperties properties;

	private final io.parkops.investment.internal.InvestmentExports exports;

	private final io.parkops.platform.ZoneDirectory zoneDirectory;

	private final BuildingPhotoService photos;

	private final TaskForceService taskForces;

	InvestmentPagesController(LeadService leads, ProjectService projects, SummaryService summaries,
			EnterpriseRegistry enterprises, ZoneSelection zones, MessageSource messages,
			InvestmentProperties properties, io.parkops.investment.internal.InvestmentExports exports,
			io.parkops.platform.ZoneDirectory zoneDirectory, BuildingPhotoService photos, TaskForceService taskForces) {
		this.taskForces = taskForces;
		this.photos = photos;
		this.exports = exports;
		this.zoneDirectory = zoneDirectory;
		this.leads = leads;
		this.projects = projects;
		this.summaries = summaries;
		this.enterprises = enterprises;
		this.zones = zones;
		this.messages = messages;
		this.properties = properties;
	}

	private String zone() {
		return CurrentUser.get().isEnterpriseUser() ? null : this.zones.current();
	}

	static int pages(long total, int size) {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	private String act(String target, RedirectAttributes redirect, Supplier<Object> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", "notice.saved");
		}
		catch (InvalidInputException ex) {
			List<String> texts = new ArrayList<>();
			ex.fieldProblems()
				.forEach((p) -> texts.add(text("investment.field.problem", text("investment.field." + p.field()),
						text(p.messageKey(), p.args()))));
			redirect.addFlashAttribute("problemTexts", texts);
		}
		catch (ConflictException | ForbiddenException | NotFoundException ex) {
			redirect.addFlashAttribute("problemTexts", List.of(text(ex.messageKey(), ex.args())));
		}
		return target;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static BigDecimal decimal(String text) {
		String v = Inputs.trim(text);
		if (v == null) {
			return null;
		}
		try {
			return new BigDecimal(v.replace(",", ""));
		}
		catch (NumberFormatException ex) {
			return new BigDecimal("1e30");
		}
	}

	private static Integer whole(String text) {
		String v = Inputs.trim(text);
		if (v == null) {
			return null;
		}
		try {
			return Integer.valueOf(v);
		}
		catch (NumberFormatException ex) {
			return Integer.MIN_VALUE;
		}
	}

	private static List<String> people(String text) {
		String v = Inputs.trim(text);
		if (v == null) {
			return List.of();
		}
		return Arrays.stream(v.split("[、,，;；\\s]+")).filter((s) -> !s.isBlank()).toList();
	}

	// ---- dashboard

	@GetMapping("/investment")
	@RouteAccess(permission = "investment:statistics:read", scope = AccessScope.ZONE)
	String dashboard(Model model) {
		String zone = zone();
		LocalDate today = Access.today();
		model.addAttribute("today", today);
		if (zone == null) {
			return "investment/dashboard";
		}
		InvestmentSummary summary = this.summaries.summary(zone, today.withDayOfYear(1), today);
		model.addAttribute("s", summary);
		model.addAttribute("month", today.getMonthValue());
		Map<String, Long> funnel = new LinkedHashMap<>();
		for (Kinds.LeadStage stage : Kinds.LeadStage.values()) {
			funnel.put(stage.name(), this.leads.leads(zone, stage.name(), null, null, null, 0, 1).total());
		}
		model.addAttribute("funnel", funnel);
		List<RankView> ranking = this.projects.ranking(zone);
		model.addAttribute("ranking", ranking);
		model.addAttribute("late", ranking.stream().filter((r) -> !"GREEN".equals(r.light())).toList());
		model.addAttribute("openProblems",
				this.projects.zoneProblems(zone, null, null, 0, 200)
					.items()
					.stream()
					.filter((p) -> !"CLOSED".equals(p.status()))
					.toList());
		model.addAttribute("canEditTargets", CurrentUser.get().has("investment:target:edit"));
		model.addAttribute("targetCodes", SummaryService.TARGET_CODES);
		model.addAttribute("targets", this.summaries.targets(zone, today.getYear()));
		model.addAttribute("targetsVersion", this.summaries.targetsVersion(zone, today.getYear()));
		return "investment/dashboard";
	}

	@PostMapping("/investment/targets")
	@RouteAccess(permission = "investment:target:edit", scope = AccessScope.ZONE)
	String saveTargets(@RequestParam Map<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, InvestmentCommands.TargetValue> body = new LinkedHashMap<>();
		for (String code : SummaryService.TARGET_CODES) {
			BigDecimal v = decimal(form.get(code));
			if (v != null) {
				boolean count = code.endsWith("_100m") || code.equals("in_production_mfg");
				body.put(code, count ? new InvestmentCommands.TargetValue(v, null)
						: new InvestmentCommands.TargetValue(null, v));
			}
		}
		int year = Access.today().getYear();
		try {
			// the page always sends the version it read
			Long version = Versions.required(Versions.fromRequest(null, form.get("version")));
			this.summaries.putTargets(zone(), year, body, version);
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/investment";
		}
		catch (ConflictException ex) {
			if (!Versions.isStale(ex)) {
				return act("redirect:/investment", redirect, () -> {
					throw ex;
				});
			}
			// someone saved the targets in between: the dashboard again with what was
			// typed
			String view = dashboard(model);
			Map<String, String> typed = new LinkedHashMap<>();
			SummaryService.TARGET_CODES.forEach((code) -> typed.put(code, Inputs.trim(form.get(code))));
			model.addAttribute("targets", typed);
			model.addAttribute("targetsVersion", form.get("version"));
			Versions.showStale(model, response);
			return view;
		}
		catch (InvalidInputException | ForbiddenException | NotFoundException ex) {
			return act("redirect:/investment", redirect, () -> {
				throw ex;
			});
		}
	}

	// ---- leads

	@GetMapping("/investment/leads")
	@RouteAccess(permission = "investment:lead:read", scope = AccessScope.ZONE)
	String leadList(@RequestParam(required = false) String stage, @RequestParam(required = false) String source,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = zone();
		Page<LeadView> result = (zone != null) ? this.leads.leads(zone, Inputs.trim(stage), Inputs.trim(source),
				overdue, Inputs.trim(q), Math.max(page, 0), SIZE) : new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", pages(result.total(), SIZE));
		model.addAttribute("stage", stage);
		model.addAttribute("source", source);
		model.addAttribute("overdue", overdue);
		model.addAttribute("q", q);
		model.addAttribute("stages", Kinds.LeadStage.values());
		model.addAttribute("sources", Kinds.LeadSource.values());
		model.addAttribute("industries", this.enterprises.industryDivisions());
		model.addAttribute("today", Access.today());
		return "investment/leads";
	}

	@PostMapping("/investment/leads")
	@RouteAccess(permission = "investment:lead:edit", scope = AccessScope.ZONE)
	String recordLead(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
		return act("redirect:/investment/leads", redirect,
				() -> this.leads.recordLead(new InvestmentCommands.RecordLead(zone(), f.get("name"), f.get("investor"),
						f.get("source"), f.get("industryCode"), decimal(f.get("intendedAmount")),
						decimal(f.get("intendedUsd")), decimal(f.get("landMu")), decimal(f.get("factoryM2")),
						f.get("financing"), f.get("responsible"), f.get("createdOn"))));
	}

	@GetMapping("/investment/leads/{id:\\d+}")
	@RouteAccess(permission = "investment:lead:read", scope = AccessScope.ZONE)
	String lead(@PathVariable long id, Model model) {
		LeadView lead = this.leads.lead(id);
		model.addAttribute("l", lead);
		model.addAttribute("steps", this.leads.steps(id));
		model.addAttribute("review", this.leads.review(id));
		model.addAttribute("flow", List.of(Kinds.LeadStage.NEW, Kinds.LeadStage.CONTACTED, Kinds.LeadStage.VISITED,
				Kinds.LeadStage.NEGOTIATING, Kinds.LeadStage.SIGNED));
		Kinds.LeadStage current = Kinds.LeadStage.valueOf(lead.stage());
		model.addAttribute("current", current);
		model.addAttribute("next",
				Arrays.stream(Kinds.LeadStage.values())
					.filter((s) -> !current.closed() && s.ordinal() > current.ordinal() && s != Kinds.LeadStage.SIGNED
							&& s != Kinds.LeadStage.DROPPED)
					.toList());
		model.addAttribute("open", !current.closed());
		model.addAttribute("results", Kinds.ReviewResult.values());
		model.addAttribute("industries", this.enterprises.industryDivisions());
		model.addAttribute("areas",
				this.zoneDirectory.zone(lead.zoneCode())
					.map(io.parkops.platform.ZoneDirectory.Zone::areas)
					.orElse(List.of()));
		model.addAttribute("today", Access.today());
		return "investment/lead";
	}

	@PostMapping("/investment/leads/{id:\\d+}/override")
	@RouteAccess(permission = "investment:review:override", scope = AccessScope.ZONE)
	String overrideReview(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
		return act("redirect:/investment/leads/" + id, redirect,
				() -> this.leads.override(id, new InvestmentCommands.ReviewOverride(f.get("reason"))));
	}

	@PostMapping("/investment/leads/{id:\\d+}/{action:stage|notes|review|signing}")
	@RouteAccess(permission = "investment:lead:edit", scope = AccessScope.ZONE)
	String leadAction(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> f,
			RedirectAttributes redirect) {
		String back = "redirect:/investment/leads/" + id;
		return act(back, redirect, () -> switch (action) {
			case "stage" ->
				this.leads.step(id, new InvestmentCommands.LeadStep(f.get("stage"), f.get("on"), f.get("note")));
			case "notes" -> this.leads.note(id, new InvestmentCommands.LeadNote(f.get("on"), f.get("note")));
			case "review" -> {
				List<InvestmentCommands.ReviewItem> items = new ArrayList<>();
				for (String code : this.properties.reviewItems()) {
					String result = Inputs.trim(f.get("result_" + code));
					if (result != null) {
						items.add(new InvestmentCommands.ReviewItem(code, result, f.get("note_" + code),
								f.get("department_" + code)));
					}
				}
				yield this.leads.putReview(id, new InvestmentCommands.Review(items));
			}
			default -> {
				long project = this.projects
					.sign(id,
							new InvestmentCommands.Signing(f.get("signedOn"), f.get("projectName"),
									decimal(f.get("contractAmount")), decimal(f.get("totalInvestment")),
									decimal(f.get("fixedAssetInvestment")), decimal(f.get("fdiUsd")),
									"true".equals(f.get("outsideProvince")), "true".equals(f.get("manufacturing")),
									"new".equals(f.get("enterpriseMode")) ? null : f.get("enterpriseCreditCode"),
									"new".equals(f.get("enterpriseMode"))
											? new InvestmentCommands.NewEnterprise(f.get("newCreditCode"),
													f.get("newName"), f.get("newAreaCode"), f.get("newIndustryCode"))
											: null));
				yield project;
			}
		});
	}

	// ---- trips and receptions

	@GetMapping("/investment/activities")
	@RouteAccess(permission = "investment:lead:read", scope = AccessScope.ZONE)
	String activities(@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = zone();
		if (zone != null) {
			model.addAttribute("trips", this.leads.trips(zone, null, null, Math.max(page, 0), SIZE));
			model.addAttribute("receptions", this.leads.receptions(zone, null, null, Math.max(page, 0), SIZE));
			model.addAttribute("openLeads",
					this.leads.leads(zone, null, null, null, null, 0, 200)
						.items()
						.stream()
						.filter((l) -> !"SIGNED".equals(l.stage()) && !"DROPPED".equals(l.stage()))
						.toList());
		}
		model.addAttribute("today", Access.today());
		return "investment/activities";
	}

	@PostMapping("/investment/activities/{kind:trip|reception}")
	@RouteAccess(permission = "investment:lead:edit", scope = AccessScope.ZONE)
	String recordActivity(@PathVariable String kind, @RequestParam Map<String, String> f,
			@RequestParam(name = "leadIds", required = false) List<Long> leadIds, RedirectAttributes redirect) {
		List<Long> ids = (leadIds != null) ? leadIds : List.of();
		return act("redirect:/investment/activities", redirect,
				() -> kind.equals("trip")
						? this.leads.recordTrip(new InvestmentCommands.RecordTrip(zone(), f.get("date"),
								f.get("destination"), people(f.get("people")), ids, f.get("note")))
						: this.leads.recordReception(new InvestmentCommands.RecordReception(zone(), f.get("date"),
								f.get("visitors"), ids, f.get("note"))));
	}

	// ---- projects

	@GetMapping("/investment/projects")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	String projectList(@RequestParam(required = false) String stage, @RequestParam(required = false) String light,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		Page<ProjectView> result = this.projects.projects(zone(), Inputs.trim(stage), Inputs.trim(light),
				Inputs.trim(q), Math.max(page, 0), SIZE);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", pages(result.total(), SIZE));
		model.addAttribute("stage", stage);
		model.addAttribute("light", light);
		model.addAttribute("q", q);
		model.addAttribute("stages", Kinds.ProjectStage.values());
		model.addAttribute("lights", Kinds.Light.values());
		model.addAttribute("today", Access.today());
		return "investment/projects";
	}

	@PostMapping("/investment/projects")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	String recordProject(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
		return act("redirect:/investment/projects", redirect,
				() -> this.projects.recordProject(new InvestmentCommands.RecordProject(zone(), f.get("name"),
						f.get("enterpriseCreditCode"), f.get("stage"), f.get("signedOn"),
						decimal(f.get("contractAmount")), decimal(f.get("totalInvestment")),
						decimal(f.get("fixedAssetInvestment")), decimal(f.get("fdiUsd")),
						"true".equals(f.get("outsideProvince")), "true".equals(f.get("manufacturing")))));
	}

	@GetMapping("/investment/projects/{id:\\d+}")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	String project(@PathVariable long id, Model model) {
		ProjectView p = this.projects.project(id);
		fillProject(model, p);
		model.addAttribute("form", p);
		return "investment/project";
	}

	private void fillProject(Model model, ProjectView p) {
		long id = p.id();
		model.addAttribute("p", p);
		model.addAttribute("steps", this.projects.steps(id));
		model.addAttribute("funds", this.projects.funds(id));
		model.addAttribute("schedule", this.projects.schedule(id));
		model.addAttribute("buildings", this.projects.buildings(id));
		model.addAttribute("photos", this.photos.byBuilding(id, 6));
		model.addAttribute("photoMaxMb", this.properties.photoMaxBytes().toMegabytes());
		model.addAttribute("problems", this.projects.problems(id));
		Kinds.ProjectStage current = Kinds.ProjectStage.valueOf(p.stage());
		model.addAttribute("flow", Kinds.ProjectStage.FORWARD);
		model.addAttribute("current", current.onTheWay() ? current : Kinds.ProjectStage.PLANNED);
		model.addAttribute("next",
				Arrays.stream(Kinds.ProjectStage.values()).filter((s) -> allowedNext(p, current, s)).toList());
		model.addAttribute("phases", Kinds.BuildingPhase.values());
		model.addAttribute("categories", Kinds.ProblemCategory.values());
		model.addAttribute("origins", Kinds.FundOrigin.values());
		model.addAttribute("taskForceRoles", Kinds.TaskForceRole.values());
		if (p.creditCode() == null && CurrentUser.get().has("investment:project:edit")) {
			model.addAttribute("industries", this.enterprises.industryDivisions());
			model.addAttribute("areas",
					this.zoneDirectory.zone(p.zoneCode())
						.map(io.parkops.platform.ZoneDirectory.Zone::areas)
						.orElse(List.of()));
		}
		model.addAttribute("today", Access.today());
		model.addAttribute("canEdit", CurrentUser.get().has("investment:project:edit"));
		model.addAttribute("canRaise", CurrentUser.get().has("investment:problem:raise"));
		model.addAttribute("canClose", CurrentUser.get().has("investment:problem:close"));
	}

	private static boolean allowedNext(ProjectView p, Kinds.ProjectStage from, Kinds.ProjectStage to) {
		if (from == Kinds.ProjectStage.CANCELLED || from == to || to == Kinds.ProjectStage.PLANNED) {
			return false;
		}
		if (to == Kinds.ProjectStage.CANCELLED || to == Kinds.ProjectStage.STALLED) {
			return true;
		}
		if (from == Kinds.ProjectStage.STALLED) {
			return true;
		}
		return to.rank() > from.rank();
	}

	@PostMapping("/investment/projects/{id:\\d+}/leadership")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	String leadership(@PathVariable long id, @RequestParam Map<String, String> f, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		InvestmentCommands.Leadership cmd = new InvestmentCommands.Leadership(f.get("leader"), version(f));
		try {
			this.projects.leadership(id, cmd);
		}
		catch (ConflictException ex) {
			if (!Versions.isStale(ex)) {
				throw ex;
			}
			Versions.showStale(model, response);
			ProjectView p = this.projects.project(id);
			fillProject(model, p);
			model.addAttribute("typedLeader", f.get("leader"));
			model.addAttribute("typedVersion", cmd.version());
			return "investment/project";
		}
		catch (InvalidInputException ex) {
			return act("redirect:/investment/projects/" + id, redirect, () -> {
				throw ex;
			});
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return "redirect:/investment/projects/" + id;
	}

	private static Long version(Map<String, String> f) {
		return (Inputs.trim(f.get("version")) != null) ? Long.valueOf(whole(f.get("version"))) : null;
	}

	private static InvestmentCommands.TaskForceMember member(Map<String, String> f) {
		return new InvestmentCommands.TaskForceMember(f.get("name"), f.get("department"), f.get("role"),
				Inputs.trim(f.get("phone")), "true".equals(f.get("removePhone")), version(f));
	}

	@PostMapping("/investment/projects/{id:\\d+}/enterprise")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	String linkEnterprise(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
		boolean fresh = "new".equals(f.get("enterpriseMode"));
		return act("redirect:/investment/projects/" + id, redirect,
				() -> this.projects
					.linkEnterprise(id,
							new InvestmentCommands.LinkEnterprise(fresh ? null : f.get("enterpriseCreditCode"),
									fresh ? new InvestmentCommands.NewEnterprise(f.get("newCreditCode"),
											f.get("newName"), f.get("newAreaCode"), f.get("newIndustryCode")) : null,
									version(f))));
	}

	@PostMapping("/investment/projects/{id:\\d+}/task-force")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	String addTaskForceMember(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
		return act("redirect:/investment/projects/" + id, redirect, () -> this.taskForces.add(id, member(f)));
	}

	@PostMapping("/investment/task-force/{id:\\d+}")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	String updateTaskForceMember(@PathVariable long id, @RequestParam Map<String, String> f, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		InvestmentCommands.TaskForceMember cmd = member(f);
		return memberChange(id, () -> this.taskForces.update(id, cmd), model, response, redirect, () -> {
			model.addAttribute("typedMemberId", id);
			model.addAttribute("typedMember", cmd);
		});
	}

	@PostMapping("/investment/task-force/{id:\\d+}/removal")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	String removeTaskForceMember(@PathVariable long id, @RequestParam Map<String, String> f, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return memberChange(id, () -> this.taskForces.remove(id, version(f)), model, response, redirect, () -> {
		});
	}

	/**
	 * A change of a task force member from the project page: back to the page, or, when
	 * someone else changed or removed the member first, the page again with 409, the
	 * notice and what was typed.
	 */
	private String memberChange(long id, Runnable change, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Runnable keepTyped) {
		long project = this.taskForces.projectOf(id);
		String back = "redirect:/investment/projects/" + project;
		try {
			change.run();
		}
		catch (ConflictException ex) {
			if (!Versions.isStale(ex)) {
				return act(back, redirect, () -> {
					throw ex;
				});
			}
			Versions.showStale(model, response);
			fillProject(model, this.projects.project(project));
			keepTyped.run();
			return "investment/project";
		}
		catch (InvalidInputException ex) {
			return act(back, redirect, () -> {
				throw ex;
			});
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return back;
	}

	@PostMapping("/investment/projects/{id:\\d+}/building")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	String buildingProgress(@PathVariable long id, @RequestParam Map<String, String> f,
			@RequestParam(name = "photo", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		return act("redirect:/investment/projects/" + id, redirect, () -> {
			List<BuildingPhotoService.Upload> uploads = new ArrayList<>();
			for (MultipartFile file : (files != null) ? files : List.<MultipartFile>of()) {
				if (!file.isEmpty()) {
					try {
						uploads.add(new BuildingPhotoService.Upload(file.getBytes(), file.getOriginalFilename()));
					}
					catch (IOException ex) {
						throw InvalidInputException.of("file", "error.investment.photoEmpty");
					}
				}
			}
			return this.photos.progressWithPhotos(id, f.get("building"),
					new InvestmentCommands.BuildingProgress(f.get("on"), f.get("phase"), whole(f.get("floorsDone")),
							whole(f.get("floorsTotal")), decimal(f.get("percent")), f.get("note")),
					uploads);
		});
	}

	@GetMapping("/investment/building-photos/{id:\\d+}")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	ResponseEntity<byte[]> buildingPhoto(@PathVariable long id) {
		BuildingPhotoService.Photo photo = this.photos.photo(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.info().contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.bytes());
	}

	@PostMapping("/investment/projects/{id:\\d+}/{action:stage|funds|schedule}")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	String projectAction(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> f,
			RedirectAttributes redirect) {
		return act("redirect:/investment/projects/" + id, redirect, () -> switch (action) {
			case "stage" ->
				this.projects.step(id, new InvestmentCommands.ProjectStep(f.get("stage"), f.get("on"), f.get("note")));
			case "funds" -> this.projects.recordFunds(id, new InvestmentCommands.RecordFunds(f.get("on"),
					decimal(f.get("amount")), f.get("origin"), decimal(f.get("usdAmount"))));
			default -> this.projects.planSchedule(id, new InvestmentCommands.PlanSchedule(f.get("targetProductionOn")));
		});
	}

	@PostMapping("/investment/projects/{id:\\d+}/milestones/{code:[A-Z_]{1,32}}")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	String milestone(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) String on,
			RedirectAttributes redirect) {
		return act("redirect:/investment/projects/" + id, redirect,
				() -> this.projects.milestoneDone(id, code, new InvestmentCommands.MilestoneDone(on)));
	}

	@PostMapping("/investment/projects/{id:\\d+}/problems")
	@RouteAccess(permission = "investment:problem:raise", scope = AccessScope.ENTERPRISE)
	String raiseProblem(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
		return act("redirect:/investment/projects/" + id, redirect,
				() -> this.projects.raiseProblem(id, new InvestmentCommands.RaiseProblem(f.get("category"),
						f.get("description"), f.get("department"), f.get("deadline"))));
	}

	// ---- problems

	@GetMapping("/investment/problems")
	@RouteAccess(permission = "investment:problem:read", scope = AccessScope.ENTERPRISE)
	String problemList(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page<ProblemView> result = this.projects.zoneProblems(zone(), Inputs.trim(status), overdue, Math.max(page, 0),
				SIZE);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", pages(result.total(), SIZE));
		model.addAttribute("status", status);
		model.addAttribute("overdue", overdue);
		model.addAttribute("statuses", Kinds.ProblemStatus.values());
		model.addAttribute("today", Access.today());
		model.addAttribute("canClose", CurrentUser.get().has("investment:problem:close"));
		return "investment/problems";
	}

	@PostMapping("/investment/problems/{id:\\d+}/{action:handling|closure}")
	@RouteAccess(permission = "investment:problem:close", scope = AccessScope.ZONE)
	String problemAction(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> f,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		String target = (back != null && back.matches("/investment/(problems|projects/\\d+)")) ? back
				: "/investment/problems";
		return act("redirect:" + target, redirect,
				() -> action.equals("handling")
						? this.projects.handleProblem(id,
								new InvestmentCommands.ProblemHandling(f.get("on"), f.get("note")))
						: this.projects.closeProblem(id,
								new InvestmentCommands.CloseProblem(f.get("closedOn"), f.get("result"))));
	}

	// ---- downloads

	static void attachment(HttpServletResponse response, String type, String filename) {
		response.setContentType(type);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
	}

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	@GetMapping("/investment/leads/export")
	@RouteAccess(permission = "investment:data:export", scope = AccessScope.ZONE)
	void exportLeads(@RequestParam(required = false) String stage, @RequestParam(required = false) String source,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
			HttpServletResponse response) throws java.io.IOException {
		String zone = this.zones.current();
		CurrentUser.get().checkZone(zone);
		attachment(response, XLSX, "leads.xlsx");
		this.exports.leads(zone, Inputs.trim(stage), Inputs.trim(source), overdue, Inputs.trim(q),
				response.getOutputStream());
	}

	@GetMapping("/investment/projects/export")
	@RouteAccess(permission = "investment:data:export", scope = AccessScope.ZONE)
	void exportProjects(@RequestParam(required = false) String stage, @RequestParam(required = false) String light,
			@RequestParam(required = false) String q, HttpServletResponse response) throws java.io.IOException {
		String zone = this.zones.current();
		CurrentUser.get().checkZone(zone);
		attachment(response, XLSX, "projects.xlsx");
		this.exports.projects(zone, Inputs.trim(stage), Inputs.trim(light), Inputs.trim(q), response.getOutputStream());
	}

	@GetMapping("/investment/dispatch.xlsx")
	@RouteAccess(permission = "investment:data:export", scope = AccessScope.ZONE)
	void exportDispatch(HttpServletResponse response) throws java.io.IOException {
		String zone = this.zones.current();
		CurrentUser.get().checkZone(zone);
		attachment(response, XLSX, "dispatch.xlsx");
		this.exports.dispatch(zone, response.getOutputStream());
	}

	@GetMapping("/investment/dispatch.docx")
	@RouteAccess(permission = "investment:data:export", scope = AccessScope.ZONE)
	void briefing(HttpServletResponse response) throws java.io.IOException {
		String zone = this.zones.current();
		CurrentUser.get().checkZone(zone);
		java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
		this.exports.briefing(zone, this.zoneDirectory.require(zone).name(), buffer);
		attachment(response, DOCX, "briefing.docx");
		response.getOutputStream().write(buffer.toByteArray());
	}

	static BigDecimal pct(BigDecimal v) {
		return (v != null) ? v.setScale(2, RoundingMode.HALF_UP) : null;
	}

}
