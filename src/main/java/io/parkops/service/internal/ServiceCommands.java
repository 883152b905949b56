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
			String content, String raisedOn, Long visitId) {

		public RaiseRequest(String enterpriseCreditCode, String channel, String category, String title, String content,
				String raisedOn) {
			this(enterpriseCreditCode, channel, category, title, content, raisedOn, null);
		}

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

	/**
	 * Financing granted; {@code product} only for a park-backed loan ({@code PARK_LOAN}:
	 * 园区贷 when not given).
	 */
	public record RecordFinancing(String enterpriseCreditCode, String kind, String on, BigDecimal amount, String bank,
			String dueOn, BigDecimal fee, String product) {
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
	 * {@code min}, {@code year}), {@code SERVICE} ({@code measure}: HIRES with
	 * {@code min} and {@code year}, NO_OVERDUE_BRIDGE, AGENCY_FINISHED with {@code min}
	 * and {@code year}: the services data), {@code LAND} ({@code measure}: PER_MU_CLASS
	 * with {@code classes}, the latest final 亩均 class among them; LAND_AREA with
	 * {@code min}, the 亩 of the parcels held: the land data), {@code MANUAL}
	 * ({@code text}, checked by hand).
	 */
	public record Criterion(String kind, String flag, List<String> industries, String indicator, BigDecimal minPct,
			BigDecimal min, Integer year, String text, String measure, List<String> classes) {

		public Criterion(String kind, String flag, List<String> industries, String indicator, BigDecimal minPct,
				BigDecimal min, Integer year, String text) {
			this(kind, flag, industries, indicator, minPct, min, year, text, null, null);
		}

		public Criterion(String kind, String flag, List<String> industries, String indicator, BigDecimal minPct,
				BigDecimal min, Integer year, String text, String measure) {
			this(kind, flag, industries, indicator, minPct, min, year, text, measure, null);
		}

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

	/** 公示 of an approved application: from, and to (default: the objection window). */
	public record Publicity(String from, String to) {
	}

	/** 代办: an approval handled on an enterprise's behalf. */
	public record RecordAgency(String enterpriseCreditCode, String item, String department, String handler,
			String startedOn, Long requestId) {
	}

	/** The edit of a 代办 item (version: the one read; a stale one → 409). */
	public record EditAgency(String item, String department, String handler, String startedOn, Long version) {
	}

	/** 代办 finished: the day and the outcome (the licence, the approval number…). */
	public record FinishAgency(String on, String result) {
	}

	/**
	 * Hires an enterprise reports for a month ({@code 2026-05}), through a job fair or
	 * not.
	 */
	public record ReportHires(String enterpriseCreditCode, String month, Integer hires, Long fairId, String notes) {
	}

	/** The edit of reported hires (version: the one read; a stale one → 409). */
	public record EditHires(Integer hires, String notes, Long version) {
	}

	/**
	 * An enterprise's 首席服务员 (version: the one read; a stale one → 409; 0 for none yet).
	 */
	public record AssignPeople(String chiefServer, String chiefPhone, Long version) {
	}

	/**
	 * The edit of a financing record (version: the one read; a stale one → 409);
	 * {@code product} of a park-backed loan, unchanged when not given.
	 */
	public record EditFinancing(BigDecimal amount, String bank, String dueOn, BigDecimal fee, Long version,
			String product) {
	}

}
