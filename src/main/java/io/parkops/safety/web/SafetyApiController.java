package io.parkops.safety.web;

import io.parkops.platform.RouteAccess;
import io.parkops.platform.AccessScope;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.parkops.platform.InvalidInputException;
import io.parkops.safety.MonthlyHazards;
import io.parkops.safety.SafetyStatistics;
import io.parkops.safety.SafetySummary;
import io.parkops.safety.internal.CaseService;
import io.parkops.safety.internal.HazardFilter;
import io.parkops.safety.internal.HazardService;
import io.parkops.safety.internal.Inputs;
import io.parkops.safety.internal.NoticeService;
import io.parkops.safety.internal.OverdueJob;
import io.parkops.safety.internal.PhotoService;
import io.parkops.safety.internal.SafetyCommands;
import io.parkops.safety.internal.SafetyExports;
import io.parkops.safety.internal.SafetyViews.ComplaintView;
import io.parkops.safety.internal.SafetyViews.DutyView;
import io.parkops.safety.internal.SafetyViews.HazardStep;
import io.parkops.safety.internal.SafetyViews.HazardView;
import io.parkops.safety.internal.SafetyViews.InspectionView;
import io.parkops.safety.internal.SafetyViews.NoticeView;
import io.parkops.safety.internal.SafetyViews.Page;
import io.parkops.safety.internal.SafetyViews.PatrolView;
import io.parkops.safety.internal.SafetyViews.PenaltyView;
import io.parkops.safety.internal.SafetyViews.PhotoInfo;
import io.parkops.safety.internal.SafetyViews.PlanView;
import io.parkops.safety.internal.SafetyViews;
import io.parkops.safety.internal.StatisticsQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of safety and environment supervision (安全环保).
 */
@RestController
@RequestMapping("/api/v1/safety")
@Tag(name = "safety", description = "安全环保：检查、隐患、通知书、处罚、信访、巡查、值班 / safety and environment")
class SafetyApiController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final HazardService hazards;

	private final PhotoService photos;

	private final NoticeService notices;

	private final CaseService cases;

	private final SafetyStatistics statistics;

	private final StatisticsQueries queries;

	private final SafetyExports exports;

	private final OverdueJob overdue;

	SafetyApiController(HazardService hazards, PhotoService photos, NoticeService notices, CaseService cases,
			SafetyStatistics statistics, StatisticsQueries queries, SafetyExports exports, OverdueJob overdue) {
		this.hazards = hazards;
		this.photos = photos;
		this.notices = notices;
		this.cases = cases;
		this.statistics = statistics;
		this.queries = queries;
		this.exports = exports;
		this.overdue = overdue;
	}

	// ---- inspections

	@PostMapping("/inspections")
	@RouteAccess(permission = "safety:inspection:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record an inspection with the enterprises visited")
	ResponseEntity<InspectionView> recordInspection(@RequestBody SafetyCommands.RecordInspection request) {
		InspectionView saved = this.hazards.recordInspection(request);
		return ResponseEntity.created(URI.create("/api/v1/safety/inspections/" + saved.id())).body(saved);
	}

	@GetMapping("/inspections")
	@RouteAccess(permission = "safety:inspection:read", scope = AccessScope.ZONE)
	@Operation(summary = "Inspections within the caller's scope, newest first")
	Page<InspectionView> inspections(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.hazards.inspections(Inputs.trim(zone), Inputs.trim(kind), from, to, Math.max(page, 0), size(size));
	}

	@GetMapping("/inspections/{id:\\d+}")
	@RouteAccess(permission = "safety:inspection:read", scope = AccessScope.ZONE)
	@Operation(summary = "One inspection")
	InspectionView inspection(@PathVariable long id) {
		return this.hazards.inspection(id);
	}

	@PostMapping(value = "/inspections/{id:\\d+}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RouteAccess(permission = "safety:inspection:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Add a photo (JPEG, PNG or WebP) to an inspection")
	ResponseEntity<PhotoInfo> inspectionPhoto(@PathVariable long id, @RequestPart("file") MultipartFile file)
			throws IOException {
		PhotoInfo info = this.photos.add(PhotoService.Owner.INSPECTION, id, "FOUND", file.getBytes(),
				file.getOriginalFilename());
		return ResponseEntity.created(URI.create("/api/v1/safety/photos/" + info.id())).body(info);
	}

	// ---- hazards

	@PostMapping("/hazards")
	@RouteAccess(permission = "safety:hazard:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Record a hazard; it starts as PENDING (待整改)")
	ResponseEntity<HazardView> recordHazard(@RequestBody SafetyCommands.RecordHazard request) {
		HazardView saved = this.hazards.recordHazard(request);
		return ResponseEntity.created(URI.create("/api/v1/safety/hazards/" + saved.id())).body(saved);
	}

	@GetMapping("/hazards")
	@RouteAccess(permission = "safety:hazard:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Hazards within the caller's scope; enterprise users see only their own")
	Page<HazardView> hazards(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String enterprise, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean dueSoon,
			@RequestParam(required = false) String level, @RequestParam(required = false) String category,
			@RequestParam(required = false) Long inspection, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.hazards
			.hazards(filter(zone, enterprise, status, overdue, dueSoon, level, category, inspection, q, page, size));
	}

	static HazardFilter filter(String zone, String enterprise, String status, Boolean overdue, Boolean dueSoon,
			String level, String category, Long inspection, String q, int page, int size) {
		String s = Inputs.trim(status);
		if (s != null) {
			try {
				s = io.parkops.safety.internal.Kinds.HazardStatus.valueOf(s.toUpperCase(java.util.Locale.ROOT)).name();
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.of("status", "error.safety.unknownValue", status);
			}
		}
		String e = Inputs.trim(enterprise);
		return new HazardFilter(Inputs.trim(zone), (e != null) ? e.toUpperCase(java.util.Locale.ROOT) : null, s,
				overdue, dueSoon, Inputs.trim(level), Inputs.trim(category), inspection, Inputs.trim(q),
				Math.max(page, 0), size(size));
	}

	@GetMapping(value = "/inspections/export", produces = XLSX)
	@RouteAccess(permission = "safety:data:export", scope = AccessScope.ZONE)
	@Operation(summary = "Export the filtered inspections as .xlsx (the filters of the page)")
	void exportInspections(@RequestParam(required = false) String zone, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		attachment(response, XLSX, "inspections.xlsx");
		this.exports.inspections(Inputs.trim(zone), Inputs.trim(kind), from, to, response.getOutputStream());
	}

	@GetMapping(value = "/notices/export", produces = XLSX)
	@RouteAccess(permission = "safety:data:export", scope = AccessScope.ZONE)
	@Operation(summary = "Export the notices as .xlsx")
	void exportNotices(@RequestParam(required = false) String zone, HttpServletResponse response) throws IOException {
		attachment(response, XLSX, "notices.xlsx");
		this.exports.notices(Inputs.trim(zone), response.getOutputStream());
	}

	@GetMapping(value = "/penalties/export", produces = XLSX)
	@RouteAccess(permission = "safety:data:export", scope = AccessScope.ZONE)
	@Operation(summary = "Export the penalties as .xlsx")
	void exportPenalties(@RequestParam(required = false) String zone, HttpServletResponse response) throws IOException {
		attachment(response, XLSX, "penalties.xlsx");
		this.exports.penalties(Inputs.trim(zone), response.getOutputStream());
	}

	@GetMapping(value = "/complaints/export", produces = XLSX)
	@RouteAccess(permission = "safety:data:export", scope = AccessScope.ZONE)
	@Operation(summary = "Export the complaints as .xlsx (filtered by status like the page)")
	void exportComplaints(@RequestParam(required = false) String zone, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		attachment(response, XLSX, "complaints.xlsx");
		this.exports.complaints(Inputs.trim(zone), Inputs.trim(status), response.getOutputStream());
	}

	@GetMapping(value = "/patrols/export", produces = XLSX)
	@RouteAccess(permission = "safety:data:export", scope = AccessScope.ZONE)
	@Operation(summary = "Export the patrol log as .xlsx (from, to like the page)")
	void exportPatrols(@RequestParam(required = false) String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		LocalDate end = (to != null) ? to : Inputs.today();
		attachment(response, XLSX, "patrols.xlsx");
		this.exports.patrols(Inputs.trim(zone), (from != null) ? from : end.minusDays(30), end,
				response.getOutputStream());
	}

	@GetMapping(value = "/hazards/export", produces = XLSX)
	@RouteAccess(permission = "safety:data:export", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Export the filtered hazard list as .xlsx")
	void exportHazards(@RequestParam(required = false) String zone, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean dueSoon, @RequestParam(required = false) String level,
			@RequestParam(required = false) String category, @RequestParam(required = false) String q,
			HttpServletResponse response) throws IOException {
		attachment(response, XLSX, "hazards.xlsx");
		this.exports.hazards(filter(zone, enterprise, status, overdue, dueSoon, level, category, null, q, 0, 1),
				response.getOutputStream());
	}

	@GetMapping("/hazards/{id:\\d+}")
	@RouteAccess(permission = "safety:hazard:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One hazard")
	HazardView hazard(@PathVariable long id) {
		return this.hazards.hazard(id);
	}

	@GetMapping("/hazards/{id:\\d+}/steps")
	@RouteAccess(permission = "safety:hazard:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Every step of a hazard: who, when, what")
	List<HazardStep> steps(@PathVariable long id) {
		return this.hazards.steps(id);
	}

	@PostMapping("/hazards/{id:\\d+}/start")
	@RouteAccess(permission = "safety:hazard:rectify", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Start rectifying: PENDING → RECTIFYING")
	HazardView start(@PathVariable long id, @RequestBody SafetyCommands.StartRectification request) {
		return this.hazards.startRectification(id, request);
	}

	@PostMapping("/hazards/{id:\\d+}/rectification")
	@RouteAccess(permission = "safety:hazard:rectify", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Report rectification: PENDING or RECTIFYING → AWAITING_ACCEPTANCE; otherwise 409")
	HazardView rectify(@PathVariable long id, @RequestBody SafetyCommands.ReportRectification request) {
		return this.hazards.reportRectification(id, request);
	}

	@PostMapping("/hazards/{id:\\d+}/acceptance")
	@RouteAccess(permission = "safety:hazard:accept", scope = AccessScope.ENTERPRISE)
	@Operation(
			summary = "Review acceptance: AWAITING_ACCEPTANCE → ACCEPTED, or RECTIFYING when not passed; otherwise 409")
	HazardView accept(@PathVariable long id, @RequestBody SafetyCommands.ReviewAcceptance request) {
		return this.hazards.reviewAcceptance(id, request);
	}

	@GetMapping("/hazards/{id:\\d+}/plan")
	@RouteAccess(permission = "safety:hazard:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The remediation plan (治理方案) of a major hazard")
	ResponseEntity<PlanView> plan(@PathVariable long id) {
		PlanView plan = this.hazards.plan(id);
		return (plan != null) ? ResponseEntity.ok(plan) : ResponseEntity.noContent().build();
	}

	@PutMapping("/hazards/{id:\\d+}/plan")
	@RouteAccess(permission = "safety:hazard:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Set the remediation plan (治理方案) of a major hazard")
	PlanView savePlan(@PathVariable long id, @RequestBody SafetyCommands.RemediationPlan request) {
		return this.hazards.savePlan(id, request);
	}

	@PostMapping(value = "/hazards/{id:\\d+}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RouteAccess(permission = { "safety:hazard:rectify", "safety:hazard:edit" }, scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Add a photo (JPEG, PNG or WebP, at most 5 MB); stage FOUND, RECTIFICATION or ACCEPTANCE")
	ResponseEntity<PhotoInfo> hazardPhoto(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "FOUND") String stage) throws IOException {
		PhotoInfo info = this.photos.add(PhotoService.Owner.HAZARD, id, stage, file.getBytes(),
				file.getOriginalFilename());
		return ResponseEntity.created(URI.create("/api/v1/safety/photos/" + info.id())).body(info);
	}

	@GetMapping("/hazards/{id:\\d+}/photos")
	@RouteAccess(permission = "safety:hazard:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The photos of a hazard")
	List<PhotoInfo> hazardPhotos(@PathVariable long id) {
		this.hazards.hazard(id);
		return this.photos.of(PhotoService.Owner.HAZARD, id);
	}

	@GetMapping("/photos/{id}")
	@RouteAccess(permission = { "safety:hazard:read", "safety:inspection:read" }, scope = AccessScope.ENTERPRISE)
	@Operation(summary = "A photo's image, if the caller may see what it belongs to")
	ResponseEntity<byte[]> photo(@PathVariable long id) {
		return image(this.photos.photo(id));
	}

	static ResponseEntity<byte[]> image(SafetyViews.Photo photo) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.info().contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.bytes());
	}

	@PostMapping("/overdue-marking")
	@RouteAccess(permission = "safety:hazard:accept", scope = AccessScope.GLOBAL)
	@Operation(summary = "Run the daily overdue marking now (it also runs every night): every zone's hazards past "
			+ "their deadline are marked, as the nightly job would; it answers only the count")
	Map<String, Integer> markOverdue() {
		return Map.of("marked", this.overdue.run(Inputs.today()));
	}

	// ---- notices

	@PostMapping("/notices")
	@RouteAccess(permission = "safety:notice:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Issue a notice for hazards of one enterprise; numbered per zone and year")
	ResponseEntity<NoticeView> issueNotice(@RequestBody SafetyCommands.IssueNotice request) {
		NoticeView saved = this.notices.issue(request);
		return ResponseEntity.created(URI.create("/api/v1/safety/notices/" + saved.id())).body(saved);
	}

	@GetMapping("/notices")
	@RouteAccess(permission = "safety:notice:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Notices within the caller's scope")
	Page<NoticeView> notices(@RequestParam(required = false) String zone, @RequestParam(required = false) Long hazard,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.notices.notices(Inputs.trim(zone), hazard, Math.max(page, 0), size(size));
	}

	@GetMapping("/notices/{id:\\d+}")
	@RouteAccess(permission = "safety:notice:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One notice")
	NoticeView notice(@PathVariable long id) {
		return this.notices.notice(id);
	}

	@GetMapping("/notices/{id:\\d+}/docx")
	@RouteAccess(permission = "safety:notice:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The notice as a Word document in the official layout (GB/T 9704-2012)")
	void noticeDocument(@PathVariable long id, HttpServletResponse response) throws IOException {
		NoticeView notice = this.notices.notice(id);
		attachment(response, DOCX, "notice-" + notice.year() + "-" + notice.seq() + ".docx");
		this.notices.writeDocument(id, response.getOutputStream());
	}

	// ---- penalties

	@PostMapping("/penalties")
	@RouteAccess(permission = "safety:penalty:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Record a penalty decision; amount in 万元")
	ResponseEntity<PenaltyView> recordPenalty(@RequestBody SafetyCommands.RecordPenalty request) {
		PenaltyView saved = this.cases.recordPenalty(request);
		return ResponseEntity.created(URI.create("/api/v1/safety/penalties/" + saved.id())).body(saved);
	}

	@GetMapping("/penalties")
	@RouteAccess(permission = "safety:penalty:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Penalties within the caller's scope")
	Page<PenaltyView> penalties(@RequestParam(required = false) String zone, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.cases.penalties(Inputs.trim(zone), Math.max(page, 0), size(size));
	}

	// ---- complaints

	@PostMapping("/complaints")
	@RouteAccess(permission = "safety:complaint:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Receive a complaint (信访件); the deadline defaults to 15 days")
	ResponseEntity<ComplaintView> receiveComplaint(@RequestBody SafetyCommands.ReceiveComplaint request) {
		ComplaintView saved = this.cases.receiveComplaint(request);
		return ResponseEntity.created(URI.create("/api/v1/safety/complaints/" + saved.id())).body(saved);
	}

	@GetMapping("/complaints")
	@RouteAccess(permission = "safety:complaint:read", scope = AccessScope.ZONE)
	@Operation(summary = "Complaints within the caller's scope")
	Page<ComplaintView> complaints(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.cases.complaints(Inputs.trim(zone), Inputs.trim(status), Math.max(page, 0), size(size));
	}

	@GetMapping("/complaints/{id:\\d+}")
	@RouteAccess(permission = "safety:complaint:read", scope = AccessScope.ZONE)
	@Operation(summary = "One complaint")
	ComplaintView complaint(@PathVariable long id) {
		return this.cases.complaint(id);
	}

	@PostMapping("/complaints/{id:\\d+}/handling")
	@RouteAccess(permission = "safety:complaint:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Start handling: RECEIVED → HANDLING; body {\"on\",\"text\"}")
	ComplaintView handle(@PathVariable long id, @RequestBody SafetyCommands.ComplaintStep request) {
		return this.cases.handleComplaint(id, request);
	}

	@PostMapping("/complaints/{id:\\d+}/answer")
	@RouteAccess(permission = "safety:complaint:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Answer the complainant: RECEIVED or HANDLING → ANSWERED; body {\"on\",\"text\"}")
	ComplaintView answer(@PathVariable long id, @RequestBody SafetyCommands.ComplaintStep request) {
		return this.cases.answerComplaint(id, request);
	}

	@PostMapping("/complaints/{id:\\d+}/closure")
	@RouteAccess(permission = "safety:complaint:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Close (销号) with the reply; a closed complaint → 409")
	ComplaintView close(@PathVariable long id, @RequestBody SafetyCommands.CloseComplaint request) {
		return this.cases.closeComplaint(id, request);
	}

	// ---- patrols and duty

	@PostMapping("/patrols")
	@RouteAccess(permission = "safety:patrol:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Add an entry to the patrol log (巡查调查日报)")
	ResponseEntity<PatrolView> recordPatrol(@RequestBody SafetyCommands.RecordPatrol request) {
		PatrolView saved = this.cases.recordPatrol(request);
		return ResponseEntity.created(URI.create("/api/v1/safety/patrols/" + saved.id())).body(saved);
	}

	@GetMapping("/patrols")
	@RouteAccess(permission = "safety:patrol:read", scope = AccessScope.ZONE)
	@Operation(summary = "The patrol log of a period (default: the last 30 days)")
	Page<PatrolView> patrols(@RequestParam(required = false) String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		LocalDate end = (to != null) ? to : Inputs.today();
		return this.cases.patrols(Inputs.trim(zone), (from != null) ? from : end.minusDays(30), end, Math.max(page, 0),
				size(size));
	}

	@PutMapping("/duty/{zone}/{date}")
	@RouteAccess(permission = "safety:patrol:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Set who is on duty (值班) in a zone on a day")
	DutyView assignDuty(@PathVariable String zone, @PathVariable String date,
			@RequestBody SafetyCommands.AssignDuty request) {
		return this.cases.assignDuty(zone, date, request);
	}

	@GetMapping("/duty")
	@RouteAccess(permission = "safety:patrol:read", scope = AccessScope.ZONE)
	@Operation(summary = "The duty roster of a zone for a month (yyyy-MM)")
	List<DutyView> roster(@RequestParam String zone, @RequestParam(required = false) String month) {
		YearMonth m;
		try {
			m = (month != null) ? YearMonth.parse(month) : YearMonth.from(Inputs.today());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw InvalidInputException.of("month", "error.month.format", month);
		}
		return this.cases.roster(zone, m.atDay(1), m.atEndOfMonth());
	}

	// ---- statistics

	@GetMapping("/summary")
	@RouteAccess(permission = "safety:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "Figures for a zone and period: hazards found in [from, to], of them accepted by now")
	SafetySummary summary(@RequestParam String zone,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.statistics.summary(zone, from, to);
	}

	@GetMapping("/trend")
	@RouteAccess(permission = "safety:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "Hazards per month of a year")
	List<MonthlyHazards> trend(@RequestParam String zone, @RequestParam(required = false) Integer year) {
		return this.statistics.monthlyTrend(zone, (year != null) ? year : Inputs.today().getYear());
	}

	@GetMapping("/ranking")
	@RouteAccess(permission = "safety:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "Enterprises with the most open hazards")
	List<SafetyViews.EnterpriseHazards> ranking(@RequestParam String zone,
			@RequestParam(defaultValue = "10") int limit) {
		this.statistics.openHazards(zone);
		return this.queries.ranking(zone, Inputs.today(), Math.min(Math.max(limit, 1), 100), null);
	}

	static void attachment(HttpServletResponse response, String type, String filename) {
		response.setContentType(type);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
	}

	static int size(int size) {
		return Math.min(Math.max(size, 1), 500);
	}

}
