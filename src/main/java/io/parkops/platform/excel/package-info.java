/**
 * Excel import and export helpers shared by every module (templates, all-or-nothing
 * imports with a row-by-row error report).
 */
@org.springframework.modulith.NamedInterface("excel")
package io.parkops.platform.excel;
