package io.parkops.service.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.parkops.platform.AccessScope;
import io.parkops.platform.CurrentUser;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.RouteAccess;
import io.parkops.service.internal.ActivityService;
import io.parkops.service.internal.AgencyService;
import io.parkops.service.internal.ServiceViews.AgencyView;
import io.parkops.service.internal.ServiceViews.HireView;
import io.parkops.service.internal.ServiceViews.PeopleView;
import io.parkops.service.internal.PolicyService;
import io.parkops.service.internal.RequestService;
import io.parkops.service.internal.Scopes;
import io.parkops.service.internal.ServiceCommands;
import io.parkops.service.internal.ServiceStatistics;
import io.parkops.service.internal.ServiceViews.ApplicationView;
import io.parkops.service.internal.ServiceViews.AutoList;
import io.parkops.service.internal.ServiceViews.FinancingView;
import io.parkops.service.internal.ServiceViews.JobFairView;
import io.parkops.service.internal.ServiceViews.MatchView;
import io.parkops.service.internal.ServiceViews.Page;
import io.parkops.service.internal.ServiceViews.PolicyView;
import io.parkops.service.internal.ServiceViews.RequestView;
import io.parkops.service.internal.ServiceViews.StepView;
import io.parkops.service.internal.ServiceViews.VisitView;
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
 * REST API of enterprise services (企业服务).
 */
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "services", description = "企业服务：诉求、走访、惠企政策、申报、融资、招聘会 / enterprise services")
class ServiceApiController {

	private final RequestService requests;

	private final ActivityService activities;

	private final PolicyService policies;

	private final ServiceStatistics statistics;

	private final AgencyService agency;

	ServiceApiController(RequestService requests, ActivityService activities, PolicyService policies,
			ServiceStatistics statistics, AgencyService agency) {
		this.requests = requests;
		this.activities = activities;
		this.policies = policies;
		this.statistics = statistics;
		this.agency = agency;
	}

	static int size(int size) {
		return Math.min(Math.max(size, 1), 200);
	}

	// ---- requests

	@PostMapping("/requests")
	@RouteAccess(permission = "service:request:raise", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Raise a request (诉求); its deadline follows the category's SLA")
	ResponseEntity<RequestView> raise(@RequestBody ServiceCommands.RaiseRequest body) {
		RequestView saved = this.requests.raise(body);
		return ResponseEntity.created(URI.create("/api/v1/services/requests/" + saved.id())).body(saved);
	}

	@GetMapping("/requests")
	@RouteAccess(permission = "service:request:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Requests within the caller's scope, newest first; an enterprise sees its own")
	Page<RequestView> requests(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String status, @RequestParam(required = false) String category,
			@RequestParam(required = false) String enterprise, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.requests.list(Inputs.trim(zone), status, category, enterprise, overdue, q, from, to,
				Math.max(page, 0), size(size));
	}

	@GetMapping("/requests/{id:\\d+}")
	@RouteAccess(permission = "service:request:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One request")
	RequestView request(@PathVariable long id) {
		return this.requests.require(id);
	}

	@GetMapping("/requests/{id:\\d+}/steps")
	@RouteAccess(permission = "service:request:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The history of a request")
	List<StepView> steps(@PathVariable long id) {
		return this.requests.steps(id);
	}

	@PostMapping("/requests/{id:\\d+}/handling")
	@RouteAccess(permission = "service:request:handle", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Assign a request to a department and handler at a level (办理中)")
	RequestView handle(@PathVariable long id, @RequestBody ServiceCommands.Handling body) {
		return this.requests.handle(id, body);
	}

	@PostMapping("/requests/{id:\\d+}/resolution")
	@RouteAccess(permission = "service:request:handle", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Resolve a request with its result (已办结); no result → 400")
	RequestView resolve(@PathVariable long id, @RequestBody ServiceCommands.Resolution body) {
		return this.requests.resolve(id, body);
	}

	@PostMapping("/requests/{id:\\d+}/rating")
	@RouteAccess(permission = "service:request:rate", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The requesting enterprise rates the result 1–5; 2 or less reopens it")
	RequestView rate(@PathVariable long id, @RequestBody ServiceCommands.Rating body) {
		return this.requests.rate(id, body);
	}

	@PostMapping("/requests/{id:\\d+}/withdrawal")
	@RouteAccess(permission = "service:request:withdraw", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The requesting enterprise withdraws its open request")
	RequestView withdraw(@PathVariable long id, @RequestBody(required = false) ServiceCommands.Withdrawal body) {
		return this.requests.withdraw(id, body);
	}

	@PostMapping("/requests/escalation")
	@RouteAccess(permission = "service:request:handle", scope = AccessScope.ZONE)
	@Operation(summary = "Escalate a zone's open requests past their deadline to the leaders now (the daily job)")
	Map<String, Integer> escalate(@RequestParam String zone) {
		return Map.of("escalated", this.requests.escalateOverdue(zone.trim(), Scopes.today()));
	}

	// ---- visits, financing, job fairs

	@PostMapping("/visits")
	@RouteAccess(permission = "service:visit:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a visit to one or more enterprises (走访) with the deeds done")
	ResponseEntity<VisitView> recordVisit(@RequestBody ServiceCommands.RecordVisit body) {
		VisitView saved = this.activities.recordVisit(body);
		return ResponseEntity.created(URI.create("/api/v1/services/visits/" + saved.id())).body(saved);
	}

	@GetMapping("/visits")
	@RouteAccess(permission = "service:visit:read", scope = AccessScope.ZONE)
	@Operation(summary = "Visits, newest first")
	Page<VisitView> visits(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String enterprise,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.activities.visits(Inputs.trim(zone), Inputs.trim(enterprise), from, to, Math.max(page, 0),
				size(size));
	}

	@GetMapping("/visits/{id:\\d+}")
	@RouteAccess(permission = "service:visit:read", scope = AccessScope.ZONE)
	@Operation(summary = "One visit")
	VisitView visit(@PathVariable long id) {
		return this.activities.visit(id);
	}

	@PostMapping("/financing")
	@RouteAccess(permission = "service:financing:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Record financing: a bridge loan (BRIDGE, with its due date), a park-backed loan (PARK_LOAN,"
			+ " with its product: PARK_LOAN 园区贷, RELIEF_PARK_LOAN 纾困园区贷, CAIYUAN_CREDIT 财园信贷通, TECH_CREDIT 科贷通,"
			+ " GUARANTEE_POOL 助保贷, OTHER; default PARK_LOAN) or a renewal")
	ResponseEntity<FinancingView> recordFinancing(@RequestBody ServiceCommands.RecordFinancing body) {
		FinancingView saved = this.activities.recordFinancing(body);
		return ResponseEntity.created(URI.create("/api/v1/services/financing/" + saved.id())).body(saved);
	}

	@GetMapping("/financing")
	@RouteAccess(permission = "service:financing:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Financing records, newest first; an enterprise sees its own")
	Page<FinancingView> financing(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String product,
			@RequestParam(required = false) Boolean open,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.activities.financings(Inputs.trim(zone), Inputs.trim(kind), Inputs.trim(product), open, from, to,
				Math.max(page, 0), size(size));
	}

	@GetMapping("/financing/{id:\\d+}")
	@RouteAccess(permission = "service:financing:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One financing record")
	FinancingView financingRecord(@PathVariable long id) {
		return this.activities.financing(id);
	}

	@PutMapping("/financing/{id:\\d+}")
	@RouteAccess(permission = "service:financing:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Correct a financing record (amount, bank, due date, fee, a park-backed loan's product);"
			+ " a stale version → 409")
	FinancingView editFinancing(@PathVariable long id, @RequestBody ServiceCommands.EditFinancing body) {
		return this.activities.editFinancing(id, body);
	}

	@PostMapping("/financing/{id:\\d+}/repayment")
	@RouteAccess(permission = "service:financing:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Record the repayment of a loan; a repaid one → 409")
	FinancingView repay(@PathVariable long id, @RequestBody ServiceCommands.Repayment body) {
		return this.activities.repay(id, body);
	}

	@PostMapping("/job-fairs")
	@RouteAccess(permission = "service:fair:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a job fair (专场, 校园, 线上) with its enterprises, visitors and hires")
	ResponseEntity<JobFairView> recordJobFair(@RequestBody ServiceCommands.RecordJobFair body) {
		JobFairView saved = this.activities.recordJobFair(body);
		return ResponseEntity.created(URI.create("/api/v1/services/job-fairs/" + saved.id())).body(saved);
	}

	@GetMapping("/job-fairs")
	@RouteAccess(permission = "service:fair:read", scope = AccessScope.ZONE)
	@Operation(summary = "Job fairs, newest first")
	Page<JobFairView> jobFairs(@RequestParam(required = false) String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.activities.jobFairs(Inputs.trim(zone), from, to, Math.max(page, 0), size(size));
	}

	@GetMapping("/job-fairs/{id:\\d+}")
	@RouteAccess(permission = "service:fair:read", scope = AccessScope.ZONE)
	@Operation(summary = "One job fair")
	JobFairView jobFair(@PathVariable long id) {
		return this.activities.jobFair(id);
	}

	// ---- 代办, reported hires, service people

	@PostMapping("/agency")
	@RouteAccess(permission = "service:agency:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Record an approval handled on an enterprise's behalf (代办): item, department, started")
	ResponseEntity<AgencyView> recordAgency(@RequestBody ServiceCommands.RecordAgency body) {
		AgencyView saved = this.agency.recordAgency(body);
		return ResponseEntity.created(URI.create("/api/v1/services/agency/" + saved.id())).body(saved);
	}

	@GetMapping("/agency")
	@RouteAccess(permission = "service:agency:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "代办 items, newest first; open=true only those not finished; an enterprise sees its own")
	Page<AgencyView> agencies(@RequestParam(required = false) String zone, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.agency.agencies(Inputs.trim(zone), open, q, from, to, Math.max(page, 0), size(size));
	}

	@GetMapping("/agency/{id:\\d+}")
	@RouteAccess(permission = "service:agency:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One 代办 item")
	AgencyView agencyItem(@PathVariable long id) {
		return this.agency.agency(id);
	}

	@PutMapping("/agency/{id:\\d+}")
	@RouteAccess(permission = "service:agency:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Correct a 代办 item; a stale version → 409")
	AgencyView editAgency(@PathVariable long id, @RequestBody ServiceCommands.EditAgency body) {
		return this.agency.editAgency(id, body);
	}

	@PostMapping("/agency/{id:\\d+}/finish")
	@RouteAccess(permission = "service:agency:edit", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "A 代办 item finished (on, result); once only (409)")
	AgencyView finishAgency(@PathVariable long id, @RequestBody ServiceCommands.FinishAgency body) {
		return this.agency.finishAgency(id, body);
	}

	@PostMapping("/hires")
	@RouteAccess(permission = "service:hire:report", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Report an enterprise's hires of a month (an enterprise: its own), through a job fair or not")
	ResponseEntity<HireView> reportHires(@RequestBody ServiceCommands.ReportHires body) {
		HireView saved = this.agency.reportHires(body);
		return ResponseEntity.created(URI.create("/api/v1/services/hires/" + saved.id())).body(saved);
	}

	@GetMapping("/hires")
	@RouteAccess(permission = "service:hire:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Reported hires, newest month first; an enterprise sees its own")
	Page<HireView> hires(@RequestParam(required = false) String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.agency.hires(Inputs.trim(zone), from, to, Math.max(page, 0), size(size));
	}

	@GetMapping("/hires/{id:\\d+}")
	@RouteAccess(permission = "service:hire:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One report of hires")
	HireView hire(@PathVariable long id) {
		return this.agency.hire(id);
	}

	@PutMapping("/hires/{id:\\d+}")
	@RouteAccess(permission = "service:hire:report", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Correct a report of hires; a stale version → 409")
	HireView editHires(@PathVariable long id, @RequestBody ServiceCommands.EditHires body) {
		return this.agency.editHires(id, body);
	}

	@GetMapping("/people")
	@RouteAccess(permission = "service:people:read", scope = AccessScope.ZONE)
	@Operation(summary = "Each enterprise's 企业秘书, 首席服务员 and 挂点领导, last visit and whether a visit is due")
	Page<PeopleView> people(@RequestParam(required = false) String zone, @RequestParam(required = false) String q,
			@RequestParam(required = false) Boolean missing, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.agency.people(Inputs.trim(zone), q, missing, Math.max(page, 0), size(size));
	}

	@GetMapping("/people/{creditCode}")
	@RouteAccess(permission = "service:people:read", scope = AccessScope.ZONE)
	@Operation(summary = "One enterprise's service people")
	PeopleView peopleOf(@PathVariable String creditCode) {
		return this.agency.peopleOf(creditCode);
	}

	@PutMapping("/people/{creditCode}")
	@RouteAccess(permission = "service:people:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Set an enterprise's 首席服务员 (version 0 while none was set); a stale version → 409")
	PeopleView assignPeople(@PathVariable String creditCode, @RequestBody ServiceCommands.AssignPeople body) {
		return this.agency.assign(creditCode, body);
	}

	// ---- policies and applications

	@PostMapping("/policies")
	@RouteAccess(permission = "service:policy:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Add a policy with its criteria (ABOVE_SCALE, FLAG, INDUSTRY, INDICATOR_GROWTH,"
			+ " INDICATOR_AMOUNT, SERVICE, LAND, MANUAL) and application window")
	ResponseEntity<PolicyView> createPolicy(@RequestBody ServiceCommands.CreatePolicy body) {
		PolicyView saved = this.policies.create(body);
		return ResponseEntity.created(URI.create("/api/v1/services/policies/" + saved.id())).body(saved);
	}

	@GetMapping("/policies")
	@RouteAccess(permission = "service:policy:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Policies of the caller's zones (an enterprise: of its zone)")
	Page<PolicyView> policies(@RequestParam(required = false) String zone, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.policies.policies(Inputs.trim(zone), q, Math.max(page, 0), size(size));
	}

	@GetMapping("/policies/{id:\\d+}")
	@RouteAccess(permission = "service:policy:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One policy")
	PolicyView policy(@PathVariable long id) {
		return this.policies.policy(id);
	}

	@GetMapping("/policies/{id:\\d+}/matches")
	@RouteAccess(permission = "service:policy:match", scope = AccessScope.ZONE)
	@Operation(summary = "政策找企业: every enterprise of the zone, each criterion met or missed with its figure")
	List<MatchView> matches(@PathVariable long id) {
		return this.policies.matches(id);
	}

	@GetMapping("/policies/eligible")
	@RouteAccess(permission = "service:policy:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "The policies of an enterprise's zone with why it qualifies or not (an enterprise: its own)")
	List<PolicyService.Eligibility> eligible(@RequestParam(required = false) String enterprise) {
		CurrentUser me = CurrentUser.get();
		String code = me.isEnterpriseUser() ? me.enterpriseCreditCode() : Inputs.trim(enterprise);
		if (code == null) {
			throw InvalidInputException.of("enterprise", "error.required");
		}
		return this.policies.eligibleFor(code);
	}

	@GetMapping("/policies/{id:\\d+}/auto-list")
	@RouteAccess(permission = "service:application:review", scope = AccessScope.ZONE)
	@Operation(summary = "免申即享: the payout list the data proposes, each line with the data and the clause")
	AutoList autoList(@PathVariable long id) {
		return this.policies.autoList(id);
	}

	@PostMapping("/policies/{id:\\d+}/auto-list/approval")
	@RouteAccess(permission = "service:application:review", scope = AccessScope.ZONE)
	@Operation(summary = "免申即享: approve the proposed list; payments wait for the objection window")
	ResponseEntity<List<ApplicationView>> approveAutoList(@PathVariable long id,
			@RequestBody ServiceCommands.AutoPayout body) {
		return ResponseEntity.status(201).body(this.policies.approveAutoList(id, body));
	}

	@PostMapping("/policies/{id:\\d+}/applications")
	@RouteAccess(permission = "service:application:apply", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Apply for a policy (申报); appliedOn defaults to today")
	ResponseEntity<ApplicationView> apply(@PathVariable long id, @RequestBody ServiceCommands.Apply body) {
		ApplicationView saved = this.policies.apply(id, body);
		return ResponseEntity.created(URI.create("/api/v1/services/applications/" + saved.id())).body(saved);
	}

	@GetMapping("/applications")
	@RouteAccess(permission = "service:application:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Applications, newest first; an enterprise sees its own")
	Page<ApplicationView> applications(@RequestParam(required = false) String zone,
			@RequestParam(required = false) Long policy, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.policies.applications(Inputs.trim(zone), policy, status, Math.max(page, 0), size(size));
	}

	@GetMapping("/applications/{id:\\d+}")
	@RouteAccess(permission = "service:application:read", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "One application")
	ApplicationView application(@PathVariable long id) {
		return this.policies.application(id);
	}

	@PostMapping({ "/applications/{id:\\d+}/review", "/policies/{policyId:\\d+}/applications/{id:\\d+}/review" })
	@RouteAccess(permission = "service:application:review", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Review an application (审核): approved with the amount, or not")
	ApplicationView review(@PathVariable(required = false) Long policyId, @PathVariable long id,
			@RequestBody ServiceCommands.Review body) {
		return this.policies.review(policyId, id, body);
	}

	@PostMapping({ "/applications/{id:\\d+}/publicity", "/policies/{policyId:\\d+}/applications/{id:\\d+}/publicity" })
	@RouteAccess(permission = "service:application:review", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "公示 of an approved application (from, to; default the objection window); paid after it")
	ApplicationView publicize(@PathVariable(required = false) Long policyId, @PathVariable long id,
			@RequestBody ServiceCommands.Publicity body) {
		return this.policies.publicize(policyId, id, body);
	}

	@PostMapping("/policies/{id:\\d+}/publicity")
	@RouteAccess(permission = "service:application:review", scope = AccessScope.ZONE)
	@Operation(summary = "公示 of every approved application of a policy not yet on notice")
	List<ApplicationView> publicizeApproved(@PathVariable long id, @RequestBody ServiceCommands.Publicity body) {
		return this.policies.publicizeApproved(id, body);
	}

	@PostMapping({ "/applications/{id:\\d+}/payment", "/policies/{policyId:\\d+}/applications/{id:\\d+}/payment" })
	@RouteAccess(permission = "service:application:review", scope = AccessScope.ENTERPRISE)
	@Operation(summary = "Record the payment (兑现) of an approved application")
	ApplicationView pay(@PathVariable(required = false) Long policyId, @PathVariable long id,
			@RequestBody ServiceCommands.Payment body) {
		return this.policies.pay(policyId, id, body);
	}

	// ---- summary

	@GetMapping("/summary")
	@RouteAccess(permission = "service:statistics:read", scope = AccessScope.ZONE)
	@Operation(summary = "The figures of a zone and period (default: this year up to today)")
	ServiceStatistics.Summary summary(@RequestParam String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate today = Scopes.today();
		LocalDate f = (from != null) ? from : today.withDayOfYear(1);
		LocalDate t = (to != null) ? to : today;
		if (t.isBefore(f)) {
			throw InvalidInputException.of("to", "error.service.endBeforeStart");
		}
		return this.statistics.summary(zone.trim(), f, t);
	}

}
