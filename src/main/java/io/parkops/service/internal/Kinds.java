package io.parkops.service.internal;

/**
 * The vocabularies of enterprise services.
 */
public final class Kinds {

	private Kinds() {
	}

	/** Where a request came from. */
	public enum Channel {

		PORTAL, VISIT, MEETING, PHONE, HOTLINE

	}

	/** 用工, 用地, 融资, 水电气热, 审批代办, 政策, 物流, 治安, 其他. */
	public enum Category {

		LABOUR, LAND, FINANCING, UTILITIES, APPROVAL, POLICY, LOGISTICS, SECURITY, OTHER

	}

	/** Who solves it: the zone, a county department, the industry chain's 链长. */
	public enum Level {

		ZONE, COUNTY, CHAIN

	}

	/** 已受理 → 办理中 → 已办结 → 已评价; 已撤回. */
	public enum RequestStatus {

		SUBMITTED, IN_PROGRESS, RESOLVED, RATED, WITHDRAWN;

		public boolean open() {
			return this == SUBMITTED || this == IN_PROGRESS;
		}

	}

	/** 过桥应急周转金, 园区贷 / 财园信贷通 / 助保贷, 续贷. */
	public enum FinancingKind {

		BRIDGE, PARK_LOAN, RENEWAL

	}

	/**
	 * The product of a park-backed loan (kind {@code PARK_LOAN}): 园区贷, 纾困园区贷, 财园信贷通, 科贷通,
	 * 助保贷, 其他.
	 */
	public enum LoanProduct {

		PARK_LOAN, RELIEF_PARK_LOAN, CAIYUAN_CREDIT, TECH_CREDIT, GUARANTEE_POOL, OTHER

	}

	/** 专场, 校园, 线上. */
	public enum FairKind {

		SPECIAL, CAMPUS, ONLINE

	}

	/** The kinds of criteria a policy's conditions are written in. */
	public enum CriterionKind {

		ABOVE_SCALE, FLAG, INDUSTRY, INDICATOR_GROWTH, INDICATOR_AMOUNT, SERVICE, LAND, MANUAL

	}

	/** 国家, 省, 市, 县, 园区. */
	public enum IssuerLevel {

		NATIONAL, PROVINCE, CITY, COUNTY, ZONE

	}

	/** 已申报 → 审核通过 / 未通过 → 已兑现. */
	public enum ApplicationStatus {

		APPLIED, APPROVED, REJECTED, PAID

	}

	/**
	 * What a {@code SERVICE} criterion reads of the services data: the hires the
	 * enterprise reported in a year (at least {@code min}), no bridge loan overdue today,
	 * or the 代办 items finished for it in a year (at least {@code min}).
	 */
	public enum ServiceMeasure {

		HIRES, NO_OVERDUE_BRIDGE, AGENCY_FINISHED

	}

	/**
	 * What a {@code LAND} criterion reads of the land work line's data: the enterprise's
	 * latest final 亩均 class (one of {@code classes}), or the land it holds (at least
	 * {@code min} 亩).
	 */
	public enum LandMeasure {

		PER_MU_CLASS, LAND_AREA

	}

	/** The indicators a criterion may name, with their column in the monthly figures. */
	public enum Indicator {

		OUTPUT("output"), VALUE_ADDED("value_added"), REVENUE("revenue"), PROFIT("profit"), TAX("tax"),
		ELECTRICITY("electricity"), EMPLOYEES("employees"), EXPORT("export");

		final String column;

		Indicator(String column) {
			this.column = column;
		}

		/** The same indicator as the economy module names it. */
		io.parkops.economy.Indicator economy() {
			return io.parkops.economy.Indicator.valueOf(name());
		}

		static Indicator of(String code) {
			for (Indicator i : values()) {
				if (i.column.equalsIgnoreCase(code) || i.name().equalsIgnoreCase(code)) {
					return i;
				}
			}
			return null;
		}

	}

}
