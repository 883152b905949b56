package io.parkops.economy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The monthly indicators an enterprise reports (B204-1). Flow indicators add up over the
 * months of a period; {@link #EMPLOYEES} (从业人员平均人数) is averaged instead.
 */
public enum Indicator {

	/** 工业总产值, current prices. */
	OUTPUT("output", "工业总产值", "万元"),
	/** 工业增加值; its growth is real growth, deflated by the year's price index. */
	VALUE_ADDED("value_added", "工业增加值", "万元"),
	/** 营业收入 (formerly 主营业务收入). */
	REVENUE("revenue", "营业收入", "万元"),
	/** 利润总额; may be negative. */
	PROFIT("profit", "利润总额", "万元"),
	/** 税金总额. */
	TAX("tax", "税金总额", "万元"),
	/** 工业用电量. */
	ELECTRICITY("electricity", "工业用电量", "万千瓦时"),
	/** 从业人员平均人数: the period value is the average of the months. */
	EMPLOYEES("employees", "从业人员平均人数", "人"),
	/** 出口交货值. */
	EXPORT("export", "出口交货值", "万元");

	private final String code;

	private final String nameZh;

	private final String unit;

	Indicator(String code, String nameZh, String unit) {
		this.code = code;
		this.nameZh = nameZh;
		this.unit = unit;
	}

	/** The code used by the API and the import, e.g. {@code value_added}. */
	public String code() {
		return this.code;
	}

	/** The Chinese name, as reports write it. */
	public String nameZh() {
		return this.nameZh;
	}

	/** The unit, as reports write it (万元, 万千瓦时, 人). */
	public String unit() {
		return this.unit;
	}

	/** Whether a negative value is possible (only 利润总额). */
	public boolean mayBeNegative() {
		return this == PROFIT;
	}

	/** Whether the period value is the average of the months rather than their sum. */
	public boolean averaged() {
		return this == EMPLOYEES;
	}

	/** Whether growth is at comparable prices (deflated by the price index). */
	public boolean comparablePrices() {
		return this == VALUE_ADDED;
	}

	public static Optional<Indicator> ofCode(String code) {
		return Arrays.stream(values()).filter((i) -> i.code.equals(code)).findFirst();
	}

}
