package io.parkops.party.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the party API answers.
 */
public final class PartyViews {

	private PartyViews() {
	}

	/** A page of a list with the total number of matches. */
	public record Page<T>(List<T> items, long total) {
	}

	/** An organisation with its history and the enterprises it covers. */
	public record OrganisationView(long id, String zoneCode, String name, String kind, String branchType, Long parentId,
			String parentName, String secretary, LocalDate foundedOn, int termYears, LocalDate termStartedOn,
			LocalDate termEndsOn, LocalDate endedOn, String endReason, Long mergedIntoId, boolean active, long members,
			List<CoveredEnterprise> enterprises, long version) {
	}

	/** An enterprise covered by a branch from a date to a date. */
	public record CoveredEnterprise(String creditCode, String name, LocalDate from, LocalDate to) {
	}

	/**
	 * A member: no ID number; {@code phone} is masked in lists and shown in full only on
	 * the member's own page.
	 */
	public record MemberView(long id, long organisationId, String organisationName, String name, String gender,
			int birthYear, String status, LocalDate joinedOn, LocalDate fullOn, String enterpriseCreditCode,
			String enterpriseName, String phone, LocalDate movedInOn, LocalDate movedOutOn, String movedOutTo,
			long version) {
	}

	/**
	 * A 党建指导员 with the enterprises assigned today and, on the instructor's own view,
	 * every assignment with its release date ({@code history}).
	 */
	public record InstructorView(long id, String zoneCode, String name, List<Assignment> enterprises, long overdue,
			List<Assignment> history, long version) {
	}

	/**
	 * An enterprise assigned to an instructor, its last visit and when the next is due.
	 */
	public record Assignment(String creditCode, String name, LocalDate assignedOn, LocalDate releasedOn,
			LocalDate lastVisit, LocalDate nextDue, boolean overdue) {
	}

	/** An enterprise whose instructor's visit is past the rhythm. */
	public record OverdueVisit(long instructorId, String instructorName, String creditCode, String name,
			LocalDate lastVisit, LocalDate nextDue) {
	}

	public record VisitView(long id, long instructorId, String instructorName, String creditCode, String enterpriseName,
			LocalDate on, String notes) {
	}

	/**
	 * An activity: {@code participants} is the attendance count, {@code participantList}
	 * who took part by name (members of the zone carry their id); a volunteer activity
	 * names its service team.
	 */
	public record ActivityView(long id, long organisationId, String organisationName, String kind, LocalDate on,
			String title, int participants, String notes, Long serviceTeamId, String serviceTeamName,
			List<Participant> participantList, long version) {

		ActivityView withParticipants(List<Participant> list) {
			return new ActivityView(this.id, this.organisationId, this.organisationName, this.kind, this.on, this.title,
					this.participants, this.notes, this.serviceTeamId, this.serviceTeamName, list, this.version);
		}

	}

	/** One participant of an activity: a member (with id) or someone else by name. */
	public record Participant(Long memberId, String name) {
	}

	/**
	 * A 志愿服务队 with its volunteer activities: how many and their participants in total.
	 */
	public record ServiceTeamView(long id, String zoneCode, String name, Long organisationId, String organisationName,
			String leader, LocalDate foundedOn, LocalDate disbandedOn, boolean active, long activities,
			long participants, long version) {
	}

	public record DuesView(long organisationId, String organisationName, String month, BigDecimal collected,
			BigDecimal returned, long version) {
	}

	public record DevelopmentView(long id, long organisationId, String organisationName, String name, String stage,
			LocalDate appliedOn, LocalDate activistOn, LocalDate candidateOn, LocalDate probationaryOn,
			LocalDate fullOn, long version) {

		/** The stage after the current one, or null after 正式党员. */
		public String nextStage() {
			Kinds.Stage current = Kinds.Stage.valueOf(this.stage);
			Kinds.Stage[] all = Kinds.Stage.values();
			return (current.ordinal() + 1 < all.length) ? all[current.ordinal() + 1].name() : null;
		}

	}

	/** The development pipeline of a period: entries into each stage. */
	public record DevelopmentCounts(LocalDate from, LocalDate to, Map<String, Long> entered,
			Map<String, Long> current) {
	}

	/**
	 * The coverage of a zone as of a date (the contract of
	 * {@code GET /api/v1/party/coverage}): the enterprises in scope are the operating
	 * non-public ones (非公企业); {@code ownershipNotStated} counts those among them whose
	 * ownership type the registry does not state (未填).
	 */
	public record Coverage(LocalDate asOf, long enterprisesInScope, long ownBranchEnterprises,
			long jointBranchEnterprises, long coveredEnterprises, BigDecimal coveragePct, BigDecimal ownRatePct,
			BigDecimal workCoveragePct, long instructorEnterprises, Organisations organisations, Members members,
			List<ShouldBuild> shouldBuild, long ownershipNotStated) {
	}

	public record Organisations(long branches, Map<String, Long> byType) {
	}

	public record Members(long total, long probationary) {
	}

	/** 应建未建: an enterprise with enough full members and no own branch. */
	public record ShouldBuild(String creditCode, String name, long members) {
	}

	/**
	 * One enterprise of the screening (两项排查): {@code status} is the registry's status on
	 * the date; {@code employees} the average of the year's reported months (economy),
	 * null when none was reported; {@code ownershipType} the registry's (null: 未填).
	 */
	public record ScreeningRow(String creditCode, String name, String status, long members, long fullMembers,
			Long branchId, String branchName, String branchType, Long instructorId, String instructorName,
			String coverage, BigDecimal employees, String ownershipType) {
	}

	/**
	 * What the screening list is narrowed to: a name or credit-code text, a coverage kind
	 * (OWN, JOINT, REGIONAL, INSTRUCTOR, NONE), an ownership type (or NONE for 未填) and
	 * whether only enterprises with members; null leaves a criterion out.
	 */
	public record ScreeningFilter(String q, String coverage, String ownership, Boolean withMembers) {

		/** The coverage kinds a row may have. */
		public static final List<String> COVERAGES = List.of("OWN", "JOINT", "REGIONAL", "INSTRUCTOR", "NONE");

		public static final ScreeningFilter NONE = new ScreeningFilter(null, null, null, null);

		public boolean test(ScreeningRow r) {
			if (this.q != null
					&& !r.name().toLowerCase(java.util.Locale.ROOT).contains(this.q.toLowerCase(java.util.Locale.ROOT))
					&& !r.creditCode().startsWith(this.q.toUpperCase(java.util.Locale.ROOT))) {
				return false;
			}
			if (this.coverage != null && !this.coverage.equals(r.coverage())) {
				return false;
			}
			if (this.ownership != null
					&& !this.ownership.equals((r.ownershipType() != null) ? r.ownershipType() : "NONE")) {
				return false;
			}
			return !Boolean.TRUE.equals(this.withMembers) || r.members() > 0;
		}

	}

	/** The screening lists as of a date. */
	public record Screening(LocalDate asOf, List<ScreeningRow> enterprises, List<ScreeningRow> shouldBuild,
			List<ScreeningRow> uncoveredWithMembers) {
	}

}
