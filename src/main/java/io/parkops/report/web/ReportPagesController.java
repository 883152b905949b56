package io.parkops.report.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parkops.platform.AccessScope;
import io.parkops.platform.Inputs;
import io.parkops.platform.ConflictException;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ParkOpsException;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.ZoneSelection;
import io.parkops.platform.excel.ExcelRows;
import io.parkops.report.ReportFigure;
import io.parkops.report.ReportPeriod;
import io.parkops.report.internal.FigureRecords;
import io.parkops.report.internal.Markers;
import io.parkops.report.internal.ReportCommands;
import io.parkops.report.internal.ReportDocument;
import io.parkops.report.internal.ReportDocx;
import io.parkops.report.internal.ReportService;
import io.parkops.report.internal.ReportWriting;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
		ReportService.Page result = this.reports.list(Inputs.trim(zone), Inputs.trim(kind), year, Inputs.trim(status),
				page, pageSize);
		model.addAttribute("items", ReportJson.page(result, this.reports).items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("size", pageSize);
		model.addAttribute("pages", Math.max(1, (result.total() + pageSize - 1) / pageSize));
		model.addAttribute("zone", Inputs.trim(zone));
		model.addAttribute("kind", Inputs.trim(kind));
		model.addAttribute("year", year);
		model.addAttribute("status", Inputs.trim(status));
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
		LocalDate today = LocalDate.now(io.parkops.platform.ZoneTime.zone());
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
			@RequestParam(defaultValue = "0") int page, Model model) {
		ReportDocument doc = (version != null) ? this.reports.get(id, version) : this.reports.get(id);
		ReportDocument.PlacedFigure placed = placed(doc, figureId);
		model.addAttribute("doc", doc);
		model.addAttribute("placedIn", doc.section(placed.section()).map(ReportDocument.Section::title).orElse(""));
		model.addAttribute("panel", ReportView.panel(doc, placed.figure(), page));
		model.addAttribute("version", version);
		return "report/view :: figureDetail";
	}

	private static ReportDocument.PlacedFigure placed(ReportDocument doc, String figureId) {
		return doc.placedFigures()
			.stream()
			.filter((p) -> p.figure().id().equals(figureId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("error.report.figureNotFound", figureId));
	}

	/** The records behind a figure as an Excel workbook, with the panel's columns. */
	@GetMapping("/reports/{id}/figures/{figureId}/records.xlsx")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	ResponseEntity<byte[]> figureRecords(@PathVariable long id, @PathVariable String figureId,
			@RequestParam(required = false) Integer version) {
		ReportDocument doc = (version != null) ? this.reports.get(id, version) : this.reports.get(id);
		ReportFigure figure = placed(doc, figureId).figure();
		if (!FigureRecords.readable(figure)) {
			throw new ForbiddenException("error.report.recordsForbidden");
		}
		List<String> keys = FigureRecords.columns(FigureRecords.records(figure));
		List<String> headers = new ArrayList<>();
		headers.add(text("report.record.creditCode"));
		Object unit = figure.source().get("unit");
		for (String k : keys) {
			String label = text("report.record." + k);
			String u = switch (k) {
				case "current", "base", "change" -> (unit != null) ? unit.toString() : null;
				case "growthPct", "contributionPct" -> "%";
				default -> null;
			};
			headers.add((u != null) ? text("report.record.withUnit", label, u) : label);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ExcelRows.write(out, text("report.figure.records"), headers, ReportView.exportRows(figure, keys));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(figureId + ".xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(out.toByteArray());
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
		return editor(doc, section, String.join("\n", section.effective()), section.editVersion(), List.of(), null,
				model);
	}

	/**
	 * The section editor; after a refused save it keeps the typed text ({@code stale}
	 * says someone else changed the section meanwhile, with the version to save over it).
	 */
	private String editor(ReportDocument doc, ReportDocument.Section section, String text, long version,
			List<ParkOpsException.FieldProblem> problems, String stale, Model model) {
		model.addAttribute("doc", doc);
		model.addAttribute("section", section);
		model.addAttribute("text", text);
		model.addAttribute("version", version);
		model.addAttribute("staleVersion", stale != null);
		// the editor shows the figures as chips, never their {{…}} markers
		Map<String, String> texts = doc.figureTexts();
		model.addAttribute("paragraphs", text.lines().map((line) -> Markers.pieces(line, texts)).toList());
		Map<String, String> explanations = new HashMap<>();
		doc.figures().forEach((fid, f) -> explanations.put(fid, f.explanation()));
		model.addAttribute("explanations", explanations);
		model.addAttribute("problems", problems);
		return "report/view :: sectionEditor";
	}

	@PostMapping("/reports/{id}/sections/{key}")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String saveSection(@PathVariable long id, @PathVariable String key, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) Long version, Model model) {
		try {
			List<String> paragraphs = new ArrayList<>(Arrays.asList(text.split("\\R")));
			return sectionFragment(
					this.reports.editSection(id, key, new ReportCommands.EditSection(paragraphs, version)), key, model);
		}
		catch (InvalidInputException ex) {
			ReportDocument doc = this.reports.get(id);
			ReportDocument.Section section = doc.section(key).orElseThrow();
			return editor(doc, section, text, (version != null) ? version : section.editVersion(), ex.fieldProblems(),
					null, model);
		}
		catch (ConflictException ex) {
			ReportDocument doc = this.reports.get(id);
			if (!doc.editable()) {
				throw ex;
			}
			ReportDocument.Section section = doc.section(key).orElseThrow();
			// keep what was typed; saving again (with the current version) replaces the
			// other change
			return editor(doc, section, text, section.editVersion(), List.of(), text(ex.messageKey(), ex.args()),
					model);
		}
	}

	@PostMapping("/reports/{id}/sections/{key}/revert")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String revertSection(@PathVariable long id, @PathVariable String key, @RequestParam(required = false) Long version,
			Model model) {
		return sectionFragment(this.reports.revertSection(id, key, version), key, model);
	}

	@PostMapping("/reports/{id}/plans")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String addPlan(@PathVariable long id, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		String view = act(id, redirect, "notice.report.planAdded",
				() -> this.reports.addPlan(id, new ReportCommands.AddPlan(text, version)));
		if (redirect.getFlashAttributes().containsKey("problemTexts")) {
			// a refused plan stays in the field
			redirect.addFlashAttribute("planText", text);
		}
		return view;
	}

	@PostMapping("/reports/{id}/plans/{planId}/delete")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	String removePlan(@PathVariable long id, @PathVariable long planId, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		return act(id, redirect, "notice.report.planRemoved", () -> this.reports.removePlan(id, planId, version));
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

}
