package io.parkops.economy.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.parkops.platform.Inputs;
import io.parkops.economy.EconomyStatistics;
import io.parkops.economy.EconomySummary;
import io.parkops.economy.EnterpriseRank;
import io.parkops.economy.MonthlyPoint;
import io.parkops.economy.internal.CorrectionRequests;
import io.parkops.economy.internal.EconomyExport;
import io.parkops.economy.internal.EconomyPlanning;
import io.parkops.economy.internal.MonthlyCollection;
import io.parkops.economy.internal.MonthlyImport;
import io.parkops.economy.internal.MonthlyReporting;
import io.parkops.economy.internal.Months;
import io.parkops.platform.AccessScope;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.Versions;
import io.parkops.platform.excel.Progress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import io.parkops.platform.excel.ImportJobs;

/**
 * REST API of economic operation monitoring: monthly figures, the month's import, zone
 * figures, targets, price indices and the statistics.
 */
@RestController
@Tag(name = "economy", description = "经济运行监测 / economic operation monitoring")
class EconomyApiController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final MonthlyReporting reporting;

	private final MonthlyImport imports;

	private final MonthlyCollection collection;

	private final EconomyPlanning planning;

	private final EconomyStatistics statistics;

	private final EconomyExport export;

	private final ImportJobs jobs;

	private final CorrectionRequests corrections;

	EconomyApiController(MonthlyReporting reporting, MonthlyImport imports, MonthlyCollection collection,
			EconomyPlanning planning, EconomyStatistics statistics, EconomyExport export,
			CorrectionRequests corrections, ImportJobs jobs) {
		this.jobs = jobs;
		this.corrections = corrections;
		this.reporting = reporting;
		this.imports = imports;
		this.collection = collection;
		this.planning = planning;
		this.statistics = statistics;
		this.export = export;
	}

	// ---- an enterprise's month

	@PutMapping("/api/v1/enterprises/{creditCode}/monthly/{month}")
	@RouteAccess(permission = "economy:monthly:submit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Submit or correct an enterprise's figures of a month (本月, optional 上年同月)")
	MonthlyReporting.MonthlyView submit(@PathVariable String creditCode, @PathVariable String month,
			@RequestBody(required = false) MonthlyReporting.Submission body) {
		return this.reporting.submit(creditCode, month, body);
	}

	@GetMapping("/api/v1/enterprises/{creditCode}/monthly/{month}")
	@RouteAccess(permission = "economy:monthly:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "An enterprise's figures of a month with the kept revisions")
	MonthlyReporting.MonthlyView month(@PathVariable String creditCode, @PathVariable String month) {
		return this.reporting.find(creditCode, month);
	}

	/** A confirming note for a month's anomalies. */
	record Confirmation(String note) {
	}

	@PostMapping("/api/v1/enterprises/{creditCode}/monthly/{month}/confirmation")
	@RouteAccess(permission = "economy:monthly:submit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Confirm a month's anomalies with a note")
	MonthlyReporting.MonthlyView confirm(@PathVariable String creditCode, @PathVariable String month,
			@RequestBody(required = false) Confirmation body) {
		return this.reporting.confirm(creditCode, month, (body != null) ? body.note() : null);
	}

	// ---- correction requests (更正申请) for months older than the correction window

	@PostMapping("/api/v1/enterprises/{creditCode}/monthly/{month}/correction-requests")
	@RouteAccess(permission = "economy:monthly:submit", scope = AccessScope.ENTERPRISE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask for a correction of a month older than the correction window; staff accept or reject it")
	CorrectionRequests.CorrectionRequest requestCorrection(@PathVariable String creditCode, @PathVariable String month,
			@RequestBody(required = false) MonthlyReporting.Submission body) {
		return this.corrections.request(creditCode, month, body);
	}

	@GetMapping("/api/v1/economy/correction-requests")
	@RouteAccess(permission = "economy:monthly:submit", scope = AccessScope.ZONE)
	@Operation(summary = "A zone's correction requests, pending first (economy staff)")
	List<CorrectionRequests.CorrectionRequest> correctionRequests(@RequestParam String zone,
			@RequestParam(required = false) String status) {
		return this.corrections.list(zone, status);
	}

	/** A decision's note (required to reject). */
	record Decision(String note) {
	}

	@PostMapping("/api/v1/economy/correction-requests/{id}/acceptance")
	@RouteAccess(permission = "economy:monthly:submit", scope = AccessScope.ZONE)
	@Operation(summary = "Accept a correction request: the month is corrected as asked, with its revision")
	CorrectionRequests.CorrectionRequest acceptCorrection(@PathVariable long id,
			@RequestBody(required = false) Decision body) {
		return this.corrections.accept(id, (body != null) ? body.note() : null);
	}

	@PostMapping("/api/v1/economy/correction-requests/{id}/rejection")
	@RouteAccess(permission = "economy:monthly:submit", scope = AccessScope.ZONE)
	@Operation(summary = "Reject a correction request with a note: the month stays as it is")
	CorrectionRequests.CorrectionRequest rejectCorrection(@PathVariable long id,
			@RequestBody(required = false) Decision body) {
		return this.corrections.reject(id, (body != null) ? body.note() : null);
	}

	// ---- the month's workbook

	@GetMapping(value = "/api/v1/economy/imports/template", produces = XLSX)
	@RouteAccess(permission = "economy:monthly:import", scope = AccessScope.ZONE)
	@Operation(summary = "The import template of a month; with a zone, prefilled with its 规上 enterprises")
	void template(@RequestParam String month, @RequestParam(required = false) String zone, HttpServletResponse response)
			throws IOException {
		var ym = Months.parse(month, "month");
		excel(response, "economy-" + ym + ".xlsx");
		this.imports.writeTemplate(ym, Inputs.trim(zone), response.getOutputStream());
	}

	@PostMapping(value = "/api/v1/economy/imports", consumes = "multipart/form-data")
	@RouteAccess(permission = "economy:monthly:import", scope = AccessScope.ZONE)
	@Operation(summary = "Import a month's figures: all rows or none; errors listed by row and column")
	Map<String, Integer> importFile(@RequestParam String month, @RequestParam(required = false) String zone,
			@RequestPart("file") MultipartFile file) throws IOException {
		var ym = Months.parse(month, "month");
		if (file.isEmpty()) {
			throw InvalidInputException.of("file", "error.import.empty");
		}
		try (InputStream in = file.getInputStream()) {
			return Map.of("rows", this.imports.importWorkbook(ym, Inputs.trim(zone),
					ImportJobs.ImportFile.of(file.getOriginalFilename(), in.readAllBytes()), Progress.none()));
		}
	}

	@PostMapping(value = "/api/v1/economy/import-jobs", consumes = "multipart/form-data")
	@RouteAccess(permission = "economy:monthly:import", scope = AccessScope.ZONE)
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
	@Operation(summary = "Queue the import of a month's figures (large files): 202 {\"id\"}; follow it at "
			+ "GET /api/v1/import-jobs/{id}")
	Map<String, Object> queueImport(@RequestParam String month, @RequestParam(required = false) String zone,
			@RequestPart("file") MultipartFile file) throws IOException {
		var ym = Months.parse(month, "month");
		if (file.isEmpty()) {
			throw InvalidInputException.of("file", "error.import.empty");
		}
		if (Inputs.trim(zone) != null) {
			io.parkops.platform.CurrentUser.get().checkZone(Inputs.trim(zone));
		}
		try (InputStream in = file.getInputStream()) {
			return Map.of("id",
					this.jobs.start(this.imports.kind(),
							ImportJobs.ImportFile.of(file.getOriginalFilename(), in.readAllBytes()),
							MonthlyImport.params(ym, Inputs.trim(zone))));
		}
	}

	// ---- what the economy department enters

	@PutMapping("/api/v1/zones/{code}/zone-figures/{month}")
	@RouteAccess(permission = "economy:plan:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Zone-level figures of a month (一般公共预算收入, 固定资产投资, 技改投资), in 万元; the version "
			+ "last read (the GET's ETag) as If-Match or ?version= (0 for a month never saved): another → 409")
	ResponseEntity<Map<String, BigDecimal>> putZoneFigures(@PathVariable String code, @PathVariable String month,
			@RequestBody(required = false) Map<String, BigDecimal> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestParam(required = false) String version) {
		return versioned(this.planning.putZoneFigures(code, month, body, Versions.fromRequest(ifMatch, version)));
	}

	@GetMapping("/api/v1/zones/{code}/zone-figures/{month}")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "Zone-level figures of a month; the ETag is the record's version")
	ResponseEntity<Map<String, BigDecimal>> zoneFigures(@PathVariable String code, @PathVariable String month) {
		io.parkops.platform.CurrentUser.get().checkZone(code);
		YearMonth ym = Months.parse(month, "month");
		return versioned(new EconomyPlanning.Saved<>(this.planning.zoneFigures(code, ym),
				this.planning.zoneFiguresVersion(code, ym)));
	}

	@PutMapping("/api/v1/zones/{code}/targets/{year}")
	@RouteAccess(permission = "economy:plan:edit", scope = AccessScope.ZONE)
	@Operation(summary = "The year's targets by code: {growthPct}, {amount} or {count}; replaces the year's targets; "
			+ "the version last read (the GET's ETag) as If-Match or ?version= (0 for a year never saved): another → 409")
	ResponseEntity<Map<String, EconomyPlanning.TargetSpec>> putTargets(@PathVariable String code,
			@PathVariable int year, @RequestBody(required = false) Map<String, EconomyPlanning.TargetSpec> body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestParam(required = false) String version) {
		return versioned(this.planning.putTargets(code, year, body, Versions.fromRequest(ifMatch, version)));
	}

	@GetMapping("/api/v1/zones/{code}/targets/{year}")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "The year's targets; the ETag is the record's version")
	ResponseEntity<Map<String, EconomyPlanning.TargetSpec>> targets(@PathVariable String code, @PathVariable int year) {
		io.parkops.platform.CurrentUser.get().checkZone(code);
		return versioned(new EconomyPlanning.Saved<>(this.planning.targets(code, year),
				this.planning.targetsVersion(code, year)));
	}

	private static <T> ResponseEntity<T> versioned(EconomyPlanning.Saved<T> saved) {
		return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(saved.value());
	}

	/** A price index, previous year = 100, and the version last read. */
	record PriceIndexBody(BigDecimal index, Long version) {
	}

	@PutMapping("/api/v1/economy/price-indices/{year}")
	@RouteAccess(permission = "economy:plan:edit", scope = AccessScope.GLOBAL)
	@Operation(summary = "The year's producer price index (previous year = 100) that deflates 工业增加值; "
			+ "{\"index\", \"version\"} with the version last read (0 for a year never set): another → 409")
	EconomyPlanning.PriceIndex putPriceIndex(@PathVariable int year,
			@RequestBody(required = false) PriceIndexBody body) {
		return this.planning.putPriceIndex(year, (body != null) ? body.index() : null,
				(body != null) ? body.version() : null);
	}

	@GetMapping("/api/v1/economy/price-indices/{year}")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.GLOBAL)
	@Operation(summary = "A year's price index with its version (index null and version 0 before it is set)")
	EconomyPlanning.PriceIndex priceIndex(@PathVariable int year) {
		return this.planning.priceIndex(year);
	}

	@GetMapping("/api/v1/economy/price-indices")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.GLOBAL)
	@Operation(summary = "Every price index entered, by year (a year without one uses 100)")
	Map<Integer, BigDecimal> priceIndices() {
		return this.planning.priceIndices();
	}

	// ---- statistics

	@GetMapping("/api/v1/economy/summary")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "1–month cumulative figures of the 规上 set, same-set growth, targets, and groups")
	EconomySummary summary(@RequestParam String zone, @RequestParam int year, @RequestParam int month,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String area,
			@RequestParam(required = false) String industry) {
		return this.statistics.summary(zone, year, month, groupBy, area, industry).rounded();
	}

	@GetMapping(value = "/api/v1/economy/summary/export", produces = XLSX)
	@RouteAccess(permission = "economy:statistics:export", scope = AccessScope.ZONE)
	@Operation(summary = "The summary, one indicator's trend and rankings as .xlsx")
	void exportSummary(@RequestParam String zone, @RequestParam int year, @RequestParam int month,
			@RequestParam(required = false) String groupBy, @RequestParam(required = false) String area,
			@RequestParam(required = false) String industry, @RequestParam(defaultValue = "output") String indicator,
			HttpServletResponse response) throws IOException {
		EconomySummary summary = this.statistics.summary(zone, year, month, groupBy, area, industry).rounded();
		List<MonthlyPoint> trend = this.statistics.monthlyTrend(zone, year, indicator);
		List<EnterpriseRank> byGrowth = this.statistics.ranking(zone, year, month, indicator, "growth", 100000);
		List<EnterpriseRank> byContribution = this.statistics.ranking(zone, year, month, indicator, "contribution",
				100000);
		excel(response, "economy-" + zone + "-" + year + "-" + month + ".xlsx");
		this.export.summary(summary, indicator, trend, byGrowth, byContribution, response.getOutputStream());
	}

	@GetMapping("/api/v1/economy/trend")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "Months 1–12 of an indicator or zone figure, this year and last year")
	List<MonthlyPoint> trend(@RequestParam String zone, @RequestParam int year, @RequestParam String indicator) {
		return this.statistics.monthlyTrend(zone, year, indicator);
	}

	@GetMapping("/api/v1/economy/ranking")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "Enterprises of the set ranked by growth or by contribution")
	List<EnterpriseRank> ranking(@RequestParam String zone, @RequestParam int year, @RequestParam int month,
			@RequestParam(defaultValue = "output") String indicator, @RequestParam(defaultValue = "growth") String by,
			@RequestParam(defaultValue = "20") int limit) {
		return this.statistics.ranking(zone, year, month, indicator, by, Math.min(Math.max(limit, 1), 1000));
	}

	/**
	 * The latest month with data and the default month (the latest one whose reported
	 * share reaches {@code parkops.economy.complete-share}), as {@code yyyy-MM}, or null.
	 */
	record LatestMonth(String month, String defaultMonth) {
	}

	@GetMapping("/api/v1/economy/latest-month")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "The latest month for which the zone has figures")
	LatestMonth latestMonth(@RequestParam String zone) {
		Optional<java.time.YearMonth> month = this.statistics.latestMonthWithData(zone);
		return new LatestMonth(month.map(Object::toString).orElse(null),
				this.statistics.defaultMonth(zone).map(Object::toString).orElse(null));
	}

	// ---- collecting the month

	@GetMapping("/api/v1/economy/completeness")
	@RouteAccess(permission = "economy:monthly:read", scope = AccessScope.ZONE)
	@Operation(summary = "Who of the month's 规上 set has reported, who is late")
	MonthlyCollection.Completeness completeness(@RequestParam String zone, @RequestParam String month) {
		return this.collection.completeness(zone, Months.parse(month, "month"));
	}

	/** Optionally only these enterprises. */
	record ReminderRequest(List<String> creditCodes) {
	}

	@PostMapping("/api/v1/economy/completeness/reminders")
	@RouteAccess(permission = "economy:monthly:submit", scope = AccessScope.ZONE)
	@Operation(summary = "Remind the enterprises that have not reported the month (催报)")
	Map<String, Integer> remind(@RequestParam String zone, @RequestParam String month,
			@RequestBody(required = false) ReminderRequest body) {
		return Map.of("reminded",
				this.collection.remind(zone, Months.parse(month, "month"), (body != null) ? body.creditCodes() : null));
	}

	@GetMapping("/api/v1/economy/anomalies")
	@RouteAccess(permission = "economy:monthly:read", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	@Operation(summary = "Reports whose anomalies wait for a confirming note")
	List<MonthlyCollection.Unconfirmed> anomalies(@RequestParam String zone) {
		return this.collection.unconfirmed(zone);
	}

	@GetMapping("/api/v1/economy/candidates")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "拟入规: enterprises below scale whose 12-month revenue approaches 2000万元")
	List<MonthlyCollection.Candidate> candidates(@RequestParam String zone, @RequestParam String month) {
		return this.collection.candidates(zone, Months.parse(month, "month"));
	}

	@GetMapping("/api/v1/economy/scale-changes")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "入规 and 退规 of the year up to the month")
	List<MonthlyCollection.ScaleMove> scaleMoves(@RequestParam String zone, @RequestParam String month) {
		return this.collection.scaleMoves(zone, Months.parse(month, "month"));
	}

	static void excel(HttpServletResponse response, String filename) {
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
	}

}
