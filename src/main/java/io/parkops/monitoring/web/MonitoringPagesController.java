package io.parkops.monitoring.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.monitoring.internal.MonitoringCommands;
import io.parkops.monitoring.internal.MonitoringExports;
import io.parkops.monitoring.internal.MonitoringPages;
import io.parkops.monitoring.internal.MonitoringPages.AlarmFilter;
import io.parkops.monitoring.internal.MonitoringPages.PointFilter;
import io.parkops.monitoring.internal.MonitoringService;
import io.parkops.monitoring.internal.MonitoringViews.AlarmView;
import io.parkops.monitoring.internal.MonitoringViews.DataPoint;
import io.parkops.monitoring.internal.MonitoringViews.FactorView;
import io.parkops.monitoring.internal.MonitoringViews.Page;
import io.parkops.monitoring.internal.MonitoringViews.PointView;
import io.parkops.platform.AccessScope;
import io.parkops.platform.ConflictException;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ParkOpsException.FieldProblem;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneSelection;
import io.parkops.platform.ZoneTime;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

// Pages of online monitoring (环保在线监测): the points with their latest values, a point's
// charts, alarms and packet health, the alarms with their hazards, the receiver's counts
// and the form registering a point. Staff work in the current zone, an enterprise user
// sees its own points.
@Controller
class MonitoringPagesController {

	static final String MN = MonitoringApiController.MN;

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final int FACTOR_ROWS = 8;

	private final MonitoringService monitoring;

	private final MonitoringPages pages;

	private final MonitoringExports exports;

	private final EnterpriseRegistry enterprises;

	private final ZoneSelection zones;

	private final ZoneTime zoneTime;

	private final MessageSource messages;

	private final MonitoringText text;

	MonitoringPagesController(MonitoringService monitoring, MonitoringPages pages, MonitoringExports exports,
			EnterpriseRegistry enterprises, ZoneSelection zones, ZoneTime zoneTime, MessageSource messages,
			MonitoringText text) {
		this.monitoring = monitoring;
		this.text = text;
		this.pages = pages;
		this.exports = exports;
		this.enterprises = enterprises;
		this.zones = zones;
		this.zoneTime = zoneTime;
		this.messages = messages;
	}

	// The current zone of a staff user; null for an enterprise user (its enterprise's).
	private String zone() {
		return CurrentUser.get().isEnterpriseUser() ? null : this.zones.current();
	}

	private boolean noScope() {
		return !CurrentUser.get().isEnterpriseUser() && this.zones.current() == null;
	}

	static int pages(long total, int size) {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	static int size(int size) {
		return Math.min(Math.max(size, 10), 100);
	}

	// The path with the given names and values as its query, the empty ones left out.
	static String query(String path, String... namesAndValues) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			String v = namesAndValues[i + 1];
			if (v != null && !v.isBlank()) {
				b.queryParam(namesAndValues[i], v);
			}
		}
		return b.build().encode().toUriString();
	}

	// A list page's model: the filter, one page of items (none for staff without a zone),
	// paging and the zone's enterprises for the filter.
	private <T> void list(Model model, Object filter, int page, int size,
			java.util.function.BiFunction<Integer, Integer, Page<T>> query) {
		int pageSize = size(size);
		int p = Math.max(page, 0);
		Page<T> result = noScope() ? new Page<>(List.of(), 0) : query.apply(p, pageSize);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", p);
		model.addAttribute("size", pageSize);
		model.addAttribute("pages", pages(result.total(), pageSize));
		model.addAttribute("f", filter);
		zoneEnterprises(model);
	}

	private static void attachment(HttpServletResponse response, String filename) {
		response.setContentType(XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
	}

	private void zoneEnterprises(Model model) {
		String zone = zone();
		model.addAttribute("zoneEnterprises", (zone != null) ? this.enterprises.ofZone(zone) : List.of());
	}

	// ---- points

	@GetMapping("/monitoring/points")
	@RouteAccess(permission = "monitoring:point:read", scope = AccessScope.ENTERPRISE)
	String points(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String enterprise, @RequestParam(required = false) String online,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
		PointFilter filter = new PointFilter(q, kind, enterprise, online);
		list(model, filter, page, size, (p, n) -> this.pages.points(zone(), filter, p, n));
		model.addAttribute("kinds", MonitoringService.Kind.values());
		model.addAttribute("exportQuery",
				query("/monitoring/points/export", "q", q, "kind", kind, "enterprise", enterprise, "online", online));
		return "monitoring/points";
	}

	@GetMapping("/monitoring/points/export")
	@RouteAccess(permission = "monitoring:point:read", scope = AccessScope.ENTERPRISE)
	void exportPoints(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String enterprise, @RequestParam(required = false) String online,
			HttpServletResponse response) throws IOException {
		PointFilter filter = new PointFilter(q, kind, enterprise, online);
		this.pages.points(zone(), filter, 0, 1);
		attachment(response, "monitoring-points.xlsx");
		this.exports.points(zone(), filter, response.getOutputStream());
	}

	// The form's fields: the point and up to FACTOR_ROWS factors (blank rows are left
	// out); version only when editing.
	record PointForm(String enterpriseCreditCode, String mn, String name, String kind, String location, String password,
			String sm4Key, String longitude, String latitude, Long version, List<String> factorCode,
			List<String> factorName, List<String> factorUnit, List<String> factorLimit, List<String> factorWarning) {

		static PointForm empty() {
			return new PointForm("", "", "", "WATER", "", "", "", "", "", null, List.of(), List.of(), List.of(),
					List.of(), List.of());
		}

		// The point as it is, for its edit form (the password and key left empty: they
		// are
		// never shown).
		static PointForm of(PointView p) {
			List<String> codes = new ArrayList<>();
			List<String> names = new ArrayList<>();
			List<String> units = new ArrayList<>();
			List<String> limits = new ArrayList<>();
			List<String> warnings = new ArrayList<>();
			for (FactorView f : p.factors()) {
				codes.add(f.code());
				names.add(f.name());
				units.add(f.unit());
				limits.add(plain(f.limit()));
				warnings.add(plain(f.warning()));
			}
			return new PointForm(p.enterpriseCreditCode(), p.mn(), p.name(), p.kind(),
					(p.location() != null) ? p.location() : "", "", "", plain(p.longitude()), plain(p.latitude()),
					p.version(), codes, names, units, limits, warnings);
		}

		static String plain(BigDecimal v) {
			return (v != null) ? v.stripTrailingZeros().toPlainString() : "";
		}

		static String at(List<String> values, int i) {
			return (values != null && i < values.size() && values.get(i) != null) ? values.get(i).trim() : "";
		}

		// The factor rows of the form, always FACTOR_ROWS of them for the page.
		List<List<String>> rows() {
			List<List<String>> rows = new ArrayList<>();
			for (int i = 0; i < FACTOR_ROWS; i++) {
				rows.add(List.of(at(this.factorCode, i), at(this.factorName, i), at(this.factorUnit, i),
						at(this.factorLimit, i), at(this.factorWarning, i)));
			}
			return rows;
		}

	}

	@GetMapping("/monitoring/points/new")
	@RouteAccess(permission = "monitoring:point:edit", scope = AccessScope.ZONE, enterpriseUsers = false)
	String newPoint(Model model) {
		return pointForm(model, PointForm.empty(), List.of(), null);
	}

	// A problem of a factor row (1-based, as the form shows it).
	record FactorProblem(int row, String messageKey, Object[] args) {
	}

	// The form page, new (editing null) or for the point being edited.
	private String pointForm(Model model, PointForm form, List<FieldProblem> problems, PointView editing) {
		List<FieldProblem> pointProblems = new ArrayList<>();
		List<FactorProblem> factorProblems = new ArrayList<>();
		java.util.regex.Pattern row = java.util.regex.Pattern.compile("factors\\[(\\d+)\\].*");
		for (FieldProblem p : problems) {
			java.util.regex.Matcher m = row.matcher(p.field());
			if (m.matches()) {
				factorProblems.add(new FactorProblem(Integer.parseInt(m.group(1)) + 1, p.messageKey(), p.args()));
			}
			else {
				pointProblems.add(p);
			}
		}
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("factorRows", form.rows());
		model.addAttribute("problems", pointProblems);
		model.addAttribute("factorProblems", factorProblems);
		model.addAttribute("kinds", MonitoringService.Kind.values());
		zoneEnterprises(model);
		return "monitoring/point-form";
	}

	// The filled factor rows as the service takes them, and the form's row of each.
	private record FactorRows(List<MonitoringCommands.FactorInput> factors, List<Integer> rowOf) {

		// The service numbers the filled rows; the form shows every row.
		List<FieldProblem> problems(InvalidInputException ex, Inputs in) {
			List<FieldProblem> problems = new ArrayList<>();
			java.util.regex.Pattern filled = java.util.regex.Pattern.compile("factors\\[(\\d+)\\](.*)");
			for (FieldProblem p : ex.fieldProblems()) {
				java.util.regex.Matcher m = filled.matcher(p.field());
				boolean ours = in.has(p.field());
				if (m.matches() && !ours && Integer.parseInt(m.group(1)) < this.rowOf.size()) {
					problems.add(new FieldProblem(
							"factors[" + this.rowOf.get(Integer.parseInt(m.group(1))) + "]" + m.group(2),
							p.messageKey(), p.args()));
				}
				else {
					problems.add(p);
				}
			}
			return problems;
		}

	}

	private static FactorRows factorRows(Inputs in, PointForm form) {
		List<MonitoringCommands.FactorInput> factors = new ArrayList<>();
		List<Integer> rowOf = new ArrayList<>();
		List<List<String>> rows = form.rows();
		for (int i = 0; i < rows.size(); i++) {
			List<String> r = rows.get(i);
			if (r.stream().allMatch(String::isEmpty)) {
				continue;
			}
			rowOf.add(i);
			String field = "factors[" + i + "]";
			factors.add(new MonitoringCommands.FactorInput(r.get(0), r.get(1), r.get(2),
					decimal(in, r.get(3), field + ".limit"), decimal(in, r.get(4), field + ".warning")));
		}
		return new FactorRows(factors, rowOf);
	}

	@PostMapping("/monitoring/points")
	@RouteAccess(permission = "monitoring:point:edit", scope = AccessScope.ZONE, enterpriseUsers = false)
	String savePoint(PointForm form, Model model, RedirectAttributes redirect) {
		Inputs in = new Inputs();
		FactorRows rows = factorRows(in, form);
		BigDecimal longitude = decimal(in, form.longitude(), "longitude");
		BigDecimal latitude = decimal(in, form.latitude(), "latitude");
		try {
			in.check();
			PointView saved = this.monitoring.registerPoint(new MonitoringCommands.RegisterPoint(this.zones.current(),
					form.enterpriseCreditCode(), form.mn(), form.name(), form.kind(), form.location(), form.password(),
					Inputs.trim(form.sm4Key()), rows.factors(), longitude, latitude));
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/monitoring/points/" + saved.mn();
		}
		catch (InvalidInputException ex) {
			return pointForm(model, form, rows.problems(ex, in), null);
		}
		catch (ConflictException ex) {
			return pointForm(model, form, List.of(new FieldProblem("mn", ex.messageKey(), ex.args())), null);
		}
	}

	@GetMapping("/monitoring/points/" + MN + "/edit")
	@RouteAccess(permission = "monitoring:point:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	String editPoint(@PathVariable String mn, Model model) {
		PointView p = this.monitoring.point(mn);
		return pointForm(model, PointForm.of(p), List.of(), p);
	}

	// Saves the edit form: the point's fields and factors (as PUT …/points/{mn}), then a
	// new SM4 key when one was typed (as PUT …/sm4-key).
	@PostMapping("/monitoring/points/" + MN + "/edit")
	@RouteAccess(permission = "monitoring:point:edit", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	String updatePoint(@PathVariable String mn, PointForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		PointView p = this.monitoring.point(mn);
		Inputs in = new Inputs();
		FactorRows rows = factorRows(in, form);
		BigDecimal longitude = decimal(in, form.longitude(), "longitude");
		BigDecimal latitude = decimal(in, form.latitude(), "latitude");
		String key = Inputs.trim(form.sm4Key());
		if (key != null && !key.matches("[0-9A-Fa-f]{32}")) {
			in.problem("sm4Key", "error.monitoring.sm4Key");
		}
		try {
			in.check();
			this.monitoring.updatePoint(mn, new MonitoringCommands.UpdatePoint(form.version(), form.name(), form.kind(),
					form.location(), form.password(), rows.factors(), longitude, latitude), null);
			if (key != null) {
				this.monitoring.rotateKey(mn, new MonitoringCommands.RotateKey(key));
			}
			redirect.addFlashAttribute("notice", "notice.saved");
			return "redirect:/monitoring/points/" + mn;
		}
		catch (InvalidInputException ex) {
			return pointForm(model, form, rows.problems(ex, in), p);
		}
		catch (ConflictException ex) {
			if (!Versions.isStale(ex)) {
				throw ex;
			}
			Versions.showStale(model, response);
			return pointForm(model, form, List.of(), p);
		}
	}

	private static BigDecimal decimal(Inputs in, String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			in.problem(field, "error.badValue");
			return null;
		}
	}

	// Chart intervals of a point's page: what they show and over how many days.
	enum Chart {

		RAW(1), MINUTE(1), HOUR(30), DAY(365);

		final int days;

		Chart(int days) {
			this.days = days;
		}

	}

	@GetMapping("/monitoring/points/" + MN)
	@RouteAccess(permission = "monitoring:point:read", scope = AccessScope.ENTERPRISE)
	String point(@PathVariable String mn, @RequestParam(required = false) String interval, Model model) {
		PointView p = this.monitoring.point(mn);
		Chart chart = chart(interval);
		model.addAttribute("p", p);
		model.addAttribute("chart", chart);
		model.addAttribute("charts", Chart.values());
		model.addAttribute("alarms",
				this.pages.alarms(p.zoneCode(), new AlarmFilter(null, null, null, p.mn(), null, null, false), 0, 20));
		model.addAttribute("health", this.monitoring.health(p.mn()));
		CurrentUser me = CurrentUser.get();
		// the SM4 key's dates (never the key) for those who may rotate it
		model.addAttribute("keys", (!me.isEnterpriseUser() && me.has("monitoring:point:edit"))
				? this.monitoring.keyHistory(p.mn()) : List.of());
		return "monitoring/point";
	}

	private static Chart chart(String interval) {
		Inputs in = new Inputs();
		Chart chart = in.choice(Chart.class, interval, "interval", false);
		in.check();
		return (chart != null) ? chart : Chart.RAW;
	}

	// A factor's series (the first factor's without one) for the point page's chart:
	// [time, value] pairs with the factor's name, unit, limit and warning level.
	@GetMapping("/monitoring/points/" + MN + "/series.json")
	@RouteAccess(permission = "monitoring:point:read", scope = AccessScope.ENTERPRISE)
	@ResponseBody
	Map<String, Object> series(@PathVariable String mn, @RequestParam(required = false) String factor,
			@RequestParam(required = false) String interval) {
		PointView p = this.monitoring.point(mn);
		Chart chart = chart(interval);
		FactorView f = p.factors()
			.stream()
			.filter((x) -> factor == null || x.code().equals(factor))
			.findFirst()
			.orElseThrow(
					() -> InvalidInputException.of("factor", "error.monitoring.factorUnknown", Inputs.shorten(factor)));
		LocalDateTime to = LocalDateTime.now(this.zoneTime.zoneId()).plusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
		LocalDateTime from = (chart == Chart.DAY || chart == Chart.HOUR)
				? to.toLocalDate().plusDays(1).minusDays(chart.days).atStartOfDay() : to.minusDays(chart.days);
		List<DataPoint> items = this.monitoring.data(mn, f.code(), from.toString(), to.toString(), chart.name())
			.items();
		List<Object[]> values = new ArrayList<>(items.size());
		for (DataPoint d : items) {
			values.add(new Object[] { d.time(), d.value() });
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("name", this.text.factor(f.code(), f.name()));
		answer.put("unit", this.text.unit(f.unit()));
		answer.put("limit", f.limit());
		answer.put("warning", f.warning());
		answer.put("values", values);
		return answer;
	}

	// ---- map

	@GetMapping("/monitoring/map")
	@RouteAccess(permission = "monitoring:point:read", scope = AccessScope.ENTERPRISE)
	String map() {
		return "monitoring/map";
	}

	// The points of the zone (an enterprise user: its own) that have coordinates, each
	// with
	// its status (ONLINE, OFFLINE, EXCEEDING) for the map's colour, how many have none,
	// and
	// the labels in the reader's language.
	@GetMapping(value = "/monitoring/map/data.json", produces = "application/json")
	@RouteAccess(permission = "monitoring:point:read", scope = AccessScope.ENTERPRISE)
	@ResponseBody
	Map<String, Object> mapData() {
		List<PointView> all = noScope() ? List.of()
				: this.pages.points(zone(), new PointFilter(null, null, null, null), 0, 5000).items();
		List<Map<String, Object>> placed = new ArrayList<>();
		int unplaced = 0;
		for (PointView p : all) {
			if (p.longitude() == null || p.latitude() == null) {
				unplaced++;
				continue;
			}
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("mn", p.mn());
			m.put("name", p.name());
			m.put("enterprise", p.enterpriseName());
			m.put("kind", text("monitoring.kind." + p.kind()));
			m.put("status", p.status());
			m.put("openAlarms", p.openAlarms());
			m.put("longitude", p.longitude());
			m.put("latitude", p.latitude());
			placed.add(m);
		}
		Map<String, String> labels = new LinkedHashMap<>();
		for (String status : List.of("ONLINE", "OFFLINE", "EXCEEDING")) {
			labels.put(status, text("monitoring.status." + status));
		}
		labels.put("openAlarms", text("monitoring.field.openAlarms"));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("points", placed);
		answer.put("unplaced", unplaced);
		answer.put("unplacedText", (unplaced > 0) ? text("monitoring.map.unplaced", unplaced) : null);
		answer.put("labels", labels);
		return answer;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	// ---- alarms

	@GetMapping("/monitoring/alarms")
	@RouteAccess(permission = "monitoring:alarm:read", scope = AccessScope.ENTERPRISE)
	String alarms(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
			@RequestParam(required = false) String enterprise, @RequestParam(required = false) String mn,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Boolean unhandled, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Model model) {
		AlarmFilter filter = new AlarmFilter(kind, status, enterprise, mn, from, to, Boolean.TRUE.equals(unhandled));
		list(model, filter, page, size, (p, n) -> this.pages.alarms(zone(), filter, p, n));
		model.addAttribute("alarmKinds", MonitoringService.AlarmKind.values());
		model.addAttribute("statuses", MonitoringService.AlarmStatus.values());
		model.addAttribute("points", noScope() ? List.of() : this.pages.pointChoices(zone()));
		model.addAttribute("exportQuery",
				query("/monitoring/alarms/export", "kind", kind, "status", status, "enterprise", enterprise, "mn", mn,
						"from", from, "to", to, "unhandled", Boolean.TRUE.equals(unhandled) ? "true" : null));
		return "monitoring/alarms";
	}

	@GetMapping("/monitoring/alarms/export")
	@RouteAccess(permission = "monitoring:alarm:read", scope = AccessScope.ENTERPRISE)
	void exportAlarms(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
			@RequestParam(required = false) String enterprise, @RequestParam(required = false) String mn,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Boolean unhandled, HttpServletResponse response) throws IOException {
		AlarmFilter filter = new AlarmFilter(kind, status, enterprise, mn, from, to, Boolean.TRUE.equals(unhandled));
		this.pages.alarms(zone(), filter, 0, 1);
		attachment(response, "monitoring-alarms.xlsx");
		this.exports.alarms(zone(), filter, response.getOutputStream());
	}

	@GetMapping("/monitoring/alarms/{id:\\d+}")
	@RouteAccess(permission = "monitoring:alarm:read", scope = AccessScope.ENTERPRISE)
	String alarm(@PathVariable long id, Model model) {
		AlarmView a = this.monitoring.alarm(id);
		model.addAttribute("a", a);
		return "monitoring/alarm";
	}

	@PostMapping("/monitoring/alarms/{id:\\d+}/hazard")
	@RouteAccess(permission = "monitoring:alarm:handle", scope = AccessScope.ENTERPRISE, enterpriseUsers = false)
	String toHazard(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.monitoring.toHazard(id);
			redirect.addFlashAttribute("notice", "monitoring.alarm.hazardCreated");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problemTexts", List.of(this.messages.getMessage(ex.messageKey(), ex.args(),
					ex.messageKey(), LocaleContextHolder.getLocale())));
		}
		return "redirect:/monitoring/alarms/" + id;
	}

	// ---- receiver

	@GetMapping("/monitoring/receiver")
	@RouteAccess(permission = "monitoring:receiver:read", scope = AccessScope.GLOBAL)
	String receiver(Model model) {
		model.addAttribute("r", this.monitoring.receiver());
		return "monitoring/receiver";
	}

}
