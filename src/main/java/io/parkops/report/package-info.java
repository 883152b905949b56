/**
 * Work reports (工作总结) and the leadership cockpit (领导驾驶舱). Every work line adds its own
 * section through {@link io.parkops.report.ReportSectionContributor}; this module knows
 * no other module's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work reports")
package io.parkops.report;
