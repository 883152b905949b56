package io.parkops.safety.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The requests of the safety module, as the API and the pages send them. Dates are
 * ISO-8601 text so that a wrong one is reported on its field.
 */
public final class SafetyCommands {

	private SafetyCommands() {
	}

	/** Records an inspection (检查). */
	public record RecordInspection(String zoneCode, String date, String kind, String organizer,
			List<String> enterpriseCreditCodes, List<String> agencies, String people, String notes) {
	}

	/** Records a hazard (隐患) found at an enterprise, optionally during an inspection. */
	public record RecordHazard(String enterpriseCreditCode, Long inspectionId, String level, String category,
			String description, String location, String foundOn, String deadline, String rectificationType,
			String responsiblePerson) {
	}

	/** The enterprise starts rectifying (待整改 → 整改中). */
	public record StartRectification(String startedOn, String note) {
	}

	/** Rectification reported with its measures (→ 待验收). */
	public record ReportRectification(String rectifiedOn, String measures) {
	}

	/** The acceptance review: passed → 已销号, failed → back to 整改中. */
	public record ReviewAcceptance(Boolean passed, String reviewedOn, String opinion) {
	}

	/**
	 * The remediation plan (治理方案) of a major hazard; {@code version} is the one last read
	 * (none when the plan is first written).
	 */
	public record RemediationPlan(String target, String measures, BigDecimal funds, String people, String deadline,
			String safetyMeasures, Long version) {
	}

	/** Issues a notice (整改通知书 / 责令改正通知书) for hazards of one enterprise. */
	public record IssueNotice(String enterpriseCreditCode, List<Long> hazardIds, String kind, String issuedOn,
			String deadline) {
	}

	/** Records a penalty decision (处罚), amount in 万元. */
	public record RecordPenalty(String enterpriseCreditCode, String decidedOn, BigDecimal amount, String reason,
			String decisionNumber, List<Long> hazardIds) {
	}

	/** Receives a complaint (信访件) from the public. */
	public record ReceiveComplaint(String zoneCode, String receivedOn, String source, String content,
			String enterpriseCreditCode, String deadline) {
	}

	/** A step of a complaint: handling started or answer given. */
	public record ComplaintStep(String on, String text) {
	}

	/** Closes (销号) a complaint with the reply to the complainant. */
	public record CloseComplaint(String closedOn, String reply) {
	}

	/** One entry of the patrol log (巡查调查日报). */
	public record RecordPatrol(String zoneCode, String patrolOn, String route, String patrollers, String findings,
			Long complaintId) {
	}

	/**
	 * Who is on duty (值班) in a zone on a day; {@code version} is the one last read (none
	 * for a day without an entry yet).
	 */
	public record AssignDuty(String leader, String staff, String phone, Long version) {
	}

}
