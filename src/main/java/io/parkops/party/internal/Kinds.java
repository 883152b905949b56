package io.parkops.party.internal;

/**
 * The vocabularies of party building.
 */
public final class Kinds {

	private Kinds() {
	}

	/** 党工委, 综合党委, 支部. */
	public enum OrganisationKind {

		WORKING_COMMITTEE, GENERAL_COMMITTEE, BRANCH

	}

	/**
	 * 机关, 国有企业, 非公企业单建, 非公企业联合, 社会组织, 孵化器, 区域党支部 (enterprises without members).
	 */
	public enum BranchType {

		ORGAN, STATE_OWNED, OWN, JOINT, SOCIAL, INCUBATOR, REGIONAL

	}

	/** 正式党员, 预备党员. */
	public enum MemberStatus {

		FULL, PROBATIONARY

	}

	public enum Gender {

		MALE, FEMALE

	}

	/** 三会一课, 主题党日, 党课, 集中学习/轮训, 志愿服务, 书记项目. */
	public enum ActivityKind {

		THREE_MEETINGS, THEME_DAY, PARTY_LESSON, STUDY, VOLUNTEER, SECRETARY_PROJECT

	}

	/** 入党申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员. */
	public enum Stage {

		APPLICANT, ACTIVIST, CANDIDATE, PROBATIONARY, FULL

	}

}
