package io.parkops.economy.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ZoneTime;

/** Months as the API writes them ({@code yyyy-MM}), in China's time zone. */
public final class Months {

	private Months() {
	}

	/**
	 * Parses {@code yyyy-MM}.
	 * @throws InvalidInputException naming the field when the text is not a month
	 */
	public static YearMonth parse(String text, String field) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of(field, "error.month.required");
		}
		try {
			YearMonth month = YearMonth.parse(text.trim());
			if (month.getYear() < 1990 || month.getYear() > 2200) {
				throw InvalidInputException.of(field, "error.month.format", text);
			}
			return month;
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.of(field, "error.month.format", text);
		}
	}

	/** Parses a month an enterprise reports: not after the current month. */
	public static YearMonth parseReported(String text, String field) {
		YearMonth month = parse(text, field);
		if (month.isAfter(current())) {
			throw InvalidInputException.of(field, "error.economy.futureMonth", month.toString());
		}
		return month;
	}

	public static YearMonth current() {
		return YearMonth.now(ZoneTime.zone());
	}

	public static LocalDate today() {
		return LocalDate.now(ZoneTime.zone());
	}

}
