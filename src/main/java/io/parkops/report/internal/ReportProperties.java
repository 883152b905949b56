package io.parkops.report.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the report module ({@code parkops.report.*}).
 *
 * @param template the Word template an administrator may put in place of the bundled one;
 * used when the file exists (default {@code <PARKOPS_DATA_DIR>/report/template.docx})
 */
@ConfigurationProperties("parkops.report")
public record ReportProperties(String template) {
}
