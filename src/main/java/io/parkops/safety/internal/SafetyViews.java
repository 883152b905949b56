package io.parkops.safety.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the API and the pages show of the safety records.
 */
public final class SafetyViews {

	private SafetyViews() {
	}

	/** A page of a list with the total count. */
	public record Page<T>(List<T> items, long total) {
	}

	public record InspectionView(long id, String zoneCode, String kind, LocalDate date, String organizer,
			List<String> agencies, String people, String notes, List<String> enterpriseCreditCodes, long hazards,
			String createdBy, long version) {
	}

	public record HazardView(long id, String zoneCode, String enterpriseCreditCode, String enterpriseName,
			Long inspectionId, String level, String category, String description, String location,
			String rectificationType, LocalDate foundOn, LocalDate deadline, String responsiblePerson, String status,
			boolean overdue, LocalDate overdueSince, LocalDate rectifiedOn, String measures, LocalDate acceptedOn,
			boolean planRequired, boolean hasPlan, long version, String sourceLink) {

		public HazardView withName(String name) {
			return new HazardView(this.id, this.zoneCode, this.enterpriseCreditCode, name, this.inspectionId,
					this.level, this.category, this.description, this.location, this.rectificationType, this.foundOn,
					this.deadline, this.responsiblePerson, this.status, this.overdue, this.overdueSince,
					this.rectifiedOn, this.measures, this.acceptedOn, this.planRequired, this.hasPlan, this.version,
					this.sourceLink);
		}

	}

	public record HazardStep(long id, String action, String status, LocalDate on, String note, String actor,
			Instant recordedAt) {
	}

	public record PlanView(String target, String measures, BigDecimal funds, String people, LocalDate deadline,
			String safetyMeasures, String updatedBy, long version) {
	}

	public record PhotoInfo(long id, String ownerType, long ownerId, String stage, String contentType, int size,
			String fileName, String uploadedBy, Instant uploadedAt) {
	}

	public record Photo(PhotoInfo info, byte[] bytes) {
	}

	public record NoticeView(long id, String zoneCode, String enterpriseCreditCode, String enterpriseName, String kind,
			String number, int year, int seq, LocalDate issuedOn, LocalDate deadline, String issuer,
			List<Long> hazardIds, long version) {
	}

	public record PenaltyView(long id, String zoneCode, String enterpriseCreditCode, String enterpriseName,
			LocalDate decidedOn, BigDecimal amount, String reason, String decisionNumber, List<Long> hazardIds,
			long version) {
	}

	public record ComplaintView(long id, String zoneCode, LocalDate receivedOn, String source, String content,
			String enterpriseCreditCode, LocalDate deadline, String status, boolean late, LocalDate handledOn,
			String handlingNote, LocalDate answeredOn, String answer, LocalDate closedOn, String reply, long version) {
	}

	public record PatrolView(long id, String zoneCode, LocalDate patrolOn, String route, String patrollers,
			String findings, Long complaintId, String createdBy, long version) {
	}

	public record DutyView(String zoneCode, LocalDate on, String leader, String staff, String phone, long version) {
	}

	/** An enterprise with its open hazards, for the ranking. */
	public record EnterpriseHazards(String creditCode, String name, long open, long overdue, long major) {
	}

	/** Hazards found and accepted of one category. */
	public record CategoryFigures(String category, long found, long accepted, BigDecimal ratePct) {
	}

}
