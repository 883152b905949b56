package io.parkops.enterprise;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ownership of an enterprise (登记注册类型 / 经济类型), as the statistics group it: 国有, 集体, 民营
 * (私营), 港澳台, 外商, 其他. An enterprise whose type is not recorded has none (shown as 未填).
 */
public enum OwnershipType {

	STATE_OWNED, COLLECTIVE, PRIVATE, HONG_KONG_MACAO_TAIWAN, FOREIGN, OTHER;

	/** The words people write in a workbook, with the usual synonyms. */
	private static final Map<String, OwnershipType> WORDS = Map.ofEntries(Map.entry("国有", STATE_OWNED),
			Map.entry("国有企业", STATE_OWNED), Map.entry("国企", STATE_OWNED), Map.entry("集体", COLLECTIVE),
			Map.entry("集体企业", COLLECTIVE), Map.entry("民营", PRIVATE), Map.entry("民营企业", PRIVATE),
			Map.entry("私营", PRIVATE), Map.entry("私营企业", PRIVATE), Map.entry("港澳台", HONG_KONG_MACAO_TAIWAN),
			Map.entry("港澳台商", HONG_KONG_MACAO_TAIWAN), Map.entry("港澳台商投资企业", HONG_KONG_MACAO_TAIWAN),
			Map.entry("外商", FOREIGN), Map.entry("外资", FOREIGN), Map.entry("外商投资企业", FOREIGN), Map.entry("其他", OTHER));

	/** The Chinese word of the type, as a workbook shows it. */
	public String chinese() {
		return switch (this) {
			case STATE_OWNED -> "国有";
			case COLLECTIVE -> "集体";
			case PRIVATE -> "民营";
			case HONG_KONG_MACAO_TAIWAN -> "港澳台";
			case FOREIGN -> "外商";
			case OTHER -> "其他";
		};
	}

	/**
	 * Reads a type from its code ({@code PRIVATE}, any case) or its Chinese word (民营, 私营,
	 * 外资, …); empty if neither.
	 */
	public static Optional<OwnershipType> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip();
		OwnershipType word = WORDS.get(value);
		if (word != null) {
			return Optional.of(word);
		}
		for (OwnershipType t : values()) {
			if (t.name().equals(value.toUpperCase(Locale.ROOT))) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}

}
