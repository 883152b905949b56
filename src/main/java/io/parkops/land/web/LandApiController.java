package io.parkops.land.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.parkops.land.internal.LandCommands;
import io.parkops.land.internal.LandService;
import io.parkops.land.internal.LandStatistics;
import io.parkops.land.internal.LandViews.BatchView;
import io.parkops.land.internal.LandViews.DisposalView;
import io.parkops.land.internal.LandViews.ExpropriationView;
import io.parkops.land.internal.LandViews.LandSummary;
import io.parkops.land.internal.LandViews.NoticeView;
import io.parkops.land.internal.LandViews.Page;
import io.parkops.land.internal.LandViews.ParcelView;
import io.parkops.land.internal.LandViews.SupplyView;
import io.parkops.land.internal.PerMuService;
import io.parkops.land.internal.PerMuViews.EvaluationView;
import io.parkops.land.internal.PerMuViews.InputsView;
import io.parkops.land.internal.PerMuViews.ObjectionView;
import io.parkops.land.internal.PerMuViews.ResultView;
import io.parkops.land.internal.PerMuViews.SchemeView;
import io.parkops.platform.AccessScope;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.RouteAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of land (土地): parcels, expropriation, approval batches, supply, the idle-land
 * clock and its notices, disposals, the summary and the per-mu evaluation (亩均效益评价).
 */
@RestController
@RequestMapping("/api/v1/land")
@Tag(name = "land", description = "要素保障：地块、征地、组卷报批、供地、闲置土地、处置、亩均效益评价 / land and per-mu evaluation")
class LandApiController {

	private final LandService land;

	private final LandStatistics statistics;

	private final PerMuService perMu;

	LandApiController(LandService land, LandStatistics statistics, PerMuService perMu) {
		this.land = land;
		this.statistics = statistics;
		this.perMu = perMu;
	}

	// ---- parcels

	@PostMapping("/parcels")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Register a parcel with its GeoJSON boundary (Polygon or MultiPolygon)")
	ResponseEntity<ParcelView> registerParcel(@RequestBody LandCommands.RegisterParcel request) {
		ParcelView saved = this.land.registerParcel(request);
		return ResponseEntity.created(URI.create("/api/v1/land/parcels/" + saved.id())).body(saved);
	}

	@GetMapping("/parcels")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@Operation(summary = "Parcels of the caller's zones, filtered by status, use and text")
	Page<ParcelView> parcels(@RequestParam(required = false) String zone, @RequestParam(required = false) String status,
			@RequestParam(required = false) String use, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.land.parcels(zone, status, use, q, Math.max(page, 0), size(size));
	}

	@GetMapping("/parcels/{id:\\d+}")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@Operation(summary = "One parcel with its boundary, areas in 亩, m² and 公顷")
	ParcelView parcel(@PathVariable long id) {
		return this.land.parcel(id);
	}

	@PutMapping("/parcels/{id:\\d+}")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Change a parcel's status, owner or 低效用地 flag (with the version last read)")
	ParcelView changeParcel(@PathVariable long id, @RequestBody LandCommands.ChangeParcel request) {
		return this.land.changeParcel(id, request);
	}

	// ---- expropriation and approval

	@PostMapping("/expropriations")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record an expropriation (征地): 亩, households, graves, houses m², compensation 万元")
	ResponseEntity<ExpropriationView> recordExpropriation(@RequestBody LandCommands.RecordExpropriation request) {
		ExpropriationView saved = this.land.recordExpropriation(request);
		return ResponseEntity.created(URI.create("/api/v1/land/expropriations/" + saved.id())).body(saved);
	}

	@GetMapping("/expropriations")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@Operation(summary = "Expropriations of the caller's zones within the dates")
	List<ExpropriationView> expropriations(@RequestParam(required = false) String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.land.expropriations(zone, from, to);
	}

	@PostMapping("/approval-batches")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Register an approval batch (组卷报批) in a status with its date")
	ResponseEntity<BatchView> registerBatch(@RequestBody LandCommands.RegisterBatch request) {
		BatchView saved = this.land.registerBatch(request);
		return ResponseEntity.created(URI.create("/api/v1/land/approval-batches/" + saved.id())).body(saved);
	}

	@GetMapping("/approval-batches")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@Operation(summary = "Approval batches of the caller's zones")
	List<BatchView> batches(@RequestParam(required = false) String zone) {
		return this.land.batches(zone);
	}

	@GetMapping("/approval-batches/{id:\\d+}")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@Operation(summary = "One approval batch")
	BatchView batch(@PathVariable long id) {
		return this.land.batch(id);
	}

	@PostMapping("/approval-batches/{id:\\d+}/status")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Move a batch on: PREPARING → SUBMITTED → APPROVED (never back: 409)")
	BatchView moveBatch(@PathVariable long id, @RequestBody LandCommands.BatchStatus request) {
		return this.land.moveBatch(id, request);
	}

	// ---- supply and the idle-land clock

	@PostMapping("/supplies")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Supply a parcel (挂牌出让 LISTING or 划拨 ALLOCATION), optionally as 标准地")
	ResponseEntity<SupplyView> recordSupply(@RequestBody LandCommands.RecordSupply request) {
		SupplyView saved = this.land.recordSupply(request);
		return ResponseEntity.created(URI.create("/api/v1/land/supplies/" + saved.id())).body(saved);
	}

	@GetMapping("/supplies")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@Operation(summary = "Supplies of the caller's zones with their idle-land clock today")
	List<SupplyView> supplies(@RequestParam(required = false) String zone) {
		return this.land.supplies(zone);
	}

	@GetMapping("/supplies/{id:\\d+}")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@Operation(summary = "One supply with its clock and notices")
	SupplyView supply(@PathVariable long id) {
		return this.land.supply(id);
	}

	@PostMapping("/supplies/{id:\\d+}/progress")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record the development (started, developed %, invested %, stopped) the idle clock reads")
	SupplyView recordProgress(@PathVariable long id, @RequestBody LandCommands.RecordProgress request) {
		return this.land.recordProgress(id, request);
	}

	@PostMapping("/supplies/{id:\\d+}/as-built")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a 标准地's plot ratio and building coefficient measured at acceptance")
	SupplyView recordAsBuilt(@PathVariable long id, @RequestBody LandCommands.RecordAsBuilt request) {
		return this.land.recordAsBuilt(id, request);
	}

	@GetMapping("/standard-land/checks")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@Operation(
			summary = "The 标准地 past their 达产 date, each control indicator against the actual figure, with the remedy")
	List<io.parkops.land.internal.LandViews.CommitmentCheck> standardLandChecks(
			@RequestParam(required = false) String zone, @RequestParam(required = false) String notMet) {
		return this.land.standardLandChecks(zone, "true".equals(notMet));
	}

	@PostMapping("/supplies/{id:\\d+}/idle-notices")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Issue the idle-land notice due: FEE (one year, 20 % of the price) or RECLAIM (two years)")
	ResponseEntity<NoticeView> issueNotice(@PathVariable long id, @RequestBody LandCommands.IssueIdleNotice request) {
		NoticeView saved = this.land.issueNotice(id, request);
		return ResponseEntity.created(URI.create("/api/v1/land/idle-notices/" + saved.id())).body(saved);
	}

	@GetMapping("/idle")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@Operation(summary = "Supplies whose idle-land clock runs today, furthest along first")
	List<SupplyView> idle(@RequestParam(required = false) String zone) {
		return this.land.idle(zone);
	}

	// ---- disposals

	@PostMapping("/disposals")
	@RouteAccess(permission = "land:parcel:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a disposal of APPROVED_UNSUPPLIED, IDLE or INEFFICIENT land")
	ResponseEntity<DisposalView> recordDisposal(@RequestBody LandCommands.RecordDisposal request) {
		DisposalView saved = this.land.recordDisposal(request);
		return ResponseEntity.created(URI.create("/api/v1/land/disposals/" + saved.id())).body(saved);
	}

	@GetMapping("/disposals")
	@RouteAccess(permission = "land:parcel:read", scope = AccessScope.ZONE)
	@Operation(summary = "Disposals of the caller's zones")
	List<DisposalView> disposals(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return this.land.disposals(zone, kind, from, to);
	}

	// ---- summary

	@GetMapping("/summary")
	@RouteAccess(permission = "land:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "Land figures of a zone and period in 亩 (two decimals, half up)")
	LandSummary summary(@RequestParam String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Period p = Period.of(zone, from, to);
		return this.statistics.summary(p.zone(), p.from(), p.to());
	}

	// ---- per-mu evaluation

	@GetMapping("/per-mu/schemes/{year:\\d{4}}")
	@RouteAccess(permission = "land:permu:read", scope = AccessScope.GLOBAL)
	@Operation(summary = "The per-mu scheme of a year (the defaults when none was set)")
	SchemeView scheme(@PathVariable int year) {
		return this.perMu.scheme(year);
	}

	@PutMapping("/per-mu/schemes/{year:\\d{4}}")
	@RouteAccess(permission = "land:permu:edit", scope = AccessScope.GLOBAL)
	@Operation(summary = "Set the per-mu scheme of a year: items, weights, benchmarks, caps, class cuts, policies")
	SchemeView putScheme(@PathVariable int year, @RequestBody LandCommands.SchemeRequest request) {
		return this.perMu.putScheme(year, request);
	}

	@GetMapping("/per-mu/inputs/{year:\\d{4}}/{creditCode:[0-9A-Za-z]{18}}")
	@RouteAccess(permission = "land:permu:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The manual inputs of an enterprise's year")
	InputsView inputs(@PathVariable int year, @PathVariable String creditCode) {
		return this.perMu.inputs(year, creditCode);
	}

	@PutMapping("/per-mu/inputs/{year:\\d{4}}/{creditCode:[0-9A-Za-z]{18}}")
	@RouteAccess(permission = "land:permu:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Manual inputs of an enterprise's year; a field given overrides the system's figure")
	InputsView putInputs(@PathVariable int year, @PathVariable String creditCode,
			@RequestBody LandCommands.PerMuInputs request) {
		return this.perMu.putInputs(year, creditCode, request);
	}

	@PostMapping("/per-mu/evaluations")
	@RouteAccess(permission = "land:permu:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Evaluate a zone's year: a new draft with every enterprise's score, rank and class")
	ResponseEntity<EvaluationView> evaluate(@RequestBody LandCommands.Evaluate request) {
		EvaluationView saved = this.perMu.evaluate(request);
		return ResponseEntity.created(URI.create("/api/v1/land/per-mu/evaluations/" + saved.id())).body(saved);
	}

	@GetMapping("/per-mu/evaluations")
	@RouteAccess(permission = "land:permu:read", scope = AccessScope.ZONE)
	@Operation(summary = "Evaluations of the caller's zones with their class counts")
	List<EvaluationView> evaluations(@RequestParam(required = false) String zone) {
		return this.perMu.evaluations(zone);
	}

	@GetMapping("/per-mu/evaluations/{id:\\d+}")
	@RouteAccess(permission = "land:permu:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "An evaluation with its results; an enterprise sees only its own, once published")
	EvaluationView evaluation(@PathVariable long id) {
		return this.perMu.evaluation(id);
	}

	@GetMapping("/per-mu/evaluations/{id:\\d+}/results/{creditCode:[0-9A-Za-z]{18}}")
	@RouteAccess(permission = "land:permu:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One enterprise's result: items against benchmarks, rank, class, what the next class takes")
	ResultView result(@PathVariable long id, @PathVariable String creditCode) {
		return this.perMu.result(id, creditCode);
	}

	@PostMapping("/per-mu/evaluations/{id:\\d+}/publish")
	@RouteAccess(permission = "land:permu:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Publish a draft (公示) with its objection window ({\"objectionDays\"}, optional)")
	EvaluationView publish(@PathVariable long id, @RequestBody(required = false) LandCommands.Publish request) {
		return this.perMu.publish(id, request);
	}

	@GetMapping("/per-mu/evaluations/{id:\\d+}/policy-lists")
	@RouteAccess(permission = "land:permu:read", scope = AccessScope.ZONE)
	@Operation(
			summary = "The class-driven policy lists (ELECTRICITY, WATER, LAND, SUBSIDY): enterprises with their class's measure")
	Map<String, List<io.parkops.land.internal.PerMuViews.PolicyEntry>> policyLists(@PathVariable long id) {
		return this.perMu.policyLists(id);
	}

	@PostMapping("/per-mu/evaluations/{id:\\d+}/finalize")
	@RouteAccess(permission = "land:permu:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Finalise a published evaluation (定稿)")
	EvaluationView finalizeEvaluation(@PathVariable long id) {
		return this.perMu.finalizeEvaluation(id);
	}

	@PostMapping("/per-mu/evaluations/{id:\\d+}/objections")
	@RouteAccess(permission = "land:permu:object", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "An enterprise objects to its published result, with evidence, within the window")
	ResponseEntity<ObjectionView> object(@PathVariable long id, @RequestBody LandCommands.Objection request) {
		ObjectionView saved = this.perMu.object(id, request);
		return ResponseEntity.created(URI.create("/api/v1/land/per-mu/objections/" + saved.id())).body(saved);
	}

	@GetMapping("/per-mu/evaluations/{id:\\d+}/objections")
	@RouteAccess(permission = "land:permu:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Objections to an evaluation; an enterprise sees only its own")
	List<ObjectionView> objections(@PathVariable long id) {
		return this.perMu.objections(id);
	}

	@PostMapping("/per-mu/objections/{id:\\d+}/decision")
	@RouteAccess(permission = "land:permu:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Decide an objection: accepted or rejected, with the reply")
	ObjectionView decide(@PathVariable long id, @RequestBody LandCommands.ObjectionDecision request) {
		return this.perMu.decide(id, request);
	}

	static int size(int size) {
		return Math.min(Math.max(size, 1), 200);
	}

	/** A zone and period: from 1 January of this year to today by default. */
	record Period(String zone, LocalDate from, LocalDate to) {

		static Period of(String zone, LocalDate from, LocalDate to) {
			String z = Inputs.trim(zone);
			if (z == null) {
				throw io.parkops.platform.InvalidInputException.of("zone", "error.required");
			}
			CurrentUser.get().checkZone(z);
			LocalDate today = LocalDate.now(io.parkops.platform.ZoneTime.zone());
			LocalDate f = (from != null) ? from : today.withDayOfYear(1);
			LocalDate t = (to != null) ? to : today;
			if (t.isBefore(f)) {
				throw io.parkops.platform.InvalidInputException.of("to", "error.land.toBeforeFrom");
			}
			return new Period(z, f, t);
		}

	}

}
