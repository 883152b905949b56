package io.parkops.report.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the report module ({@code parkops.report.*}).
 *
 * @param template the Word template an administrator may put in place of the bundled one;
 * used when the file exists (default {@code <PARKOPS_DATA_DIR>/report/template.docx})
 * @param issuerFormat the name a report is signed with; {@code {zone}} is the zone's name
 * (default {@code {zone}管理委员会})
 * @param issuers the signature of a zone by zone code, where it is not the format's (e.g.
 * {@code 上栗县经济开发区管理委员会})
 */
@ConfigurationProperties("parkops.report")
public record ReportProperties(String template, @DefaultValue("{zone}管理委员会") String issuerFormat,
		@DefaultValue Map<String, String> issuers) {

	/** The name a report of the zone is signed with. */
	public String issuer(String zoneCode, String zoneName) {
		String configured = (this.issuers != null) ? this.issuers.get(zoneCode) : null;
		return (configured != null && !configured.isBlank()) ? configured.strip()
				: this.issuerFormat.replace("{zone}", zoneName);
	}

}
