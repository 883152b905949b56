package io.parkops.party.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.parkops.party.internal.CoverageService;
import io.parkops.party.internal.PartyCommands;
import io.parkops.party.internal.PartyService;
import io.parkops.party.internal.PartyViews.ActivityView;
import io.parkops.party.internal.PartyViews.Coverage;
import io.parkops.party.internal.PartyViews.DevelopmentCounts;
import io.parkops.party.internal.PartyViews.DevelopmentView;
import io.parkops.party.internal.PartyViews.DuesView;
import io.parkops.party.internal.PartyViews.InstructorView;
import io.parkops.party.internal.PartyViews.MemberView;
import io.parkops.party.internal.PartyViews.OrganisationView;
import io.parkops.party.internal.PartyViews.Page;
import io.parkops.party.internal.PartyViews.Screening;
import io.parkops.party.internal.PartyViews.ServiceTeamView;
import io.parkops.party.internal.PartyViews.VisitView;
import io.parkops.platform.AccessScope;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.ZoneTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
 * REST API of party building (党的建设).
 */
@RestController
@RequestMapping("/api/v1/party")
@Tag(name = "party", description = "党的建设：党组织、党员、党建指导员、活动、党费、覆盖率 / party building")
class PartyApiController {

	private final PartyService party;

	private final CoverageService coverage;

	PartyApiController(PartyService party, CoverageService coverage) {
		this.party = party;
		this.coverage = coverage;
	}

	static int size(int size) {
		return Math.max(1, Math.min(size, 200));
	}

	// ---- coverage and screening

	@GetMapping("/coverage")
	@RouteAccess(permission = "party:coverage:read", scope = AccessScope.ZONE)
	@Operation(summary = "组织覆盖率, 单独组建率, 工作覆盖率, organisations and members of a zone as of a date")
	Coverage coverage(@RequestParam(required = false) String zone, @RequestParam(required = false) String asOf) {
		String z = this.party.zone(zone);
		return this.coverage.coverage(z, this.party.asOf(asOf, "asOf"));
	}

	@GetMapping("/screening")
	@RouteAccess(permission = "party:coverage:read", scope = AccessScope.ZONE)
	@Operation(summary = "两项排查: the enterprises in scope, 应建未建 and those with members but no coverage")
	Screening screening(@RequestParam(required = false) String zone, @RequestParam(required = false) String asOf) {
		String z = this.party.zone(zone);
		return this.coverage.screening(z, this.party.asOf(asOf, "asOf"));
	}

	// ---- organisations

	@PostMapping("/organisations")
	@RouteAccess(permission = "party:organisation:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Found an organisation; an OWN branch covers exactly one enterprise (else 400)")
	ResponseEntity<OrganisationView> found(@RequestBody PartyCommands.FoundOrganisation request) {
		long id = this.party.foundOrganisation(request);
		return ResponseEntity.created(URI.create("/api/v1/party/organisations/" + id))
			.body(this.party.organisation(id));
	}

	@GetMapping("/organisations")
	@RouteAccess(permission = "party:organisation:read", scope = AccessScope.ZONE)
	@Operation(summary = "Organisations of a zone (filters: kind, type, text, active today)")
	Page<OrganisationView> organisations(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String type,
			@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.party.organisations(zone, kind, type, q, active, Math.max(page, 0), size(size));
	}

	@GetMapping("/organisations/{id:\\d+}")
	@RouteAccess(permission = "party:organisation:read", scope = AccessScope.ZONE)
	@Operation(summary = "One organisation with the enterprises it covers (history)")
	OrganisationView organisation(@PathVariable long id) {
		return this.party.organisation(id);
	}

	@PutMapping("/organisations/{id:\\d+}")
	@RouteAccess(permission = "party:organisation:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Change name, secretary and term (换届: a new termStartedOn); stale version → 409")
	OrganisationView edit(@PathVariable long id, @RequestBody PartyCommands.EditOrganisation request) {
		return this.party.edit(id, request);
	}

	@PostMapping("/organisations/{id:\\d+}/dissolution")
	@RouteAccess(permission = "party:organisation:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Dissolve (撤销) on a date; it no longer counts from then; already ended → 409")
	OrganisationView dissolve(@PathVariable long id, @RequestBody PartyCommands.Dissolve request) {
		return this.party.dissolve(id, request);
	}

	@PostMapping("/organisations/{id:\\d+}/merger")
	@RouteAccess(permission = "party:organisation:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Merge into another organisation on a date: enterprises and members move")
	OrganisationView merge(@PathVariable long id, @RequestBody PartyCommands.Merge request) {
		return this.party.merge(id, request);
	}

	@PostMapping("/organisations/{id:\\d+}/enterprises")
	@RouteAccess(permission = "party:organisation:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Add an enterprise to a joint, incubator or regional branch from a date")
	OrganisationView addEnterprise(@PathVariable long id, @RequestBody PartyCommands.AddEnterprise request) {
		return this.party.addEnterprise(id, request);
	}

	@GetMapping("/terms-due")
	@RouteAccess(permission = "party:organisation:read", scope = AccessScope.ZONE)
	@Operation(summary = "Organisations whose term ends within the reminder window (换届)")
	List<OrganisationView> termsDue(@RequestParam(required = false) String zone) {
		return this.party.termsDue(zone);
	}

	// ---- members

	@PostMapping("/members")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a member (no ID number; a phone is stored encrypted)")
	ResponseEntity<MemberView> recordMember(@RequestBody PartyCommands.RecordMember request) {
		long id = this.party.recordMember(request);
		return ResponseEntity.created(URI.create("/api/v1/party/members/" + id)).body(this.party.member(id, false));
	}

	@GetMapping("/members")
	@RouteAccess(permission = "party:member:read", scope = AccessScope.ZONE)
	@Operation(summary = "Members of a zone (phones masked)")
	Page<MemberView> members(@RequestParam(required = false) String zone,
			@RequestParam(required = false) Long organisation, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(required = false) Boolean current,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.party.members(zone, organisation, status, q, current, Math.max(page, 0), size(size));
	}

	@GetMapping("/members/{id:\\d+}")
	@RouteAccess(permission = "party:member:read", scope = AccessScope.ZONE)
	@Operation(summary = "One member with the phone in full")
	MemberView member(@PathVariable long id) {
		return this.party.member(id, true);
	}

	@PutMapping("/members/{id:\\d+}")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Correct a member's values (a blank phone keeps the stored one); stale version → 409")
	MemberView editMember(@PathVariable long id, @RequestBody PartyCommands.EditMember request) {
		return this.party.editMember(id, request);
	}

	@PostMapping("/members/{id:\\d+}/confirmation")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	@Operation(summary = "转正: a probationary member becomes full on a date; not probationary → 409")
	MemberView confirm(@PathVariable long id, @RequestBody PartyCommands.ConfirmMember request) {
		return this.party.confirmMember(id, request);
	}

	@PostMapping("/members/{id:\\d+}/move-out")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	@Operation(summary = "转出组织关系 on a date; already moved out → 409")
	MemberView moveOut(@PathVariable long id, @RequestBody PartyCommands.MoveOut request) {
		return this.party.moveOut(id, request);
	}

	// ---- development

	@PostMapping("/development")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Someone applies to join (入党申请人)")
	ResponseEntity<DevelopmentView> apply(@RequestBody PartyCommands.RecordApplicant request) {
		long id = this.party.recordApplicant(request);
		return ResponseEntity.created(URI.create("/api/v1/party/development/" + id)).body(this.party.development(id));
	}

	@GetMapping("/development")
	@RouteAccess(permission = "party:member:read", scope = AccessScope.ZONE)
	@Operation(summary = "The development pipeline of a zone")
	List<DevelopmentView> development(@RequestParam(required = false) String zone) {
		return this.party.developments(zone);
	}

	@GetMapping("/development/counts")
	@RouteAccess(permission = "party:member:read", scope = AccessScope.ZONE)
	@Operation(summary = "Entries into each stage within [from, to] and how many are in each stage now")
	DevelopmentCounts developmentCounts(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		LocalDate t = this.party.asOf(to, "to");
		LocalDate f = (from != null) ? this.party.asOf(from, "from") : t.withDayOfYear(1);
		return this.party.developmentCounts(zone, f, t);
	}

	@PostMapping("/development/{id:\\d+}/advance")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	@Operation(summary = "The next stage with its date; a stage out of order → 409")
	DevelopmentView advance(@PathVariable long id, @RequestBody PartyCommands.Advance request) {
		return this.party.advance(id, request);
	}

	// ---- instructors

	@PostMapping("/instructors")
	@RouteAccess(permission = "party:instructor:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record a 党建指导员 with the enterprises assigned")
	ResponseEntity<InstructorView> recordInstructor(@RequestBody PartyCommands.RecordInstructor request) {
		long id = this.party.recordInstructor(request);
		return ResponseEntity.created(URI.create("/api/v1/party/instructors/" + id)).body(this.party.instructor(id));
	}

	@GetMapping("/instructors")
	@RouteAccess(permission = "party:instructor:read", scope = AccessScope.ZONE)
	@Operation(summary = "Instructors of a zone with their enterprises and overdue visits")
	List<InstructorView> instructors(@RequestParam(required = false) String zone) {
		return this.party.instructors(zone);
	}

	@GetMapping("/instructors/{id:\\d+}")
	@RouteAccess(permission = "party:instructor:read", scope = AccessScope.ZONE)
	@Operation(summary = "One instructor")
	InstructorView instructor(@PathVariable long id) {
		return this.party.instructor(id);
	}

	@PostMapping("/instructors/{id:\\d+}/release")
	@RouteAccess(permission = "party:instructor:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Release (解除) the assignment to an enterprise on a date; the history is kept")
	InstructorView release(@PathVariable long id, @RequestBody PartyCommands.Release request) {
		return this.party.release(id, request);
	}

	@PostMapping("/instructors/{id:\\d+}/assignments")
	@RouteAccess(permission = "party:instructor:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Assign a further enterprise from a date; already assigned → 409")
	InstructorView assign(@PathVariable long id, @RequestBody PartyCommands.Assign request) {
		return this.party.assign(id, request);
	}

	@PostMapping("/instructor-visits")
	@RouteAccess(permission = "party:instructor:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record an instructor's visit to an enterprise")
	ResponseEntity<VisitView> recordVisit(@RequestBody PartyCommands.RecordVisit request) {
		long id = this.party.recordVisit(request);
		InstructorView instructor = this.party.instructor(request.instructorId());
		VisitView saved = this.party
			.visits(instructor.zoneCode(), instructor.id(), LocalDate.of(1950, 1, 1), LocalDate.of(9999, 12, 31))
			.stream()
			.filter((v) -> v.id() == id)
			.findFirst()
			.orElse(null);
		return ResponseEntity.created(URI.create("/api/v1/party/instructor-visits/" + id)).body(saved);
	}

	@GetMapping("/instructor-visits")
	@RouteAccess(permission = "party:instructor:read", scope = AccessScope.ZONE)
	@Operation(summary = "Visits of a zone, newest first (at most 500)")
	List<VisitView> visits(@RequestParam(required = false) String zone, @RequestParam(required = false) Long instructor,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		LocalDate f = (from != null) ? this.party.asOf(from, "from") : LocalDate.of(1950, 1, 1);
		LocalDate t = (to != null) ? this.party.asOf(to, "to") : LocalDate.of(9999, 12, 31);
		return this.party.visits(zone, instructor, f, t);
	}

	// ---- activities and dues

	@PostMapping("/activities")
	@RouteAccess(permission = "party:activity:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Record an activity (THREE_MEETINGS, THEME_DAY, PARTY_LESSON, STUDY, VOLUNTEER, "
			+ "SECRETARY_PROJECT) with its participants")
	ResponseEntity<ActivityView> recordActivity(@RequestBody PartyCommands.RecordActivity request) {
		long id = this.party.recordActivity(request);
		return ResponseEntity.created(URI.create("/api/v1/party/activities/" + id)).body(this.party.activity(id));
	}

	@GetMapping("/activities")
	@RouteAccess(permission = "party:activity:read", scope = AccessScope.ZONE)
	@Operation(summary = "Activities of a zone, newest first")
	Page<ActivityView> activities(@RequestParam(required = false) String zone,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Long organisation,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		LocalDate f = (from != null) ? this.party.asOf(from, "from") : null;
		LocalDate t = (to != null) ? this.party.asOf(to, "to") : null;
		return this.party.activities(zone, kind, organisation, f, t, Math.max(page, 0), size(size));
	}

	@GetMapping("/activities/{id:\\d+}")
	@RouteAccess(permission = "party:activity:read", scope = AccessScope.ZONE)
	@Operation(summary = "One activity with its participant list")
	ActivityView activity(@PathVariable long id) {
		return this.party.activity(id);
	}

	@PutMapping("/activities/{id:\\d+}")
	@RouteAccess(permission = "party:activity:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Change an activity (the participant list is replaced); stale version → 409")
	ActivityView editActivity(@PathVariable long id, @RequestBody PartyCommands.EditActivity request) {
		return this.party.editActivity(id, request);
	}

	@PostMapping("/service-teams")
	@RouteAccess(permission = "party:activity:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Found a 志愿服务队 (service team) that volunteer activities name")
	ResponseEntity<ServiceTeamView> recordServiceTeam(@RequestBody PartyCommands.RecordServiceTeam request) {
		long id = this.party.recordServiceTeam(request);
		return ResponseEntity.created(URI.create("/api/v1/party/service-teams/" + id)).body(this.party.serviceTeam(id));
	}

	@GetMapping("/service-teams")
	@RouteAccess(permission = "party:activity:read", scope = AccessScope.ZONE)
	@Operation(summary = "Service teams of a zone with their volunteer activities and participants")
	List<ServiceTeamView> serviceTeams(@RequestParam(required = false) String zone) {
		return this.party.serviceTeams(zone);
	}

	@GetMapping("/service-teams/{id:\\d+}")
	@RouteAccess(permission = "party:activity:read", scope = AccessScope.ZONE)
	@Operation(summary = "One service team")
	ServiceTeamView serviceTeam(@PathVariable long id) {
		return this.party.serviceTeam(id);
	}

	@PutMapping("/service-teams/{id:\\d+}")
	@RouteAccess(permission = "party:activity:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Change a service team (disbandedOn ends it); stale version → 409")
	ServiceTeamView editServiceTeam(@PathVariable long id, @RequestBody PartyCommands.EditServiceTeam request) {
		return this.party.editServiceTeam(id, request);
	}

	@PutMapping("/dues/{organisationId:\\d+}/{month:\\d{4}-\\d{2}}")
	@RouteAccess(permission = "party:activity:edit", scope = AccessScope.ZONE)
	@Operation(summary = "Party dues (元) collected and returned for a month; a change sends the version read")
	DuesView dues(@PathVariable long organisationId, @PathVariable String month,
			@RequestBody PartyCommands.RecordDues request) {
		return this.party.recordDues(organisationId, month, request);
	}

	@GetMapping("/dues")
	@RouteAccess(permission = "party:activity:read", scope = AccessScope.ZONE)
	@Operation(summary = "Party dues of a zone for a year")
	List<DuesView> duesOfYear(@RequestParam(required = false) String zone,
			@RequestParam(required = false) Integer year) {
		return this.party.dues(zone,
				(year != null) ? Math.max(1950, Math.min(year, 2100)) : LocalDate.now(ZoneTime.zone()).getYear());
	}

}
