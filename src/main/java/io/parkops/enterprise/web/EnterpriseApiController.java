package io.parkops.enterprise.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.parkops.platform.Inputs;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.internal.EnterpriseCommands;
import io.parkops.enterprise.internal.EnterpriseImport;
import io.parkops.enterprise.internal.EnterpriseQuery;
import io.parkops.enterprise.internal.EnterpriseService;
import io.parkops.enterprise.internal.EnterpriseStore;
import io.parkops.platform.AccessScope;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.excel.Progress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import io.parkops.platform.excel.ImportJobs;

/**
 * REST API of the enterprise registry.
 */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "enterprises", description = "企业档案（一企一档） / enterprise registry")
class EnterpriseApiController {

	/**
	 * A credit code has 18 letters and digits, so literal segments ({@code export},
	 * {@code industries}, {@code imports}) never fall into this variable.
	 */
	static final String CODE = "/{creditCode:[0-9A-Za-z]{18}}";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final EnterpriseService enterprises;

	private final EnterpriseImport imports;

	private final ImportJobs jobs;

	private final JsonMapper json;

	EnterpriseApiController(EnterpriseService enterprises, EnterpriseImport imports, ImportJobs jobs, JsonMapper json) {
		this.enterprises = enterprises;
		this.imports = imports;
		this.jobs = jobs;
		this.json = json;
	}

	@PostMapping
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	@Operation(summary = "Register an enterprise")
	ResponseEntity<Enterprise> register(@RequestBody EnterpriseCommands.Register request) {
		Enterprise e = this.enterprises.register(request);
		return ResponseEntity.created(URI.create("/api/v1/enterprises/" + e.creditCode())).body(e);
	}

	@GetMapping(CODE)
	@RouteAccess(permission = "enterprise:enterprise:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One enterprise")
	Enterprise get(@PathVariable String creditCode) {
		return this.enterprises.requireVisible(creditCode);
	}

	@GetMapping
	@RouteAccess(permission = "enterprise:enterprise:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Search enterprises within the caller's scope")
	EnterpriseService.Page list(@RequestParam(required = false) String zone, @RequestParam(required = false) String q,
			@RequestParam(required = false) String area, @RequestParam(required = false) String industry,
			@RequestParam(required = false) Boolean aboveScale, @RequestParam(required = false) String flag,
			@RequestParam(required = false) String status, @RequestParam(required = false) String tag,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.enterprises.list(query(zone, q, area, industry, aboveScale, flag, status, tag, page, size));
	}

	static EnterpriseQuery query(String zone, String q, String area, String industry, Boolean aboveScale, String flag,
			String status, String tag, int page, int size) {
		return new EnterpriseQuery(Inputs.trim(zone), Inputs.trim(q), Inputs.trim(area), Inputs.trim(industry),
				aboveScale, Inputs.trim(flag), Inputs.trim(status), Inputs.trim(tag), page, size);
	}

	@PatchMapping(CODE)
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Change an enterprise; send the version last read")
	Enterprise change(@PathVariable String creditCode,
			@RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = EnterpriseCommands.Change.class))) JsonNode request) {
		if (CurrentUser.find().map(CurrentUser::isEnterpriseUser).orElse(false)) {
			// an enterprise user sends its contact fields only; anything else is named
			for (String field : request.propertyNames()) {
				if (!EnterpriseService.ENTERPRISE_EDITABLE.contains(field)) {
					throw ForbiddenException.ofField(field, "error.enterprise.contactFieldsOnly", field);
				}
			}
		}
		EnterpriseCommands.Change change;
		try {
			change = this.json.treeToValue(request, EnterpriseCommands.Change.class);
		}
		catch (JacksonException ex) {
			throw InvalidInputException.of("body", "error.badValue");
		}
		return this.enterprises.change(creditCode, change);
	}

	@PostMapping(CODE + "/scale-changes")
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	@Operation(summary = "Record an entry into (入规) or exit from (退规) the above-scale set")
	ResponseEntity<Enterprise> scaleChange(@PathVariable String creditCode,
			@RequestBody EnterpriseCommands.ScaleChange request) {
		Enterprise e = this.enterprises.recordScaleChange(creditCode, request);
		return ResponseEntity.created(URI.create("/api/v1/enterprises/" + e.creditCode())).body(e);
	}

	@PostMapping(CODE + "/flags")
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	@Operation(summary = "Grant a dated flag (高新技术企业, 专精特新, …)")
	ResponseEntity<Map<String, Long>> grantFlag(@PathVariable String creditCode,
			@RequestBody EnterpriseCommands.GrantFlag request) {
		long id = this.enterprises.grantFlag(creditCode, request);
		return ResponseEntity.created(URI.create("/api/v1/enterprises/" + creditCode)).body(Map.of("id", id));
	}

	@DeleteMapping(CODE + "/flags/{id}")
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	@Operation(summary = "Revoke a flag as of today")
	ResponseEntity<Void> revokeFlag(@PathVariable String creditCode, @PathVariable long id) {
		this.enterprises.revokeFlag(creditCode, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(CODE + "/status-changes")
	@RouteAccess(permission = "enterprise:enterprise:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	@Operation(summary = "Record a new status (在建/投产/停产/迁出) from a date")
	ResponseEntity<Enterprise> statusChange(@PathVariable String creditCode,
			@RequestBody EnterpriseCommands.ChangeStatus request) {
		Enterprise e = this.enterprises.changeStatus(creditCode, request);
		return ResponseEntity.created(URI.create("/api/v1/enterprises/" + e.creditCode())).body(e);
	}

	@GetMapping(CODE + "/file")
	@RouteAccess(permission = "enterprise:enterprise:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The whole file: 规上 history, flags, status history and timeline")
	EnterpriseService.EnterpriseFile file(@PathVariable String creditCode) {
		return this.enterprises.file(creditCode);
	}

	@GetMapping("/industries")
	@RouteAccess(scope = AccessScope.AUTHENTICATED)
	@Operation(summary = "GB/T 4754-2017 industry divisions")
	List<EnterpriseStore.Division> industries() {
		return this.enterprises.divisions();
	}

	@GetMapping(value = "/export", produces = XLSX)
	@RouteAccess(permission = "enterprise:enterprise:export", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Export the filtered list as .xlsx")
	void export(@RequestParam(required = false) String zone, @RequestParam(required = false) String q,
			@RequestParam(required = false) String area, @RequestParam(required = false) String industry,
			@RequestParam(required = false) Boolean aboveScale, @RequestParam(required = false) String flag,
			@RequestParam(required = false) String status, @RequestParam(required = false) String tag,
			HttpServletResponse response) throws IOException {
		byte[] workbook = this.imports.export(query(zone, q, area, industry, aboveScale, flag, status, tag, 0, 1));
		excel(response, "enterprises.xlsx");
		response.getOutputStream().write(workbook);
	}

	@GetMapping(value = "/imports/template", produces = XLSX)
	@RouteAccess(permission = "enterprise:enterprise:import", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The import template")
	void template(HttpServletResponse response) throws IOException {
		excel(response, "enterprise-import-template.xlsx");
		this.imports.writeTemplate(response.getOutputStream());
	}

	@PostMapping(value = "/imports", consumes = "multipart/form-data")
	@RouteAccess(permission = "enterprise:enterprise:import", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Import enterprises into a zone: all rows or none; errors listed by row and column")
	Map<String, Integer> importFile(@RequestParam String zone, @RequestPart("file") MultipartFile file)
			throws IOException {
		if (file.isEmpty()) {
			throw InvalidInputException.of("file", "error.import.empty");
		}
		try (InputStream in = file.getInputStream()) {
			return Map.of("rows", this.imports.importWorkbook(zone,
					ImportJobs.ImportFile.of(file.getOriginalFilename(), in.readAllBytes()), Progress.none()));
		}
	}

	@PostMapping(value = "/import-jobs", consumes = "multipart/form-data")
	@RouteAccess(permission = "enterprise:enterprise:import", scope = AccessScope.ENTERPRISE)
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
	@Operation(summary = "Queue an import of enterprises into a zone (large files): 202 {\"id\"}; follow it at "
			+ "GET /api/v1/import-jobs/{id}")
	Map<String, Object> queueImport(@RequestParam String zone, @RequestPart("file") MultipartFile file)
			throws IOException {
		if (file.isEmpty()) {
			throw InvalidInputException.of("file", "error.import.empty");
		}
		io.parkops.platform.CurrentUser.get().checkZone(zone);
		try (InputStream in = file.getInputStream()) {
			return Map.of("id", this.jobs.start(this.imports.kind(),
					ImportJobs.ImportFile.of(file.getOriginalFilename(), in.readAllBytes()), Map.of("zone", zone)));
		}
	}

	static void excel(HttpServletResponse response, String filename) {
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
	}

}
