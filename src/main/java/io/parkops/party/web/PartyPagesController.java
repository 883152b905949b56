package io.parkops.party.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.parkops.party.internal.CoverageService;
import io.parkops.party.internal.Kinds;
import io.parkops.party.internal.PartyCommands;
import io.parkops.party.internal.PartyExports;
import io.parkops.party.internal.PartyProperties;
import io.parkops.party.internal.PartyService;
import io.parkops.party.internal.PartyViews;
import io.parkops.party.internal.PartyViews.ActivityView;
import io.parkops.party.internal.PartyViews.Coverage;
import io.parkops.party.internal.PartyViews.MemberView;
import io.parkops.party.internal.PartyViews.OrganisationView;
import io.parkops.party.internal.PartyViews.Page;
import io.parkops.platform.AccessScope;
import io.parkops.platform.ConflictException;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.Inputs;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.RouteAccess;
import io.parkops.platform.Versions;
import io.parkops.platform.ZoneDirectory;
import io.parkops.platform.ZoneSelection;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of party building (党的建设): the coverage dashboard, organisations (tree, list,
 * detail), members and the development pipeline, instructors and visits, activities and
 * dues, and the screening lists.
 */
@Controller
class PartyPagesController {

	private static final int SIZE = 20;

	private final PartyService party;

	private final CoverageService coverage;

	private final PartyExports exports;

	private final PartyProperties properties;

	private final ZoneSelection zones;

	private final ZoneDirectory directory;

	private final MessageSource messages;

	PartyPagesController(PartyService party, CoverageService coverage, PartyExports exports, PartyProperties properties,
			ZoneSelection zones, ZoneDirectory directory, MessageSource messages) {
		this.party = party;
		this.coverage = coverage;
		this.exports = exports;
		this.properties = properties;
		this.zones = zones;
		this.directory = directory;
		this.messages = messages;
	}

	private String zone(Model model) {
		String zone = this.zones.current();
		model.addAttribute("zone", (zone != null) ? this.directory.zone(zone).orElse(null) : null);
		model.addAttribute("today", this.party.today());
		model.addAttribute("orgKinds", Kinds.OrganisationKind.values());
		model.addAttribute("branchTypes", Kinds.BranchType.values());
		model.addAttribute("activityKinds", Kinds.ActivityKind.values());
		model.addAttribute("stages", Kinds.Stage.values());
		return zone;
	}

	private static int pages(long total) {
		return (int) Math.max(1, (total + SIZE - 1) / SIZE);
	}

	private String act(String target, RedirectAttributes redirect, Supplier<Object> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", "notice.saved");
		}
		catch (InvalidInputException ex) {
			List<String> texts = new ArrayList<>();
			ex.fieldProblems()
				.forEach((p) -> texts.add(
						text("party.field.problem", text("party.field." + p.field()), text(p.messageKey(), p.args()))));
			redirect.addFlashAttribute("problemTexts", texts);
		}
		catch (ConflictException | ForbiddenException ex) {
			redirect.addFlashAttribute("problemTexts", List.of(text(ex.messageKey(), ex.args())));
		}
		return target;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	private LocalDate asOf(String asOf) {
		return this.party.asOf(asOf, "asOf");
	}

	// ---- dashboard

	@GetMapping("/party")
	@RouteAccess(permission = "party:coverage:read", scope = AccessScope.ZONE)
	String dashboard(@RequestParam(required = false) String asOf, Model model) {
		String zone = zone(model);
		if (zone == null) {
			return "party/home";
		}
		String z = this.party.zone(zone);
		LocalDate day = asOf(asOf);
		Coverage now = this.coverage.coverage(z, day);
		Coverage lastYear = this.coverage.coverage(z, day.minusYears(1));
		model.addAttribute("asOf", day);
		model.addAttribute("c", now);
		model.addAttribute("lastYear", lastYear);
		java.math.BigDecimal change = (now.coveragePct() != null && lastYear.coveragePct() != null)
				? now.coveragePct().subtract(lastYear.coveragePct()) : null;
		model.addAttribute("change", (change != null) ? change.abs().toPlainString() : null);
		model.addAttribute("changeKey", (change == null || change.signum() == 0) ? "party.kpi.changeFlat"
				: (change.signum() > 0) ? "party.kpi.changeUp" : "party.kpi.changeDown");
		model.addAttribute("target", this.properties.coverageTarget());
		List<Map<String, Object>> trend = new ArrayList<>();
		for (int i = 23; i >= 0; i--) {
			YearMonth m = YearMonth.from(day).minusMonths(i);
			LocalDate end = m.atEndOfMonth().isAfter(day) ? day : m.atEndOfMonth();
			Coverage c = this.coverage.coverage(z, end);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("month", m.toString());
			row.put("coveragePct", c.coveragePct());
			row.put("ownRatePct", c.ownRatePct());
			row.put("covered", c.coveredEnterprises());
			row.put("inScope", c.enterprisesInScope());
			trend.add(row);
		}
		model.addAttribute("trend", trend);
		model.addAttribute("termsDue", this.party.termsDue(z));
		model.addAttribute("overdueVisits", this.party.overdueVisits(z));
		return "party/home";
	}

	// ---- organisations

	@GetMapping("/party/organisations")
	@RouteAccess(permission = "party:organisation:read", scope = AccessScope.ZONE)
	String organisations(@RequestParam(required = false) String kind, @RequestParam(required = false) String type,
			@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = zone(model);
		model.addAttribute("kind", kind);
		model.addAttribute("type", type);
		model.addAttribute("q", q);
		model.addAttribute("active", active);
		if (zone == null) {
			model.addAttribute("items", List.of());
			model.addAttribute("tree", List.of());
			model.addAttribute("all", List.of());
			model.addAttribute("total", 0);
			model.addAttribute("page", 0);
			model.addAttribute("pages", 1);
			return "party/organisations";
		}
		Page<OrganisationView> result = this.party.organisations(zone, Inputs.trim(kind), Inputs.trim(type),
				Inputs.trim(q), active, Math.max(page, 0), SIZE);
		List<OrganisationView> all = this.party.allOrganisations(zone);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", pages(result.total()));
		model.addAttribute("all", all);
		model.addAttribute("committees", all.stream().filter((o) -> o.active() && !"BRANCH".equals(o.kind())).toList());
		model.addAttribute("tree", tree(all));
		return "party/organisations";
	}

	/** A node of the organisation tree with its depth, in display order. */
	record TreeNode(OrganisationView organisation, int depth) {
	}

	static List<TreeNode> tree(List<OrganisationView> all) {
		List<TreeNode> out = new ArrayList<>();
		List<OrganisationView> active = all.stream().filter(OrganisationView::active).toList();
		java.util.Set<Long> ids = new java.util.HashSet<>();
		active.forEach((o) -> ids.add(o.id()));
		for (OrganisationView root : active) {
			if (root.parentId() == null || !ids.contains(root.parentId())) {
				addNode(out, root, active, 0);
			}
		}
		return out;
	}

	private static void addNode(List<TreeNode> out, OrganisationView node, List<OrganisationView> all, int depth) {
		out.add(new TreeNode(node, depth));
		if (depth > 5) {
			return;
		}
		for (OrganisationView child : all) {
			if (child.parentId() != null && child.parentId() == node.id()) {
				addNode(out, child, all, depth + 1);
			}
		}
	}

	@PostMapping("/party/organisations")
	@RouteAccess(permission = "party:organisation:edit", scope = AccessScope.ZONE)
	String found(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String branchType, @RequestParam(required = false) Long parentId,
			@RequestParam(required = false) List<String> enterpriseCreditCodes,
			@RequestParam(required = false) String foundedOn, @RequestParam(required = false) String secretary,
			RedirectAttributes redirect) {
		String zone = this.zones.current();
		long[] id = new long[1];
		String target = act("redirect:/party/organisations", redirect, () -> {
			id[0] = this.party.foundOrganisation(new PartyCommands.FoundOrganisation(zone, name, kind,
					Inputs.trim(branchType), parentId,
					(enterpriseCreditCodes != null) ? enterpriseCreditCodes : List.of(), foundedOn, secretary, null));
			return id[0];
		});
		return (id[0] > 0) ? "redirect:/party/organisations/" + id[0] : target;
	}

	@GetMapping("/party/organisations/{id:\\d+}")
	@RouteAccess(permission = "party:organisation:read", scope = AccessScope.ZONE)
	String organisation(@PathVariable long id, Model model) {
		zone(model);
		OrganisationView o = this.party.organisation(id);
		model.addAttribute("o", o);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new EditForm(o.name(), o.secretary(), Integer.toString(o.termYears()),
					o.termStartedOn().toString(), o.version()));
		}
		model.addAttribute("others",
				this.party.allOrganisations(o.zoneCode())
					.stream()
					.filter((x) -> x.active() && x.id() != id && "BRANCH".equals(x.kind()))
					.toList());
		model.addAttribute("members", this.party.members(o.zoneCode(), id, null, null, true, 0, 200).items());
		model.addAttribute("activities", this.party.activities(o.zoneCode(), null, id, null, null, 0, 20).items());
		return "party/organisation";
	}

	/** The edit form as typed. */
	record EditForm(String name, String secretary, String termYears, String termStartedOn, Long version) {
	}

	@PostMapping("/party/organisations/{id:\\d+}")
	@RouteAccess(permission = "party:organisation:edit", scope = AccessScope.ZONE)
	String edit(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String secretary, @RequestParam(required = false) String termYears,
			@RequestParam(required = false) String termStartedOn, @RequestParam(required = false) Long version,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Integer years;
		try {
			years = (termYears == null || termYears.isBlank()) ? null : Integer.valueOf(termYears.trim());
		}
		catch (NumberFormatException ex) {
			years = -1;
		}
		Integer y = years;
		try {
			this.party.edit(id,
					new PartyCommands.EditOrganisation(name, secretary, y, Inputs.trim(termStartedOn), version));
		}
		catch (ConflictException ex) {
			if (!Versions.isStale(ex)) {
				throw ex;
			}
			Versions.showStale(model, response);
			model.addAttribute("form", new EditForm(name, secretary, termYears, termStartedOn, version));
			return organisation(id, model);
		}
		catch (InvalidInputException ex) {
			return act("redirect:/party/organisations/" + id, redirect, () -> {
				throw ex;
			});
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return "redirect:/party/organisations/" + id;
	}

	@PostMapping("/party/organisations/{id:\\d+}/dissolution")
	@RouteAccess(permission = "party:organisation:edit", scope = AccessScope.ZONE)
	String dissolve(@PathVariable long id, @RequestParam(required = false) String on, RedirectAttributes redirect) {
		return act("redirect:/party/organisations/" + id, redirect,
				() -> this.party.dissolve(id, new PartyCommands.Dissolve(on)));
	}

	@PostMapping("/party/organisations/{id:\\d+}/merger")
	@RouteAccess(permission = "party:organisation:edit", scope = AccessScope.ZONE)
	String merge(@PathVariable long id, @RequestParam(required = false) Long intoId,
			@RequestParam(required = false) String on, RedirectAttributes redirect) {
		return act("redirect:/party/organisations/" + id, redirect,
				() -> this.party.merge(id, new PartyCommands.Merge(intoId, on)));
	}

	@PostMapping("/party/organisations/{id:\\d+}/enterprises")
	@RouteAccess(permission = "party:organisation:edit", scope = AccessScope.ZONE)
	String addEnterprise(@PathVariable long id, @RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String from, RedirectAttributes redirect) {
		return act("redirect:/party/organisations/" + id, redirect,
				() -> this.party.addEnterprise(id, new PartyCommands.AddEnterprise(enterpriseCreditCode, from)));
	}

	@GetMapping("/party/organisations/export")
	@RouteAccess(permission = "party:data:export", scope = AccessScope.ZONE)
	void exportOrganisations(HttpServletResponse response) throws IOException {
		String zone = this.party.zone(this.zones.current());
		PartyExports.attachment(response, "party-organisations.xlsx");
		this.exports.organisations(zone, response.getOutputStream());
	}

	// ---- members and development

	@GetMapping("/party/members")
	@RouteAccess(permission = "party:member:read", scope = AccessScope.ZONE)
	String members(@RequestParam(required = false) Long organisation, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		String zone = zone(model);
		model.addAttribute("organisation", organisation);
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		if (zone == null) {
			model.addAttribute("items", List.of());
			model.addAttribute("total", 0);
			model.addAttribute("page", 0);
			model.addAttribute("pages", 1);
			model.addAttribute("organisations", List.of());
			model.addAttribute("development", List.of());
			return "party/members";
		}
		var result = this.party.members(zone, organisation, Inputs.trim(status), Inputs.trim(q), true,
				Math.max(page, 0), SIZE);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", pages(result.total()));
		model.addAttribute("organisations",
				this.party.allOrganisations(zone).stream().filter(OrganisationView::active).toList());
		model.addAttribute("development", this.party.developments(zone));
		LocalDate today = this.party.today();
		model.addAttribute("counts", this.party.developmentCounts(zone, today.withDayOfYear(1), today));
		return "party/members";
	}

	@PostMapping("/party/members")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	String recordMember(@RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) String name, @RequestParam(required = false) String gender,
			@RequestParam(required = false) String birthYear, @RequestParam(required = false) String status,
			@RequestParam(required = false) String joinedOn,
			@RequestParam(required = false) String enterpriseCreditCode, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String movedInOn, RedirectAttributes redirect) {
		return act("redirect:/party/members", redirect,
				() -> this.party.recordMember(new PartyCommands.RecordMember(organisationId, name, gender,
						whole(birthYear, "birthYear"), status, joinedOn, Inputs.trim(enterpriseCreditCode),
						Inputs.trim(phone), Inputs.trim(movedInOn))));
	}

	static Integer whole(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of(field, "error.badValue");
		}
	}

	@GetMapping("/party/members/{id:\\d+}")
	@RouteAccess(permission = "party:member:read", scope = AccessScope.ZONE)
	String member(@PathVariable long id, Model model) {
		zone(model);
		MemberView m = this.party.member(id, true);
		model.addAttribute("m", m);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new MemberForm(m.name(), m.gender(), Integer.toString(m.birthYear()),
					m.joinedOn().toString(), m.enterpriseCreditCode(), null, false, m.version()));
		}
		return "party/member";
	}

	/**
	 * The member form as typed (the phone field starts empty: blank keeps the stored
	 * one).
	 */
	record MemberForm(String name, String gender, String birthYear, String joinedOn, String enterpriseCreditCode,
			String phone, boolean removePhone, Long version) {
	}

	@PostMapping("/party/members/{id:\\d+}")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	String editMember(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String gender, @RequestParam(required = false) String birthYear,
			@RequestParam(required = false) String joinedOn,
			@RequestParam(required = false) String enterpriseCreditCode, @RequestParam(required = false) String phone,
			@RequestParam(required = false) Boolean removePhone, @RequestParam(required = false) Long version,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.party.editMember(id, new PartyCommands.EditMember(name, gender, whole(birthYear, "birthYear"),
					joinedOn, Inputs.trim(enterpriseCreditCode), Inputs.trim(phone), removePhone, version));
		}
		catch (ConflictException ex) {
			if (!Versions.isStale(ex)) {
				throw ex;
			}
			Versions.showStale(model, response);
			model.addAttribute("form", new MemberForm(name, gender, birthYear, joinedOn, enterpriseCreditCode, phone,
					Boolean.TRUE.equals(removePhone), version));
			return member(id, model);
		}
		catch (InvalidInputException ex) {
			return act("redirect:/party/members/" + id, redirect, () -> {
				throw ex;
			});
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return "redirect:/party/members/" + id;
	}

	@PostMapping("/party/members/{id:\\d+}/confirmation")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	String confirm(@PathVariable long id, @RequestParam(required = false) String on, RedirectAttributes redirect) {
		return act("redirect:/party/members/" + id, redirect,
				() -> this.party.confirmMember(id, new PartyCommands.ConfirmMember(on)));
	}

	@PostMapping("/party/members/{id:\\d+}/move-out")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	String moveOut(@PathVariable long id, @RequestParam(required = false) String on,
			@RequestParam(required = false) String to, RedirectAttributes redirect) {
		return act("redirect:/party/members/" + id, redirect,
				() -> this.party.moveOut(id, new PartyCommands.MoveOut(on, to)));
	}

	@GetMapping("/party/members/export")
	@RouteAccess(permission = "party:data:export", scope = AccessScope.ZONE)
	void exportMembers(HttpServletResponse response) throws IOException {
		String zone = this.party.zone(this.zones.current());
		PartyExports.attachment(response, "party-members.xlsx");
		this.exports.members(zone, response.getOutputStream());
	}

	@PostMapping("/party/development")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	String apply(@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String appliedOn, RedirectAttributes redirect) {
		return act("redirect:/party/members", redirect,
				() -> this.party.recordApplicant(new PartyCommands.RecordApplicant(organisationId, name, appliedOn)));
	}

	@PostMapping("/party/development/{id:\\d+}/advance")
	@RouteAccess(permission = "party:member:edit", scope = AccessScope.ZONE)
	String advance(@PathVariable long id, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String on, RedirectAttributes redirect) {
		return act("redirect:/party/members", redirect,
				() -> this.party.advance(id, new PartyCommands.Advance(stage, on)));
	}

	// ---- instructors

	@GetMapping("/party/instructors")
	@RouteAccess(permission = "party:instructor:read", scope = AccessScope.ZONE)
	String instructors(@RequestParam(defaultValue = "0") int page, Model model) {
		String zone = zone(model);
		model.addAttribute("visitDays", this.properties.visitDays());
		if (zone == null) {
			model.addAttribute("instructors", List.of());
			model.addAttribute("visits", List.of());
			model.addAttribute("total", 0);
			model.addAttribute("page", 0);
			model.addAttribute("pages", 1);
			return "party/instructors";
		}
		model.addAttribute("instructors", this.party.instructors(zone));
		// the last three months' visits, a page at a time (each instructor's all on its
		// page)
		var visits = this.party.visits(zone, null, this.party.today().minusMonths(3), this.party.today());
		int p = Math.max(page, 0);
		model.addAttribute("visits", visits.stream().skip((long) p * SIZE).limit(SIZE).toList());
		model.addAttribute("total", visits.size());
		model.addAttribute("page", p);
		model.addAttribute("pages", pages(visits.size()));
		return "party/instructors";
	}

	@GetMapping("/party/instructors/{id:\\d+}")
	@RouteAccess(permission = "party:instructor:read", scope = AccessScope.ZONE)
	String instructor(@PathVariable long id, Model model) {
		zone(model);
		var instructor = this.party.instructor(id);
		model.addAttribute("i", instructor);
		model.addAttribute("visitDays", this.properties.visitDays());
		model.addAttribute("visits",
				this.party.visits(instructor.zoneCode(), id, LocalDate.of(1950, 1, 1), this.party.today()));
		return "party/instructor";
	}

	@PostMapping("/party/instructors")
	@RouteAccess(permission = "party:instructor:edit", scope = AccessScope.ZONE)
	String recordInstructor(@RequestParam(required = false) String name,
			@RequestParam(required = false) List<String> enterpriseCreditCodes,
			@RequestParam(required = false) String assignedOn, RedirectAttributes redirect) {
		String zone = this.zones.current();
		return act("redirect:/party/instructors", redirect,
				() -> this.party.recordInstructor(new PartyCommands.RecordInstructor(zone, name,
						(enterpriseCreditCodes != null) ? enterpriseCreditCodes : List.of(), Inputs.trim(assignedOn))));
	}

	@PostMapping("/party/instructors/{id:\\d+}/release")
	@RouteAccess(permission = "party:instructor:edit", scope = AccessScope.ZONE)
	String release(@PathVariable long id, @RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String on, RedirectAttributes redirect) {
		return act("redirect:/party/instructors/" + id, redirect,
				() -> this.party.release(id, new PartyCommands.Release(enterpriseCreditCode, on)));
	}

	@PostMapping("/party/instructors/{id:\\d+}/assignments")
	@RouteAccess(permission = "party:instructor:edit", scope = AccessScope.ZONE)
	String assign(@PathVariable long id, @RequestParam(required = false) String enterpriseCreditCode,
			@RequestParam(required = false) String from, RedirectAttributes redirect) {
		return act("redirect:/party/instructors/" + id, redirect,
				() -> this.party.assign(id, new PartyCommands.Assign(enterpriseCreditCode, Inputs.trim(from))));
	}

	@PostMapping("/party/instructor-visits")
	@RouteAccess(permission = "party:instructor:edit", scope = AccessScope.ZONE)
	String recordVisit(@RequestParam(required = false) Long instructorId,
			@RequestParam(required = false) String enterpriseCreditCode, @RequestParam(required = false) String on,
			@RequestParam(required = false) String notes, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		String target = (instructorId != null && "instructor".equals(back))
				? "redirect:/party/instructors/" + instructorId : "redirect:/party/instructors";
		return act(target, redirect, () -> this.party
			.recordVisit(new PartyCommands.RecordVisit(instructorId, enterpriseCreditCode, on, notes)));
	}

	// ---- activities and dues

	@GetMapping("/party/activities")
	@RouteAccess(permission = "party:activity:read", scope = AccessScope.ZONE)
	String activities(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String duesMonth, Model model) {
		String zone = zone(model);
		int y = (year != null) ? Math.max(1950, Math.min(year, 2100)) : this.party.today().getYear();
		model.addAttribute("kind", kind);
		model.addAttribute("year", y);
		if (zone == null) {
			model.addAttribute("items", List.of());
			model.addAttribute("total", 0);
			model.addAttribute("page", 0);
			model.addAttribute("pages", 1);
			model.addAttribute("organisations", List.of());
			duesOfMonth(model, List.of(), null);
			model.addAttribute("teams", List.of());
			return "party/activities";
		}
		var result = this.party.activities(zone, Inputs.trim(kind), null, LocalDate.of(y, 1, 1),
				LocalDate.of(y, 12, 31), Math.max(page, 0), SIZE);
		model.addAttribute("items", result.items());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", pages(result.total()));
		model.addAttribute("organisations",
				this.party.allOrganisations(zone).stream().filter(OrganisationView::active).toList());
		duesOfMonth(model, this.party.dues(zone, y), duesMonth);
		model.addAttribute("teams", this.party.serviceTeams(zone));
		return "party/activities";
	}

	@PostMapping("/party/activities")
	@RouteAccess(permission = "party:activity:edit", scope = AccessScope.ZONE)
	String recordActivity(@RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String on,
			@RequestParam(required = false) String title, @RequestParam(required = false) String participants,
			@RequestParam(required = false) String notes, @RequestParam(required = false) Long serviceTeamId,
			@RequestParam(required = false) String participantNames, RedirectAttributes redirect) {
		return act("redirect:/party/activities", redirect,
				() -> this.party.recordActivity(new PartyCommands.RecordActivity(organisationId, kind, on, title,
						whole(participants, "participants"), notes, serviceTeamId, List.of(),
						lines(participantNames))));
	}

	/**
	 * A month's totals of the dues of a year: collected, returned and the branches
	 * reporting.
	 */
	record DuesMonth(String month, BigDecimal collected, BigDecimal returned, long organisations) {
	}

	/**
	 * The dues of one month of the year (the one asked, else the latest with dues) to
	 * read and correct, and the totals of every month: one row per branch and month would
	 * make a page of hundreds of rows.
	 */
	static void duesOfMonth(Model model, List<io.parkops.party.internal.PartyViews.DuesView> dues, String asked) {
		java.util.Map<String, DuesMonth> months = new java.util.TreeMap<>();
		for (var d : dues) {
			DuesMonth m = months.getOrDefault(d.month(), new DuesMonth(d.month(), BigDecimal.ZERO, BigDecimal.ZERO, 0));
			months.put(d.month(), new DuesMonth(d.month(), m.collected().add(d.collected()),
					m.returned().add((d.returned() != null) ? d.returned() : BigDecimal.ZERO), m.organisations() + 1));
		}
		String month = (asked != null && months.containsKey(asked)) ? asked
				: months.isEmpty() ? null : ((java.util.TreeMap<String, DuesMonth>) months).lastKey();
		model.addAttribute("duesMonths", List.copyOf(months.values()));
		model.addAttribute("duesMonth", month);
		model.addAttribute("dues", dues.stream().filter((d) -> d.month().equals(month)).toList());
	}

	/** One name a line (blank lines left out). */
	static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().map(String::trim).filter((l) -> !l.isEmpty()).toList();
	}

	@GetMapping("/party/activities/{id:\\d+}")
	@RouteAccess(permission = "party:activity:read", scope = AccessScope.ZONE)
	String activity(@PathVariable long id, Model model) {
		zone(model);
		ActivityView a = this.party.activity(id);
		String zone = this.party.organisation(a.organisationId()).zoneCode();
		model.addAttribute("a", a);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ActivityForm(a.kind(), a.on().toString(), a.title(),
					Integer.toString(a.participants()), a.notes(), a.serviceTeamId(),
					a.participantList().stream().filter((p) -> p.memberId() != null).map((p) -> p.memberId()).toList(),
					String.join("\n",
							a.participantList()
								.stream()
								.filter((p) -> p.memberId() == null)
								.map((p) -> p.name())
								.toList()),
					a.version()));
		}
		model.addAttribute("members", this.party.members(zone, a.organisationId(), null, null, true, 0, 200).items());
		model.addAttribute("teams", this.party.serviceTeams(zone));
		return "party/activity";
	}

	/** The activity form as typed. */
	record ActivityForm(String kind, String on, String title, String participants, String notes, Long serviceTeamId,
			List<Long> participantMemberIds, String participantNames, Long version) {
	}

	@PostMapping("/party/activities/{id:\\d+}")
	@RouteAccess(permission = "party:activity:edit", scope = AccessScope.ZONE)
	String editActivity(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String on, @RequestParam(required = false) String title,
			@RequestParam(required = false) String participants, @RequestParam(required = false) String notes,
			@RequestParam(required = false) Long serviceTeamId,
			@RequestParam(required = false) List<Long> participantMemberIds,
			@RequestParam(required = false) String participantNames, @RequestParam(required = false) Long version,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		List<Long> ids = (participantMemberIds != null) ? participantMemberIds : List.of();
		try {
			this.party.editActivity(id, new PartyCommands.EditActivity(kind, on, title,
					whole(participants, "participants"), notes, serviceTeamId, ids, lines(participantNames), version));
		}
		catch (ConflictException ex) {
			if (!Versions.isStale(ex)) {
				throw ex;
			}
			Versions.showStale(model, response);
			model.addAttribute("form", new ActivityForm(kind, on, title, participants, notes, serviceTeamId, ids,
					participantNames, version));
			return activity(id, model);
		}
		catch (InvalidInputException ex) {
			return act("redirect:/party/activities/" + id, redirect, () -> {
				throw ex;
			});
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return "redirect:/party/activities/" + id;
	}

	@PostMapping("/party/service-teams")
	@RouteAccess(permission = "party:activity:edit", scope = AccessScope.ZONE)
	String recordServiceTeam(@RequestParam(required = false) String name,
			@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String leader,
			@RequestParam(required = false) String foundedOn, RedirectAttributes redirect) {
		String zone = this.zones.current();
		return act("redirect:/party/activities", redirect, () -> this.party.recordServiceTeam(
				new PartyCommands.RecordServiceTeam(zone, name, organisationId, Inputs.trim(leader), foundedOn)));
	}

	@PostMapping("/party/service-teams/{id:\\d+}")
	@RouteAccess(permission = "party:activity:edit", scope = AccessScope.ZONE)
	String editServiceTeam(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String leader, @RequestParam(required = false) String disbandedOn,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act("redirect:/party/activities", redirect, () -> this.party.editServiceTeam(id,
				new PartyCommands.EditServiceTeam(name, Inputs.trim(leader), Inputs.trim(disbandedOn), version)));
	}

	@PostMapping("/party/dues")
	@RouteAccess(permission = "party:activity:edit", scope = AccessScope.ZONE)
	String recordDues(@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String month,
			@RequestParam(required = false) String collected, @RequestParam(required = false) String returned,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act("redirect:/party/activities", redirect, () -> {
			if (organisationId == null) {
				throw InvalidInputException.of("organisationId", "error.required");
			}
			return this.party.recordDues(organisationId, month, new PartyCommands.RecordDues(
					decimal(collected, "collected"), decimal(returned, "returned"), version));
		});
	}

	static java.math.BigDecimal decimal(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new java.math.BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of(field, "error.badValue");
		}
	}

	@GetMapping("/party/activities/export")
	@RouteAccess(permission = "party:data:export", scope = AccessScope.ZONE)
	void exportActivities(@RequestParam(required = false) Integer year, HttpServletResponse response)
			throws IOException {
		String zone = this.party.zone(this.zones.current());
		int y = (year != null) ? Math.max(1950, Math.min(year, 2100)) : this.party.today().getYear();
		PartyExports.attachment(response, "party-activities-" + y + ".xlsx");
		this.exports.activities(zone, y, response.getOutputStream());
	}

	// ---- screening

	@GetMapping("/party/screening")
	@RouteAccess(permission = "party:coverage:read", scope = AccessScope.ZONE)
	String screening(@RequestParam(required = false) String asOf, @RequestParam(required = false) String q,
			@RequestParam(required = false) String coverage, @RequestParam(required = false) String ownership,
			@RequestParam(required = false) Boolean withMembers, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String zone = zone(model);
		model.addAttribute("minFull", this.properties.minFullMembers());
		model.addAttribute("minEmployees", this.properties.minEmployees());
		model.addAttribute("scopeStatuses", this.properties.scopeStatuses().stream().map(Enum::name).sorted().toList());
		model.addAttribute("nonPublic",
				java.util.Arrays.stream(io.parkops.enterprise.OwnershipType.values())
					.filter(this.properties.nonPublicOwnership()::contains)
					.map(Enum::name)
					.toList());
		model.addAttribute("unstatedInScope", this.properties.unstatedOwnershipInScope());
		model.addAttribute("ownershipTypes", io.parkops.enterprise.OwnershipType.values());
		model.addAttribute("coverages", PartyViews.ScreeningFilter.COVERAGES);
		if (zone == null) {
			return "party/screening";
		}
		String z = this.party.zone(zone);
		LocalDate day = asOf(asOf);
		PartyViews.ScreeningFilter filter = this.coverage.filter(q, coverage, ownership, withMembers);
		PartyViews.Screening s = this.coverage.screening(z, day);
		List<PartyViews.ScreeningRow> matching = s.enterprises().stream().filter(filter::test).toList();
		int p = Math.max(0, Math.min(page, pages(matching.size()) - 1));
		Map<String, Long> byCoverage = new LinkedHashMap<>();
		PartyViews.ScreeningFilter.COVERAGES.forEach((c) -> byCoverage.put(c, 0L));
		s.enterprises().forEach((r) -> byCoverage.merge(r.coverage(), 1L, Long::sum));
		model.addAttribute("asOf", day);
		model.addAttribute("s", s);
		model.addAttribute("filter", filter);
		model.addAttribute("filtered", filter.q() != null || filter.coverage() != null || filter.ownership() != null
				|| Boolean.TRUE.equals(filter.withMembers()));
		model.addAttribute("rows", matching.subList(p * SIZE, Math.min(matching.size(), (p + 1) * SIZE)));
		model.addAttribute("total", matching.size());
		model.addAttribute("page", p);
		model.addAttribute("pages", pages(matching.size()));
		model.addAttribute("byCoverage", byCoverage);
		model.addAttribute("notStated", s.enterprises().stream().filter((r) -> r.ownershipType() == null).count());
		return "party/screening";
	}

	@GetMapping("/party/screening/export")
	@RouteAccess(permission = "party:data:export", scope = AccessScope.ZONE)
	void exportScreening(@RequestParam(required = false) String asOf, @RequestParam(required = false) String q,
			@RequestParam(required = false) String coverage, @RequestParam(required = false) String ownership,
			@RequestParam(required = false) Boolean withMembers, HttpServletResponse response) throws IOException {
		String zone = this.party.zone(this.zones.current());
		LocalDate day = asOf(asOf);
		PartyViews.ScreeningFilter filter = this.coverage.filter(q, coverage, ownership, withMembers);
		PartyExports.attachment(response, "party-screening-" + day + ".xlsx");
		this.exports.screening(zone, day, filter, response.getOutputStream());
	}

}
