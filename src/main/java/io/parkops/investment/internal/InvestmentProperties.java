package io.parkops.investment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of investment attraction and project construction
 * ({@code parkops.investment.*}).
 *
 * @param respondDays a new lead is answered within these days (默认1天)
 * @param assessDays a contacted lead is assessed within these days (3天)
 * @param majorDays a major lead is followed up within these days (1周)
 * @param progressDays every other open lead gets a progress note within these days (2周)
 * @param majorLeadAmount from which intended investment (万元) a lead is major
 * @param reviewItems the admission review (预审联审) checklist, codes in order
 * @param optionalReviewItems the items whose failure does not block signing
 * @param milestones the back-planning template: {@code CODE:days before the target
 * production date}, in order
 * @param atRiskDays a milestone not done within these days of its date is at risk
 * @param amberBehindPct a project behind by this share of its schedule (%) is amber
 * @param redBehindPct behind by more than this share (%) it is red
 * @param notStartedMonths a signed project not started after these months is red
 * @param categoryThresholds total investment (万元) from which a project is 亿元以上, 10亿元以上,
 * 50亿元以上, 百亿元以上
 * @param tag5020Manufacturing total investment (万元) from which a manufacturing project is
 * a 5020项目
 * @param tag5020Other the same for other projects
 * @param productionFixedAssetFloor fixed-asset investment (万元) from which a manufacturing
 * project counts for {@code in_production_mfg}
 * @param photoMaxBytes the largest photo of building progress accepted
 */
@ConfigurationProperties("parkops.investment")
public record InvestmentProperties(@DefaultValue("1") int respondDays, @DefaultValue("3") int assessDays,
		@DefaultValue("7") int majorDays, @DefaultValue("14") int progressDays,
		@DefaultValue("10000") BigDecimal majorLeadAmount, @DefaultValue( {
				"INDUSTRY_FIT", "NOT_RESTRICTED", "NOT_TWO_HIGH", "INVESTMENT_INTENSITY", "TAX_PER_MU",
				"ENVIRONMENT_SAFETY" }) List<String> reviewItems,
		@DefaultValue({}) List<String> optionalReviewItems,
		@DefaultValue({ "LAND:540", "PLANNING_PERMIT:480", "CONSTRUCTION_PERMIT:420", "START:390", "TOPPED_OUT:240",
				"COMPLETION:120", "EQUIPMENT:60", "PRODUCTION:0" }) List<String> milestones,
		@DefaultValue("14") int atRiskDays, @DefaultValue("10") BigDecimal amberBehindPct,
		@DefaultValue("30") BigDecimal redBehindPct, @DefaultValue("3") int notStartedMonths,
		@DefaultValue({ "10000", "100000", "500000", "1000000" }) List<BigDecimal> categoryThresholds,
		@DefaultValue("500000") BigDecimal tag5020Manufacturing, @DefaultValue("200000") BigDecimal tag5020Other,
		@DefaultValue("2000") BigDecimal productionFixedAssetFloor,
		@DefaultValue("5MB") org.springframework.util.unit.DataSize photoMaxBytes){

	/** One step of the back-planning template. */
	public record MilestoneTemplate(String code, int daysBefore) {
	}

	public List<MilestoneTemplate> milestoneTemplate() {
		List<MilestoneTemplate> all = new ArrayList<>();
		for (String m : this.milestones) {
			int colon = m.indexOf(':');
			all.add(new MilestoneTemplate(m.substring(0, colon).trim(),
					Integer.parseInt(m.substring(colon + 1).trim())));
		}
		return all;
	}

	/** The threshold of 亿元以上 (万元), the first category. */
	public BigDecimal above100m() {
		return this.categoryThresholds.get(0);
	}

	/** The threshold of 10亿元以上 (万元), the second category. */
	public BigDecimal above1b() {
		return (this.categoryThresholds.size() > 1) ? this.categoryThresholds.get(1) : new BigDecimal("100000");
	}

}
