package io.parkops.platform.excel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Applies the configured limits of imported workbooks: {@code parkops.excel.max-rows}
 * (default 100,000 data rows) and {@code parkops.excel.max-inflate-ratio} (default 100: a
 * workbook may inflate to 100 times its size).
 */
@Component
class ExcelLimits {

	ExcelLimits(@Value("${parkops.excel.max-rows:100000}") int maxRows,
			@Value("${parkops.excel.max-inflate-ratio:100}") int maxInflateRatio, MessageSource messages) {
		ExcelRows.configure(maxRows, maxInflateRatio, messages);
	}

}
