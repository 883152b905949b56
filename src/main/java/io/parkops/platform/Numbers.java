package io.parkops.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

/**
 * Figures on pages as the reports write them, each rounded once, half up, from its exact
 * value: {@code ${@num.format(v, 2)}} gives 1,234.57 (Thymeleaf's {@code #numbers} rounds
 * half to even: 16.45 would show as 16.4), {@code ${@num.growth(pct)}} gives ▲10.2% or
 * ▼3.4% (one decimal, one sign), {@code ${@num.whole(v)}} a count or an average of people
 * without decimals.
 */
@Component("num")
public class Numbers {

	/**
	 * {@code value} with thousands separators and {@code scale} decimals; null stays
	 * null. Written out by hand rather than through a {@code DecimalFormat} per call:
	 * policy matching formats tens of thousands of figures in one request.
	 */
	public String format(Object value, int scale) {
		BigDecimal v = decimal(value);
		if (v == null) {
			return null;
		}
		String plain = v.setScale(scale, RoundingMode.HALF_UP).toPlainString();
		int start = plain.startsWith("-") ? 1 : 0;
		int point = plain.indexOf('.');
		if (point < 0) {
			point = plain.length();
		}
		StringBuilder out = new StringBuilder(plain.length() + plain.length() / 3);
		out.append(plain, 0, start);
		for (int i = start; i < point; i++) {
			if (i > start && (point - i) % 3 == 0) {
				out.append(',');
			}
			out.append(plain.charAt(i));
		}
		return out.append(plain, point, plain.length()).toString();
	}

	/**
	 * {@code value} with {@code scale} decimals and no thousands separators, as the
	 * reports write amounts in running text (1115.70); null stays null.
	 */
	public String plain(Object value, int scale) {
		BigDecimal v = decimal(value);
		return (v != null) ? v.setScale(scale, RoundingMode.HALF_UP).toPlainString() : null;
	}

	/** A whole number with thousands separators: 46,367. */
	public String whole(Object value) {
		return format(value, 0);
	}

	/**
	 * A growth rate with one decimal and one sign: ▲10.2%, ▼3.4%, 0.0% (a rate that
	 * rounds to zero carries no arrow); null → null.
	 */
	public String growth(Object pct) {
		BigDecimal v = decimal(pct);
		if (v == null) {
			return null;
		}
		BigDecimal shown = v.setScale(1, RoundingMode.HALF_UP);
		String text = format(shown.abs(), 1) + "%";
		return switch (shown.signum()) {
			case 1 -> "▲" + text;
			case -1 -> "▼" + text;
			default -> text;
		};
	}

	/** The CSS class of a growth rate as shown: up, down or none. */
	public String trend(Object pct) {
		BigDecimal v = decimal(pct);
		if (v == null) {
			return "";
		}
		int sign = v.setScale(1, RoundingMode.HALF_UP).signum();
		return (sign > 0) ? "up" : (sign < 0) ? "down" : "";
	}

	private static BigDecimal decimal(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal b) {
			return b;
		}
		if (value instanceof Number n) {
			return new BigDecimal(n.toString());
		}
		return new BigDecimal(value.toString().trim());
	}

}
