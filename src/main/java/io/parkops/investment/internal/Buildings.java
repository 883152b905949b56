package io.parkops.investment.internal;

import java.math.BigDecimal;

import io.parkops.investment.internal.Kinds.BuildingPhase;

/**
 * Describes a building's progress the way the reports do: "1#厂房正在进行三层主体施工",
 * "2#宿舍主体已封顶，砌体完成60%".
 */
public final class Buildings {

	private static final String[] DIGITS = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	private Buildings() {
	}

	/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三, 105 → 105. */
	public static String chinese(int n) {
		if (n < 10) {
			return DIGITS[n];
		}
		if (n < 20) {
			return "十" + ((n % 10 == 0) ? "" : DIGITS[n % 10]);
		}
		if (n < 100) {
			return DIGITS[n / 10] + "十" + ((n % 10 == 0) ? "" : DIGITS[n % 10]);
		}
		return Integer.toString(n);
	}

	/** The building's state in Chinese, after its name. */
	public static String describe(String building, BuildingPhase phase, Integer floorsDone, Integer floorsTotal,
			BigDecimal percent) {
		String pct = (percent != null) ? percent.stripTrailingZeros().toPlainString() + "%" : null;
		String state = switch (phase) {
			case FOUNDATION -> "正在进行基础施工";
			case STRUCTURE -> {
				if (floorsTotal != null && floorsDone != null && floorsDone >= floorsTotal) {
					yield "主体已封顶";
				}
				int current = ((floorsDone != null) ? floorsDone : 0) + 1;
				yield "正在进行" + chinese(current) + "层主体施工"
						+ ((floorsTotal != null) ? "（共" + chinese(floorsTotal) + "层）" : "");
			}
			case MASONRY -> "主体已封顶，砌体" + ((pct != null) ? "完成" + pct : "施工中");
			case DECORATION -> "正在进行装修" + ((pct != null) ? "，完成" + pct : "");
			case INSTALLATION -> "正在进行设备安装" + ((pct != null) ? "，完成" + pct : "");
			case FINISHING -> "正在进行扫尾施工";
			case COMPLETED -> "已竣工";
		};
		return building + state;
	}

}
