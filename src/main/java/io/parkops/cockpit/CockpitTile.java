package io.parkops.cockpit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One group of the cockpit: a heading, its headline figures and its charts.
 *
 * @param code a stable identifier ({@code investment.targets}), used as the element id
 * @param title the heading as shown
 * @param figures the headline figures, each a card
 * @param charts the charts under the cards (two or more side by side), possibly none
 * @param link where the heading leads (the work line's page), or null
 * @param note a line under the heading (the period the figures cover), or null
 * @param notice a warning beside that line ("初步数据：已报 1 / 146 家"), or null
 * @param wall whether the wall display (大屏) shows all its figures and charts; the wall
 * shows only the first figure of the other tiles, so that the screen is not overfilled
 */
public record CockpitTile(String code, String title, List<Figure> figures, List<Chart> charts, String link, String note,
		String notice, boolean wall) {

	public CockpitTile {
		figures = (figures != null) ? List.copyOf(figures) : List.of();
		charts = (charts != null) ? List.copyOf(charts) : List.of();
	}

	/** A tile with at most one chart, no note, shown on the wall by its first figure. */
	public CockpitTile(String code, String title, List<Figure> figures, Chart chart, String link) {
		this(code, title, figures, (chart != null) ? List.of(chart) : List.of(), link, null, null, false);
	}

	/**
	 * The first chart, or null (the API sends it as {@code chart} as well as in
	 * {@code charts}).
	 */
	@JsonProperty("chart")
	public Chart chart() {
		return this.charts.isEmpty() ? null : this.charts.get(0);
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
	 * @param change a change against a base under the value ("同比 ▲16.4%"), or null
	 * @param tag a short red tag beside the label ("滞后"), or null
	 */
	public record Figure(String label, String value, String unit, String hint, boolean alert, BigDecimal progressPct,
			BigDecimal markerPct, Change change, String tag) {

		/** A figure with a bar and no change line or tag. */
		public Figure(String label, String value, String unit, String hint, boolean alert, BigDecimal progressPct,
				BigDecimal markerPct) {
			this(label, value, unit, hint, alert, progressPct, markerPct, null, null);
		}

		/** A plain figure without bar. */
		public static Figure of(String label, String value, String unit, String hint, boolean alert) {
			return new Figure(label, value, unit, hint, alert, null, null);
		}

	}

	/**
	 * A change shown under a figure, red for up and green for down as on Chinese
	 * dashboards.
	 *
	 * @param label what it compares ("同比")
	 * @param text the change as shown, with its one sign ("▲16.4%"), or a note ("无上年同期数")
	 * @param sign 1 up, -1 down, 0 neither
	 */
	public record Change(String label, String text, int sign) {
	}

	/**
	 * A chart: category names along one axis, one or more named series of values with
	 * their labels as shown.
	 *
	 * @param kind {@link #BAR} or {@link #LINE}: how the series are drawn unless a series
	 * says otherwise
	 * @param code the chart's element id, or null for the tile's code
	 * @param title the chart's heading, or null
	 * @param horizontal bars from the left (long category names) instead of columns
	 * @param categories the category names
	 * @param series the series
	 * @param unit the values' unit, named on the value axis ("%" is written after each
	 * tick), or null
	 * @param signed each bar coloured by its sign (red up, green down) instead of by its
	 * series
	 */
	public record Chart(String kind, String code, String title, boolean horizontal, List<String> categories,
			List<Series> series, String unit, boolean signed) {

		/** Bars (columns unless horizontal). */
		public static final String BAR = "bar";

		/** Lines through the categories, in order (months). */
		public static final String LINE = "line";

		public Chart {
			kind = (kind != null) ? kind : BAR;
			categories = List.copyOf(categories);
			series = List.copyOf(series);
		}

		/** A bar chart without heading or unit. */
		public Chart(boolean horizontal, List<String> categories, List<Series> series) {
			this(BAR, null, null, horizontal, categories, series, null, false);
		}

		/** A bar chart with its own id, heading and unit. */
		public static Chart bars(String code, String title, String unit, boolean horizontal, boolean signed,
				List<String> categories, List<Series> series) {
			return new Chart(BAR, code, title, horizontal, categories, series, unit, signed);
		}

		/**
		 * A line chart (this year against last year, month by month), with its own id,
		 * heading and unit.
		 */
		public static Chart line(String code, String title, String unit, List<String> categories, List<Series> series) {
			return new Chart(LINE, code, title, false, categories, series, unit, false);
		}

	}

	/**
	 * A named series; {@code labels} are the values as shown (same length as values; a
	 * value may be null where there is none, its label then empty).
	 *
	 * @param name the series name, in the legend
	 * @param values the values
	 * @param labels the values as shown
	 * @param kind {@link Chart#BAR} or {@link Chart#LINE}, or null for the chart's kind
	 * @param dashed a dashed line (the year before)
	 */
	public record Series(String name, List<BigDecimal> values, List<String> labels, String kind, boolean dashed) {

		public Series {
			values = Collections.unmodifiableList(new ArrayList<>(values));
			labels = labels.stream().map((l) -> (l != null) ? l : "").toList();
		}

		/** A series drawn as its chart says. */
		public Series(String name, List<BigDecimal> values, List<String> labels) {
			this(name, values, labels, null, false);
		}

	}

}
