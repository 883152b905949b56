package io.parkops.land.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the per-mu evaluation API answers.
 */
public final class PerMuViews {

	private PerMuViews() {
	}

	/** The scheme of a year with its version ({@code stored} false: the defaults). */
	public record SchemeView(int year, PerMuScheme.ItemSet aboveScale, PerMuScheme.ItemSet belowScale,
			java.util.Map<String, BigDecimal> classCuts, java.util.Map<String, List<String>> policies,
			java.util.Map<String, java.util.Map<String, String>> measures, boolean stored, long version) {
	}

	/**
	 * One enterprise on a class-driven policy list (差别化电价, 用水, 用地, 奖补): its class and the
	 * measure the scheme sets for the class.
	 */
	public record PolicyEntry(String creditCode, String name, String cls, String measure) {
	}

	/** The manual inputs of an enterprise's year. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record InputsView(int year, String creditCode, BigDecimal landMu, BigDecimal tax, BigDecimal valueAdded,
			BigDecimal revenue, BigDecimal electricity, BigDecimal energyTce, BigDecimal emissions,
			BigDecimal employees, BigDecimal rdExpense, Boolean notGraded, long version) {
	}

	/** One item of a result. */
	public record ItemView(String code, BigDecimal value, BigDecimal benchmark, BigDecimal weight, BigDecimal points) {
	}

	/** What an indicator alone would have to gain to reach the next class. */
	public record NeedView(String code, BigDecimal needed, BigDecimal target) {
	}

	/** One enterprise's result. */
	public record ResultView(String creditCode, String name, boolean aboveScale, BigDecimal landMu, BigDecimal score,
			Integer rank, @JsonProperty("class") String cls, boolean graded, List<ItemView> items,
			List<NeedView> toNextClass) {
	}

	/** An evaluation with its results (an enterprise user sees only its own). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record EvaluationView(long id, String zoneCode, int year, String status, LocalDate publishedOn,
			LocalDate objectionUntil, LocalDate finalizedOn, long graded, java.util.Map<String, Long> classes,
			List<ResultView> results, long version) {
	}

	/** An objection (异议). */
	public record ObjectionView(long id, long evaluationId, String creditCode, String name, String text,
			String evidence, LocalDate submittedOn, String status, String reply) {
	}

}
