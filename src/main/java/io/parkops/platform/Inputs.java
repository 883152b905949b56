package io.parkops.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.parkops.platform.ParkOpsException.FieldProblem;

/**
 * The one convention for what people send, used by every module: each text has a declared
 * maximum checked before the database sees it (never cut), control characters are refused
 * (line breaks and tabs only in multi-line text), numbers must fit their column, dates
 * and months lie in a window that makes sense for them, codes come from their vocabulary.
 * Every wrong field is collected and {@link #check()} answers them all at once as a 400
 * naming each field.
 */
public class Inputs {

	/** The first day any date of the product may have. */
	public static final LocalDate EARLIEST_DATE = LocalDate.of(1950, 1, 1);

	/** The first month any month of the product may have. */
	public static final YearMonth EARLIEST_MONTH = YearMonth.of(1950, 1);

	private final List<FieldProblem> problems;

	public Inputs() {
		this(new ArrayList<>());
	}

	/** Collects into an existing list of problems. */
	public Inputs(List<FieldProblem> problems) {
		this.problems = problems;
	}

	// ---- the one blank/trim helper

	/** The text without surrounding white space, or {@code null} when there is none. */
	public static String trim(String s) {
		return (s == null || s.isBlank()) ? null : s.trim();
	}

	/** The text, or the empty string for {@code null} (for forms that redisplay it). */
	public static String orEmpty(String s) {
		return (s != null) ? s : "";
	}

	/**
	 * Whether the text holds a control character (NUL included); line feed, carriage
	 * return and tab are allowed only when {@code multiLine}.
	 */
	public static boolean hasControlCharacters(String s, boolean multiLine) {
		if (s == null) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF') {
				if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
					continue;
				}
				return true;
			}
		}
		return false;
	}

	// ---- text

	/** One line of text of at most {@code max} characters, trimmed; blank is null. */
	public String text(String value, String field, int max, boolean required) {
		return text(value, field, max, required, false);
	}

	/** Text that may hold line breaks and tabs, at most {@code max} characters. */
	public String multiline(String value, String field, int max, boolean required) {
		return text(value, field, max, required, true);
	}

	private String text(String value, String field, int max, boolean required, boolean multiLine) {
		String v = trim(value);
		if (v == null) {
			if (required) {
				problem(field, "error.required");
			}
			return null;
		}
		if (v.length() > max) {
			problem(field, "error.tooLong", max, v.length());
			return null;
		}
		if (hasControlCharacters(v, multiLine)) {
			problem(field, "error.controlCharacters");
			return null;
		}
		return v;
	}

	/**
	 * A list of single-line texts, each at most {@code max}, at most {@code maxItems}.
	 */
	public List<String> texts(Collection<String> values, String field, int max, int maxItems) {
		List<String> result = new ArrayList<>();
		if (values == null) {
			return result;
		}
		if (values.size() > maxItems) {
			problem(field, "error.tooMany", maxItems);
			return result;
		}
		for (String value : values) {
			String v = text(value, field, max, false);
			if (v != null && !result.contains(v)) {
				result.add(v);
			}
		}
		return result;
	}

	// ---- vocabularies

	/** A constant of an enum, by its name in any case. */
	public <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
		return choice(type, value, field, true);
	}

	public <E extends Enum<E>> E choice(Class<E> type, String value, String field, boolean required) {
		String v = trim(value);
		if (v == null) {
			if (required) {
				problem(field, "error.required");
			}
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(v)) {
				return constant;
			}
		}
		problem(field, "error.unknownValue", shorten(v), String.join(", ", names(type)));
		return null;
	}

	/** A code of a configured vocabulary, as configured (matched in any case). */
	public String oneOf(String value, String field, Collection<String> allowed, boolean required) {
		String v = trim(value);
		if (v == null) {
			if (required) {
				problem(field, "error.required");
			}
			return null;
		}
		for (String a : allowed) {
			if (a.equalsIgnoreCase(v)) {
				return a;
			}
		}
		problem(field, "error.unknownValue", shorten(v), String.join(", ", allowed));
		return null;
	}

	// ---- numbers

	/**
	 * A number that fits a {@code numeric(precision, scale)} column and is not below
	 * {@code min} (null: no lower bound).
	 */
	public BigDecimal number(BigDecimal value, String field, int precision, int scale, BigDecimal min,
			boolean required) {
		if (value == null) {
			if (required) {
				problem(field, "error.required");
			}
			return null;
		}
		if (!fits(value, precision, scale)) {
			problem(field, "error.number.precision", precision - scale, scale);
			return null;
		}
		if (min != null && value.compareTo(min) < 0) {
			problem(field, "error.number.min", min.toPlainString());
			return null;
		}
		return value;
	}

	/**
	 * Parses a number written by a person; see
	 * {@link #number(BigDecimal, String, int, int, BigDecimal, boolean)}.
	 */
	public BigDecimal number(String text, String field, int precision, int scale, BigDecimal min, boolean required) {
		String v = trim(text);
		if (v == null) {
			return number((BigDecimal) null, field, precision, scale, min, required);
		}
		try {
			if (v.length() > 64) {
				throw new NumberFormatException();
			}
			return number(new BigDecimal(v.replace(",", "")), field, precision, scale, min, required);
		}
		catch (NumberFormatException ex) {
			problem(field, "error.number.format", shorten(v));
			return null;
		}
	}

	/** Whether the value fits {@code numeric(precision, scale)}. */
	public static boolean fits(BigDecimal value, int precision, int scale) {
		BigDecimal v = value.stripTrailingZeros();
		if (v.scale() > scale) {
			return false;
		}
		int integerDigits = v.precision() - v.scale();
		return integerDigits <= precision - scale;
	}

	/** A whole number in {@code [min, max]}. */
	public Integer whole(Integer value, String field, int min, int max, boolean required) {
		if (value == null) {
			if (required) {
				problem(field, "error.required");
			}
			return null;
		}
		if (value < min || value > max) {
			problem(field, "error.number.range", min, max);
			return null;
		}
		return value;
	}

	// ---- dates

	/**
	 * A date {@code yyyy-MM-dd} within {@code [earliest, latest]} (either may be null).
	 */
	public LocalDate date(String value, String field, boolean required, LocalDate earliest, LocalDate latest) {
		String v = trim(value);
		if (v == null) {
			if (required) {
				problem(field, "error.required");
			}
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(v);
		}
		catch (DateTimeParseException ex) {
			problem(field, "error.date.format", shorten(v));
			return null;
		}
		if ((earliest != null && date.isBefore(earliest)) || (latest != null && date.isAfter(latest))) {
			problem(field, "error.date.window", String.valueOf(orDash(earliest)), String.valueOf(orDash(latest)));
			return null;
		}
		return date;
	}

	/**
	 * A date in the window every date of the product lies in: 1950 to ten years ahead.
	 */
	public LocalDate date(String value, String field, boolean required) {
		return date(value, field, required, EARLIEST_DATE, LocalDate.now(ZoneTime.zone()).plusYears(10));
	}

	/** A month {@code yyyy-MM} within {@code [earliest, latest]} (either may be null). */
	public YearMonth month(String value, String field, boolean required, YearMonth earliest, YearMonth latest) {
		String v = trim(value);
		if (v == null) {
			if (required) {
				problem(field, "error.month.required");
			}
			return null;
		}
		YearMonth month;
		try {
			month = YearMonth.parse(v.replace('/', '-').replace('.', '-'));
		}
		catch (DateTimeParseException ex) {
			problem(field, "error.month.format", shorten(v));
			return null;
		}
		return month(month, field, earliest, latest);
	}

	/** Checks a month already parsed against its window. */
	public YearMonth month(YearMonth month, String field, YearMonth earliest, YearMonth latest) {
		if (month == null) {
			return null;
		}
		if ((earliest != null && month.isBefore(earliest)) || (latest != null && month.isAfter(latest))) {
			problem(field, "error.month.window", String.valueOf(orDash(earliest)), String.valueOf(orDash(latest)));
			return null;
		}
		return month;
	}

	// ---- collecting

	public void problem(String field, String messageKey, Object... args) {
		this.problems.add(new FieldProblem(field, messageKey, args));
	}

	public boolean ok() {
		return this.problems.isEmpty();
	}

	public boolean has(String field) {
		return this.problems.stream().anyMatch((p) -> p.field().equals(field));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** Throws {@link InvalidInputException} with every problem found, if any. */
	public void check() {
		if (!this.problems.isEmpty()) {
			throw new InvalidInputException(this.problems);
		}
	}

	/**
	 * A value as it may be quoted back in a message: at most 40 characters, no controls.
	 */
	public static String shorten(String v) {
		String s = (v.length() > 40) ? v.substring(0, 40) + "…" : v;
		StringBuilder out = new StringBuilder(s.length());
		s.codePoints().forEach((c) -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return out.toString();
	}

	private static Object orDash(Object o) {
		return (o != null) ? o : "—";
	}

	private static <E extends Enum<E>> List<String> names(Class<E> type) {
		List<String> names = new ArrayList<>();
		for (E e : type.getEnumConstants()) {
			names.add(e.name());
		}
		return names;
	}

}
