package io.parkops.economy;

import java.util.Arrays;
import java.util.Optional;

/**
 * Zone-level monthly figures that do not come from enterprises; the economy department
 * enters them, and they get the same cumulative, growth and target treatment.
 */
public enum ZoneIndicator {

	/** 一般公共预算收入. */
	BUDGET_REVENUE("budget_revenue", "一般公共预算收入"),
	/** 固定资产投资. */
	FIXED_ASSET_INVESTMENT("fixed_asset_investment", "固定资产投资"),
	/** 技改投资. */
	TECH_INVESTMENT("tech_investment", "技改投资");

	private final String code;

	private final String nameZh;

	ZoneIndicator(String code, String nameZh) {
		this.code = code;
		this.nameZh = nameZh;
	}

	public String code() {
		return this.code;
	}

	public String nameZh() {
		return this.nameZh;
	}

	/** Always 万元. */
	public String unit() {
		return "万元";
	}

	public static Optional<ZoneIndicator> ofCode(String code) {
		return Arrays.stream(values()).filter((i) -> i.code.equals(code)).findFirst();
	}

}
