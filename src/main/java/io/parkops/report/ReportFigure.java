package io.parkops.report;

import java.util.Map;

/**
 * One figure of a report (数出有源): its id, the text as written in the report, how it was
 * computed, and the records behind it.
 * <p>
 * The report shows {@code source} to the reader who clicks the figure. It understands
 * these keys and shows any other as a labelled value: {@code period} (e.g.
 * {@code 2024-01..2024-05}), {@code scope} (which enterprises or records count),
 * {@code formula} (in words, with the values put in), and {@code records}: a list of maps
 * (one per enterprise or record, the same keys in each) shown as a table. Keep
 * {@code records} to the rows a reader can check and give the full count as
 * {@code recordCount}; the report keeps at most 200 entries of any list in the source,
 * with its full length as {@code recordCount} or {@code <key>Count}.
 * <p>
 * The figure panel labels the columns of {@code records} it knows, in the reader's
 * language, and leaves out any other: {@code name} (enterprise; {@code creditCode} shows
 * on hover), {@code current}, {@code base}, {@code change} (in the source's
 * {@code unit}), {@code contributionPct} (share of the change, %), {@code growthPct},
 * {@code number} (hazard or record number), {@code level}, {@code category},
 * {@code foundOn}, {@code deadline}, {@code acceptedOn}, {@code date}, {@code status}.
 * Sort the records as the reader should read them (enterprises by contribution, largest
 * first).
 *
 * @param id unique within the report, e.g. {@code economy.output.growth}; letters, digits
 * and {@code . _ -}
 * @param text as written in the report, e.g. {@code 15.1%} or {@code 55.71亿元}
 * @param explanation period, scope and formula in a sentence
 * @param source the inputs: period, scope, formula terms and the records or enterprises
 * behind them
 */
public record ReportFigure(String id, String text, String explanation, Map<String, Object> source) {

	public ReportFigure {
		source = (source != null) ? source : Map.of();
	}

}
