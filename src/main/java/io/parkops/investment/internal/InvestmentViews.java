package io.parkops.investment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the investment API and pages answer.
 */
public final class InvestmentViews {

	private InvestmentViews() {
	}

	/** A page of a list with the total count. */
	public record Page<T>(List<T> items, long total) {
	}

	/** A lead (招商线索) with its follow-up due date. */
	public record LeadView(long id, String zoneCode, String name, String investor, String source, String industryCode,
			BigDecimal intendedAmount, BigDecimal intendedUsd, BigDecimal landMu, BigDecimal factoryM2,
			String financing, String responsible, String stage, LocalDate stageOn, LocalDate createdOn,
			LocalDate lastActivityOn, LocalDate followUpDue, boolean overdue, boolean major, String droppedReason,
			Long projectId, String overrideReason, String overrideBy, long version) {
	}

	/** One step or note of a lead's history. */
	public record Step(String stage, LocalDate on, String note, String by) {
	}

	/** A review item as reviewed (or not yet: result null). */
	public record ReviewItemView(String code, boolean required, String result, String note, String department,
			String reviewedBy) {
	}

	/** The review of a lead and whether it lets the lead be signed. */
	public record ReviewView(long leadId, List<ReviewItemView> items, boolean blocking, String overrideReason,
			String overrideBy) {
	}

	/** A trip or a reception with the leads it concerned. */
	public record ActivityView(long id, String zoneCode, LocalDate on, String where, List<String> people,
			List<Long> leadIds, String note) {
	}

	/** A project (项目) with its light and funds in place. */
	public record ProjectView(long id, String zoneCode, String name, String creditCode, String enterpriseName,
			Long leadId, String stage, LocalDate signedOn, LocalDate startedOn, LocalDate completedOn,
			LocalDate inProductionOn, LocalDate stageOn, BigDecimal contractAmount, BigDecimal totalInvestment,
			BigDecimal fixedAssetInvestment, BigDecimal fdiUsd, boolean outsideProvince, boolean manufacturing,
			BigDecimal fundsInPlace, String leader, List<TaskForceMemberView> taskForce, LocalDate targetProductionOn,
			String light, BigDecimal schedulePct, List<String> categories, long openProblems, long version) {
	}

	/**
	 * A member of a project's task force (一套专班): the person, the department they come
	 * from, their role ({@code LEAD} 专班长, {@code DEPUTY} 副专班长, {@code MEMBER} 成员,
	 * {@code LIAISON} 联络员) and the phone (masked for an enterprise user); {@code name} is
	 * null only for a department carried over from the old text field.
	 */
	public record TaskForceMemberView(long id, long projectId, String name, String department, String role,
			String phone, int seq, long version) {
	}

	/** A back-planned milestone with its state today. */
	public record MilestoneView(String code, int seq, LocalDate plannedOn, LocalDate doneOn, String status) {
	}

	/** The schedule of a project. */
	public record ScheduleView(long projectId, LocalDate targetProductionOn, List<MilestoneView> milestones,
			String light, BigDecimal schedulePct) {
	}

	/** A dated entry of funds in place. */
	public record FundView(long id, LocalDate on, BigDecimal amount, String origin, BigDecimal usdAmount) {
	}

	/** A building's progress entry, described the way the reports do. */
	public record BuildingView(long id, String building, LocalDate on, String phase, Integer floorsDone,
			Integer floorsTotal, BigDecimal percent, String note, String description) {
	}

	/** A problem to coordinate (问题协调). */
	public record ProblemView(long id, long projectId, String projectName, String category, String description,
			String department, LocalDate raisedOn, LocalDate deadline, String status, boolean overdue,
			LocalDate closedOn, String result, long version) {
	}

	/** A project's place in the ranking (进度排位). */
	public record RankView(int rank, long projectId, String name, String stage, String light, BigDecimal schedulePct,
			String lateMilestone, long openProblems, String leader, String taskForceLead,
			String taskForceLeadDepartment) {
	}

}
