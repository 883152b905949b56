package io.parkops.report.internal;

import java.util.List;

/**
 * The requests of the report API.
 */
public final class ReportCommands {

	private ReportCommands() {
	}

	/**
	 * Generate a report. {@code month} only for MONTHS (the last month) and QUARTER (a
	 * month of the quarter); {@code dataMonth} (1-12) and {@code asOf} (yyyy-MM-dd) are
	 * optional.
	 */
	public record Generate(String zoneCode, String kind, Integer year, Integer month, Integer dataMonth, String asOf) {
	}

	/** Generate the current draft again from today's data; both fields optional. */
	public record Regenerate(Integer dataMonth, String asOf) {
	}

	/**
	 * A section's text as the staff wrote it; {@code {{figure-id}}} markers stay linked.
	 * {@code version} is the section's version as read (required): an older one means
	 * someone else changed the section meanwhile (409).
	 */
	public record EditSection(List<String> paragraphs, Long version) {
	}

	/**
	 * A plan in the staff's own words for 三、下阶段打算; {@code version} is the report's
	 * {@code plansVersion} as read (required).
	 */
	public record AddPlan(String text, Long version) {
	}

}
