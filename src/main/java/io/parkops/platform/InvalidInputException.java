package io.parkops.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Answered with 400 and the list of wrong fields. */
public class InvalidInputException extends ParkOpsException {

	private final transient List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super("error.validation");
		this.problems = List.copyOf(problems);
	}

	public static InvalidInputException of(String field, String messageKey, Object... args) {
		return new InvalidInputException(List.of(new FieldProblem(field, messageKey, args)));
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

	@Override
	public List<FieldProblem> fieldProblems() {
		return this.problems;
	}

}
