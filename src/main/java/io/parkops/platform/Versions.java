package io.parkops.platform;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * Optimistic locking of every record a person edits: the request carries the
 * {@code version} it last read, the store changes the row only
 * {@code WHERE … AND version = :version} (bumping it), and no changed row means someone
 * else was first: 409 {@code error.staleVersion}, nothing changed. Pages keep the typed
 * values and show {@code fragments/forms :: staleVersion}.
 */
public final class Versions {

	/** The message key of a stale version (409). */
	public static final String STALE = "error.staleVersion";

	/** The model attribute that makes a form show the stale-version notice. */
	public static final String STALE_ATTRIBUTE = "staleVersion";

	private Versions() {
	}

	/**
	 * The version a change must carry.
	 * @throws InvalidInputException naming {@code version} when it is missing
	 */
	public static long required(Long version) {
		if (version == null) {
			throw InvalidInputException.of("version", "error.required");
		}
		return version;
	}

	/**
	 * Checks the number of rows a conditional update ({@code WHERE version = :v})
	 * changed.
	 * @throws ConflictException when it changed none
	 */
	public static void updated(int rows) {
		if (rows == 0) {
			throw stale();
		}
	}

	/**
	 * Checks a version read under a lock ({@code SELECT … FOR UPDATE}) against the one
	 * the request carries.
	 */
	public static void expect(long current, long requested) {
		if (current != requested) {
			throw stale();
		}
	}

	/**
	 * The version an API save names, when it names one: {@code If-Match: "3"} (the GET's
	 * ETag, weak or strong) before {@code ?version=3}; null when neither is given.
	 * @throws InvalidInputException naming {@code version} when it is not a whole number
	 * of 0 or more
	 */
	public static Long fromRequest(String ifMatch, String parameter) {
		String given = (ifMatch != null && !ifMatch.isBlank()) ? ifMatch.strip() : Inputs.trim(parameter);
		if (given == null) {
			return null;
		}
		String bare = given.startsWith("W/") ? given.substring(2) : given;
		if (bare.length() > 1 && bare.charAt(0) == '"' && bare.charAt(bare.length() - 1) == '"') {
			bare = bare.substring(1, bare.length() - 1);
		}
		if (!bare.isEmpty() && bare.length() <= 18 && bare.chars().allMatch(Character::isDigit)) {
			return Long.valueOf(bare);
		}
		throw InvalidInputException.of("version", "error.version.format", Inputs.shorten(given));
	}

	public static ConflictException stale() {
		return new ConflictException(STALE);
	}

	public static boolean isStale(ParkOpsException ex) {
		return STALE.equals(ex.messageKey());
	}

	/**
	 * For a page whose save was refused as stale: answers 409 and marks the model so the
	 * form (rendered again with the typed values) says someone else changed the record.
	 */
	public static void showStale(Model model, HttpServletResponse response) {
		model.addAttribute(STALE_ATTRIBUTE, true);
		response.setStatus(HttpStatus.CONFLICT.value());
	}

}
