package io.parkops.report.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.parkops.platform.AccessScope;
import io.parkops.platform.ConflictException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ParkOpsException;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.ZoneSelection;
import io.parkops.report.ReportFigure;
import io.parkops.report.ReportPeriod;
import io.parkops.report.internal.ReportCommands;
import io.parkops.report.internal.ReportDocument;
import io.parkops.report.internal.ReportDocx;
import io.parkops.report.internal.ReportService;
import io.parkops.report.internal.ReportWriting;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of the work reports: the list, the generate form, the draft with clickable
 * figures and section-by-section editing, versions, and the print view.
 */
@Controller
class ReportPagesController {

	private final ReportService reports;

	private final ReportDocx docx;

	private final ZoneSelection zones;

	private final MessageSource messages;

	ReportPagesController(ReportService reports, ReportDocx docx, ZoneSelection zones, MessageSource messages) {
		this.reports = reports;
		this.docx = docx;
		this.zones = zones;
		this.messages = messages;
	}

	@GetMapping("/reports")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	String list(@RequestParam(required = false) String zone, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
		int pageSize = Math.min(Math.max(size, 10), 100);
		ReportService.Page result = this.reports.list(blank(zone), blank(kind), year, blank(status), page, pageSize);
		model.addAttribute("items", ReportJson.page(result, this.reports).items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("size", pageSize);
		model.addAttribute("pages", Math.max(1, (result.total() + pageSize - 1) / pageSize));
		model.addAttribute("zone", blank(zone));
		model.addAttribute("kind", blank(kind));
		model.addAttribute("year", year);
		model.addAttribute("status", blank(status));
		model.addAttribute("zoneOptions", this.zones.selectable());
		model.addAttribute("kinds", ReportPeriod.Kind.values());
		return "report/list";
	}

	/** The generate form's fields. */
	record GenerateForm(String zoneCode, String kind, Integer year, Integer month, Integer dataMonth, String asOf) {
	}

	@GetMapping("/reports/new")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String newForm(Model model) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		return form(model, new GenerateForm(this.zones.current(), "HALF_YEAR", today.getYear(), null, null, ""),
				List.of());
	}

	private String form(Model model, GenerateForm form, List<ParkOpsException.FieldProblem> problems) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("zoneOptions", this.zones.selectable());
		model.addAttribute("kinds", ReportPeriod.Kind.values());
		return "report/form";
	}

	@PostMapping("/reports")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String generate(GenerateForm form, Model model, RedirectAttributes redirect) {
		ReportDocument doc;
		try {
			doc = this.reports.generate(new ReportCommands.Generate(form.zoneCode(), form.kind(), form.year(),
					form.month(), form.dataMonth(), form.asOf()));
		}
		catch (InvalidInputException ex) {
			return form(model, form, ex.fieldProblems());
		}
		redirect.addFlashAttribute("notice", "notice.report.generated");
		return "redirect:/reports/" + doc.id();
	}

	@GetMapping("/reports/{id}")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	String view(@PathVariable long id, @RequestParam(required = false) Integer version, Model model) {
		ReportDocument doc = (version != null) ? this.reports.get(id, version) : this.reports.get(id);
		model.addAttribute("doc", doc);
		model.addAttribute("sections", ReportView.sections(doc));
		model.addAttribute("changes", this.reports.changes(doc.version()).orElse(null));
		model.addAttribute("plansTitle", ReportWriting.plansTitle(doc.period()));
		model.addAttribute("versionParam", (version != null) ? "?version=" + version : "");
		return "report/view";
	}

	@GetMapping("/reports/{id}/figures/{figureId}")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	String figure(@PathVariable long id, @PathVariable String figureId, @RequestParam(required = false) Integer version,
			Model model) {
		ReportDocument doc = (version != null) ? this.reports.get(id, version) : this.reports.get(id);
		ReportDocument.PlacedFigure placed = doc.placedFigures()
			.stream()
			.filter((p) -> p.figure().id().equals(figureId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("error.report.figureNotFound", figureId));
		ReportFigure figure = placed.figure();
		model.addAttribute("figure", figure);
		model.addAttribute("placedIn", doc.section(placed.section()).map(ReportDocument.Section::title).orElse(""));
		model.addAttribute("source", ReportView.source(figure));
		return "report/view :: figureDetail";
	}

	@GetMapping("/reports/{id}/sections/{key}")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	String section(@PathVariable long id, @PathVariable String key, Model model) {
		return sectionFragment(this.reports.get(id), key, model);
	}

	private String sectionFragment(ReportDocument doc, String key, Model model) {
		model.addAttribute("doc", doc);
		model.addAttribute("s",
				ReportView.sections(doc)
					.stream()
					.filter((s) -> s.key().equals(key))
					.findFirst()
					.orElseThrow(() -> new NotFoundException("error.report.sectionNotFound", key)));
		model.addAttribute("versionParam", "");
		return "report/view :: reportSection";
	}

	@GetMapping("/reports/{id}/sections/{key}/edit")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String editSection(@PathVariable long id, @PathVariable String key, Model model) {
		ReportDocument doc = this.reports.get(id);
		if (!doc.editable()) {
			throw new ConflictException("error.report.final");
		}
		ReportDocument.Section section = doc.section(key)
			.orElseThrow(() -> new NotFoundException("error.report.sectionNotFound", key));
		return editor(doc, section, String.join("\n", section.effective()), List.of(), model);
	}

	private String editor(ReportDocument doc, ReportDocument.Section section, String text,
			List<ParkOpsException.FieldProblem> problems, Model model) {
		model.addAttribute("doc", doc);
		model.addAttribute("section", section);
		model.addAttribute("text", text);
		model.addAttribute("legend", ReportView.figuresOf(doc, section));
		model.addAttribute("problems", problems);
		return "report/view :: sectionEditor";
	}

	@PostMapping("/reports/{id}/sections/{key}")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String saveSection(@PathVariable long id, @PathVariable String key, @RequestParam(defaultValue = "") String text,
			Model model) {
		try {
			List<String> paragraphs = new ArrayList<>(Arrays.asList(text.split("\\R")));
			return sectionFragment(this.reports.editSection(id, key, new ReportCommands.EditSection(paragraphs)), key,
					model);
		}
		catch (InvalidInputException ex) {
			ReportDocument doc = this.reports.get(id);
			ReportDocument.Section section = doc.section(key).orElseThrow();
			return editor(doc, section, text, ex.fieldProblems(), model);
		}
	}

	@PostMapping("/reports/{id}/sections/{key}/revert")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String revertSection(@PathVariable long id, @PathVariable String key, Model model) {
		return sectionFragment(this.reports.revertSection(id, key), key, model);
	}

	@PostMapping("/reports/{id}/plans")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String addPlan(@PathVariable long id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
		return act(id, redirect, "notice.report.planAdded",
				() -> this.reports.addPlan(id, new ReportCommands.AddPlan(text)));
	}

	@PostMapping("/reports/{id}/plans/{planId}/delete")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String removePlan(@PathVariable long id, @PathVariable long planId, RedirectAttributes redirect) {
		return act(id, redirect, "notice.report.planRemoved", () -> this.reports.removePlan(id, planId));
	}

	@PostMapping("/reports/{id}/regenerate")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String regenerate(@PathVariable long id, @RequestParam(required = false) Integer dataMonth,
			@RequestParam(required = false) String asOf, RedirectAttributes redirect) {
		return act(id, redirect, "notice.report.regenerated",
				() -> this.reports.regenerate(id, new ReportCommands.Regenerate(dataMonth, asOf)));
	}

	@PostMapping("/reports/{id}/finalize")
	@RouteAccess(permission = "report:report:finalize", scope = AccessScope.ZONE)
	String finalizeReport(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "notice.report.finalized", () -> this.reports.finalizeReport(id));
	}

	private String act(long id, RedirectAttributes redirect, String notice,
			java.util.function.Supplier<ReportDocument> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problemTexts",
					ex.fieldProblems().stream().map((p) -> text(p.messageKey(), p.args())).toList());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problemTexts", List.of(text(ex.messageKey(), ex.args())));
		}
		return "redirect:/reports/" + id;
	}

	@GetMapping("/reports/{id}/versions")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	String versions(@PathVariable long id, Model model) {
		model.addAttribute("doc", this.reports.get(id));
		model.addAttribute("versions",
				this.reports.versions(id).stream().map((v) -> ReportJson.version(v, this.reports)).toList());
		return "report/versions";
	}

	@GetMapping("/reports/{id}/docx")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	ResponseEntity<byte[]> docx(@PathVariable long id, @RequestParam(required = false) Integer version)
			throws IOException {
		return ReportApiController
			.docxResponse((version != null) ? this.reports.get(id, version) : this.reports.get(id), this.docx);
	}

	@GetMapping("/reports/{id}/print")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	String print(@PathVariable long id, @RequestParam(required = false) Integer version, Model model) {
		ReportDocument doc = (version != null) ? this.reports.get(id, version) : this.reports.get(id);
		model.addAttribute("doc", doc);
		model.addAttribute("blocks", doc.outline());
		model.addAttribute("date", ReportWriting.date(doc.asOf()));
		return "report/print";
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.trim();
	}

}
