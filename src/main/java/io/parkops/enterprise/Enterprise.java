package io.parkops.enterprise;

import java.time.YearMonth;
import java.util.List;

/**
 * An enterprise as other modules and the API see it; {@code ownershipType} is null when
 * not recorded (未填).
 */
public record Enterprise(long id, String creditCode, String name, String zoneCode, String areaCode, String industryCode,
		String industryName, EnterpriseStatus status, OwnershipType ownershipType, boolean aboveScale,
		YearMonth aboveScaleSince, String legalRepresentative, String contactName, String contactPhone, String email,
		String address, String secretary, String leader, List<String> tags, List<String> flags, long version) {
}
