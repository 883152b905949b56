package io.parkops.party.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parkops.economy.EconomyStatistics;
import io.parkops.economy.Indicator;
import io.parkops.enterprise.Enterprise;
import io.parkops.enterprise.EnterpriseRegistry;
import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.party.internal.Kinds.BranchType;
import io.parkops.party.internal.PartyStore.AssignmentRow;
import io.parkops.party.internal.PartyStore.Link;
import io.parkops.party.internal.PartyStore.MemberOn;
import io.parkops.party.internal.PartyViews.Coverage;
import io.parkops.party.internal.PartyViews.Members;
import io.parkops.party.internal.PartyViews.Organisations;
import io.parkops.party.internal.PartyViews.Screening;
import io.parkops.party.internal.PartyViews.ScreeningRow;
import io.parkops.party.internal.PartyViews.ShouldBuild;

import org.springframework.stereotype.Service;

/**
 * The coverage of party organisations (组织覆盖率, 单独组建率, 工作覆盖率) and the screening lists
 * (两项排查), computed from the enterprise registry and the organisations' history for any
 * date.
 * <p>
 * In scope (domain.md §8: operating non-public enterprises): the zone's enterprises whose
 * registry status on the date (from the status history) is one of
 * {@code parkops.party.scope-statuses} (投产) and whose registry ownership type is
 * non-public ({@code non-public-ownership}: 民营, 港澳台, 外商), with at least
 * {@code min-employees} employees (economy's reported figures of the date's year, else
 * the year before) when set. An enterprise whose ownership type is not stated (未填) is in
 * scope when {@code unstated-ownership-in-scope} is set, unless a branch of an excluded
 * type (国有企业) covers it. Covered: an enterprise with an own branch, or in a joint branch
 * ({@code joint-types}), or in a regional branch where {@code count-regional} is set.
 * Work coverage also counts the enterprises an instructor is assigned to.
 */
@Service
public class CoverageService {

	private final PartyStore store;

	private final EnterpriseRegistry enterprises;

	private final PartyProperties properties;

	private final EconomyStatistics economy;

	CoverageService(PartyStore store, EnterpriseRegistry enterprises, PartyProperties properties,
			EconomyStatistics economy) {
		this.store = store;
		this.enterprises = enterprises;
		this.properties = properties;
		this.economy = economy;
	}

	/**
	 * Each enterprise's employees as reported to the economy module: the average of the
	 * reported months of the date's year, else of the year before.
	 */
	Map<String, java.math.BigDecimal> employees(String zone, LocalDate asOf) {
		Map<String, java.math.BigDecimal> result = new HashMap<>();
		for (int year : new int[] { asOf.getYear() - 1, asOf.getYear() }) {
			this.economy.enterpriseYearFiguresForReport(zone, year).forEach((code, figures) -> {
				java.math.BigDecimal n = figures.get(Indicator.EMPLOYEES);
				if (n != null) {
					result.put(code, n);
				}
			});
		}
		return result;
	}

	/** Coverage of a zone the caller has already been checked for. */
	public Coverage coverage(String zone, LocalDate asOf) {
		Snapshot s = snapshot(zone, asOf, false);
		long own = s.rows.stream().filter((r) -> "OWN".equals(r.coverage())).count();
		long joint = s.rows.stream().filter((r) -> "JOINT".equals(r.coverage())).count();
		long instructor = s.rows.stream().filter((r) -> "INSTRUCTOR".equals(r.coverage())).count();
		long inScope = s.rows.size();
		long covered = own + joint;
		Map<String, Long> byType = new LinkedHashMap<>();
		Map<String, Long> counted = this.store.branchesByType(zone, asOf);
		for (BranchType t : BranchType.values()) {
			long n = counted.getOrDefault(t.name(), 0L);
			if (n > 0) {
				byType.put(t.name(), n);
			}
		}
		long branches = byType.values().stream().mapToLong(Long::longValue).sum();
		long probationary = s.members.stream().filter(MemberOn::probationary).count();
		List<ShouldBuild> shouldBuild = shouldBuild(s.rows).stream()
			.map((r) -> new ShouldBuild(r.creditCode(), r.name(), r.fullMembers()))
			.toList();
		return new Coverage(asOf, inScope, own, joint, covered, Rates.pct(covered, inScope), Rates.pct(own, inScope),
				Rates.pct(covered + instructor, inScope), instructor, new Organisations(branches, byType),
				new Members(s.members.size(), probationary), shouldBuild,
				s.rows.stream().filter((r) -> r.ownershipType() == null).count());
	}

	/** The screening lists of a zone as of a date. */
	public Screening screening(String zone, LocalDate asOf) {
		Snapshot s = snapshot(zone, asOf, true);
		List<ScreeningRow> uncovered = s.rows.stream()
			.filter((r) -> r.members() > 0 && ("NONE".equals(r.coverage()) || "INSTRUCTOR".equals(r.coverage())
					|| "REGIONAL".equals(r.coverage())))
			.sorted(Comparator.comparingLong(ScreeningRow::members).reversed().thenComparing(ScreeningRow::name))
			.toList();
		return new Screening(asOf, s.rows, shouldBuild(s.rows), uncovered);
	}

	/**
	 * Checks a screening filter as the page and the export receive it: a known coverage
	 * kind and ownership type (or NONE), a text of at most 100 characters; blank values
	 * leave a criterion out.
	 * @throws io.parkops.platform.InvalidInputException naming the field
	 */
	public PartyViews.ScreeningFilter filter(String q, String coverage, String ownership, Boolean withMembers) {
		io.parkops.platform.Inputs in = new io.parkops.platform.Inputs();
		String text = in.text(q, "q", 100, false);
		String kind = io.parkops.platform.Inputs.trim(coverage);
		if (kind != null && !PartyViews.ScreeningFilter.COVERAGES.contains(kind)) {
			in.problem("coverage", "error.party.unknownValue", io.parkops.platform.Inputs.shorten(kind));
		}
		String type = io.parkops.platform.Inputs.trim(ownership);
		if (type != null && !type.equals("NONE")
				&& java.util.Arrays.stream(io.parkops.enterprise.OwnershipType.values())
					.noneMatch((t) -> t.name().equals(type))) {
			in.problem("ownership", "error.party.unknownValue", io.parkops.platform.Inputs.shorten(type));
		}
		in.check();
		return new PartyViews.ScreeningFilter(text, kind, type, withMembers);
	}

	/** 应建未建: at least {@code min-full-members} full members and no own branch. */
	private List<ScreeningRow> shouldBuild(List<ScreeningRow> rows) {
		return rows.stream()
			.filter((r) -> r.fullMembers() >= this.properties.minFullMembers() && !"OWN".equals(r.coverage()))
			.sorted(Comparator.comparingLong(ScreeningRow::fullMembers).reversed().thenComparing(ScreeningRow::name))
			.toList();
	}

	private record Snapshot(List<ScreeningRow> rows, List<MemberOn> members) {
	}

	private Snapshot snapshot(String zone, LocalDate asOf, boolean withEmployees) {
		Map<String, Link> best = new HashMap<>();
		java.util.Set<String> excluded = new java.util.HashSet<>();
		for (Link link : this.store.links(zone, asOf)) {
			BranchType type = BranchType.valueOf(link.branchType());
			if (this.properties.excludedTypes().contains(type)) {
				excluded.add(link.creditCode());
			}
			Link held = best.get(link.creditCode());
			if (held == null || rank(type) > rank(BranchType.valueOf(held.branchType()))) {
				best.put(link.creditCode(), link);
			}
		}
		Map<String, AssignmentRow> instructors = new HashMap<>();
		for (AssignmentRow a : this.store.assignments(zone, null, asOf)) {
			instructors.putIfAbsent(a.creditCode(), a);
		}
		List<MemberOn> members = this.store.membersOn(zone, asOf);
		Map<String, long[]> byEnterprise = new HashMap<>();
		for (MemberOn m : members) {
			if (m.creditCode() != null) {
				long[] n = byEnterprise.computeIfAbsent(m.creditCode(), (k) -> new long[2]);
				n[0]++;
				n[1] += m.probationary() ? 0 : 1;
			}
		}
		Map<String, EnterpriseStatus> statuses = this.enterprises.statusesOn(zone, asOf);
		Map<String, java.math.BigDecimal> employees = (withEmployees || this.properties.minEmployees() > 0)
				? employees(zone, asOf) : Map.of();
		java.math.BigDecimal minEmployees = java.math.BigDecimal.valueOf(this.properties.minEmployees());
		List<ScreeningRow> rows = new ArrayList<>();
		for (Enterprise e : this.enterprises.ofZone(zone)) {
			EnterpriseStatus status = statuses.getOrDefault(e.creditCode(), e.status());
			java.math.BigDecimal staff = employees.get(e.creditCode());
			if (!this.properties.scopeStatuses().contains(status) || !nonPublic(e, excluded)) {
				continue;
			}
			if (this.properties.minEmployees() > 0 && (staff == null || staff.compareTo(minEmployees) < 0)) {
				continue;
			}
			Link link = best.get(e.creditCode());
			AssignmentRow a = instructors.get(e.creditCode());
			long[] n = byEnterprise.getOrDefault(e.creditCode(), new long[2]);
			rows.add(new ScreeningRow(e.creditCode(), e.name(), status.name(), n[0], n[1],
					(link != null) ? link.organisationId() : null, (link != null) ? link.organisationName() : null,
					(link != null) ? link.branchType() : null, (a != null) ? a.instructorId() : null,
					(a != null) ? a.instructorName() : null, coverage(link, a), staff,
					(e.ownershipType() != null) ? e.ownershipType().name() : null));
		}
		rows.sort(Comparator.comparing(ScreeningRow::name));
		return new Snapshot(rows, members);
	}

	/**
	 * Whether an enterprise is non-public: by its ownership type when the registry states
	 * one, else (when such enterprises count) unless an excluded branch type covers it.
	 */
	private boolean nonPublic(Enterprise e, java.util.Set<String> excluded) {
		if (e.ownershipType() != null) {
			return this.properties.nonPublicOwnership().contains(e.ownershipType());
		}
		return this.properties.unstatedOwnershipInScope() && !excluded.contains(e.creditCode());
	}

	/**
	 * OWN, JOINT (a joint type, or regional where counted), REGIONAL, INSTRUCTOR or NONE.
	 */
	private String coverage(Link link, AssignmentRow instructor) {
		if (link != null) {
			BranchType type = BranchType.valueOf(link.branchType());
			if (type == BranchType.OWN) {
				return "OWN";
			}
			if (this.properties.jointTypes().contains(type)
					|| (type == BranchType.REGIONAL && this.properties.countRegional())) {
				return "JOINT";
			}
			if (type == BranchType.REGIONAL && instructor == null) {
				return "REGIONAL";
			}
		}
		return (instructor != null) ? "INSTRUCTOR" : "NONE";
	}

	private int rank(BranchType type) {
		if (type == BranchType.OWN) {
			return 3;
		}
		if (this.properties.jointTypes().contains(type)) {
			return 2;
		}
		return (type == BranchType.REGIONAL) ? 1 : 0;
	}

}
