package io.parkops.service.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * What callers send to enterprise services (API bodies and page forms).
 */
public final class ServiceCommands {

	private ServiceCommands() {
	}

	public record RaiseRequest(String enterpriseCreditCode, String channel, String category, String title,
			String content, String raisedOn) {
	}

	public record Handling(String on, String department, String handler, String level) {
	}

	public record Resolution(String on, String result) {
	}

	public record Rating(Integer satisfaction, String comment) {
	}

	public record Withdrawal(String on, String reason) {
	}

	public record RecordVisit(String zoneCode, String date, List<String> enterpriseCreditCodes, List<String> visitors,
			String notes, Integer deeds) {
	}

	public record RecordFinancing(String enterpriseCreditCode, String kind, String on, BigDecimal amount, String bank,
			String dueOn, BigDecimal fee) {
	}

	public record Repayment(String on) {
	}

	public record RecordJobFair(String zoneCode, String date, String kind, String title,
			List<String> enterpriseCreditCodes, Integer visitors, Integer hires) {
	}

	public record Window(String from, String to) {
	}

	/**
	 * One condition of a policy: {@code ABOVE_SCALE} (规上), {@code FLAG} ({@code flag}:
	 * HIGH_TECH, SPECIALIZED, LITTLE_GIANT …), {@code INDUSTRY} ({@code industries}: GB/T
	 * 4754 codes or prefixes), {@code INDICATOR_GROWTH} ({@code indicator},
	 * {@code minPct}, {@code year}), {@code INDICATOR_AMOUNT} ({@code indicator},
	 * {@code min}, {@code year}), {@code MANUAL} ({@code text}, checked by hand).
	 */
	public record Criterion(String kind, String flag, List<String> industries, String indicator, BigDecimal minPct,
			BigDecimal min, Integer year, String text) {
	}

	public record CreatePolicy(String zoneCode, String title, String issuer, String issuerLevel, String documentNumber,
			String validFrom, String validTo, Window window, String amountRule, List<Criterion> criteria) {
	}

	public record Apply(String enterpriseCreditCode, BigDecimal amount, String appliedOn) {
	}

	public record Review(Boolean approved, BigDecimal amount, String on) {
	}

	public record Payment(String on, BigDecimal amount) {
	}

	/** 免申即享: approve the proposed list at one amount per enterprise. */
	public record AutoPayout(String on, BigDecimal amount) {
	}

}
