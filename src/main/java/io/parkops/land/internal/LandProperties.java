package io.parkops.land.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the land and assets work line ({@code parkops.land.*}).
 *
 * @param noticeNumberFormat the number of an idle-land notice: {@code {abbr}} (the zone
 * name's first character), {@code {year}} and {@code {n}} are replaced
 * @param issuerFormat who issues idle-land notices; {@code {zone}} is the zone's name
 * @param objectionDays the default objection window of a published per-mu evaluation
 * @param expiringDays how many days before its end a lease counts as expiring
 * @param billDueDay the day of each rent period by which its bill is due (1 = the
 * period's first day)
 */
@ConfigurationProperties("parkops.land")
public record LandProperties(@DefaultValue("{abbr}管土闲〔{year}〕{n}号") String noticeNumberFormat,
		@DefaultValue("{zone}管理委员会") String issuerFormat, @DefaultValue("7") int objectionDays,
		@DefaultValue("90") int expiringDays, @DefaultValue("10") int billDueDay) {

	String numberFormat(String zoneName) {
		String abbr = (zoneName != null && !zoneName.isEmpty()) ? zoneName.substring(0, 1) : "";
		return this.noticeNumberFormat.replace("{abbr}", abbr);
	}

	String issuer(String zoneName) {
		return this.issuerFormat.replace("{zone}", (zoneName != null) ? zoneName : "");
	}

}
