package io.parkops.investment.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * The requests of investment attraction and project construction, as the API and the
 * pages send them. Dates are ISO-8601 text so that a wrong one is reported on its field.
 */
public final class InvestmentCommands {

	private InvestmentCommands() {
	}

	/** Records a lead (招商线索); amounts in 万元, {@code intendedUsd} in 万美元. */
	public record RecordLead(String zoneCode, String name, String investor, String source, String industryCode,
			BigDecimal intendedAmount, BigDecimal intendedUsd, BigDecimal landMu, BigDecimal factoryM2,
			String financing, String responsible, String createdOn) {
	}

	/** Moves a lead to a later stage, or drops it with the reason in {@code note}. */
	public record LeadStep(String stage, String on, String note) {
	}

	/** A progress note on a lead (跟进记录). */
	public record LeadNote(String on, String note) {
	}

	/** A trip (外出招商考察). */
	public record RecordTrip(String zoneCode, String date, String destination, List<String> people, List<Long> leadIds,
			String note) {
	}

	/** A reception of visiting investors (接待来访客商). */
	public record RecordReception(String zoneCode, String date, String visitors, List<Long> leadIds, String note) {
	}

	/** One item of the admission review (预审联审). */
	public record ReviewItem(String code, String result, String note, String department) {
	}

	/** The admission review's items as reviewed. */
	public record Review(List<ReviewItem> items) {
	}

	/** A leader's override of a failed review item, with the reason recorded. */
	public record ReviewOverride(String reason) {
	}

	/** Signing (签约): the lead becomes a project. */
	public record Signing(String signedOn, String projectName, BigDecimal contractAmount, BigDecimal totalInvestment,
			BigDecimal fixedAssetInvestment, BigDecimal fdiUsd, Boolean outsideProvince, Boolean manufacturing,
			String enterpriseCreditCode, NewEnterprise newEnterprise) {
	}

	/**
	 * The company set up for a signed project, registered into the enterprise registry at
	 * signing (instead of naming an existing one); its industry defaults to the lead's.
	 */
	public record NewEnterprise(String creditCode, String name, String areaCode, String industryCode) {
	}

	/** A project started without a lead (expansion, 二次招商), as 谋划 or 签约. */
	public record RecordProject(String zoneCode, String name, String enterpriseCreditCode, String stage,
			String signedOn, BigDecimal contractAmount, BigDecimal totalInvestment, BigDecimal fixedAssetInvestment,
			BigDecimal fdiUsd, Boolean outsideProvince, Boolean manufacturing) {
	}

	/**
	 * The enterprise of a project set up after signing: one of the registry, or
	 * {@code newEnterprise} registered; with the project's version.
	 */
	public record LinkEnterprise(String enterpriseCreditCode, NewEnterprise newEnterprise, Long version) {
	}

	/** Moves a project to a stage on a date. */
	public record ProjectStep(String stage, String on, String note) {
	}

	/** 一个项目、一名领导: the responsible leader, with the project's version. */
	public record Leadership(String leader, Long version) {
	}

	/**
	 * A member of the task force (一套专班): added (no version) or corrected (the version
	 * last read); on a correction a missing {@code phone} keeps the stored one and
	 * {@code removePhone} removes it.
	 */
	public record TaskForceMember(String name, String department, String role, String phone, Boolean removePhone,
			Long version) {
	}

	/** Funds in place (实际到位资金): 万元, and 万美元 for foreign funds. */
	public record RecordFunds(String on, BigDecimal amount, String origin, BigDecimal usdAmount) {
	}

	/** The target production date from which the milestones are planned backwards. */
	public record PlanSchedule(String targetProductionOn) {
	}

	/** A milestone done on a date. */
	public record MilestoneDone(String on) {
	}

	/** A building's progress on a date. */
	public record BuildingProgress(String on, String phase, Integer floorsDone, Integer floorsTotal, BigDecimal percent,
			String note) {
	}

	/** A problem to coordinate (问题协调) raised on a project. */
	public record RaiseProblem(String category, String description, String department, String deadline) {
	}

	/** The department starts handling a problem (→ 办理中). */
	public record ProblemHandling(String on, String note) {
	}

	/** A problem closed (销号) with its result. */
	public record CloseProblem(String closedOn, String result) {
	}

	/** One target: a count or an amount. */
	public record TargetValue(BigDecimal count, BigDecimal amount) {
	}

}
