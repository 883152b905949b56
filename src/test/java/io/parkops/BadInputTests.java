package io.parkops;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.parkops.enterprise.CreditCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static io.parkops.TestApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole bad-input list, sent to every write endpoint of the application's own route
 * table (POST, PUT, PATCH and DELETE under {@code /api/v1}): each answer must be a 4xx
 * {@code application/problem+json} and the database must not change. Request bodies are
 * built by reflecting on the {@code @RequestBody} types from a valid skeleton, one field
 * spoiled at a time; a new module's endpoints join by being in the route table.
 */
@ParkOpsTest
class BadInputTests {

	/**
	 * Tables whose rows a refused request may still write (sign-ins, audit, sessions,
	 * jobs) or that change on their own meanwhile (the monitoring receiver's counts,
	 * flushed every few seconds).
	 */
	private static final String EXCLUDED_TABLES = "(?i).*(audit|session|shedlock|token|import_job|flyway|scheduled_tasks|jobrunr|login|checkpoint|receiver_counter).*";

	private static final String HUGE = "x".repeat(100_000);

	private static final String LONG_65 = "y".repeat(65);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping routes;

	TestApi api;

	String zone;

	String enterprise;

	List<String> tokens;

	Map<String, String> ids;

	@BeforeEach
	void fixture() throws Exception {
		this.api = new TestApi(this.mvc);
		String admin = this.api.adminToken();
		this.zone = this.api.createZone(admin, unique("bad-"), "east");
		this.enterprise = creditCode();
		this.api.postJson(admin, "/api/v1/enterprises",
				Map.of("creditCode", this.enterprise, "name", "坏输入测试企业", "zoneCode", this.zone, "areaCode", "east",
						"industryCode", "C39", "aboveScale", true, "aboveScaleSince", "2021-01", "status",
						"IN_PRODUCTION"))
			.andExpect(status().isCreated());
		String staffUser = this.api.createUser(admin, unique("badstaff-"),
				List.of("ECONOMY_STAFF", "SAFETY_STAFF", "LEADER"), List.of(this.zone), null);
		String staff = this.api.token(staffUser, TestApi.STRONG_PASSWORD);
		String secadmin = this.api.token(
				this.api.createUser(admin, unique("badsec-"), List.of("SECURITY_ADMIN"), List.of(), null),
				TestApi.STRONG_PASSWORD);
		this.tokens = List.of(staff, admin, secadmin);
		long inspection = id(
				this.api
					.postJson(staff, "/api/v1/safety/inspections",
							Map.of("zoneCode", this.zone, "date", "2024-03-01", "kind", "ROUTINE",
									"enterpriseCreditCodes", List.of(this.enterprise)))
					.andExpect(status().isCreated())
					.andReturn()
					.getResponse());
		Map<String, Object> hazard = new LinkedHashMap<>();
		hazard.put("enterpriseCreditCode", this.enterprise);
		hazard.put("inspectionId", inspection);
		hazard.put("level", "MAJOR");
		hazard.put("category", "消防");
		hazard.put("description", "消防通道堵塞");
		hazard.put("foundOn", "2024-03-01");
		hazard.put("deadline", "2024-03-31");
		hazard.put("rectificationType", "BY_DEADLINE");
		long hazardId = id(this.api.postJson(staff, "/api/v1/safety/hazards", hazard)
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse());
		long complaint = id(this.api
			.postJson(staff, "/api/v1/safety/complaints",
					Map.of("zoneCode", this.zone, "receivedOn", "2024-03-02", "source", "12345政务服务热线", "content",
							"噪声扰民"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse());
		this.ids = new LinkedHashMap<>();
		this.ids.put("inspections", Long.toString(inspection));
		this.ids.put("hazards", Long.toString(hazardId));
		this.ids.put("complaints", Long.toString(complaint));
		this.ids.put("reports", "999999999");
		this.ids.put("username", staffUser);
	}

	// ---- the route table

	/** Every write endpoint under /api/v1, as (method, pattern, handler). */
	record Endpoint(HttpMethod method, String pattern, HandlerMethod handler, RequestMappingInfo info) {

		MethodParameter body() {
			for (MethodParameter p : this.handler.getMethodParameters()) {
				if (p.hasParameterAnnotation(RequestBody.class)) {
					return p;
				}
			}
			return null;
		}

		boolean multipart() {
			for (MethodParameter p : this.handler.getMethodParameters()) {
				if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
					return true;
				}
			}
			return false;
		}

		List<String> params() {
			List<String> names = new ArrayList<>();
			for (MethodParameter p : this.handler.getMethodParameters()) {
				RequestParam rp = p.getParameterAnnotation(RequestParam.class);
				if (rp != null && !MultipartFile.class.isAssignableFrom(p.getParameterType())) {
					String name = !rp.name().isEmpty() ? rp.name()
							: !rp.value().isEmpty() ? rp.value() : p.getParameter().getName();
					names.add(name);
				}
			}
			return names;
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	List<Endpoint> writeEndpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		this.routes.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/v1/")) {
					continue;
				}
				for (var method : info.getMethodsCondition().getMethods()) {
					HttpMethod m = HttpMethod.valueOf(method.name());
					if (m == HttpMethod.POST || m == HttpMethod.PUT || m == HttpMethod.PATCH
							|| m == HttpMethod.DELETE) {
						endpoints.add(new Endpoint(m, pattern, handler, info));
					}
				}
			}
		});
		endpoints.sort((a, b) -> a.toString().compareTo(b.toString()));
		return endpoints;
	}

	// ---- the test

	@Test
	void everyWriteEndpointRefusesTheWholeBadInputListAndChangesNothing() throws Exception {
		List<Endpoint> endpoints = writeEndpoints();
		assertThat(endpoints).as("write endpoints in the route table").hasSizeGreaterThan(30);
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Endpoint endpoint : endpoints) {
			if (endpoint.pattern().equals("/api/v1/auth/token") && endpoint.method() == HttpMethod.DELETE) {
				continue; // takes no input; answering it would revoke the token
			}
			String before = digest();
			for (BadRequest bad : badRequests(endpoint)) {
				MockHttpServletResponse response = send(endpoint, bad);
				sent++;
				int code = response.getStatus();
				String type = String.valueOf(response.getContentType());
				if (code < 400 || code >= 500) {
					failures.add(endpoint + " [" + bad.what() + "] answered " + code + " "
							+ shorten(response.getContentAsString()));
				}
				else if (!type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
					failures.add(endpoint + " [" + bad.what() + "] answered " + code + " as " + type);
				}
			}
			String after = digest();
			if (!before.equals(after)) {
				failures.add(endpoint + " changed the database: " + diff(before, after));
			}
		}
		assertThat(failures).as("of %d bad requests", sent).isEmpty();
	}

	/** One spoiled request: a label, the path, the query, the body or file. */
	record BadRequest(String what, String path, Map<String, String> query, String contentType, byte[] body,
			boolean multipartWithoutFile) {
	}

	List<BadRequest> badRequests(Endpoint endpoint) {
		List<BadRequest> list = new ArrayList<>();
		String path = path(endpoint, Map.of());
		Map<String, String> query = validQuery(endpoint);
		// path variables
		for (String variable : variables(endpoint.pattern())) {
			for (String value : List.of(HUGE.substring(0, 300), "-1", "99999999999999999999", "2099-01",
					"abc\u0001def")) {
				list.add(new BadRequest("path " + variable + "=" + shorten(value),
						path(endpoint, Map.of(variable, value)), query, MediaType.APPLICATION_JSON_VALUE,
						validBody(endpoint), false));
			}
		}
		// query parameters
		for (String param : endpoint.params()) {
			for (String value : List.of("\u0000", HUGE, "2099-01", "abc\u0007")) {
				Map<String, String> q = new LinkedHashMap<>(query);
				q.put(param, value);
				list.add(new BadRequest("param " + param + "=" + shorten(value), path, q,
						MediaType.APPLICATION_JSON_VALUE, validBody(endpoint), false));
			}
		}
		if (endpoint.multipart()) {
			list.add(new BadRequest("multipart without its file", path, query, null, null, true));
			list.add(new BadRequest("not an .xlsx or image", path, query, null, "not a file".getBytes(), false));
			list.add(new BadRequest("JSON to a multipart endpoint", path, query, MediaType.APPLICATION_JSON_VALUE,
					"{}".getBytes(), false));
			return list;
		}
		MethodParameter body = endpoint.body();
		if (body == null) {
			return list;
		}
		// the body as a whole
		list.add(new BadRequest("malformed JSON", path, query, MediaType.APPLICATION_JSON_VALUE, "{\"a\": ".getBytes(),
				false));
		list.add(new BadRequest("a JSON array", path, query, MediaType.APPLICATION_JSON_VALUE, "[1, 2]".getBytes(),
				false));
		list.add(
				new BadRequest("a JSON number", path, query, MediaType.APPLICATION_JSON_VALUE, "42".getBytes(), false));
		list.add(new BadRequest("text/plain", path, query, MediaType.TEXT_PLAIN_VALUE, "hello".getBytes(), false));
		if (body.getParameterAnnotation(RequestBody.class).required()) {
			list.add(new BadRequest("empty body", path, query, MediaType.APPLICATION_JSON_VALUE, new byte[0], false));
		}
		// one field spoiled at a time
		Class<?> type = body.getParameterType();
		if (type.isRecord()) {
			for (RecordComponent c : type.getRecordComponents()) {
				for (Object value : badValues(c.getName(), c.getType(), c.getGenericType())) {
					Map<String, Object> spoiled = new LinkedHashMap<>(skeleton(type));
					spoiled.put(c.getName(), value);
					list.add(new BadRequest(c.getName() + "=" + shorten(String.valueOf(value)), path, query,
							MediaType.APPLICATION_JSON_VALUE, TestApi.json(spoiled).getBytes(), false));
				}
			}
		}
		else if (Map.class.isAssignableFrom(type)) {
			Type valueType = ((ParameterizedType) body.getGenericParameterType()).getActualTypeArguments()[1];
			String key = mapKey(endpoint);
			for (Object value : badValues(key, (valueType instanceof Class<?> k) ? k : Object.class, valueType)) {
				Map<String, Object> spoiled = new LinkedHashMap<>();
				spoiled.put(key, value);
				list.add(new BadRequest(key + "=" + shorten(String.valueOf(value)), path, query,
						MediaType.APPLICATION_JSON_VALUE, TestApi.json(spoiled).getBytes(), false));
			}
			list.add(new BadRequest("unknown key", path, query, MediaType.APPLICATION_JSON_VALUE,
					TestApi.json(Map.of("no_such_code", 1)).getBytes(), false));
			list.add(new BadRequest("NUL key", path, query, MediaType.APPLICATION_JSON_VALUE,
					TestApi.json(Map.of("out\u0000put", 1)).getBytes(), false));
		}
		return list;
	}

	/**
	 * What is certainly wrong for a field of this type and name: 100 KB and NUL in text,
	 * control characters, numbers beyond any column (1e20, -1e20), wrong JSON types,
	 * months and dates far in the future, unknown codes.
	 */
	List<Object> badValues(String name, Class<?> type, Type generic) {
		List<Object> values = new ArrayList<>();
		if (type == String.class) {
			values.add(HUGE);
			values.add("a\u0000b");
			values.add("bell\u0007");
			values.add(Map.of("nested", "object"));
			values.add(List.of("an", "array"));
			String n = name.toLowerCase();
			if (n.contains("month") || n.contains("since")) {
				values.add("2099-01");
				values.add("2024-13");
			}
			else if (isDate(name)) {
				values.add("2099-01-01");
				values.add("1800-01-01");
				values.add("2024-02-30");
			}
			if (Set
				.of("level", "category", "kind", "status", "rectificationtype", "stage", "zonecode", "areacode",
						"industrycode", "enterprisecreditcode", "creditcode")
				.contains(n)) {
				values.add("NO_SUCH_CODE_" + LONG_65.substring(0, 10));
			}
		}
		else if (type == BigDecimal.class || type == Double.class) {
			values.add(new BigDecimal("1e20"));
			values.add(new BigDecimal("-1e20"));
			values.add("abc");
			values.add(List.of(1));
		}
		else if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
			values.add(new BigDecimal("99999999999999999999"));
			values.add("abc");
			values.add(Map.of());
		}
		else if (type == Boolean.class || type == boolean.class) {
			values.add("maybe");
			values.add(List.of(true));
		}
		else if (List.class.isAssignableFrom(type)) {
			Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
			values.add("not a list");
			if (element == String.class) {
				values.add(List.of(HUGE));
				values.add(List.of("a\u0000b"));
				values.add(java.util.Collections.nCopies(1000, "z"));
			}
			else {
				values.add(List.of("abc"));
				values.add(List.of(new BigDecimal("99999999999999999999")));
			}
		}
		else if (Map.class.isAssignableFrom(type)) {
			values.add("not a map");
			values.add(Map.of("output", new BigDecimal("1e20")));
			values.add(Map.of("output", "abc"));
			values.add(Map.of("no_such_code", 1));
			values.add(Map.of("out\u0000put", 1));
		}
		else {
			values.add("not an object");
			values.add(List.of(1, 2));
		}
		return values;
	}

	/** {@code on}, {@code foundOn}, {@code date}, {@code deadline}, {@code asOf}, … */
	static boolean isDate(String name) {
		return name.matches("on|date|deadline|.*(On|Date|Deadline|asOf)");
	}

	/** A valid value for every field of a record, by its name and type. */
	Map<String, Object> skeleton(Class<?> type) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (RecordComponent c : type.getRecordComponents()) {
			body.put(c.getName(), validValue(type.getSimpleName(), c.getName(), c.getType()));
		}
		return body;
	}

	Object validValue(String record, String name, Class<?> type) {
		String n = name.toLowerCase();
		if (type == Boolean.class || type == boolean.class) {
			return true;
		}
		if (type == BigDecimal.class || type == Double.class) {
			return n.equals("index") ? 103 : 1;
		}
		if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
			return switch (n) {
				case "inspectionid" -> Long.parseLong(this.ids.get("inspections"));
				case "complaintid" -> Long.parseLong(this.ids.get("complaints"));
				case "year" -> 2024;
				case "month", "datamonth" -> 3;
				default -> 0;
			};
		}
		if (List.class.isAssignableFrom(type)) {
			return switch (n) {
				case "enterprisecreditcodes", "creditcodes" -> List.of(this.enterprise);
				case "hazardids" -> List.of(Long.parseLong(this.ids.get("hazards")));
				case "paragraphs" -> List.of("段落");
				default -> List.of();
			};
		}
		if (Map.class.isAssignableFrom(type)) {
			return Map.of("output", 1);
		}
		if (type != String.class) {
			return null;
		}
		if (n.contains("creditcode")) {
			return this.enterprise;
		}
		if (n.equals("zonecode") || n.equals("zone")) {
			return this.zone;
		}
		if (n.contains("month") || n.contains("since")) {
			return "2024-03";
		}
		if (isDate(name)) {
			return "2024-03-05";
		}
		return switch (n) {
			case "level" -> "GENERAL";
			case "category" -> "消防";
			case "kind" -> switch (record) {
				case "RecordInspection" -> "ROUTINE";
				case "IssueNotice" -> "RECTIFICATION";
				case "Generate" -> "ANNUAL";
				case "GrantFlag" -> "HIGH_TECH";
				default -> "ROUTINE";
			};
			case "status" -> "IN_PRODUCTION";
			case "rectificationtype" -> "BY_DEADLINE";
			case "areacode" -> "east";
			case "industrycode" -> "C39";
			case "password" -> TestApi.STRONG_PASSWORD;
			default -> "测试";
		};
	}

	private String mapKey(Endpoint endpoint) {
		return endpoint.pattern().contains("zone-figures") ? "budget_revenue" : "output";
	}

	Map<String, String> validQuery(Endpoint endpoint) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String param : endpoint.params()) {
			query.put(param, switch (param) {
				case "zone" -> this.zone;
				case "month" -> "2024-03";
				case "stage" -> "FOUND";
				default -> "1";
			});
		}
		return query;
	}

	byte[] validBody(Endpoint endpoint) {
		MethodParameter body = endpoint.body();
		if (body == null) {
			return null;
		}
		Class<?> type = body.getParameterType();
		if (type.isRecord()) {
			return TestApi.json(skeleton(type)).getBytes();
		}
		return "{}".getBytes();
	}

	String path(Endpoint endpoint, Map<String, String> overrides) {
		StringBuilder path = new StringBuilder();
		String previous = "";
		for (String segment : endpoint.pattern().substring(1).split("/")) {
			path.append('/');
			if (segment.startsWith("{")) {
				String name = segment.substring(1, segment.length() - 1).split(":")[0];
				String value = overrides.containsKey(name) ? overrides.get(name) : validVariable(name, previous);
				path.append(org.springframework.web.util.UriUtils.encodePathSegment(value,
						java.nio.charset.StandardCharsets.UTF_8));
			}
			else {
				path.append(segment);
			}
			previous = segment;
		}
		return path.toString();
	}

	String validVariable(String name, String previous) {
		return switch (name) {
			case "creditCode" -> this.enterprise;
			case "code", "zone" -> previous.equals("roles") ? "LEADER" : this.zone;
			case "month" -> "2024-03";
			case "year" -> "2024";
			case "date" -> "2024-03-05";
			case "username" -> this.ids.get("username");
			case "key" -> "opening";
			case "id" -> this.ids.getOrDefault(previous, "1");
			default -> "1";
		};
	}

	static List<String> variables(String pattern) {
		List<String> names = new ArrayList<>();
		for (String segment : pattern.split("/")) {
			if (segment.startsWith("{")) {
				names.add(segment.substring(1, segment.length() - 1).split(":")[0]);
			}
		}
		return names;
	}

	MockHttpServletResponse send(Endpoint endpoint, BadRequest bad) throws Exception {
		MockHttpServletResponse last = null;
		for (String token : this.tokens) {
			AbstractMockHttpServletRequestBuilder<?> request;
			if (bad.multipartWithoutFile() || (endpoint.multipart() && bad.contentType() == null)) {
				MockMultipartHttpServletRequestBuilder m = multipart(endpoint.method(),
						java.net.URI.create(bad.path()));
				if (!bad.multipartWithoutFile()) {
					m.file(new MockMultipartFile("file", "bad.xlsx", "application/octet-stream", bad.body()));
				}
				m.param("stage", "FOUND");
				request = m;
			}
			else {
				MockHttpServletRequestBuilder plain = request(endpoint.method(), java.net.URI.create(bad.path()));
				if (bad.contentType() != null) {
					plain.contentType(bad.contentType());
				}
				if (bad.body() != null) {
					plain.content(bad.body());
				}
				request = plain;
			}
			bad.query().forEach(request::queryParam);
			request.header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON);
			last = this.mvc.perform(request).andReturn().getResponse();
			if (last.getStatus() != 403) {
				return last;
			}
		}
		return last;
	}

	// ---- the database before and after

	/** One digest per application table of all its rows. */
	String digest() {
		List<String> tables = this.jdbc.queryForList("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
				""", String.class);
		Map<String, String> digests = new TreeMap<>();
		for (String table : tables) {
			if (table.matches(EXCLUDED_TABLES)) {
				continue;
			}
			// rows and the newest row version: any insert, update or delete moves one of
			// them
			digests.put(table,
					this.jdbc.queryForObject(
							"SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM \"" + table + "\"",
							String.class));
		}
		return digests.toString();
	}

	private static String diff(String before, String after) {
		List<String> changed = new ArrayList<>();
		String[] a = before.substring(1, before.length() - 1).split(", ");
		String[] b = after.substring(1, after.length() - 1).split(", ");
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			if (!a[i].equals(b[i])) {
				changed.add(a[i].split("=")[0]);
			}
		}
		return changed.toString();
	}

	// ---- literal segments and variables

	/**
	 * A literal segment never falls into a variable route: where a route with a literal
	 * segment can be skipped for its media types or parameters, no route of the same
	 * method with a variable at that place may take the literal instead.
	 */
	@Test
	void noLiteralSegmentFallsIntoAVariableRoute() {
		PathPatternParser parser = new PathPatternParser();
		List<String> collisions = new ArrayList<>();
		var all = this.routes.getHandlerMethods().keySet();
		for (RequestMappingInfo literal : all) {
			boolean conditional = !literal.getProducesCondition().isEmpty() || !literal.getConsumesCondition().isEmpty()
					|| !literal.getParamsCondition().isEmpty() || !literal.getHeadersCondition().isEmpty();
			if (!conditional) {
				continue;
			}
			for (String lp : literal.getPatternValues()) {
				String concrete = lp.replaceAll("\\{[^}]*}", "1");
				for (RequestMappingInfo variable : all) {
					if (variable == literal || !sharesAMethod(literal, variable)) {
						continue;
					}
					for (String vp : variable.getPatternValues()) {
						if (vp.equals(lp) || !hasVariableWhereLiteral(lp, vp)) {
							continue;
						}
						PathPattern pattern = parser.parse(vp);
						if (pattern.matches(org.springframework.http.server.PathContainer.parsePath(concrete))) {
							collisions.add(lp + " falls into " + vp);
						}
					}
				}
			}
		}
		assertThat(collisions).isEmpty();
	}

	private static boolean sharesAMethod(RequestMappingInfo a, RequestMappingInfo b) {
		var ma = a.getMethodsCondition().getMethods();
		var mb = b.getMethodsCondition().getMethods();
		return ma.isEmpty() || mb.isEmpty() || ma.stream().anyMatch(mb::contains);
	}

	private static boolean hasVariableWhereLiteral(String literal, String variable) {
		String[] l = literal.split("/");
		String[] v = variable.split("/");
		if (l.length != v.length) {
			return false;
		}
		for (int i = 0; i < l.length; i++) {
			if (!l[i].startsWith("{") && v[i].startsWith("{")) {
				return true;
			}
		}
		return false;
	}

	// ---- what the issue saw, one by one

	@Test
	void aHugeHazardLocationIsRefusedNamingItInsteadOfBeingCut() throws Exception {
		String staff = this.tokens.get(0);
		Map<String, Object> hazard = hazard();
		hazard.put("location", HUGE);
		String before = digest();
		this.api.postJson(staff, "/api/v1/safety/hazards", hazard)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("location"));
		assertThat(digest()).isEqualTo(before);
	}

	@Test
	void anUnknownHazardCategoryAndAnInspectionThatNeverVisitedTheEnterpriseAreRefused() throws Exception {
		String staff = this.tokens.get(0);
		Map<String, Object> hazard = hazard();
		hazard.put("category", "外星入侵");
		this.api.postJson(staff, "/api/v1/safety/hazards", hazard)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("category"));
		long other = id(
				this.api
					.postJson(staff, "/api/v1/safety/inspections",
							Map.of("zoneCode", this.zone, "date", "2024-03-01", "kind", "ROUTINE",
									"enterpriseCreditCodes", List.of()))
					.andExpect(status().isCreated())
					.andReturn()
					.getResponse());
		Map<String, Object> linked = hazard();
		linked.put("inspectionId", other);
		this.api.postJson(staff, "/api/v1/safety/hazards", linked)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("inspectionId"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM safety_hazard WHERE inspection_id = ?", Long.class,
				other))
			.isZero();
	}

	@Test
	void enterpriseTextBeyondItsColumnNulAndAFutureEntryMonthAreRefusedNamingTheField() throws Exception {
		String staff = this.tokens.get(1);
		Map<String, Object> body = new LinkedHashMap<>(Map.of("creditCode", creditCode(), "name", "企业", "zoneCode",
				this.zone, "aboveScale", true, "aboveScaleSince", "2021-01"));
		body.put("legalRepresentative", LONG_65);
		this.api.postJson(staff, "/api/v1/enterprises", body)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("legalRepresentative"));
		body.remove("legalRepresentative");
		body.put("address", "工业大道\u00001号");
		this.api.postJson(staff, "/api/v1/enterprises", body)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("address"));
		body.remove("address");
		body.put("aboveScaleSince", "2099-01");
		this.api.postJson(staff, "/api/v1/enterprises", body)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("aboveScaleSince"));
	}

	@Test
	void fundsBeyondTheColumnAndAReminderForAMonthNotYetOverAreRefused() throws Exception {
		String staff = this.tokens.get(0);
		this.mvc
			.perform(TestApi.bearer(staff,
					TestApi.withJson(
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders
								.put("/api/v1/safety/hazards/" + this.ids.get("hazards") + "/plan"),
							Map.of("target", "整改", "measures", "措施", "funds", new BigDecimal("1e20"), "deadline",
									"2024-04-30"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("funds"));
		String future = java.time.YearMonth.now().plusYears(5).toString();
		this.mvc
			.perform(TestApi.bearer(staff,
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders
						.post("/api/v1/economy/completeness/reminders")
						.param("zone", this.zone)
						.param("month", future)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
	}

	private Map<String, Object> hazard() {
		Map<String, Object> hazard = new LinkedHashMap<>();
		hazard.put("enterpriseCreditCode", this.enterprise);
		hazard.put("level", "GENERAL");
		hazard.put("category", "消防");
		hazard.put("description", "灭火器过期");
		hazard.put("foundOn", "2024-03-01");
		hazard.put("deadline", "2024-03-31");
		hazard.put("rectificationType", "BY_DEADLINE");
		return hazard;
	}

	// ---- helpers

	private static long id(MockHttpServletResponse response) throws Exception {
		return ((Number) com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$.id")).longValue();
	}

	private static String shorten(String s) {
		String flat = s.replaceAll("\\p{Cntrl}", "?");
		return (flat.length() > 60) ? flat.substring(0, 60) + "…(" + s.length() + ")" : flat;
	}

	static String creditCode() {
		String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		java.util.Random random = new java.util.Random();
		StringBuilder first = new StringBuilder("91");
		for (int i = 0; i < 15; i++) {
			first.append(chars.charAt(random.nextInt(chars.length())));
		}
		return first.toString() + CreditCode.checkCharacter(first.toString());
	}

}
