package io.parkops.party.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.parkops.enterprise.EnterpriseStatus;
import io.parkops.enterprise.OwnershipType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable rules of party building ({@code parkops.party.*}).
 */
@Component
public class PartyProperties {

	private final Set<EnterpriseStatus> scopeStatuses;

	private final Set<Kinds.BranchType> jointTypes;

	private final Set<Kinds.BranchType> excludedTypes;

	private final boolean countRegional;

	private final int minFullMembers;

	private final int minEmployees;

	private final int termYears;

	private final int termDueDays;

	private final int visitDays;

	private final BigDecimal coverageTarget;

	private final Set<OwnershipType> nonPublicOwnership;

	private final boolean unstatedOwnershipInScope;

	PartyProperties(@Value("${parkops.party.scope-statuses:IN_PRODUCTION}") String scopeStatuses,
			@Value("${parkops.party.joint-types:JOINT,INCUBATOR}") String jointTypes,
			@Value("${parkops.party.excluded-types:STATE_OWNED}") String excludedTypes,
			@Value("${parkops.party.count-regional:false}") boolean countRegional,
			@Value("${parkops.party.min-full-members:3}") int minFullMembers,
			@Value("${parkops.party.min-employees:0}") int minEmployees,
			@Value("${parkops.party.term-years:3}") int termYears,
			@Value("${parkops.party.term-due-days:60}") int termDueDays,
			@Value("${parkops.party.visit-days:15}") int visitDays,
			@Value("${parkops.party.coverage-target:60}") BigDecimal coverageTarget,
			@Value("${parkops.party.non-public-ownership:PRIVATE,HONG_KONG_MACAO_TAIWAN,FOREIGN}") String nonPublicOwnership,
			@Value("${parkops.party.unstated-ownership-in-scope:true}") boolean unstatedOwnershipInScope) {
		this.scopeStatuses = parse(scopeStatuses).stream()
			.map(EnterpriseStatus::valueOf)
			.collect(Collectors.toUnmodifiableSet());
		this.jointTypes = parse(jointTypes).stream()
			.map(Kinds.BranchType::valueOf)
			.collect(Collectors.toUnmodifiableSet());
		this.excludedTypes = parse(excludedTypes).stream()
			.map(Kinds.BranchType::valueOf)
			.collect(Collectors.toUnmodifiableSet());
		this.countRegional = countRegional;
		this.minFullMembers = minFullMembers;
		this.minEmployees = Math.max(0, minEmployees);
		this.termYears = termYears;
		this.termDueDays = termDueDays;
		this.visitDays = visitDays;
		this.coverageTarget = coverageTarget;
		this.nonPublicOwnership = parse(nonPublicOwnership).stream()
			.map(OwnershipType::valueOf)
			.collect(Collectors.toUnmodifiableSet());
		this.unstatedOwnershipInScope = unstatedOwnershipInScope;
	}

	private static List<String> parse(String list) {
		return Arrays.stream(list.split(","))
			.map(String::trim)
			.filter((s) -> !s.isEmpty())
			.map((s) -> s.toUpperCase(Locale.ROOT))
			.toList();
	}

	/** Registry statuses of the enterprises in scope (default 投产). */
	public Set<EnterpriseStatus> scopeStatuses() {
		return this.scopeStatuses;
	}

	/** Branch types whose enterprises count as 联合 coverage (default 联合, 孵化器). */
	public Set<Kinds.BranchType> jointTypes() {
		return this.jointTypes;
	}

	/**
	 * Branch types whose enterprises leave the scope when the registry does not state
	 * their ownership type (default 国有企业).
	 */
	public Set<Kinds.BranchType> excludedTypes() {
		return this.excludedTypes;
	}

	/** Whether enterprises of a 区域党支部 count as covered (default no). */
	public boolean countRegional() {
		return this.countRegional;
	}

	/**
	 * Full members from which an enterprise should have its own branch (应建, default 3).
	 */
	public int minFullMembers() {
		return this.minFullMembers;
	}

	/**
	 * Employees from which an enterprise is in scope (0, the default: any number), from
	 * the economy module's reported figures.
	 */
	public int minEmployees() {
		return this.minEmployees;
	}

	/** Term of a 支部委员会 in years (default 3). */
	public int termYears() {
		return this.termYears;
	}

	/** How many days before its end a term is listed as due for 换届 (default 60). */
	public int termDueDays() {
		return this.termDueDays;
	}

	/** The instructors' rhythm: a visit every so many days (default 15, half a month). */
	public int visitDays() {
		return this.visitDays;
	}

	/**
	 * The registry's ownership types that are non-public (非公企业, the scope of coverage):
	 * default 民营, 港澳台, 外商; 国有, 集体 (public ownership) and 其他 are not.
	 */
	public Set<OwnershipType> nonPublicOwnership() {
		return this.nonPublicOwnership;
	}

	/**
	 * Whether an enterprise whose ownership type the registry does not state (未填) is in
	 * scope (default yes, unless a branch of an {@link #excludedTypes() excluded type}
	 * covers it), so that a registry not yet completed still counts its enterprises.
	 */
	public boolean unstatedOwnershipInScope() {
		return this.unstatedOwnershipInScope;
	}

	/** The target of 组织覆盖率 in % (default 60). */
	public BigDecimal coverageTarget() {
		return this.coverageTarget;
	}

}
