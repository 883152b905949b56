package io.parkops.report;

import java.util.Map;

/**
 * One figure of a report (数出有源): its id, the text as written in the report, how it was
 * computed, and the records behind it.
 *
 * @param id unique within the report, e.g. {@code economy.output.growth}
 * @param text as written in the report, e.g. {@code 15.1%} or {@code 55.71亿元}
 * @param explanation period, scope and formula in a sentence
 * @param source the inputs: period, scope, formula terms and the records or enterprises
 * behind them
 */
public record ReportFigure(String id, String text, String explanation, Map<String, Object> source) {
}
