package io.parkops.platform.excel;

import java.util.List;

/**
 * An import that stored nothing because of the listed errors; answered with 400 and
 * {@code {"errors":[{"row","column","message"}]}}.
 */
public class ImportFailedException extends RuntimeException {

	private final transient List<ImportError> errors;

	public ImportFailedException(List<ImportError> errors) {
		super("import failed with " + errors.size() + " error(s)");
		this.errors = List.copyOf(errors);
	}

	public List<ImportError> errors() {
		return this.errors;
	}

}
