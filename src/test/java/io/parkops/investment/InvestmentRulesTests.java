package io.parkops.investment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.parkops.investment.internal.Buildings;
import io.parkops.investment.internal.InvestmentProperties;
import io.parkops.investment.internal.Kinds.BuildingPhase;
import io.parkops.investment.internal.Kinds.Light;
import io.parkops.investment.internal.Kinds.MilestoneStatus;
import io.parkops.investment.internal.Kinds.ProjectStage;
import io.parkops.investment.internal.Schedule;
import io.parkops.investment.internal.SummaryService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of domain.md §4 as plain unit tests: the rates example, 时序进度, back-planning,
 * milestone states, lights and the building sentences.
 */
class InvestmentRulesTests {

	static InvestmentProperties defaults() {
		return new InvestmentProperties(1, 3, 7, 14, new BigDecimal("10000"),
				List.of("INDUSTRY_FIT", "NOT_RESTRICTED", "NOT_TWO_HIGH", "INVESTMENT_INTENSITY", "TAX_PER_MU",
						"ENVIRONMENT_SAFETY"),
				List.of(),
				List.of("LAND:540", "PLANNING_PERMIT:480", "CONSTRUCTION_PERMIT:420", "START:390", "TOPPED_OUT:240",
						"COMPLETION:120", "EQUIPMENT:60", "PRODUCTION:0"),
				14, new BigDecimal("10"), new BigDecimal("30"), 3,
				List.of(new BigDecimal("10000"), new BigDecimal("100000"), new BigDecimal("500000"),
						new BigDecimal("1000000")),
				new BigDecimal("500000"), new BigDecimal("200000"), new BigDecimal("2000"),
				org.springframework.util.unit.DataSize.ofMegabytes(5));
	}

	@Test
	void ratesOfTheDomainExample() {
		// 247 signed, 244 keeping their contract, 222 started, 370亿 in place of 1077亿
		// contracted
		InvestmentRates rates = new InvestmentRates(247, 244, 222, new BigDecimal("3700000"),
				new BigDecimal("10770000"));
		assertThat(InvestmentRates.api(rates.performancePct())).isEqualByComparingTo("98.79");
		assertThat(InvestmentRates.api(rates.startPct())).isEqualByComparingTo("89.88");
		assertThat(InvestmentRates.api(rates.fundsPct())).isEqualByComparingTo("34.35");
		assertThat(InvestmentRates.api(rates.performancePct()).toPlainString()).isEqualTo("98.79");
		assertThat(rates.text()).isEqualTo("98.8%、89.9%、34.4%");
	}

	@Test
	void noRateWhenNothingWasSigned() {
		InvestmentRates rates = new InvestmentRates(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
		assertThat(rates.performancePct()).isNull();
		assertThat(rates.fundsPct()).isNull();
	}

	@Test
	void timeProgressOfJanuaryToMayIs41_67() {
		assertThat(SummaryService.timeProgress(LocalDate.of(2023, 5, 31)).setScale(2, java.math.RoundingMode.HALF_UP))
			.isEqualByComparingTo("41.67");
		// 18 of 30 signed: 60.00%, 18.33 points ahead of 时序进度
		BigDecimal progress = InvestmentRates.ratio(BigDecimal.valueOf(18), BigDecimal.valueOf(30));
		assertThat(InvestmentRates.api(progress)).isEqualByComparingTo("60.00");
		assertThat(InvestmentRates.api(progress.subtract(SummaryService.timeProgress(LocalDate.of(2023, 5, 31)))))
			.isEqualByComparingTo("18.33");
	}

	@Test
	void milestonesArePlannedBackwardsFromTheTargetProductionDate() {
		LocalDate target = LocalDate.of(2025, 12, 31);
		List<Schedule.Milestone> plan = Schedule.plan(target, defaults().milestoneTemplate());
		assertThat(plan).extracting(Schedule.Milestone::code)
			.containsExactly("LAND", "PLANNING_PERMIT", "CONSTRUCTION_PERMIT", "START", "TOPPED_OUT", "COMPLETION",
					"EQUIPMENT", "PRODUCTION");
		assertThat(plan.get(0).plannedOn()).isEqualTo(target.minusDays(540));
		assertThat(plan.get(3).plannedOn()).isEqualTo(target.minusDays(390));
		assertThat(plan.get(7).plannedOn()).isEqualTo(target);
	}

	@Test
	void milestoneStates() {
		LocalDate today = LocalDate.of(2024, 6, 1);
		assertThat(Schedule.status(new Schedule.Milestone("A", 1, today.minusDays(1), null), today, 14))
			.isEqualTo(MilestoneStatus.LATE);
		assertThat(Schedule.status(new Schedule.Milestone("A", 1, today.plusDays(14), null), today, 14))
			.isEqualTo(MilestoneStatus.AT_RISK);
		assertThat(Schedule.status(new Schedule.Milestone("A", 1, today.plusDays(15), null), today, 14))
			.isEqualTo(MilestoneStatus.ON_TIME);
		assertThat(Schedule.status(new Schedule.Milestone("A", 1, today.minusDays(30), today.minusDays(40)), today, 14))
			.isEqualTo(MilestoneStatus.DONE);
	}

	@Test
	void lightsByHowFarBehindTheScheduleIs() {
		InvestmentProperties p = defaults();
		LocalDate signed = LocalDate.of(2024, 1, 1);
		// a 100-day schedule: milestones on days 0, 50 and 100
		List<Schedule.Milestone> ms = List.of(new Schedule.Milestone("LAND", 1, signed, signed),
				new Schedule.Milestone("START", 2, signed.plusDays(50), null),
				new Schedule.Milestone("PRODUCTION", 3, signed.plusDays(100), null));
		LocalDate target = signed.plusDays(100);
		// 5 days late = 5 % of the schedule: green
		BigDecimal five = Schedule.deltaPct(ms, signed, target, signed.plusDays(55));
		assertThat(five).isEqualByComparingTo("-5");
		assertThat(Schedule.light(ProjectStage.SIGNED, signed, null, five, signed.plusDays(55), p))
			.isEqualTo(Light.GREEN);
		// 20 days late: amber
		BigDecimal twenty = Schedule.deltaPct(ms, signed, target, signed.plusDays(70));
		assertThat(Schedule.light(ProjectStage.SIGNED, signed, null, twenty, signed.plusDays(70), p))
			.isEqualTo(Light.AMBER);
		// 10 days late is exactly 10 %: amber begins there
		BigDecimal ten = Schedule.deltaPct(ms, signed, target, signed.plusDays(60));
		assertThat(Schedule.light(ProjectStage.STARTED, signed, signed, ten, signed.plusDays(60), p))
			.isEqualTo(Light.AMBER);
		// 31 days late: red
		BigDecimal late = Schedule.deltaPct(ms, signed, target, signed.plusDays(81));
		assertThat(Schedule.light(ProjectStage.STARTED, signed, signed, late, signed.plusDays(81), p))
			.isEqualTo(Light.RED);
		// not started 3 months after signing: red even on schedule
		assertThat(
				Schedule.light(ProjectStage.SIGNED, signed, null, BigDecimal.ZERO, signed.plusMonths(3).plusDays(1), p))
			.isEqualTo(Light.RED);
		assertThat(Schedule.light(ProjectStage.STALLED, signed, signed, BigDecimal.ZERO, signed, p))
			.isEqualTo(Light.RED);
		assertThat(Schedule.light(ProjectStage.IN_PRODUCTION, signed, signed, late, signed.plusDays(81), p))
			.isEqualTo(Light.GREEN);
	}

	@Test
	void aheadWhenTheLastMilestoneWasDoneEarly() {
		LocalDate d = LocalDate.of(2024, 1, 1);
		List<Schedule.Milestone> ms = List.of(new Schedule.Milestone("LAND", 1, d, d.minusDays(3)),
				new Schedule.Milestone("START", 2, d.plusDays(50), d.plusDays(40)),
				new Schedule.Milestone("PRODUCTION", 3, d.plusDays(100), null));
		assertThat(Schedule.deltaDays(ms, d.plusDays(60))).isEqualTo(10);
	}

	@Test
	void buildingsAreDescribedTheWayTheReportsDo() {
		assertThat(Buildings.describe("1#厂房", BuildingPhase.STRUCTURE, 2, 5, null)).isEqualTo("1#厂房正在进行三层主体施工（共五层）");
		assertThat(Buildings.describe("2#宿舍", BuildingPhase.STRUCTURE, 6, 6, null)).isEqualTo("2#宿舍主体已封顶");
		assertThat(Buildings.describe("综合楼", BuildingPhase.MASONRY, null, null, new BigDecimal("60.00")))
			.isEqualTo("综合楼主体已封顶，砌体完成60%");
		assertThat(Buildings.describe("3#厂房", BuildingPhase.COMPLETED, null, null, null)).isEqualTo("3#厂房已竣工");
		assertThat(Buildings.chinese(12)).isEqualTo("十二");
		assertThat(Buildings.chinese(23)).isEqualTo("二十三");
	}

}
