package io.parkops.report.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.parkops.report.ReportFigure;
import io.parkops.report.ReportPeriod;
import io.parkops.report.ReportScope;
import io.parkops.report.ReportSection;
import io.parkops.report.ReportSectionContributor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The skeleton of a report from its contributors: titles by kind, numbering of the parts
 * in contributor order, the opening chosen by the data, problems and plans numbered
 * across work lines, and traceability of every figure.
 */
class ReportGeneratorTests {

	static ReportScope scope(ReportPeriod.Kind kind, Integer month) {
		return new ReportScope("yx", "云溪经济开发区", new ReportPeriod(kind, 2024, month), YearMonth.of(2024, 5),
				LocalDate.of(2024, 6, 30));
	}

	static ReportGenerator generator(ReportSectionContributor... contributors) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		for (int i = 0; i < contributors.length; i++) {
			beans.addBean("c" + i, contributors[i]);
		}
		return new ReportGenerator(beans.getBeanProvider(ReportSectionContributor.class));
	}

	static ReportSectionContributor contributor(int order, ReportSection section) {
		return new ReportSectionContributor() {
			@Override
			public int order() {
				return order;
			}

			@Override
			public Optional<ReportSection> contribute(ReportScope scope) {
				return Optional.ofNullable(section);
			}
		};
	}

	static ReportSection section(String key, String title, List<String> problems, List<String> plans,
			String... figureIds) {
		List<ReportFigure> figures = new ArrayList<>();
		StringBuilder text = new StringBuilder(title + "：");
		for (String id : figureIds) {
			figures.add(new ReportFigure(id, id.length() + "个", "说明 " + id, Map.of()));
			text.append("{{").append(id).append("}}；");
		}
		return new ReportSection(key, title, List.of(text.toString()), problems, plans, figures);
	}

	@Test
	void titlesFollowTheKindOfReport() {
		assertThat(ReportWriting.title("云溪经济开发区", new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, 2024, null)))
			.isEqualTo("云溪经济开发区2024年上半年工作总结和下半年工作打算");
		assertThat(ReportWriting.title("云溪经济开发区", new ReportPeriod(ReportPeriod.Kind.ANNUAL, 2024, null)))
			.isEqualTo("云溪经济开发区2024年度工作总结及2025年工作计划");
		assertThat(ReportWriting.title("云溪经济开发区", new ReportPeriod(ReportPeriod.Kind.MONTHS, 2024, 5)))
			.isEqualTo("云溪经济开发区2024年1-5月工作总结");
		assertThat(ReportWriting.title("云溪经济开发区", new ReportPeriod(ReportPeriod.Kind.MONTHS, 2024, 1)))
			.isEqualTo("云溪经济开发区2024年1月工作总结");
		assertThat(ReportWriting.title("云溪经济开发区", new ReportPeriod(ReportPeriod.Kind.QUARTER, 2024, 5)))
			.isEqualTo("云溪经济开发区2024年第二季度工作总结");
		assertThat(ReportWriting.plansTitle(new ReportPeriod(ReportPeriod.Kind.ANNUAL, 2024, null)))
			.isEqualTo("三、2025年工作计划");
		assertThat(ReportWriting.plansTitle(new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, 2024, null)))
			.isEqualTo("三、下半年工作打算");
	}

	@Test
	void periodsKnowTheirMonths() {
		ReportPeriod q2 = new ReportPeriod(ReportPeriod.Kind.QUARTER, 2024, 4);
		assertThat(q2.firstMonth()).isEqualTo(YearMonth.of(2024, 4));
		assertThat(q2.lastMonth()).isEqualTo(YearMonth.of(2024, 6));
		assertThat(q2.label()).isEqualTo("第二季度");
		assertThat(new ReportPeriod(ReportPeriod.Kind.HALF_YEAR, 2024, null).end())
			.isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(scope(ReportPeriod.Kind.HALF_YEAR, null).cumulativeLabel()).isEqualTo("1-5月份");
	}

	@Test
	void chineseNumeralsForPartsAndOrdinals() {
		assertThat(List.of(1, 2, 9, 10, 11, 20, 23).stream().map(ReportWriting::chinese)).containsExactly("一", "二", "九",
				"十", "十一", "二十", "二十三");
		assertThat(ReportWriting.partTitle(3, "项目建设情况")).isEqualTo("（三）项目建设情况");
	}

	@Test
	void partsAreNumberedInContributorOrderAndEmptyWorkLinesLeftOut() {
		ReportGenerator generator = generator(contributor(50, section("safety", "安全环保情况", List.of(), List.of(), "s.a")),
				contributor(20, section("economy", "经济运行情况", List.of(), List.of(), "e.a")), contributor(30, null),
				contributor(10, section("party", "党的建设情况", List.of(), List.of())));
		ReportGenerator.Draft draft = generator.generate(scope(ReportPeriod.Kind.HALF_YEAR, null), List.of());
		assertThat(draft.parts()).extracting(ReportGenerator.Part::key)
			.containsExactly("opening", "work.party", "work.economy", "work.safety", "problems", "plans");
		assertThat(draft.parts()).extracting(ReportGenerator.Part::title)
			.containsExactly("", "（一）党的建设情况", "（二）经济运行情况", "（三）安全环保情况", "二、存在的问题", "三、下半年工作打算");
		assertThat(draft.title()).isEqualTo("云溪经济开发区2024年上半年工作总结和下半年工作打算");
	}

	@Test
	void problemsAndPlansAreNumberedAcrossWorkLinesWithStaffPlansLast() {
		ReportGenerator generator = generator(
				contributor(20,
						section("economy", "经济运行情况", List.of("产值增速低于目标{{e.gap}}。"), List.of("抓好产值追赶。"), "e.a",
								"e.gap")),
				contributor(50, section("safety", "安全环保情况", List.of("仍有{{s.overdue}}隐患逾期未整改。"), List.of("督促逾期隐患整改销号。"),
						"s.overdue")));
		ReportGenerator.Draft draft = generator.generate(scope(ReportPeriod.Kind.HALF_YEAR, null),
				List.of("推进标准厂房三期建设。"));
		assertThat(part(draft, "problems")).containsExactly("一是产值增速低于目标{{e.gap}}。", "二是仍有{{s.overdue}}隐患逾期未整改。");
		assertThat(part(draft, "plans")).containsExactly("一是抓好产值追赶。", "二是督促逾期隐患整改销号。", "三是推进标准厂房三期建设。");
		assertThat(draft.contributorPlans()).containsExactly("抓好产值追赶。", "督促逾期隐患整改销号。");
		// the opening says there are gaps
		assertThat(part(draft, "opening").get(0)).startsWith("2024年上半年，云溪经济开发区紧紧围绕年度目标任务，统筹推进经济运行、安全环保等工作")
			.contains("但仍有部分指标和工作与目标任务存在差距")
			.endsWith("现将上半年工作总结和下半年工作打算汇报如下：");
	}

	@Test
	void titleLinesBreakBetweenWordsAndPlansEndWithAFullStop() {
		assertThat(ReportWriting.titleLines("云溪经济开发区2024年上半年工作总结和下半年工作打算", "云溪经济开发区"))
			.containsExactly("云溪经济开发区2024年上半年工作总结", "和下半年工作打算");
		assertThat(ReportWriting.titleLines("赣湘合作产业园区管理委员会所辖工业园2024年度工作总结及2025年工作计划", "赣湘合作产业园区管理委员会所辖工业园"))
			.containsExactly("赣湘合作产业园区管理委员会所辖工业园", "2024年度工作总结", "及2025年工作计划");
		assertThat(ReportWriting.titleLines("云溪园2024年1-5月工作总结", "云溪园")).containsExactly("云溪园2024年1-5月工作总结");
		// Latin letters print wider than half a character: such a name is set on a line
		// of
		// its own before the half-year's words would wrap inside 总结
		assertThat(ReportWriting.titleLines("Zone rpdmp6sug1y2024年上半年工作总结和下半年工作打算", "Zone rpdmp6sug1y"))
			.containsExactly("Zone rpdmp6sug1y", "2024年上半年工作总结", "和下半年工作打算");
		ReportGenerator.Part plans = ReportGenerator.plans(scope(ReportPeriod.Kind.HALF_YEAR, null), List.of("抓好产值追赶。"),
				List.of("推进标准厂房三期建设", "做好防汛准备；"));
		assertThat(plans.paragraphs()).containsExactly("一是抓好产值追赶。", "二是推进标准厂房三期建设。", "三是做好防汛准备。");
	}

	@Test
	void theOpeningAndTheEmptyPartsAreChosenByTheData() {
		ReportGenerator.Draft ok = generator(contributor(20, section("economy", "经济运行情况", List.of(), List.of(), "e.a")))
			.generate(scope(ReportPeriod.Kind.ANNUAL, null), List.of());
		assertThat(part(ok, "opening").get(0)).startsWith("2024年，云溪经济开发区")
			.contains("主要指标总体达到序时进度要求")
			.endsWith("现将全年工作总结及2025年工作计划汇报如下：");
		assertThat(part(ok, "problems")).singleElement().asString().contains("暂未发现指标滞后");
		assertThat(part(ok, "plans")).singleElement().asString().startsWith("2025年，云溪经济开发区将紧盯全年目标任务");

		ReportGenerator.Draft none = generator().generate(scope(ReportPeriod.Kind.MONTHS, 5), List.of());
		assertThat(part(none, "opening").get(0)).startsWith("2024年1-5月，云溪经济开发区").contains("尚无可汇总的统计数据");
		assertThat(part(none, "problems")).singleElement().asString().contains("暂无法据以分析");
		assertThat(none.parts()).extracting(ReportGenerator.Part::key).containsExactly("opening", "problems", "plans");
	}

	@Test
	void everyMarkerHasItsFigureAndEveryKeptFigureIsReferred() {
		ReportSection economy = new ReportSection("economy", "经济运行情况", List.of("产值{{e.output}}，增长{{e.growth}}。"),
				List.of("增速低于目标{{e.gap}}。"), List.of(),
				List.of(new ReportFigure("e.output", "55.71亿元", "产值", Map.of()),
						new ReportFigure("e.growth", "15.1%", "增速", Map.of()),
						new ReportFigure("e.gap", "3.9个百分点", "差距", Map.of()),
						new ReportFigure("e.spare", "1家", "无人引用", Map.of())));
		ReportGenerator.Draft draft = generator(contributor(20, economy))
			.generate(scope(ReportPeriod.Kind.HALF_YEAR, null), List.of());
		Set<String> referenced = Markers.ids(draft.parts().stream().flatMap((p) -> p.paragraphs().stream()).toList());
		Set<String> figures = draft.figures().stream().map(ReportFigure::id).collect(Collectors.toSet());
		assertThat(figures).isEqualTo(referenced).containsExactlyInAnyOrder("e.output", "e.growth", "e.gap");
	}

	@Test
	void aContributorReferringToAFigureItDidNotGiveIsRefused() {
		ReportSection broken = new ReportSection("economy", "经济运行情况", List.of("产值{{e.missing}}。"), List.of(), List.of(),
				List.of());
		assertThatThrownBy(
				() -> generator(contributor(20, broken)).generate(scope(ReportPeriod.Kind.HALF_YEAR, null), List.of()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("{{e.missing}}");
		ReportSection one = section("a", "甲", List.of(), List.of(), "x.same");
		ReportSection two = section("b", "乙", List.of(), List.of(), "x.same");
		assertThatThrownBy(() -> generator(contributor(1, one), contributor(2, two))
			.generate(scope(ReportPeriod.Kind.HALF_YEAR, null), List.of())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("x.same");
	}

	@Test
	void figuresKeepAtMostTwoHundredEntriesOfEachListAndTheirCount() {
		List<Map<String, Object>> records = new ArrayList<>();
		for (int i = 0; i < 450; i++) {
			records.add(Map.of("no", i));
		}
		ReportFigure bounded = ReportGenerator
			.bounded(new ReportFigure("h.found", "450个", "隐患", Map.of("records", records)));
		assertThat((List<?>) bounded.source().get("records")).hasSize(200);
		assertThat(bounded.source()).containsEntry("recordCount", 450);
	}

	@Test
	void markersAreReplacedAndSplitForThePage() {
		Map<String, String> texts = Map.of("a", "55.71亿元", "b", "15.1%");
		assertThat(Markers.plain("产值{{a}}，增长{{ b }}，{{c}}。", texts)).isEqualTo("产值55.71亿元，增长15.1%，{{c}}。");
		assertThat(Markers.pieces("产值{{a}}。", texts)).containsExactly(new Markers.Piece("产值", null),
				new Markers.Piece("55.71亿元", "a"), new Markers.Piece("。", null));
	}

	private static List<String> part(ReportGenerator.Draft draft, String key) {
		return draft.parts().stream().filter((p) -> p.key().equals(key)).findFirst().orElseThrow().paragraphs();
	}

}
