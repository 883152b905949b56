package io.parkops.enterprise.internal;

import java.util.List;

/**
 * Requests to the registry, as the API and the pages send them.
 */
public final class EnterpriseCommands {

	private EnterpriseCommands() {
	}

	/**
	 * Registers an enterprise; {@code aboveScaleSince} is {@code yyyy-MM};
	 * {@code ownershipType} an {@link io.parkops.enterprise.OwnershipType} (or its
	 * Chinese word), absent or blank for 未填.
	 */
	public record Register(String creditCode, String name, String zoneCode, String areaCode, String industryCode,
			Boolean aboveScale, String aboveScaleSince, String status, String legalRepresentative, String contactName,
			String contactPhone, String email, String address, String secretary, String leader, List<String> tags,
			String ownershipType) {

		/** A registration that does not state the ownership type. */
		public Register(String creditCode, String name, String zoneCode, String areaCode, String industryCode,
				Boolean aboveScale, String aboveScaleSince, String status, String legalRepresentative,
				String contactName, String contactPhone, String email, String address, String secretary, String leader,
				List<String> tags) {
			this(creditCode, name, zoneCode, areaCode, industryCode, aboveScale, aboveScaleSince, status,
					legalRepresentative, contactName, contactPhone, email, address, secretary, leader, tags, null);
		}

		/** A registration without an e-mail address. */
		public Register(String creditCode, String name, String zoneCode, String areaCode, String industryCode,
				Boolean aboveScale, String aboveScaleSince, String status, String legalRepresentative,
				String contactName, String contactPhone, String address, String secretary, String leader,
				List<String> tags) {
			this(creditCode, name, zoneCode, areaCode, industryCode, aboveScale, aboveScaleSince, status,
					legalRepresentative, contactName, contactPhone, null, address, secretary, leader, tags, null);
		}

	}

	/**
	 * Changes the fields that are not null; {@code version} must be the one last read. A
	 * blank {@code ownershipType} clears it (未填).
	 */
	public record Change(Long version, String name, String areaCode, String industryCode, String status,
			String legalRepresentative, String contactName, String contactPhone, String email, String address,
			String secretary, String leader, List<String> tags, String ownershipType) {

		/** A change that leaves the ownership type as it is. */
		public Change(Long version, String name, String areaCode, String industryCode, String status,
				String legalRepresentative, String contactName, String contactPhone, String email, String address,
				String secretary, String leader, List<String> tags) {
			this(version, name, areaCode, industryCode, status, legalRepresentative, contactName, contactPhone, email,
					address, secretary, leader, tags, null);
		}

		/** A change that leaves the e-mail address as it is. */
		public Change(Long version, String name, String areaCode, String industryCode, String status,
				String legalRepresentative, String contactName, String contactPhone, String address, String secretary,
				String leader, List<String> tags) {
			this(version, name, areaCode, industryCode, status, legalRepresentative, contactName, contactPhone, null,
					address, secretary, leader, tags, null);
		}

	}

	/** 入规 ({@code aboveScale} true) or 退规 in a month ({@code yyyy-MM}). */
	public record ScaleChange(String month, Boolean aboveScale) {
	}

	/** Grants a dated flag. */
	public record GrantFlag(String kind, String grantedOn, String expiresOn, String reference) {
	}

	/** Records a new status from a date. */
	public record ChangeStatus(String status, String changedOn, String note) {
	}

}
