package io.parkops.safety.internal;

/** The filters of the hazard list; null means any. */
public record HazardFilter(String zone, String enterprise, String status, Boolean overdue, Boolean dueSoon,
		String level, String category, Long inspectionId, String q, int page, int size) {

	public HazardFilter {
		page = Math.max(page, 0);
		size = Math.min(Math.max(size, 1), 500);
	}

}
