package io.parkops.report;

import java.util.Optional;

/**
 * Implemented by every work line that writes a part of the work report. Registering a
 * bean that implements it is all a module does to add its section.
 */
public interface ReportSectionContributor {

	/**
	 * The position of the part in 一、主要工作完成情况 (党的建设 10, 经济运行 20, 项目建设 30, 招商引资 40, 安全环保
	 * 50, …).
	 */
	int order();

	/** The section for the scope, or empty when the work line has no data for it. */
	Optional<ReportSection> contribute(ReportScope scope);

}
