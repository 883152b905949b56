package io.parkops.safety.web;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ParkOpsException;
import io.parkops.safety.internal.HazardFilter;
import io.parkops.safety.internal.HazardService;
import io.parkops.safety.internal.Inputs;
import io.parkops.safety.internal.Kinds;
import io.parkops.safety.internal.PhotoService;
import io.parkops.safety.internal.SafetyCommands;
import io.parkops.safety.internal.SafetyExports;
import io.parkops.safety.internal.SafetyViews.InspectionView;
import io.parkops.safety.internal.SafetyViews.Page;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of inspections (安全检查): list, export, form, detail and photos.
 */
@Controller
class InspectionPagesController {

	private final HazardService hazards;

	private final PhotoService photos;

	private final SafetyExports exports;

	private final EnterpriseRegistry enterprises;

	private final PageSupport support;

	InspectionPagesController(HazardService hazards, PhotoService photos, SafetyExports exports,
			EnterpriseRegistry enterprises, PageSupport support) {
		this.hazards = hazards;
		this.photos = photos;
		this.exports = exports;
		this.enterprises = enterprises;
		this.support = support;
	}

	@GetMapping("/safety/inspections")
	@RouteAccess(permission = "safety:inspection:read", scope = AccessScope.ZONE)
	String inspections(@RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
		String zone = this.support.zone();
		int pageSize = Math.min(Math.max(size, 10), 100);
		Page<InspectionView> result = (zone != null)
				? this.hazards.inspections(zone, SafetyApiController.blank(kind), from, to, Math.max(page, 0), pageSize)
				: new Page<>(List.of(), 0);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("size", pageSize);
		model.addAttribute("pages", PageSupport.pages(result.total(), pageSize));
		model.addAttribute("kind", kind);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("kinds", Kinds.InspectionKind.values());
		return "safety/inspections";
	}

	@GetMapping("/safety/inspections/export")
	@RouteAccess(permission = "safety:data:export", scope = AccessScope.ZONE)
	void exportInspections(@RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		SafetyApiController.attachment(response, SafetyApiController.XLSX, "inspections.xlsx");
		this.exports.inspections(this.support.zone(), SafetyApiController.blank(kind), from, to,
				response.getOutputStream());
	}

	/** The inspection form's fields. */
	record InspectionForm(String date, String kind, String organizer, List<String> agencies, String people,
			List<String> enterprises, String notes) {
	}

	@GetMapping("/safety/inspections/new")
	@RouteAccess(permission = "safety:inspection:edit", scope = AccessScope.ZONE)
	String newInspection(Model model) {
		return inspectionForm(model,
				new InspectionForm(Inputs.today().toString(), "ROUTINE", "", List.of(), "", List.of(), ""), List.of());
	}

	private String inspectionForm(Model model, InspectionForm form, List<ParkOpsException.FieldProblem> problems) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("kinds", Kinds.InspectionKind.values());
		model.addAttribute("agencyList", Kinds.Agency.values());
		return "safety/inspection-form";
	}

	@PostMapping("/safety/inspections")
	@RouteAccess(permission = "safety:inspection:edit", scope = AccessScope.ZONE)
	String saveInspection(InspectionForm form, Model model, RedirectAttributes redirect) {
		try {
			List<String> agencies = (form.agencies() != null)
					? form.agencies().stream().map((a) -> this.support.text("safety.agency." + a)).toList() : List.of();
			InspectionView saved = this.hazards
				.recordInspection(new SafetyCommands.RecordInspection(this.support.zone(), form.date(), form.kind(),
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
	@RouteAccess(permission = "safety:inspection:read", scope = AccessScope.ZONE)
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
	@RouteAccess(permission = "safety:inspection:edit", scope = AccessScope.ZONE)
	String inspectionPhoto(@PathVariable long id, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect) {
		return this.support.act("redirect:/safety/inspections/" + id, redirect, () -> this.photos
			.add(PhotoService.Owner.INSPECTION, id, "FOUND", PageSupport.bytes(file), file.getOriginalFilename()));
	}

}
