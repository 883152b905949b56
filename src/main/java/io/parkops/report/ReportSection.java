package io.parkops.report;

import java.util.List;

/**
 * What a work line contributes to a report: its part of 一、主要工作完成情况, the problems it found
 * for 二、存在的问题 and the plans for 三、下阶段打算.
 * <p>
 * Texts refer to figures with markers {@code {{figure-id}}}, each id listed in
 * {@code figures}; the report shows the figure's text in place of the marker and lets the
 * reader click it to see how it was computed. A text may only refer to the figures of its
 * own section, and figure ids must be unique within the report: start them with the key
 * ({@code economy.output.value}).
 * <p>
 * Problems and plans are single sentences without an ordinal: the report numbers them
 * (一是…，二是…) together with those of the other work lines.
 *
 * @param key the work line, e.g. {@code economy}; the report's section key is
 * {@code work.<key>}
 * @param title the part's title without its number, e.g. {@code 经济运行情况}
 * @param paragraphs the part's paragraphs
 * @param problems sentences for 二、存在的问题 (may be empty)
 * @param plans sentences for 三、下阶段打算 (may be empty)
 * @param figures every figure the texts refer to
 */
public record ReportSection(String key, String title, List<String> paragraphs, List<String> problems,
		List<String> plans, List<ReportFigure> figures) {

	public ReportSection {
		paragraphs = List.copyOf(paragraphs);
		problems = (problems != null) ? List.copyOf(problems) : List.of();
		plans = (plans != null) ? List.copyOf(plans) : List.of();
		figures = List.copyOf(figures);
	}

}
