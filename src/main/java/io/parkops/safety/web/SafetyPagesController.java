package io.parkops.safety.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ParkOpsException;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneSelection;
import io.parkops.safety.MonthlyHazards;
import io.parkops.safety.SafetyStatistics;
import io.parkops.safety.SafetySummary;
import io.parkops.safety.internal.CaseService;
import io.parkops.safety.internal.HazardService;
import io.parkops.safety.internal.Inputs;
import io.parkops.safety.internal.Kinds;
import io.parkops.safety.internal.NoticeService;
import io.parkops.safety.internal.PhotoService;
import io.parkops.safety.internal.SafetyCommands;
import io.parkops.safety.internal.SafetyExports;
import io.parkops.safety.internal.SafetyProperties;
import io.parkops.safety.internal.SafetyStore.HazardFilter;
import io.parkops.safety.internal.SafetyViews.ComplaintView;
import io.parkops.safety.internal.SafetyViews.DutyView;
import io.parkops.safety.internal.SafetyViews.HazardView;
import io.parkops.safety.internal.SafetyViews.InspectionView;
import io.parkops.safety.internal.SafetyViews.Page;
import io.parkops.safety.internal.StatisticsQueries;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * Pages of safety and environment supervision: the overview, inspections, hazards with
 * their workflow, notices, penalties, complaints, patrols, the duty roster and the
 * statistics.
 */
@Controller
class SafetyPagesController {

	private final HazardService hazards;

	private final PhotoService photos;

	private final NoticeService notices;

	private final CaseService cases;

	private final SafetyStatistics statistics;

	private final StatisticsQueries queries;

	private final SafetyExports exports;

	private final SafetyProperties properties;

	private final EnterpriseRegistry enterprises;

	private final ZoneSelection zones;

	private final ZoneDirectory zoneDirectory;

	private final MessageSource messages;

	SafetyPagesController(HazardService hazards, PhotoService photos, NoticeService notices, CaseService cases,
			SafetyStatistics statistics, StatisticsQueries queries, SafetyExports exports, SafetyProperties properties,
			EnterpriseRegistry enterprises, ZoneSelection zones, ZoneDirectory zoneDirectory, MessageSource messages) {
		this.hazards = hazards;
		this.photos = photos;
		this.notices = notices;
		this.cases = cases;
		this.statistics = statistics;
		this.queries = queries;
		this.exports = exports;
		this.properties = properties;
		this.enterprises = enterprises;
		this.zones = zones;
		this.zoneDirectory = zoneDirectory;
		this.messages = messages;
	}

	private String zone() {
		return CurrentUser.get().isEnterpriseUser() ? null : this.zones.current();
	}

	private static int pages(long total, int size) {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	// ---- overview

	@GetMapping("/safety")
	@PreAuthorize("hasAuthority('safety:hazard:read')")
	String home(Model model) {
		if (CurrentUser.get().isEnterpriseUser()) {
			return "redirect:/safety/hazards";
		}
		String zone = zone();
		model.addAttribute("zone", (zone != null) ? this.zoneDirectory.zone(zone).orElse(null) : null);
		if (zone != null) {
			LocalDate today = Inputs.today();
			model.addAttribute("open", this.statistics.openHazards(zone));
			model.addAttribute("overdueCount", this.statistics.overdueHazards(zone));
			model.addAttribute("dueSoonCount", this.queries.dueSoon(zone, null, today));
			SafetySummary year = this.statistics.summary(zone, LocalDate.of(today.getYear(), 1, 1), today);
			model.addAttribute("year", year);
			model.addAttribute("overdue",
					this.hazards.hazards(new HazardFilter(zone, null, null, true, null, null, null, null, null, 0, 10))
						.items());
			model.addAttribute("dueSoon",
					this.hazards.hazards(new HazardFilter(zone, null, null, null, true, null, null, null, null, 0, 10))
						.items());
			model.addAttribute("dueSoonDays", this.properties.dueSoonDays());
		}
		return "safety/home";
	}

	// ---- inspections

	@GetMapping("/safety/inspections")
	@PreAuthorize("hasAuthority('safety:inspection:read')")
	String inspections(@RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
		String zone = zone();
		int pageSize = Math.min(Math.max(size, 10), 100);
		Page<InspectionView> result = (zone != null)
				? this.hazards.inspections(zone, Inputs.trim(kind), from, to, Math.max(page, 0), pageSize)
				: new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("size", pageSize);
		model.addAttribute("pages", pages(result.total(), pageSize));
		model.addAttribute("kind", kind);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("kinds", Kinds.InspectionKind.values());
		return "safety/inspections";
	}

	@GetMapping("/safety/inspections/export")
	@PreAuthorize("hasAuthority('safety:data:export')")
	void exportInspections(@RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "inspections.xlsx");
		this.exports.inspections(zone(), Inputs.trim(kind), from, to, response.getOutputStream());
	}

	/** The inspection form's fields. */
	record InspectionForm(String date, String kind, String organizer, List<String> agencies, String people,
			List<String> enterprises, String notes) {
	}

	@GetMapping("/safety/inspections/new")
	@PreAuthorize("hasAuthority('safety:inspection:edit')")
	String newInspection(Model model) {
		return inspectionForm(model,
				new InspectionForm(Inputs.today().toString(), "ROUTINE", "", List.of(), "", List.of(), ""), List.of());
	}

	private String inspectionForm(Model model, InspectionForm form, List<ParkOpsException.FieldProblem> problems) {
		String zone = zone();
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("kinds", Kinds.InspectionKind.values());
		model.addAttribute("agencyList", Kinds.Agency.values());
		model.addAttribute("zoneEnterprises", (zone != null) ? this.enterprises.ofZone(zone) : List.of());
		return "safety/inspection-form";
	}

	@PostMapping("/safety/inspections")
	@PreAuthorize("hasAuthority('safety:inspection:edit')")
	String saveInspection(InspectionForm form, Model model, RedirectAttributes redirect) {
		try {
			List<String> agencies = (form.agencies() != null)
					? form.agencies().stream().map((a) -> text("safety.agency." + a)).toList() : List.of();
			InspectionView saved = this.hazards
				.recordInspection(new SafetyCommands.RecordInspection(zone(), form.date(), form.kind(),
						form.organizer(), (form.enterprises() != null) ? form.enterprises() : List.of(), agencies,
						form.people(), form.notes()));
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/safety/inspections/" + saved.id();
		}
		catch (InvalidInputException ex) {
			return inspectionForm(model, form, ex.fieldProblems());
		}
	}

	@GetMapping("/safety/inspections/{id}")
	@PreAuthorize("hasAuthority('safety:inspection:read')")
	String inspection(@PathVariable long id, Model model) {
		InspectionView inspection = this.hazards.inspection(id);
		model.addAttribute("i", inspection);
		model.addAttribute("names", this.enterprises.names(inspection.enterpriseCreditCodes()));
		model.addAttribute("items", this.hazards
			.hazards(new HazardFilter(inspection.zoneCode(), null, null, null, null, null, null, id, null, 0, 500))
			.items());
		model.addAttribute("photos", this.photos.of(PhotoService.Owner.INSPECTION, id));
		return "safety/inspection";
	}

	@PostMapping("/safety/inspections/{id}/photos")
	@PreAuthorize("hasAuthority('safety:inspection:edit')")
	String inspectionPhoto(@PathVariable long id, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect) {
		return act("redirect:/safety/inspections/" + id, redirect, () -> this.photos.add(PhotoService.Owner.INSPECTION,
				id, "FOUND", bytes(file), file.getOriginalFilename()));
	}

	// ---- hazards

	@GetMapping("/safety/hazards")
	@PreAuthorize("hasAuthority('safety:hazard:read')")
	String hazardList(@RequestParam(required = false) String q, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String status, @RequestParam(required = false) String level,
			@RequestParam(required = false) String category, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean dueSoon, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Model model) {
		CurrentUser me = CurrentUser.get();
		String zone = zone();
		int pageSize = Math.min(Math.max(size, 10), 100);
		HazardFilter filter = SafetyApiController.filter(zone, me.isEnterpriseUser() ? null : enterprise, status,
				overdue, dueSoon, level, category, null, q, page, pageSize);
		Page<HazardView> result = (zone != null || me.isEnterpriseUser()) ? this.hazards.hazards(filter)
				: new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("f", filter);
		model.addAttribute("pages", pages(result.total(), pageSize));
		model.addAttribute("statuses", Kinds.HazardStatus.values());
		model.addAttribute("levels", this.properties.levels());
		model.addAttribute("categories", this.properties.categories());
		model.addAttribute("zoneEnterprises",
				(zone != null && !me.isEnterpriseUser()) ? this.enterprises.ofZone(zone) : List.of());
		model.addAttribute("exportQuery",
				exportQuery("/safety/hazards/export",
						Map.of("q", Inputs.orEmpty(q), "enterprise", Inputs.orEmpty(enterprise), "status",
								Inputs.orEmpty(status), "level", Inputs.orEmpty(level), "category",
								Inputs.orEmpty(category), "overdue", (overdue != null) ? overdue.toString() : "",
								"dueSoon", (dueSoon != null) ? dueSoon.toString() : "")));
		return "safety/hazards";
	}

	@GetMapping("/safety/hazards/export")
	@PreAuthorize("hasAuthority('safety:data:export') or hasAuthority('safety:hazard:rectify')")
	void exportHazards(@RequestParam(required = false) String q, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String status, @RequestParam(required = false) String level,
			@RequestParam(required = false) String category, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean dueSoon, HttpServletResponse response) throws IOException {
		CurrentUser me = CurrentUser.get();
		HazardFilter filter = SafetyApiController.filter(zone(), me.isEnterpriseUser() ? null : enterprise, status,
				overdue, dueSoon, level, category, null, q, 0, 1);
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "hazards.xlsx");
		this.exports.hazards(filter, response.getOutputStream());
	}

	/** The hazard form's fields. */
	record HazardForm(String enterpriseCreditCode, Long inspectionId, String level, String category, String description,
			String location, String foundOn, String deadline, String rectificationType, String responsiblePerson) {
	}

	@GetMapping("/safety/hazards/new")
	@PreAuthorize("hasAuthority('safety:hazard:edit')")
	String newHazard(@RequestParam(required = false) Long inspection, @RequestParam(required = false) String enterprise,
			Model model) {
		String found = Inputs.today().toString();
		return hazardForm(model, new HazardForm(Inputs.orEmpty(enterprise), inspection, this.properties.levels().get(0),
				"", "", "", found, Inputs.today().plusDays(15).toString(), "BY_DEADLINE", ""), List.of());
	}

	private String hazardForm(Model model, HazardForm form, List<ParkOpsException.FieldProblem> problems) {
		String zone = zone();
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
		model.addAttribute("problems", problems);
		model.addAttribute("zoneEnterprises", candidates);
		model.addAttribute("levels", this.properties.levels());
		model.addAttribute("categories", this.properties.categories());
		model.addAttribute("types", Kinds.RectificationType.values());
		return "safety/hazard-form";
	}

	@PostMapping("/safety/hazards")
	@PreAuthorize("hasAuthority('safety:hazard:edit')")
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
	@PreAuthorize("hasAuthority('safety:hazard:read')")
	String hazard(@PathVariable long id, Model model) {
		HazardView h = this.hazards.hazard(id);
		CurrentUser me = CurrentUser.get();
		model.addAttribute("h", h);
		model.addAttribute("steps", this.hazards.steps(id));
		model.addAttribute("plan", h.planRequired() ? this.hazards.plan(id) : null);
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
	@PreAuthorize("hasAuthority('safety:hazard:rectify')")
	String start(@PathVariable long id, @RequestParam(required = false) String startedOn,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act("redirect:/safety/hazards/" + id, redirect,
				() -> this.hazards.startRectification(id, new SafetyCommands.StartRectification(startedOn, note)));
	}

	@PostMapping("/safety/hazards/{id}/rectification")
	@PreAuthorize("hasAuthority('safety:hazard:rectify')")
	String rectify(@PathVariable long id, @RequestParam(required = false) String rectifiedOn,
			@RequestParam(required = false) String measures,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		return act("redirect:/safety/hazards/" + id, redirect, () -> {
			HazardView after = this.hazards.reportRectification(id,
					new SafetyCommands.ReportRectification(rectifiedOn, measures));
			if (file != null && !file.isEmpty()) {
				this.photos.add(PhotoService.Owner.HAZARD, id, "RECTIFICATION", bytes(file),
						file.getOriginalFilename());
			}
			return after;
		});
	}

	@PostMapping("/safety/hazards/{id}/acceptance")
	@PreAuthorize("hasAuthority('safety:hazard:accept')")
	String review(@PathVariable long id, @RequestParam(required = false) Boolean passed,
			@RequestParam(required = false) String reviewedOn, @RequestParam(required = false) String opinion,
			RedirectAttributes redirect) {
		return act("redirect:/safety/hazards/" + id, redirect, () -> this.hazards.reviewAcceptance(id,
				new SafetyCommands.ReviewAcceptance(passed, reviewedOn, opinion)));
	}

	@PostMapping("/safety/hazards/{id}/plan")
	@PreAuthorize("hasAuthority('safety:hazard:edit')")
	String plan(@PathVariable long id, @RequestParam(required = false) String target,
			@RequestParam(required = false) String measures, @RequestParam(required = false) String funds,
			@RequestParam(required = false) String people, @RequestParam(required = false) String deadline,
			@RequestParam(required = false) String safetyMeasures, RedirectAttributes redirect) {
		return act("redirect:/safety/hazards/" + id, redirect,
				() -> this.hazards.savePlan(id, new SafetyCommands.RemediationPlan(target, measures,
						decimal(funds, "funds"), people, deadline, safetyMeasures)));
	}

	@PostMapping("/safety/hazards/{id}/photos")
	@PreAuthorize("hasAuthority('safety:hazard:edit') or hasAuthority('safety:hazard:rectify')")
	String hazardPhoto(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "FOUND") String stage, RedirectAttributes redirect) {
		return act("redirect:/safety/hazards/" + id, redirect,
				() -> this.photos.add(PhotoService.Owner.HAZARD, id, stage, bytes(file), file.getOriginalFilename()));
	}

	@GetMapping("/safety/photos/{id}")
	@PreAuthorize("hasAuthority('safety:hazard:read') or hasAuthority('safety:inspection:read')")
	ResponseEntity<byte[]> photo(@PathVariable long id) {
		return SafetyApiController.image(this.photos.photo(id));
	}

	/** Overdue and due-soon hazards of one enterprise, for its page (htmx fragment). */
	@GetMapping("/safety/enterprise-panel/{creditCode}")
	@PreAuthorize("hasAuthority('safety:hazard:read')")
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

	// ---- notices

	@GetMapping("/safety/notices")
	@PreAuthorize("hasAuthority('safety:notice:read')")
	String noticeList(@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = zone();
		Page<?> result = (zone != null || CurrentUser.get().isEnterpriseUser())
				? this.notices.notices(zone, null, Math.max(page, 0), 20) : new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", pages(result.total(), 20));
		return "safety/notices";
	}

	@GetMapping("/safety/notices/export")
	@PreAuthorize("hasAuthority('safety:data:export')")
	void exportNotices(HttpServletResponse response) throws IOException {
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "notices.xlsx");
		this.exports.notices(zone(), response.getOutputStream());
	}

	@PostMapping("/safety/notices")
	@PreAuthorize("hasAuthority('safety:notice:edit')")
	String issueNotice(@RequestParam String enterpriseCreditCode, @RequestParam(required = false) List<Long> hazardIds,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String issuedOn,
			@RequestParam(required = false) String deadline, @RequestParam long from, RedirectAttributes redirect) {
		try {
			var saved = this.notices.issue(new SafetyCommands.IssueNotice(enterpriseCreditCode,
					(hazardIds != null) ? hazardIds : List.of(), kind, issuedOn, deadline));
			redirect.addFlashAttribute("notice", "safety.notice.issued");
			redirect.addFlashAttribute("issuedNumber", saved.number());
			return "redirect:/safety/notices";
		}
		catch (InvalidInputException ex) {
			flashProblems(redirect, ex);
			return "redirect:/safety/hazards/" + from;
		}
	}

	@GetMapping("/safety/notices/{id}/docx")
	@PreAuthorize("hasAuthority('safety:notice:read')")
	void noticeDocument(@PathVariable long id, HttpServletResponse response) throws IOException {
		var notice = this.notices.notice(id);
		SafetyApiController.attachment(response, SafetyApiController.DOCX,
				"notice-" + notice.year() + "-" + notice.seq() + ".docx");
		this.notices.writeDocument(id, response.getOutputStream());
	}

	// ---- penalties

	@GetMapping("/safety/penalties")
	@PreAuthorize("hasAuthority('safety:penalty:read')")
	String penaltyList(@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = zone();
		Page<?> result = (zone != null || CurrentUser.get().isEnterpriseUser())
				? this.cases.penalties(zone, Math.max(page, 0), 20) : new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", pages(result.total(), 20));
		model.addAttribute("zoneEnterprises", (zone != null) ? this.enterprises.ofZone(zone) : List.of());
		model.addAttribute("today", Inputs.today());
		return "safety/penalties";
	}

	@GetMapping("/safety/penalties/export")
	@PreAuthorize("hasAuthority('safety:data:export')")
	void exportPenalties(HttpServletResponse response) throws IOException {
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "penalties.xlsx");
		this.exports.penalties(zone(), response.getOutputStream());
	}

	@PostMapping("/safety/penalties")
	@PreAuthorize("hasAuthority('safety:penalty:edit')")
	String recordPenalty(@RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String decidedOn, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String decisionNumber,
			RedirectAttributes redirect) {
		return act("redirect:/safety/penalties", redirect,
				() -> this.cases.recordPenalty(new SafetyCommands.RecordPenalty(enterpriseCreditCode, decidedOn,
						decimal(amount, "amount"), reason, decisionNumber, List.of())));
	}

	// ---- complaints

	@GetMapping("/safety/complaints")
	@PreAuthorize("hasAuthority('safety:complaint:read')")
	String complaintList(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String zone = zone();
		Page<ComplaintView> result = (zone != null)
				? this.cases.complaints(zone, Inputs.trim(status), Math.max(page, 0), 20) : new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", pages(result.total(), 20));
		model.addAttribute("status", status);
		model.addAttribute("statuses", Kinds.ComplaintStatus.values());
		model.addAttribute("zoneEnterprises", (zone != null) ? this.enterprises.ofZone(zone) : List.of());
		model.addAttribute("today", Inputs.today());
		return "safety/complaints";
	}

	@GetMapping("/safety/complaints/export")
	@PreAuthorize("hasAuthority('safety:data:export')")
	void exportComplaints(@RequestParam(required = false) String status, HttpServletResponse response)
			throws IOException {
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "complaints.xlsx");
		this.exports.complaints(zone(), Inputs.trim(status), response.getOutputStream());
	}

	@PostMapping("/safety/complaints")
	@PreAuthorize("hasAuthority('safety:complaint:edit')")
	String receiveComplaint(@RequestParam(required = false) String receivedOn,
			@RequestParam(required = false) String source, @RequestParam(required = false) String content,
			@RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String deadline, RedirectAttributes redirect) {
		return act("redirect:/safety/complaints", redirect,
				() -> this.cases.receiveComplaint(new SafetyCommands.ReceiveComplaint(zone(), receivedOn, source,
						content, enterpriseCreditCode, deadline)));
	}

	@GetMapping("/safety/complaints/{id}")
	@PreAuthorize("hasAuthority('safety:complaint:read')")
	String complaint(@PathVariable long id, Model model) {
		ComplaintView c = this.cases.complaint(id);
		model.addAttribute("c", c);
		model.addAttribute("flow", List.of(Kinds.ComplaintStatus.values()));
		model.addAttribute("currentStatus", Kinds.ComplaintStatus.valueOf(c.status()));
		model.addAttribute("today", Inputs.today());
		model.addAttribute("enterpriseName", (c.enterpriseCreditCode() != null)
				? this.enterprises.names(List.of(c.enterpriseCreditCode())).get(c.enterpriseCreditCode()) : null);
		model.addAttribute("patrols",
				this.cases.patrols(c.zoneCode(), c.receivedOn(), Inputs.today(), 0, 200)
					.items()
					.stream()
					.filter((p) -> p.complaintId() != null && p.complaintId() == id)
					.toList());
		return "safety/complaint";
	}

	@PostMapping("/safety/complaints/{id}/{step}")
	@PreAuthorize("hasAuthority('safety:complaint:edit')")
	String complaintStep(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String on,
			@RequestParam(required = false) String text, RedirectAttributes redirect) {
		return act("redirect:/safety/complaints/" + id, redirect, () -> switch (step) {
			case "handling" -> this.cases.handleComplaint(id, new SafetyCommands.ComplaintStep(on, text));
			case "answer" -> this.cases.answerComplaint(id, new SafetyCommands.ComplaintStep(on, text));
			case "closure" -> this.cases.closeComplaint(id, new SafetyCommands.CloseComplaint(on, text));
			default -> throw new io.parkops.platform.NotFoundException("error.pageNotFound");
		});
	}

	// ---- patrols and duty

	@GetMapping("/safety/patrols")
	@PreAuthorize("hasAuthority('safety:patrol:read')")
	String patrolList(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = zone();
		LocalDate end = (to != null) ? to : Inputs.today();
		LocalDate start = (from != null) ? from : end.minusDays(30);
		Page<?> result = (zone != null) ? this.cases.patrols(zone, start, end, Math.max(page, 0), 20)
				: new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", pages(result.total(), 20));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("today", Inputs.today());
		model.addAttribute("openComplaints",
				(zone != null) ? this.cases.complaints(zone, null, 0, 100)
					.items()
					.stream()
					.filter((c) -> !"CLOSED".equals(c.status()))
					.toList() : List.of());
		model.addAttribute("onDuty",
				(zone != null) ? this.cases.roster(zone, Inputs.today(), Inputs.today()) : List.of());
		return "safety/patrols";
	}

	@GetMapping("/safety/patrols/export")
	@PreAuthorize("hasAuthority('safety:data:export')")
	void exportPatrols(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		LocalDate end = (to != null) ? to : Inputs.today();
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "patrols.xlsx");
		this.exports.patrols(zone(), (from != null) ? from : end.minusDays(30), end, response.getOutputStream());
	}

	@PostMapping("/safety/patrols")
	@PreAuthorize("hasAuthority('safety:patrol:edit')")
	String recordPatrol(@RequestParam(required = false) String patrolOn, @RequestParam(required = false) String route,
			@RequestParam(required = false) String patrollers, @RequestParam(required = false) String findings,
			@RequestParam(required = false) Long complaintId, RedirectAttributes redirect) {
		return act("redirect:/safety/patrols", redirect, () -> this.cases
			.recordPatrol(new SafetyCommands.RecordPatrol(zone(), patrolOn, route, patrollers, findings, complaintId)));
	}

	@GetMapping("/safety/duty")
	@PreAuthorize("hasAuthority('safety:patrol:read')")
	String duty(@RequestParam(required = false) String month, Model model) {
		String zone = zone();
		YearMonth m;
		try {
			m = (month != null && !month.isBlank()) ? YearMonth.parse(month) : YearMonth.from(Inputs.today());
		}
		catch (java.time.format.DateTimeParseException ex) {
			m = YearMonth.from(Inputs.today());
		}
		Map<LocalDate, DutyView> byDay = (zone != null) ? this.cases.roster(zone, m.atDay(1), m.atEndOfMonth())
			.stream()
			.collect(Collectors.toMap(DutyView::on, (d) -> d)) : Map.of();
		List<Map<String, Object>> days = new ArrayList<>();
		for (int d = 1; d <= m.lengthOfMonth(); d++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("date", m.atDay(d));
			row.put("duty", byDay.get(m.atDay(d)));
			days.add(row);
		}
		model.addAttribute("month", m);
		model.addAttribute("previous", m.minusMonths(1));
		model.addAttribute("next", m.plusMonths(1));
		model.addAttribute("days", days);
		model.addAttribute("today", Inputs.today());
		return "safety/duty";
	}

	@PostMapping("/safety/duty")
	@PreAuthorize("hasAuthority('safety:patrol:edit')")
	String assignDuty(@RequestParam(required = false) String date, @RequestParam(required = false) String leader,
			@RequestParam(required = false) String staff, @RequestParam(required = false) String phone,
			RedirectAttributes redirect) {
		String month = (date != null && date.length() >= 7) ? date.substring(0, 7) : "";
		return act("redirect:/safety/duty?month=" + month, redirect,
				() -> this.cases.assignDuty(zone(), date, new SafetyCommands.AssignDuty(leader, staff, phone)));
	}

	// ---- statistics

	@GetMapping("/safety/statistics")
	@PreAuthorize("hasAuthority('safety:statistics:read')")
	String statisticsPage(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String area, Model model) {
		String zone = zone();
		LocalDate today = Inputs.today();
		LocalDate start = (from != null) ? from : LocalDate.of(today.getYear(), 1, 1);
		LocalDate end = (to != null) ? to : today;
		if (end.isBefore(start)) {
			end = start;
		}
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("area", Inputs.trim(area));
		if (zone != null) {
			this.statistics.openHazards(zone);
			ZoneDirectory.Zone z = this.zoneDirectory.require(zone);
			model.addAttribute("zone", z);
			List<String> codes = null;
			if (Inputs.trim(area) != null) {
				codes = this.enterprises.ofZone(zone)
					.stream()
					.filter((e) -> area.equals(e.areaCode()))
					.map(Enterprise::creditCode)
					.toList();
			}
			SafetySummary s = this.queries.summary(zone, start, end, today, codes);
			model.addAttribute("s", s);
			model.addAttribute("visits", this.queries.visits(zone, start, end,
					(codes != null) ? codes.toArray(String[]::new) : null, false));
			model.addAttribute("byCategory", this.queries.byCategory(zone, start, end, today, codes));
			model.addAttribute("ranking", this.queries.ranking(zone, today, 10, codes));
			model.addAttribute("byKind", this.queries.inspectionsByKind(zone, start, end));
			model.addAttribute("year", end.getYear());
		}
		return "safety/statistics";
	}

	/** Chart data of the statistics page: the monthly trend of a year. */
	@GetMapping("/safety/statistics/trend.json")
	@ResponseBody
	@PreAuthorize("hasAuthority('safety:statistics:read')")
	Map<String, Object> trend(@RequestParam(required = false) Integer year) {
		String zone = zone();
		Map<String, Object> data = new LinkedHashMap<>();
		if (zone == null) {
			return data;
		}
		List<MonthlyHazards> months = this.statistics.monthlyTrend(zone,
				(year != null) ? year : Inputs.today().getYear());
		Map<String, Object> trend = new LinkedHashMap<>();
		trend.put("labels", months.stream().map((m) -> m.month().toString()).toList());
		trend.put("series",
				List.of(series(text("safety.stats.found"), "bar", months.stream().map(MonthlyHazards::found).toList()),
						series(text("safety.stats.accepted"), "bar",
								months.stream().map(MonthlyHazards::accepted).toList()),
						series(text("safety.stats.overdueAtMonthEnd"), "line",
								months.stream().map(MonthlyHazards::overdueOpen).toList())));
		data.put("trend", trend);
		return data;
	}

	private static Map<String, Object> series(String name, String type, List<?> values) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", name);
		s.put("type", type);
		s.put("values", values);
		return s;
	}

	// ---- helpers

	private String act(String target, RedirectAttributes redirect, Supplier<Object> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", "notice.saved");
		}
		catch (InvalidInputException ex) {
			flashProblems(redirect, ex);
		}
		catch (ConflictException | ForbiddenException ex) {
			redirect.addFlashAttribute("problemTexts", List.of(text(ex.messageKey(), ex.args())));
		}
		return target;
	}

	private void flashProblems(RedirectAttributes redirect, InvalidInputException ex) {
		List<String> texts = new ArrayList<>();
		ex.fieldProblems()
			.forEach((p) -> texts
				.add(text("safety.field.problem", text("safety.form." + p.field()), text(p.messageKey(), p.args()))));
		redirect.addFlashAttribute("problemTexts", texts);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return (file != null) ? file.getBytes() : new byte[0];
		}
		catch (IOException ex) {
			throw InvalidInputException.of("file", "error.safety.photo.empty");
		}
	}

	private static java.math.BigDecimal decimal(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new java.math.BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of(field, "error.badValue");
		}
	}

	private static String exportQuery(String path, Map<String, String> params) {
		org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder
			.fromPath(path);
		params.forEach((k, v) -> {
			if (v != null && !v.isBlank()) {
				b.queryParam(k, v);
			}
		});
		return b.build().encode().toUriString();
	}

}
