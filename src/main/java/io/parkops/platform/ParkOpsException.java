package io.parkops.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Base of the exceptions that become a problem response (API) or a message (pages). The
 * message is a key in the message bundles, so the user reads it in their language.
 */
public abstract class ParkOpsException extends RuntimeException {

	private final transient Object[] args;

	protected ParkOpsException(String messageKey, Object... args) {
		super(messageKey);
		this.args = args;
	}

	public String messageKey() {
		return getMessage();
	}

	public Object[] args() {
		return this.args;
	}

	public abstract HttpStatus status();

	public List<FieldProblem> fieldProblems() {
		return List.of();
	}

	/** One wrong field: its name and a message key with arguments. */
	public record FieldProblem(String field, String messageKey, Object... args) {
	}

}
