package io.parkops.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Answered with FORBIDDEN (403). */
public class ForbiddenException extends ParkOpsException {

	private final transient List<FieldProblem> problems;

	public ForbiddenException(String messageKey, Object... args) {
		super(messageKey, args);
		this.problems = List.of();
	}

	private ForbiddenException(FieldProblem problem) {
		super(problem.messageKey(), problem.args());
		this.problems = List.of(problem);
	}

	/** A field the caller may not change; the problem names it. */
	public static ForbiddenException ofField(String field, String messageKey, Object... args) {
		return new ForbiddenException(new FieldProblem(field, messageKey, args));
	}

	@Override
	public List<FieldProblem> fieldProblems() {
		return this.problems;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.FORBIDDEN;
	}

}
