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
 * @param complaintSources where complaints come from (投诉来源), offered on the forms
 * @param dueSoonDays how many days before its deadline a hazard counts as due soon
 * @param complaintDays the default time to close a complaint, in days
 * @param photoMaxBytes the largest photo accepted
 * @param noticeNumberFormat the number of a notice (发文字号): {@code {year}}, {@code {n}}
 * and {@code {abbr}} (the issuing organ's abbreviation) are replaced
 * @param zoneAbbreviations the issuing organ's abbreviation by zone code ({@code 云管安}); a
 * zone without one gets the first character of its name and {@code 管安}
 * @param issuerFormat the issuing authority of notices; {@code {zone}} is the zone's name
 * @param overdueCron when the daily overdue job runs
 * @param issuers the issuing authority by zone code, where it is not the format's
 * @param reconsiderationBody where an enterprise applies for 行政复议 against a notice
 * (within 60 days)
 * @param reconsiderationBodies the same by zone code
 * @param court where an enterprise brings 行政诉讼 (within 6 months)
 * @param courts the same by zone code
 * @param legalBasis the laws a notice cites for a hazard, by category; others cite
 * {@code legal-basis-default}
 * @param legalBasisDefault the laws a notice cites for a hazard of any other category
 */
@ConfigurationProperties("parkops.safety")
public record SafetyProperties(@DefaultValue( {
		"GENERAL", "MAJOR" }) List<String> levels, @DefaultValue("MAJOR") List<String> planLevels,
		@DefaultValue({ "安全生产", "消防", "特种设备", "危险废物", "环保（废水）", "环保（废气/VOCs）", "职业健康", "有限空间",
				"粉尘涉爆" }) List<String> categories,
		@DefaultValue({ "12345政务服务热线", "信访转办", "群众来电来访", "上级部门转办", "网络舆情", "媒体曝光", "日常巡查发现",
				"其他" }) List<String> complaintSources,
		@DefaultValue("7") int dueSoonDays, @DefaultValue("15") int complaintDays,
		@DefaultValue("5MB") DataSize photoMaxBytes, @DefaultValue("{abbr}〔{year}〕{n}号") String noticeNumberFormat,
		@DefaultValue Map<String, String> zoneAbbreviations, @DefaultValue("{zone}管理委员会") String issuerFormat,
		@DefaultValue("0 10 0 * * *") String overdueCron, @DefaultValue Map<String, String> issuers,
		@DefaultValue("上一级人民政府") String reconsiderationBody, @DefaultValue Map<String, String> reconsiderationBodies,
		@DefaultValue("有管辖权的人民法院") String court, @DefaultValue Map<String, String> courts,
		@DefaultValue Map<String, String> legalBasis,
		@DefaultValue("《中华人民共和国安全生产法》《安全生产事故隐患排查治理暂行规定》") String legalBasisDefault){

	public String numberOf(String zoneCode, String zoneName, int year, int n) {
		return this.noticeNumberFormat.replace("{abbr}", abbreviation(zoneCode, zoneName))
			.replace("{year}", Integer.toString(year))
			.replace("{n}", Integer.toString(n));
	}

	/** The issuing organ's abbreviation in the notice number: 云管安. */
	public String abbreviation(String zoneCode, String zoneName) {
		String abbr = of(this.zoneAbbreviations, zoneCode);
		return (abbr != null) ? abbr : zoneName.substring(0, Math.min(1, zoneName.length())) + "管安";
	}

	/** The issuing authority of a zone's notices: 云溪经济开发区管理委员会. */
	public String issuer(String zoneCode, String zoneName) {
		String issuer = of(this.issuers, zoneCode);
		return (issuer != null) ? issuer : this.issuerFormat.replace("{zone}", zoneName);
	}

	public String reconsiderationBody(String zoneCode) {
		String body = of(this.reconsiderationBodies, zoneCode);
		return (body != null) ? body : this.reconsiderationBody;
	}

	public String court(String zoneCode) {
		String court = of(this.courts, zoneCode);
		return (court != null) ? court : this.court;
	}

	/** The laws a notice cites for a hazard of the category. */
	public String legalBasisOf(String category) {
		String basis = of(this.legalBasis, category);
		return (basis != null) ? basis : this.legalBasisDefault;
	}

	private static String of(Map<String, String> map, String key) {
		String value = (map != null && key != null) ? map.get(key) : null;
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

	public boolean needsPlan(String level) {
		return this.planLevels.contains(level);
	}

}
