package io.parkops.report;

import java.util.Optional;

/**
 * Implemented by every work line that writes a part of the work report (工作总结).
 * Registering a bean that implements it is all a module does to add its section: the
 * report numbers the parts （一）（二）… in {@link #order()}, collects their problems and
 * plans, and keeps every figure traceable.
 * <p>
 * Contributors run in the request of the user who generates the report, after the report
 * has checked that this user may see the zone; they read their statistics for the whole
 * zone.
 */
public interface ReportSectionContributor {

	/**
	 * The position of the part in 一、主要工作完成情况 (党的建设 10, 经济运行 20, 项目建设 30, 招商引资 40, 安全环保
	 * 50, 企业服务 60, 要素保障 70, …).
	 */
	int order();

	/** The section for the scope, or empty when the work line has no data for it. */
	Optional<ReportSection> contribute(ReportScope scope);

	/**
	 * The permission a reader needs to see the records behind this work line's figures
	 * (the enterprises, the hazards), e.g. {@code economy:statistics:read}; readers
	 * without it see the figure, its formula and its period, not the records.
	 * {@code null} shows the records to every reader of the report.
	 */
	default String recordsPermission() {
		return null;
	}

}
