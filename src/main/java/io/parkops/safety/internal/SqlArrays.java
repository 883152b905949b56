package io.parkops.safety.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL arrays of a result row as lists.
 */
final class SqlArrays {

	private SqlArrays() {
	}

	static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return List.of((String[]) array.getArray());
	}

	static List<Long> longs(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<Long> values = new ArrayList<>();
		for (Object o : (Object[]) array.getArray()) {
			values.add(((Number) o).longValue());
		}
		return values;
	}

}
