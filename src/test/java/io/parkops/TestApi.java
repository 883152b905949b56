package io.parkops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Calls the REST API the way a client does (tokens, JSON bodies) and creates the uniquely
 * named zones and users each test needs in the shared database.
 */
public final class TestApi {

	public static final String STRONG_PASSWORD = "Passw0rd!x";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Random RANDOM = new Random();

	private final MockMvc mvc;

	public TestApi(MockMvc mvc) {
		this.mvc = mvc;
	}

	/**
	 * A name no other test (or earlier run) uses: the prefix and eight random characters.
	 */
	public static String unique(String prefix) {
		String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder sb = new StringBuilder(prefix);
		for (int i = 0; i < 8; i++) {
			sb.append(chars.charAt(RANDOM.nextInt(chars.length())));
		}
		return sb.toString();
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	public static <T> T read(MvcResult result, String path) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(), path);
	}

	/** Adds the bearer token to a request with a JSON body. */
	public static <B extends AbstractMockHttpServletRequestBuilder<B>> B bearer(String token, B request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON);
	}

	public static MockHttpServletRequestBuilder withJson(MockHttpServletRequestBuilder request, Object body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(json(body));
	}

	public ResultActions requestToken(String username, String password) throws Exception {
		return this.mvc.perform(withJson(post("/api/v1/auth/token"), Map.of("username", username, "password", password))
			.accept(MediaType.APPLICATION_JSON));
	}

	public String token(String username, String password) throws Exception {
		return read(requestToken(username, password).andExpect(status().isOk()).andReturn(), "$.token");
	}

	public String adminToken() throws Exception {
		return token("admin", ParkOpsTest.ADMIN_PASSWORD);
	}

	public ResultActions postJson(String token, String path, Object body) throws Exception {
		return this.mvc.perform(bearer(token, withJson(post(path), body)));
	}

	/** Creates a zone with the given area codes (named after themselves). */
	public String createZone(String adminToken, String code, String... areaCodes) throws Exception {
		List<Map<String, String>> areas = java.util.Arrays.stream(areaCodes)
			.map((a) -> Map.of("code", a, "name", "Area " + a))
			.toList();
		postJson(adminToken, "/api/v1/zones", Map.of("code", code, "name", "Zone " + code, "areas", areas))
			.andExpect(status().isCreated());
		return code;
	}

	public ResultActions requestUser(String adminToken, String username, String password, List<String> roles,
			List<String> zoneCodes, String enterpriseCreditCode, boolean mustChangePassword) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", password);
		body.put("displayName", "Test " + username);
		body.put("roles", roles);
		body.put("zoneCodes", zoneCodes);
		if (enterpriseCreditCode != null) {
			body.put("enterpriseCreditCode", enterpriseCreditCode);
		}
		body.put("mustChangePassword", mustChangePassword);
		return postJson(adminToken, "/api/v1/users", body);
	}

	/** Creates a user with {@link #STRONG_PASSWORD} and returns its username. */
	public String createUser(String adminToken, String username, List<String> roles, List<String> zoneCodes,
			String enterpriseCreditCode) throws Exception {
		requestUser(adminToken, username, STRONG_PASSWORD, roles, zoneCodes, enterpriseCreditCode, false)
			.andExpect(status().isCreated());
		return username;
	}

	/** Creates an AUDITOR and returns a token for it. */
	public String auditorToken(String adminToken) throws Exception {
		String auditor = createUser(adminToken, unique("auditor-"), List.of("AUDITOR"), List.of(), null);
		return token(auditor, STRONG_PASSWORD);
	}

	/**
	 * Signs in through the form and returns the session cookie (sessions live in
	 * PostgreSQL, so the session is its cookie).
	 */
	public jakarta.servlet.http.Cookie session(String username, String password) throws Exception {
		MvcResult login = this.mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
				.formLogin("/login")
				.user(username)
				.password(password))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/"))
			.andReturn();
		jakarta.servlet.http.Cookie cookie = login.getResponse().getCookie("SESSION");
		if (cookie == null) {
			throw new IllegalStateException("no session cookie after signing in as " + username);
		}
		return cookie;
	}

	/** {@code PATCH /api/v1/users/{username}} with the given fields. */
	public ResultActions patchUser(String token, String username, Map<String, ?> body) throws Exception {
		return this.mvc.perform(bearer(token, withJson(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/users/" + username),
				body)));
	}

	/**
	 * The account's current version, as {@code GET /api/v1/users/{username}} reads it.
	 */
	public long userVersion(String adminToken, String username) throws Exception {
		MvcResult result = this.mvc
			.perform(bearer(adminToken,
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders
						.get("/api/v1/users/" + username)))
			.andExpect(status().isOk())
			.andReturn();
		return ((Number) read(result, "$.version")).longValue();
	}

	/** The cells of an .xlsx download's first sheet as text, row by row. */
	public static List<List<String>> sheet(byte[] xlsx) throws Exception {
		List<List<String>> rows = new java.util.ArrayList<>();
		try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
				new java.io.ByteArrayInputStream(xlsx));
				java.util.stream.Stream<org.dhatim.fastexcel.reader.Row> stream = wb.getFirstSheet().openStream()) {
			stream.forEach((r) -> {
				List<String> cells = new java.util.ArrayList<>();
				for (int i = 0; i < r.getCellCount(); i++) {
					cells.add(r.getCellText(i));
				}
				rows.add(cells);
			});
		}
		return rows;
	}

}
