package io.parkops.safety.web;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ParkOpsException;
import io.parkops.safety.internal.HazardFilter;
import io.parkops.safety.internal.HazardService;
import io.parkops.safety.internal.Inputs;
import io.parkops.safety.internal.Kinds;
import io.parkops.safety.internal.NoticeService;
import io.parkops.safety.internal.PhotoService;
import io.parkops.safety.internal.SafetyCommands;
import io.parkops.safety.internal.SafetyExports;
import io.parkops.safety.internal.SafetyProperties;
import io.parkops.safety.internal.SafetyViews.HazardView;
import io.parkops.safety.internal.SafetyViews.InspectionView;
import io.parkops.safety.internal.SafetyViews.Page;
import io.parkops.safety.internal.SafetyViews.PlanView;
import jakarta.servlet.http.HttpServletResponse;

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
 * Pages of hazards (隐患): list, export, form, the workflow page with its plan and photos,
 * and the enterprise panel.
 */
@Controller
class HazardPagesController {

	private final HazardService hazards;

	private final PhotoService photos;

	private final NoticeService notices;

	private final SafetyExports exports;

	private final SafetyProperties properties;

	private final EnterpriseRegistry enterprises;

	private final PageSupport support;

	HazardPagesController(HazardService hazards, PhotoService photos, NoticeService notices, SafetyExports exports,
			SafetyProperties properties, EnterpriseRegistry enterprises, PageSupport support) {
		this.hazards = hazards;
		this.photos = photos;
		this.notices = notices;
		this.exports = exports;
		this.properties = properties;
		this.enterprises = enterprises;
		this.support = support;
	}

	@GetMapping("/safety/hazards")
	@RouteAccess(permission = "safety:hazard:read", scope = AccessScope.ENTERPRISE)
	String hazardList(@RequestParam(required = false) String q, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String status, @RequestParam(required = false) String level,
			@RequestParam(required = false) String category, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean dueSoon, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Model model) {
		CurrentUser me = CurrentUser.get();
		String zone = this.support.zone();
		int pageSize = Math.min(Math.max(size, 10), 100);
		HazardFilter filter = SafetyApiController.filter(zone, me.isEnterpriseUser() ? null : enterprise, status,
				overdue, dueSoon, level, category, null, q, page, pageSize);
		Page<HazardView> result = (zone != null || me.isEnterpriseUser()) ? this.hazards.hazards(filter)
				: new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("f", filter);
		model.addAttribute("pages", PageSupport.pages(result.total(), pageSize));
		model.addAttribute("statuses", Kinds.HazardStatus.values());
		model.addAttribute("levels", this.properties.levels());
		model.addAttribute("categories", this.properties.categories());
		model.addAttribute("zoneEnterprises",
				(zone != null && !me.isEnterpriseUser()) ? this.enterprises.ofZone(zone) : List.of());
		model.addAttribute("exportQuery",
				PageSupport.exportQuery("/safety/hazards/export",
						Map.of("q", Inputs.orEmpty(q), "enterprise", Inputs.orEmpty(enterprise), "status",
								Inputs.orEmpty(status), "level", Inputs.orEmpty(level), "category",
								Inputs.orEmpty(category), "overdue", (overdue != null) ? overdue.toString() : "",
								"dueSoon", (dueSoon != null) ? dueSoon.toString() : "")));
		return "safety/hazards";
	}

	@GetMapping("/safety/hazards/export")
	@RouteAccess(permission = { "safety:data:export", "safety:hazard:rectify" }, scope = AccessScope.ENTERPRISE)
	void exportHazards(@RequestParam(required = false) String q, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String status, @RequestParam(required = false) String level,
			@RequestParam(required = false) String category, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean dueSoon, HttpServletResponse response) throws IOException {
		CurrentUser me = CurrentUser.get();
		HazardFilter filter = SafetyApiController.filter(this.support.zone(), me.isEnterpriseUser() ? null : enterprise,
				status, overdue, dueSoon, level, category, null, q, 0, 1);
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "hazards.xlsx");
		this.exports.hazards(filter, response.getOutputStream());
	}

	/** The hazard form's fields. */
	record HazardForm(String enterpriseCreditCode, Long inspectionId, String level, String category, String description,
			String location, String foundOn, String deadline, String rectificationType, String responsiblePerson) {
	}

	@GetMapping("/safety/hazards/new")
	@RouteAccess(permission = "safety:hazard:edit", scope = AccessScope.ENTERPRISE)
	String newHazard(@RequestParam(required = false) Long inspection, @RequestParam(required = false) String enterprise,
			Model model) {
		String found = Inputs.today().toString();
		return hazardForm(model, new HazardForm(Inputs.orEmpty(enterprise), inspection, this.properties.levels().get(0),
				"", "", "", found, Inputs.today().plusDays(15).toString(), "BY_DEADLINE", ""), List.of());
	}

	private String hazardForm(Model model, HazardForm form, List<ParkOpsException.FieldProblem> problems) {
		String zone = this.support.zone();
		List<Enterprise> candidates = (zone != null) ? this.enterprises.ofZone(zone) : List.of();
		if (form.inspectionId() != null) {
			InspectionView inspection = this.hazards.inspection(form.inspectionId());
			model.addAttribute("inspection", inspection);
			Set<String> visited = Set.copyOf(inspection.enterpriseCreditCodes());
			if (!visited.isEmpty()) {
				candidates = candidates.stream().filter((e) -> visited.contains(e.creditCode())).toList();
			}
		}
		model.addAttribute("form", form);
		model.addAttribute("chosenEnterprises", Inputs.trim(form.enterpriseCreditCode()) != null
				? List.of(form.enterpriseCreditCode().trim()) : List.of());
		model.addAttribute("problems", problems);
		model.addAttribute("zoneEnterprises", candidates);
		model.addAttribute("levels", this.properties.levels());
		model.addAttribute("categories", this.properties.categories());
		model.addAttribute("types", Kinds.RectificationType.values());
		return "safety/hazard-form";
	}

	@PostMapping("/safety/hazards")
	@RouteAccess(permission = "safety:hazard:edit", scope = AccessScope.ENTERPRISE)
	String saveHazard(HazardForm form, Model model, RedirectAttributes redirect) {
		try {
			HazardView saved = this.hazards.recordHazard(new SafetyCommands.RecordHazard(form.enterpriseCreditCode(),
					form.inspectionId(), form.level(), form.category(), form.description(), form.location(),
					form.foundOn(), form.deadline(), form.rectificationType(), form.responsiblePerson()));
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/safety/hazards/" + saved.id();
		}
		catch (InvalidInputException ex) {
			return hazardForm(model, form, ex.fieldProblems());
		}
	}

	@GetMapping("/safety/hazards/{id}")
	@RouteAccess(permission = "safety:hazard:read", scope = AccessScope.ENTERPRISE)
	String hazard(@PathVariable long id, Model model) {
		HazardView h = this.hazards.hazard(id);
		CurrentUser me = CurrentUser.get();
		model.addAttribute("h", h);
		model.addAttribute("steps", this.hazards.steps(id));
		PlanView plan = h.planRequired() ? this.hazards.plan(id) : null;
		model.addAttribute("plan", plan);
		if (!model.containsAttribute("planForm") && plan != null) {
			model.addAttribute("planForm",
					new PlanForm(plan.target(), plan.measures(),
							(plan.funds() != null) ? plan.funds().toPlainString() : null, plan.people(),
							plan.deadline().toString(), plan.safetyMeasures(), plan.version()));
		}
		model.addAttribute("photos", this.photos.of(PhotoService.Owner.HAZARD, id));
		model.addAttribute("notices", this.notices.notices(h.zoneCode(), id, 0, 50).items());
		model.addAttribute("flow", List.of(Kinds.HazardStatus.values()));
		model.addAttribute("currentStatus", Kinds.HazardStatus.valueOf(h.status()));
		model.addAttribute("today", Inputs.today());
		String status = h.status();
		boolean staff = !me.isEnterpriseUser();
		model.addAttribute("canStart", "PENDING".equals(status) && me.has("safety:hazard:rectify"));
		model.addAttribute("canRectify",
				("PENDING".equals(status) || "RECTIFYING".equals(status)) && me.has("safety:hazard:rectify"));
		model.addAttribute("canReview",
				"AWAITING_ACCEPTANCE".equals(status) && staff && me.has("safety:hazard:accept"));
		model.addAttribute("canPlan", h.planRequired() && staff && me.has("safety:hazard:edit"));
		model.addAttribute("canPhoto", me.has("safety:hazard:edit") || me.has("safety:hazard:rectify"));
		model.addAttribute("photoStages",
				staff ? List.of("FOUND", "RECTIFICATION", "ACCEPTANCE") : List.of("RECTIFICATION"));
		boolean canNotice = staff && me.has("safety:notice:edit") && !"ACCEPTED".equals(status);
		model.addAttribute("canNotice", canNotice);
		if (canNotice) {
			model.addAttribute("openOfEnterprise",
					this.hazards
						.hazards(new HazardFilter(h.zoneCode(), h.enterpriseCreditCode(), null, null, null, null, null,
								null, null, 0, 100))
						.items()
						.stream()
						.filter((x) -> !"ACCEPTED".equals(x.status()))
						.toList());
			model.addAttribute("noticeKinds", Kinds.NoticeKind.values());
		}
		return "safety/hazard";
	}

	@PostMapping("/safety/hazards/{id}/start")
	@RouteAccess(permission = "safety:hazard:rectify", scope = AccessScope.ENTERPRISE)
	String start(@PathVariable long id, @RequestParam(required = false) String startedOn,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return this.support.act("redirect:/safety/hazards/" + id, redirect,
				() -> this.hazards.startRectification(id, new SafetyCommands.StartRectification(startedOn, note)));
	}

	@PostMapping("/safety/hazards/{id}/rectification")
	@RouteAccess(permission = "safety:hazard:rectify", scope = AccessScope.ENTERPRISE)
	String rectify(@PathVariable long id, @RequestParam(required = false) String rectifiedOn,
			@RequestParam(required = false) String measures,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		return this.support.act("redirect:/safety/hazards/" + id, redirect, () -> {
			HazardView after = this.hazards.reportRectification(id,
					new SafetyCommands.ReportRectification(rectifiedOn, measures));
			if (file != null && !file.isEmpty()) {
				this.photos.add(PhotoService.Owner.HAZARD, id, "RECTIFICATION", PageSupport.bytes(file),
						file.getOriginalFilename());
			}
			return after;
		});
	}

	@PostMapping("/safety/hazards/{id}/acceptance")
	@RouteAccess(permission = "safety:hazard:accept", scope = AccessScope.ENTERPRISE)
	String review(@PathVariable long id, @RequestParam(required = false) Boolean passed,
			@RequestParam(required = false) String reviewedOn, @RequestParam(required = false) String opinion,
			RedirectAttributes redirect) {
		return this.support.act("redirect:/safety/hazards/" + id, redirect, () -> this.hazards.reviewAcceptance(id,
				new SafetyCommands.ReviewAcceptance(passed, reviewedOn, opinion)));
	}

	/** The 治理方案 form as typed, with the version it was read at. */
	record PlanForm(String target, String measures, String funds, String people, String deadline, String safetyMeasures,
			Long version) {
	}

	@PostMapping("/safety/hazards/{id}/plan")
	@RouteAccess(permission = "safety:hazard:edit", scope = AccessScope.ENTERPRISE)
	String plan(@PathVariable long id, PlanForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return this.support.versioned(model, response, "redirect:/safety/hazards/" + id, redirect, () -> {
			model.addAttribute("planForm", form);
			return hazard(id, model);
		}, () -> this.hazards.savePlan(id,
				new SafetyCommands.RemediationPlan(form.target(), form.measures(),
						PageSupport.decimal(form.funds(), "funds"), form.people(), form.deadline(),
						form.safetyMeasures(), form.version())));
	}

	@PostMapping("/safety/hazards/{id}/photos")
	@RouteAccess(permission = { "safety:hazard:edit", "safety:hazard:rectify" }, scope = AccessScope.ENTERPRISE)
	String hazardPhoto(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "FOUND") String stage, RedirectAttributes redirect) {
		return this.support.act("redirect:/safety/hazards/" + id, redirect, () -> this.photos
			.add(PhotoService.Owner.HAZARD, id, stage, PageSupport.bytes(file), file.getOriginalFilename()));
	}

	@GetMapping("/safety/photos/{id}")
	@RouteAccess(permission = { "safety:hazard:read", "safety:inspection:read" }, scope = AccessScope.ENTERPRISE)
	ResponseEntity<byte[]> photo(@PathVariable long id) {
		return SafetyApiController.image(this.photos.photo(id));
	}

	/** Overdue and due-soon hazards of one enterprise, for its page (htmx fragment). */
	@GetMapping("/safety/enterprise-panel/{creditCode}")
	@RouteAccess(permission = "safety:hazard:read", scope = AccessScope.ENTERPRISE)
	String enterprisePanel(@PathVariable String creditCode, Model model) {
		Enterprise e = this.enterprises.requireVisible(creditCode);
		HazardFilter open = new HazardFilter(null, e.creditCode(), null, null, null, null, null, null, null, 0, 100);
		List<HazardView> items = this.hazards.hazards(open)
			.items()
			.stream()
			.filter((h) -> !"ACCEPTED".equals(h.status()))
			.sorted(java.util.Comparator.comparing(HazardView::deadline))
			.toList();
		LocalDate soon = Inputs.today().plusDays(this.properties.dueSoonDays());
		model.addAttribute("items", items);
		model.addAttribute("overdueCount", items.stream().filter(HazardView::overdue).count());
		model.addAttribute("dueSoonCount",
				items.stream().filter((h) -> !h.overdue() && !h.deadline().isAfter(soon)).count());
		model.addAttribute("soon", soon);
		model.addAttribute("creditCode", e.creditCode());
		return "safety/enterprise-panel :: panel";
	}

}
