package io.parkops.report.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.parkops.platform.AccessScope;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.RouteAccess;
import io.parkops.report.internal.ReportCommands;
import io.parkops.report.internal.ReportDocument;
import io.parkops.report.internal.ReportDocx;
import io.parkops.report.internal.ReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the work reports (工作总结).
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports", description = "工作总结 / work reports")
class ReportApiController {

	private final ReportService reports;

	private final ReportDocx docx;

	ReportApiController(ReportService reports, ReportDocx docx) {
		this.reports = reports;
		this.docx = docx;
	}

	@PostMapping
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Generate the draft of a report from the data")
	ResponseEntity<ReportJson.Report> generate(@RequestBody ReportCommands.Generate request) {
		ReportDocument doc = this.reports.generate(request);
		return ResponseEntity.created(URI.create("/api/v1/reports/" + doc.id())).body(ReportJson.of(doc, this.reports));
	}

	@GetMapping
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	@Operation(summary = "Reports in the caller's zones, newest first")
	ReportJson.Page list(@RequestParam(required = false) String zone, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return ReportJson.page(this.reports.list(blank(zone), blank(kind), year, blank(status), page, size),
				this.reports);
	}

	@GetMapping("/{id}")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	@Operation(summary = "A report's current version")
	ReportJson.Report get(@PathVariable long id) {
		return ReportJson.of(this.reports.get(id), this.reports);
	}

	@GetMapping("/{id}/figures")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	@Operation(summary = "Every figure of the report with how it was computed (数出有源)")
	List<ReportJson.Figure> figures(@PathVariable long id, @RequestParam(required = false) Integer version) {
		return ReportJson.figures(document(id, version));
	}

	@GetMapping("/{id}/figures/{figureId}")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	@Operation(summary = "One figure with how it was computed")
	ReportJson.Figure figure(@PathVariable long id, @PathVariable String figureId,
			@RequestParam(required = false) Integer version) {
		return ReportJson.figures(document(id, version))
			.stream()
			.filter((f) -> f.id().equals(figureId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("error.report.figureNotFound", figureId));
	}

	@GetMapping("/{id}/docx")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	@Operation(summary = "The report as a Word file (GB/T 9704-2012 layout)")
	ResponseEntity<byte[]> docx(@PathVariable long id, @RequestParam(required = false) Integer version)
			throws IOException {
		return docxResponse(document(id, version), this.docx);
	}

	static ResponseEntity<byte[]> docxResponse(ReportDocument doc, ReportDocx docx) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		docx.write(doc, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(ReportDocx.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(ReportDocx.filename(doc), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(out.toByteArray());
	}

	@GetMapping("/{id}/versions")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	@Operation(summary = "The versions of a report, newest first, with what changed in the data")
	List<ReportJson.Version> versions(@PathVariable long id) {
		return this.reports.versions(id).stream().map((v) -> ReportJson.version(v, this.reports)).toList();
	}

	@GetMapping("/{id}/versions/{version}")
	@RouteAccess(permission = "report:report:read", scope = AccessScope.ZONE)
	@Operation(summary = "A report as it was in one version")
	ReportJson.Report version(@PathVariable long id, @PathVariable int version) {
		return ReportJson.of(this.reports.get(id, version), this.reports);
	}

	@PutMapping("/{id}/sections/{key}")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Replace a section's text; {{figure-id}} markers stay linked to the data")
	ReportJson.Report editSection(@PathVariable long id, @PathVariable String key,
			@RequestBody ReportCommands.EditSection request) {
		return ReportJson.of(this.reports.editSection(id, key, request), this.reports);
	}

	@DeleteMapping("/{id}/sections/{key}/edit")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Drop the manual edit of a section: the generated text shows again")
	ReportJson.Report revertSection(@PathVariable long id, @PathVariable String key) {
		return ReportJson.of(this.reports.revertSection(id, key), this.reports);
	}

	@PostMapping("/{id}/plans")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Add a plan in the staff's words to 三、下阶段打算")
	ResponseEntity<ReportJson.Report> addPlan(@PathVariable long id, @RequestBody ReportCommands.AddPlan request) {
		return ResponseEntity.created(URI.create("/api/v1/reports/" + id))
			.body(ReportJson.of(this.reports.addPlan(id, request), this.reports));
	}

	@DeleteMapping("/{id}/plans/{planId}")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Remove a plan the staff added")
	ReportJson.Report removePlan(@PathVariable long id, @PathVariable long planId) {
		return ReportJson.of(this.reports.removePlan(id, planId), this.reports);
	}

	@PostMapping("/{id}/regenerate")
	@RouteAccess(permission = "report:report:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Generate the draft again from the current data as a new version; manual edits are kept "
			+ "and the changes in the data are listed")
	ReportJson.Report regenerate(@PathVariable long id,
			@RequestBody(required = false) ReportCommands.Regenerate request) {
		return ReportJson.of(this.reports.regenerate(id, request), this.reports);
	}

	@PostMapping("/{id}/finalize")
	@RouteAccess(permission = "report:report:finalize", scope = AccessScope.ZONE)
	@Operation(summary = "Finalise (定稿): the report becomes read-only")
	ReportJson.Report finalizeReport(@PathVariable long id) {
		return ReportJson.of(this.reports.finalizeReport(id), this.reports);
	}

	private ReportDocument document(long id, Integer version) {
		return (version != null) ? this.reports.get(id, version) : this.reports.get(id);
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.trim();
	}

}
