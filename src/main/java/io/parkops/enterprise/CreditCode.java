package io.parkops.enterprise;

/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-character
 * set, the last one a check character computed from the first seventeen.
 */
public final class CreditCode {

	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/** Whether the code is well formed and its check character is right. */
	public static boolean isValid(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		for (int i = 0; i < 18; i++) {
			if (CHARSET.indexOf(code.charAt(i)) < 0) {
				return false;
			}
		}
		return checkCharacter(code.substring(0, 17)) == code.charAt(17);
	}

	/** The check character for the first seventeen characters. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = CHARSET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
			}
			sum += value * WEIGHTS[i];
		}
		int check = 31 - (sum % 31);
		return CHARSET.charAt((check == 31) ? 0 : check);
	}

	/**
	 * Upper-cases and trims what a person typed, so that "91360727ma35lghk7k " is
	 * accepted.
	 */
	public static String normalize(String code) {
		return (code != null) ? code.trim().toUpperCase(java.util.Locale.ROOT) : null;
	}

}
