package io.parkops;

import java.util.Map;

import org.springframework.test.web.servlet.MockMvc;

/**
 * The records a work line adds to each target of {@link AuthorizationMatrixTests}, so
 * that its routes' path variables can be filled: a work line puts one implementation (a
 * public class with a no-argument constructor) in its test package, and the matrix finds
 * it on the class path. Nothing else in the matrix changes when a work line lands.
 */
public interface MatrixFixture {

	/**
	 * Creates the work line's records for one enterprise of one zone and answers their
	 * ids by the path segment in front of the variable ({@code "leads"} for
	 * {@code /api/v1/investment/leads/{id}}), by the variable's name
	 * ({@code "applicationId"}) or by both ({@code "problems.id"}); the matrix looks them
	 * up in the order {@code segment.variable}, {@code segment} (for {@code {id}}),
	 * {@code variable}.
	 * @param context who may create what in the target's zone
	 * @return the ids
	 * @throws Exception when a request fails
	 */
	Map<String, String> create(Context context) throws Exception;

	/**
	 * What a fixture may use.
	 *
	 * @param api API helpers
	 * @param mvc the application
	 * @param adminToken a token of {@code ADMIN}
	 * @param staffToken a token of a user of the target's zone holding every business
	 * role (LEADER and all staff roles)
	 * @param enterpriseToken a token of an {@code ENTERPRISE} user of the target's
	 * enterprise
	 * @param zone the target's zone code
	 * @param enterprise the target's enterprise credit code
	 */
	record Context(TestApi api, MockMvc mvc, String adminToken, String staffToken, String enterpriseToken, String zone,
			String enterprise) {
	}

}
