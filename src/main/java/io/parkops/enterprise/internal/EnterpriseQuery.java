package io.parkops.enterprise.internal;

/**
 * Filters of the enterprise list; null means "any".
 */
public record EnterpriseQuery(String zone, String q, String area, String industry, Boolean aboveScale, String flag,
		String status, String tag, int page, int size) {

	public EnterpriseQuery {
		page = Math.max(page, 0);
		size = Math.min(Math.max(size, 1), 500);
	}

	EnterpriseQuery allRows() {
		return new EnterpriseQuery(this.zone, this.q, this.area, this.industry, this.aboveScale, this.flag, this.status,
				this.tag, 0, 500);
	}

}
