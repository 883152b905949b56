package io.parkops.report.internal;

import java.time.LocalDate;
import java.util.List;

import io.parkops.report.ReportPeriod;
import io.parkops.report.ReportScope;

/**
 * The report's own sentences, in the skeleton and phrasing of the reference reports:
 * title, opening, headings, ordinals, and what to write when a part has nothing to say.
 */
public final class ReportWriting {

	private static final String[] DIGITS = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	public static final String WORK_HEADING = "一、主要工作完成情况";

	public static final String PROBLEMS_TITLE = "二、存在的问题";

	private ReportWriting() {
	}

	/** The title of a report, by kind. */
	public static String title(String zoneName, ReportPeriod period) {
		int year = period.year();
		return zoneName + switch (period.kind()) {
			case HALF_YEAR -> year + "年上半年工作总结和下半年工作打算";
			case ANNUAL -> year + "年度工作总结及" + (year + 1) + "年工作计划";
			case MONTHS, QUARTER -> year + "年" + period.label() + "工作总结";
		};
	}

	/**
	 * Full-width characters on one line of a title in 2号 across the 156 mm text block (20
	 * fit exactly; one is kept in hand because Latin letters are proportional).
	 */
	static final double TITLE_LINE_WIDTH = 19;

	private static final java.util.regex.Pattern TITLE_TAIL = java.util.regex.Pattern
		.compile("(和下半年工作打算|及[0-9]{4}年工作计划)$");

	/**
	 * The title as printed, line by line: one line when it fits, else broken before its
	 * second half ({@code 和下半年工作打算}, {@code 及2025年工作计划}) and, when still too long, after
	 * the zone's name, so that no line breaks inside a word ({@code 下 / 半年}).
	 */
	public static List<String> titleLines(String title, String zoneName) {
		if (width(title) <= TITLE_LINE_WIDTH) {
			return List.of(title);
		}
		List<String> lines = new java.util.ArrayList<>();
		java.util.regex.Matcher tail = TITLE_TAIL.matcher(title);
		String head = tail.find() ? title.substring(0, tail.start()) : title;
		if (width(head) > TITLE_LINE_WIDTH && zoneName != null && head.startsWith(zoneName)
				&& head.length() > zoneName.length()) {
			lines.add(zoneName);
			lines.add(head.substring(zoneName.length()));
		}
		else {
			lines.add(head);
		}
		if (head.length() < title.length()) {
			lines.add(title.substring(head.length()));
		}
		return lines;
	}

	/**
	 * The printed width of a text in full-width characters: Latin letters and digits
	 * count a little over half (their proportional glyphs average 0.55 to 0.6 of an em;
	 * erring wide breaks a title between words rather than letting it wrap inside one).
	 */
	static double width(String text) {
		double w = 0;
		for (int i = 0; i < text.length(); i++) {
			w += (text.charAt(i) < 0x2E80) ? 0.6 : 1;
		}
		return w;
	}

	/**
	 * A sentence as the report prints it: ending in 。 (a staff plan typed without its
	 * full stop gets one; a trailing comma or semicolon becomes one).
	 */
	static String sentence(String text) {
		String s = text.strip().replaceAll("[，,；;、：:\\s]+$", "");
		if (s.isEmpty() || "。！？!?…".indexOf(s.charAt(s.length() - 1)) >= 0) {
			return s;
		}
		return s + "。";
	}

	/** The period with its year as a sentence opens: 2024年上半年, 2024年, 2024年1-5月. */
	static String when(ReportPeriod period) {
		return period.year() + "年" + ((period.kind() == ReportPeriod.Kind.ANNUAL) ? "" : period.label());
	}

	/** The period after the report's, as the plans name it. */
	static String next(ReportPeriod period) {
		return switch (period.kind()) {
			case HALF_YEAR -> "下半年";
			case ANNUAL -> (period.year() + 1) + "年";
			case MONTHS, QUARTER -> "下阶段";
		};
	}

	/** The title of 三、: 下半年工作打算, 2025年工作计划 or 下阶段打算. */
	public static String plansTitle(ReportPeriod period) {
		return "三、" + switch (period.kind()) {
			case HALF_YEAR -> "下半年工作打算";
			case ANNUAL -> (period.year() + 1) + "年工作计划";
			case MONTHS, QUARTER -> "下阶段打算";
		};
	}

	/** The numbered title of a work part: （一）经济运行情况. */
	static String partTitle(int number, String title) {
		return "（" + chinese(number) + "）" + title;
	}

	/** The ordinal a problem or plan starts with: 一是, 二是, … */
	static String ordinal(int number, String sentence) {
		return chinese(number) + "是" + sentence;
	}

	/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1-99). */
	static String chinese(int n) {
		if (n < 1 || n > 99) {
			return Integer.toString(n);
		}
		if (n < 10) {
			return DIGITS[n];
		}
		int tens = n / 10;
		int ones = n % 10;
		return ((tens == 1) ? "" : DIGITS[tens]) + "十" + ((ones == 0) ? "" : DIGITS[ones]);
	}

	/** The work lines named in the opening: 经济运行情况 → 经济运行. */
	static String topics(List<String> titles) {
		return String.join("、",
				titles.stream().map((t) -> t.endsWith("情况") ? t.substring(0, t.length() - 2) : t).toList());
	}

	/**
	 * The opening paragraph, chosen by the data: whether there is any work line with
	 * data, and whether the problems part found anything.
	 */
	static String opening(ReportScope scope, List<String> topics, int problems) {
		ReportPeriod period = scope.period();
		String what = switch (period.kind()) {
			case HALF_YEAR -> "上半年工作总结和下半年工作打算";
			case ANNUAL -> "全年工作总结及" + (period.year() + 1) + "年工作计划";
			case MONTHS, QUARTER -> period.label() + "工作情况";
		};
		String head = when(period) + "，" + scope.zoneName();
		if (topics.isEmpty()) {
			return head + "按照年度目标任务有序开展各项工作。本期各工作条线尚无可汇总的统计数据，数据录入后可重新生成本报告。现将" + what + "汇报如下：";
		}
		String state = (problems == 0) ? "主要指标总体达到序时进度要求" : "总体运行平稳，但仍有部分指标和工作与目标任务存在差距";
		return head + "紧紧围绕年度目标任务，统筹推进" + topics(topics) + "等工作，" + state + "。现将" + what + "汇报如下：";
	}

	/** 二、存在的问题 when no work line found one. */
	static String noProblems(ReportScope scope, List<String> topics) {
		if (topics.isEmpty()) {
			return "本期各工作条线尚无统计数据，暂无法据以分析存在的问题。";
		}
		return "对照年度目标任务和时序进度，" + when(scope.period()) + topics(topics) + "等工作暂未发现指标滞后、隐患逾期未整改等突出问题。";
	}

	/** Under 一、主要工作完成情况 when no work line has data for the period. */
	static String noWork() {
		return "本期各工作条线尚无可汇总的统计数据。";
	}

	/** 三、下阶段打算 when no work line and no staff member added a plan. */
	static String noPlans(ReportScope scope) {
		return next(scope.period()) + "，" + scope.zoneName() + "将紧盯全年目标任务，巩固" + when(scope.period())
				+ "工作成效，查漏补缺、加压奋进，确保各项工作任务圆满完成。";
	}

	/** The date under the signature, as GB/T 9704 writes it: 2024年6月30日. */
	public static String date(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

}
