package io.parkops.party.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The requests of party building, as the API and the pages send them. Dates are ISO-8601
 * text so that a wrong one is reported on its field.
 */
public final class PartyCommands {

	private PartyCommands() {
	}

	/** Founds an organisation (党工委, 综合党委 or 支部) with the enterprises a branch covers. */
	public record FoundOrganisation(String zoneCode, String name, String kind, String branchType, Long parentId,
			List<String> enterpriseCreditCodes, String foundedOn, String secretary, Integer termYears) {
	}

	/** Changes name, secretary and term (换届: a new term start). */
	public record EditOrganisation(String name, String secretary, Integer termYears, String termStartedOn,
			Long version) {
	}

	/** Dissolves (撤销) an organisation on a date. */
	public record Dissolve(String on) {
	}

	/**
	 * Merges an organisation into another on a date: its enterprises and members move.
	 */
	public record Merge(Long intoId, String on) {
	}

	/** Adds an enterprise to a branch from a date. */
	public record AddEnterprise(String enterpriseCreditCode, String from) {
	}

	/** Records a member: only what the work needs, no ID number. */
	public record RecordMember(Long organisationId, String name, String gender, Integer birthYear, String status,
			String joinedOn, String enterpriseCreditCode, String phone, String movedInOn) {
	}

	/** A probationary member becomes a full member (转正). */
	public record ConfirmMember(String on) {
	}

	/** A member moves out (转出组织关系). */
	public record MoveOut(String on, String to) {
	}

	/** Records a 党建指导员 with the enterprises assigned to them. */
	public record RecordInstructor(String zoneCode, String name, List<String> enterpriseCreditCodes,
			String assignedOn) {
	}

	/** One visit of an instructor to an enterprise. */
	public record RecordVisit(Long instructorId, String enterpriseCreditCode, String on, String notes) {
	}

	/**
	 * An activity with its participants: the count (attendance) and, if known, who took
	 * part — members by id, others by name (the count is at least the list's length, and
	 * the list's length when absent); a volunteer activity may name its service team.
	 */
	public record RecordActivity(Long organisationId, String kind, String on, String title, Integer participants,
			String notes, Long serviceTeamId, List<Long> participantMemberIds, List<String> participantNames) {
	}

	/** Changes a recorded activity (all its values; the participant list is replaced). */
	public record EditActivity(String kind, String on, String title, Integer participants, String notes,
			Long serviceTeamId, List<Long> participantMemberIds, List<String> participantNames, Long version) {
	}

	/** Corrects a member's recorded values; a blank phone keeps the stored one. */
	public record EditMember(String name, String gender, Integer birthYear, String joinedOn,
			String enterpriseCreditCode, String phone, Boolean removePhone, Long version) {
	}

	/** Releases (解除) an instructor's assignment to an enterprise on a date. */
	public record Release(String enterpriseCreditCode, String on) {
	}

	/** Assigns a further enterprise to an instructor from a date. */
	public record Assign(String enterpriseCreditCode, String from) {
	}

	/** Founds a 志愿服务队. */
	public record RecordServiceTeam(String zoneCode, String name, Long organisationId, String leader,
			String foundedOn) {
	}

	/** Changes a service team; {@code disbandedOn} ends it. */
	public record EditServiceTeam(String name, String leader, String disbandedOn, Long version) {
	}

	/** Party dues of an organisation for a month, in 元; {@code version} for a change. */
	public record RecordDues(BigDecimal collected, BigDecimal returned, Long version) {
	}

	/** Someone entering the development pipeline as 入党申请人. */
	public record RecordApplicant(Long organisationId, String name, String appliedOn) {
	}

	/** The next stage of development with its date. */
	public record Advance(String stage, String on) {
	}

}
