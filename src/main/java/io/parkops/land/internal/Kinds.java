package io.parkops.land.internal;

import java.util.Locale;

/**
 * The vocabularies of the land and assets work line; labels are message keys
 * {@code land.<kind>.<CODE>}.
 */
public final class Kinds {

	private Kinds() {
	}

	/** 地块用途: 工业, 仓储, 商服, 住宅配套, 公共设施. */
	public enum ParcelUse {

		INDUSTRIAL, WAREHOUSE, COMMERCIAL, RESIDENTIAL, PUBLIC

	}

	/** 地块状态: 储备, 征收中, 已报批, 已供应, 开发中, 已建成. */
	public enum ParcelStatus {

		RESERVE, EXPROPRIATING, APPROVED, SUPPLIED, DEVELOPING, BUILT

	}

	/** 组卷报批: 组卷中 → 已上报 → 已批复. */
	public enum BatchStatus {

		PREPARING, SUBMITTED, APPROVED

	}

	/** 供地方式: 挂牌出让, 划拨. */
	public enum SupplyKind {

		LISTING, ALLOCATION

	}

	/** 三类低效用地: 批而未供, 闲置土地, 低效用地. */
	public enum DisposalKind {

		APPROVED_UNSUPPLIED, IDLE, INEFFICIENT

	}

	/**
	 * 处置方式: 收回, 协议置换, 督促开工, 分割转让, 依法处置, 供地消化, 盘活利用, 其他; the Chinese label is accepted as
	 * well.
	 */
	public enum DisposalMethod {

		RECLAIM("收回"), SWAP("协议置换"), URGE_START("督促开工"), SPLIT_TRANSFER("分割转让"), LEGAL("依法处置"), SUPPLY("供地消化"),
		REVITALIZE("盘活利用"), OTHER("其他");

		private final String label;

		DisposalMethod(String label) {
			this.label = label;
		}

		/** The method named by its code or its Chinese label, or null. */
		public static DisposalMethod of(String text) {
			if (text == null) {
				return null;
			}
			String t = text.trim();
			for (DisposalMethod m : values()) {
				if (m.name().equalsIgnoreCase(t) || m.label.equals(t)) {
					return m;
				}
			}
			return null;
		}

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** 闲置土地通知: 征缴土地闲置费, 无偿收回. */
	public enum NoticeKind {

		FEE, RECLAIM

	}

	/** 亩均评价: 草稿 → 公示 → 定稿. */
	public enum EvaluationStatus {

		DRAFT, PUBLISHED, FINAL

	}

	/** 资产类型: 标准化厂房, 职工公寓, 人才公寓, 门面房. */
	public enum UnitKind {

		FACTORY, DORMITORY, TALENT_APARTMENT, SHOP

	}

}
