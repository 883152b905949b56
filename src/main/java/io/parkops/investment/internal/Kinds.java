package io.parkops.investment.internal;

import java.util.List;

/**
 * The vocabularies of investment attraction and project construction.
 */
public final class Kinds {

	private Kinds() {
	}

	/** Where a lead came from: 以商招商, 外出招商, 中介招商, 上级交办, 其他. */
	public enum LeadSource {

		BUSINESS_REFERRAL, OUTBOUND, AGENT, ASSIGNED, OTHER

	}

	/** The stages of a lead: 线索 → 接洽 → 考察 → 洽谈 → 签约, or 放弃. */
	public enum LeadStage {

		NEW, CONTACTED, VISITED, NEGOTIATING, SIGNED, DROPPED;

		public boolean closed() {
			return this == SIGNED || this == DROPPED;
		}

	}

	/** A review item's result: passes, fails, does not apply. */
	public enum ReviewResult {

		PASS, FAIL, NA

	}

	/**
	 * The stages of a project: 谋划, 签约, 前期手续, 开工, 竣工, 投产, 达产 in order, plus 停滞 and 终止.
	 */
	public enum ProjectStage {

		PLANNED, SIGNED, PREPARING, STARTED, COMPLETED, IN_PRODUCTION, AT_CAPACITY, STALLED, CANCELLED;

		/** The stages of the way forward, in order. */
		public static final List<ProjectStage> FORWARD = List.of(PLANNED, SIGNED, PREPARING, STARTED, COMPLETED,
				IN_PRODUCTION, AT_CAPACITY);

		public boolean onTheWay() {
			return FORWARD.contains(this);
		}

		public int rank() {
			return FORWARD.indexOf(this);
		}

		/** Whether the project has started by this stage (开工 or later). */
		public boolean started() {
			return onTheWay() && rank() >= STARTED.rank();
		}

	}

	/** Where funds in place came from: 省外, 省内, 外资. */
	public enum FundOrigin {

		OUTSIDE_PROVINCE, IN_PROVINCE, FOREIGN

	}

	/** The phase of a building: 基础, 主体, 砌体, 装修, 安装, 扫尾, 竣工. */
	public enum BuildingPhase {

		FOUNDATION, STRUCTURE, MASONRY, DECORATION, INSTALLATION, FINISHING, COMPLETED

	}

	/** What a problem to coordinate is about: 用地, 规划, 审批, 水电气, 资金, 其他. */
	public enum ProblemCategory {

		LAND, PLANNING, APPROVAL, UTILITIES, FUNDING, OTHER

	}

	/** The steps of a problem: 待办 → 办理中 → 已办结 (销号). */
	public enum ProblemStatus {

		OPEN, HANDLING, CLOSED

	}

	/** The state of a back-planned milestone today. */
	public enum MilestoneStatus {

		DONE, ON_TIME, AT_RISK, LATE

	}

	/** A project's light by its schedule. */
	public enum Light {

		GREEN, AMBER, RED

	}

	/** A member's role in the task force (专班长, 副专班长, 成员, 联络员). */
	public enum TaskForceRole {

		LEAD, DEPUTY, MEMBER, LIAISON

	}

}
