package io.parkops.economy.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parkops.economy.EconomyStatistics;
import io.parkops.economy.EconomySummary;
import io.parkops.economy.EnterpriseRank;
import io.parkops.economy.Indicator;
import io.parkops.economy.MonthlyPoint;
import io.parkops.economy.ZoneIndicator;
import io.parkops.economy.internal.CorrectionRequests;
import io.parkops.economy.internal.EconomyExport;
import io.parkops.economy.internal.EconomyPlanning;
import io.parkops.economy.internal.MonthlyCollection;
import io.parkops.economy.internal.MonthlyImport;
import io.parkops.economy.internal.MonthlyReporting;
import io.parkops.economy.internal.MonthlyFiguresStore;
import io.parkops.economy.internal.Months;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.platform.AccessScope;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.NotFoundException;
import io.parkops.platform.ParkOpsException;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneSelection;
import io.parkops.platform.excel.ImportError;
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
 * Pages of economic operation monitoring: the monitoring page (经济运行), collecting the
 * month (月报收集, import), the economy department's plan (园区指标、目标、价格指数), 拟入规, and the
 * enterprise's own monthly form.
 */
@Controller
class EconomyPagesController {

	static final List<String> INDICATOR_CODES = java.util.Arrays.stream(Indicator.values())
		.map(Indicator::code)
		.toList();

	static final List<String> ZONE_CODES = java.util.Arrays.stream(ZoneIndicator.values())
		.map(ZoneIndicator::code)
		.toList();

	private final EconomyStatistics statistics;

	private final MonthlyReporting reporting;

	private final MonthlyImport imports;

	private final CorrectionRequests corrections;

	private final MonthlyCollection collection;

	private final EconomyPlanning planning;

	private final EconomyExport export;

	private final EnterpriseRegistry registry;

	private final ZoneSelection zones;

	private final ZoneDirectory zoneDirectory;

	private final ImportJobs jobs;

	private final MessageSource messages;

	EconomyPagesController(EconomyStatistics statistics, MonthlyReporting reporting, MonthlyImport imports,
			MonthlyCollection collection, EconomyPlanning planning, EconomyExport export, EnterpriseRegistry registry,
			ZoneSelection zones, ZoneDirectory zoneDirectory, ImportJobs jobs, MessageSource messages,
			CorrectionRequests corrections) {
		this.corrections = corrections;
		this.statistics = statistics;
		this.reporting = reporting;
		this.imports = imports;
		this.collection = collection;
		this.planning = planning;
		this.export = export;
		this.registry = registry;
		this.zones = zones;
		this.zoneDirectory = zoneDirectory;
		this.jobs = jobs;
		this.messages = messages;
	}

	private String zone() {
		String zone = this.zones.current();
		if (zone == null) {
			throw new NotFoundException("error.economy.noZone");
		}
		return zone;
	}

	/** The month asked for, else the latest with data, else last month. */
	private YearMonth month(String zone, Integer year, Integer month) {
		if (year != null && month != null) {
			if (month < 1 || month > 12) {
				throw InvalidInputException.of("month", "error.economy.monthOfYear", month);
			}
			return YearMonth.of(year, month);
		}
		return this.statistics.defaultMonth(zone).orElse(Months.current().minusMonths(1));
	}

	private static List<Integer> years(YearMonth month) {
		List<Integer> years = new ArrayList<>();
		int now = Months.current().getYear();
		for (int y = Math.max(now, month.getYear()); y >= Math.min(now, month.getYear()) - 5; y--) {
			years.add(y);
		}
		return years;
	}

	// ---- 经济运行: the monitoring page

	@GetMapping("/economy")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.ZONE)
	String summary(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
			@RequestParam(defaultValue = "industry") String groupBy, @RequestParam(required = false) String area,
			@RequestParam(required = false) String industry, @RequestParam(defaultValue = "output") String indicator,
			Model model) {
		String zone = zone();
		YearMonth ym = month(zone, year, month);
		String code = INDICATOR_CODES.contains(indicator) ? indicator : "output";
		EconomySummary summary = this.statistics
			.summary(zone, ym.getYear(), ym.getMonthValue(), groupBy, area, industry)
			.rounded();
		model.addAttribute("summary", summary);
		model.addAttribute("ym", ym);
		model.addAttribute("years", years(ym));
		model.addAttribute("groupBy", groupBy);
		model.addAttribute("area", (area != null) ? area : "");
		model.addAttribute("industry", (industry != null) ? industry : "");
		model.addAttribute("indicator", code);
		model.addAttribute("indicatorCodes", INDICATOR_CODES);
		model.addAttribute("areas", this.zoneDirectory.require(zone).areas());
		model.addAttribute("byGrowth",
				this.statistics.ranking(zone, ym.getYear(), ym.getMonthValue(), code, "growth", 10));
		model.addAttribute("byContribution",
				this.statistics.ranking(zone, ym.getYear(), ym.getMonthValue(), code, "contribution", 10));
		model.addAttribute("groupIndicator", code);
		model.addAttribute("query", query(ym, groupBy, area, industry, code));
		return "economy/summary";
	}

	private static String query(YearMonth ym, String groupBy, String area, String industry, String indicator) {
		org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder
			.fromPath("")
			.queryParam("year", ym.getYear())
			.queryParam("month", ym.getMonthValue())
			.queryParam("groupBy", groupBy)
			.queryParam("indicator", indicator);
		if (area != null && !area.isBlank()) {
			b.queryParam("area", area);
		}
		if (industry != null && !industry.isBlank()) {
			b.queryParam("industry", industry);
		}
		return b.build().encode().toUriString();
	}

	/** Chart data of the monitoring page: the trend of one indicator and the groups. */
	@GetMapping("/economy/charts.json")
	@ResponseBody
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.ZONE)
	Map<String, Object> charts(@RequestParam int year, @RequestParam int month,
			@RequestParam(defaultValue = "output") String indicator,
			@RequestParam(defaultValue = "industry") String groupBy, @RequestParam(required = false) String area,
			@RequestParam(required = false) String industry) {
		String zone = zone();
		Map<String, Object> charts = new LinkedHashMap<>();
		List<MonthlyPoint> trend = this.statistics.monthlyTrend(zone, year, indicator);
		charts.put("indicator", text("economy.indicator." + indicator));
		charts.put("unit", text("economy.unit." + indicator));
		charts.put("thisYear", text("economy.chart.thisYear", year));
		charts.put("lastYear", text("economy.chart.lastYear", year - 1));
		charts.put("growth", text("economy.col.growth"));
		charts.put("months", trend.stream().map((p) -> text("economy.chart.month", p.month())).toList());
		charts.put("values", trend.stream().map(MonthlyPoint::value).toList());
		charts.put("priorValues", trend.stream().map(MonthlyPoint::priorValue).toList());
		charts.put("growthPct", trend.stream().map(MonthlyPoint::growthPct).toList());
		EconomySummary summary = this.statistics.summary(zone, year, month, groupBy, area, industry).rounded();
		List<Map<String, Object>> groups = new ArrayList<>();
		for (EconomySummary.Group g : summary.groups()) {
			g.indicator(indicator).ifPresent((i) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("name", g.name());
				row.put("growthPct", i.growthPct());
				row.put("pullPoints", i.pullPoints());
				groups.add(row);
			});
		}
		charts.put("groups", groups.stream().limit(12).toList());
		charts.put("pull", text("economy.col.pull"));
		return charts;
	}

	@GetMapping("/economy/export")
	@RouteAccess(permission = "economy:statistics:export", scope = AccessScope.ZONE)
	void exportSummary(@RequestParam int year, @RequestParam int month,
			@RequestParam(defaultValue = "industry") String groupBy, @RequestParam(required = false) String area,
			@RequestParam(required = false) String industry, @RequestParam(defaultValue = "output") String indicator,
			HttpServletResponse response) throws IOException {
		String zone = zone();
		EconomySummary summary = this.statistics.summary(zone, year, month, groupBy, area, industry).rounded();
		List<MonthlyPoint> trend = this.statistics.monthlyTrend(zone, year, indicator);
		List<EnterpriseRank> byGrowth = this.statistics.ranking(zone, year, month, indicator, "growth", 100000);
		List<EnterpriseRank> byContribution = this.statistics.ranking(zone, year, month, indicator, "contribution",
				100000);
		EconomyApiController.excel(response, "economy-" + zone + "-" + year + "-" + month + ".xlsx");
		this.export.summary(summary, indicator, trend, byGrowth, byContribution, response.getOutputStream());
	}

	// ---- 月报收集: completeness, reminders, anomalies

	@GetMapping("/economy/completeness")
	@RouteAccess(permission = "economy:monthly:import", scope = AccessScope.ZONE)
	String completeness(@RequestParam(required = false) String month, Model model) {
		String zone = zone();
		YearMonth ym = (month != null && !month.isBlank()) ? Months.parse(month, "month")
				: Months.current().minusMonths(1);
		model.addAttribute("c", this.collection.completeness(zone, ym));
		model.addAttribute("ym", ym);
		model.addAttribute("anomalies", this.collection.unconfirmed(zone));
		model.addAttribute("corrections", this.corrections.list(zone, "PENDING"));
		model.addAttribute("names", names(zone));
		return "economy/completeness";
	}

	private Map<String, String> names(String zone) {
		Map<String, String> names = new LinkedHashMap<>();
		this.registry.membersOf(zone).forEach((e) -> names.put(e.creditCode(), e.name()));
		return names;
	}

	@PostMapping("/economy/completeness/remind")
	@RouteAccess(permission = "economy:monthly:import", scope = AccessScope.ZONE)
	String remind(@RequestParam String month, RedirectAttributes redirect) {
		int n = this.collection.remind(zone(), Months.parse(month, "month"), null);
		redirect.addFlashAttribute("problemTexts", null);
		redirect.addFlashAttribute("reminded", n);
		return "redirect:/economy/completeness?month=" + month;
	}

	@GetMapping("/economy/completeness/export")
	@RouteAccess(permission = "economy:monthly:import", scope = AccessScope.ZONE)
	void exportCompleteness(@RequestParam String month, HttpServletResponse response) throws IOException {
		MonthlyCollection.Completeness c = this.collection.completeness(zone(), Months.parse(month, "month"));
		EconomyApiController.excel(response, "economy-completeness-" + month + ".xlsx");
		this.export.completeness(c, response.getOutputStream());
	}

	// ---- import of the month's workbook

	@GetMapping("/economy/import")
	@RouteAccess(permission = "economy:monthly:import", scope = AccessScope.ZONE)
	String importPage(@RequestParam(required = false) String month, Model model) {
		YearMonth ym = (month != null && !month.isBlank()) ? Months.parse(month, "month")
				: Months.current().minusMonths(1);
		model.addAttribute("ym", ym);
		model.addAttribute("headers", this.imports.headers());
		return "economy/import";
	}

	@GetMapping("/economy/import/template")
	@RouteAccess(permission = "economy:monthly:import", scope = AccessScope.ZONE)
	void template(@RequestParam String month, HttpServletResponse response) throws IOException {
		YearMonth ym = Months.parse(month, "month");
		EconomyApiController.excel(response, "economy-" + ym + ".xlsx");
		this.imports.writeTemplate(ym, zone(), response.getOutputStream());
	}

	@PostMapping("/economy/import")
	@RouteAccess(permission = "economy:monthly:import", scope = AccessScope.ZONE)
	String startImport(@RequestParam String month, @RequestParam("file") MultipartFile file, Model model)
			throws IOException {
		String zone = zone();
		YearMonth ym = Months.parse(month, "month");
		if (file.isEmpty()) {
			model.addAttribute("job", null);
			model.addAttribute("emptyFile", true);
			return "economy/import :: progress";
		}
		byte[] bytes;
		try (InputStream in = file.getInputStream()) {
			bytes = in.readAllBytes();
		}
		UUID id = this.jobs.start(this.imports.kind(), ImportJobs.ImportFile.of(file.getOriginalFilename(), bytes),
				MonthlyImport.params(ym, zone));
		model.addAttribute("job", this.jobs.find(id).orElseThrow());
		model.addAttribute("ym", ym);
		return "economy/import :: progress";
	}

	@GetMapping("/economy/import/{id}")
	@RouteAccess(permission = "economy:monthly:import", scope = AccessScope.ZONE)
	String importProgress(@PathVariable UUID id, @RequestParam(required = false) String month, Model model) {
		ImportJobs.Job job = this.jobs.find(id).orElseThrow(() -> new NotFoundException("error.import.notFound"));
		model.addAttribute("job", job);
		if (month != null && !month.isBlank()) {
			YearMonth ym = Months.parse(month, "month");
			model.addAttribute("ym", ym);
			if ("DONE".equals(job.status())) {
				// the rows of the month flagged as unusual and not yet confirmed, this
				// import's
				// among them
				model.addAttribute("flagged", this.collection.unconfirmedCount(zone(), ym));
			}
		}
		if ("FAILED".equals(job.status())) {
			model.addAttribute("errors",
					job.errors().stream().map((e) -> new ImportError(e.row(), e.column(), text(e.message()))).toList());
		}
		return "economy/import :: progress";
	}

	// ---- the economy department's plan: zone figures, targets, price indices

	@GetMapping("/economy/plan")
	@RouteAccess(permission = "economy:plan:edit", scope = AccessScope.ZONE)
	String plan(@RequestParam(required = false) Integer year, @RequestParam(required = false) String month,
			Model model) {
		String zone = zone();
		YearMonth ym = (month != null && !month.isBlank()) ? Months.parse(month, "month")
				: Months.current().minusMonths(1);
		int y = (year != null) ? year : ym.getYear();
		model.addAttribute("ym", ym);
		model.addAttribute("year", y);
		model.addAttribute("zoneFigures", this.planning.zoneFigures(zone, ym));
		model.addAttribute("zoneCodes", ZONE_CODES);
		model.addAttribute("targets", this.planning.targets(zone, y));
		model.addAttribute("targetCodes", targetCodes());
		model.addAttribute("priceIndices", this.planning.priceIndices());
		model.addAttribute("zoneFiguresVersion", this.planning.zoneFiguresVersion(zone, ym));
		model.addAttribute("targetsVersion", this.planning.targetsVersion(zone, y));
		model.addAttribute("priceIndex", this.planning.priceIndex(y));
		return "economy/plan";
	}

	private static List<String> targetCodes() {
		List<String> codes = new ArrayList<>(INDICATOR_CODES);
		codes.add(EconomySummary.NEW_ABOVE_SCALE);
		codes.addAll(ZONE_CODES);
		return codes;
	}

	@PostMapping("/economy/plan/zone-figures")
	@RouteAccess(permission = "economy:plan:edit", scope = AccessScope.ZONE)
	String saveZoneFigures(@RequestParam String month, @RequestParam Map<String, String> form,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return planAction(redirect, model, response, form, null, month, "month=" + month, () -> {
			Map<String, BigDecimal> values = new LinkedHashMap<>();
			for (String code : ZONE_CODES) {
				values.put(code, number(form.get(code), code));
			}
			this.planning.putZoneFigures(zone(), month, values, formVersion(form));
		});
	}

	private static Long formVersion(Map<String, String> form) {
		String v = form.get("version");
		if (v == null || v.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(v.trim());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of("version", "error.version.format", io.parkops.platform.Inputs.shorten(v));
		}
	}

	@PostMapping("/economy/plan/targets")
	@RouteAccess(permission = "economy:plan:edit", scope = AccessScope.ZONE)
	String saveTargets(@RequestParam int year, @RequestParam Map<String, String> form, RedirectAttributes redirect,
			Model model, HttpServletResponse response) {
		return planAction(redirect, model, response, form, year, null, "year=" + year, () -> {
			Map<String, EconomyPlanning.TargetSpec> targets = new LinkedHashMap<>();
			for (String code : targetCodes()) {
				String kind = form.getOrDefault("kind." + code, "");
				BigDecimal value = number(form.get("value." + code), code);
				if (kind.isEmpty() || value == null) {
					continue;
				}
				targets.put(code, switch (kind) {
					case "growth" -> new EconomyPlanning.TargetSpec(value, null, null);
					case "count" -> new EconomyPlanning.TargetSpec(null, null, value);
					default -> new EconomyPlanning.TargetSpec(null, value, null);
				});
			}
			this.planning.putTargets(zone(), year, targets, formVersion(form));
		});
	}

	@PostMapping("/economy/plan/price-index")
	@RouteAccess(permission = "economy:plan:edit", scope = AccessScope.GLOBAL)
	String savePriceIndex(@RequestParam int year, @RequestParam Map<String, String> form, RedirectAttributes redirect,
			Model model, HttpServletResponse response) {
		return planAction(redirect, model, response, form, year, null, "year=" + year,
				() -> this.planning.putPriceIndex(year, number(form.get("index"), "index"), formVersion(form)));
	}

	/**
	 * Saves, then shows the plan again: after a save the stored figures; after bad input
	 * or a stale version the page as it was, with the typed values kept ({@code typed})
	 * and what went wrong (a stale save answers 409).
	 */
	private String planAction(RedirectAttributes redirect, Model model, HttpServletResponse response,
			Map<String, String> form, Integer year, String month, String query, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/economy/plan?" + query;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problemTexts", problemTexts(ex));
		}
		catch (io.parkops.platform.ConflictException ex) {
			if (!io.parkops.platform.Versions.isStale(ex)) {
				throw ex;
			}
			io.parkops.platform.Versions.showStale(model, response);
		}
		model.addAttribute("typed", form);
		return plan(year, month, model);
	}

	private List<String> problemTexts(ParkOpsException ex) {
		List<String> texts = new ArrayList<>();
		for (ParkOpsException.FieldProblem p : ex.fieldProblems()) {
			String field = p.field();
			String label = field.contains(".") ? field.substring(field.indexOf('.') + 1) : field;
			String name = this.messages.getMessage("economy.indicator." + label, null, null,
					LocaleContextHolder.getLocale());
			texts.add(((name != null) ? name + ": " : "") + text(p.messageKey(), p.args()));
		}
		return texts;
	}

	private static BigDecimal number(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.trim().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of(field, "error.economy.notANumber", text);
		}
	}

	// ---- 拟入规 and the year's entries and exits

	@GetMapping("/economy/candidates")
	@RouteAccess(permission = "economy:statistics:read", scope = AccessScope.ZONE)
	String candidates(@RequestParam(required = false) String month, Model model) {
		String zone = zone();
		YearMonth ym = (month != null && !month.isBlank()) ? Months.parse(month, "month")
				: this.statistics.defaultMonth(zone).orElse(Months.current().minusMonths(1));
		model.addAttribute("ym", ym);
		model.addAttribute("candidates", this.collection.candidates(zone, ym));
		model.addAttribute("threshold", this.collection.aboveScaleRevenue());
		model.addAttribute("moves", this.collection.scaleMoves(zone, ym));
		return "economy/candidates";
	}

	@GetMapping("/economy/candidates/export")
	@RouteAccess(permission = "economy:statistics:export", scope = AccessScope.ZONE)
	void exportCandidates(@RequestParam String month, HttpServletResponse response) throws IOException {
		YearMonth ym = Months.parse(month, "month");
		EconomyApiController.excel(response, "economy-candidates-" + month + ".xlsx");
		this.export.candidates(month, this.collection.candidates(zone(), ym), response.getOutputStream());
	}

	// ---- an enterprise's monthly form and history

	@GetMapping("/economy/monthly")
	@RouteAccess(permission = "economy:monthly:read", scope = AccessScope.ENTERPRISE)
	String ownMonthly() {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			return "redirect:/economy/monthly/" + me.enterpriseCreditCode();
		}
		return "redirect:/economy/completeness";
	}

	/** The fields of the monthly form, as typed. */
	record MonthlyForm(Map<String, String> values, Map<String, String> priorYear, String note, String reason) {
	}

	@GetMapping("/economy/monthly/{creditCode}")
	@RouteAccess(permission = "economy:monthly:read", scope = AccessScope.ENTERPRISE)
	String monthly(@PathVariable String creditCode, @RequestParam(required = false) String month, Model model) {
		YearMonth ym = (month != null && !month.isBlank()) ? Months.parse(month, "month")
				: Months.current().minusMonths(1);
		MonthlyReporting.MonthlyView view = this.reporting.find(creditCode, ym.toString());
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> prior = new LinkedHashMap<>();
		view.values().forEach((k, v) -> values.put(k, v.toPlainString()));
		view.priorYear().forEach((k, v) -> prior.put(k, v.toPlainString()));
		return monthlyPage(creditCode, ym, view, new MonthlyForm(values, prior, view.note(), null), List.of(), model);
	}

	private String monthlyPage(String creditCode, YearMonth ym, MonthlyReporting.MonthlyView view, MonthlyForm form,
			List<ParkOpsException.FieldProblem> problems, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("ym", ym);
		model.addAttribute("maxMonth", Months.current().toString());
		model.addAttribute("indicatorCodes", INDICATOR_CODES);
		model.addAttribute("history", this.reporting.history(creditCode, 24)
			.stream()
			.map((f) -> new HistoryRow(f.month().toString(), MonthlyFiguresStore.codes(f.values()), f.revision()))
			.toList());
		model.addAttribute("reminders", this.reporting.openReminders(creditCode));
		model.addAttribute("needsApproval", this.reporting.needsApproval(view.creditCode(), ym));
		return "economy/monthly";
	}

	@PostMapping("/economy/corrections/{id}/decision")
	@RouteAccess(permission = "economy:monthly:submit", scope = AccessScope.ZONE)
	String decideCorrection(@PathVariable long id, @RequestParam boolean accept,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			CorrectionRequests.CorrectionRequest r = accept ? this.corrections.accept(id, note)
					: this.corrections.reject(id, note);
			redirect.addFlashAttribute("notice",
					accept ? "economy.correction.accepted" : "economy.correction.rejected");
			return "redirect:/economy/completeness?month=" + r.month();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problemTexts", problemTexts(ex));
			return "redirect:/economy/completeness";
		}
	}

	/** A month of the enterprise's history, figures by indicator code. */
	record HistoryRow(String month, Map<String, BigDecimal> values, int revision) {
	}

	@PostMapping("/economy/monthly/{creditCode}")
	@RouteAccess(permission = "economy:monthly:submit", scope = AccessScope.ENTERPRISE)
	String submit(@PathVariable String creditCode, @RequestParam String month, @RequestParam Map<String, String> fields,
			Model model, RedirectAttributes redirect) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> prior = new LinkedHashMap<>();
		for (String code : INDICATOR_CODES) {
			values.put(code, fields.getOrDefault("values." + code, ""));
			prior.put(code, fields.getOrDefault("priorYear." + code, ""));
		}
		MonthlyForm form = new MonthlyForm(values, prior, fields.get("note"), fields.get("reason"));
		YearMonth ym = Months.parse(month, "month");
		try {
			List<ParkOpsException.FieldProblem> problems = new ArrayList<>();
			Map<String, BigDecimal> parsedValues = parseForm(values, "values", problems);
			Map<String, BigDecimal> parsedPrior = parseForm(prior, "priorYear", problems);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			MonthlyReporting.Submission submission = new MonthlyReporting.Submission(parsedValues, parsedPrior,
					form.note(), form.reason());
			if (this.reporting.needsApproval(creditCode, ym)) {
				CorrectionRequests.CorrectionRequest request = this.corrections.request(creditCode, month, submission);
				redirect.addFlashAttribute("notice", "economy.correction.requested");
				return "redirect:/economy/monthly/" + request.creditCode() + "?month=" + request.month();
			}
			MonthlyReporting.MonthlyView saved = this.reporting.submit(creditCode, month, submission);
			redirect.addFlashAttribute("notice",
					saved.confirmed() ? "economy.monthly.saved" : "economy.monthly.savedWithAnomalies");
			return "redirect:/economy/monthly/" + saved.creditCode() + "?month=" + saved.month();
		}
		catch (InvalidInputException ex) {
			return monthlyPage(creditCode, ym, this.reporting.find(creditCode, ym.toString()), form, ex.fieldProblems(),
					model);
		}
	}

	private static Map<String, BigDecimal> parseForm(Map<String, String> fields, String prefix,
			List<ParkOpsException.FieldProblem> problems) {
		Map<String, BigDecimal> parsed = new LinkedHashMap<>();
		fields.forEach((code, text) -> {
			if (text == null || text.isBlank()) {
				return;
			}
			try {
				parsed.put(code, new BigDecimal(text.trim().replace(",", "")));
			}
			catch (NumberFormatException ex) {
				problems.add(new ParkOpsException.FieldProblem(prefix + "." + code, "error.economy.notANumber", text));
			}
		});
		return parsed;
	}

	@PostMapping("/economy/monthly/{creditCode}/confirm")
	@RouteAccess(permission = "economy:monthly:submit", scope = AccessScope.ENTERPRISE)
	String confirm(@PathVariable String creditCode, @RequestParam String month,
			@RequestParam(required = false) String note, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		try {
			this.reporting.confirm(creditCode, month, note);
			redirect.addFlashAttribute("notice", "economy.monthly.confirmed");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problemTexts", problemTexts(ex));
		}
		if ("completeness".equals(back)) {
			return "redirect:/economy/completeness?month=" + month;
		}
		return "redirect:/economy/monthly/" + creditCode + "?month=" + month;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
