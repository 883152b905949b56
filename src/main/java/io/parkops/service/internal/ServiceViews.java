package io.parkops.service.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.parkops.service.internal.ServiceCommands.Criterion;

/**
 * What enterprise services answer (API and pages).
 */
public final class ServiceViews {

	private ServiceViews() {
	}

	/**
	 * A page of a list: {@code total} is exact unless {@code totalCapped}, when more than
	 * {@code total} match (a long list is counted only so far past the page shown).
	 */
	public record Page<T>(List<T> items, long total, boolean totalCapped) {

		public Page(List<T> items, long total) {
			this(items, total, false);
		}

	}

	public record RequestView(long id, String zoneCode, String enterpriseCreditCode, String enterpriseName,
			String channel, String category, String title, String content, LocalDate raisedOn, LocalDate deadline,
			String status, boolean overdue, String level, String department, String handler, LocalDate handledOn,
			LocalDate resolvedOn, String result, Integer satisfaction, String ratingComment, LocalDate ratedOn,
			int reopened, LocalDate withdrawnOn, LocalDate escalatedOn, String createdBy, long version, Long visitId) {

		RequestView withName(String name) {
			return new RequestView(this.id, this.zoneCode, this.enterpriseCreditCode, name, this.channel, this.category,
					this.title, this.content, this.raisedOn, this.deadline, this.status, this.overdue, this.level,
					this.department, this.handler, this.handledOn, this.resolvedOn, this.result, this.satisfaction,
					this.ratingComment, this.ratedOn, this.reopened, this.withdrawnOn, this.escalatedOn, this.createdBy,
					this.version, this.visitId);
		}

	}

	public record StepView(String step, LocalDate on, String actor, String text) {
	}

	public record VisitView(long id, String zoneCode, LocalDate date, List<String> enterpriseCreditCodes,
			List<String> enterpriseNames, List<String> visitors, String notes, int deeds, String createdBy,
			long version, List<Long> requestIds) {
	}

	/** A financing record; {@code product} that of a park-backed loan, else null. */
	public record FinancingView(long id, String zoneCode, String enterpriseCreditCode, String enterpriseName,
			String kind, String product, LocalDate on, BigDecimal amount, String bank, LocalDate dueOn,
			LocalDate repaidOn, BigDecimal fee, boolean overdue, long version) {
	}

	public record JobFairView(long id, String zoneCode, LocalDate date, String kind, String title,
			List<String> enterpriseCreditCodes, List<String> enterpriseNames, int visitors, int hires, long version) {
	}

	public record PolicyView(long id, String zoneCode, String title, String issuer, String issuerLevel,
			String documentNumber, LocalDate validFrom, LocalDate validTo, Map<String, LocalDate> window,
			String amountRule, List<Criterion> criteria, List<String> criteriaTexts, boolean automatic, long version) {
	}

	/**
	 * One criterion for one enterprise: met, missed or (MANUAL) to be checked by hand.
	 */
	public record CriterionResult(String kind, String text, Boolean met, String value) {
	}

	public record MatchView(String creditCode, String name, boolean qualifies, List<CriterionResult> criteria) {
	}

	public record ApplicationView(long id, long policyId, String policyTitle, String zoneCode,
			String enterpriseCreditCode, String enterpriseName, BigDecimal amount, LocalDate appliedOn, String status,
			LocalDate reviewedOn, BigDecimal approvedAmount, LocalDate paidOn, BigDecimal paidAmount, boolean automatic,
			LocalDate publicityFrom, LocalDate objectionUntil, long version) {
	}

	/** A 免申即享 line: an enterprise the data qualifies, with the data and clause. */
	public record AutoLine(String creditCode, String name, List<CriterionResult> criteria, String clause) {
	}

	public record AutoList(long policyId, boolean automatic, List<String> manualCriteria, List<AutoLine> items) {
	}

	/**
	 * 代办: an approval handled on an enterprise's behalf; {@code days} the calendar days
	 * from its start to its finish (or to today while open).
	 */
	public record AgencyView(long id, String zoneCode, String enterpriseCreditCode, String enterpriseName, String item,
			String department, String handler, LocalDate startedOn, LocalDate finishedOn, String result, Long requestId,
			long days, String createdBy, long version) {
	}

	/** Hires an enterprise reported for a month ({@code 2026-05}). */
	public record HireView(long id, String zoneCode, String enterpriseCreditCode, String enterpriseName, String month,
			int hires, Long fairId, String fairTitle, String notes, String createdBy, long version) {
	}

	/**
	 * An enterprise's service people: 企业秘书 and 挂点领导 from the registry, 首席服务员 kept here;
	 * the last visit and whether a visit is due by the rhythm.
	 */
	public record PeopleView(String creditCode, String name, String secretary, String chiefServer, String chiefPhone,
			String leader, LocalDate lastVisit, boolean visitDue, long version) {
	}

}
