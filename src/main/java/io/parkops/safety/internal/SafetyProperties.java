package io.parkops.safety.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the safety module ({@code parkops.safety.*}).
 *
 * @param levels the hazard levels in use, lowest first (一般, 重大; some zones add 较大,
 * {@code LARGER})
 * @param planLevels the levels whose hazards carry a remediation plan (治理方案)
 * @param categories the hazard categories offered on the forms
 * @param dueSoonDays how many days before its deadline a hazard counts as due soon
 * @param complaintDays the default time to close a complaint, in days
 * @param photoMaxBytes the largest photo accepted
 * @param noticeNumberFormat the number of a notice: {@code {year}}, {@code {n}} and
 * {@code {abbr}} (the zone's abbreviation) are replaced
 * @param zoneAbbreviations abbreviations of zones for the notice number, by zone code
 * @param issuerFormat the issuing authority of notices; {@code {zone}} is the zone's name
 * @param overdueCron when the daily overdue job runs
 */
@ConfigurationProperties("parkops.safety")
public record SafetyProperties(@DefaultValue( {
		"GENERAL", "MAJOR" }) List<String> levels, @DefaultValue("MAJOR") List<String> planLevels,
		@DefaultValue({ "安全生产", "消防", "特种设备", "危险废物", "环保（废水）", "环保（废气/VOCs）", "职业健康", "有限空间",
				"粉尘涉爆" }) List<String> categories,
		@DefaultValue("7") int dueSoonDays, @DefaultValue("15") int complaintDays,
		@DefaultValue("5MB") DataSize photoMaxBytes, @DefaultValue("〔{year}〕{n}号") String noticeNumberFormat,
		@DefaultValue Map<String, String> zoneAbbreviations, @DefaultValue("{zone}管理委员会") String issuerFormat,
		@DefaultValue("0 10 0 * * *") String overdueCron){

	public String numberOf(String zoneCode, int year, int n) {
		String abbr = (this.zoneAbbreviations != null) ? this.zoneAbbreviations.getOrDefault(zoneCode, "") : "";
		return this.noticeNumberFormat.replace("{abbr}", abbr)
			.replace("{year}", Integer.toString(year))
			.replace("{n}", Integer.toString(n));
	}

	public boolean needsPlan(String level) {
		return this.planLevels.contains(level);
	}

}
