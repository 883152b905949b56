package io.parkops.investment.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.parkops.investment.internal.InvestmentCommands;
import io.parkops.investment.internal.InvestmentSummary;
import io.parkops.investment.internal.InvestmentViews.ActivityView;
import io.parkops.investment.internal.BuildingPhotoService;
import io.parkops.investment.internal.InvestmentViews.BuildingView;
import io.parkops.investment.internal.InvestmentViews.FundView;
import io.parkops.investment.internal.InvestmentViews.LeadView;
import io.parkops.investment.internal.InvestmentViews.Page;
import io.parkops.investment.internal.InvestmentViews.ProblemView;
import io.parkops.investment.internal.InvestmentViews.ProjectView;
import io.parkops.investment.internal.InvestmentViews.RankView;
import io.parkops.investment.internal.InvestmentViews.ReviewView;
import io.parkops.investment.internal.InvestmentViews.ScheduleView;
import io.parkops.investment.internal.InvestmentViews.Step;
import io.parkops.investment.internal.LeadService;
import io.parkops.investment.internal.ProjectService;
import io.parkops.investment.internal.SummaryService;
import io.parkops.investment.internal.TaskForceService;
import io.parkops.investment.internal.InvestmentViews.TaskForceMemberView;
import io.parkops.platform.AccessScope;
import io.parkops.platform.Inputs;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of investment attraction (招商引资) and project construction (项目建设).
 */
@RestController
@Tag(name = "investment", description = "招商引资与项目建设 / investment attraction and project construction")
class InvestmentApiController {

	private final LeadService leads;

	private final ProjectService projects;

	private final SummaryService summaries;

	private final BuildingPhotoService photos;

	private final TaskForceService taskForces;

	InvestmentApiController(LeadService leads, ProjectService projects, SummaryService summaries,
			BuildingPhotoService photos, TaskForceService taskForces) {
		this.taskForces = taskForces;
		this.leads = leads;
		this.projects = projects;
		this.summaries = summaries;
		this.photos = photos;
	}

	/** A photo's image with headers that keep it private and typed as stored. */
	static ResponseEntity<byte[]> image(BuildingPhotoService.Photo photo) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.info().contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.bytes());
	}

	static int size(int size) {
		return Math.max(1, Math.min(size, 200));
	}

	// ---- leads

	@PostMapping("/api/v1/investment/leads")
	@RouteAccess(permission = "investment:lead:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a lead (招商线索); it starts as NEW")
	ResponseEntity<LeadView> recordLead(@RequestBody InvestmentCommands.RecordLead request) {
		LeadView saved = this.leads.recordLead(request);
		return ResponseEntity.created(URI.create("/api/v1/investment/leads/" + saved.id())).body(saved);
	}

	@GetMapping("/api/v1/investment/leads")
	@RouteAccess(permission = "investment:lead:read", scope = AccessScope.ZONE)
	@Operation(summary = "Leads of the caller's zones, newest first")
	Page<LeadView> leads(@RequestParam(required = false) String zone, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String source, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.leads.leads(Inputs.trim(zone), Inputs.trim(stage), Inputs.trim(source), overdue, Inputs.trim(q),
				Math.max(page, 0), size(size));
	}

	@GetMapping("/api/v1/investment/leads/{id:\\d+}")
	@RouteAccess(permission = "investment:lead:read", scope = AccessScope.ZONE)
	@Operation(summary = "One lead")
	LeadView lead(@PathVariable long id) {
		return this.leads.lead(id);
	}

	@GetMapping("/api/v1/investment/leads/{id:\\d+}/steps")
	@RouteAccess(permission = "investment:lead:read", scope = AccessScope.ZONE)
	@Operation(summary = "A lead's stages and progress notes")
	List<Step> leadSteps(@PathVariable long id) {
		return this.leads.steps(id);
	}

	@PostMapping("/api/v1/investment/leads/{id:\\d+}/stage")
	@RouteAccess(permission = "investment:lead:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Move a lead forward (CONTACTED, VISITED, NEGOTIATING) or drop it; backwards → 409")
	LeadView leadStage(@PathVariable long id, @RequestBody InvestmentCommands.LeadStep request) {
		return this.leads.step(id, request);
	}

	@PostMapping("/api/v1/investment/leads/{id:\\d+}/notes")
	@RouteAccess(permission = "investment:lead:edit", scope = AccessScope.ZONE)
	@Operation(summary = "A progress note on a lead (resets its follow-up clock)")
	LeadView leadNote(@PathVariable long id, @RequestBody InvestmentCommands.LeadNote request) {
		return this.leads.note(id, request);
	}

	@GetMapping("/api/v1/investment/leads/{id:\\d+}/review")
	@RouteAccess(permission = "investment:lead:read", scope = AccessScope.ZONE)
	@Operation(summary = "The admission review (预审联审) of a lead")
	ReviewView review(@PathVariable long id) {
		return this.leads.review(id);
	}

	@PutMapping("/api/v1/investment/leads/{id:\\d+}/review")
	@RouteAccess(permission = "investment:lead:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record review items: PASS, FAIL or NA, with a note and the reviewing department")
	ReviewView putReview(@PathVariable long id, @RequestBody InvestmentCommands.Review request) {
		return this.leads.putReview(id, request);
	}

	@PostMapping("/api/v1/investment/leads/{id:\\d+}/review/override")
	@RouteAccess(permission = "investment:review:override", scope = AccessScope.ZONE)
	@Operation(summary = "A leader lets the lead be signed despite a failed item, with the reason")
	ReviewView overrideReview(@PathVariable long id, @RequestBody InvestmentCommands.ReviewOverride request) {
		return this.leads.override(id, request);
	}

	@PostMapping("/api/v1/investment/leads/{id:\\d+}/signing")
	@RouteAccess(permission = "investment:lead:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Sign the lead: creates the project; a failed required review item → 409")
	ResponseEntity<Map<String, Long>> sign(@PathVariable long id, @RequestBody InvestmentCommands.Signing request) {
		long project = this.projects.sign(id, request);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + project)).body(Map.of("projectId", project));
	}

	// ---- trips and receptions

	@PostMapping("/api/v1/investment/trips")
	@RouteAccess(permission = "investment:lead:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a trip (外出招商考察)")
	ResponseEntity<ActivityView> recordTrip(@RequestBody InvestmentCommands.RecordTrip request) {
		ActivityView saved = this.leads.recordTrip(request);
		return ResponseEntity.created(URI.create("/api/v1/investment/trips/" + saved.id())).body(saved);
	}

	@GetMapping("/api/v1/investment/trips")
	@RouteAccess(permission = "investment:lead:read", scope = AccessScope.ZONE)
	@Operation(summary = "Trips, newest first")
	Page<ActivityView> trips(@RequestParam(required = false) String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.leads.trips(Inputs.trim(zone), from, to, Math.max(page, 0), size(size));
	}

	@PostMapping("/api/v1/investment/receptions")
	@RouteAccess(permission = "investment:lead:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a reception of visiting investors (接待来访客商)")
	ResponseEntity<ActivityView> recordReception(@RequestBody InvestmentCommands.RecordReception request) {
		ActivityView saved = this.leads.recordReception(request);
		return ResponseEntity.created(URI.create("/api/v1/investment/receptions/" + saved.id())).body(saved);
	}

	@GetMapping("/api/v1/investment/receptions")
	@RouteAccess(permission = "investment:lead:read", scope = AccessScope.ZONE)
	@Operation(summary = "Receptions, newest first")
	Page<ActivityView> receptions(@RequestParam(required = false) String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.leads.receptions(Inputs.trim(zone), from, to, Math.max(page, 0), size(size));
	}

	// ---- summary and targets

	@GetMapping("/api/v1/investment/summary")
	@RouteAccess(permission = "investment:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "The zone's investment figures for a period, with the targets against 时序进度")
	InvestmentSummary summary(@RequestParam String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.summaries.summary(Inputs.trim(zone), from, to);
	}

	@GetMapping("/api/v1/investment/ranking")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ZONE)
	@Operation(summary = "进度排位: projects under way, furthest ahead first")
	List<RankView> ranking(@RequestParam String zone) {
		return this.projects.ranking(Inputs.trim(zone));
	}

	@PutMapping("/api/v1/zones/{code}/investment-targets/{year:\\d{1,4}}")
	@RouteAccess(permission = "investment:target:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Replace the year's investment targets of a zone; the version last read (the GET's ETag) "
			+ "as If-Match or ?version= (0 for a year never saved): another → 409; without one the save is accepted")
	ResponseEntity<Map<String, BigDecimal>> putTargets(@PathVariable String code, @PathVariable int year,
			@RequestBody Map<String, InvestmentCommands.TargetValue> request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestParam(required = false) String version) {
		SummaryService.SavedTargets saved = this.summaries.putTargets(code, year, request,
				Versions.fromRequest(ifMatch, version));
		return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(saved.targets());
	}

	@GetMapping("/api/v1/zones/{code}/investment-targets/{year:\\d{1,4}}")
	@RouteAccess(permission = "investment:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "The year's investment targets of a zone; the ETag is their version")
	ResponseEntity<Map<String, BigDecimal>> targets(@PathVariable String code, @PathVariable int year) {
		io.parkops.platform.CurrentUser.get().checkZone(code);
		return ResponseEntity.ok()
			.eTag("\"" + this.summaries.targetsVersion(code, year) + "\"")
			.body(this.summaries.targets(code, year));
	}

	// ---- projects

	@PostMapping("/api/v1/projects")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a project without a lead (expansion, 二次招商), as PLANNED or SIGNED")
	ResponseEntity<ProjectView> recordProject(@RequestBody InvestmentCommands.RecordProject request) {
		ProjectView saved = this.projects.recordProject(request);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + saved.id())).body(saved);
	}

	@GetMapping("/api/v1/projects")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Projects within the caller's scope; an enterprise user sees its own")
	Page<ProjectView> projects(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String stage, @RequestParam(required = false) String light,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.projects.projects(Inputs.trim(zone), Inputs.trim(stage), Inputs.trim(light), Inputs.trim(q),
				Math.max(page, 0), size(size));
	}

	@GetMapping("/api/v1/projects/{id:\\d+}")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One project")
	ProjectView project(@PathVariable long id) {
		return this.projects.project(id);
	}

	@GetMapping("/api/v1/projects/{id:\\d+}/steps")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "A project's stages with their dates")
	List<Step> projectSteps(@PathVariable long id) {
		return this.projects.steps(id);
	}

	@PostMapping("/api/v1/projects/{id:\\d+}/stage")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Move a project to a stage; going back (except out of STALLED) → 409")
	ProjectView projectStage(@PathVariable long id, @RequestBody InvestmentCommands.ProjectStep request) {
		return this.projects.step(id, request);
	}

	@PutMapping("/api/v1/projects/{id:\\d+}/leadership")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(summary = "一个项目、一名领导: the responsible leader (with the project's version)")
	ProjectView leadership(@PathVariable long id, @RequestBody InvestmentCommands.Leadership request) {
		return this.projects.leadership(id, request);
	}

	@PutMapping("/api/v1/projects/{id:\\d+}/enterprise")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(
			summary = "The project's enterprise once its company is set up (registry or registered here; with version)")
	ProjectView linkEnterprise(@PathVariable long id, @RequestBody InvestmentCommands.LinkEnterprise request) {
		return this.projects.linkEnterprise(id, request);
	}

	@GetMapping("/api/v1/projects/{id:\\d+}/task-force")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "一套专班: a project's task force, the 专班长 first (phones masked for enterprise users)")
	List<TaskForceMemberView> taskForce(@PathVariable long id) {
		return this.taskForces.members(id);
	}

	@PostMapping("/api/v1/projects/{id:\\d+}/task-force")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Add a member to a project's task force; a second 专班长 → 409")
	ResponseEntity<TaskForceMemberView> addTaskForceMember(@PathVariable long id,
			@RequestBody InvestmentCommands.TaskForceMember request) {
		TaskForceMemberView saved = this.taskForces.add(id, request);
		return ResponseEntity.created(URI.create("/api/v1/projects/task-force/" + saved.id())).body(saved);
	}

	@PutMapping("/api/v1/projects/task-force/{id:\\d+}")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Correct a task force member (with version; no phone keeps the stored one)")
	TaskForceMemberView updateTaskForceMember(@PathVariable long id,
			@RequestBody InvestmentCommands.TaskForceMember request) {
		return this.taskForces.update(id, request);
	}

	@DeleteMapping("/api/v1/projects/task-force/{id:\\d+}")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Remove a task force member (?version= last read; stale → 409)")
	ResponseEntity<Void> removeTaskForceMember(@PathVariable long id, @RequestParam(required = false) Long version) {
		this.taskForces.remove(id, version);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/projects/{id:\\d+}/funds")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Funds in place (实际到位资金) on a date")
	ResponseEntity<FundView> funds(@PathVariable long id, @RequestBody InvestmentCommands.RecordFunds request) {
		FundView saved = this.projects.recordFunds(id, request);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/funds")).body(saved);
	}

	@GetMapping("/api/v1/projects/{id:\\d+}/funds")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "A project's funds in place")
	List<FundView> fundList(@PathVariable long id) {
		return this.projects.funds(id);
	}

	@GetMapping("/api/v1/projects/{id:\\d+}/schedule")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "A project's milestones with their state and its light")
	ScheduleView schedule(@PathVariable long id) {
		return this.projects.schedule(id);
	}

	@PutMapping("/api/v1/projects/{id:\\d+}/schedule")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(summary = "工期倒排: plan the milestones back from the target production date")
	ScheduleView planSchedule(@PathVariable long id, @RequestBody InvestmentCommands.PlanSchedule request) {
		return this.projects.planSchedule(id, request);
	}

	@PostMapping("/api/v1/projects/{id:\\d+}/milestones/{code:[A-Z_]{1,32}}/done")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(summary = "A milestone done on a date")
	ScheduleView milestoneDone(@PathVariable long id, @PathVariable String code,
			@RequestBody InvestmentCommands.MilestoneDone request) {
		return this.projects.milestoneDone(id, code, request);
	}

	@PostMapping("/api/v1/projects/{id:\\d+}/buildings/{name}/progress")
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(summary = "A building's progress on a date (phase, floors, percent)")
	ResponseEntity<BuildingView> buildingProgress(@PathVariable long id, @PathVariable String name,
			@RequestBody InvestmentCommands.BuildingProgress request) {
		BuildingView saved = this.projects.buildingProgress(id, name, request);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/buildings")).body(saved);
	}

	@PostMapping(value = "/api/v1/projects/building-progress/{id:\\d+}/photos",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RouteAccess(permission = "investment:project:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Add a photo (JPEG, PNG or WebP, at most 5 MB) to a building progress entry")
	ResponseEntity<BuildingPhotoService.PhotoInfo> buildingPhoto(@PathVariable long id,
			@RequestPart("file") MultipartFile file) throws IOException {
		BuildingPhotoService.PhotoInfo info = this.photos.add(id, file.getBytes(), file.getOriginalFilename());
		return ResponseEntity.created(URI.create("/api/v1/projects/building-photos/" + info.id())).body(info);
	}

	@GetMapping("/api/v1/projects/{id:\\d+}/building-photos")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The photos of a project's building progress, newest first")
	List<BuildingPhotoService.PhotoInfo> buildingPhotos(@PathVariable long id) {
		return this.photos.ofProject(id);
	}

	@GetMapping("/api/v1/projects/building-photos/{id:\\d+}")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "A building progress photo's image, if the caller may see its project")
	ResponseEntity<byte[]> buildingPhotoImage(@PathVariable long id) {
		return image(this.photos.photo(id));
	}

	@GetMapping("/api/v1/projects/{id:\\d+}/buildings")
	@RouteAccess(permission = "investment:project:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The latest state of each building of a project")
	List<BuildingView> buildings(@PathVariable long id) {
		return this.projects.buildings(id);
	}

	@PostMapping("/api/v1/projects/{id:\\d+}/problems")
	@RouteAccess(permission = "investment:problem:raise", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Raise a problem to coordinate (问题协调); an enterprise user on its own project")
	ResponseEntity<ProblemView> raiseProblem(@PathVariable long id,
			@RequestBody InvestmentCommands.RaiseProblem request) {
		ProblemView saved = this.projects.raiseProblem(id, request);
		return ResponseEntity.created(URI.create("/api/v1/projects/problems/" + saved.id())).body(saved);
	}

	@GetMapping("/api/v1/projects/{id:\\d+}/problems")
	@RouteAccess(permission = "investment:problem:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "A project's problems, open first")
	List<ProblemView> problems(@PathVariable long id) {
		return this.projects.problems(id);
	}

	@GetMapping("/api/v1/projects/problems")
	@RouteAccess(permission = "investment:problem:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Problems of the caller's zones (an enterprise user: its own projects'), open first")
	Page<ProblemView> zoneProblems(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.projects.zoneProblems(Inputs.trim(zone), Inputs.trim(status), overdue, Math.max(page, 0),
				size(size));
	}

	@PostMapping("/api/v1/projects/problems/{id:\\d+}/handling")
	@RouteAccess(permission = "investment:problem:close", scope = AccessScope.ZONE)
	@Operation(summary = "The department starts handling a problem (办理中)")
	ProblemView handleProblem(@PathVariable long id, @RequestBody InvestmentCommands.ProblemHandling request) {
		return this.projects.handleProblem(id, request);
	}

	@PostMapping("/api/v1/projects/problems/{id:\\d+}/closure")
	@RouteAccess(permission = "investment:problem:close", scope = AccessScope.ZONE)
	@Operation(summary = "Close a problem (销号) with its result")
	ProblemView closeProblem(@PathVariable long id, @RequestBody InvestmentCommands.CloseProblem request) {
		return this.projects.closeProblem(id, request);
	}

}
