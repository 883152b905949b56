package io.parkops.cockpit;

import java.math.BigDecimal;
import java.util.List;

/**
 * One group of the cockpit: a heading, its headline figures and optionally one chart.
 *
 * @param code a stable identifier ({@code investment.targets}), used as the element id
 * @param title the heading as shown
 * @param figures the headline figures, each a card
 * @param chart a bar chart under the cards, or null
 * @param link where the heading leads (the work line's page), or null
 */
public record CockpitTile(String code, String title, List<Figure> figures, Chart chart, String link) {

	public CockpitTile {
		figures = (figures != null) ? List.copyOf(figures) : List.of();
	}

	/**
	 * A headline figure.
	 *
	 * @param label what it is ("新签约亿元以上项目")
	 * @param value the figure as the reports write it, rounded once ("18")
	 * @param unit its unit ("个", "万元", "%"), or empty
	 * @param hint a second line ("完成全年目标60%，超时序进度18.3个百分点"), or empty
	 * @param alert whether it needs attention (behind target, overdue > 0): drawn red
	 * @param progressPct a bar from 0 to 100 (完成全年目标), or null for none
	 * @param markerPct a marker on that bar (时序进度), or null for none
	 */
	public record Figure(String label, String value, String unit, String hint, boolean alert, BigDecimal progressPct,
			BigDecimal markerPct) {

		/** A plain figure without bar. */
		public static Figure of(String label, String value, String unit, String hint, boolean alert) {
			return new Figure(label, value, unit, hint, alert, null, null);
		}

	}

	/**
	 * A bar chart: category names along one axis, one or more named series of values with
	 * their labels as shown.
	 *
	 * @param horizontal bars from the left (long category names) instead of columns
	 * @param categories the category names
	 * @param series the series
	 */
	public record Chart(boolean horizontal, List<String> categories, List<Series> series) {

		public Chart {
			categories = List.copyOf(categories);
			series = List.copyOf(series);
		}

	}

	/**
	 * A named series; {@code labels} are the values as shown (same length as values).
	 */
	public record Series(String name, List<BigDecimal> values, List<String> labels) {

		public Series {
			values = List.copyOf(values);
			labels = List.copyOf(labels);
		}

	}

}
