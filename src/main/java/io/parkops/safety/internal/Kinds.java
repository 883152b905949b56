package io.parkops.safety.internal;

/**
 * The fixed vocabularies of the safety module (levels and categories are configurable,
 * see {@link SafetyProperties}).
 */
public final class Kinds {

	private Kinds() {
	}

	/**
	 * Kinds of inspection: 日常巡查, 专项检查, 联合执法, 节假日/重要时段, 第三方 (安全管家), 复产复工前.
	 */
	public enum InspectionKind {

		ROUTINE, SPECIAL, JOINT, HOLIDAY, THIRD_PARTY, RESUMPTION

	}

	/** 即查即改 (fixed on the spot) or 限期整改 (by a deadline). */
	public enum RectificationType {

		ON_THE_SPOT, BY_DEADLINE

	}

	/** 待整改 → 整改中 → 待验收 → 已销号, or back to 整改中 when acceptance fails. */
	public enum HazardStatus {

		PENDING, RECTIFYING, AWAITING_ACCEPTANCE, ACCEPTED

	}

	/** 整改通知书 or 责令改正通知书. */
	public enum NoticeKind {

		RECTIFICATION, ORDER_TO_CORRECT

	}

	/** 信访件: received → handling → answered → closed (销号). */
	public enum ComplaintStatus {

		RECEIVED, HANDLING, ANSWERED, CLOSED

	}

	/** Agencies that join a 联合执法 inspection. */
	public enum Agency {

		EMERGENCY, FIRE, ECOLOGY, MARKET

	}

}
