package io.parkops.safety.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.parkops.platform.CurrentUser;
import io.parkops.platform.ForbiddenException;
import io.parkops.platform.InvalidInputException;
import io.parkops.platform.ParkOpsException.FieldProblem;
import io.parkops.platform.ZoneDirectory;

/**
 * Parsing what people send, collecting every wrong field before answering, and the data
 * scope of the current user.
 */
public final class Inputs {

	/** Dates are Chinese dates: a deadline passes at midnight in China. */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final List<FieldProblem> problems = new ArrayList<>();

	public static LocalDate today() {
		return LocalDate.now(CHINA);
	}

	LocalDate date(String text, String field, boolean required) {
		String value = trim(text);
		if (value == null) {
			if (required) {
				this.problems.add(new FieldProblem(field, "error.required"));
			}
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			this.problems.add(new FieldProblem(field, "error.date.format", value));
			return null;
		}
	}

	String text(String value, String field, int max, boolean required) {
		String v = trim(value);
		if (v == null) {
			if (required) {
				this.problems.add(new FieldProblem(field, "error.required"));
			}
			return null;
		}
		if (v.length() > max) {
			this.problems.add(new FieldProblem(field, "error.safety.tooLong", max));
			return v.substring(0, max);
		}
		return v;
	}

	<E extends Enum<E>> E choice(Class<E> type, String value, String field) {
		String v = trim(value);
		if (v == null) {
			this.problems.add(new FieldProblem(field, "error.required"));
			return null;
		}
		try {
			return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(new FieldProblem(field, "error.safety.unknownValue", v));
			return null;
		}
	}

	void problem(String field, String key, Object... args) {
		this.problems.add(new FieldProblem(field, key, args));
	}

	boolean ok() {
		return this.problems.isEmpty();
	}

	/** Throws {@link InvalidInputException} with every problem found, if any. */
	void check() {
		if (!this.problems.isEmpty()) {
			throw new InvalidInputException(this.problems);
		}
	}

	static String trim(String s) {
		return (s == null || s.isBlank()) ? null : s.trim();
	}

	/** The zones and enterprise the current user may see, narrowed to a zone if given. */
	static Scope scope(ZoneDirectory zones, String zone) {
		CurrentUser me = CurrentUser.get();
		if (me.isEnterpriseUser()) {
			return new Scope(zones.zones().stream().map(ZoneDirectory.Zone::code).toList(), me.enterpriseCreditCode());
		}
		if (zone != null) {
			me.checkZone(zone);
			return new Scope(List.of(zone), null);
		}
		return new Scope(zones.zones().stream().map(ZoneDirectory.Zone::code).filter(me::canSeeZone).toList(), null);
	}

	static void requireStaff() {
		if (CurrentUser.get().isEnterpriseUser()) {
			throw new ForbiddenException("error.forbidden");
		}
	}

}
